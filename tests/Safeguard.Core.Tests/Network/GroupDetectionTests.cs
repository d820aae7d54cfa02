using Safeguard.Core.Network;

namespace Safeguard.Core.Tests.Network;

public class GroupDetectionTests
{
    private const int TakeawayRegulars = 30;

    /// <summary>
    /// A small town: group A (two suspects sharing a car, a child driven in it, a child exploited), group B (two
    /// suspects sharing a phone, a child seen at one's flat), a lone offender and his victim, two suspects who
    /// share a car but no child, and a takeaway where members of both groups and thirty others are seen.
    /// </summary>
    private static NetworkBuilder Town()
    {
        var town = new NetworkBuilder();
        AddPersons(town, PersonRole.Suspect, "SA1", "SA2", "SB1", "SB2", "SC", "SD1", "SD2");
        AddPersons(town, PersonRole.Victim, "VA1", "VA2", "VB1", "VC");
        town.AddNode("CarA", NodeKind.Vehicle);
        town.AddNode("PhoneB", NodeKind.Phone);
        town.AddNode("FlatB", NodeKind.Location);
        town.AddNode("CarD", NodeKind.Vehicle);
        town.AddNode("Takeaway", NodeKind.Location);
        Link(town, "SA1", "CarA", LinkKind.Owns);
        Link(town, "SA2", "CarA", LinkKind.Uses);
        Link(town, "VA1", "CarA", LinkKind.TravelledIn);
        Link(town, "SA1", "VA2", LinkKind.Exploited);
        Link(town, "SB1", "PhoneB", LinkKind.Uses);
        Link(town, "SB2", "PhoneB", LinkKind.Uses);
        Link(town, "SB1", "FlatB", LinkKind.LivesAt);
        Link(town, "VB1", "FlatB", LinkKind.SeenAt);
        Link(town, "SC", "VC", LinkKind.Exploited);
        Link(town, "SD1", "CarD", LinkKind.Owns);
        Link(town, "SD2", "CarD", LinkKind.Uses);
        foreach (var regular in new[] { "SA1", "SB1", "VA1", "VB1", "SC", "SD1" })
        {
            Link(town, regular, "Takeaway", LinkKind.SeenAt);
        }
        AddRegulars(town, "Takeaway", TakeawayRegulars);
        return town;
    }

    [Fact]
    public void Busy_takeaway_does_not_merge_two_groups()
    {
        var graph = Town().Build();
        var groups = Describe(graph, GroupDetection.Find(graph));

        Assert.Equal(["SA1 SA2 | VA1 VA2", "SB1 SB2 | VB1"], groups);
    }

    [Fact]
    public void Without_the_busy_cut_and_with_a_low_bar_the_takeaway_would_glue_everyone()
    {
        // The takeaway weighs 1/log2(2 + 30 regulars) = 0.2: only an analyst who lifts the busy limit and lowers the bar
        // below that sees one town-wide "group". This guards the test above against passing for another reason.
        var graph = Town().Build();
        var glued = GroupDetection.Find(graph, new GroupOptions { BusyLimit = 100, MinSuspectTie = 0.15, MinVictimTie = 0.15 });

        Assert.Single(glued);
        Assert.Equal(["SA1", "SA2", "SB1", "SB2", "SC", "SD1", "SD2"], glued[0].Suspects.Select(graph.Id).Order(StringComparer.Ordinal));
    }

    [Fact]
    public void A_child_exploited_by_suspects_of_both_groups_links_them()
    {
        // IICSA: perpetrators linked together through a victim are one network.
        var town = Town();
        town.AddNode("VX", NodeKind.Person, role: PersonRole.Victim);
        Link(town, "SA2", "VX", LinkKind.Exploited);
        Link(town, "SB2", "VX", LinkKind.Exploited);
        var graph = town.Build();

        Assert.Equal(["SA1 SA2 SB1 SB2 | VA1 VA2 VB1 VX"], Describe(graph, GroupDetection.Find(graph)));
    }

    [Fact]
    public void Phones_in_contact_link_suspects_and_a_child_two_things_apart()
    {
        var town = TwoSuspectsAndAChild(("Phone1", NodeKind.Phone), ("Phone2", NodeKind.Phone), ("PhoneV", NodeKind.Phone));
        Link(town, "S1", "Phone1", LinkKind.Uses);
        Link(town, "S2", "Phone2", LinkKind.Uses);
        Link(town, "V", "PhoneV", LinkKind.Uses);
        Link(town, "Phone1", "Phone2", LinkKind.Contacted);
        Link(town, "Phone1", "PhoneV", LinkKind.Contacted);
        var graph = town.Build();

        // Phone1 has three links (1/log2 3 ~ 0.63), the others two (1): both chains weigh 0.63, above the bar of 0.5.
        Assert.Equal(["S1 S2 | V"], Describe(graph, GroupDetection.Find(graph)));
    }

    [Fact]
    public void A_place_shared_by_a_handful_of_people_is_not_enough_on_its_own()
    {
        // A shop with six regulars, two of them suspects and one a child: 1/log2(2 + 3 others) ~ 0.43 is below the bar.
        var town = TwoSuspectsAndAChild(("Shop", NodeKind.Location));
        AddRegulars(town, "Shop", 3, "S1", "S2", "V");
        Assert.Empty(GroupDetection.Find(town.Build()));

        // The same two suspects also sharing a car no one else uses (weight 1): now they are linked, and the child with them.
        town.AddNode("Car", NodeKind.Vehicle);
        Link(town, "S1", "Car", LinkKind.Owns);
        Link(town, "S2", "Car", LinkKind.Uses);
        Link(town, "V", "Car", LinkKind.TravelledIn);
        var graph = town.Build();
        Assert.Equal(["S1 S2 | V"], Describe(graph, GroupDetection.Find(graph)));
    }

