using Safeguard.Core.Intelligence;
using Safeguard.Core.Network;

namespace Safeguard.Core.Tests.Intelligence;

public class IntelligenceFiguresTests
{
    [Fact]
    public void Each_routing_counts_once_under_the_most_that_came_of_it()
    {
        OutcomeKind[] none = [];
        var figures = IntelligenceFigures.ByAgency(new RoutingFacts<string>[]
        {
            new("YTH", [OutcomeKind.ActionTaken], false),
            new("YTH", [OutcomeKind.NoAction, OutcomeKind.ActionTaken], false),
            new("YTH", [OutcomeKind.Corroborated, OutcomeKind.NoAction], false),
            new("YTH", [OutcomeKind.NoAction], false),
            new("YTH", none, true),
            new("YTH", none, false),
            new("EDU", none, true),
        }).ToDictionary(f => f.Agency);

        var youth = figures["YTH"];
        Assert.Equal((6, 2, 1, 1, 2, 1), (youth.Routed, youth.LedToAction, youth.CorroboratedOnly, youth.NoAction, youth.Awaiting, youth.Overdue));
        Assert.Equal(youth.Routed, youth.LedToAction + youth.CorroboratedOnly + youth.NoAction + youth.Awaiting);
        Assert.Equal(2.0 / 6, youth.ActionRate);
        Assert.Equal((1, 0, 1), (figures["EDU"].Routed, figures["EDU"].LedToAction, figures["EDU"].Overdue));
    }

    [Fact]
    public void The_funnel_never_rises_a_conviction_counting_as_charged_and_disrupted()
    {
        var funnel = IntelligenceFigures.Funnel(
        [
            new(Disrupted: false, Charged: false, Convicted: false),
            new(Disrupted: true, Charged: false, Convicted: false),
            new(Disrupted: true, Charged: true, Convicted: false),
            new(Disrupted: false, Charged: false, Convicted: true),
        ]);
        Assert.Equal(new DisruptionFunnel(4, 3, 2, 1), funnel);
        Assert.Equal(new DisruptionFunnel(0, 0, 0, 0), IntelligenceFigures.Funnel([]));
    }

    [Theory]
    [InlineData(PersonRole.Suspect, true, new LinkKind[0], true)]
    [InlineData(PersonRole.Suspect, false, new[] { LinkKind.Uses }, true)]
    [InlineData(PersonRole.Suspect, false, new[] { LinkKind.Owns }, true)]
    [InlineData(PersonRole.Suspect, false, new[] { LinkKind.TravelledIn, LinkKind.SeenAt }, false)]
    [InlineData(PersonRole.Suspect, false, new LinkKind[0], false)]
    [InlineData(PersonRole.Victim, false, new[] { LinkKind.TravelledIn }, false)]
    [InlineData(PersonRole.Associate, true, new[] { LinkKind.Uses }, false)]
    public void Licensing_hears_of_a_suspect_who_holds_a_licence_or_drives_a_licensed_vehicle(PersonRole role, bool holds, LinkKind[] links, bool notice) =>
        Assert.Equal(notice, TaxiLicensing.NoticeNeeded(role, holds, links));

    [Fact]
    public void The_default_tactics_catalogue_is_valid_and_a_broken_one_is_refused_by_entry()
    {
        Assert.Empty(DisruptionTactics.Validate(DisruptionTactics.Defaults));
        Assert.Contains(DisruptionTactics.Defaults, t => t.Code == "child-abduction-warning-notice");
        var problems = DisruptionTactics.Validate([new("sro", "Sexual Risk Order"), new("sro", "Again"), new("Bad Code", "x"), new("ok", " ")]);
        Assert.Equal(3, problems.Count);
        Assert.Contains(problems, p => p.Contains("more than once", StringComparison.Ordinal));
        Assert.Contains(problems, p => p.Contains("'Bad Code'", StringComparison.Ordinal));
        Assert.Contains(problems, p => p.Contains("no name", StringComparison.Ordinal));
        Assert.Single(DisruptionTactics.Validate([]));
    }
}
