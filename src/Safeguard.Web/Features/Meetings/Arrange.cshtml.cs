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
using Safeguard.Web.Features.FrontDoor;
using Safeguard.Web.Features.Shared;
using Safeguard.Web.Notifications;

namespace Safeguard.Web.Features.Meetings;

/// <summary>
/// Arrange a strategy discussion, conference or core group for a child, against its due date, and invite agencies
/// (those involved with the child are ticked). Each invited agency's lead worker for the child, or its team managers
/// if it has none, is told.
/// </summary>
public sealed class ArrangeModel(SafeguardDbContext db, ChildAccessService access, CaseworkSchedule schedule, Notifier notifier) : PageModel
{
    [BindProperty]
    public MeetingInput Input { get; set; } = new();

    public string ChildName { get; private set; } = "";
    public Id<Person> ChildId { get; private set; }
    public List<SelectListItem> AgencyOptions { get; private set; } = [];
    public IReadOnlyList<string> DueNotes { get; private set; } = [];

    public static List<SelectListItem> KindOptions =>
        [.. Enum.GetValues<MeetingKind>().Select(k => new SelectListItem(CaseworkText.Describe(k), k.ToString()))];

    public sealed class MeetingInput
    {
        public string? Kind { get; set; }
        public DateInput Date { get; set; } = new();
        public string? Time { get; set; }
        public string? Location { get; set; }
        public List<string> Agencies { get; set; } = [];
    }

    public async Task<IActionResult> OnGetAsync(Id<Person> id, CancellationToken cancellationToken)
    {
        if (!await LoadAsync(id, cancellationToken))
        {
            return NotFound();
        }
        await db.SaveChangesAsync(cancellationToken);
        Input.Agencies = await db.Cases.Where(c => c.PersonId == id && c.ClosedAt == null).Select(c => c.AgencyId).Distinct()
            .Select(a => a.ToString()).ToListAsync(cancellationToken);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(Id<Person> id, CancellationToken cancellationToken)
    {
        if (!await LoadAsync(id, cancellationToken))
        {
            return NotFound();
        }
        if (!Enum.TryParse<MeetingKind>(Input.Kind, out var kind) || !Enum.IsDefined(kind))
        {
            ModelState.AddModelError("Input.Kind", "Choose the kind of meeting");
        }
        var now = db.Now;
        var today = schedule.Calendar.LocalDate(now);
        DateTimeOffset when = default;
        if (!Input.Date.TryParse("Date of the meeting", out var date, out var dateError))
        {
            ModelState.AddModelError("Input.Date", dateError);
        }
        else if (date > today.AddYears(1))
        {
            ModelState.AddModelError("Input.Date", "The date must be within the next 12 months");
        }
        else if (date < today.AddYears(-1))
        {
            ModelState.AddModelError("Input.Date", "The date must be within the last 12 months, if the meeting has already been held");
        }
        if (string.IsNullOrWhiteSpace(Input.Time))
        {
            ModelState.AddModelError("Input.Time", "Enter the time of the meeting, like 10:00");
        }
        else if (!TimeInput.TryParse(Input.Time, out var time))
        {
            ModelState.AddModelError("Input.Time", "Enter the time on the 24-hour clock, like 14:30");
        }
        else if (ModelState.IsValid)
        {
            when = UkTime.ToUtc(date, time);
        }
        var location = ModelState.OptionalText(Input.Location, "Input.Location", 500, "The place");
        var known = AgencyOptions.Select(o => o.Value).ToHashSet(StringComparer.Ordinal);
        if (Input.Agencies.Count == 0)
        {
            ModelState.AddModelError("Input.Agencies", "Choose at least one agency to invite");
        }
        else if (Input.Agencies.Any(a => !known.Contains(a)))
        {
            ModelState.AddModelError("Input.Agencies", "Choose agencies from the list: one of those sent is not a partner agency");
        }
        if (!ModelState.IsValid)
        {
            return Page();
        }

        var me = access.User;
        var meeting = new CaseMeeting
        {
            PersonId = id,
            Kind = kind,
            ScheduledFor = when,
            Location = location,
            ArrangedByUserId = me.UserId,
            ArrangedAt = now,
            Status = MeetingStatus.Scheduled,
        };
        var leads = await FrontDoorWork.LeadWorkersAsync(db, id, cancellationToken);
        var told = new List<Guid>();
        foreach (var agency in Input.Agencies.Distinct().Select(a => Id<Agency>.Parse(a, null)))
        {
            var contacts = await FrontDoorWork.AgencyContactsAsync(db, leads, agency, cancellationToken);
            told.AddRange(contacts);
            meeting.Invitations.Add(new MeetingInvitation
            {
                MeetingId = meeting.Id,
                PersonId = id,
                AgencyId = agency,
                InvitedUserId = leads.GetValueOrDefault(agency)?.FirstOrDefault(),
                InvitedAt = now,
            });
        }
        db.Meetings.Add(meeting);
        var what = $"{CaseworkText.Describe(kind)} about {ChildName} on {CaseworkText.DateTime(UkTime.ToLocal(when))}{(location is null ? "" : $" at {location}")}";
        await notifier.NotifyAsync(told.Where(u => u != me.UserId), $"meeting-invite/{meeting.Id}", $"Your agency is invited to the {what}.",
            $"/children/{id}/meetings/{meeting.Id}", "your agency is invited to a meeting about a child", cancellationToken);
        await db.SaveChangesAsync(cancellationToken);
        TempData["Saved"] = $"The {what[..1].ToLowerInvariant()}{what[1..]} is arranged and the agencies are invited.";
        return Redirect($"/children/{id}/meetings/{meeting.Id}");
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
        AgencyOptions = await db.Agencies.AsNoTracking().OrderBy(a => a.Name).Select(a => new SelectListItem(a.Name, a.Id.ToString())).ToListAsync(cancellationToken);
        var casework = await ChildCasework.LoadAsync(db, id, cancellationToken);
        DueNotes = [.. casework.StrategyDiscussionsOwed(schedule).Select(p => $"Strategy discussion due by {CaseworkText.Date(p.Due.Date)} after {p.Why}"),
            .. schedule.ChildProtectionMeetingsDue(casework.History).Select(d => $"{CaseworkText.Describe(d.Kind)} due by {CaseworkText.Date(d.Due.Date)} ({d.Basis})")];
        return true;
    }
}
