namespace Safeguard.Core.Network;

/// <summary>Betweenness and harmonic closeness, from the same breadth-first searches.</summary>
/// <param name="Betweenness">Normalised to [0, 1]: the share of shortest paths between other pairs that pass through the node.</param>
/// <param name="Closeness">Harmonic closeness normalised to [0, 1]: the mean of 1/distance to every other node (0 if unreachable).</param>
/// <param name="Sources">How many nodes the searches started from: every node when exact, the pivots when sampled.</param>
/// <param name="Exact">False when both values are estimates from sampled pivots.</param>
public sealed record PathCentrality(double[] Betweenness, double[] Closeness, int Sources, bool Exact);

/// <param name="Values">Unit Euclidean length; zero outside the component that dominates.</param>
public sealed record EigenvectorCentrality(double[] Values, int Iterations, bool Converged);

public static class Centrality
{
    // Work is split into this many fixed partitions whatever the core count, and their sums are added in
    // partition order, so the floating-point result is the same on every run and every machine.
    private const int Partitions = 8;

    /// <summary>
    /// Brandes' algorithm (2001) for unweighted graphs: a breadth-first search from each source counts shortest
    /// paths, then dependencies are accumulated back from the farthest node. Exact (every node a source, O(nodes x links))
    /// when the graph has at most <paramref name="exactLimit"/> nodes; otherwise the sources are
    /// <paramref name="pivots"/> nodes drawn uniformly with <paramref name="seed"/>, and betweenness is scaled by
    /// nodes/pivots (Brandes and Pich 2007) and closeness averaged over the pivots (Eppstein and Wang 2004):
    /// unbiased estimates. Closeness is harmonic (Marchiori and Latora 2000) so that disconnected graphs, the
    /// usual case in intelligence data, need no special handling.
    /// </summary>
    public static PathCentrality ShortestPaths(NetworkGraph graph, int exactLimit = 5_000, int pivots = 128, int seed = 1,
        int maxDegreeOfParallelism = -1)
    {
        ArgumentNullException.ThrowIfNull(graph);
        ArgumentOutOfRangeException.ThrowIfLessThan(pivots, 1);
        var n = graph.NodeCount;
        var exact = n <= exactLimit || n <= pivots;
        var sources = exact ? [.. Enumerable.Range(0, n)] : SamplePivots(n, pivots, seed);

        var partitionBetweenness = new double[Partitions][];
        var partitionCloseness = new double[Partitions][];
        Parallel.For(0, Partitions, new ParallelOptions { MaxDegreeOfParallelism = maxDegreeOfParallelism }, part =>
        {
            if (part >= sources.Length)
            {
                return;
            }
            var search = new Search(n);
            var betweenness = new double[n];
            var closeness = new double[n];
            for (var i = part; i < sources.Length; i += Partitions)
            {
                search.Accumulate(graph, sources[i], betweenness, closeness);
            }
            partitionBetweenness[part] = betweenness;
            partitionCloseness[part] = closeness;
        });

        var totalBetweenness = Sum(partitionBetweenness, n);
        var totalCloseness = Sum(partitionCloseness, n);
        // Summed over all sources, every unordered pair is counted twice; (n-1)(n-2)/2 pairs exclude a node.
        var pairs = (double)(n - 1) * (n - 2);
        var scale = pairs > 0 ? (double)n / sources.Length / pairs : 0;
        var inSample = exact ? null : new HashSet<int>(sources);
        for (var v = 0; v < n; v++)
        {
            totalBetweenness[v] *= scale;
            // Each source other than v contributed 1/d(source, v); average over those sources.
            var others = exact ? n - 1 : inSample!.Contains(v) ? sources.Length - 1 : sources.Length;
            totalCloseness[v] = others > 0 ? totalCloseness[v] / others : 0;
        }
        return new PathCentrality(totalBetweenness, totalCloseness, sources.Length, exact);
    }

