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
using Safeguard.Web.Features.Language;
using Safeguard.Web.Features.Shared;
using Safeguard.Web.Notifications;

namespace Safeguard.Web.Features.Actions;

/// <summary>
/// One action: its owner, due date, where it came from and where it stands on the escalation ladder. Seen by its
/// owner, whoever assigned it, the managers it has been escalated to, and anyone with a relationship to the child
/// (every read is logged on the child's record, since the action is about the child). The owner, a manager it has
/// reached, or a worker with the child completes it with a note of what was done; a manager it has reached answers
/// the escalation, and may hand the action to someone else.
/// </summary>
public sealed class ActionModel(SafeguardDbContext db, ChildAccessService access, CaseworkSchedule schedule, Notifier notifier, LanguageReview language) : PageModel
{
    [BindProperty]
    public string? CompletionNote { get; set; }

    [BindProperty]
    public string? ResponseNote { get; set; }

    [BindProperty]
    public string? ReassignTo { get; set; }

    public CaseAction Action { get; private set; } = null!;
    public ActionLadder Ladder { get; private set; } = null!;
    public string ChildName { get; private set; } = "";
    public bool MayOpenChild { get; private set; }
    public bool MayComplete { get; private set; }
    public bool MayRespond { get; private set; }
    public EscalationLevel? EscalatedToMe { get; private set; }
    public string Source { get; private set; } = "";
    public string? SourceLink { get; private set; }
    public Dictionary<Guid, string> People { get; private set; } = [];
    public List<ActionResponse> Responses { get; private set; } = [];
    public List<ActionEscalation> Recorded { get; private set; } = [];
    public List<SelectListItem> ReassignOptions { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(Id<CaseAction> actionId, CancellationToken cancellationToken) =>
        await LoadAsync(actionId, cancellationToken) ?? Page();

    public async Task<IActionResult> OnPostCompleteAsync(Id<CaseAction> actionId, CancellationToken cancellationToken)
    {
        if (await LoadAsync(actionId, cancellationToken) is { } refusal)
        {
            return refusal;
        }
        if (!MayComplete)
        {
            return Forbid();
        }
        var note = ModelState.RequiredText(CompletionNote, nameof(CompletionNote), "Enter what was done", 8000, "What was done");
        if (!language.ReadyToSave(ModelState, new LanguageField(nameof(CompletionNote), note, "Action: what was done")))
        {
            return Page();
        }
        var me = access.User;
        var now = db.Now;
        var action = await db.Actions.SingleAsync(a => a.Id == actionId, cancellationToken);
        action.CompletedAt = now;
        action.CompletedByUserId = me.UserId;
        action.CompletionNote = note;
        var late = action.Due.HasPassed(now) ? $" (due by {CaseworkText.Date(action.DueDate)}: done late)" : "";
        var kind = action.MissingEpisodeId is null ? ChronologyKinds.ActionCompleted : ChronologyKinds.ReturnHomeInterview;
        Chronicle.Add(db, action.PersonId, me.AgencyId, me.UserId, kind, now, $"\"{action.Title}\" done by {me.DisplayName}{late}: {note}", $"action/{action.Id}");
        await notifier.NotifyAsync(new[] { action.AssignedByUserId, action.OwnerUserId }.Where(u => u != me.UserId), $"action-done/{action.Id}",
            $"The action \"{action.Title}\" about {ChildName} is done.", $"/actions/{action.Id}", "an action has been done", cancellationToken);
        await db.SaveChangesAsync(cancellationToken);
        TempData["Saved"] = "The action is done.";
        return Redirect($"/actions/{actionId}");
    }

    public async Task<IActionResult> OnPostRespondAsync(Id<CaseAction> actionId, CancellationToken cancellationToken)
    {
        if (await LoadAsync(actionId, cancellationToken) is { } refusal)
        {
            return refusal;
        }
        if (!MayRespond)
        {
            return Forbid();
        }
        var note = ModelState.RequiredText(ResponseNote, nameof(ResponseNote), "Enter your response", 4000, "Your response");
        AppUser? newOwner = null;
        if (!string.IsNullOrEmpty(ReassignTo))
        {
            newOwner = EscalatedToMe is not null && Guid.TryParse(ReassignTo, out var to)
                ? await db.Users.SingleOrDefaultAsync(u => u.Id == to && u.IsActive, cancellationToken)
                : null;
            if (newOwner is null)
            {
                ModelState.AddModelError(nameof(ReassignTo), "Choose someone from the list, or leave the owner as they are");
            }
        }
        if (!language.ReadyToSave(ModelState, new LanguageField(nameof(ResponseNote), note, "Action: response")))
        {
            return Page();
        }
        var me = access.User;
        var action = await db.Actions.SingleAsync(a => a.Id == actionId, cancellationToken);
        db.ActionResponses.Add(new ActionResponse
        {
            ActionId = actionId,
            PersonId = action.PersonId,
            ByUserId = me.UserId,
            At = db.Now,
            AtLevel = Ladder.Status.Current,
            Note = note!,
            ReassignedToUserId = newOwner?.Id,
        });
        var previousOwner = action.OwnerUserId;
        if (newOwner is not null && newOwner.Id != previousOwner)
        {
            action.OwnerUserId = newOwner.Id;
            action.OwnerAgencyId = newOwner.AgencyId;
            await notifier.NotifyAsync([newOwner.Id], $"action-reassigned/{action.Id}/{newOwner.Id}",
                $"{me.DisplayName} gave you the overdue action \"{action.Title}\" about {ChildName}.", $"/actions/{action.Id}", "you have been given an overdue action", cancellationToken);
        }
        await notifier.NotifyAsync(new[] { previousOwner }.Where(u => u != me.UserId), $"action-response/{action.Id}/{Guid.CreateVersion7()}",
            $"{me.DisplayName} responded on the action \"{action.Title}\": {note}", $"/actions/{action.Id}", "a manager has responded on your action", cancellationToken);
        await db.SaveChangesAsync(cancellationToken);
        TempData["Saved"] = newOwner is null ? "Your response is recorded." : $"Your response is recorded and the action is now {newOwner.DisplayName}'s.";
        return Redirect($"/actions/{actionId}");
    }

    private async Task<IActionResult?> LoadAsync(Id<CaseAction> actionId, CancellationToken cancellationToken)
    {
        var action = await db.Actions.AsNoTracking().SingleOrDefaultAsync(a => a.Id == actionId, cancellationToken);
        // The staff directory and the relationship are read whether or not the action exists: refusing an action that
        // exists must take as long as refusing an id that does not, or the time taken tells which ids exist.
        var staff = await StaffDirectory.LoadAsync(db, cancellationToken);
        var basis = await access.BasisAsync(action?.PersonId ?? default, cancellationToken);
        if (action is null)
        {
            return NotFound();
        }
        var me = access.User;
        var now = db.Now;
        var ladder = ActionLadder.For(schedule, action, staff, now);
        var isOwner = action.OwnerUserId == me.UserId;
        EscalatedToMe = ladder.EscalatedTo(me.UserId);
        if (!isOwner && action.AssignedByUserId != me.UserId && EscalatedToMe is null && basis == AccessBasis.None)
        {
            return NotFound();
        }
        db.RecordAccess(Person.PersonStream(action.PersonId), AccessActions.ViewCasework,
            basis != AccessBasis.None ? basis.ToString() : isOwner ? "ActionOwner" : EscalatedToMe is not null ? "Escalation" : "ActionAssigner");
        await db.SaveChangesAsync(cancellationToken);

        Action = action;
        Ladder = ladder;
        MayOpenChild = basis != AccessBasis.None;
        MayComplete = action.CompletedAt is null && (isOwner || EscalatedToMe is not null || ChildRecordAccess.MayWrite(basis));
        MayRespond = action.CompletedAt is null && (isOwner || EscalatedToMe is not null);
        ChildName = await db.People.Where(p => p.Id == action.PersonId).Select(p => p.GivenName + " " + p.FamilyName).SingleAsync(cancellationToken);
        Responses = await db.ActionResponses.AsNoTracking().Where(r => r.ActionId == actionId).OrderBy(r => r.At).ToListAsync(cancellationToken);
        Recorded = await db.ActionEscalations.AsNoTracking().Where(e => e.ActionId == actionId).OrderBy(e => e.ReachedAt).ToListAsync(cancellationToken);
        var ids = ladder.Steps.SelectMany(s => s.People).Concat(Responses.Select(r => r.ByUserId)).Concat(Responses.Select(r => r.ReassignedToUserId).OfType<Guid>())
            .Append(action.OwnerUserId).Append(action.AssignedByUserId).Concat(action.CompletedByUserId is { } by ? [by] : []).Distinct().ToList();
        People = await db.Users.AsNoTracking().Where(u => ids.Contains(u.Id)).ToDictionaryAsync(u => u.Id, u => u.DisplayName, cancellationToken);
        (Source, SourceLink) = await SourceAsync(action, cancellationToken);
        if (EscalatedToMe is not null)
        {
            ReassignOptions =
            [
                new("Leave it with the current owner", ""),
                .. await db.Users.AsNoTracking().Where(u => u.IsActive && u.AgencyId == action.OwnerAgencyId && u.Id != action.OwnerUserId)
                    .OrderBy(u => u.DisplayName).Select(u => new SelectListItem(u.DisplayName, u.Id.ToString())).ToListAsync(cancellationToken),
            ];
        }
        return null;
    }

    private async Task<(string, string?)> SourceAsync(CaseAction action, CancellationToken cancellationToken)
    {
        if (action.MeetingId is { } meetingId)
        {
            var meeting = await db.Meetings.AsNoTracking().SingleAsync(m => m.Id == meetingId, cancellationToken);
            return ($"{CaseworkText.Describe(meeting.Kind)}, {CaseworkText.DateTime(UkTime.ToLocal(meeting.HeldAt ?? meeting.ScheduledFor))}", $"/children/{action.PersonId}/meetings/{meetingId}");
        }
        if (action.DecisionId is { } decisionId)
        {
            var decision = await db.ConcernDecisions.AsNoTracking().Where(d => d.Id == decisionId)
                .Join(db.Concerns, d => d.ConcernId, c => c.Id, (d, c) => new { d.Outcome, c.Reference, c.Id }).SingleAsync(cancellationToken);
            return ($"Front door decision on concern {decision.Reference}: {FrontDoorRules.Describe(decision.Outcome)}", $"/concerns/{decision.Id}");
        }
        if (action.MissingEpisodeId is { } episodeId)
        {
            var episode = await db.MissingEpisodes.AsNoTracking().SingleAsync(e => e.Id == episodeId, cancellationToken);
            return ($"Return from the missing episode of {CaseworkText.Date(DateOnly.FromDateTime(UkTime.ToLocal(episode.WentMissingAt).DateTime))}", $"/children/{action.PersonId}/missing");
        }
        return ("Not recorded", null);
    }


    public string Name(Guid user) => People.GetValueOrDefault(user) ?? "a former member of staff";
}
