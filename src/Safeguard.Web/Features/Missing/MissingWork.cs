using Microsoft.AspNetCore.Mvc.ModelBinding;
using Microsoft.AspNetCore.Mvc.Rendering;
using Microsoft.EntityFrameworkCore;
using Safeguard.Core;
using Safeguard.Core.Access;
using Safeguard.Core.Casework;
using Safeguard.Web.Auth;
using Safeguard.Web.Casework;
using Safeguard.Web.Data;
using Safeguard.Web.Data.Model;
using Safeguard.Web.Features.Shared;
using Safeguard.Web.Notifications;

namespace Safeguard.Web.Features.Missing;

/// <summary>Recording a child's return: the return in the chronology, and the return home interview as an owned action due 72 hours later.</summary>
public sealed class MissingWork(SafeguardDbContext db, CaseworkSchedule schedule, Notifier notifier)
{
    /// <summary>The fields of a return, as the report and return pages both ask them.</summary>
    public sealed class ReturnInput
    {
        public DateInput ReturnedOn { get; set; } = new();
        public string? ReturnedTime { get; set; }
        public string? ReturnDetails { get; set; }
        public string? InterviewOwner { get; set; }
    }

    /// <summary>A local date and time typed in two fields, checked to be a real moment not in the future; null if not.</summary>
    public static DateTimeOffset? ReadMoment(ModelStateDictionary modelState, DateInput date, string? time, string dateKey, string timeKey, string what, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(modelState);
        ArgumentNullException.ThrowIfNull(date);
        if (!date.TryParse(what, out var day, out var error))
        {
            modelState.AddModelError(dateKey, error);
            return null;
        }
        if (!TimeInput.TryParse(time, out var clock))
        {
            modelState.AddModelError(timeKey, "Enter the time on the 24-hour clock, like 21:40");
            return null;
        }
        var at = UkTime.ToUtc(day, clock);
        if (at > now)
        {
            modelState.AddModelError(dateKey, $"{what} must be now or in the past");
            return null;
        }
        if (at < now.AddYears(-1))
        {
            modelState.AddModelError(dateKey, $"{what} must be within the last 12 months: record older episodes in the chronology");
            return null;
        }
        return at;
    }

    /// <summary>Checks a return; the caller adds nothing if the model state is invalid.</summary>
    public async Task<(DateTimeOffset ReturnedAt, string? Details, AppUser Owner)?> ReadReturnAsync(ModelStateDictionary modelState, ReturnInput input, DateTimeOffset wentMissingAt, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(modelState);
        ArgumentNullException.ThrowIfNull(input);
        var returned = ReadMoment(modelState, input.ReturnedOn, input.ReturnedTime, "Input.Return.ReturnedOn", "Input.Return.ReturnedTime", "Date of return", db.Now);
        if (returned < wentMissingAt)
        {
            modelState.AddModelError("Input.Return.ReturnedOn", "The return must be after the child went missing");
        }
        var details = modelState.OptionalText(input.ReturnDetails, "Input.Return.ReturnDetails", 8000, "Where they were found");
        var owner = Guid.TryParse(input.InterviewOwner, out var ownerId)
            ? await db.Users.AsNoTracking().SingleOrDefaultAsync(u => u.Id == ownerId && u.IsActive, cancellationToken)
            : null;
        if (owner is null)
        {
            modelState.AddModelError("Input.Return.InterviewOwner", "Choose who will hold the return home interview");
        }
        return modelState.IsValid && returned is { } at ? (at, details, owner!) : null;
    }

