using Safeguard.Core.Screening;
using static Safeguard.Core.Tests.Calendar.TestZones;

namespace Safeguard.Core.Tests.Screening;

public class ScreeningScorerTests
{
    private static readonly ScreeningInstrument s_instrument = DefaultInstrument.Instance;
    private static readonly DateOnly s_screenedOn = D("2026-06-01");

    private static readonly string[] s_vulnerabilities = ["domestic-abuse", "parental-mental-health", "child-mental-health", "in-care", "learning-disability", "prior-abuse"];
    private static readonly string[] s_moderate = ["staying-out-late", "unexplained-money-gifts", "adults-or-peers-of-concern", "school-absence", "substance-misuse", "self-harm", "late-night-phone", "estranged-from-family"];

    // Answers are written "item" (present, no date), "item@yyyy-MM-dd" (last happened then), "item!" (professional concern).
    private static ScreeningAnswer[] Answers(string spec) => spec.Length == 0 ? [] :
        [.. spec.Split(' ').Select(a =>
        {
            var basis = a.EndsWith('!') ? EvidenceBasis.ProfessionalConcern : EvidenceBasis.Evidence;
            var parts = a.TrimEnd('!').Split('@');
            return new ScreeningAnswer(parts[0], true, parts.Length > 1 ? D(parts[1]) : null, basis);
        })];

    private static string Vulnerabilities(int n) => string.Join(' ', s_vulnerabilities.Take(n));

    private static string Moderate(int n) => string.Join(' ', s_moderate.Take(n));

    // REFERENCE.md: one point for each vulnerability and each moderate indicator; a significant indicator scores 5
    // within the last 6 months, 1 if 6-12 months ago; bands 0-5 not at risk, 6-10 mild, 11-15 moderate, 16+ significant.
    public static TheoryData<string, string, int, string> Examples => new()
    {
        { "nothing present", "", 0, "not-at-risk" },
        { "five vulnerabilities", Vulnerabilities(5), 5, "not-at-risk" },
        { "six vulnerabilities", Vulnerabilities(6), 6, "mild" },
        { "vulnerabilities and moderate indicators count alike", $"{Vulnerabilities(6)} {Moderate(4)}", 10, "mild" },
        { "11: moderate", $"{Vulnerabilities(6)} {Moderate(5)}", 11, "moderate" },
        { "significant within 6 months scores 5", $"going-missing@2026-05-20 {Vulnerabilities(6)}", 11, "moderate" },
        { "15: still moderate", $"going-missing@2026-05-20 {Vulnerabilities(6)} {Moderate(4)}", 15, "moderate" },
        { "16: significant", $"going-missing@2026-05-20 {Vulnerabilities(6)} {Moderate(5)}", 16, "significant" },
        { "exactly 6 months ago is within 6 months", "hot-spots@2025-12-01", 5, "not-at-risk" },
        { "a day more than 6 months ago scores 1", "hot-spots@2025-11-30", 1, "not-at-risk" },
        { "exactly 12 months ago scores 1", "hot-spots@2025-06-01", 1, "not-at-risk" },
        { "more than 12 months ago scores 0", "hot-spots@2025-05-31", 0, "not-at-risk" },
        { "date not known counts as recent", "hot-spots", 5, "not-at-risk" },
        { "vulnerabilities do not age", "prior-abuse@2015-01-01", 1, "not-at-risk" },
        { "three recent significant indicators", "going-missing@2026-05-01 cars-with-unknown-adults@2026-04-01 online-grooming@2026-03-01 self-harm", 16, "significant" },
        { "a disclosure is automatically significant whatever the score", "disclosure@2024-01-01", 0, "significant" },
        { "a withdrawn disclosure too", "disclosure-withdrawn@2026-05-01", 5, "significant" },
    };

    [Theory]
    [MemberData(nameof(Examples))]
    public void Default_instrument_scores_the_reference_examples(string example, string answers, int score, string band)
    {
        var result = ScreeningScorer.Score(s_instrument, Answers(answers), 15, s_screenedOn);
        Assert.True(score == result.Score && band == result.Band.Id, $"{example}: expected {score} {band}, got {result.Score} {result.Band.Id}");
        Assert.Equal(result.Score, result.Contributions.Sum(c => c.Points));
    }

    [Fact]
    public void Automatic_rules_are_reported_and_only_raise_the_band()
    {
        var raised = ScreeningScorer.Score(s_instrument, Answers("disclosure@2026-05-01"), 15, s_screenedOn);
        Assert.Equal("not-at-risk", raised.ScoreBand.Id);
        Assert.Equal("significant", raised.Band.Id);
        var rule = Assert.Single(raised.AutomaticRules);
        Assert.Equal(["disclosure"], rule.ItemIds);

        var none = ScreeningScorer.Score(s_instrument, Answers("going-missing@2026-05-20"), 15, s_screenedOn);
        Assert.Empty(none.AutomaticRules);
        Assert.Equal(none.ScoreBand, none.Band);
    }

