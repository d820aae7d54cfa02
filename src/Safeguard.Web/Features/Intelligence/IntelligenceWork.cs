using Microsoft.EntityFrameworkCore;
using Safeguard.Core;
using Safeguard.Core.Intelligence;
using Safeguard.Web.Data;
using Safeguard.Web.Data.Model;

namespace Safeguard.Web.Features.Intelligence;

/// <summary>One routing and where its response stands now.</summary>
public sealed record RoutingWork(Id<IntelligenceRouting> Id, Id<Agency> AgencyId, string Agency, Guid Owner, DateTimeOffset RoutedAt, WorkStatus Status,
    IReadOnlyList<OutcomeKind> Outcomes);

/// <summary>One item with the unit's step and every routing, their deadlines computed for now.</summary>
public sealed record ItemWork(IntelligenceItem Item, string FromAgency, WorkStatus UnitStatus, IReadOnlyList<RoutingWork> Routings)
{
    /// <summary>Ended: the unit decided it, or every agency it went to recorded what became of it.</summary>
    public bool Ended => UnitStatus.Done && Routings.All(r => r.Status.Done);
}

/// <summary>
/// The state of every intelligence item, computed from the stored facts and the clock on each read (nothing
/// depends on a job having run): the lists, the escalations and the partnership's figures all come from here.
/// </summary>
public static class IntelligenceWork
{
    /// <param name="only">One item, for its own page; null for all.</param>
    public static async Task<List<ItemWork>> LoadAsync(SafeguardDbContext db, IntelligenceSchedule schedule, Id<IntelligenceItem>? only = null,
        CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(schedule);
        var now = db.Now;
        var items = await db.IntelligenceItems.AsNoTracking().Where(i => only == null || i.Id == only)
            .Join(db.Agencies, i => i.SubmittedByAgencyId, a => a.Id, (i, a) => new { Item = i, Agency = a.Name })
            .OrderByDescending(x => x.Item.SubmittedAt).ToListAsync(cancellationToken);
        var routings = await db.IntelligenceRoutings.AsNoTracking().Where(r => only == null || r.ItemId == only)
            .Join(db.Agencies, r => r.AgencyId, a => a.Id, (r, a) => new { Routing = r, Agency = a.Name }).ToListAsync(cancellationToken);
        var outcomes = await db.IntelligenceOutcomes.AsNoTracking().Where(o => only == null || o.ItemId == only)
            .Select(o => new { o.ItemId, o.RoutingId, o.Kind, o.RecordedAt }).ToListAsync(cancellationToken);
        var routingsByItem = routings.ToLookup(r => r.Routing.ItemId);
        var outcomesByRouting = outcomes.Where(o => o.RoutingId != null).ToLookup(o => o.RoutingId!.Value);
        var unitDecisions = outcomes.Where(o => o.RoutingId == null).ToLookup(o => o.ItemId);
        return [.. items.Select(x =>
        {
            var itemRoutings = routingsByItem[x.Item.Id].OrderBy(r => r.Routing.RoutedAt).Select(r =>
            {
                var recorded = outcomesByRouting[r.Routing.Id].OrderBy(o => o.RecordedAt).ToList();
                var status = schedule.Routing(r.Routing.RoutedAt, x.Item.Priority, recorded.Count == 0 ? null : recorded[0].RecordedAt, now);
                return new RoutingWork(r.Routing.Id, r.Routing.AgencyId, r.Agency, r.Routing.OwnerUserId, r.Routing.RoutedAt, status, [.. recorded.Select(o => o.Kind)]);
            }).ToList();
            var unitDone = itemRoutings.Select(r => (DateTimeOffset?)r.RoutedAt).Concat(unitDecisions[x.Item.Id].Select(o => (DateTimeOffset?)o.RecordedAt)).Min();
            return new ItemWork(x.Item, x.Agency, schedule.UnitStep(x.Item.SubmittedAt, unitDone, now), itemRoutings);
        })];
    }
}
