using Safeguard.Core.Screening.Language;

namespace Safeguard.Core.Tests.Screening.Language;

public class LanguageReviewRulesTests
{
    private static readonly HashSet<string> s_known = ["a", "b", "c", "d"];

    private static string[] Ids(string spec) => spec.Split(' ', StringSplitOptions.RemoveEmptyEntries);

    [Theory]
    [InlineData("", "", "")]
    [InlineData("a", "", "a")] // first submit: show it
    [InlineData("a", "a", "")] // shown once: never again
    [InlineData("a b", "a", "b")] // an edit brought a new phrase the writer has not seen
    [InlineData("a a", "", "a")]
    public void The_form_is_shown_again_only_for_phrases_not_yet_shown(string flagged, string shown, string expected) =>
        Assert.Equal(Ids(expected), LanguageReviewRules.NotYetShown(Ids(flagged), Ids(shown)));

    [Theory]
    [InlineData("a", "a", "", "a:Kept")]
    [InlineData("", "a", "", "a:Changed")]
    [InlineData("", "", "a", "a:Changed")] // seen while typing, changed before submitting
    [InlineData("b", "b", "a", "a:Changed b:Kept")]
    [InlineData("a", "a", "a", "a:Kept")]
    [InlineData("", "zzz", "a zzz", "a:Changed")] // rules the bank does not have are ignored
    [InlineData("", "", "", "")]
    public void Each_phrase_shown_is_recorded_as_kept_or_changed(string flagged, string shown, string typing, string expected)
    {
        var outcomes = LanguageReviewRules.Outcomes(Ids(flagged), Ids(shown), Ids(typing), s_known).Select(o => $"{o.RuleId}:{o.Outcome}");
        Assert.Equal(Ids(expected), outcomes);
    }
}
