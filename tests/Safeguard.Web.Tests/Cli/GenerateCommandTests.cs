using Safeguard.Web.Cli;

namespace Safeguard.Web.Tests.Cli;

public sealed class GenerateCommandTests : IDisposable
{
    private readonly string _directory = Directory.CreateTempSubdirectory("safeguard-generate-").FullName;

    public void Dispose() => Directory.Delete(_directory, recursive: true);

    private int Run(string output, params string[] extra)
    {
        string[] args = ["persons", "--count", "300", "--out", output, .. extra];
        return GenerateCommand.Run(args, new StringWriter(), new StringWriter());
    }

    [Fact]
    public void Writes_agency_records_and_a_truth_file_that_link_can_read()
    {
        var output = Path.Combine(_directory, "gen");
        Assert.Equal(CommandLine.Success, Run(output));
        var persons = File.ReadAllLines(Path.Combine(output, "persons.csv"));
        var truth = File.ReadAllLines(Path.Combine(output, "truth.csv"));
        Assert.Equal("id,person_id", truth[0]);
        Assert.Equal(persons.Length, truth.Length);
        Assert.Equal(300, truth.Skip(1).Select(l => l.Split(',')[1]).Distinct().Count());
        Assert.True(persons.Length - 1 > 300, "some people are known to more than one agency");
        Assert.Contains(persons, l => l.Contains(",police,", StringComparison.Ordinal));

        var pairs = Path.Combine(_directory, "pairs.csv");
        var stderr = new StringWriter();
        Assert.Equal(CommandLine.Success, LinkCommand.Run(["--input", Path.Combine(output, "persons.csv"), "--out", pairs, "--quiet"], new StringWriter(), stderr));
        Assert.True(File.ReadAllLines(pairs).Length > 1, stderr.ToString());
    }

    [Fact]
    public void The_same_seed_gives_the_same_files()
    {
        var a = Path.Combine(_directory, "a");
        var b = Path.Combine(_directory, "b");
        Assert.Equal(CommandLine.Success, Run(a, "--seed", "4"));
        Assert.Equal(CommandLine.Success, Run(b, "--seed", "4"));
        Assert.Equal(File.ReadAllText(Path.Combine(a, "persons.csv")), File.ReadAllText(Path.Combine(b, "persons.csv")));
    }

    [Theory]
    [InlineData("")]
    [InlineData("people")]
    [InlineData("persons --count 0 --out x")]
    [InlineData("persons --out x")]
    public void Bad_command_lines_are_usage_errors(string commandLine) =>
        Assert.Equal(CommandLine.Usage, GenerateCommand.Run(commandLine.Split(' ', StringSplitOptions.RemoveEmptyEntries), new StringWriter(), new StringWriter()));
}
