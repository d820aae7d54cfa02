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

namespace Safeguard.Web.Features.Meetings;

/// <summary>
/// Record a meeting once it has happened: when, each invited agency's attendance (attended, apologies with a
/// reason, no response), what it decided, and the plan (made at an initial conference, continued or ended at a
/// review). An agency that has now missed consecutive meetings about the child is alerted to its senior managers
/// and the partnership, once per absence.
/// </summary>
public sealed class RecordModel(SafeguardDbContext db, ChildAccessService access, CaseworkSchedule schedule, Notifier notifier, LanguageReview language) : PageModel
{
    public const string Yes = "yes";
    public const string No = "no";

    [BindProperty]
    public RecordInput Input { get; set; } = new();

    public CaseMeeting Meeting { get; private set; } = null!;
    public string ChildName { get; private set; } = "";
    public ChildProtectionPlan? CurrentPlan { get; private set; }

    public static List<SelectListItem> YesNo => [new("Yes", Yes), new("No", No)];

    public static List<SelectListItem> AttendanceOptions =>
        [.. Enum.GetValues<AttendanceStatus>().Select(s => new SelectListItem(CaseworkText.Describe(s), s.ToString()))];

    public sealed class RecordInput
    {
        public DateInput HeldOn { get; set; } = new();
        public string? HeldTime { get; set; }
        public List<AttendanceInput> Attendance { get; set; } = [];
        public string? Decisions { get; set; }
        public string? ConferenceNeeded { get; set; }
        public string? PlanDecision { get; set; }
        public string? Plan { get; set; }
    }

    public sealed class AttendanceInput
    {
        public string? InvitationId { get; set; }
        public string? Agency { get; set; }
        public string? Status { get; set; }
        public string? ApologyReason { get; set; }
        public string? AttendedBy { get; set; }
    }

    /// <summary>The plan question this kind of meeting answers, if any.</summary>
    public string? PlanQuestion => Meeting.Kind switch
    {
        MeetingKind.InitialConference => "Is the child to be the subject of a child protection plan?",
        MeetingKind.ReviewConference when CurrentPlan is not null => "Does the child protection plan continue?",
        _ => null,
    };

