using Safeguard.Core.Intelligence;

namespace Safeguard.Core.Tests.Intelligence;

public class HandlingTests
{
    private static Grade? G(string? written)
    {
        if (written is null)
        {
            return null;
        }
        // "2B P" or "1A C A1 S2"
        var parts = written.Split(' ');
        var (grade, errors) = Grading.Parse(parts[0][..1], parts[0][1..], parts[1], parts.Length > 2 ? parts[2] : null, parts.Length > 3 ? parts[3] : null);
        Assert.Empty(errors);
        return grade;
    }

    private static readonly Viewer s_unit = new(IsIntelligenceUnit: true, IsSubmitter: false, RoutedToViewersAgency: false, ViewersAgencyIsPolice: true);
    private static readonly Viewer s_submitter = new(false, IsSubmitter: true, RoutedToViewersAgency: false, ViewersAgencyIsPolice: false);
    private static readonly Viewer s_routedPolice = new(false, false, RoutedToViewersAgency: true, ViewersAgencyIsPolice: true);
    private static readonly Viewer s_routedPartner = new(false, false, RoutedToViewersAgency: true, ViewersAgencyIsPolice: false);
    private static readonly Viewer s_routedSubmitter = new(false, IsSubmitter: true, RoutedToViewersAgency: true, ViewersAgencyIsPolice: false);
    private static readonly Viewer s_unrouted = new(false, false, false, ViewersAgencyIsPolice: false);
    private static readonly Viewer s_unroutedPolice = new(false, false, false, ViewersAgencyIsPolice: true);

    private static readonly Dictionary<string, Viewer> s_viewers = new()
    {
        ["unit"] = s_unit,
        ["submitter"] = s_submitter,
        ["police"] = s_routedPolice,
        ["partner"] = s_routedPartner,
        ["routed submitter"] = s_routedSubmitter,
        ["unrouted"] = s_unrouted,
        ["unrouted police"] = s_unroutedPolice,
    };

    public static TheoryData<string, string?, bool, bool, string, ItemVisibility, string> Views()
    {
        // grade, has sanitised, sanitised cleared, viewer, visibility, outcomes allowed (A = action, C = corroborated, N = no action)
        return new()
        {
            // Ungraded: only the unit and the submitter know of it; routing is impossible, so "routed" means nothing.
            { "ungraded, unit", null, false, false, "unit", ItemVisibility.Everything, "ACN" },
            { "ungraded, submitter", null, false, false, "submitter", ItemVisibility.OwnSubmission, "" },
            { "ungraded, partner", null, false, false, "partner", ItemVisibility.None, "" },
            { "ungraded, police", null, false, false, "police", ItemVisibility.None, "" },
            { "ungraded, other", null, false, false, "unrouted", ItemVisibility.None, "" },

            // P: partners see the sanitised version if one was made, otherwise the original; anything may follow.
            { "P, partner, no sanitised version", "2B P", false, false, "partner", ItemVisibility.Original, "ACN" },
            { "P, partner, sanitised version", "2B P", true, true, "partner", ItemVisibility.Sanitised, "ACN" },
            { "P, police", "2B P", true, true, "police", ItemVisibility.Original, "ACN" },
            { "P, agency not routed", "2B P", true, true, "unrouted", ItemVisibility.None, "" },
            { "P, police not routed", "2B P", true, true, "unrouted police", ItemVisibility.None, "" },
            { "P, submitter not routed", "2B P", true, true, "submitter", ItemVisibility.OwnSubmission, "" },
            { "P, submitter routed", "2B P", true, true, "routed submitter", ItemVisibility.Sanitised, "ACN" },
            { "P, unit", "2B P", true, true, "unit", ItemVisibility.Everything, "ACN" },

            // C A3: partners see only a released sanitised version.
            { "C A3 S1, partner, sanitised", "1A C A3 S1", true, true, "partner", ItemVisibility.Sanitised, "ACN" },
            { "C A3 S1, partner, no sanitised version", "1A C A3 S1", false, false, "partner", ItemVisibility.None, "" },
            { "C A3 S2, partner, originator not consulted", "1A C A3 S2", true, false, "partner", ItemVisibility.None, "" },
            { "C A3 S2, partner, originator consulted", "1A C A3 S2", true, true, "partner", ItemVisibility.Sanitised, "ACN" },
            { "C A3 S2, police", "1A C A3 S2", true, false, "police", ItemVisibility.Original, "ACN" },
            { "C A3, routed submitter without release", "1A C A3 S2", true, false, "routed submitter", ItemVisibility.OwnSubmission, "" },

            // C A1: corroborate only, for everyone routed.
            { "C A1, partner", "2C C A1 S1", true, true, "partner", ItemVisibility.Sanitised, "CN" },
            { "C A1, police", "2C C A1 S1", true, true, "police", ItemVisibility.Original, "CN" },
            { "C A1, unit", "2C C A1 S1", true, true, "unit", ItemVisibility.Everything, "ACN" },

            // C A2: covert only, police only, whatever was routed before the re-grade.
            { "C A2, partner", "1B C A2 S1", true, true, "partner", ItemVisibility.None, "" },
            { "C A2, police", "1B C A2 S1", true, true, "police", ItemVisibility.Original, "ACN" },
            { "C A2, routed submitter", "1B C A2 S1", true, true, "routed submitter", ItemVisibility.OwnSubmission, "" },
        };
    }

