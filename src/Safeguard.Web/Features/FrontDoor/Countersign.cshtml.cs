using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.Mvc.Rendering;
using Microsoft.EntityFrameworkCore;
using Safeguard.Core;
using Safeguard.Core.Casework;
using Safeguard.Web.Auth;
using Safeguard.Web.Casework;
using Safeguard.Web.Data;
using Safeguard.Web.Data.Model;
using Safeguard.Web.Features.Concerns;
using Safeguard.Web.Features.Language;
using Safeguard.Web.Features.Shared;
using Safeguard.Web.Notifications;

namespace Safeguard.Web.Features.FrontDoor;

/// <summary>
/// A team manager countersigns "no further action", or refuses with a reason, which sends the concern back to the
/// front door's queue (still measured against its original deadline). Only a manager of the decider's agency, and
/// never the decider.
/// </summary>
[Authorize(Policy = Policies.Managers)]
public sealed class CountersignModel(SafeguardDbContext db, ChildAccessService access, CaseworkSchedule schedule, Notifier notifier, LanguageReview language) : PageModel
{
    [BindProperty]
    public string? Agree { get; set; }

    [BindProperty]
    public string? Note { get; set; }

    public ConcernView View { get; private set; } = null!;
    public string ChildName { get; private set; } = "";

    public static List<SelectListItem> Choices => [new("Yes, countersign: no further action", "yes"), new("No: send it back to the front door", "no")];

    public async Task<IActionResult> OnGetAsync(Id<Concern> concernId, CancellationToken cancellationToken) =>
        await LoadAsync(concernId, cancellationToken) ?? Page();

    public async Task<IActionResult> OnPostAsync(Id<Concern> concernId, CancellationToken cancellationToken)
    {
        if (await LoadAsync(concernId, cancellationToken) is { } refusal)
        {
            return refusal;
        }
        if (Agree is not ("yes" or "no"))
        {
            ModelState.AddModelError(nameof(Agree), "Choose whether you countersign the decision");
        }
        var note = Agree == "no"
            ? ModelState.RequiredText(Note, nameof(Note), "Enter why you do not agree, so the front door can decide again", 4000, "Your reasons")
            : ModelState.OptionalText(Note, nameof(Note), 4000, "Your note");
        if (!language.ReadyToSave(ModelState, new LanguageField(nameof(Note), note, "Front door: countersignature reasons")))
        {
            return Page();
        }
        var me = access.User;
        var now = db.Now;
        var decision = await db.ConcernDecisions.Include(d => d.Sharing).SingleAsync(d => d.Id == View.Decision!.Id, cancellationToken);
        var concern = await db.Concerns.SingleAsync(c => c.Id == concernId, cancellationToken);
        decision.CountersignNote = note;
        if (Agree == "yes")
        {
            decision.CountersignedByUserId = me.UserId;
            decision.CountersignedAt = now;
            await FrontDoorWork.CloseContactCaseAsync(db, concern, cancellationToken);
            Chronicle.Add(db, decision.PersonId, me.AgencyId, me.UserId, ChronologyKinds.Decision, now,
                $"No further action on concern {concern.Reference} countersigned by {me.DisplayName}.{(note is null ? "" : $" {note}")}", $"decision/{decision.Id}/countersigned");
            await DecideModel.TellAsync(db, notifier, concern, decision, ChildName, cancellationToken);
            TempData["Saved"] = $"You countersigned no further action on concern {concern.Reference}.";
        }
        else
        {
            decision.CountersignRefused = true;
            Chronicle.Add(db, decision.PersonId, me.AgencyId, me.UserId, ChronologyKinds.Decision, now,
                $"No further action on concern {concern.Reference} was not countersigned by {me.DisplayName}: {note} The concern went back to the front door.", $"decision/{decision.Id}/refused");
            await notifier.NotifyAsync(new[] { decision.DecidedByUserId, concern.OwnerUserId ?? decision.DecidedByUserId }, $"countersign-refused/{decision.Id}",
                $"{me.DisplayName} did not countersign no further action on concern {concern.Reference}: decide again.",
                $"/front-door/concerns/{concernId}", "a front door decision was sent back", cancellationToken);
            TempData["Saved"] = $"Concern {concern.Reference} went back to the front door.";
        }
        await db.SaveChangesAsync(cancellationToken);
        return Redirect("/my-work");
    }

    private async Task<IActionResult?> LoadAsync(Id<Concern> concernId, CancellationToken cancellationToken)
    {
        if (await ConcernView.LoadAsync(db, schedule, concernId, cancellationToken) is not { } view
            || view.Decision is not { NeedsCountersignature: true, CountersignedAt: null, CountersignRefused: false } decision)
        {
            return NotFound();
        }
        var me = access.User;
        var deciderAgency = await db.Users.Where(u => u.Id == decision.DecidedByUserId).Select(u => u.AgencyId).SingleAsync(cancellationToken);
        if (decision.DecidedByUserId == me.UserId || deciderAgency != me.AgencyId)
        {
            return NotFound();
        }
        View = view;
        ChildName = await db.People.Where(p => p.Id == decision.PersonId).Select(p => p.GivenName + " " + p.FamilyName).SingleAsync(cancellationToken);
        // The concern and the decision about the child are shown (or acted on): logged first.
        await access.LogReadAsync(decision.PersonId, AccessActions.ViewConcern, cancellationToken);
        await db.SaveChangesAsync(cancellationToken);
        return null;
    }
}
