using Safeguard.Core.Screening;

namespace Safeguard.Core.Tests.Screening;

public class VictimThenOffenderTests
{
    private static readonly DateOnly s_on = new(2026, 10, 1);

    public static TheoryData<string, ScreeningStatus?, string[], bool, int> Cases => new()
    {
        { "nothing", null, [], false, 0 },
        { "screened not at risk", new(0, "Not at risk", s_on), ["Behaviour"], false, 0 },
        { "screened mild", new(1, "Mild", s_on), [], false, 1 },
        { "screened significant", new(3, "Significant", s_on), [], false, 1 },
        { "an open CSE case", null, ["CSE"], false, 1 },
        { "an open exploitation case, any wording", null, ["Child sexual exploitation", "criminal exploitation"], false, 2 },
        { "the same category twice counts once", null, ["CSE", "cse"], false, 1 },
        { "surfaced", null, ["Behaviour"], true, 1 },
        { "all three", new(2, "Moderate", s_on), ["Child sexual exploitation"], true, 3 },
    };

    [Theory]
    [MemberData(nameof(Cases))]
    public void A_child_is_a_victim_or_possible_victim_for_each_reason_given(string example, ScreeningStatus? latest, string[] categories, bool surfaced, int reasons)
    {
        var found = VictimThenOffender.VictimReasons(latest, categories, surfaced);
        Assert.True(reasons == found.Count, $"{example}: expected {reasons} reasons, got {string.Join(" | ", found)}");
    }

    [Fact]
    public void The_reasons_say_what_was_found()
    {
        var reasons = VictimThenOffender.VictimReasons(new(1, "Mild", s_on), ["CSE"], surfaced: true);
        Assert.Equal(
            ["Screened as mild risk of sexual exploitation on 1 October 2026.", "An open case filed as \"CSE\".", "Surfaced to the CSE lead: agencies' records show signs of exploitation."],
            reasons);
    }

    [Theory]
    [InlineData("Arrest", true)]
    [InlineData("arrest", true)]
    [InlineData("Police incident", false)]
    [InlineData("Missing episode", false)]
    public void An_arrest_records_the_child_as_an_offender(string kind, bool offender) =>
        Assert.Equal(offender, VictimThenOffender.RecordsAsOffender(kind));

    [Theory]
    [InlineData("CSE", true)]
    [InlineData(" cse ", true)]
    [InlineData("Child Sexual Exploitation", true)]
    [InlineData("Behaviour", false)]
    [InlineData("CSEC", false)]
    public void Exploitation_categories_are_recognised(string category, bool expected) =>
        Assert.Equal(expected, VictimThenOffender.IsExploitationCategory(category));
}
