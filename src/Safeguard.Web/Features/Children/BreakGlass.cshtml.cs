using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Safeguard.Core;
using Safeguard.Core.Access;
using Safeguard.Web.Auth;
using Safeguard.Web.Data;
using Safeguard.Web.Data.Model;
using Safeguard.Web.Features.Reviews;
using Safeguard.Web.Features.Shared;
using Safeguard.Web.Notifications;

namespace Safeguard.Web.Features.Children;

/// <summary>
/// Breaking the glass: opening a record without a relationship, in an emergency, with a written reason that goes
/// to the access log and to a named reviewer (the user's line manager, else a senior manager of their agency, else
/// the partnership's designated reviewer; never the user), who is told at once.
/// </summary>
public sealed class BreakGlassModel(SafeguardDbContext db, ChildAccessService access, BreakGlassReviewing reviewing, Notifier notifier,
    ILogger<BreakGlassModel> logger) : PageModel
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
        // Named now and stored, so the review stays with the person who was responsible when the glass was broken.
        if (await reviewing.ChooseAsync(user.UserId, cancellationToken) is not { } reviewer)
        {
            // Opening a record that nobody will ever review is the failure this page exists to prevent.
            logger.LogError("Break-glass refused: the partnership has designated no reviewer other than the user (see {Section})", BreakGlassReviewerSettings.Section);
            ModelState.AddModelError("Input.Reason", "Emergency access cannot be given because nobody is set up to review it. If a child is in danger now, call the police on 999; then ask the partnership to name a reviewer.");
            return Page();
        }
        var now = db.Now;
        var breakGlass = new BreakGlassAccess
        {
            PersonId = id,
            UserId = user.UserId,
            Reason = reason,
            At = now,
            ExpiresAt = now + ChildRecordAccess.BreakGlassLasts,
            ReviewerUserId = reviewer.ReviewerId,
            ReviewerBasis = reviewer.Basis,
            Review = BreakGlassReview.Pending,
        };
        db.BreakGlass.Add(breakGlass);
        db.RecordAccess(Person.PersonStream(id), AccessActions.BreakGlass, nameof(AccessBasis.BreakGlass), reason);
        // The child is not named: the reviewer may have no relationship with them, and sees who it is in the queue.
        var due = Safeguard.Core.Casework.CaseworkText.Date(reviewing.DueOf(breakGlass).Date);
        await notifier.NotifyAsync([reviewer.ReviewerId], $"break-glass/{breakGlass.Id}",
            $"{user.DisplayName} used emergency access to a child's record. Review it by {due}.", "/reviews",
            "emergency access is waiting for your review", cancellationToken);
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
