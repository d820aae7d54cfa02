using Safeguard.Core.Calendar;

namespace Safeguard.Core.Casework;

public enum MeetingKind
{
    StrategyDiscussion,
    InitialConference,
    ReviewConference,
    CoreGroup,
}

public sealed record Meeting(MeetingKind Kind, DateTimeOffset HeldAt);

/// <summary>
/// What has happened in one child's child protection process: the meetings held, and the decisions that open or
/// close parts of it.
/// </summary>
/// <param name="ConferenceNotNeededAt">When it was decided, after the strategy discussion(s), that no initial
/// conference is needed (section 47 enquiries did not substantiate the concerns).</param>
/// <param name="PlanStartedAt">When a child protection plan was made (at an initial conference).</param>
/// <param name="PlanEndedAt">When the plan ended.</param>
public sealed record ChildProtectionHistory(
    IReadOnlyList<Meeting> Meetings,
    DateTimeOffset? ConferenceNotNeededAt = null,
    DateTimeOffset? PlanStartedAt = null,
    DateTimeOffset? PlanEndedAt = null);

/// <summary>The next meeting of a kind that is due, with the timescale and the event it runs from (for the page to explain).</summary>
public sealed record MeetingDue(MeetingKind Kind, Deadline Due, Timescale Timescale, DateTimeOffset From, string Basis);

public sealed record EscalationReached(EscalationLevel Level, DateTimeOffset At);

/// <summary>
/// Where an action stands on the escalation ladder now. <see cref="Current"/> is null before the due date and for
/// an action completed before any step was reached; <see cref="Next"/> is the next step and when it will be
/// reached, null when the action is complete or the top of the ladder has been reached.
/// </summary>
public sealed record EscalationStatus(
    EscalationLevel? Current,
    IReadOnlyList<EscalationReached> Reached,
    EscalationReached? Next,
    bool Overdue);

/// <summary>A missing episode: when the child went missing, when they came back, when the return home interview was held.</summary>
public sealed record MissingEpisode(DateTimeOffset WentMissingAt, DateTimeOffset? ReturnedAt = null, DateTimeOffset? InterviewedAt = null);

public enum ReturnHomeInterviewState
{
    /// <summary>The child has not returned: no interview is due yet (the missing episode itself is the alarm).</summary>
    StillMissing,
    Due,
    Overdue,
    HeldInTime,
    HeldLate,
}

public sealed record ReturnHomeInterviewStatus(ReturnHomeInterviewState State, Deadline? Due);

/// <summary>The episode that made the count reach the threshold, with the episodes counted (oldest first).</summary>
public sealed record RepeatMissingTrigger(DateTimeOffset At, IReadOnlyList<MissingEpisode> Episodes);

public enum AttendanceStatus
{
    Attended,

    /// <summary>Sent apologies (with a reason). Counts as not attending: the child's meeting went ahead without the agency.</summary>
    Apologies,

    /// <summary>Invited, did not come, said nothing.</summary>
    NoResponse,
}

public sealed record AgencyAttendance<TAgency>(TAgency Agency, AttendanceStatus Status, string? ApologyReason = null);

/// <summary>One meeting about a child, with every agency invited to it and whether each attended.</summary>
public sealed record MeetingAttendance<TAgency>(DateTimeOffset HeldAt, IReadOnlyList<AgencyAttendance<TAgency>> Invited);

public sealed record Absence(DateTimeOffset HeldAt, AttendanceStatus Status, string? ApologyReason);

/// <summary>
/// An agency that missed consecutive meetings it was invited to. <see cref="Continuing"/> is true when the run of
/// absences reaches the agency's latest invitation (nothing attended since).
/// </summary>
public sealed record AbsenceAlert<TAgency>(TAgency Agency, IReadOnlyList<Absence> Absences, bool Continuing);
