using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Safeguard.Core.Intelligence;
using Safeguard.Web.Auth;
using Safeguard.Web.Data;
using Safeguard.Web.Features.Intelligence;

namespace Safeguard.Web.Features.Disruption;

/// <summary>
/// Every identified suspect: those with no plan or a plan gone quiet ("identified, not disrupted", by name of the
/// owner responsible, escalating like overdue actions), those being disrupted, and the partnership's funnel.
/// </summary>
public sealed class IndexModel(SafeguardDbContext db, IntelligenceSchedule schedule) : PageModel
{
    public List<SuspectWork> NotDisrupted { get; private set; } = [];
    public List<SuspectWork> Active { get; private set; } = [];
    public List<SuspectWork> Closed { get; private set; } = [];
    public DisruptionFunnel Funnel { get; private set; } = new(0, 0, 0, 0);
    public Ladder Ladder { get; private set; } = null!;

    public async Task<IActionResult> OnGetAsync(CancellationToken cancellationToken)
    {
        if (await DisruptionWork.AccessAsync(db, UserContext.From(User), cancellationToken) == DisruptionAccessLevel.None)
        {
            return Forbid();
        }
        var suspects = await DisruptionWork.LoadAsync(db, schedule, cancellationToken: cancellationToken);
        Ladder = await Ladder.LoadAsync(db, cancellationToken);
        NotDisrupted = [.. suspects.Where(s => s.Status.NotDisrupted).OrderByDescending(s => s.Status.Escalation?.Current).ThenBy(s => s.Status.Due?.EndsAt)];
        Active = [.. suspects.Where(s => s.Status.State == DisruptionState.Active)];
        Closed = [.. suspects.Where(s => s.Status.State == DisruptionState.Closed)];
        Funnel = IntelligenceFigures.Funnel(suspects.Select(s => s.Progress));
        return Page();
    }
}
