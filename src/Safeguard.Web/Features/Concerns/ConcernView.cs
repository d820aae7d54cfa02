using Microsoft.EntityFrameworkCore;
using Safeguard.Core;
using Safeguard.Core.Casework;
using Safeguard.Web.Data;
using Safeguard.Web.Data.Model;

namespace Safeguard.Web.Features.Concerns;

/// <summary>A concern with everything shown about it: who reported it, the front door's owner and decision, its state.</summary>
public sealed record ConcernView(
    Concern Concern,
    string ReporterAgency,
    string? ReporterName,
    string? OwnerName,
    ConcernDecision? Decision,
    string? DecidedBy,
    string? CountersignedBy,
    ConcernStatus Status,
    IReadOnlyList<(string Agency, bool Shared, string? Reason)> Sharing)
{
    public static async Task<ConcernView?> LoadAsync(SafeguardDbContext db, CaseworkSchedule schedule, Id<Concern> id, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(schedule);
        var concern = await db.Concerns.AsNoTracking().Include(c => c.Adults).SingleOrDefaultAsync(c => c.Id == id, cancellationToken);
        if (concern is null)
        {
            return null;
        }
        concern.Adults = [.. concern.Adults.OrderBy(a => a.Position)];
        var decision = await Latest(db.ConcernDecisions.AsNoTracking().Include(d => d.Sharing).Where(d => d.ConcernId == id), cancellationToken);
        var names = await NamesAsync(db, [concern.ReportedByUserId, concern.OwnerUserId, decision?.DecidedByUserId, decision?.CountersignedByUserId], cancellationToken);
        var agencies = await db.Agencies.AsNoTracking().ToDictionaryAsync(a => a.Id, a => a.Name, cancellationToken);
        var sharing = decision?.Sharing.Select(s => (agencies[s.AgencyId], s.Shared, s.ReasonNotShared)).OrderBy(s => s.Item1, StringComparer.Ordinal).ToList() ?? [];
        var standing = decision is { CountersignRefused: false } ? decision.Facts : null;
        return new ConcernView(
            concern,
            agencies[concern.ReporterAgencyId],
            concern.ReportedByUserId is { } reporter ? names.GetValueOrDefault(reporter) : concern.ReporterName,
            concern.OwnerUserId is { } owner ? names.GetValueOrDefault(owner) : null,
            decision,
            decision is null ? null : names.GetValueOrDefault(decision.DecidedByUserId),
            decision?.CountersignedByUserId is { } countersigner ? names.GetValueOrDefault(countersigner) : null,
            FrontDoorRules.Status(schedule, concern.ReceivedAt, standing, db.Now),
            sharing);
    }

    /// <summary>The latest decision on a concern: a refused one is kept, and a new one follows it.</summary>
    public static Task<ConcernDecision?> Latest(IQueryable<ConcernDecision> decisions, CancellationToken cancellationToken) =>
        decisions.OrderByDescending(d => d.DecidedAt).FirstOrDefaultAsync(cancellationToken);

    public static async Task<Dictionary<Guid, string>> NamesAsync(SafeguardDbContext db, IEnumerable<Guid?> ids, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(db);
        var wanted = ids.OfType<Guid>().Distinct().ToList();
        return await db.Users.AsNoTracking().Where(u => wanted.Contains(u.Id)).ToDictionaryAsync(u => u.Id, u => u.DisplayName, cancellationToken);
    }

    /// <summary>Whether the decision's details were withheld from an agency (the outcome itself is always told to the reporter).</summary>
    public bool WithheldFrom(Id<Agency> agency) => Decision?.Sharing.Any(s => s.AgencyId == agency && !s.Shared) == true;

    public string StatusTag => Status.State switch
    {
        ConcernState.DecisionOverdue => "govuk-tag--red",
        ConcernState.AwaitingCountersignature => "govuk-tag--yellow",
        ConcernState.Decided => "govuk-tag--green",
        _ => "govuk-tag--blue",
    };
}
