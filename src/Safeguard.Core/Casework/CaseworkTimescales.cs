using Safeguard.Core.Calendar;

namespace Safeguard.Core.Casework;

/// <summary>Who is told, in order, when an action slips.</summary>
public enum EscalationLevel
{
    Owner,
    TeamManager,
    SeniorManager,
    Partnership,
}

/// <summary>A rung of the escalation ladder: reached at the start of the Nth working day after the due date (0 = the due date).</summary>
public sealed record EscalationStep(EscalationLevel Level, int WorkingDaysAfterDue);

/// <summary>
/// The casework timescales a partnership works to, as configuration. The defaults are the national ones in
/// shared/domain/REFERENCE.md; values marked local there have a reasonable default a partnership should set.
/// </summary>
public sealed record CaseworkTimescales
{
    /// <summary>Decision on a referral, from receipt.</summary>
    public Timescale ReferralDecision { get; init; } = Timescale.WorkingDays(1);

    /// <summary>Assessment, from the referral.</summary>
    public Timescale Assessment { get; init; } = Timescale.WorkingDays(45);

    /// <summary>Strategy discussion, from the concern that significant harm is suspected. Locally set (1–5 working
    /// days in REFERENCE.md); the default is the shortest so that nothing is shown as on time by default that a
    /// partnership would count as late.</summary>
    public Timescale StrategyDiscussion { get; init; } = Timescale.WorkingDays(1);

    /// <summary>Initial child protection conference, from the last strategy discussion.</summary>
    public Timescale InitialConference { get; init; } = Timescale.WorkingDays(15);

    /// <summary>First review conference, from the initial conference.</summary>
    public Timescale FirstReview { get; init; } = Timescale.Months(3);

    /// <summary>Later review conferences, from the previous review.</summary>
    public Timescale LaterReviews { get; init; } = Timescale.Months(6);

    /// <summary>First core group, from the initial conference.</summary>
    public Timescale FirstCoreGroup { get; init; } = Timescale.WorkingDays(10);

    /// <summary>Later core groups, from the previous one. Locally set; often monthly.</summary>
    public Timescale LaterCoreGroups { get; init; } = Timescale.Months(1);

    /// <summary>Return home interview, from the child's return.</summary>
    public Timescale ReturnHomeInterview { get; init; } = Timescale.Hours(72);

    /// <summary>
    /// Review of a break-glass (emergency access without a relationship), from the moment the glass was broken.
    /// Unreviewed after this, it climbs the same ladder as an overdue action. Local; a working day by default,
    /// like the decision on a referral: emergency access is rare and the question "was it justified" is quick.
    /// </summary>
    public Timescale BreakGlassReview { get; init; } = Timescale.WorkingDays(1);

    /// <summary>This many missing episodes ...</summary>
    public int RepeatMissingEpisodes { get; init; } = 3;

    /// <summary>... starting within this many days of each other prompt a strategy discussion.</summary>
    public int RepeatMissingWindowDays { get; init; } = 30;

    /// <summary>An agency that misses this many consecutive meetings it was invited to raises an alert.</summary>
    public int ConsecutiveAbsencesForAlert { get; init; } = 2;

    public IReadOnlyList<EscalationStep> Escalation { get; init; } =
    [
        new(EscalationLevel.Owner, 0),
        new(EscalationLevel.TeamManager, 1),
        new(EscalationLevel.SeniorManager, 3),
        new(EscalationLevel.Partnership, 5),
    ];

    public static CaseworkTimescales NationalDefaults { get; } = new();

    /// <summary>Every problem with this configuration, each naming the setting; empty when it can be used.</summary>
    public IReadOnlyList<string> Validate()
    {
        var problems = new List<string>();
        (string Name, Timescale Value)[] timescales =
        [
            (nameof(ReferralDecision), ReferralDecision), (nameof(Assessment), Assessment),
            (nameof(StrategyDiscussion), StrategyDiscussion), (nameof(InitialConference), InitialConference),
            (nameof(FirstReview), FirstReview), (nameof(LaterReviews), LaterReviews),
            (nameof(FirstCoreGroup), FirstCoreGroup), (nameof(LaterCoreGroups), LaterCoreGroups),
            (nameof(ReturnHomeInterview), ReturnHomeInterview), (nameof(BreakGlassReview), BreakGlassReview),
        ];
        foreach (var (name, value) in timescales)
        {
            if (value is null)
            {
                problems.Add($"{name} is missing.");
            }
            else if (value.Amount < 0 || (value.Amount == 0 && value.Unit != TimescaleUnit.WorkingDays))
            {
                problems.Add($"{name} is {value}: it must be positive (0 is allowed only in working days, meaning the same day).");
            }
        }
        if (RepeatMissingEpisodes < 2)
        {
            problems.Add($"{nameof(RepeatMissingEpisodes)} is {RepeatMissingEpisodes}: repeat missing needs at least 2 episodes.");
        }
        if (RepeatMissingWindowDays < 1)
        {
            problems.Add($"{nameof(RepeatMissingWindowDays)} is {RepeatMissingWindowDays}: it must be at least 1 day.");
        }
        if (ConsecutiveAbsencesForAlert < 1)
        {
            problems.Add($"{nameof(ConsecutiveAbsencesForAlert)} is {ConsecutiveAbsencesForAlert}: it must be at least 1.");
        }
        if (Escalation is null || Escalation.Count == 0)
        {
            problems.Add($"{nameof(Escalation)} has no steps: an overdue action must reach someone.");
            return problems;
        }
        for (var i = 0; i < Escalation.Count; i++)
        {
            var step = Escalation[i];
            if (step.WorkingDaysAfterDue < 0)
            {
                problems.Add($"Escalation step {step.Level} is {step.WorkingDaysAfterDue} working days after due: it cannot come before the due date.");
            }
            if (i > 0 && step.WorkingDaysAfterDue <= Escalation[i - 1].WorkingDaysAfterDue)
            {
                problems.Add($"Escalation step {step.Level} ({step.WorkingDaysAfterDue}) must come after step {Escalation[i - 1].Level} ({Escalation[i - 1].WorkingDaysAfterDue}).");
            }
            if (i > 0 && step.Level <= Escalation[i - 1].Level)
            {
                problems.Add($"Escalation step {step.Level} must be higher up the line than {Escalation[i - 1].Level}.");
            }
        }
        return problems;
    }
}
