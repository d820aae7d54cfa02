using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.Mvc.Rendering;
using Microsoft.EntityFrameworkCore;
using Safeguard.Core;
using Safeguard.Core.Access;
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
/// The front door's decision on a concern: an outcome, a rationale (always), and sharing with every agency involved
/// by default, where not sharing with one is itself a decision with a reason. "No further action" goes to a team
/// manager to countersign; anything else stands at once and the reporter and the agencies are told.
/// </summary>
[Authorize(Policy = Policies.FrontDoor)]
public sealed class DecideModel(SafeguardDbContext db, ChildAccessService access, CaseworkSchedule schedule, Notifier notifier, LanguageReview language) : PageModel
{
    public const string Share = "share";
    public const string Withhold = "withhold";

    [BindProperty]
    public DecisionInput Input { get; set; } = new();

    public ConcernView View { get; private set; } = null!;
    public string ChildName { get; private set; } = "";

    public static List<SelectListItem> OutcomeOptions =>
        [.. FrontDoorRules.Outcomes.Select(o => new SelectListItem(FrontDoorRules.Describe(o) + (FrontDoorRules.NeedsCountersignature(o) ? " (a team manager countersigns)" : ""), o.ToString()))];

    public static List<SelectListItem> ShareOptions => [new("Share", Share), new("Do not share", Withhold)];

    public sealed class DecisionInput
    {
        public string? Outcome { get; set; }
        public string? Rationale { get; set; }
        public List<SharingInput> Sharing { get; set; } = [];
    }

    public sealed class SharingInput
    {
        public string? AgencyId { get; set; }
        public string? AgencyName { get; set; }
        public string? Choice { get; set; }
        public string? Reason { get; set; }
    }

