using Safeguard.Core.Screening;
using Safeguard.Core.Screening.Language;
using Safeguard.Web.Cli;

namespace Safeguard.Web.Tests.Cli;

public sealed class LanguageCommandTests : IDisposable
{
    private readonly string _directory = Directory.CreateTempSubdirectory("safeguard-language-").FullName;

    public void Dispose() => Directory.Delete(_directory, recursive: true);

    private static (int Exit, string Out, string Err) Run(string stdin, params string[] args)
    {
        var stdout = new StringWriter();
        var stderr = new StringWriter();
        var exit = LanguageCommand.Run(args, new StringReader(stdin), stdout, stderr);
        return (exit, stdout.ToString(), stderr.ToString());
    }

    private static string[] Lines(string output) => output.Split(Environment.NewLine, StringSplitOptions.RemoveEmptyEntries);

    [Fact]
    public void Prints_one_tab_separated_line_per_flag_from_standard_input()
    {
        var (exit, output, error) = Run("The review noted she absconded.\n", "check");
        Assert.Equal(0, exit);
        Assert.Empty(error);
        Assert.Equal(["1:22\tabsconded\tcriminal tone\twent missing"], Lines(output));
    }

    [Fact]
    public void Clean_text_prints_nothing()
    {
        var (exit, output, _) = Run("She went missing. Adults have been contacting her.\n", "check");
        Assert.Equal(0, exit);
        Assert.Empty(output);
    }

    [Fact]
    public void Line_numbers_run_across_paragraphs_and_wrapped_phrases_print_on_one_line()
    {
        const string Text = "First paragraph is fine.\n\nSecond: she keeps putting herself\nat risk.\n\r\n\nLast line: out of control.";
        var lines = Lines(Run(Text, "check").Out);
        Assert.Equal(2, lines.Length);
        Assert.StartsWith("3:19\tputting herself at risk\tblames the child\t", lines[0], StringComparison.Ordinal);
        Assert.StartsWith("7:12\tout of control\t", lines[1], StringComparison.Ordinal);
    }

    [Fact]
    public void Paragraph_at_a_time_reading_gives_the_same_flags_as_checking_the_whole_text()
    {
        var text = string.Join('\n', LanguageEvaluationSentences().Select((s, i) => i % 4 == 3 ? s + "\n" : s));
        var whole = LanguageChecker.Default.Check(text).Select(f => $"{f.Line}:{f.Column}");
        var printed = Lines(Run(text, "check").Out).Select(l => l.Split('\t')[0]);
        Assert.Equal(whole, printed);
        Assert.NotEmpty(whole);
    }

    [Fact]
    public void Reads_a_file_in_any_script()
    {
        var path = Path.Combine(_directory, "notes.txt");
        File.WriteAllText(path, "中文 😢 Она.\nShe was a child prostitute.\n");
        var (exit, output, _) = Run("", "check", "--file", path);
        Assert.Equal(0, exit);
        Assert.Equal(["2:11\tchild prostitute\ta child cannot be a prostitute\tvictim of child sexual exploitation / abuse / rape"], Lines(output));
    }

    [Fact]
    public void Uses_a_partnership_phrase_bank_given_as_json()
    {
        var bank = new PhraseBank(1, new Dictionary<string, IReadOnlyList<string>>(), [new("naughty", "naughty", "moralising", "describe what is happening", ["naughty"])]);
        var path = Path.Combine(_directory, "bank.json");
        File.WriteAllText(path, ScreeningJson.Write(bank));
        Assert.Equal(["1:8\tnaughty\tmoralising\tdescribe what is happening"], Lines(Run("She is naughty and absconded.", "check", "--bank", path).Out));
    }

    [Fact]
    public void A_bank_that_does_not_validate_is_refused_naming_the_problem()
    {
        var path = Path.Combine(_directory, "bank.json");
        File.WriteAllText(path, ScreeningJson.Write(new PhraseBank(1, new Dictionary<string, IReadOnlyList<string>>(), [new("x", "x", "r", "s", ["@missing"])])));
        var (exit, _, error) = Run("text", "check", "--bank", path);
        Assert.Equal(1, exit);
        Assert.Contains("there is no word class '@missing'", error, StringComparison.Ordinal);
    }

    [Fact]
    public void A_missing_file_fails_with_a_message()
    {
        var (exit, _, error) = Run("", "check", "--file", Path.Combine(_directory, "absent.txt"));
        Assert.Equal(1, exit);
        Assert.Contains("absent.txt", error, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData]
    [InlineData("lint")]
    [InlineData("check", "--file")]
    [InlineData("check", "extra")]
    public void Malformed_command_lines_are_usage_errors(params string[] args)
    {
        var (exit, _, error) = Run("", args);
        Assert.Equal(2, exit);
        Assert.Contains("Usage:", error, StringComparison.Ordinal);
    }

    private static IEnumerable<string> LanguageEvaluationSentences() =>
    [
        "She keeps putting herself at risk.", "She could not consent.", "He exploited her lifestyle.", "She had consented.",
        "A consensual relationship.", "Her mother consented to the referral.", "Risk-taking by the perpetrator.",
        "She absconded.", "He is out of control.", "Adults have been contacting her.",
    ];
}