    /// <summary>
    /// Eigenvector centrality by power iteration on A + I (the identity shift keeps bipartite graphs, such as
    /// people linked only through places, from oscillating, and leaves the eigenvector unchanged). Stops when
    /// the L1 change is below nodes x <paramref name="tolerance"/> or after <paramref name="maxIterations"/>;
    /// the same rule and start (uniform) as NetworkX, so values compare with published ones.
    /// </summary>
    public static EigenvectorCentrality Eigenvector(NetworkGraph graph, double tolerance = 1e-6, int maxIterations = 1000,
        int maxDegreeOfParallelism = -1)
    {
        ArgumentNullException.ThrowIfNull(graph);
        var n = graph.NodeCount;
        if (n == 0)
        {
            return new EigenvectorCentrality([], 0, true);
        }
        var current = new double[n];
        var next = new double[n];
        Array.Fill(current, 1.0 / n);
        var options = new ParallelOptions { MaxDegreeOfParallelism = maxDegreeOfParallelism };
        var chunk = (n + Partitions - 1) / Partitions;
        for (var iteration = 1; iteration <= maxIterations; iteration++)
        {
            // Each node pulls from its neighbours, so chunks write disjoint ranges and need no locks.
            var squares = new double[Partitions];
            Parallel.For(0, Partitions, options, part =>
            {
                var sum = 0.0;
                for (int v = part * chunk, end = Math.Min(n, v + chunk); v < end; v++)
                {
                    var x = current[v];
                    foreach (var u in graph.Neighbours(v))
                    {
                        x += current[u];
                    }
                    next[v] = x;
                    sum += x * x;
                }
                squares[part] = sum;
            });
            var norm = Math.Sqrt(squares.Sum());
            var change = 0.0;
            for (var v = 0; v < n; v++)
            {
                next[v] /= norm;
                change += Math.Abs(next[v] - current[v]);
            }
            (current, next) = (next, current);
            if (change < n * tolerance)
            {
                return new EigenvectorCentrality(current, iteration, true);
            }
        }
        return new EigenvectorCentrality(current, maxIterations, false);
    }

    private static int[] SamplePivots(int n, int count, int seed)
    {
        // Floyd's algorithm: `count` distinct indices without materialising all n.
        var random = new Random(seed);
        var chosen = new HashSet<int>(count);
        for (var j = n - count; j < n; j++)
        {
            var t = random.Next(j + 1);
            chosen.Add(chosen.Contains(t) ? j : t);
        }
        var pivots = chosen.ToArray();
        Array.Sort(pivots);
        return pivots;
    }

    private static double[] Sum(double[][] parts, int n)
    {
        var total = new double[n];
        foreach (var part in parts)
        {
            if (part is null)
            {
                continue;
            }
            for (var v = 0; v < n; v++)
            {
                total[v] += part[v];
            }
        }
        return total;
    }

    /// <summary>
    /// One breadth-first search's working state, reused across sources. On a million-node graph almost every
    /// neighbour visit misses the cache, so the distances every visit reads sit in their own small array, and
    /// the path count and dependency, read only along shortest paths, side by side in another.
    /// </summary>
    private sealed class Search(int n)
    {
        private readonly int[] _distance = Unvisited(n);
        private readonly PathState[] _state = new PathState[n];
        private readonly int[] _order = new int[n];

        public void Accumulate(NetworkGraph graph, int source, double[] betweenness, double[] closeness)
        {
            var distance = _distance;
            var state = _state;
            int head = 0, tail = 0;
            _order[tail++] = source;
            distance[source] = 0;
            state[source].Paths = 1;
            while (head < tail)
            {
                var v = _order[head++];
                var next = distance[v] + 1;
                var paths = state[v].Paths;
                foreach (var w in graph.Neighbours(v))
                {
                    var dw = distance[w];
                    if (dw < 0)
                    {
                        distance[w] = next;
                        _order[tail++] = w;
                        state[w].Paths = paths;
                    }
                    else if (dw == next)
                    {
                        state[w].Paths += paths;
                    }
                }
            }
            // Back from the farthest: a predecessor of w is any neighbour one step nearer the source.
            for (var i = tail - 1; i > 0; i--)
            {
                var w = _order[i];
                var previous = distance[w] - 1;
                var dependency = state[w].Dependency;
                var share = (1 + dependency) / state[w].Paths;
                foreach (var v in graph.Neighbours(w))
                {
                    if (distance[v] == previous)
                    {
                        ref var sv = ref state[v];
                        sv.Dependency += sv.Paths * share;
                    }
                }
                betweenness[w] += dependency;
                closeness[w] += 1.0 / (previous + 1);
            }
            for (var i = 0; i < tail; i++)
            {
                var v = _order[i];
                distance[v] = -1;
                state[v] = default;
            }
        }

        private static int[] Unvisited(int n)
        {
            var distance = new int[n];
            Array.Fill(distance, -1);
            return distance;
        }
    }

    private struct PathState
    {
        public double Paths;
        public double Dependency;
    }
}
