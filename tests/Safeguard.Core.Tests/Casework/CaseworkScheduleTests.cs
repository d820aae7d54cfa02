using Safeguard.Core.Calendar;
using Safeguard.Core.Casework;
using Safeguard.Core.Tests.Calendar;
using static Safeguard.Core.Tests.Calendar.TestZones;

namespace Safeguard.Core.Tests.Casework;

public class CaseworkScheduleTests
{
    private readonly CaseworkSchedule _schedule = new(new WorkingCalendar(TestZones.London), CaseworkTimescales.NationalDefaults);

    [Fact]
    public void Referral_decision_is_due_by_the_end_of_the_next_working_day_and_assessment_after_45()
    {
        Assert.Equal(D("2026-03-16"), _schedule.ReferralDecisionDue(T("2026-03-13T17:30:00Z")).Date);
        Assert.Equal(D("2026-05-07"), _schedule.AssessmentDue(T("2026-03-02T10:00:00Z")).Date);
    }

    public static TheoryData<string, ChildProtectionHistory, string[]> Histories => new()
    {
        { "nothing held", new([]), [] },
        {
            "one strategy discussion: conference 15 working days on",
            new([new(MeetingKind.StrategyDiscussion, T("2026-03-02T10:00:00Z"))]),
            ["InitialConference 2026-03-23"]
        },
        {
            "several strategy discussions: from the last",
            new([new(MeetingKind.StrategyDiscussion, T("2026-03-09T10:00:00Z")), new(MeetingKind.StrategyDiscussion, T("2026-03-02T10:00:00Z"))]),
            ["InitialConference 2026-03-30"]
        },
        {
            "decided no conference is needed",
            new([new(MeetingKind.StrategyDiscussion, T("2026-03-02T10:00:00Z"))], ConferenceNotNeededAt: T("2026-03-10T10:00:00Z")),
            []
        },
        {
            "conference held, no plan",
            new([new(MeetingKind.StrategyDiscussion, T("2026-03-02T10:00:00Z")), new(MeetingKind.InitialConference, T("2026-03-20T10:00:00Z"))]),
            []
        },
        {
            // Review: 20 June 2026 is a Saturday, so Friday 19. Core group: 10 working days over Good Friday and Easter Monday.
            "plan made at the conference: first review and first core group",
            new(
                [new(MeetingKind.StrategyDiscussion, T("2026-03-02T10:00:00Z")), new(MeetingKind.InitialConference, T("2026-03-20T10:00:00Z"))],
                PlanStartedAt: T("2026-03-20T10:00:00Z")),
            ["ReviewConference 2026-06-19", "CoreGroup 2026-04-07"]
        },
        {
            "later reviews 6 months apart, later core groups monthly",
            new(
                [
                    new(MeetingKind.InitialConference, T("2026-03-20T10:00:00Z")), new(MeetingKind.CoreGroup, T("2026-04-07T10:00:00+01:00")),
                    new(MeetingKind.ReviewConference, T("2026-06-15T10:00:00+01:00")),
                ],
                PlanStartedAt: T("2026-03-20T10:00:00Z")),
            ["ReviewConference 2026-12-15", "CoreGroup 2026-05-07"]
        },
        {
            "plan ended: nothing due",
            new([new(MeetingKind.InitialConference, T("2026-03-20T10:00:00Z"))], PlanStartedAt: T("2026-03-20T10:00:00Z"), PlanEndedAt: T("2026-09-01T10:00:00Z")),
            []
        },
        {
            "a new strategy discussion after the plan ended: a new initial conference",
            new(
                [new(MeetingKind.InitialConference, T("2026-03-20T10:00:00Z")), new(MeetingKind.StrategyDiscussion, T("2026-10-01T10:00:00+01:00"))],
                PlanStartedAt: T("2026-03-20T10:00:00Z"), PlanEndedAt: T("2026-09-01T10:00:00Z")),
            ["InitialConference 2026-10-22"]
        },
        {
            "a strategy discussion while a plan runs leads to reviews, not a second initial conference",
            new(
                [new(MeetingKind.InitialConference, T("2026-03-20T10:00:00Z")), new(MeetingKind.StrategyDiscussion, T("2026-04-20T10:00:00+01:00"))],
                PlanStartedAt: T("2026-03-20T10:00:00Z")),
            ["ReviewConference 2026-06-19", "CoreGroup 2026-04-07"]
        },
    };

