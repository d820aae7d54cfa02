using System.Diagnostics;
using System.Globalization;
using Safeguard.Core.Network;

namespace Safeguard.Web.Cli;

/// <summary>
/// `./safeguard network groups|measures|score`: suspected organised networks and per-node measures of an
/// intelligence graph given as NODES.csv and LINKS.csv, and the score of found groups against known ones.
/// </summary>
public static class NetworkCommand
{
    public const string Usage = """
        Usage:
          ./safeguard network groups   --nodes NODES.csv --links LINKS.csv --out GROUPS.csv
                                       [--busy-limit 20] [--min-suspect-tie 0.5] [--min-victim-tie 0.5] [FILTER]
          ./safeguard network measures --nodes NODES.csv --links LINKS.csv --out MEASURES.csv
                                       [--pivots 128] [--exact-limit 5000] [--seed 1] [FILTER]
          ./safeguard network score    --truth TRUTH.csv --groups GROUPS.csv
        FILTER: [--from YYYY-MM-DD] [--to YYYY-MM-DD] [--kinds KIND,KIND...] [--min-confidence unconfirmed|tentative|confirmed]
        NODES.csv: id,kind,label,role   LINKS.csv: from,to,kind,date[,confidence]   GROUPS.csv, TRUTH.csv: group,id
        """;

    public static int Run(string[] args, TextWriter stdout, TextWriter stderr)
    {
        ArgumentNullException.ThrowIfNull(args);
        ArgumentNullException.ThrowIfNull(stdout);
        ArgumentNullException.ThrowIfNull(stderr);
        var result = args.FirstOrDefault() switch
        {
            "groups" => Groups(args[1..], stdout, stderr),
            "measures" => Measures(args[1..], stdout, stderr),
            "score" => Score(args[1..], stdout, stderr),
            _ => CommandLine.Usage,
        };
        if (result == CommandLine.Usage)
        {
            stderr.WriteLine(Usage);
        }
        return result;
    }

