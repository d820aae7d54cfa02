using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Safeguard.Core;
using Safeguard.Core.Casework;
using Safeguard.Web.Auth;
using Safeguard.Web.Data;
using Safeguard.Web.Data.Model;

namespace Safeguard.Web.Features.Concerns;

/// <summary>The concerns the signed-in user reported, newest first, with where each stands.</summary>
public sealed class IndexModel(SafeguardDbContext db, CaseworkSchedule schedule) : PageModel
{
    public List<Row> Concerns { get; private set; } = [];

    public sealed record Row(Id<Concern> Id, string Reference, string Child, DateTimeOffset ReceivedAt, ConcernStatus Status, string? Outcome);

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        var me = UserContext.From(User).UserId;
        var mine = await db.Concerns.AsNoTracking().Where(c => c.ReportedByUserId == me).OrderByDescending(c => c.ReceivedAt).Take(200)
            .Select(c => new { c.Id, c.Reference, c.ChildGivenName, c.ChildFamilyName, c.ReceivedAt }).ToListAsync(cancellationToken);
        var ids = mine.Select(c => c.Id).ToList();
        var decisions = (await db.ConcernDecisions.AsNoTracking().Where(d => ids.Contains(d.ConcernId)).ToListAsync(cancellationToken))
            .GroupBy(d => d.ConcernId).ToDictionary(g => g.Key, g => g.OrderByDescending(d => d.DecidedAt).First());
        var now = db.Now;
        Concerns = [.. mine.Select(c =>
        {
            var decision = decisions.GetValueOrDefault(c.Id);
            var standing = decision is { CountersignRefused: false } ? decision : null;
            return new Row(c.Id, c.Reference, $"{c.ChildGivenName} {c.ChildFamilyName}".Trim(), c.ReceivedAt,
                FrontDoorRules.Status(schedule, c.ReceivedAt, standing?.Facts, now), standing is null ? null : FrontDoorRules.Describe(standing.Outcome));
        })];
    }
}
