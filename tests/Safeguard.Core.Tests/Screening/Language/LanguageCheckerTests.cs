using System.Text;
using Safeguard.Core.Screening;
using Safeguard.Core.Screening.Language;

namespace Safeguard.Core.Tests.Screening.Language;

public class LanguageCheckerTests
{
    private static readonly LanguageChecker s_checker = LanguageChecker.Default;

    [Fact]
    public void A_flag_carries_the_reason_and_better_words_from_the_reference_table()
    {
        var flag = Assert.Single(s_checker.Check("She absconded."));
        Assert.Equal("absconded", flag.Phrase);
        Assert.Equal("criminal tone", flag.Reason);
        Assert.Equal("went missing", flag.Suggestion);
        Assert.Equal("absconded", flag.Text);
    }

    [Theory]
    [InlineData("She absconded.", 1, 5)]
    [InlineData("Line one.\nShe absconded.", 2, 5)]
    [InlineData("Line one.\r\nShe absconded.", 2, 5)]
    [InlineData("Line one.\rShe absconded.", 2, 5)]
    [InlineData("😢 She absconded.", 1, 7)] // the emoji is two UTF-16 units but one character
    [InlineData("Cafe\u0301 then absconded.", 1, 12)] // a combining accent is its own scalar value
    [InlineData("\tabsconded", 1, 2)]
    public void Lines_and_columns_are_1_based_in_unicode_scalar_values(string text, int line, int column)
    {
        var flag = Assert.Single(s_checker.Check(text));
        Assert.Equal((line, column), (flag.Line, flag.Column));
        Assert.Equal("absconded", text.Substring(flag.Offset, flag.Length));
    }

    [Fact]
    public void The_matched_text_is_as_written_including_case_and_hyphens()
    {
        var flag = Assert.Single(s_checker.Check("Her Risk-Taking was noted."));
        Assert.Equal("Risk-Taking", flag.Text);
    }

    [Fact]
    public void Curly_apostrophes_are_read_like_straight_ones()
    {
        Assert.Empty(s_checker.Check("She couldn\u2019t have consented."));
        Assert.Single(s_checker.Check("She\u2019d consented."));
    }

    [Theory]
    [InlineData("She put herself. At risk of nothing.")] // a sentence boundary breaks a phrase
    [InlineData("She put herself\n\nat risk")] // so does a blank line
    public void Phrases_do_not_cross_sentences(string text) => Assert.Empty(s_checker.Check(text));

    [Fact]
    public void A_phrase_wrapped_onto_the_next_line_is_still_found()
    {
        var flag = Assert.Single(s_checker.Check("She keeps putting herself\nat risk."));
        Assert.Equal((1, 11), (flag.Line, flag.Column));
        Assert.Equal("putting herself\nat risk", flag.Text);
    }

    [Fact]
    public void Several_flags_come_back_in_text_order()
    {
        var flags = s_checker.Check("He is out of control. She absconded and is sexually active.");
        Assert.Equal(["out-of-control", "absconded", "sexually-active"], flags.Select(f => f.RuleId));
        Assert.Equal([7, 27, 44], flags.Select(f => f.Column));
    }

    [Fact]
    public void Overlapping_matches_of_one_rule_are_reported_once()
    {
        var flag = Assert.Single(s_checker.Check("She is putting herself at risk and in danger."));
        Assert.Equal("putting herself at risk", flag.Text);
    }

    [Fact]
    public void Any_text_of_any_script_is_checked_without_error()
    {
        var random = new Random(20260601);
        var pieces = new[] { "she ", "absconded", " ", ".", "\n", "\r\n", "'", "\u2019", "-", "😢", "\uD800", "\uDC00", "\u0301", "中文", "العربية", "ΑΒΓ", "\u200D", "\0", "~", "@", "*", "|" };
        for (var n = 0; n < 300; n++)
        {
            var text = new StringBuilder();
            for (var i = random.Next(0, 60); i > 0; i--)
            {
                text.Append(random.Next(3) == 0 ? (char)random.Next(0, 0x10000) : pieces[random.Next(pieces.Length)]);
            }
            var s = text.ToString();
            foreach (var flag in s_checker.Check(s))
            {
                Assert.Equal(flag.Text, s.Substring(flag.Offset, flag.Length));
                Assert.True(flag.Line >= 1 && flag.Column >= 1);
            }
        }
        Assert.Empty(s_checker.Check(""));
        Assert.Empty(s_checker.Check("\uD800"));
    }

    [Fact]
    public void A_megabyte_of_text_is_checked_and_every_phrase_found()
    {
        const string Paragraph = "The child was seen at the takeaway with two adults. She absconded from the placement on Friday.\n";
        var text = string.Concat(Enumerable.Repeat(Paragraph, (1 << 20) / Paragraph.Length + 1));
        var flags = s_checker.Check(text);
        Assert.Equal(text.Length / Paragraph.Length, flags.Count);
        Assert.Equal(flags.Count, flags[^1].Line);
    }

    [Fact]
    public void The_default_bank_is_valid_and_round_trips_through_json()
    {
        Assert.Empty(DefaultPhraseBank.Instance.Validate());
        var json = ScreeningJson.Write(DefaultPhraseBank.Instance);
        var (bank, problems) = ScreeningJson.ReadPhraseBank(json);
        Assert.Empty(problems);
        Assert.Equal(json, ScreeningJson.Write(bank));
    }

    [Theory]
    [InlineData("put @reflexiv at risk", "there is no word class '@reflexiv'.")]
    [InlineData("~2 risk", "the gap '~2' must come between two words.")]
    [InlineData("risk ~0 taking", "the gap '~0' must be ~1 to ~9.")]
    [InlineData("risk ~2", "a gap cannot end the pattern.")]
    [InlineData("risk-taking", "'risk-taking' is not a lower-case word (a hyphenated word is written as two words).")]
    [InlineData("Risk", "'Risk' is not a lower-case word (a hyphenated word is written as two words).")]
    [InlineData("ri* taking", "'ri*' must be a lower-case word start of at least 3 letters.")]
    [InlineData("risky? choices", "the first word cannot be optional.")]
    public void Bad_patterns_are_refused_naming_the_rule_and_the_problem(string pattern, string problem)
    {
        var bank = DefaultPhraseBank.Instance with { Rules = [new("test", "phrase", "reason", "suggestion", [pattern])] };
        Assert.Equal([$"Rule 'test', pattern '{pattern}': {problem}"], bank.Validate());
        Assert.Throws<ArgumentException>(() => new LanguageChecker(bank));
    }

    [Fact]
    public void A_partnership_bank_with_its_own_words_and_guards_is_used_as_given()
    {
        var bank = new PhraseBank(2, new Dictionary<string, IReadOnlyList<string>> { ["pronoun"] = ["she", "he"] },
        [
            new("naughty", "naughty", "moralising", "describe what is happening", ["@pronoun is? naughty|naughtier"], UnlessBefore: ["not"]),
        ]);
        var checker = new LanguageChecker(bank);
        Assert.Equal(["she is naughty", "He naughtier"], checker.Check("Staff say she is naughty. He naughtier. Not she is naughty.").Select(f => f.Text));
    }
}
