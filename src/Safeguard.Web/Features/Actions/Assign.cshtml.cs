using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.Mvc.Rendering;
using Microsoft.EntityFrameworkCore;
using Safeguard.Core;
using Safeguard.Core.Casework;
using Safeguard.Web.Auth;
using Safeguard.Web.Data;
using Safeguard.Web.Data.Model;
using Safeguard.Web.Features.Language;
using Safeguard.Web.Features.Shared;
using Safeguard.Web.Notifications;

namespace Safeguard.Web.Features.Actions;

/// <summary>
/// Give an action to one named person in any agency, with a due date, from the decision or meeting that created it.
/// The owner is told at once; from the due date the escalation ladder runs until it is done.
/// </summary>
public sealed class AssignModel(SafeguardDbContext db, ChildAccessService access, CaseworkSchedule schedule, Notifier notifier, LanguageReview language) : PageModel
{
    [BindProperty]
    public ActionInput Input { get; set; } = new();

    [BindProperty(SupportsGet = true, Name = "meeting")]
    public string? FromMeeting { get; set; }

    [BindProperty(SupportsGet = true, Name = "decision")]
    public string? FromDecision { get; set; }

    public string ChildName { get; private set; } = "";
    public Id<Person> ChildId { get; private set; }
    public List<SelectListItem> SourceOptions { get; private set; } = [];
    public List<SelectListItem> OwnerOptions { get; private set; } = [];

    public sealed class ActionInput
    {
        public string? Source { get; set; }
        public string? Title { get; set; }
        public string? Detail { get; set; }
        public string? Owner { get; set; }
        public DateInput Due { get; set; } = new();
    }

    public async Task<IActionResult> OnGetAsync(Id<Person> id, CancellationToken cancellationToken)
    {
        if (!await LoadAsync(id, cancellationToken))
        {
            return NotFound();
        }
        await db.SaveChangesAsync(cancellationToken);
        Input.Source = FromMeeting is not null ? $"meeting:{FromMeeting}" : FromDecision is not null ? $"decision:{FromDecision}" : null;
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(Id<Person> id, CancellationToken cancellationToken)
    {
        if (!await LoadAsync(id, cancellationToken))
        {
            return NotFound();
        }
        if (Input.Source is null || !SourceOptions.Any(o => o.Value == Input.Source && o.Value.Length > 0))
        {
            ModelState.AddModelError("Input.Source", "Choose the meeting or decision that created this action");
        }
        var title = ModelState.RequiredText(Input.Title, "Input.Title", "Enter what must be done", 300, "What must be done");
        var detail = ModelState.OptionalText(Input.Detail, "Input.Detail", 4000, "The detail");
        var owner = Guid.TryParse(Input.Owner, out var ownerId) ? await db.Users.AsNoTracking().SingleOrDefaultAsync(u => u.Id == ownerId && u.IsActive, cancellationToken) : null;
        if (owner is null)
        {
            ModelState.AddModelError("Input.Owner", "Choose the one person who owns this action");
        }
        var today = schedule.Calendar.LocalDate(db.Now);
        if (!Input.Due.TryParse("Due date", out var due, out var dueError))
        {
            ModelState.AddModelError("Input.Due", dueError);
        }
        else if (due < today)
        {
            ModelState.AddModelError("Input.Due", "The due date must be today or in the future");
        }
        else if (due > today.AddYears(1))
        {
            ModelState.AddModelError("Input.Due", "The due date must be within the next 12 months: break longer work into steps");
        }
        if (!language.ReadyToSave(ModelState, new LanguageField("Input.Detail", detail, "Action: detail")))
        {
            return Page();
        }

        var me = access.User;
        var source = Input.Source!.Split(':');
        var action = new CaseAction
        {
            PersonId = id,
            Title = title!,
            Detail = detail,
            OwnerUserId = owner!.Id,
            OwnerAgencyId = owner.AgencyId,
            DueDate = due,
            DueAt = schedule.Calendar.EndOf(due).EndsAt,
            AssignedByUserId = me.UserId,
            AssignedAt = db.Now,
            MeetingId = source[0] == "meeting" ? Id<CaseMeeting>.Parse(source[1], null) : null,
            DecisionId = source[0] == "decision" ? Id<ConcernDecision>.Parse(source[1], null) : null,
        };
        db.Actions.Add(action);
        await notifier.NotifyAsync([owner.Id], $"action-assigned/{action.Id}",
            $"{me.DisplayName} gave you an action about {ChildName}: \"{action.Title}\", due by {CaseworkText.Date(due)}.",
            $"/actions/{action.Id}", "you have been given an action", cancellationToken);
        await db.SaveChangesAsync(cancellationToken);
        TempData["Saved"] = $"The action is {owner.DisplayName}'s, due by {CaseworkText.Date(due)}.";
        return Redirect($"/children/{id}/actions");
    }

    private async Task<bool> LoadAsync(Id<Person> id, CancellationToken cancellationToken)
    {
        var person = await access.OpenForWriteAsync(id, cancellationToken);
        if (person is null)
        {
            return false;
        }
        // Saved here, not only by the GET: a post with mistakes shows the child's page again without saving anything else.
        await db.SaveChangesAsync(cancellationToken);
        ChildId = id;
        ChildName = person.FullName;
        var meetings = await db.Meetings.AsNoTracking().Where(m => m.PersonId == id && m.Status != MeetingStatus.Cancelled)
            .OrderByDescending(m => m.ScheduledFor).ToListAsync(cancellationToken);
        var decisions = await db.ConcernDecisions.AsNoTracking().Where(d => d.PersonId == id && !d.CountersignRefused)
            .Join(db.Concerns, d => d.ConcernId, c => c.Id, (d, c) => new { d.Id, d.Outcome, d.DecidedAt, c.Reference })
            .OrderByDescending(d => d.DecidedAt).ToListAsync(cancellationToken);
        SourceOptions =
        [
            new("Choose a meeting or decision", ""),
            .. meetings.Select(m => new SelectListItem($"{CaseworkText.Describe(m.Kind)}, {CaseworkText.DateTime(UkTime.ToLocal(m.HeldAt ?? m.ScheduledFor))}", $"meeting:{m.Id}")),
            .. decisions.Select(d => new SelectListItem($"Front door decision on {d.Reference}: {FrontDoorRules.Describe(d.Outcome)}", $"decision:{d.Id}")),
        ];
        OwnerOptions = await StaffOptions.EveryoneAsync(db, cancellationToken);
        return true;
    }
}
