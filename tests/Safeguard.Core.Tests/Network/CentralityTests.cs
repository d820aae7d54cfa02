using Safeguard.Core.Network;

namespace Safeguard.Core.Tests.Network;

public class CentralityTests
{
    private const int Precision = 6;

    [Fact]
    public void Path_betweenness_counts_the_pairs_each_inner_node_separates()
    {
        // Path 0-1-2-3-4: node 1 lies between 0 and {2,3,4} (3 pairs), node 2 between {0,1} and {3,4} (4 pairs),
        // out of (n-1)(n-2)/2 = 6 pairs that exclude a node.
        var result = Centrality.ShortestPaths(Graphs.Path(5));

        Assert.True(result.Exact);
        double[] expected = [0, 3 / 6.0, 4 / 6.0, 3 / 6.0, 0];
        for (var v = 0; v < 5; v++)
        {
            Assert.Equal(expected[v], result.Betweenness[v], Precision);
        }
    }

    [Fact]
    public void Star_centre_is_on_every_path_and_closest_to_all()
    {
        var result = Centrality.ShortestPaths(Graphs.Star(4));

        Assert.Equal(1.0, result.Betweenness[0], Precision);
        Assert.Equal(0.0, result.Betweenness[1], Precision);
        // Harmonic closeness: the centre is one step from all four; a leaf is 1 from the centre and 2 from three leaves.
        Assert.Equal(1.0, result.Closeness[0], Precision);
        Assert.Equal((1 + (3 * 0.5)) / 4, result.Closeness[1], Precision);
    }

    [Fact]
    public void Harmonic_closeness_counts_unreachable_nodes_as_zero()
    {
        // 0-1 and 2 alone: 0 reaches one of its two others at distance 1.
        var result = Centrality.ShortestPaths(Graphs.Plain(3, (0, 1)));

        Assert.Equal(0.5, result.Closeness[0], Precision);
        Assert.Equal(0.0, result.Closeness[2], Precision);
    }

    [Fact]
    public void Betweenness_splits_credit_between_equal_shortest_paths()
    {
        // Square 0-1-2-3-0: 0 and 2 are joined by two shortest paths, through 1 and through 3, so each gets half a pair.
        var result = Centrality.ShortestPaths(Graphs.Plain(4, (0, 1), (1, 2), (2, 3), (3, 0)));

        Assert.All(result.Betweenness, b => Assert.Equal(0.5 / 3, b, Precision));
    }

    [Fact]
    public void Star_eigenvector_is_the_known_closed_form_despite_the_star_being_bipartite()
    {
        // For K(1,4) the leading eigenvalue is 2 and the centre's entry is twice a leaf's: (2, 1, 1, 1, 1) / sqrt(8).
        // Plain power iteration would oscillate on this bipartite graph; the A + I shift must make it converge.
        var result = Centrality.Eigenvector(Graphs.Star(4));

        Assert.True(result.Converged);
        Assert.Equal(2 / Math.Sqrt(8), result.Values[0], 4);
        Assert.Equal(1 / Math.Sqrt(8), result.Values[3], 4);
    }

    public static TheoryData<int, double, double, double> KarateValues => new()
    {
        // Member (0-based), betweenness (normalised) and eigenvector centrality as published for Zachary's club
        // (NetworkX), and harmonic closeness / 33 from NetworkX's harmonic_centrality.
        { 0, 0.43763528, 0.35548349, 0.70202020 },
        { 33, 0.30407498, 0.37337121, 0.70454545 },
        { 32, 0.14524711, 0.30865105, 0.63383838 },
        { 2, 0.14365681, 0.31718939, 0.63636364 },
        { 16, 0.0, 0.02363479, 0.33636364 },
        { 11, 0.0, 0.05285417, 0.40909091 },
    };

    [Theory]
    [MemberData(nameof(KarateValues))]
    public void Karate_club_matches_published_values(int member, double betweenness, double eigenvector, double closeness)
    {
        var graph = Graphs.KarateClub();
        var paths = Centrality.ShortestPaths(graph);
        var eigen = Centrality.Eigenvector(graph);

        Assert.Equal(betweenness, paths.Betweenness[member], Precision);
        Assert.Equal(closeness, paths.Closeness[member], Precision);
        Assert.Equal(eigenvector, eigen.Values[member], 4);
    }

    [Fact]
    public void Sampled_estimates_are_close_to_exact_values_and_repeatable()
    {
        // A 40 x 40 grid: betweenness peaks in the middle, closeness falls towards the corners.
        const int Side = 40;
        var edges = new List<(int, int)>();
        for (var r = 0; r < Side; r++)
        {
            for (var c = 0; c < Side; c++)
            {
                if (c + 1 < Side)
                {
                    edges.Add(((r * Side) + c, (r * Side) + c + 1));
                }
                if (r + 1 < Side)
                {
                    edges.Add(((r * Side) + c, ((r + 1) * Side) + c));
                }
            }
        }
        var graph = Graphs.Plain(Side * Side, [.. edges]);
        var exact = Centrality.ShortestPaths(graph, exactLimit: Side * Side);
        var sampled = Centrality.ShortestPaths(graph, exactLimit: 0, pivots: 400, seed: 7);
        var again = Centrality.ShortestPaths(graph, exactLimit: 0, pivots: 400, seed: 7, maxDegreeOfParallelism: 1);
        var otherSeed = Centrality.ShortestPaths(graph, exactLimit: 0, pivots: 400, seed: 8);

        Assert.True(exact.Exact);
        Assert.False(sampled.Exact);
        Assert.Equal(400, sampled.Sources);
        // Same seed, any thread count: the same numbers to the last bit. Another seed: other numbers.
        Assert.Equal(sampled.Betweenness, again.Betweenness);
        Assert.Equal(sampled.Closeness, again.Closeness);
        Assert.NotEqual(sampled.Betweenness, otherSeed.Betweenness);
        // Unbiased estimators: totals within a few per cent, and the busiest nodes stay the busiest.
        Assert.InRange(sampled.Betweenness.Sum() / exact.Betweenness.Sum(), 0.95, 1.05);
        Assert.InRange(sampled.Closeness.Sum() / exact.Closeness.Sum(), 0.98, 1.02);
        var exactTop = TopDecile(exact.Betweenness);
        var sampledTop = TopDecile(sampled.Betweenness);
        Assert.True(exactTop.Intersect(sampledTop).Count() >= 0.8 * exactTop.Count);
    }

    [Fact]
    public void Eigenvector_reports_when_the_iteration_cap_is_reached()
    {
        var result = Centrality.Eigenvector(Graphs.KarateClub(), tolerance: 1e-15, maxIterations: 3);

        Assert.False(result.Converged);
        Assert.Equal(3, result.Iterations);
    }

    private static HashSet<int> TopDecile(double[] values) =>
        [.. values.Select((v, i) => (v, i)).OrderByDescending(x => x.v).Take(values.Length / 10).Select(x => x.i)];
}
