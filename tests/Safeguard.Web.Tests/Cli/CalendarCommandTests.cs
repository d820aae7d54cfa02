using Safeguard.Core.Calendar;
using Safeguard.Web.Cli;

namespace Safeguard.Web.Tests.Cli;

public class CalendarCommandTests
{
    private static (int Exit, string Out, string Err) Run(params string[] args)
    {
        var stdout = new StringWriter();
        var stderr = new StringWriter();
        var exit = CalendarCommand.Run(args, stdout, stderr);
        return (exit, stdout.ToString(), stderr.ToString());
    }

    [Theory]
    [InlineData("2026-03-13T17:30", "1", "2026-03-16")] // Friday evening, UK time: end of Monday
    [InlineData("2026-03-13", "1", "2026-03-16")]
    [InlineData("2026-03-14T10:00:00Z", "1", "2026-03-17")] // Saturday counts as Monday
    [InlineData("2026-03-13T23:30:00-01:00", "0", "2026-03-16")] // 00:30 on Saturday in London
    [InlineData("2026-06-30T23:30:00Z", "0", "2026-07-01")] // 00:30 BST on Wednesday 1 July
    [InlineData("2026-12-24T09:00:00.5+00:00", "1", "2026-12-29")]
    [InlineData("2022-06-01", "1", "2022-06-06")] // over the Platinum Jubilee holidays
    public void Prints_the_resulting_date(string when, string n, string expected)
    {
        var (exit, output, error) = Run("add-working-days", when, n);
        Assert.Equal(0, exit);
        Assert.Equal(expected + Environment.NewLine, output);
        Assert.Empty(error);
    }

    [Theory]
    [InlineData("2026-03-13T17:30", "2026-03-16 2026-03-17T00:00:00Z")]
    [InlineData("2026-06-12T17:30", "2026-06-15 2026-06-15T23:00:00Z")] // BST: the day ends at 23:00 UTC
    public void End_prints_the_instant_the_deadline_passes_in_utc(string when, string expected)
    {
        var (exit, output, _) = Run("add-working-days", when, "1", "--end");
        Assert.Equal(0, exit);
        Assert.Equal(expected + Environment.NewLine, output);
    }

    [Fact]
    public void Closures_are_skipped()
    {
        Assert.Equal("2026-12-30" + Environment.NewLine, Run("add-working-days", "2026-12-24", "1", "--closed", "2026-12-29").Out);
        Assert.Contains("2026-12-24\tLocal closure", Run("holidays", "2026", "--closed", "2026-12-24").Out, StringComparison.Ordinal);
    }

    [Fact]
    public void Holidays_lists_the_year_one_per_line()
    {
        var (exit, output, _) = Run("holidays", "2027");
        Assert.Equal(0, exit);
        var lines = output.TrimEnd().Split(Environment.NewLine);
        Assert.Equal(8, lines.Length);
        Assert.Equal("2027-12-27\tChristmas Day (substitute day)", lines[^2]);
    }

    [Theory]
    [InlineData("not a date", "1")]
    [InlineData("2026-02-30", "1")]
    [InlineData("13/03/2026", "1")]
    [InlineData("2026-03-13", "one")]
    [InlineData("2026-03-13", "1.5")]
    [InlineData("2026-03-13", "-1")]
    public void Bad_input_is_a_usage_error_with_a_message(string when, string n)
    {
        var (exit, output, error) = Run("add-working-days", when, n);
        Assert.Equal(2, exit);
        Assert.Empty(output);
        Assert.Contains("Usage:", error, StringComparison.Ordinal);
        Assert.True(error.Contains(when, StringComparison.Ordinal) || error.Contains(n, StringComparison.Ordinal), error);
    }

    [Theory]
    [InlineData]
    [InlineData("add-working-days", "2026-03-13")]
    [InlineData("holidays", "twenty")]
    [InlineData("add-working-days", "2026-03-13", "1", "--closed", "soon")]
    [InlineData("add-working-days", "2026-03-13", "1", "--verbose")]
    [InlineData("weekdays")]
    public void Malformed_command_lines_are_usage_errors(params string[] args) => Assert.Equal(2, Run(args).Exit);

    [Fact]
    public void Uk_time_by_rule_agrees_with_the_system_time_zone_database()
    {
        Assert.True(TimeZoneInfo.TryFindSystemTimeZoneById("Europe/London", out var system), "this machine has no tz database");
        for (var instant = new DateTimeOffset(2000, 1, 1, 0, 30, 0, TimeSpan.Zero); instant.Year < 2040; instant = instant.AddHours(7))
        {
            Assert.Equal(system.GetUtcOffset(instant), UkTime.ByRule.GetUtcOffset(instant));
        }
    }
}
