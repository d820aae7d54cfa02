using Safeguard.Core.Calendar;

namespace Safeguard.Core.Casework;

/// <summary>
/// Deadlines, escalation and alerts for casework, computed from stored facts and "now" alone: nothing here
/// depends on a background job having run, so every page shows the same answer whenever it is asked.
/// </summary>
public sealed class CaseworkSchedule(WorkingCalendar calendar, CaseworkTimescales timescales)
{
    public WorkingCalendar Calendar { get; } = calendar;

    public CaseworkTimescales Timescales { get; } = timescales;

    public Deadline ReferralDecisionDue(DateTimeOffset receivedAt) => Calendar.Due(receivedAt, Timescales.ReferralDecision);

    /// <summary>When the review of a break-glass at <paramref name="brokenAt"/> is due; after it, the review escalates.</summary>
    public Deadline BreakGlassReviewDue(DateTimeOffset brokenAt) => Calendar.Due(brokenAt, Timescales.BreakGlassReview);

    public Deadline AssessmentDue(DateTimeOffset referralReceivedAt) => Calendar.Due(referralReceivedAt, Timescales.Assessment);

    public Deadline StrategyDiscussionDue(DateTimeOffset concernAt) => Calendar.Due(concernAt, Timescales.StrategyDiscussion);

    /// <summary>
    /// The child protection meetings due next, from the history: the initial conference after the last strategy
    /// discussion (unless one was held since, it was decided none is needed, or a plan is already running); and
    /// while a plan runs, the next review conference and the next core group.
    /// </summary>
    public IReadOnlyList<MeetingDue> ChildProtectionMeetingsDue(ChildProtectionHistory history)
    {
        ArgumentNullException.ThrowIfNull(history);
        var due = new List<MeetingDue>();
        var planRunning = history.PlanStartedAt is { } started && !(history.PlanEndedAt >= started);

        var lastStrategy = Latest(history, MeetingKind.StrategyDiscussion, after: null);
        if (lastStrategy is { } strategy
            && !planRunning
            && Latest(history, MeetingKind.InitialConference, after: strategy) is null
            && !(history.ConferenceNotNeededAt >= strategy))
        {
            due.Add(Next(MeetingKind.InitialConference, strategy, Timescales.InitialConference, "after the last strategy discussion"));
        }

        if (planRunning)
        {
            var planStart = history.PlanStartedAt!.Value;
            due.Add(Latest(history, MeetingKind.ReviewConference, after: planStart) is { } lastReview
                ? Next(MeetingKind.ReviewConference, lastReview, Timescales.LaterReviews, "after the last review conference")
                : Next(MeetingKind.ReviewConference, planStart, Timescales.FirstReview, "after the initial conference"));
            due.Add(Latest(history, MeetingKind.CoreGroup, after: planStart) is { } lastCoreGroup
                ? Next(MeetingKind.CoreGroup, lastCoreGroup, Timescales.LaterCoreGroups, "after the last core group")
                : Next(MeetingKind.CoreGroup, planStart, Timescales.FirstCoreGroup, "after the initial conference"));
        }
        return due;
    }

    /// <summary>
    /// The escalation ladder for an action due at <paramref name="due"/>. A step of N working days is reached at the
    /// start (local midnight) of the Nth working day after the due date; a step of 0 (the owner) on the due date
    /// itself, even when that is not a working day (a return home interview due on a Saturday is the owner's that
    /// Saturday, and the team manager's on Monday). Steps stop being reached once the action is completed.
    /// </summary>
    public EscalationStatus Escalation(Deadline due, DateTimeOffset? completedAt, DateTimeOffset now)
    {
        var stoppedAt = completedAt is { } done && done < now ? done : now;
        var reached = new List<EscalationReached>();
        EscalationReached? next = null;
        foreach (var step in Timescales.Escalation)
        {
            // Counting from the last working day on or before the due date makes "N working days after" mean
            // strictly after a due date that is not itself a working day.
            var day = step.WorkingDaysAfterDue == 0
                ? due.Date
                : Calendar.AddWorkingDays(Calendar.LastWorkingDayOnOrBefore(due.Date), step.WorkingDaysAfterDue);
            var at = Calendar.StartOfDay(day);
            if (at <= stoppedAt)
            {
                reached.Add(new EscalationReached(step.Level, at));
            }
            else if (next is null && completedAt is null)
            {
                next = new EscalationReached(step.Level, at);
            }
        }
        var overdue = completedAt is null && due.HasPassed(now);
        return new EscalationStatus(reached.Count == 0 ? null : reached[^1].Level, reached, next, overdue);
    }

