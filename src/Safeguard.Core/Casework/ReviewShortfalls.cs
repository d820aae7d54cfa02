using Safeguard.Core.Calendar;

namespace Safeguard.Core.Casework;

public enum ShortfallKind
{
    ConcernDecidedLate,
    ConcernNotDecided,
    ActionOverdue,
    AgencyAbsent,
    RepeatedAbsence,
    MeetingHeldLate,
    MeetingNotHeld,
    ReturnHomeInterviewLate,
    ReturnHomeInterviewNotHeld,
}

/// <summary>Something that calls for a strategy discussion, when one became due, and when the next one was held.</summary>
public sealed record StrategyPrompt(DateTimeOffset At, string Why, Deadline Due, DateTimeOffset? HeldAt);

/// <summary>A concern about the child, with its standing decision if any.</summary>
public sealed record ConcernFact(string Reference, DateTimeOffset ReceivedAt, ConcernDecisionFacts? Decision);

/// <summary>An action about the child: what, whose, when it was due and when (if) it was done.</summary>
public sealed record ActionFact(string Title, string Owner, Deadline Due, DateTimeOffset? CompletedAt);

/// <summary>A meeting held about the child, with every agency invited and whether each attended.</summary>
public sealed record HeldMeetingFact(MeetingKind Kind, DateTimeOffset HeldAt, IReadOnlyList<AgencyAttendance<string>> Invited);

/// <summary>Everything the review chronology needs to say what did not happen for one child.</summary>
public sealed record ReviewFacts(
    IReadOnlyList<ConcernFact> Concerns,
    IReadOnlyList<ActionFact> Actions,
    IReadOnlyList<HeldMeetingFact> Meetings,
    IReadOnlyList<MissingEpisode> MissingEpisodes,
    DateTimeOffset? ConferenceNotNeededAt = null,
    DateTimeOffset? PlanStartedAt = null,
    DateTimeOffset? PlanEndedAt = null);

/// <summary>
/// Something that should have happened and did not, or happened late. <see cref="At"/> is the instant it became a
/// failure (the deadline that passed, or the meeting that went ahead without an agency), which places it in the
/// chronology and in a review period.
/// </summary>
public sealed record Shortfall(DateTimeOffset At, ShortfallKind Kind, string Text);

