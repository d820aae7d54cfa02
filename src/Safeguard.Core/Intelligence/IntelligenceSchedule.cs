using Safeguard.Core.Calendar;
using Safeguard.Core.Casework;

namespace Safeguard.Core.Intelligence;

/// <summary>The timescales intelligence and disruption work to, as configuration (Intelligence:* and Disruption:*).</summary>
public sealed record IntelligenceTimescales
{
    /// <summary>
    /// Every item must end in a recorded action or decision within this: the intelligence unit, from receipt, to
    /// grade it and route it or decide; each agency it is routed to, from routing, to record what it did.
    /// </summary>
    public Timescale ActionWithin { get; init; } = Timescale.WorkingDays(5);

    /// <summary>The same for an agency receiving a high-priority item (threat to life, serious harm, imminent risk).</summary>
    public Timescale HighPriorityActionWithin { get; init; } = Timescale.WorkingDays(1);

    /// <summary>A newly identified suspect must have a disruption plan within this.</summary>
    public Timescale PlanWithin { get; init; } = Timescale.WorkingDays(5);

    /// <summary>A plan with nothing recorded on it for this long is no longer disrupting anyone.</summary>
    public Timescale InactiveAfter { get; init; } = Timescale.WorkingDays(20);

    public IReadOnlyList<string> Validate()
    {
        var problems = new List<string>();
        foreach (var (name, value) in new[]
        {
            (nameof(ActionWithin), ActionWithin), (nameof(HighPriorityActionWithin), HighPriorityActionWithin),
            (nameof(PlanWithin), PlanWithin), (nameof(InactiveAfter), InactiveAfter),
        })
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
        if (problems.Count == 0 && InactiveAfter.Unit == TimescaleUnit.WorkingDays && InactiveAfter.Amount == 0)
        {
            problems.Add($"{nameof(InactiveAfter)} is 0 working days: every plan would be inactive the day after anything was recorded.");
        }
        return problems;
    }
}

/// <summary>A piece of work with a deadline: when it is due, whether it is done, and where it stands on the escalation ladder.</summary>
public sealed record WorkStatus(Deadline Due, DateTimeOffset? DoneAt, EscalationStatus Escalation)
{
    public bool Done => DoneAt is not null;

    public bool Overdue => Escalation.Overdue;

    /// <summary>Done, but after the deadline had passed.</summary>
    public bool DoneLate => DoneAt is { } done && Due.HasPassed(done);
}

public enum DisruptionState
{
    /// <summary>Identified as a suspect; no plan yet.</summary>
    NoPlan,

    /// <summary>A plan with something recorded on it recently.</summary>
    Active,

    /// <summary>A plan on which nothing has been recorded for <see cref="IntelligenceTimescales.InactiveAfter"/>.</summary>
    Inactive,

    /// <summary>The plan was closed (convicted, or no longer a suspect, with the reason recorded).</summary>
    Closed,
}

/// <summary>What is stored about one suspect's disruption.</summary>
/// <param name="LastActivityAt">The latest thing recorded on the plan (the plan made, a tactic added or updated, an outcome).</param>
public sealed record DisruptionFacts(DateTimeOffset IdentifiedAt, DateTimeOffset? PlanCreatedAt, DateTimeOffset? LastActivityAt, DateTimeOffset? ClosedAt);

/// <summary>Where one suspect's disruption stands. <see cref="Due"/> is when a plan, or the next activity, is needed by.</summary>
public sealed record DisruptionStatus(DisruptionState State, Deadline? Due, EscalationStatus? Escalation)
{
    /// <summary>On the "identified, not disrupted" list: no plan, or a plan gone quiet.</summary>
    public bool NotDisrupted => State is DisruptionState.NoPlan or DisruptionState.Inactive;
}

/// <summary>
/// Deadlines for intelligence and disruption, computed from stored facts and "now" on every read (no job has to
/// have run), with the escalation ladder of <see cref="CaseworkSchedule"/>: owner on the due date, then team
/// manager, senior manager and partnership.
/// </summary>
public sealed class IntelligenceSchedule(CaseworkSchedule casework, IntelligenceTimescales timescales)
{
    public IntelligenceTimescales Timescales { get; } = timescales;

    public WorkingCalendar Calendar => casework.Calendar;

    /// <summary>The intelligence unit's step: from receipt, grade the item and route it or record a decision.</summary>
    public WorkStatus UnitStep(DateTimeOffset receivedAt, DateTimeOffset? routedOrDecidedAt, DateTimeOffset now) =>
        Work(Calendar.Due(receivedAt, Timescales.ActionWithin), routedOrDecidedAt, now);

    /// <summary>A receiving agency's step: from routing, record an action or a decision.</summary>
    public WorkStatus Routing(DateTimeOffset routedAt, IntelligencePriority priority, DateTimeOffset? outcomeAt, DateTimeOffset now) =>
        Work(Calendar.Due(routedAt, priority == IntelligencePriority.High ? Timescales.HighPriorityActionWithin : Timescales.ActionWithin), outcomeAt, now);

    public DisruptionStatus Disruption(DisruptionFacts facts, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(facts);
        if (facts.ClosedAt is { } closed && closed <= now)
        {
            return new DisruptionStatus(DisruptionState.Closed, null, null);
        }
        if (facts.PlanCreatedAt is null)
        {
            var planDue = Calendar.Due(facts.IdentifiedAt, Timescales.PlanWithin);
            return new DisruptionStatus(DisruptionState.NoPlan, planDue, casework.Escalation(planDue, null, now));
        }
        var last = facts.LastActivityAt is { } activity && activity > facts.PlanCreatedAt ? activity : facts.PlanCreatedAt.Value;
        var activityDue = Calendar.Due(last, Timescales.InactiveAfter);
        var escalation = casework.Escalation(activityDue, null, now);
        return new DisruptionStatus(activityDue.HasPassed(now) ? DisruptionState.Inactive : DisruptionState.Active, activityDue, escalation);
    }

    private WorkStatus Work(Deadline due, DateTimeOffset? doneAt, DateTimeOffset now) =>
        new(due, doneAt is { } d && d <= now ? d : null, casework.Escalation(due, doneAt is { } x && x <= now ? x : null, now));
}