    [Theory]
    [MemberData(nameof(Views))]
    public void Each_viewer_sees_only_what_the_handling_code_allows(string because, string? grade, bool hasSanitised, bool cleared, string viewer,
        ItemVisibility expected, string outcomes)
    {
        var view = Handling.View(new ItemHandling(G(grade), hasSanitised, cleared), s_viewers[viewer]);
        Assert.True(expected == view.Visibility, $"{because}: expected {expected}, got {view.Visibility}");
        var letters = string.Concat(view.MayRecord.Select(o => o switch { OutcomeKind.ActionTaken => "A", OutcomeKind.Corroborated => "C", _ => "N" }));
        Assert.True(outcomes == letters, $"{because}: expected outcomes '{outcomes}', got '{letters}'");
    }

    [Fact]
    public void Covert_only_intelligence_carries_no_instruction_for_partners_and_A1_says_ask_first()
    {
        var a1 = Handling.View(new ItemHandling(G("2C C A1 S1"), true, true), s_routedPartner);
        Assert.Contains("corroborate only", a1.Instruction, StringComparison.OrdinalIgnoreCase);
        var a2 = Handling.View(new ItemHandling(G("1B C A2 S1"), true, true), s_routedPolice);
        Assert.Contains("must not be used as evidence", a2.Instruction, StringComparison.Ordinal);
        Assert.Null(Handling.View(new ItemHandling(G("2B P"), false, false), s_routedPartner).Instruction);
    }

    public static TheoryData<string?, bool, bool, bool, string[]> Routings => new()
    {
        { null, false, false, true, ["Grade the intelligence before routing it"] },
        { "2B P", false, false, false, [] },
        { "2B P", false, false, true, [] },
        { "1A C A3 S1", false, false, true, [] },
        { "1A C A3 S1", false, false, false, ["partners see only a sanitised version"] },
        { "1A C A3 S1", true, true, false, [] },
        { "1A C A3 S2", true, false, false, ["S2: consult the originator"] },
        { "1A C A3 S2", true, true, false, [] },
        { "1B C A2 S1", true, true, true, [] },
        { "1B C A2 S1", true, true, false, ["A2 allows covert action only"] },
        { "1B C A2 S2", false, false, false, ["A2 allows covert action only", "partners see only a sanitised version"] },
    };

    [Theory]
    [MemberData(nameof(Routings))]
    public void Routing_is_refused_where_the_conditions_cannot_be_met_and_says_what_would_meet_them(string? grade, bool hasSanitised, bool cleared, bool police, string[] expected)
    {
        var problems = Handling.RoutingProblems(new ItemHandling(G(grade), hasSanitised, cleared), "Riverside Youth Project", police);
        Assert.Equal(expected.Length, problems.Count);
        for (var i = 0; i < expected.Length; i++)
        {
            Assert.Contains(expected[i], problems[i], StringComparison.Ordinal);
        }
    }

    [Theory]
    [InlineData(null, false, false, false)]
    [InlineData("2B P", true, false, true)]
    [InlineData("1A C A3 S1", true, false, true)]
    [InlineData("1A C A3 S2", true, false, false)]
    [InlineData("1A C A3 S2", true, true, true)]
    [InlineData("1A C A3 S2", false, true, false)]
    public void A_sanitised_version_under_S2_is_released_only_once_the_originator_is_consulted(string? grade, bool hasSanitised, bool consulted, bool cleared) =>
        Assert.Equal(cleared, Handling.SanitisedCleared(G(grade), hasSanitised, consulted) && grade is not null);

    [Fact]
    public void Recording_action_under_A1_is_refused_with_the_reason()
    {
        var view = Handling.View(new ItemHandling(G("2C C A1 S1"), true, true), s_routedPartner);
        Assert.Contains("A1", Handling.OutcomeProblem(view, OutcomeKind.ActionTaken), StringComparison.Ordinal);
        Assert.Null(Handling.OutcomeProblem(view, OutcomeKind.Corroborated));
        var none = Handling.View(new ItemHandling(G("2B P"), false, false), s_unrouted);
        Assert.NotNull(Handling.OutcomeProblem(none, OutcomeKind.NoAction));
    }
}