    [Theory]
    [MemberData(nameof(Histories))]
    public void Child_protection_meetings_due(string scenario, ChildProtectionHistory history, string[] expected)
    {
        var due = _schedule.ChildProtectionMeetingsDue(history).Select(m => $"{m.Kind} {m.Due.Date:yyyy-MM-dd}");
        Assert.True(expected.SequenceEqual(due), $"{scenario}: expected [{string.Join(", ", expected)}], got [{string.Join(", ", due)}]");
    }

    [Fact]
    public void A_meeting_due_explains_its_basis()
    {
        var due = _schedule.ChildProtectionMeetingsDue(new([new(MeetingKind.StrategyDiscussion, T("2026-03-02T10:00:00Z"))])).Single();
        Assert.Equal("15 working days after the last strategy discussion", due.Basis);
        Assert.Equal(T("2026-03-02T10:00:00Z"), due.From);
    }

    // Due by the end of Friday 13 March 2026: owner that day, team manager Monday 16, senior manager Wednesday 18,
    // partnership Friday 20 (each at local midnight, GMT).
    [Theory]
    [InlineData("2026-03-12T12:00:00Z", null, null, "", "Owner@2026-03-13", false)]
    [InlineData("2026-03-13T10:00:00Z", null, "Owner", "Owner", "TeamManager@2026-03-16", false)]
    [InlineData("2026-03-14T10:00:00Z", null, "Owner", "Owner", "TeamManager@2026-03-16", true)]
    [InlineData("2026-03-16T09:00:00Z", null, "TeamManager", "Owner TeamManager", "SeniorManager@2026-03-18", true)]
    [InlineData("2026-03-19T09:00:00Z", null, "SeniorManager", "Owner TeamManager SeniorManager", "Partnership@2026-03-20", true)]
    [InlineData("2026-03-25T09:00:00Z", null, "Partnership", "Owner TeamManager SeniorManager Partnership", null, true)]
    [InlineData("2026-03-25T09:00:00Z", "2026-03-17T12:00:00Z", "TeamManager", "Owner TeamManager", null, false)]
    [InlineData("2026-03-25T09:00:00Z", "2026-03-12T12:00:00Z", null, "", null, false)]
    public void Escalation_ladder(string now, string? completed, string? current, string reached, string? next, bool overdue)
    {
        var status = _schedule.Escalation(_schedule.Calendar.EndOf(D("2026-03-13")), completed is null ? null : T(completed), T(now));
        Assert.Equal(current, status.Current?.ToString());
        Assert.Equal(reached, string.Join(' ', status.Reached.Select(r => r.Level)));
        Assert.Equal(next, status.Next is { } n ? $"{n.Level}@{_schedule.Calendar.LocalDate(n.At):yyyy-MM-dd}" : null);
        Assert.Equal(overdue, status.Overdue);
        Assert.All(status.Reached, r => Assert.Equal(r.At, _schedule.Calendar.StartOfDay(_schedule.Calendar.LocalDate(r.At))));
    }

    [Fact]
    public void A_due_date_on_a_weekend_reaches_the_owner_that_day_and_managers_on_the_following_working_days()
    {
        // A return home interview due on Saturday 14 March 2026 at 18:00 UTC.
        var due = _schedule.Calendar.Due(T("2026-03-11T18:00:00Z"), Timescale.Hours(72));
        var status = _schedule.Escalation(due, null, T("2026-03-25T09:00:00Z"));
        Assert.Equal(
            ["Owner@2026-03-14", "TeamManager@2026-03-16", "SeniorManager@2026-03-18", "Partnership@2026-03-20"],
            status.Reached.Select(r => $"{r.Level}@{_schedule.Calendar.LocalDate(r.At):yyyy-MM-dd}"));
    }