    /// <summary>The return, its chronology entry, the interview action (due under the ReturnHomeInterview timescale) and its owner told.</summary>
    public async Task RecordReturnAsync(MissingEpisodeRecord episode, DateTimeOffset returnedAt, string? details, AppUser owner, UserContext me, string childName, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(episode);
        ArgumentNullException.ThrowIfNull(owner);
        ArgumentNullException.ThrowIfNull(me);
        episode.ReturnedAt = returnedAt;
        episode.ReturnDetails = details;
        episode.ReturnRecordedByUserId = me.UserId;
        var due = schedule.Calendar.Due(returnedAt, schedule.Timescales.ReturnHomeInterview);
        var action = new CaseAction
        {
            PersonId = episode.PersonId,
            Title = "Return home interview",
            Detail = "An independent conversation with the child about where they were, who with, and what would keep them safe.",
            OwnerUserId = owner.Id,
            OwnerAgencyId = owner.AgencyId,
            DueDate = due.Date,
            DueAt = due.EndsAt,
            AssignedByUserId = me.UserId,
            AssignedAt = db.Now,
            MissingEpisodeId = episode.Id,
        };
        db.Actions.Add(action);
        var away = returnedAt - episode.WentMissingAt;
        var duration = away.TotalHours < 48 ? $"{Math.Max(1, (int)Math.Round(away.TotalHours))} hours" : $"{(int)away.TotalDays} days";
        Chronicle.Add(db, episode.PersonId, me.AgencyId, me.UserId, ChronologyKinds.ReturnedFromMissing, returnedAt,
            $"Returned after {duration} missing.{(details is null ? "" : $" {details}")} Return home interview due by {CaseworkText.DateTime(UkTime.ToLocal(due.EndsAt))}, owned by {owner.DisplayName}.",
            $"missing/{episode.Id}/return");
        await notifier.NotifyAsync([owner.Id], $"action-assigned/{action.Id}",
            $"{childName} has come back from being missing: the return home interview is yours, due by {CaseworkText.DateTime(UkTime.ToLocal(due.EndsAt))}.",
            $"/actions/{action.Id}", "you have a return home interview to hold", cancellationToken);
    }

    /// <summary>
    /// When an episode makes the count reach the repeat-missing threshold, the child's lead workers and children's
    /// social care's team managers are told that a strategy discussion is prompted (the meetings page shows it owed).
    /// </summary>
    public async Task PromptStrategyDiscussionIfRepeatedAsync(MissingEpisodeRecord added, string childName, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(added);
        var episodes = await db.MissingEpisodes.AsNoTracking().Where(e => e.PersonId == added.PersonId && e.Id != added.Id)
            .Select(e => new MissingEpisode(e.WentMissingAt, e.ReturnedAt, null)).ToListAsync(cancellationToken);
        episodes.Add(new MissingEpisode(added.WentMissingAt, added.ReturnedAt));
        var trigger = schedule.RepeatMissing(episodes).FirstOrDefault(t => t.At == added.WentMissingAt);
        if (trigger is null)
        {
            return;
        }
        var leads = (await Features.FrontDoor.FrontDoorWork.LeadWorkersAsync(db, added.PersonId, cancellationToken)).Values.SelectMany(l => l).ToList();
        var socialCare = await db.Agencies.Where(a => a.Kind == AgencyKind.ChildrensSocialCare).Select(a => a.Id).ToListAsync(cancellationToken);
        foreach (var agency in socialCare)
        {
            leads.AddRange(await StaffDirectory.WithRoleAsync(db, Roles.TeamManager, agency, cancellationToken));
        }
        var due = schedule.StrategyDiscussionDue(trigger.At);
        await notifier.NotifyAsync(leads, $"repeat-missing/{added.Id}",
            $"{childName} has gone missing {trigger.Episodes.Count} times within {schedule.Timescales.RepeatMissingWindowDays} days: a strategy discussion is due by {CaseworkText.Date(due.Date)}.",
            $"/children/{added.PersonId}/meetings", "a child has gone missing repeatedly: a strategy discussion is due", cancellationToken);
    }

    /// <summary>Everyone who may hold an interview, with the child's social care lead worker first as the default.</summary>
    public async Task<(List<SelectListItem> Options, string? Default)> InterviewOwnersAsync(Id<Person> child, CancellationToken cancellationToken)
    {
        var socialCareLead = await db.Cases.Where(c => c.PersonId == child && c.ClosedAt == null)
            .Join(db.Agencies.Where(a => a.Kind == AgencyKind.ChildrensSocialCare), c => c.AgencyId, a => a.Id, (c, a) => c)
            .Join(db.CaseAllocations.Where(a => a.EndedAt == null && a.IsLead), c => c.Id, a => a.CaseId, (c, a) => (Guid?)a.UserId)
            .FirstOrDefaultAsync(cancellationToken);
        var options = await StaffOptions.EveryoneAsync(db, cancellationToken);
        return (options, socialCareLead?.ToString());
    }
}
