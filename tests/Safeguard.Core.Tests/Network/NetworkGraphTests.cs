using Safeguard.Core.Network;

namespace Safeguard.Core.Tests.Network;

public class NetworkGraphTests
{
    private static readonly DateOnly s_march = new(2025, 3, 1);

    [Fact]
    public void Builder_rejects_bad_nodes_and_links_with_a_reason()
    {
        var builder = new NetworkBuilder();
        Assert.Equal(NodeAddResult.Added, builder.AddNode("P1", NodeKind.Person, "Child A", PersonRole.Victim));
        Assert.Equal(NodeAddResult.Added, builder.AddNode("V1", NodeKind.Vehicle));
        Assert.Equal(NodeAddResult.DuplicateId, builder.AddNode("P1", NodeKind.Person));
        Assert.Equal(NodeAddResult.EmptyId, builder.AddNode("", NodeKind.Person));
        Assert.Equal(NodeAddResult.RoleForNonPerson, builder.AddNode("V2", NodeKind.Vehicle, role: PersonRole.Suspect));

        Assert.Equal(LinkAddResult.Added, builder.AddLink("P1", "V1", LinkKind.TravelledIn, s_march));
        Assert.Equal(LinkAddResult.UnknownFrom, builder.AddLink("P9", "V1", LinkKind.TravelledIn));
        Assert.Equal(LinkAddResult.UnknownTo, builder.AddLink("P1", "V9", LinkKind.TravelledIn));
        Assert.Equal(LinkAddResult.SelfLink, builder.AddLink("P1", "P1", LinkKind.Knows));
        // The same link again, either way round, is a duplicate; another date or kind is another link.
        Assert.Equal(LinkAddResult.Duplicate, builder.AddLink("V1", "P1", LinkKind.TravelledIn, s_march));
        Assert.Equal(LinkAddResult.Added, builder.AddLink("P1", "V1", LinkKind.TravelledIn, s_march.AddDays(1)));
        Assert.Equal(LinkAddResult.Added, builder.AddLink("P1", "V1", LinkKind.SeenAt, s_march));
        Assert.Equal(2, builder.NodeCount);
        Assert.Equal(3, builder.LinkCount);
        Assert.Equal(PersonRole.Victim, builder.Role(0));
        Assert.Equal(PersonRole.None, builder.Role(1));
    }

    [Fact]
    public void A_person_without_a_role_is_unknown()
    {
        var builder = new NetworkBuilder();
        builder.AddNode("X", NodeKind.Person);

        Assert.Equal(PersonRole.Unknown, builder.Role(0));
    }

    [Fact]
    public void Parallel_links_count_once_as_neighbours_but_stay_as_links()
    {
        var builder = new NetworkBuilder();
        builder.AddNode("A", NodeKind.Person);
        builder.AddNode("B", NodeKind.Person);
        builder.AddLink("A", "B", LinkKind.Knows);
        builder.AddLink("A", "B", LinkKind.Contacted, s_march);

        var graph = builder.Build();

        Assert.Equal(1, graph.Degree(0));
        Assert.Equal(1, graph.EdgeCount);
        Assert.Equal(2, graph.LinkCount);
        Assert.Equal(2, graph.IncidentLinks(1).Length);
    }

    [Fact]
    public void Filter_keeps_links_by_date_window_kind_and_confidence()
    {
        var builder = new NetworkBuilder();
        foreach (var id in new[] { "A", "B", "C", "D", "E" })
        {
            builder.AddNode(id, NodeKind.Person);
        }
        builder.AddLink("A", "B", LinkKind.Contacted, new DateOnly(2024, 12, 31));
        builder.AddLink("B", "C", LinkKind.Contacted, new DateOnly(2025, 1, 1));
        builder.AddLink("C", "D", LinkKind.Knows);
        builder.AddLink("D", "E", LinkKind.Contacted, new DateOnly(2025, 2, 1), LinkConfidence.Unconfirmed);

        string Kept(LinkFilter filter)
        {
            var graph = builder.Build(filter);
            return string.Join(" ", Enumerable.Range(0, graph.LinkCount).Select(i => graph.GetLink(i)).Select(l => graph.Id(l.From) + graph.Id(l.To)));
        }

        var year2025 = new LinkFilter { From = new DateOnly(2025, 1, 1), To = new DateOnly(2025, 12, 31) };
        Assert.Equal("BC CD DE", Kept(year2025));
        Assert.Equal("BC DE", Kept(year2025 with { KeepUndated = false }));
        Assert.Equal("AB BC DE", Kept(new LinkFilter { Kinds = new HashSet<LinkKind> { LinkKind.Contacted } }));
        Assert.Equal("AB BC CD", Kept(new LinkFilter { MinimumConfidence = LinkConfidence.Tentative }));
        Assert.Equal(5, builder.Build(year2025).NodeCount); // filtering links never drops nodes
    }