    public async Task<IActionResult> OnGetAsync(Id<Concern> concernId, CancellationToken cancellationToken)
    {
        if (await LoadAsync(concernId, cancellationToken) is { } refusal)
        {
            return refusal;
        }
        Input.Sharing = [.. (await AgenciesToConsiderAsync(cancellationToken)).Select(a => new SharingInput { AgencyId = a.Id.ToString(), AgencyName = a.Name, Choice = Share })];
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(Id<Concern> concernId, CancellationToken cancellationToken)
    {
        if (await LoadAsync(concernId, cancellationToken) is { } refusal)
        {
            return refusal;
        }
        if (!Enum.TryParse<ConcernOutcome>(Input.Outcome, out var outcome) || !Enum.IsDefined(outcome))
        {
            ModelState.AddModelError("Input.Outcome", "Choose the decision");
        }
        var rationale = ModelState.RequiredText(Input.Rationale, "Input.Rationale", "Enter the reasons for the decision", 8000, "The reasons");
        var considered = (await AgenciesToConsiderAsync(cancellationToken)).ToDictionary(a => a.Id.ToString());
        var sharing = new List<ConcernSharing>();
        for (var i = 0; i < Input.Sharing.Count; i++)
        {
            var row = Input.Sharing[i];
            if (row.AgencyId is null || !considered.TryGetValue(row.AgencyId, out var agency))
            {
                ModelState.AddModelError($"Input.Sharing[{i}].Choice", "This agency is not one involved with the child: reload the page and choose again");
                continue;
            }
            row.AgencyName = agency.Name;
            if (row.Choice is not (Share or Withhold))
            {
                ModelState.AddModelError($"Input.Sharing[{i}].Choice", $"Choose whether to share the decision with {agency.Name}");
                continue;
            }
            var reason = row.Choice == Withhold
                ? ModelState.RequiredText(row.Reason, $"Input.Sharing[{i}].Reason", $"Enter why the decision is not shared with {agency.Name}", 2000, "The reason")
                : null;
            sharing.Add(new ConcernSharing { PersonId = View.Concern.PersonId!.Value, AgencyId = agency.Id, Shared = row.Choice == Share, ReasonNotShared = reason });
        }
        // Sharing is the default: an involved agency the form did not mention is shared with.
        foreach (var agency in considered.Values.Where(a => !sharing.Any(s => s.AgencyId == a.Id)))
        {
            sharing.Add(new ConcernSharing { PersonId = View.Concern.PersonId!.Value, AgencyId = agency.Id, Shared = true });
        }
        if (!language.ReadyToSave(ModelState, new LanguageField("Input.Rationale", rationale, "Front door: reasons for the decision")))
        {
            return Page();
        }

        var me = access.User;
        var now = db.Now;
        var concern = await db.Concerns.SingleAsync(c => c.Id == concernId, cancellationToken);
        concern.OwnerUserId ??= me.UserId;
        concern.OwnerAssignedAt ??= now;
        var child = concern.PersonId!.Value;
        var decision = new ConcernDecision
        {
            ConcernId = concernId,
            PersonId = child,
            Outcome = outcome,
            Rationale = rationale!,
            DecidedByUserId = me.UserId,
            DecidedAt = now,
            NeedsCountersignature = FrontDoorRules.NeedsCountersignature(outcome),
        };
        foreach (var row in sharing)
        {
            row.DecisionId = decision.Id;
            decision.Sharing.Add(row);
        }
        db.ConcernDecisions.Add(decision);
        await FrontDoorWork.EnsureContactCaseAsync(db, concern, cancellationToken);
        var withheld = sharing.Any(s => !s.Shared);
        var status = FrontDoorRules.Status(schedule, concern.ReceivedAt, decision.Facts, now);
        var summary = $"Front door decision on concern {concern.Reference}: {FrontDoorRules.Describe(outcome)}"
            + (decision.NeedsCountersignature ? " (waiting for a team manager's countersignature)." : ".")
            + (status.DecidedLate ? $" Decided after the deadline ({CaseworkText.Date(status.Deadline.Date)})." : "")
            + (withheld ? " The reasons are recorded on the concern; they are not shared with every agency." : $" Reasons: {rationale}");
        Chronicle.Add(db, child, me.AgencyId, me.UserId, ChronologyKinds.Decision, now, summary, $"decision/{decision.Id}");

        if (decision.NeedsCountersignature)
        {
            var countersigners = await CountersignersAsync(me, cancellationToken);
            await notifier.NotifyAsync(countersigners, $"countersign/{decision.Id}",
                $"{me.DisplayName} decided no further action on concern {concern.Reference} about {ChildName}: please countersign or refuse.",
                $"/front-door/concerns/{concernId}/countersign", "a front door decision needs your countersignature", cancellationToken);
        }
        else
        {
            await TellAsync(db, notifier, concern, decision, ChildName, cancellationToken);
        }
        await db.SaveChangesAsync(cancellationToken);
        TempData["Saved"] = decision.NeedsCountersignature
            ? "Decision recorded. A team manager has been asked to countersign it."
            : $"Decision recorded: {FrontDoorRules.Describe(outcome)}.";
        return Redirect($"/front-door/concerns/{concernId}");
    }

    /// <summary>
    /// Tells the reporter the outcome (always: the referrer is told), and the involved agencies it was shared with.
    /// Called when the decision stands: at once, or when "no further action" is countersigned.
    /// </summary>
    public static async Task TellAsync(SafeguardDbContext db, Notifier notifier, Concern concern, ConcernDecision decision, string childName, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(notifier);
        ArgumentNullException.ThrowIfNull(concern);
        ArgumentNullException.ThrowIfNull(decision);
        var outcome = FrontDoorRules.Describe(decision.Outcome);
        if (concern.ReportedByUserId is { } reporter)
        {
            await notifier.NotifyAsync([reporter], $"decision/{decision.Id}/reporter", $"The front door decided on your concern {concern.Reference}: {outcome}.",
                $"/concerns/{concern.Id}", "the front door has decided on a concern you reported", cancellationToken);
        }
        var leads = await FrontDoorWork.LeadWorkersAsync(db, decision.PersonId, cancellationToken);
        var told = new List<Guid>();
        foreach (var shared in decision.Sharing.Where(s => s.Shared))
        {
            told.AddRange(await FrontDoorWork.AgencyContactsAsync(db, leads, shared.AgencyId, cancellationToken));
        }
        await notifier.NotifyAsync(told.Where(u => u != decision.DecidedByUserId), $"decision/{decision.Id}/agencies",
            $"Front door decision about {childName} (concern {concern.Reference}): {outcome}.",
            $"/concerns/{concern.Id}", "a front door decision about a child you work with", cancellationToken);
    }

    /// <summary>The decider's line manager if they are a manager, else the team managers of the decider's agency.</summary>
    private async Task<List<Guid>> CountersignersAsync(UserContext me, CancellationToken cancellationToken)
    {
        var managerId = await db.Users.Where(u => u.Id == me.UserId).Select(u => u.ManagerId).SingleAsync(cancellationToken);
        var managers = await StaffDirectory.WithRoleAsync(db, Roles.TeamManager, me.AgencyId, cancellationToken);
        managers.AddRange(await StaffDirectory.WithRoleAsync(db, Roles.SeniorManager, me.AgencyId, cancellationToken));
        return managerId is { } line && managers.Contains(line) ? [line] : managers;
    }

    /// <summary>Every agency with an open case for the child, and the reporter's agency.</summary>
    private async Task<List<Agency>> AgenciesToConsiderAsync(CancellationToken cancellationToken)
    {
        var child = View.Concern.PersonId!.Value;
        var reporter = View.Concern.ReporterAgencyId;
        return await db.Agencies.AsNoTracking()
            .Where(a => a.Id == reporter || db.Cases.Any(c => c.PersonId == child && c.AgencyId == a.Id && c.ClosedAt == null))
            .OrderBy(a => a.Name).ToListAsync(cancellationToken);
    }

    private async Task<IActionResult?> LoadAsync(Id<Concern> concernId, CancellationToken cancellationToken)
    {
        if (await ConcernView.LoadAsync(db, schedule, concernId, cancellationToken) is not { } view)
        {
            return NotFound();
        }
        View = view;
        if (view.Concern.PersonId is not { } child || view.Decision is { CountersignRefused: false })
        {
            // Not linked yet, or already decided: the concern's page says which.
            return Redirect($"/front-door/concerns/{concernId}");
        }
        ChildName = await db.People.Where(p => p.Id == child).Select(p => p.GivenName + " " + p.FamilyName).SingleAsync(cancellationToken);
        // The concern, the child's name and the agencies working with them are shown (or acted on): logged first.
        await access.LogReadAsync(child, AccessActions.ViewConcern, cancellationToken);
        await db.SaveChangesAsync(cancellationToken);
        return null;
    }
}
