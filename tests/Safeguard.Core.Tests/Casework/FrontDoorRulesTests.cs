using Safeguard.Core.Calendar;
using Safeguard.Core.Casework;
using static Safeguard.Core.Tests.Calendar.TestZones;

namespace Safeguard.Core.Tests.Casework;

public class FrontDoorRulesTests
{
    private readonly CaseworkSchedule _schedule = new(new WorkingCalendar(London), CaseworkTimescales.NationalDefaults);

    // Received Friday 13 March 2026 at 17:30 (GMT): the decision is due by the end of Monday 16 March.
    [Theory]
    [InlineData(null, null, false, "2026-03-16T12:00:00Z", ConcernState.AwaitingDecision, false)]
    [InlineData(null, null, false, "2026-03-17T00:00:00Z", ConcernState.DecisionOverdue, false)]
    [InlineData("Assessment@2026-03-16T23:59:00Z", null, false, "2026-03-20T12:00:00Z", ConcernState.Decided, false)]
    [InlineData("Assessment@2026-03-17T09:00:00Z", null, false, "2026-03-20T12:00:00Z", ConcernState.Decided, true)]
    [InlineData("NoFurtherAction@2026-03-16T10:00:00Z", null, false, "2026-03-20T12:00:00Z", ConcernState.AwaitingCountersignature, false)]
    [InlineData("NoFurtherAction@2026-03-16T10:00:00Z", "2026-03-18T10:00:00Z", false, "2026-03-20T12:00:00Z", ConcernState.Decided, false)]
    // A refused countersignature leaves the concern undecided: overdue, as if nothing had been decided.
    [InlineData("NoFurtherAction@2026-03-16T10:00:00Z", null, true, "2026-03-20T12:00:00Z", ConcernState.DecisionOverdue, false)]
    [InlineData("NoFurtherAction@2026-03-16T10:00:00Z", null, true, "2026-03-16T12:00:00Z", ConcernState.AwaitingDecision, false)]
    public void Concern_status(string? decision, string? countersigned, bool refused, string now, ConcernState state, bool late)
    {
        ConcernDecisionFacts? facts = null;
        if (decision is not null)
        {
            var parts = decision.Split('@');
            facts = new(Enum.Parse<ConcernOutcome>(parts[0]), T(parts[1]), countersigned is null ? null : T(countersigned), refused);
        }
        var status = FrontDoorRules.Status(_schedule, T("2026-03-13T17:30:00Z"), facts, T(now));
        Assert.Equal(state, status.State);
        Assert.Equal(late, status.DecidedLate);
        Assert.Equal(D("2026-03-16"), status.Deadline.Date);
    }

    [Theory]
    [InlineData(ConcernOutcome.NoFurtherAction, true)]
    [InlineData(ConcernOutcome.EarlyHelp, false)]
    [InlineData(ConcernOutcome.StrategyDiscussion, false)]
    [InlineData(ConcernOutcome.RecordedAsIntelligence, false)]
    public void Only_no_further_action_needs_a_countersignature(ConcernOutcome outcome, bool needs) =>
        Assert.Equal(needs, FrontDoorRules.NeedsCountersignature(outcome));

    [Fact]
    public void The_queue_puts_immediate_danger_first_then_the_earliest_deadline()
    {
        var order = FrontDoorRules.QueueOrder(
        [
            new QueuedConcern<string>("late arrival", T("2026-03-13T15:00:00Z"), false),
            new QueuedConcern<string>("oldest", T("2026-03-12T09:00:00Z"), false),
            new QueuedConcern<string>("danger, newest", T("2026-03-13T16:00:00Z"), true),
            new QueuedConcern<string>("danger, older", T("2026-03-13T08:00:00Z"), true),
        ]);
        Assert.Equal(["danger, older", "danger, newest", "oldest", "late arrival"], order);
    }

    [Fact]
    public void Every_outcome_has_words()
    {
        Assert.Equal(7, FrontDoorRules.Outcomes.Count);
        Assert.Equal(7, FrontDoorRules.Outcomes.Select(FrontDoorRules.Describe).Distinct().Count());
    }
}
