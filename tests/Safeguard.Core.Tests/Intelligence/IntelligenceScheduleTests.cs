using Safeguard.Core.Calendar;
using Safeguard.Core.Casework;
using Safeguard.Core.Intelligence;
using Safeguard.Core.Tests.Calendar;
using static Safeguard.Core.Tests.Calendar.TestZones;

namespace Safeguard.Core.Tests.Intelligence;

public class IntelligenceScheduleTests
{
    private readonly IntelligenceSchedule _schedule = new(
        new CaseworkSchedule(new WorkingCalendar(TestZones.London), CaseworkTimescales.NationalDefaults), new IntelligenceTimescales());

    // Received on Friday 13 March 2026 at 17:30: five working days on is the end of Friday 20 March. The ladder
    // then climbs on 20 March (owner), 23 March (team manager, +1), 25 March (senior manager, +3), 27 March (partnership, +5).
    [Theory]
    [InlineData("2026-03-19T12:00:00Z", false, null)]
    [InlineData("2026-03-20T12:00:00Z", false, EscalationLevel.Owner)]
    [InlineData("2026-03-21T10:00:00Z", true, EscalationLevel.Owner)]
    [InlineData("2026-03-23T10:00:00Z", true, EscalationLevel.TeamManager)]
    [InlineData("2026-03-25T10:00:00Z", true, EscalationLevel.SeniorManager)]
    [InlineData("2026-03-27T10:00:00Z", true, EscalationLevel.Partnership)]
    public void An_item_the_unit_has_not_routed_or_decided_escalates_up_the_ladder(string now, bool overdue, EscalationLevel? level)
    {
        var status = _schedule.UnitStep(T("2026-03-13T17:30:00Z"), null, T(now));
        Assert.Equal(D("2026-03-20"), status.Due.Date);
        Assert.Equal(overdue, status.Overdue);
        // On the due date itself the owner is reminded, before the item is overdue.
        Assert.Equal(level, status.Escalation.Current);
        Assert.False(status.Done);
    }

    [Fact]
    public void Work_done_in_time_never_escalates_and_work_done_late_says_so()
    {
        var inTime = _schedule.UnitStep(T("2026-03-13T17:30:00Z"), T("2026-03-19T09:00:00Z"), T("2026-04-30T09:00:00Z"));
        Assert.True(inTime.Done);
        Assert.False(inTime.Overdue);
        Assert.False(inTime.DoneLate);
        Assert.Null(inTime.Escalation.Current);

        var late = _schedule.UnitStep(T("2026-03-13T17:30:00Z"), T("2026-03-24T09:00:00Z"), T("2026-04-30T09:00:00Z"));
        Assert.True(late.DoneLate);
        Assert.False(late.Overdue);
        // It reached the team manager before it was done, and climbed no further.
        Assert.Equal(EscalationLevel.TeamManager, late.Escalation.Current);
    }

    [Fact]
    public void A_done_time_in_the_future_of_now_does_not_count_yet()
    {
        var status = _schedule.UnitStep(T("2026-03-13T17:30:00Z"), T("2026-03-25T09:00:00Z"), T("2026-03-23T10:00:00Z"));
        Assert.False(status.Done);
        Assert.True(status.Overdue);
    }

    [Theory]
    [InlineData(IntelligencePriority.Low, "2026-03-20")]
    [InlineData(IntelligencePriority.Medium, "2026-03-20")]
    [InlineData(IntelligencePriority.High, "2026-03-16")]
    public void A_receiving_agency_has_five_working_days_or_one_for_high_priority(IntelligencePriority priority, string due) =>
        Assert.Equal(D(due), _schedule.Routing(T("2026-03-13T11:00:00Z"), priority, null, T("2026-03-13T12:00:00Z")).Due.Date);

    [Fact]
    public void A_suspect_without_a_plan_is_not_disrupted_at_once_and_escalates_when_the_plan_is_late()
    {
        var identified = T("2026-03-02T10:00:00Z");
        var early = _schedule.Disruption(new DisruptionFacts(identified, null, null, null), T("2026-03-03T10:00:00Z"));
        Assert.Equal(DisruptionState.NoPlan, early.State);
        Assert.True(early.NotDisrupted);
        Assert.Equal(D("2026-03-09"), early.Due!.Value.Date);
        Assert.Null(early.Escalation!.Current);

        var late = _schedule.Disruption(new DisruptionFacts(identified, null, null, null), T("2026-03-10T10:00:00Z"));
        Assert.True(late.Escalation!.Overdue);
        Assert.Equal(EscalationLevel.TeamManager, late.Escalation.Current);
    }

    [Theory]
    // Last activity Wednesday 4 March: 20 working days on is Wednesday 1 April, which ends at 23:00 UTC (BST).
    [InlineData("2026-04-01T22:30:00Z", DisruptionState.Active)]
    [InlineData("2026-04-01T23:30:00Z", DisruptionState.Inactive)]
    public void A_plan_goes_inactive_when_nothing_is_recorded_for_twenty_working_days(string now, DisruptionState expected)
    {
        var status = _schedule.Disruption(new DisruptionFacts(T("2026-02-20T10:00:00Z"), T("2026-03-02T10:00:00Z"), T("2026-03-04T10:00:00Z"), null), T(now));
        Assert.Equal(expected, status.State);
        Assert.Equal(D("2026-04-01"), status.Due!.Value.Date);
        Assert.Equal(expected == DisruptionState.Inactive, status.NotDisrupted);
    }

    [Fact]
    public void Activity_before_the_plan_was_made_counts_from_the_plan_and_a_closed_plan_is_off_the_list()
    {
        var status = _schedule.Disruption(new DisruptionFacts(T("2026-02-20T10:00:00Z"), T("2026-03-04T10:00:00Z"), T("2026-03-02T10:00:00Z"), null), T("2026-03-05T10:00:00Z"));
        Assert.Equal(D("2026-04-01"), status.Due!.Value.Date);
        var closed = _schedule.Disruption(new DisruptionFacts(T("2026-02-20T10:00:00Z"), null, null, T("2026-03-04T10:00:00Z")), T("2026-06-05T10:00:00Z"));
        Assert.Equal(DisruptionState.Closed, closed.State);
        Assert.False(closed.NotDisrupted);
    }

    [Fact]
    public void Timescales_that_cannot_work_are_refused_by_name()
    {
        Assert.Empty(new IntelligenceTimescales().Validate());
        var problems = new IntelligenceTimescales { ActionWithin = Timescale.WorkingDays(-1), InactiveAfter = Timescale.Hours(0) }.Validate();
        Assert.Equal(2, problems.Count);
        Assert.Contains(problems, p => p.StartsWith("ActionWithin", StringComparison.Ordinal));
        Assert.Contains(problems, p => p.StartsWith("InactiveAfter", StringComparison.Ordinal));
        Assert.Single(new IntelligenceTimescales { InactiveAfter = Timescale.WorkingDays(0) }.Validate());
    }
}
