using Safeguard.Core.Network;
using Safeguard.Core.Screening;

namespace Safeguard.Core.Tests.Screening;

public class IntelligenceLinkFactsTests
{
    [Theory]
    [InlineData(NodeKind.Person, LinkKind.SeenWith, true, false, IntelligenceLinkFacts.AdultOfConcern)]
    [InlineData(NodeKind.Person, LinkKind.SeenWith, false, false, null)] // a friend, a parent: no sign
    [InlineData(NodeKind.Vehicle, LinkKind.PickedUpBy, false, false, IntelligenceLinkFacts.VehicleOfConcern)]
    [InlineData(NodeKind.Location, LinkKind.SeenAt, false, false, IntelligenceLinkFacts.LocationOfConcern)]
    [InlineData(NodeKind.Location, LinkKind.SeenAt, false, true, null)] // the child's school
    [InlineData(NodeKind.Location, LinkKind.LivesAt, false, false, null)] // home
    [InlineData(NodeKind.Location, LinkKind.ReportedAt, false, false, null)]
    [InlineData(NodeKind.Phone, LinkKind.Uses, false, false, null)]
    public void A_childs_link_is_a_sign_only_to_a_suspect_a_vehicle_or_a_place_that_is_not_home_or_school(NodeKind other, LinkKind link, bool suspect, bool school, string? expected) =>
        Assert.Equal(expected, IntelligenceLinkFacts.Label(other, link, suspect, school));

    [Fact]
    public void Every_label_is_one_the_default_rules_count_as_intelligence()
    {
        var labels = DefaultHiddenExploitationRules.Instance.LabelRules.Where(r => r.IndicatorId == "intelligence").SelectMany(r => r.Labels).ToHashSet();
        Assert.Subset(labels, new HashSet<string> { IntelligenceLinkFacts.AdultOfConcern, IntelligenceLinkFacts.VehicleOfConcern, IntelligenceLinkFacts.LocationOfConcern });
    }
}