/// <summary>
/// What did not happen for a child: concerns decided late or not at all, actions that went overdue (and how far
/// they escalated), meetings an agency missed, meetings held late or not at all, return home interviews late or not
/// held. Computed from the stored facts and "now", like every other casework state: a review read today says the
/// same as one read tomorrow about the same period, apart from what is still open.
/// </summary>
public static class ReviewShortfalls
{
    public static IReadOnlyList<Shortfall> Find(CaseworkSchedule schedule, ReviewFacts facts, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(schedule);
        ArgumentNullException.ThrowIfNull(facts);
        var found = new List<Shortfall>();
        var calendar = schedule.Calendar;
        string Day(DateTimeOffset instant) => CaseworkText.Date(calendar.LocalDate(instant));
        string Moment(DateTimeOffset instant) => CaseworkText.DateTime(TimeZoneInfo.ConvertTime(instant, calendar.TimeZone));

        foreach (var concern in facts.Concerns)
        {
            var status = FrontDoorRules.Status(schedule, concern.ReceivedAt, concern.Decision, now);
            var due = status.Deadline;
            if (status.DecidedLate)
            {
                var decided = concern.Decision!.DecidedAt;
                var late = calendar.WorkingDaysBetween(due.Date, calendar.LocalDate(decided));
                found.Add(new(due.EndsAt, ShortfallKind.ConcernDecidedLate,
                    $"Concern {concern.Reference} was decided late: due by {CaseworkText.Date(due.Date)}, decided on {Day(decided)}{(late > 0 ? $" ({Plural(late, "working day")} late)" : "")}."));
            }
            else if (status.State == ConcernState.DecisionOverdue)
            {
                found.Add(new(due.EndsAt, ShortfallKind.ConcernNotDecided,
                    $"Concern {concern.Reference} had no decision by its deadline, {CaseworkText.Date(due.Date)}, and has none yet."));
            }
        }

        foreach (var action in facts.Actions)
        {
            var wentOverdue = action.CompletedAt is { } done ? action.Due.HasPassed(done) : action.Due.HasPassed(now);
            if (!wentOverdue)
            {
                continue;
            }
            var escalation = schedule.Escalation(action.Due, action.CompletedAt, now);
            var steps = escalation.Reached.Where(r => r.Level != EscalationLevel.Owner)
                .Select(r => $"{CaseworkText.Describe(r.Level).ToLowerInvariant()} on {Day(r.At)}").ToList();
            var escalated = steps.Count == 0 ? "" : $" Escalated to the {string.Join(", then the ", steps)}.";
            var ending = action.CompletedAt is { } completed ? $" Completed on {Day(completed)}." : " Still not done.";
            found.Add(new(action.Due.EndsAt, ShortfallKind.ActionOverdue,
                $"Action \"{action.Title}\" (owner: {action.Owner}) went overdue: due by {CaseworkText.Date(action.Due.Date)}.{escalated}{ending}"));
        }

        foreach (var meeting in facts.Meetings)
        {
            foreach (var absent in meeting.Invited.Where(i => i.Status != AttendanceStatus.Attended))
            {
                var why = absent.Status == AttendanceStatus.Apologies
                    ? $"sent apologies{(string.IsNullOrWhiteSpace(absent.ApologyReason) ? "" : $" ({absent.ApologyReason})")}"
                    : "did not respond";
                found.Add(new(meeting.HeldAt, ShortfallKind.AgencyAbsent,
                    $"{absent.Agency} did not attend the {CaseworkText.Describe(meeting.Kind).ToLowerInvariant()} on {Day(meeting.HeldAt)}: {why}."));
            }
        }
        var attendance = facts.Meetings.Select(m => new MeetingAttendance<string>(m.HeldAt, m.Invited));
        foreach (var alert in schedule.RepeatedAbsences(attendance))
        {
            var threshold = alert.Absences[schedule.Timescales.ConsecutiveAbsencesForAlert - 1];
            found.Add(new(threshold.HeldAt, ShortfallKind.RepeatedAbsence,
                $"{alert.Agency} missed {alert.Absences.Count} consecutive meetings about this child ({string.Join(", ", alert.Absences.Select(a => Day(a.HeldAt)))})."));
        }

        found.AddRange(MeetingTimeliness(schedule, facts, now, Day));

        foreach (var episode in facts.MissingEpisodes)
        {
            var interview = schedule.ReturnHomeInterview(episode, now);
            if (interview.State == ReturnHomeInterviewState.HeldLate)
            {
                found.Add(new(interview.Due!.Value.EndsAt, ShortfallKind.ReturnHomeInterviewLate,
                    $"The return home interview after the missing episode of {Day(episode.WentMissingAt)} was held late: due by {Moment(interview.Due.Value.EndsAt)}, held on {Day(episode.InterviewedAt!.Value)}."));
            }
            else if (interview.State == ReturnHomeInterviewState.Overdue)
            {
                found.Add(new(interview.Due!.Value.EndsAt, ShortfallKind.ReturnHomeInterviewNotHeld,
                    $"The return home interview after the missing episode of {Day(episode.WentMissingAt)} was due by {Moment(interview.Due.Value.EndsAt)} and has not been held."));
            }
        }
        return [.. found.OrderBy(s => s.At).ThenBy(s => s.Kind)];
    }

