using Safeguard.Core.Calendar;

namespace Safeguard.Core.Tests.Calendar;

public class TimescaleParseTests
{
    [Theory]
    [InlineData("15 working days", 15, TimescaleUnit.WorkingDays)]
    [InlineData("1 working day", 1, TimescaleUnit.WorkingDays)]
    [InlineData("0 working days", 0, TimescaleUnit.WorkingDays)]
    [InlineData("  3   Months ", 3, TimescaleUnit.Months)]
    [InlineData("1 month", 1, TimescaleUnit.Months)]
    [InlineData("72 hours", 72, TimescaleUnit.Hours)]
    public void Reads_what_a_partnership_writes(string text, int amount, TimescaleUnit unit)
    {
        Assert.True(Timescale.TryParse(text, out var timescale));
        Assert.Equal(new Timescale(amount, unit), timescale);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("15")]
    [InlineData("fifteen working days")]
    [InlineData("-1 working days")]
    [InlineData("15 days")]
    [InlineData("2 weeks")]
    [InlineData("1.5 months")]
    public void Refuses_anything_else(string? text) => Assert.False(Timescale.TryParse(text, out _));

    [Theory]
    [InlineData(1, TimescaleUnit.WorkingDays)]
    [InlineData(45, TimescaleUnit.WorkingDays)]
    [InlineData(6, TimescaleUnit.Months)]
    [InlineData(1, TimescaleUnit.Hours)]
    public void What_it_writes_reads_back(int amount, TimescaleUnit unit)
    {
        var timescale = new Timescale(amount, unit);
        Assert.True(Timescale.TryParse(timescale.ToString(), out var read));
        Assert.Equal(timescale, read);
    }
}
