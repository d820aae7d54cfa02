using Safeguard.Core.Calendar;
using Safeguard.Core.Casework;
using static Safeguard.Core.Tests.Calendar.TestZones;

namespace Safeguard.Core.Tests.Casework;

public class ReviewShortfallsTests
{
    private readonly CaseworkSchedule _schedule = new(new WorkingCalendar(London), CaseworkTimescales.NationalDefaults);

    private static ReviewFacts Facts(
        ConcernFact[]? concerns = null, ActionFact[]? actions = null, HeldMeetingFact[]? meetings = null, MissingEpisode[]? episodes = null,
        DateTimeOffset? planStarted = null) =>
        new(concerns ?? [], actions ?? [], meetings ?? [], episodes ?? [], PlanStartedAt: planStarted);

    private IReadOnlyList<Shortfall> Find(ReviewFacts facts, string now) => ReviewShortfalls.Find(_schedule, facts, T(now));

    [Fact]
    public void Nothing_recorded_means_nothing_missed() => Assert.Empty(Find(Facts(), "2026-06-01T10:00:00Z"));

    // Received Friday 13 March 2026: due by the end of Monday 16 March.
    [Theory]
    [InlineData("2026-03-16T16:00:00Z", "2026-03-20T10:00:00Z", null)]
    [InlineData("2026-03-18T10:00:00Z", "2026-03-20T10:00:00Z", "Concern REF-2026-000001 was decided late: due by 16 March 2026, decided on 18 March 2026 (2 working days late).")]
    [InlineData(null, "2026-03-16T20:00:00Z", null)]
    [InlineData(null, "2026-03-17T00:00:00Z", "Concern REF-2026-000001 had no decision by its deadline, 16 March 2026, and has none yet.")]
    public void Concerns_decided_late_or_not_at_all(string? decided, string now, string? expected)
    {
        var decision = decided is null ? null : new ConcernDecisionFacts(ConcernOutcome.Assessment, T(decided), null, false);
        var found = Find(Facts(concerns: [new("REF-2026-000001", T("2026-03-13T17:30:00Z"), decision)]), now);
        Assert.Equal(expected is null ? [] : [expected], found.Select(f => f.Text));
        Assert.All(found, f => Assert.Equal(T("2026-03-17T00:00:00Z"), f.At));
    }

    [Fact]
    public void An_overdue_action_says_how_far_it_escalated_and_whether_it_was_done()
    {
        // Due Friday 13 March 2026: team manager Monday 16, senior manager Wednesday 18, partnership Friday 20.
        var due = _schedule.Calendar.EndOf(D("2026-03-13"));
        var facts = Facts(actions:
        [
            new("Visit Amber at home", "Sam Whitfield", due, null),
            new("Share the school's notes", "Mark Fenton", due, T("2026-03-17T10:00:00Z")),
            new("Done in time", "Claire Dunn", due, T("2026-03-13T10:00:00Z")),
        ]);
        var found = Find(facts, "2026-03-19T10:00:00Z");
        Assert.Equal(
        [
            "Action \"Visit Amber at home\" (owner: Sam Whitfield) went overdue: due by 13 March 2026. Escalated to the team manager on 16 March 2026, then the senior manager on 18 March 2026. Still not done.",
            "Action \"Share the school's notes\" (owner: Mark Fenton) went overdue: due by 13 March 2026. Escalated to the team manager on 16 March 2026. Completed on 17 March 2026.",
        ], found.Select(f => f.Text));
        Assert.All(found, f => Assert.Equal(ShortfallKind.ActionOverdue, f.Kind));
    }

    [Fact]
    public void Agencies_that_missed_meetings_are_named_each_time_and_when_they_miss_two_in_a_row()
    {
        static AgencyAttendance<string> A(string agency, AttendanceStatus status, string? reason = null) => new(agency, status, reason);
        var facts = Facts(meetings:
        [
            new(MeetingKind.StrategyDiscussion, T("2026-03-02T10:00:00Z"), [A("Police", AttendanceStatus.NoResponse), A("Health", AttendanceStatus.Attended)]),
            new(MeetingKind.InitialConference, T("2026-03-20T10:00:00Z"), [A("Police", AttendanceStatus.Apologies, "court"), A("Health", AttendanceStatus.Attended)]),
        ]);
        var found = Find(facts, "2026-03-21T10:00:00Z");
        Assert.Equal(
        [
            "Police did not attend the strategy discussion on 2 March 2026: did not respond.",
            "Police did not attend the initial child protection conference on 20 March 2026: sent apologies (court).",
            "Police missed 2 consecutive meetings about this child (2 March 2026, 20 March 2026).",
        ], found.Select(f => f.Text));
        Assert.Equal(T("2026-03-20T10:00:00Z"), found.Single(f => f.Kind == ShortfallKind.RepeatedAbsence).At);
    }