    [Fact]
    public void Escalation_steps_are_configurable()
    {
        var schedule = new CaseworkSchedule(_schedule.Calendar, CaseworkTimescales.NationalDefaults with
        {
            Escalation = [new(EscalationLevel.Owner, 0), new(EscalationLevel.Partnership, 2)],
        });
        var status = schedule.Escalation(schedule.Calendar.EndOf(D("2026-03-13")), null, T("2026-03-17T09:00:00Z"));
        Assert.Equal(EscalationLevel.Partnership, status.Current);
    }

    // Returned on Friday 13 March 2026 at 18:00 UTC: the interview is due 72 hours later, Monday 16 at 18:00 UTC.
    [Theory]
    [InlineData(null, null, "2026-03-14T10:00:00Z", ReturnHomeInterviewState.StillMissing)]
    [InlineData("2026-03-13T18:00:00Z", null, "2026-03-15T10:00:00Z", ReturnHomeInterviewState.Due)]
    [InlineData("2026-03-13T18:00:00Z", null, "2026-03-16T18:00:00Z", ReturnHomeInterviewState.Overdue)]
    [InlineData("2026-03-13T18:00:00Z", "2026-03-16T17:59:00Z", "2026-03-20T10:00:00Z", ReturnHomeInterviewState.HeldInTime)]
    [InlineData("2026-03-13T18:00:00Z", "2026-03-16T18:00:00Z", "2026-03-20T10:00:00Z", ReturnHomeInterviewState.HeldLate)]
    public void Return_home_interview(string? returned, string? interviewed, string now, ReturnHomeInterviewState expected)
    {
        var episode = new MissingEpisode(T("2026-03-12T20:00:00Z"), returned is null ? null : T(returned), interviewed is null ? null : T(interviewed));
        var status = _schedule.ReturnHomeInterview(episode, T(now));
        Assert.Equal(expected, status.State);
        if (returned is not null)
        {
            Assert.Equal(T("2026-03-16T18:00:00Z"), status.Due!.Value.EndsAt);
        }
    }

    // Days of the month on which the child went missing (March 2026, 22:00 UTC) -> days of the triggering episodes.
    [Theory]
    [InlineData("1 10", "")]
    [InlineData("1 10 31", "31")] // exactly 30 days after the first: inside the window
    [InlineData("1 10 32", "")]
    [InlineData("1 10 20 25", "20 25")]
    [InlineData("25 1 20 10", "20 25")] // order of the input does not matter
    [InlineData("1 2 3 40 41 42", "3 42")]
    public void Repeat_missing_triggers(string days, string triggerDays)
    {
        static DateTimeOffset Day(string d) => new DateTimeOffset(2026, 3, 1, 22, 0, 0, TimeSpan.Zero).AddDays(int.Parse(d) - 1);
        var episodes = days.Split(' ').Select(d => new MissingEpisode(Day(d), Day(d).AddHours(5)));
        var triggers = _schedule.RepeatMissing(episodes);
        Assert.Equal(triggerDays, string.Join(' ', triggers.Select(t => (t.At - Day("1")).Days + 1)));
        Assert.All(triggers, t => Assert.True(t.Episodes.Count >= 3 && t.Episodes[^1].WentMissingAt == t.At));
    }

    [Fact]
    public void Repeat_missing_threshold_is_configurable()
    {
        var schedule = new CaseworkSchedule(_schedule.Calendar, CaseworkTimescales.NationalDefaults with { RepeatMissingEpisodes = 2, RepeatMissingWindowDays = 7 });
        var triggers = schedule.RepeatMissing([new(T("2026-03-01T22:00:00Z")), new(T("2026-03-05T22:00:00Z")), new(T("2026-03-20T22:00:00Z"))]);
        Assert.Equal([T("2026-03-05T22:00:00Z")], triggers.Select(t => t.At));
    }

