using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Safeguard.Core;
using Safeguard.Core.Access;
using Safeguard.Core.Casework;
using Safeguard.Web.Auth;
using Safeguard.Web.Data;
using Safeguard.Web.Data.Model;

namespace Safeguard.Web.Features.Concerns;

/// <summary>
/// A concern and what became of it: the reporter's receipt, and later the decision. Seen by the reporter, the front
/// door, and anyone with a relationship to the child once it is linked to a record (their read is logged).
/// </summary>
public sealed class ConcernModel(SafeguardDbContext db, ChildAccessService access, CaseworkSchedule schedule) : PageModel
{
    public ConcernView View { get; private set; } = null!;
    public bool IsReporter { get; private set; }
    public bool IsFrontDoor { get; private set; }
    public bool MaySeeChild { get; private set; }

    public async Task<IActionResult> OnGetAsync(Id<Concern> concernId, CancellationToken cancellationToken)
    {
        // Who may see it is decided before the concern is read in full, with the same work whether or not it exists,
        // so that refusing a concern takes as long as refusing an id that does not exist.
        var facts = await db.Concerns.AsNoTracking().Where(c => c.Id == concernId).Select(c => new { c.PersonId, c.ReportedByUserId }).SingleOrDefaultAsync(cancellationToken);
        var user = access.User;
        var basis = await access.BasisAsync(facts?.PersonId ?? default, cancellationToken);
        IsReporter = facts is not null && facts.ReportedByUserId == user.UserId;
        IsFrontDoor = user.IsInRole(Roles.FrontDoor);
        MaySeeChild = facts?.PersonId is not null && basis != AccessBasis.None;
        if (facts is null || (!IsReporter && !IsFrontDoor && !MaySeeChild)
            || await ConcernView.LoadAsync(db, schedule, concernId, cancellationToken) is not { } view)
        {
            return NotFound();
        }
        if (facts.PersonId is { } child)
        {
            db.RecordAccess(Person.PersonStream(child), AccessActions.ViewConcern, basis.ToString());
            await db.SaveChangesAsync(cancellationToken);
        }
        View = view;
        return Page();
    }

    public string DecisionText => View.Decision is { } d ? FrontDoorRules.Describe(d.Outcome) : "";
}