    public async Task<IActionResult> OnGetAsync(Id<Person> id, Id<CaseMeeting> meetingId, CancellationToken cancellationToken)
    {
        if (await LoadAsync(id, meetingId, cancellationToken) is { } refusal)
        {
            return refusal;
        }
        var local = UkTime.ToLocal(Meeting.ScheduledFor);
        Input.HeldOn = DateInput.From(DateOnly.FromDateTime(local.DateTime));
        Input.HeldTime = local.ToString("HH:mm", System.Globalization.CultureInfo.InvariantCulture);
        Input.Plan = CurrentPlan?.Plan;
        var agencies = await db.Agencies.AsNoTracking().ToDictionaryAsync(a => a.Id, a => a.Name, cancellationToken);
        Input.Attendance = [.. Meeting.Invitations.OrderBy(i => agencies[i.AgencyId], StringComparer.Ordinal)
            .Select(i => new AttendanceInput { InvitationId = i.Id.ToString(), Agency = agencies[i.AgencyId] })];
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(Id<Person> id, Id<CaseMeeting> meetingId, CancellationToken cancellationToken)
    {
        if (await LoadAsync(id, meetingId, cancellationToken) is { } refusal)
        {
            return refusal;
        }
        var now = db.Now;
        DateTimeOffset heldAt = default;
        if (!Input.HeldOn.TryParse("Date it was held", out var date, out var dateError))
        {
            ModelState.AddModelError("Input.HeldOn", dateError);
        }
        else if (!TimeInput.TryParse(Input.HeldTime, out var time))
        {
            ModelState.AddModelError("Input.HeldTime", "Enter the time the meeting started on the 24-hour clock, like 10:00");
        }
        else
        {
            heldAt = UkTime.ToUtc(date, time);
            if (heldAt > now)
            {
                ModelState.AddModelError("Input.HeldOn", "The meeting must have happened: record it once it has been held");
            }
            else if (heldAt < Meeting.ArrangedAt.AddYears(-1))
            {
                ModelState.AddModelError("Input.HeldOn", "The date must be within a year of when the meeting was arranged");
            }
        }

        var invitations = Meeting.Invitations.ToDictionary(i => i.Id.ToString());
        var recorded = new Dictionary<string, (AttendanceStatus Status, string? Reason, string? By)>();
        for (var i = 0; i < Input.Attendance.Count; i++)
        {
            var row = Input.Attendance[i];
            if (row.InvitationId is null || !invitations.ContainsKey(row.InvitationId))
            {
                ModelState.AddModelError($"Input.Attendance[{i}].Status", "This agency was not invited to the meeting: reload the page");
                continue;
            }
            if (!Enum.TryParse<AttendanceStatus>(row.Status, out var status) || !Enum.IsDefined(status))
            {
                ModelState.AddModelError($"Input.Attendance[{i}].Status", $"Choose whether {row.Agency} attended");
                continue;
            }
            var reason = status == AttendanceStatus.Apologies
                ? ModelState.RequiredText(row.ApologyReason, $"Input.Attendance[{i}].ApologyReason", $"Enter the reason {row.Agency} gave for its apologies", 1000, "The reason")
                : null;
            var by = status == AttendanceStatus.Attended ? ModelState.OptionalText(row.AttendedBy, $"Input.Attendance[{i}].AttendedBy", 200, "Who attended") : null;
            recorded[row.InvitationId] = (status, reason, by);
        }
        if (ModelState.IsValid && recorded.Count != invitations.Count)
        {
            ModelState.AddModelError("Input.Attendance[0].Status", "Record the attendance of every agency invited");
        }
        var decisions = ModelState.RequiredText(Input.Decisions, "Input.Decisions", "Enter what the meeting decided", 16000, "The decisions");
        bool? conferenceNeeded = null;
        if (Meeting.Kind == MeetingKind.StrategyDiscussion)
        {
            conferenceNeeded = Input.ConferenceNeeded switch { Yes => true, No => false, _ => null };
            if (conferenceNeeded is null)
            {
                ModelState.AddModelError("Input.ConferenceNeeded", "Choose whether an initial child protection conference is needed");
            }
        }
        bool? planYes = null;
        if (PlanQuestion is not null)
        {
            planYes = Input.PlanDecision switch { Yes => true, No => false, _ => null };
            if (planYes is null)
            {
                ModelState.AddModelError("Input.PlanDecision", Meeting.Kind == MeetingKind.InitialConference
                    ? "Choose whether the child is to be the subject of a child protection plan"
                    : "Choose whether the child protection plan continues");
            }
        }
        var plan = planYes == true && Meeting.Kind == MeetingKind.InitialConference
            ? ModelState.RequiredText(Input.Plan, "Input.Plan", "Enter the child protection plan: what must change and who does what", 16000, "The plan")
            : ModelState.OptionalText(Input.Plan, "Input.Plan", 16000, "The plan");
        if (!language.ReadyToSave(ModelState,
            new LanguageField("Input.Decisions", decisions, "Meeting: decisions"), new LanguageField("Input.Plan", plan, "Meeting: child protection plan")))
        {
            return Page();
        }

        var me = access.User;
        var meeting = await db.Meetings.Include(m => m.Invitations).SingleAsync(m => m.Id == meetingId, cancellationToken);
        meeting.Status = MeetingStatus.Held;
        meeting.HeldAt = heldAt;
        meeting.Decisions = decisions;
        meeting.ConferenceNeeded = conferenceNeeded;
        meeting.RecordedByUserId = me.UserId;
        meeting.RecordedAt = now;
        foreach (var invitation in meeting.Invitations)
        {
            var (status, reason, by) = recorded[invitation.Id.ToString()];
            invitation.Attendance = status;
            invitation.ApologyReason = reason;
            invitation.AttendedBy = by;
        }
        var planNote = await RecordPlanAsync(meeting, planYes, plan, heldAt, cancellationToken);

        var agencies = await db.Agencies.AsNoTracking().ToDictionaryAsync(a => a.Id, a => a.Name, cancellationToken);
        var attended = meeting.Invitations.Where(i => i.Attendance == AttendanceStatus.Attended).Select(i => agencies[i.AgencyId]).Order(StringComparer.Ordinal).ToList();
        var absent = meeting.Invitations.Where(i => i.Attendance != AttendanceStatus.Attended).OrderBy(i => agencies[i.AgencyId], StringComparer.Ordinal)
            .Select(i => $"{agencies[i.AgencyId]} ({(i.Attendance == AttendanceStatus.Apologies ? $"apologies: {i.ApologyReason}" : "no response")})").ToList();
        var summary = $"{CaseworkText.Describe(meeting.Kind)} held. Attended: {(attended.Count == 0 ? "no agency" : string.Join(", ", attended))}."
            + (absent.Count == 0 ? "" : $" Did not attend: {string.Join(", ", absent)}.")
            + (conferenceNeeded is { } needed ? needed ? " An initial child protection conference is needed." : " No initial child protection conference is needed." : "")
            + planNote + $" Decisions: {decisions}";
        Chronicle.Add(db, id, me.AgencyId, me.UserId, ChronologyKinds.Meeting, heldAt, summary, $"meeting/{meeting.Id}");
        await AlertRepeatedAbsencesAsync(meeting, agencies, cancellationToken);
        await db.SaveChangesAsync(cancellationToken);
        TempData["Saved"] = $"The {CaseworkText.Describe(meeting.Kind).ToLowerInvariant()} is recorded.";
        return Redirect($"/children/{id}/meetings/{meetingId}");
    }

    /// <summary>Starts, continues or ends the plan as the meeting decided; returns what the chronology should say.</summary>
    private async Task<string> RecordPlanAsync(CaseMeeting meeting, bool? planYes, string? plan, DateTimeOffset heldAt, CancellationToken cancellationToken)
    {
        var current = await db.ChildProtectionPlans.Where(p => p.PersonId == meeting.PersonId && p.EndedAt == null).OrderByDescending(p => p.StartedAt).FirstOrDefaultAsync(cancellationToken);
        switch (meeting.Kind)
        {
            case MeetingKind.InitialConference when planYes == true && current is null:
                db.ChildProtectionPlans.Add(new ChildProtectionPlan { PersonId = meeting.PersonId, StartedByMeetingId = meeting.Id, StartedAt = heldAt, Plan = plan! });
                return " The child became the subject of a child protection plan.";
            case MeetingKind.InitialConference:
                return planYes == false ? " No child protection plan was made." : "";
            case MeetingKind.ReviewConference when current is not null && planYes == false:
                current.EndedAt = heldAt;
                current.EndedByMeetingId = meeting.Id;
                return " The child protection plan ended.";
            case MeetingKind.ReviewConference or MeetingKind.CoreGroup when current is not null && plan is not null && plan != current.Plan:
                current.Plan = plan;
                return " The child protection plan was revised.";
            default:
                return "";
        }
    }

    /// <summary>Tells an agency's senior managers and the partnership when it has now missed consecutive meetings.</summary>
    private async Task AlertRepeatedAbsencesAsync(CaseMeeting meeting, Dictionary<Id<Agency>, string> agencies, CancellationToken cancellationToken)
    {
        var others = await db.Meetings.AsNoTracking().Include(m => m.Invitations)
            .Where(m => m.PersonId == meeting.PersonId && m.Status == MeetingStatus.Held && m.Id != meeting.Id).ToListAsync(cancellationToken);
        var history = others.Append(meeting).Select(m => new MeetingAttendance<Id<Agency>>(m.HeldAt!.Value,
            [.. m.Invitations.Where(i => i.Attendance is not null).Select(i => new AgencyAttendance<Id<Agency>>(i.AgencyId, i.Attendance!.Value, i.ApologyReason))]));
        var partnership = await StaffDirectory.WithRoleAsync(db, Roles.PartnershipAdministrator, cancellationToken: cancellationToken);
        foreach (var alert in schedule.RepeatedAbsences(history).Where(a => a.Continuing && a.Absences[^1].HeldAt == meeting.HeldAt))
        {
            var seniors = await StaffDirectory.WithRoleAsync(db, Roles.SeniorManager, alert.Agency, cancellationToken);
            if (seniors.Count == 0)
            {
                seniors = await StaffDirectory.WithRoleAsync(db, Roles.TeamManager, alert.Agency, cancellationToken);
            }
            var first = alert.Absences[0].HeldAt.UtcTicks;
            await notifier.NotifyAsync(seniors.Concat(partnership), $"absence/{meeting.PersonId}/{alert.Agency}/{first}/{alert.Absences.Count}",
                $"{agencies[alert.Agency]} has missed {alert.Absences.Count} consecutive meetings about {ChildName}, the latest the {CaseworkText.Describe(meeting.Kind).ToLowerInvariant()} on {CaseworkText.Date(schedule.Calendar.LocalDate(meeting.HeldAt!.Value))}.",
                $"/children/{meeting.PersonId}/meetings", "an agency has missed consecutive meetings about a child", cancellationToken);
        }
    }

    private async Task<IActionResult?> LoadAsync(Id<Person> id, Id<CaseMeeting> meetingId, CancellationToken cancellationToken)
    {
        var person = await access.OpenForWriteAsync(id, cancellationToken);
        if (person is null)
        {
            return NotFound();
        }
        await db.SaveChangesAsync(cancellationToken);
        var meeting = await db.Meetings.AsNoTracking().Include(m => m.Invitations).SingleOrDefaultAsync(m => m.Id == meetingId && m.PersonId == id, cancellationToken);
        if (meeting is null)
        {
            return NotFound();
        }
        if (meeting.Status != MeetingStatus.Scheduled)
        {
            return Redirect($"/children/{id}/meetings/{meetingId}");
        }
        Meeting = meeting;
        ChildName = person.FullName;
        CurrentPlan = await db.ChildProtectionPlans.AsNoTracking().Where(p => p.PersonId == id && p.EndedAt == null).OrderByDescending(p => p.StartedAt).FirstOrDefaultAsync(cancellationToken);
        return null;
    }
}
