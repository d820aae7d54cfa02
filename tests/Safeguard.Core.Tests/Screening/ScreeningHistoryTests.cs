using Safeguard.Core.Screening;
using static Safeguard.Core.Tests.Calendar.TestZones;

namespace Safeguard.Core.Tests.Screening;

public class ScreeningHistoryTests
{
    private static readonly ScreeningInstrument s_instrument = DefaultInstrument.Instance;

    private static ScreeningHistory Screened(string itemId, string on) =>
        ScreeningHistory.Empty.Add(ScreeningScorer.Score(s_instrument, [new(itemId, true)], 15, D(on)), T($"{on}T10:00:00Z"), "worker");

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("   ")]
    public void An_override_without_a_rationale_is_refused(string? rationale)
    {
        var history = Screened("in-care", "2026-06-01");
        Assert.Contains(history.CheckOverride(s_instrument, "moderate", rationale), p => p.StartsWith("An override needs a rationale", StringComparison.Ordinal));
        Assert.Throws<ArgumentException>(() => history.Override(s_instrument, "moderate", rationale!, T("2026-06-02T10:00:00Z"), "manager"));
    }

    [Theory]
    [InlineData("not-at-risk", "The band is already 'not-at-risk'")]
    [InlineData("high", "There is no band 'high'")]
    public void An_override_must_name_another_band_of_the_instrument(string band, string problem)
    {
        var history = Screened("in-care", "2026-06-01");
        Assert.Contains(history.CheckOverride(s_instrument, band, "reason"), p => p.StartsWith(problem, StringComparison.Ordinal));
    }

    [Fact]
    public void An_override_is_checked_against_the_instrument_version_the_screening_used()
    {
        var history = Screened("in-care", "2026-06-01");
        Assert.Contains(history.CheckOverride(s_instrument with { Version = 2 }, "moderate", "reason"), p => p.Contains("version 1", StringComparison.Ordinal));
        Assert.Equal(["There is no screening to override."], ScreeningHistory.Empty.CheckOverride(s_instrument, "moderate", "reason"));
    }

    [Fact]
    public void Overrides_and_rescreens_append_and_never_change_earlier_entries()
    {
        var first = Screened("in-care", "2026-06-01");
        var overridden = first.Override(s_instrument, "moderate", "  Seen with known adults at the taxi rank twice this week. ", T("2026-06-02T10:00:00Z"), "manager");
        var rescreened = overridden.Add(ScreeningScorer.Score(s_instrument, [new("disclosure", true)], 15, D("2026-08-01")), T("2026-08-01T10:00:00Z"), "worker");

        Assert.Single(first.Entries);
        Assert.Equal("not-at-risk", first.Current!.Band.Id);

        Assert.Equal(2, overridden.Entries.Count);
        Assert.Same(first.Entries[0], overridden.Entries[0]);
        Assert.True(overridden.Current!.IsOverride);
        Assert.Equal("moderate", overridden.Current.Band.Id);
        Assert.Equal("not-at-risk", overridden.Current.Result.Band.Id); // the calculated band is kept beside the judgement
        Assert.Equal("Seen with known adults at the taxi rank twice this week.", overridden.Current.OverrideRationale);
        Assert.Equal(D("2026-09-01"), overridden.RescreenDue); // an override does not move the re-screen date

        Assert.Equal(3, rescreened.Entries.Count);
        Assert.Equal("significant", rescreened.Current!.Band.Id);
        Assert.Equal(D("2026-11-01"), rescreened.RescreenDue);
    }
}
