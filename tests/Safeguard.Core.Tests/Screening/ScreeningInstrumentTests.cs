using Safeguard.Core.Screening;

namespace Safeguard.Core.Tests.Screening;

public class ScreeningInstrumentTests
{
    private static readonly ScreeningInstrument s_default = DefaultInstrument.Instance;

    [Fact]
    public void The_default_instrument_is_valid() => Assert.Empty(s_default.Validate());

    public static TheoryData<string, ScreeningInstrument, string> Broken => new()
    {
        {
            "bands overlap",
            s_default with { Bands = [new("low", "Low", 0, 5), new("mid", "Mid", 5, 10), new("high", "High", 11, null)] },
            "Band 'low' (0–5) overlaps band 'mid' (5–10)."
        },
        {
            "bands leave a gap",
            s_default with { Bands = [new("low", "Low", 0, 5), new("mid", "Mid", 8, 10), new("high", "High", 11, null)] },
            "Bands leave a gap: no band for scores 6–7."
        },
        {
            "bands do not start at 0",
            s_default with { Bands = [new("low", "Low", 1, 5), new("high", "High", 6, null)] },
            "Bands leave a gap: no band for scores 0–0."
        },
        {
            "top band closed",
            s_default with { Bands = [new("low", "Low", 0, 5), new("high", "High", 6, 20)] },
            "Bands leave a gap: no band for scores above 20 (the top band must be open-ended)."
        },
        {
            "open band not last",
            s_default with { Bands = [new("low", "Low", 0, null), new("high", "High", 6, null)] },
            "Band 'low' (0+) is open-ended but band 'high' (6+) comes after it: they overlap."
        },
        {
            "band ends before it starts",
            s_default with { Bands = [new("low", "Low", 0, 5), new("odd", "Odd", 6, 4), new("high", "High", 7, null)] },
            "Band 'odd' (6–4) ends before it starts."
        },
        {
            "rule names an unknown item",
            s_default with { AutomaticRules = [new("disclosure", "A disclosure", ["disclosure", "disclosed"], "significant")] },
            "Automatic rule 'disclosure' refers to unknown item 'disclosed'."
        },
        {
            "rule names an unknown band",
            s_default with { AutomaticRules = [new("disclosure", "A disclosure", ["disclosure"], "high")] },
            "Automatic rule 'disclosure' refers to unknown band 'high'."
        },
        {
            "item in an unknown domain",
            s_default with { Items = [.. s_default.Items, new("extra", "other", "Something else", [new(1)])] },
            "Item 'extra' refers to unknown domain 'other'."
        },
        {
            "duplicate item",
            s_default with { Items = [.. s_default.Items, s_default.Items[0]] },
            "The item id 'domestic-abuse' is used more than once."
        },
        {
            "negative points",
            s_default with { Items = [new("x", DefaultInstrument.Vulnerabilities, "X", [new(-1)])], AutomaticRules = [] },
            "Item 'x' gives -1 points: points cannot be negative."
        },
        {
            "recency windows out of order",
            s_default with { Items = [new("x", DefaultInstrument.Vulnerabilities, "X", [new(1, 12), new(5, 6)])], AutomaticRules = [] },
            "Item 'x' has recency windows out of order: 12 months then 6 months."
        },
        {
            "any-time tier not last",
            s_default with { Items = [new("x", DefaultInstrument.Vulnerabilities, "X", [new(1), new(5, 6)])], AutomaticRules = [] },
            "Item 'x' has an 'any time' tier before other tiers: it must come last."
        },
        {
            "no re-screening",
            s_default with { RescreenMonths = 0 },
            "Re-screening every 0 months is not possible: it must be at least 1."
        },
    };

    [Theory]
    [MemberData(nameof(Broken))]
    public void Invalid_instruments_are_refused_with_a_message_naming_the_problem(string scenario, ScreeningInstrument instrument, string problem)
    {
        var problems = instrument.Validate();
        Assert.True(problems.Contains(problem), $"{scenario}: expected '{problem}' in [{string.Join(" | ", problems)}]");
    }

    [Fact]
    public void Every_problem_is_reported_not_just_the_first()
    {
        var instrument = s_default with
        {
            Bands = [new("low", "Low", 0, 5), new("high", "High", 8, 20)],
            AutomaticRules = [new("r", "R", ["nope"], "gone")],
        };
        Assert.Equal(4, instrument.Validate().Count);
    }

    [Fact]
    public void The_default_instrument_round_trips_through_json()
    {
        var json = ScreeningJson.Write(s_default);
        var (read, problems) = ScreeningJson.ReadInstrument(json);
        Assert.Empty(problems);
        Assert.Equal(json, ScreeningJson.Write(read));
        Assert.Contains("\"withinMonths\": 6", json, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("{ not json", "The JSON cannot be read")]
    [InlineData("""{ "id": "x", "version": 1, "name": "X" }""", "The JSON cannot be read")] // lists missing
    [InlineData("null", "The JSON is null.")]
    public void Unreadable_json_is_refused_with_a_message(string json, string start)
    {
        var (instrument, problems) = ScreeningJson.ReadInstrument(json);
        Assert.Null(instrument);
        Assert.StartsWith(start, Assert.Single(problems), StringComparison.Ordinal);
    }

    [Fact]
    public void Json_that_reads_but_does_not_validate_is_refused_with_the_validation_problems()
    {
        var json = ScreeningJson.Write(s_default with { Bands = [new("low", "Low", 0, 5), new("significant", "Significant", 7, null)] });
        var (instrument, problems) = ScreeningJson.ReadInstrument(json);
        Assert.Null(instrument);
        Assert.Equal(["Bands leave a gap: no band for scores 6–6."], problems);
    }
}