    [Fact]
    public void Agencies_missing_consecutive_meetings_they_were_invited_to_are_named()
    {
        MeetingAttendance<string> Meeting(int day, params (string Agency, AttendanceStatus Status, string? Reason)[] invited) =>
            new(T($"2026-03-{day:00}T10:00:00Z"), [.. invited.Select(i => new AgencyAttendance<string>(i.Agency, i.Status, i.Reason))]);
        var meetings = new[]
        {
            Meeting(2, ("Police", AttendanceStatus.NoResponse, null), ("Health", AttendanceStatus.Attended, null), ("School", AttendanceStatus.Apologies, "exams")),
            Meeting(9, ("Police", AttendanceStatus.Apologies, "court"), ("Health", AttendanceStatus.NoResponse, null), ("School", AttendanceStatus.Attended, null)),
            Meeting(16, ("Health", AttendanceStatus.Attended, null), ("School", AttendanceStatus.Apologies, "staff training")), // police not invited
            Meeting(23, ("Police", AttendanceStatus.NoResponse, null), ("School", AttendanceStatus.NoResponse, null), ("Housing", AttendanceStatus.Apologies, "leave")),
        };

        var alerts = _schedule.RepeatedAbsences(meetings.Reverse()).OrderBy(a => a.Agency, StringComparer.Ordinal).ToList();

        Assert.Equal(["Police", "School"], alerts.Select(a => a.Agency));
        var police = alerts[0];
        Assert.Equal([2, 9, 23], police.Absences.Select(a => a.HeldAt.Day));
        Assert.Equal([AttendanceStatus.NoResponse, AttendanceStatus.Apologies, AttendanceStatus.NoResponse], police.Absences.Select(a => a.Status));
        Assert.Equal("court", police.Absences[1].ApologyReason);
        Assert.True(police.Continuing);
        Assert.Equal([16, 23], alerts[1].Absences.Select(a => a.HeldAt.Day));
    }

    [Fact]
    public void A_run_of_absences_ended_by_attending_is_reported_as_not_continuing()
    {
        MeetingAttendance<string> Meeting(int day, AttendanceStatus status) => new(T($"2026-03-{day:00}T10:00:00Z"), [new("Police", status)]);
        var alerts = _schedule.RepeatedAbsences([Meeting(2, AttendanceStatus.NoResponse), Meeting(9, AttendanceStatus.NoResponse), Meeting(16, AttendanceStatus.Attended), Meeting(23, AttendanceStatus.NoResponse)]);
        var alert = Assert.Single(alerts);
        Assert.False(alert.Continuing);
        Assert.Equal([2, 9], alert.Absences.Select(a => a.HeldAt.Day));
    }

    [Fact]
    public void National_defaults_validate_and_bad_settings_are_named()
    {
        Assert.Empty(CaseworkTimescales.NationalDefaults.Validate());
        var bad = CaseworkTimescales.NationalDefaults with
        {
            Assessment = Timescale.WorkingDays(-1),
            FirstReview = Timescale.Months(0),
            RepeatMissingEpisodes = 1,
            Escalation = [new(EscalationLevel.Owner, 0), new(EscalationLevel.SeniorManager, 3), new(EscalationLevel.TeamManager, 3)],
        };
        var problems = bad.Validate();
        Assert.Contains(problems, p => p.StartsWith("Assessment", StringComparison.Ordinal));
        Assert.Contains(problems, p => p.StartsWith("FirstReview", StringComparison.Ordinal));
        Assert.Contains(problems, p => p.StartsWith("RepeatMissingEpisodes", StringComparison.Ordinal));
        Assert.Contains(problems, p => p.Contains("must come after step SeniorManager", StringComparison.Ordinal));
        Assert.Contains(problems, p => p.Contains("higher up the line than SeniorManager", StringComparison.Ordinal));
    }
}
