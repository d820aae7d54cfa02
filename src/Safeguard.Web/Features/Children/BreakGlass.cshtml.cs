using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Safeguard.Core;
using Safeguard.Core.Access;
using Safeguard.Web.Auth;
using Safeguard.Web.Data;
using Safeguard.Web.Data.Model;
using Safeguard.Web.Features.Shared;

namespace Safeguard.Web.Features.Children;

/// <summary>
/// Breaking the glass: opening a record without a relationship, in an emergency, with a written reason that goes
/// to the access log and to the user's line manager to review.
/// </summary>
public sealed class BreakGlassModel(SafeguardDbContext db, ChildAccessService access) : PageModel
{
    [BindProperty]
    public ReasonInput Input { get; set; } = new();

    public Id<Person> Id { get; private set; }
    public string Name { get; private set; } = "";
    public int Hours => (int)ChildRecordAccess.BreakGlassLasts.TotalHours;

    public sealed class ReasonInput
    {
        public string? Reason { get; set; }
    }

    public async Task<IActionResult> OnGetAsync(Id<Person> id, CancellationToken cancellationToken) =>
        await LoadAsync(id, cancellationToken) ?? Page();

    public async Task<IActionResult> OnPostAsync(Id<Person> id, CancellationToken cancellationToken)
    {
        if (await LoadAsync(id, cancellationToken) is { } early)
        {
            return early;
        }
        var reason = ModelState.AccessReason(Input.Reason, "Input.Reason", "Enter why you need to see this record now", "say what has happened");
        if (!ModelState.IsValid)
        {
            return Page();
        }
        var user = access.User;
        var managerId = await db.Users.Where(u => u.Id == user.UserId).Select(u => u.ManagerId).SingleAsync(cancellationToken);
        var now = db.Now;
        db.BreakGlass.Add(new BreakGlassAccess
        {
            PersonId = id,
            UserId = user.UserId,
            Reason = reason,
            At = now,
            ExpiresAt = now + ChildRecordAccess.BreakGlassLasts,
            ReviewerUserId = managerId,
            Review = BreakGlassReview.Pending,
        });
        db.RecordAccess(Person.PersonStream(id), AccessActions.BreakGlass, nameof(AccessBasis.BreakGlass), reason);
        await db.SaveChangesAsync(cancellationToken);
        return Redirect($"/children/{id}");
    }

    private async Task<IActionResult?> LoadAsync(Id<Person> id, CancellationToken cancellationToken)
    {
        // Children only: this is the way in from search, which finds children only. An adult's name (a suspect the
        // intelligence unit linked) must not be told to whoever holds their id: answered as an id that does not exist.
        var person = await db.People.AsNoTracking().Where(p => p.Id == id && p.Kind == PersonKind.Child).Select(p => new { p.GivenName, p.FamilyName }).SingleOrDefaultAsync(cancellationToken);
        if (person is null)
        {
            return NotFound();
        }
        var basis = await access.BasisAsync(id, cancellationToken);
        if (basis != AccessBasis.None)
        {
            return Redirect($"/children/{id}");
        }
        Id = id;
        Name = $"{person.GivenName} {person.FamilyName}";
        return null;
    }
}