    [Fact]
    public void Acquaintance_alone_does_not_link_suspects_but_corroborates_other_evidence()
    {
        // S1 knows S2 and child V (0.4 each): below the bar of 0.5.
        var town = TwoSuspectsAndAChild(("Shop", NodeKind.Location));
        Link(town, "S1", "S2", LinkKind.Knows);
        Link(town, "S1", "V", LinkKind.Knows);
        Assert.Empty(GroupDetection.Find(town.Build()));

        // Add a shop both suspects and the child use, with six other regulars: 1/log2(8) = 0.33, plus 0.4, is enough.
        AddRegulars(town, "Shop", 6, "S1", "S2", "V");
        var graph = town.Build();
        Assert.Equal(["S1 S2 | V"], Describe(graph, GroupDetection.Find(graph)));
    }

    [Fact]
    public void A_car_shared_only_by_suspects_and_children_stays_specific_however_many_children()
    {
        // Two suspects and eight children in one car: no one else uses it, so it is full evidence (weight 1),
        // not diluted as a car shared with ten strangers would be.
        var town = new NetworkBuilder();
        AddPersons(town, PersonRole.Suspect, "S1", "S2");
        town.AddNode("Car", NodeKind.Vehicle);
        Link(town, "S1", "Car", LinkKind.Owns);
        Link(town, "S2", "Car", LinkKind.Uses);
        for (var i = 0; i < 8; i++)
        {
            town.AddNode($"V{i}", NodeKind.Person, role: PersonRole.Victim);
            Link(town, $"V{i}", "Car", LinkKind.TravelledIn);
        }
        var graph = town.Build();

        var group = Assert.Single(GroupDetection.Find(graph));
        Assert.Equal(2, group.Suspects.Count);
        Assert.Equal(8, group.Victims.Count);
        Assert.Equal(1.0, GroupDetection.Ties(graph, new GroupOptions())[(0, 1)], 9);
    }

    [Fact]
    public void A_child_also_abused_by_a_lone_offender_still_joins_the_group()
    {
        // VE knows both of group B's suspects (0.4 + 0.4 = 0.8) and was exploited by the lone offender SC (1.0).
        // SC alone is no group, so the child belongs with group B rather than nowhere.
        var town = Town();
        AddPersons(town, PersonRole.Victim, "VE");
        Link(town, "SC", "VE", LinkKind.Exploited);
        Link(town, "SB1", "VE", LinkKind.Knows);
        Link(town, "SB2", "VE", LinkKind.Knows);
        var graph = town.Build();

        Assert.Equal(["SA1 SA2 | VA1 VA2", "SB1 SB2 | VB1 VE"], Describe(graph, GroupDetection.Find(graph)));
    }

    [Fact]
    public void Groups_need_two_suspects_and_a_child_by_default_and_the_minimums_are_settings()
    {
        var graph = Town().Build();

        var withoutChildren = GroupDetection.Find(graph, new GroupOptions { MinVictims = 0 });
        var loneOffenders = GroupDetection.Find(graph, new GroupOptions { MinSuspects = 1 });

        Assert.Contains("SD1 SD2 | ", Describe(graph, withoutChildren));
        Assert.Contains("SC | VC", Describe(graph, loneOffenders));
        Assert.DoesNotContain(GroupDetection.Find(graph), g => g.Suspects.Select(graph.Id).Contains("SD1") || g.Suspects.Select(graph.Id).Contains("SC"));
    }

    [Fact]
    public void Groups_are_numbered_largest_first()
    {
        var groups = GroupDetection.Find(Town().Build());

        Assert.Equal([1, 2], groups.Select(g => g.Number));
        Assert.True(groups[0].Suspects.Count + groups[0].Victims.Count >= groups[1].Suspects.Count + groups[1].Victims.Count);
    }

    /// <summary>Suspects S1 and S2, child V, and the given things.</summary>
    private static NetworkBuilder TwoSuspectsAndAChild(params (string Id, NodeKind Kind)[] things)
    {
        var town = new NetworkBuilder();
        AddPersons(town, PersonRole.Suspect, "S1", "S2");
        AddPersons(town, PersonRole.Victim, "V");
        foreach (var (id, kind) in things)
        {
            town.AddNode(id, kind);
        }
        return town;
    }

    private static void AddPersons(NetworkBuilder town, PersonRole role, params string[] ids)
    {
        foreach (var id in ids)
        {
            Assert.Equal(NodeAddResult.Added, town.AddNode(id, NodeKind.Person, role: role));
        }
    }

    /// <summary>Adds <paramref name="others"/> people of no role seen at the place, and sees the named people there too.</summary>
    private static void AddRegulars(NetworkBuilder town, string place, int others, params string[] alsoSeen)
    {
        for (var i = 0; i < others; i++)
        {
            town.AddNode($"{place}Regular{i}", NodeKind.Person);
            Link(town, $"{place}Regular{i}", place, LinkKind.SeenAt);
        }
        foreach (var person in alsoSeen)
        {
            Link(town, person, place, LinkKind.SeenAt);
        }
    }

    private static void Link(NetworkBuilder town, string from, string to, LinkKind kind) =>
        Assert.Equal(LinkAddResult.Added, town.AddLink(from, to, kind));

    private static List<string> Describe(NetworkGraph graph, IReadOnlyList<SuspectedGroup> groups) =>
        [.. groups
            .Select(g => $"{string.Join(" ", g.Suspects.Select(graph.Id).Order(StringComparer.Ordinal))} | {string.Join(" ", g.Victims.Select(graph.Id).Order(StringComparer.Ordinal))}")
            .Order(StringComparer.Ordinal)];
}