    public ReturnHomeInterviewStatus ReturnHomeInterview(MissingEpisode episode, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(episode);
        if (episode.ReturnedAt is not { } returned)
        {
            return new ReturnHomeInterviewStatus(ReturnHomeInterviewState.StillMissing, null);
        }
        var due = Calendar.Due(returned, Timescales.ReturnHomeInterview);
        var state = episode.InterviewedAt switch
        {
            { } held when due.HasPassed(held) => ReturnHomeInterviewState.HeldLate,
            not null => ReturnHomeInterviewState.HeldInTime,
            null when due.HasPassed(now) => ReturnHomeInterviewState.Overdue,
            null => ReturnHomeInterviewState.Due,
        };
        return new ReturnHomeInterviewStatus(state, due);
    }

    /// <summary>
    /// Every point at which the child's missing episodes reached the repeat-missing threshold: an episode that
    /// went missing when at least <see cref="CaseworkTimescales.RepeatMissingEpisodes"/> episodes (itself included)
    /// had started within the window (inclusive) ending at its start. Each such episode is a trigger: going missing
    /// again while already in a repeat pattern is itself a reason to meet.
    /// </summary>
    public IReadOnlyList<RepeatMissingTrigger> RepeatMissing(IEnumerable<MissingEpisode> episodes)
    {
        ArgumentNullException.ThrowIfNull(episodes);
        var ordered = episodes.OrderBy(e => e.WentMissingAt).ToList();
        var window = TimeSpan.FromDays(Timescales.RepeatMissingWindowDays);
        var triggers = new List<RepeatMissingTrigger>();
        var first = 0;
        for (var last = 0; last < ordered.Count; last++)
        {
            while (ordered[last].WentMissingAt - ordered[first].WentMissingAt > window)
            {
                first++;
            }
            if (last - first + 1 >= Timescales.RepeatMissingEpisodes)
            {
                triggers.Add(new RepeatMissingTrigger(ordered[last].WentMissingAt, ordered[first..(last + 1)]));
            }
        }
        return triggers;
    }

    /// <summary>
    /// Agencies that missed <see cref="CaseworkTimescales.ConsecutiveAbsencesForAlert"/> or more consecutive meetings
    /// they were invited to (meetings they were not invited to do not break a run). Apologies and no response both
    /// count as not attending, and the alert lists each absence with its kind and reason, so the partnership sees
    /// both "always sends apologies" and "never answers".
    /// </summary>
    public IReadOnlyList<AbsenceAlert<TAgency>> RepeatedAbsences<TAgency>(IEnumerable<MeetingAttendance<TAgency>> meetings)
        where TAgency : notnull
    {
        ArgumentNullException.ThrowIfNull(meetings);
        var alerts = new List<AbsenceAlert<TAgency>>();
        var runs = new Dictionary<TAgency, List<Absence>>();
        var order = new List<TAgency>();
        void Close(TAgency agency, bool continuing)
        {
            if (runs.Remove(agency, out var run) && run.Count >= Timescales.ConsecutiveAbsencesForAlert)
            {
                alerts.Add(new AbsenceAlert<TAgency>(agency, run, continuing));
            }
        }

        foreach (var meeting in meetings.OrderBy(m => m.HeldAt))
        {
            foreach (var invitation in meeting.Invited)
            {
                if (!order.Contains(invitation.Agency))
                {
                    order.Add(invitation.Agency);
                }
                if (invitation.Status == AttendanceStatus.Attended)
                {
                    Close(invitation.Agency, continuing: false);
                    continue;
                }
                if (!runs.TryGetValue(invitation.Agency, out var run))
                {
                    runs[invitation.Agency] = run = [];
                }
                run.Add(new Absence(meeting.HeldAt, invitation.Status, invitation.ApologyReason));
            }
        }
        foreach (var agency in order)
        {
            Close(agency, continuing: true);
        }
        return alerts;
    }

    private MeetingDue Next(MeetingKind kind, DateTimeOffset from, Timescale timescale, string basis) =>
        new(kind, Calendar.Due(from, timescale), timescale, from, $"{timescale} {basis}");

    private static DateTimeOffset? Latest(ChildProtectionHistory history, MeetingKind kind, DateTimeOffset? after) =>
        history.Meetings
            .Where(m => m.Kind == kind && (after is null || m.HeldAt >= after))
            .Select(m => (DateTimeOffset?)m.HeldAt)
            .Max();
}
