using BenchmarkDotNet.Attributes;
using Safeguard.Core.Network;

namespace Safeguard.Bench.Network;

/// <summary>
/// The network algorithms in memory, without CSV, on a generated town of 100,000 persons (about 300,000 nodes and
/// 1.5 million links). Whole-job timings at a million nodes are in bench/network.sh.
/// dotnet run -c Release --project bench/Safeguard.Bench -- --filter '*NetworkBenchmarks*'
/// </summary>
[MemoryDiagnoser]
[SimpleJob(launchCount: 1, warmupCount: 2, iterationCount: 5)]
public class NetworkBenchmarks
{
    private const int Persons = 100_000;
    private NetworkBuilder _builder = null!;
    private NetworkGraph _graph = null!;
    private int[] _people = null!;

    [GlobalSetup]
    public void Setup()
    {
        _builder = NetworkGenerator.Generate(new GeneratorOptions { Persons = Persons, Seed = 1 }).Network;
        _graph = _builder.Build();
        var random = new Random(2);
        _people = [.. Enumerable.Range(0, 100).Select(_ => random.Next(Persons))];
    }

    [Benchmark]
    public NetworkGraph BuildGraph() => _builder.Build();

    [Benchmark]
    public int GroupDetection() => Safeguard.Core.Network.GroupDetection.Find(_graph).Count;

    [Benchmark]
    public int[] CoreNumbers() => Structure.CoreNumbers(_graph);

    [Benchmark]
    public int[] Components() => Structure.Components(_graph);

    [Benchmark]
    public EigenvectorCentrality Eigenvector() => Centrality.Eigenvector(_graph);

    /// <summary>Sixteen Brandes pivots: the cost of one pivot is this divided by 16.</summary>
    [Benchmark]
    public PathCentrality SixteenPivots() => Centrality.ShortestPaths(_graph, exactLimit: 0, pivots: 16);

    /// <summary>A hundred two-hop neighbourhoods of random persons, capped at 2,000 nodes as a chart would be.</summary>
    [Benchmark]
    public int HundredTwoHopNeighbourhoods()
    {
        var total = 0;
        foreach (var person in _people)
        {
            total += _graph.Neighbourhood(person, hops: 2, maxNodes: 2_000).Nodes.Count;
        }
        return total;
    }

    /// <summary>A hundred shortest paths between random persons.</summary>
    [Benchmark]
    public int HundredShortestPaths()
    {
        var total = 0;
        for (var i = 0; i < _people.Length; i++)
        {
            total += _graph.ShortestPath(_people[i], _people[(i + 1) % _people.Length]).Count;
        }
        return total;
    }
}