    [Fact]
    public void Shortest_path_between_two_people_and_around_a_busy_place()
    {
        // A - takeaway - B is the short way; A - car - C - B avoids the takeaway.
        var builder = new NetworkBuilder();
        builder.AddNode("A", NodeKind.Person);
        builder.AddNode("B", NodeKind.Person);
        builder.AddNode("C", NodeKind.Person);
        builder.AddNode("Takeaway", NodeKind.Location);
        builder.AddNode("Car", NodeKind.Vehicle);
        builder.AddNode("Lone", NodeKind.Person);
        builder.AddLink("A", "Takeaway", LinkKind.SeenAt);
        builder.AddLink("B", "Takeaway", LinkKind.SeenAt);
        builder.AddLink("A", "Car", LinkKind.Uses);
        builder.AddLink("C", "Car", LinkKind.Owns);
        builder.AddLink("C", "B", LinkKind.Knows);
        var graph = builder.Build();
        graph.TryGetNode("A", out var a);
        graph.TryGetNode("B", out var b);
        graph.TryGetNode("Takeaway", out var takeaway);
        graph.TryGetNode("Lone", out var lone);

        Assert.Equal(["A", "Takeaway", "B"], graph.ShortestPath(a, b).Select(graph.Id));
        Assert.Equal(["A", "Car", "C", "B"], graph.ShortestPath(a, b, node => node != takeaway).Select(graph.Id));
        Assert.Empty(graph.ShortestPath(a, lone));
        Assert.Equal([a], graph.ShortestPath(a, a));
    }

    [Fact]
    public void Shortest_paths_are_real_paths_as_short_as_breadth_first_distances_for_every_karate_pair()
    {
        var graph = Graphs.KarateClub();
        for (var a = 0; a < graph.NodeCount; a++)
        {
            var distance = Distances(graph, a);
            for (var b = 0; b < graph.NodeCount; b++)
            {
                var path = graph.ShortestPath(a, b);
                Assert.Equal(distance[b], path.Count - 1);
                Assert.Equal(a, path[0]);
                Assert.Equal(b, path[^1]);
                for (var i = 1; i < path.Count; i++)
                {
                    Assert.Contains(path[i], graph.Neighbours(path[i - 1]).ToArray());
                }
            }
        }
    }

    [Fact]
    public void Two_hop_neighbourhood_has_the_nodes_their_distances_and_the_links_among_them()
    {
        // Path 0-1-2-3 plus a chord 1-3 is irrelevant past two hops from 0; node 3 is two hops via the chord.
        var graph = Graphs.Plain(5, (0, 1), (1, 2), (2, 3), (1, 3), (3, 4));

        var around = graph.Neighbourhood(0);

        Assert.Equal([0, 1, 2, 3], around.Nodes);
        Assert.Equal([0, 1, 2, 2], around.Hops);
        // Links 0-1, 1-2, 2-3 and 1-3 join nodes inside; 3-4 leaves it.
        Assert.Equal([0, 1, 2, 3], around.Links);
        Assert.Equal([0, 1], graph.Neighbourhood(0, hops: 2, maxNodes: 2).Nodes);
        Assert.Equal([0], graph.Neighbourhood(0, hops: 0).Nodes);
    }

    private static int[] Distances(NetworkGraph graph, int source)
    {
        var distance = Enumerable.Repeat(-1, graph.NodeCount).ToArray();
        var queue = new Queue<int>([source]);
        distance[source] = 0;
        while (queue.TryDequeue(out var v))
        {
            foreach (var w in graph.Neighbours(v))
            {
                if (distance[w] < 0)
                {
                    distance[w] = distance[v] + 1;
                    queue.Enqueue(w);
                }
            }
        }
        return distance;
    }
}
