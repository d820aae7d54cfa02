using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Safeguard.Core.Intelligence;
using Safeguard.Web.Auth;
using Safeguard.Web.Data;

namespace Safeguard.Web.Features.Intelligence;

/// <summary>
/// For the partnership: per agency, how much of the intelligence passed to it led to action, how much was only
/// checked or decided against, and how much is still waiting (and overdue). Figures only, no content.
/// </summary>
[Authorize(Policy = Policies.IntelligenceOversight)]
public sealed class ResponsesModel(SafeguardDbContext db, IntelligenceSchedule schedule) : PageModel
{
    public List<AgencyResponse<string>> Agencies { get; private set; } = [];
    public int Received { get; private set; }
    public int WithTheUnit { get; private set; }
    public int WithTheUnitOverdue { get; private set; }
    public int DecidedByTheUnit { get; private set; }

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        var work = await IntelligenceWork.LoadAsync(db, schedule, cancellationToken: cancellationToken);
        Received = work.Count;
        WithTheUnit = work.Count(w => !w.UnitStatus.Done);
        WithTheUnitOverdue = work.Count(w => !w.UnitStatus.Done && w.UnitStatus.Overdue);
        DecidedByTheUnit = work.Count(w => w.UnitStatus.Done && w.Routings.Count == 0);
        var routings = work.SelectMany(w => w.Routings).Select(r => new RoutingFacts<string>(r.Agency, r.Outcomes, r.Status.Overdue));
        Agencies = [.. IntelligenceFigures.ByAgency(routings).OrderBy(a => a.Agency, StringComparer.Ordinal)];
    }
}