    private static int Groups(string[] args, TextWriter stdout, TextWriter stderr)
    {
        var arguments = NetworkArguments.Parse(args, ["nodes", "links", "out", "busy-limit", "min-suspect-tie", "min-victim-tie", .. NetworkArguments.FilterOptions], stderr);
        var defaults = new GroupOptions();
        if (arguments is null || ReadInputs(arguments) is not var (nodes, links, output)
            || !arguments.TryInt("busy-limit", defaults.BusyLimit, 1, out var busyLimit)
            || !arguments.TryDouble("min-suspect-tie", defaults.MinSuspectTie, out var minSuspectTie)
            || !arguments.TryDouble("min-victim-tie", defaults.MinVictimTie, out var minVictimTie)
            || !arguments.TryFilter(out var filter))
        {
            return CommandLine.Usage;
        }
        var options = defaults with { BusyLimit = busyLimit, MinSuspectTie = minSuspectTie, MinVictimTie = minVictimTie };
        return Analyse(nodes, links, output, filter, "groups", graph => GroupDetection.Find(graph, options), (graph, groups, writer) =>
        {
            writer.WriteLine("group,id");
            foreach (var group in groups)
            {
                foreach (var member in group.Suspects.Concat(group.Victims))
                {
                    writer.WriteLine($"{group.Number},{NetworkCsv.Field(graph.Id(member))}");
                }
            }
            stdout.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"Found {groups.Count} suspected groups: {groups.Sum(g => g.Suspects.Count)} suspects and {groups.Sum(g => g.Victims.Count)} children. Wrote {output}."));
        }, stdout, stderr);
    }

    private static int Measures(string[] args, TextWriter stdout, TextWriter stderr)
    {
        var arguments = NetworkArguments.Parse(args, ["nodes", "links", "out", "pivots", "exact-limit", "seed", .. NetworkArguments.FilterOptions], stderr);
        var defaults = new MeasureOptions();
        if (arguments is null || ReadInputs(arguments) is not var (nodes, links, output)
            || !arguments.TryInt("pivots", defaults.Pivots, 1, out var pivots)
            || !arguments.TryInt("exact-limit", defaults.ExactLimit, 0, out var exactLimit)
            || !arguments.TryInt("seed", defaults.Seed, int.MinValue, out var seed)
            || !arguments.TryFilter(out var filter))
        {
            return CommandLine.Usage;
        }
        var options = defaults with { Pivots = pivots, ExactLimit = exactLimit, Seed = seed };
        return Analyse(nodes, links, output, filter, "measures", graph => NetworkMeasures.Compute(graph, options), (graph, measures, writer) =>
        {
            writer.WriteLine("id,degree,betweenness,closeness,eigenvector,core");
            for (var v = 0; v < graph.NodeCount; v++)
            {
                writer.WriteLine(string.Create(CultureInfo.InvariantCulture,
                    $"{NetworkCsv.Field(graph.Id(v))},{measures.Degree[v]},{measures.Betweenness[v]:G6},{measures.Closeness[v]:G6},{measures.Eigenvector[v]:G6},{measures.Core[v]}"));
            }
            stdout.WriteLine(measures.PathMeasuresExact
                ? "Betweenness and closeness (harmonic) are exact."
                : $"Betweenness and closeness (harmonic) are estimates from {measures.PathSources} sampled pivots (seed {seed}).");
            stdout.WriteLine(measures.EigenvectorConverged
                ? $"Eigenvector centrality converged in {measures.EigenvectorIterations} iterations."
                : $"Eigenvector centrality did not converge in {measures.EigenvectorIterations} iterations; values are the last iterate.");
            stdout.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"Components: {measures.Component.Distinct().Count()}; highest core: {(measures.Core.Length == 0 ? 0 : measures.Core.Max())}. Wrote {output}."));
        }, stdout, stderr);
    }

    private static int Score(string[] args, TextWriter stdout, TextWriter stderr)
    {
        var arguments = NetworkArguments.Parse(args, ["truth", "groups"], stderr);
        if (arguments?.Required("truth") is not { } truthPath || arguments.Required("groups") is not { } groupsPath)
        {
            return CommandLine.Usage;
        }
        if (NetworkCsv.ReadGroups(truthPath, stderr) is not { } truth || NetworkCsv.ReadGroups(groupsPath, stderr) is not { } found)
        {
            return CommandLine.Failure;
        }
        var score = GroupScore.Compare(truth, found);
        stdout.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"Members: precision {score.MemberPrecision:F4}, recall {score.MemberRecall:F4} ({score.PersonsInBoth} of {score.FoundPersons} placed, {score.TruthPersons} planted)"));
        stdout.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"Pairs:   precision {score.PairPrecision:F4}, recall {score.PairRecall:F4} ({score.PairsInBoth} of {score.FoundPairs} pairs placed together, {score.TruthPairs} planted)"));
        stdout.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"Groups:  {score.GroupsRecovered} of {score.TruthGroups} planted groups recovered (best match Jaccard >= 0.5); {score.FoundGroups} groups found"));
        return CommandLine.Success;
    }

    private static (string Nodes, string Links, string Output)? ReadInputs(NetworkArguments arguments) =>
        arguments.Required("nodes") is { } nodes && arguments.Required("links") is { } links && arguments.Required("out") is { } output
            ? (nodes, links, output)
            : null;

    /// <summary>Reads the graph, runs one analysis, writes its file and summary, and says how long each step took.</summary>
    private static int Analyse<T>(string nodes, string links, string output, LinkFilter? filter, string step,
        Func<NetworkGraph, T> analyse, Action<NetworkGraph, T, TextWriter> write, TextWriter stdout, TextWriter stderr)
    {
        var clock = Stopwatch.StartNew();
        if (Load(nodes, links, filter, stdout, stderr) is not { } graph)
        {
            return CommandLine.Failure;
        }
        var loaded = clock.Elapsed;
        var result = analyse(graph);
        var analysed = clock.Elapsed;
        using (var writer = NetworkCsv.CreateWriter(output))
        {
            write(graph, result, writer);
        }
        stdout.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"Time: read {loaded.TotalSeconds:F1} s, {step} {(analysed - loaded).TotalSeconds:F1} s, write {(clock.Elapsed - analysed).TotalSeconds:F1} s, total {clock.Elapsed.TotalSeconds:F1} s."));
        return CommandLine.Success;
    }

    private static NetworkGraph? Load(string nodes, string links, LinkFilter? filter, TextWriter stdout, TextWriter stderr)
    {
        if (NetworkCsv.Read(nodes, links, stderr) is not { } network)
        {
            return null;
        }
        var graph = network.Build(filter);
        stdout.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"Read {network.NodeCount} nodes and {network.LinkCount} links{(filter is null ? "" : $", {graph.LinkCount} kept by the filter")}."));
        return graph;
    }
}
