using Safeguard.Core.Network;

namespace Safeguard.Core.Tests.Network;

public class StructureTests
{
    [Fact]
    public void Components_number_each_connected_part_in_order_of_its_lowest_node()
    {
        // 0-1-2 triangle, 3 alone, 4-5 pair.
        var graph = Graphs.Plain(6, (0, 1), (1, 2), (2, 0), (4, 5));

        Assert.Equal([0, 0, 0, 1, 2, 2], Structure.Components(graph));
    }

    public static TheoryData<string, int, (int, int)[], int[]> CoreCases => new()
    {
        // A triangle with a tail: the triangle is the 2-core, the tail only the 1-core.
        { "triangle with tail", 4, [(0, 1), (1, 2), (2, 0), (2, 3)], [2, 2, 2, 1] },
        // K4 plus a pendant path: every K4 node has three K4 neighbours.
        { "K4 with path", 6, [(0, 1), (0, 2), (0, 3), (1, 2), (1, 3), (2, 3), (3, 4), (4, 5)], [3, 3, 3, 3, 1, 1] },
        { "isolated nodes", 3, [], [0, 0, 0] },
        // A star is a tree: every node is in the 1-core and none in a 2-core, however high the centre's degree.
        { "star", 5, [(0, 1), (0, 2), (0, 3), (0, 4)], [1, 1, 1, 1, 1] },
        // A 5-cycle: degree 2 everywhere and no node can be peeled before the others.
        { "cycle", 5, [(0, 1), (1, 2), (2, 3), (3, 4), (4, 0)], [2, 2, 2, 2, 2] },
    };

    [Theory]
    [MemberData(nameof(CoreCases))]
    public void Core_numbers_match_hand_computed_values(string name, int n, (int, int)[] edges, int[] expected)
    {
        Assert.NotEmpty(name);
        Assert.Equal(expected, Structure.CoreNumbers(Graphs.Plain(n, edges)));
    }

    [Fact]
    public void Karate_club_core_numbers_match_the_published_4_core()
    {
        var core = Structure.CoreNumbers(Graphs.KarateClub());

        // The 4-core of Zachary's club (Batagelj and Zaversnik; NetworkX core_number).
        int[] fourCore = [0, 1, 2, 3, 7, 8, 13, 30, 32, 33];
        Assert.Equal(fourCore, Enumerable.Range(0, 34).Where(v => core[v] == 4));
        Assert.Equal(4, core.Max());
        Assert.Equal(1, core[11]); // member 12 has a single friend
        Assert.Equal(2, core[16]);
    }
}