    [Theory]
    // Strategy discussion 2 March 2026: the initial conference is due by 23 March.
    [InlineData("2026-03-23T15:00:00Z", "2026-04-01T10:00:00+01:00", "")]
    [InlineData("2026-03-25T10:00:00Z", "2026-04-01T10:00:00+01:00", "MeetingHeldLate Initial child protection conference held late: due by 23 March 2026 (15 working days after the last strategy discussion), held on 25 March 2026.")]
    [InlineData(null, "2026-03-23T20:00:00Z", "")]
    [InlineData(null, "2026-03-24T09:00:00Z", "MeetingNotHeld Initial child protection conference due by 23 March 2026 (15 working days after the last strategy discussion) has not been held.")]
    public void Conferences_held_late_or_not_held(string? conference, string now, string expected)
    {
        HeldMeetingFact[] meetings = conference is null
            ? [new(MeetingKind.StrategyDiscussion, T("2026-03-02T10:00:00Z"), [])]
            : [new(MeetingKind.StrategyDiscussion, T("2026-03-02T10:00:00Z"), []), new(MeetingKind.InitialConference, T(conference), [])];
        var found = Find(Facts(meetings: meetings), now).Where(f => f.Kind is ShortfallKind.MeetingHeldLate or ShortfallKind.MeetingNotHeld);
        Assert.Equal(expected, string.Join(" | ", found.Select(f => $"{f.Kind} {f.Text}")));
    }

    [Fact]
    public void A_late_core_group_under_a_plan_stays_late_in_later_reviews()
    {
        // Plan made at the conference on Friday 20 March 2026: the first core group is due by 7 April (Easter).
        var facts = Facts(
            meetings: [new(MeetingKind.InitialConference, T("2026-03-20T10:00:00Z"), []), new(MeetingKind.CoreGroup, T("2026-04-09T10:00:00+01:00"), [])],
            planStarted: T("2026-03-20T10:00:00Z"));
        var found = Find(facts, "2026-04-20T10:00:00+01:00");
        Assert.Contains(found, f => f.Text == "Core group meeting held late: due by 7 April 2026 (10 working days after the initial conference), held on 9 April 2026.");
        Assert.DoesNotContain(found, f => f.Kind == ShortfallKind.MeetingNotHeld);
    }

    [Fact]
    public void A_strategy_discussion_is_owed_after_the_front_door_decides_one_and_after_repeat_missing()
    {
        // Decided Monday 16 March 2026: the strategy discussion is due by the end of Tuesday 17.
        var concern = new ConcernFact("REF-2026-000002", T("2026-03-13T10:00:00Z"), new(ConcernOutcome.StrategyDiscussion, T("2026-03-16T10:00:00Z"), null, false));
        var lateHeld = Find(Facts(concerns: [concern], meetings: [new(MeetingKind.StrategyDiscussion, T("2026-03-19T10:00:00Z"), [])]), "2026-03-20T10:00:00Z");
        Assert.Contains(lateHeld, f => f.Text == "Strategy discussion held late: due by 17 March 2026 after the front door decision on concern REF-2026-000002, held on 19 March 2026.");

        var episodes = new[] { 1, 8, 15 }.Select(d => new MissingEpisode(T($"2026-04-{d:00}T22:00:00+01:00"), T($"2026-04-{d + 1:00}T08:00:00+01:00"), T($"2026-04-{d + 2:00}T10:00:00+01:00"))).ToArray();
        var owed = Find(Facts(episodes: episodes), "2026-04-20T10:00:00+01:00");
        Assert.Equal(["Strategy discussion due by 16 April 2026 after 3 missing episodes within 30 days has not been held."], owed.Select(f => f.Text));
    }

    [Fact]
    public void Return_home_interviews_late_or_not_held()
    {
        // Returned Friday 13 March 2026 18:00 UTC: interview due 72 hours later, Monday 16 March 18:00.
        var found = Find(Facts(episodes:
        [
            new(T("2026-03-12T20:00:00Z"), T("2026-03-13T18:00:00Z"), T("2026-03-17T11:00:00Z")),
            new(T("2026-03-20T20:00:00Z"), T("2026-03-21T09:00:00Z"), null),
            new(T("2026-03-26T20:00:00Z"), null, null),
        ]), "2026-03-27T10:00:00Z");
        Assert.Equal(
        [
            "The return home interview after the missing episode of 12 March 2026 was held late: due by 16 March 2026 18:00, held on 17 March 2026.",
            "The return home interview after the missing episode of 20 March 2026 was due by 24 March 2026 09:00 and has not been held.",
        ], found.Where(f => f.Kind is ShortfallKind.ReturnHomeInterviewLate or ShortfallKind.ReturnHomeInterviewNotHeld).Select(f => f.Text));
    }
}
