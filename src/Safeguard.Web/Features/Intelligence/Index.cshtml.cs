using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Safeguard.Core.Intelligence;
using Safeguard.Web.Auth;
using Safeguard.Web.Data;

namespace Safeguard.Web.Features.Intelligence;

/// <summary>The intelligence unit's queue: what needs grading and routing, what agencies have not answered, what has ended.</summary>
[Authorize(Policy = Policies.IntelligenceUnit)]
public sealed class IndexModel(SafeguardDbContext db, IntelligenceSchedule schedule) : PageModel
{
    public List<ItemWork> ForTheUnit { get; private set; } = [];
    public List<ItemWork> AwaitingAgencies { get; private set; } = [];
    public List<ItemWork> Ended { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        var work = await IntelligenceWork.LoadAsync(db, schedule, cancellationToken: cancellationToken);
        ForTheUnit = [.. work.Where(w => !w.UnitStatus.Done).OrderBy(w => w.Item.SubmittedAt)];
        AwaitingAgencies = [.. work.Where(w => w.UnitStatus.Done && !w.Ended).OrderByDescending(w => w.Routings.Any(r => r.Status.Overdue)).ThenBy(w => w.Item.SubmittedAt)];
        Ended = [.. work.Where(w => w.Ended).Take(50)];
    }
}
