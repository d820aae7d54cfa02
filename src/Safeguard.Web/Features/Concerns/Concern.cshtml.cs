using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
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
        if (await ConcernView.LoadAsync(db, schedule, concernId, cancellationToken) is not { } view)
        {
            return NotFound();
        }
        var user = access.User;
        IsReporter = view.Concern.ReportedByUserId == user.UserId;
        IsFrontDoor = user.IsInRole(Roles.FrontDoor);
        if (view.Concern.PersonId is { } child)
        {
            var basis = await access.BasisAsync(child, cancellationToken);
            MaySeeChild = basis != AccessBasis.None;
            if (MaySeeChild || IsFrontDoor || IsReporter)
            {
                db.RecordAccess(Person.PersonStream(child), AccessActions.ViewConcern, basis.ToString());
                await db.SaveChangesAsync(cancellationToken);
            }
        }
        if (!IsReporter && !IsFrontDoor && !MaySeeChild)
        {
            return NotFound();
        }
        View = view;
        return Page();
    }

    public string DecisionText => View.Decision is { } d ? FrontDoorRules.Describe(d.Outcome) : "";
}
