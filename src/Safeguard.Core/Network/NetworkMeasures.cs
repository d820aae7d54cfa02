namespace Safeguard.Core.Network;

/// <summary>Settings for <see cref="NetworkMeasures.Compute"/>; the defaults measure a million-node graph in well under a minute on two cores.</summary>
public sealed record MeasureOptions
{
    /// <summary>Graphs with at most this many nodes get exact betweenness and closeness; larger ones are sampled.</summary>
    public int ExactLimit { get; init; } = 5_000;

    /// <summary>Sources sampled for betweenness and closeness on graphs above <see cref="ExactLimit"/>.</summary>
    public int Pivots { get; init; } = 128;

    /// <summary>Seed for the pivot sample: the same seed and graph give the same figures.</summary>
    public int Seed { get; init; } = 1;

    public double EigenvectorTolerance { get; init; } = 1e-6;

    public int EigenvectorMaxIterations { get; init; } = 1000;

    /// <summary>-1 uses every core.</summary>
    public int MaxDegreeOfParallelism { get; init; } = -1;
}

/// <summary>Every per-node measure of a graph, indexed by node, and how the estimates were made.</summary>
public sealed record NetworkMeasures(
    int[] Degree,
    double[] Betweenness,
    double[] Closeness,
    double[] Eigenvector,
    int[] Core,
    int[] Component,
    bool PathMeasuresExact,
    int PathSources,
    int EigenvectorIterations,
    bool EigenvectorConverged)
{
    public static NetworkMeasures Compute(NetworkGraph graph, MeasureOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(graph);
        options ??= new MeasureOptions();
        var degree = new int[graph.NodeCount];
        for (var v = 0; v < degree.Length; v++)
        {
            degree[v] = graph.Degree(v);
        }
        var paths = Centrality.ShortestPaths(graph, options.ExactLimit, options.Pivots, options.Seed, options.MaxDegreeOfParallelism);
        var eigenvector = Centrality.Eigenvector(graph, options.EigenvectorTolerance, options.EigenvectorMaxIterations, options.MaxDegreeOfParallelism);
        return new NetworkMeasures(degree, paths.Betweenness, paths.Closeness, eigenvector.Values, Structure.CoreNumbers(graph),
            Structure.Components(graph), paths.Exact, paths.Sources, eigenvector.Iterations, eigenvector.Converged);
    }
}