    [Theory]
    [InlineData(13, "hot-spots@2025-01-01", true)] // 13 or under, a high-risk factor even if old and scoring 0
    [InlineData(9, "going-missing", true)]
    [InlineData(14, "going-missing", false)]
    [InlineData(13, "self-harm in-care", false)] // no high-risk factor
    public void Young_children_with_any_high_risk_factor_show_a_potential_sign(int age, string answers, bool sign)
    {
        var result = ScreeningScorer.Score(s_instrument, Answers(answers), age, s_screenedOn);
        Assert.Equal(sign, result.PotentialSign);
        Assert.Equal(answers.Contains("going-missing") || answers.Contains("hot-spots"), result.HighRiskItemsPresent.Count > 0);
    }

    [Fact]
    public void Evidence_and_professional_concern_are_scored_separately_and_together()
    {
        var result = ScreeningScorer.Score(s_instrument, Answers("going-missing@2026-05-20 cars-with-unknown-adults! in-care self-harm!"), 15, s_screenedOn);
        Assert.Equal(12, result.Score);
        Assert.Equal(6, result.EvidenceScore);
        Assert.Equal(6, result.ProfessionalConcernScore);
        Assert.Equal(EvidenceBasis.ProfessionalConcern, result.Contributions.Single(c => c.ItemId == "self-harm").Basis);
    }

    [Fact]
    public void Each_contribution_explains_its_points_in_instrument_order()
    {
        var result = ScreeningScorer.Score(s_instrument, Answers("hot-spots@2025-05-01 in-care going-missing@2025-09-01 online-grooming"), 15, s_screenedOn);
        Assert.Equal(["in-care", "going-missing", "hot-spots", "online-grooming"], result.Contributions.Select(c => c.ItemId));
        Assert.Equal("1", result.Contributions[0].Explanation);
        Assert.Equal("1 (last happened within 12 months)", result.Contributions[1].Explanation);
        Assert.Equal("0 (last happened more than 12 months ago)", result.Contributions[2].Explanation);
        Assert.Contains("not known", result.Contributions[3].Explanation, StringComparison.Ordinal);
    }

    [Fact]
    public void Answers_not_present_score_nothing()
    {
        var result = ScreeningScorer.Score(s_instrument, [new("going-missing", false, D("2026-05-01")), new("in-care", true)], 15, s_screenedOn);
        Assert.Equal(1, result.Score);
        Assert.Single(result.Contributions);
    }

    [Fact]
    public void Re_screening_is_due_three_months_on_by_default_and_follows_the_instrument()
    {
        Assert.Equal(D("2026-09-01"), ScreeningScorer.Score(s_instrument, [], 15, s_screenedOn).RescreenDue);
        Assert.Equal(D("2026-07-01"), ScreeningScorer.RescreenDue(s_instrument with { RescreenMonths = 1 }, s_screenedOn));
    }

    [Fact]
    public void Bad_answers_are_refused_naming_each_problem()
    {
        ScreeningAnswer[] answers = [new("no-such-item", true), new("in-care", true), new("in-care", true), new("going-missing", true, D("2026-07-01"))];
        var problems = ScreeningScorer.CheckAnswers(s_instrument, answers, 15, s_screenedOn);
        Assert.Equal(3, problems.Count);
        Assert.Contains(problems, p => p.Contains("'no-such-item'", StringComparison.Ordinal));
        Assert.Contains(problems, p => p.Contains("'in-care' is answered more than once", StringComparison.Ordinal));
        Assert.Contains(problems, p => p.Contains("after the screening date", StringComparison.Ordinal));
        Assert.Throws<ArgumentException>(() => ScreeningScorer.Score(s_instrument, answers, 15, s_screenedOn));
    }

    [Fact]
    public void An_instrument_that_does_not_validate_is_refused_rather_than_scored()
    {
        var broken = s_instrument with { Bands = [new("low", "Low", 0, 5), new("significant", "Significant", 8, null)] };
        Assert.Contains("Bands leave a gap: no band for scores 6–7.", ScreeningScorer.CheckAnswers(broken, [], 15, s_screenedOn));
        var refused = Assert.Throws<ArgumentException>(() => ScreeningScorer.Score(broken, [new("in-care", true)], 15, s_screenedOn));
        Assert.Contains("no band for scores 6–7", refused.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("2010-06-01", "2026-06-01", 16)]
    [InlineData("2010-06-02", "2026-06-01", 15)]
    [InlineData("2012-02-29", "2026-02-28", 13)]
    [InlineData("2012-02-29", "2026-03-01", 14)]
    public void Age_in_whole_years(string born, string on, int age) => Assert.Equal(age, ScreeningScorer.AgeOn(D(born), D(on)));
}