    /// <summary>
    /// Meetings held after their due date, and meetings due now whose date has passed. Each held meeting is judged
    /// against what was due just before it (the history up to then), so a conference held late stays late in every
    /// later review. Strategy discussions are due after a front door decision to hold one, or a repeat-missing
    /// pattern.
    /// </summary>
    private static IEnumerable<Shortfall> MeetingTimeliness(CaseworkSchedule schedule, ReviewFacts facts, DateTimeOffset now, Func<DateTimeOffset, string> day)
    {
        var held = facts.Meetings.Select(m => new Meeting(m.Kind, m.HeldAt)).OrderBy(m => m.HeldAt).ToList();
        ChildProtectionHistory Before(DateTimeOffset moment) => new(
            [.. held.Where(m => m.HeldAt < moment)],
            facts.ConferenceNotNeededAt < moment ? facts.ConferenceNotNeededAt : null,
            facts.PlanStartedAt < moment ? facts.PlanStartedAt : null,
            facts.PlanEndedAt < moment ? facts.PlanEndedAt : null);
        string Name(MeetingKind kind) => CaseworkText.Describe(kind);

        foreach (var meeting in held.Where(m => m.Kind != MeetingKind.StrategyDiscussion))
        {
            var due = schedule.ChildProtectionMeetingsDue(Before(meeting.HeldAt)).FirstOrDefault(d => d.Kind == meeting.Kind);
            if (due is not null && due.Due.HasPassed(meeting.HeldAt))
            {
                yield return new(due.Due.EndsAt, ShortfallKind.MeetingHeldLate,
                    $"{Name(meeting.Kind)} held late: due by {CaseworkText.Date(due.Due.Date)} ({due.Basis}), held on {day(meeting.HeldAt)}.");
            }
        }
        foreach (var due in schedule.ChildProtectionMeetingsDue(Before(now)).Where(d => d.Due.HasPassed(now)))
        {
            yield return new(due.Due.EndsAt, ShortfallKind.MeetingNotHeld,
                $"{Name(due.Kind)} due by {CaseworkText.Date(due.Due.Date)} ({due.Basis}) has not been held.");
        }

        foreach (var prompt in StrategyDiscussionPrompts(schedule, facts))
        {
            if (prompt.HeldAt is { } heldAt && prompt.Due.HasPassed(heldAt))
            {
                yield return new(prompt.Due.EndsAt, ShortfallKind.MeetingHeldLate,
                    $"Strategy discussion held late: due by {CaseworkText.Date(prompt.Due.Date)} after {prompt.Why}, held on {day(heldAt)}.");
            }
            else if (prompt.HeldAt is null && prompt.Due.HasPassed(now))
            {
                yield return new(prompt.Due.EndsAt, ShortfallKind.MeetingNotHeld,
                    $"Strategy discussion due by {CaseworkText.Date(prompt.Due.Date)} after {prompt.Why} has not been held.");
            }
        }
    }

    /// <summary>
    /// Every prompt to hold a strategy discussion (a front door decision to hold one; each episode that reaches the
    /// repeat-missing threshold), oldest first, with when it was due and when the next strategy discussion was held
    /// (null: still owed).
    /// </summary>
    public static IReadOnlyList<StrategyPrompt> StrategyDiscussionPrompts(CaseworkSchedule schedule, ReviewFacts facts)
    {
        ArgumentNullException.ThrowIfNull(schedule);
        ArgumentNullException.ThrowIfNull(facts);
        var held = facts.Meetings.Where(m => m.Kind == MeetingKind.StrategyDiscussion).Select(m => m.HeldAt).Order().ToList();
        return [.. facts.Concerns
            .Where(c => c.Decision is { Outcome: ConcernOutcome.StrategyDiscussion, CountersignRefused: false })
            .Select(c => (At: c.Decision!.DecidedAt, Why: $"the front door decision on concern {c.Reference}"))
            .Concat(schedule.RepeatMissing(facts.MissingEpisodes).Select(t => (t.At, Why: $"{t.Episodes.Count} missing episodes within {schedule.Timescales.RepeatMissingWindowDays} days")))
            .OrderBy(p => p.At)
            .Select(p => new StrategyPrompt(p.At, p.Why, schedule.StrategyDiscussionDue(p.At), held.Cast<DateTimeOffset?>().FirstOrDefault(h => h >= p.At)))];
    }

    private static string Plural(int count, string noun) => count == 1 ? $"1 {noun}" : $"{count} {noun}s";
}
