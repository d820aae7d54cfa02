using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Safeguard.Core;
using Safeguard.Core.Casework;
using Safeguard.Web.Auth;
using Safeguard.Web.Data;
using Safeguard.Web.Data.Model;
using Safeguard.Web.Features.Concerns;

namespace Safeguard.Web.Features.FrontDoor;

/// <summary>
/// The front door's triage queue: every concern still waiting for a standing decision, a child in immediate danger
/// first, then by deadline, each with its owner and deadline; and the decisions of the last two weeks.
/// </summary>
[Authorize(Policy = Policies.FrontDoor)]
public sealed class IndexModel(SafeguardDbContext db, CaseworkSchedule schedule) : PageModel
{
    public List<Row> Queue { get; private set; } = [];
    public List<Row> RecentlyDecided { get; private set; } = [];

    public sealed record Row(Id<Concern> Id, string Reference, string Child, string From, DateTimeOffset ReceivedAt, bool ImmediateDanger, string? Owner, ConcernStatus Status, string? Outcome);

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        var now = db.Now;
        var since = now.AddDays(-14);
        var latest = db.ConcernDecisions.Where(d => !db.ConcernDecisions.Any(later => later.ConcernId == d.ConcernId && later.DecidedAt > d.DecidedAt));
        var rows = await db.Concerns.AsNoTracking()
            .GroupJoin(latest, c => c.Id, d => d.ConcernId, (c, d) => new { c, d })
            .SelectMany(x => x.d.DefaultIfEmpty(), (x, d) => new { x.c, d })
            .Where(x => x.d == null || x.d.CountersignRefused || (x.d.NeedsCountersignature && x.d.CountersignedAt == null) || x.d.DecidedAt >= since)
            .Join(db.Agencies, x => x.c.ReporterAgencyId, a => a.Id, (x, a) => new { x.c, x.d, From = a.Name })
            .ToListAsync(cancellationToken);
        var names = await ConcernView.NamesAsync(db, rows.Select(r => r.c.OwnerUserId), cancellationToken);
        var all = rows.Select(r =>
        {
            var standing = r.d is { CountersignRefused: false } ? r.d.Facts : null;
            return new Row(r.c.Id, r.c.Reference, r.c.ChildName, r.From, r.c.ReceivedAt, r.c.ImmediateDanger,
                r.c.OwnerUserId is { } owner ? names.GetValueOrDefault(owner) : null,
                FrontDoorRules.Status(schedule, r.c.ReceivedAt, standing, now), standing is null ? null : FrontDoorRules.Describe(standing.Outcome));
        }).ToDictionary(r => r.Id);
        var waiting = all.Values.Where(r => r.Status.State != ConcernState.Decided);
        Queue = [.. FrontDoorRules.QueueOrder(waiting.Select(r => new QueuedConcern<Id<Concern>>(r.Id, r.ReceivedAt, r.ImmediateDanger))).Select(id => all[id])];
        RecentlyDecided = [.. all.Values.Where(r => r.Status.State == ConcernState.Decided).OrderByDescending(r => r.ReceivedAt)];
    }

    public static string Tag(ConcernState state) => state switch
    {
        ConcernState.DecisionOverdue => "govuk-tag--red",
        ConcernState.AwaitingCountersignature => "govuk-tag--yellow",
        ConcernState.Decided => "govuk-tag--green",
        _ => "govuk-tag--blue",
    };
}
