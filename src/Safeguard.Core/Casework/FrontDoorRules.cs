using Safeguard.Core.Calendar;

namespace Safeguard.Core.Casework;

/// <summary>What the front door (MASH) decides to do about a concern.</summary>
public enum ConcernOutcome
{
    NoFurtherAction,
    EarlyHelp,
    Assessment,

    /// <summary>A strategy discussion under section 47: significant harm is suspected.</summary>
    StrategyDiscussion,
    ImmediateProtection,
    ReferralToPolice,
    RecordedAsIntelligence,
}

/// <summary>Where a concern stands, computed from its receipt, its decision and the clock.</summary>
public enum ConcernState
{
    /// <summary>No decision yet, and the deadline has not passed.</summary>
    AwaitingDecision,

    /// <summary>No decision, and the deadline has passed.</summary>
    DecisionOverdue,

    /// <summary>Decided "no further action" and waiting for a team manager to countersign it.</summary>
    AwaitingCountersignature,
    Decided,
}

/// <summary>A decision as stored: what, when, and whether it stands (countersigned where it must be).</summary>
/// <param name="CountersignRefused">A manager refused to countersign: the decision does not stand and the concern
/// goes back to the queue.</param>
public sealed record ConcernDecisionFacts(ConcernOutcome Outcome, DateTimeOffset DecidedAt, DateTimeOffset? CountersignedAt, bool CountersignRefused);

/// <param name="Deadline">When the decision was or is due.</param>
/// <param name="DecidedLate">The standing decision was made after the deadline.</param>
public sealed record ConcernStatus(ConcernState State, Deadline Deadline, bool DecidedLate);

/// <summary>One concern in the front door's queue, for ordering.</summary>
public sealed record QueuedConcern<TKey>(TKey Key, DateTimeOffset ReceivedAt, bool ImmediateDanger);

/// <summary>
/// The front door's rules: every concern reaches a named decision within the referral timescale, a decision of no
/// further action needs a team manager's countersignature, and the queue puts a child in immediate danger first.
/// </summary>
public static class FrontDoorRules
{
    public static IReadOnlyList<ConcernOutcome> Outcomes { get; } = Enum.GetValues<ConcernOutcome>();

    /// <summary>"No further action" closes the door on a child: a second, senior pair of eyes must agree.</summary>
    public static bool NeedsCountersignature(ConcernOutcome outcome) => outcome == ConcernOutcome.NoFurtherAction;

    /// <summary>
    /// The concern's state. The decision counts from when it was made (not when it was countersigned): the front
    /// door met or missed its deadline with the decision, and a pending countersignature is shown as its own state.
    /// A refused countersignature is as if no decision had been made.
    /// </summary>
    public static ConcernStatus Status(CaseworkSchedule schedule, DateTimeOffset receivedAt, ConcernDecisionFacts? decision, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(schedule);
        var deadline = schedule.ReferralDecisionDue(receivedAt);
        if (decision is null || decision.CountersignRefused)
        {
            return new ConcernStatus(deadline.HasPassed(now) ? ConcernState.DecisionOverdue : ConcernState.AwaitingDecision, deadline, false);
        }
        var late = deadline.HasPassed(decision.DecidedAt);
        var state = NeedsCountersignature(decision.Outcome) && decision.CountersignedAt is null
            ? ConcernState.AwaitingCountersignature
            : ConcernState.Decided;
        return new ConcernStatus(state, deadline, late);
    }

    /// <summary>
    /// The triage queue's order: a child said to be in immediate danger first, then by deadline (the earliest
    /// receipt has the earliest deadline, since every concern has the same timescale), then by receipt.
    /// </summary>
    public static IReadOnlyList<TKey> QueueOrder<TKey>(IEnumerable<QueuedConcern<TKey>> concerns) =>
        [.. concerns.OrderByDescending(c => c.ImmediateDanger).ThenBy(c => c.ReceivedAt).Select(c => c.Key)];

    public static string Describe(ConcernOutcome outcome) => outcome switch
    {
        ConcernOutcome.NoFurtherAction => "No further action",
        ConcernOutcome.EarlyHelp => "Early help",
        ConcernOutcome.Assessment => "Assessment",
        ConcernOutcome.StrategyDiscussion => "Strategy discussion (section 47)",
        ConcernOutcome.ImmediateProtection => "Immediate protection",
        ConcernOutcome.ReferralToPolice => "Referral to police",
        _ => "Recorded as intelligence",
    };

    public static string Describe(ConcernState state) => state switch
    {
        ConcernState.AwaitingDecision => "Awaiting decision",
        ConcernState.DecisionOverdue => "Decision overdue",
        ConcernState.AwaitingCountersignature => "Awaiting countersignature",
        _ => "Decided",
    };
}
