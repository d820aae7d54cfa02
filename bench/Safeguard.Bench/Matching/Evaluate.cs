using System.Globalization;
using System.Text.RegularExpressions;
using Safeguard.Web.Cli;

namespace Safeguard.Bench.Matching;

/// <summary>
/// Scores a pairs file against the truth, for bench/matching.sh (the link command itself never reads labels).
/// <code>
/// dotnet Safeguard.Bench.dll evaluate --pairs P.csv [--candidates C.csv] --febrl FILE [FILE2]
/// dotnet Safeguard.Bench.dll evaluate --pairs P.csv [--candidates C.csv] --truth truth.csv
/// </code>
/// FEBRL truth comes from the record ids (rec-N-org and rec-N-dup-k are one entity; with two files, only
/// pairs across them count); generated truth from truth.csv (id,person_id). Prints one line of figures.
/// </summary>
public static partial class Evaluate
{
    public static int Run(string[] args)
    {
        string? pairs = null, candidates = null, truth = null;
        var febrl = new List<string>();
        for (var i = 0; i < args.Length; i++)
        {
            switch (args[i])
            {
                case "--pairs":
                    pairs = args[++i];
                    break;
                case "--candidates":
                    candidates = args[++i];
                    break;
                case "--truth":
                    truth = args[++i];
                    break;
                case "--febrl":
                    while (i + 1 < args.Length && !args[i + 1].StartsWith("--", StringComparison.Ordinal))
                    {
                        febrl.Add(args[++i]);
                    }
                    break;
                default:
                    Console.Error.WriteLine($"evaluate: unknown option {args[i]}");
                    return 2;
            }
        }
        if (pairs is null || (truth is null) == (febrl.Count == 0))
        {
            Console.Error.WriteLine("evaluate --pairs P.csv [--candidates C.csv] (--febrl FILE [FILE2] | --truth truth.csv)");
            return 2;
        }
        var (entityOf, truePairs) = truth is not null ? FromTruthFile(truth) : FromFebrl(febrl);
        var found = ReadPairs(pairs);
        var correct = found.Count(p => SameEntity(entityOf, p));
        var precision = found.Count == 0 ? 0 : (double)correct / found.Count;
        var recall = (double)correct / truePairs;
        var f1 = precision + recall == 0 ? 0 : 2 * precision * recall / (precision + recall);
        var line = string.Create(CultureInfo.InvariantCulture,
            $"pairs={found.Count} true={truePairs} tp={correct} fp={found.Count - correct} fn={truePairs - correct} precision={precision:F4} recall={recall:F4} f1={f1:F4}");
        if (candidates is not null)
        {
            var kept = ReadPairs(candidates).Count(p => SameEntity(entityOf, p));
            line += string.Create(CultureInfo.InvariantCulture, $" pair_completeness={(double)kept / truePairs:F4}");
        }
        Console.WriteLine(line);
        return 0;
    }

    private static bool SameEntity(Dictionary<string, string> entityOf, (string A, string B) pair) =>
        entityOf.TryGetValue(pair.A, out var a) && entityOf.TryGetValue(pair.B, out var b) && a == b;

    // Distinct unordered pairs of ids from a CSV whose first two columns are the ids.
    private static List<(string A, string B)> ReadPairs(string path)
    {
        var seen = new HashSet<(string, string)>();
        foreach (var row in new CsvReader(new StreamReader(path)).ReadRows().Skip(1))
        {
            var (a, b) = (row.Fields[0], row.Fields[1]);
            seen.Add(string.CompareOrdinal(a, b) <= 0 ? (a, b) : (b, a));
        }
        return [.. seen];
    }

    private static (Dictionary<string, string>, long) FromTruthFile(string path)
    {
        var entityOf = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var row in new CsvReader(new StreamReader(path)).ReadRows().Skip(1))
        {
            entityOf[row.Fields[0]] = row.Fields[1];
        }
        var pairs = entityOf.Values.GroupBy(v => v).Sum(g => (long)g.Count() * (g.Count() - 1) / 2);
        return (entityOf, pairs);
    }

    // With one file: all pairs sharing an entity number. With two: the pairs across them (one-to-one in FEBRL4),
    // so entities are tagged by file and the pair count is the entities the two files share.
    private static (Dictionary<string, string>, long) FromFebrl(List<string> files)
    {
        var entityOf = new Dictionary<string, string>(StringComparer.Ordinal);
        var perFile = files.Select(file => new CsvReader(new StreamReader(file)).ReadRows().Skip(1)
            .Select(r => r.Fields[0]).ToList()).ToList();
        foreach (var id in perFile.SelectMany(ids => ids))
        {
            entityOf[id] = EntityNumber().Match(id).Groups[1].Value;
        }
        if (files.Count == 1)
        {
            return (entityOf, perFile[0].GroupBy(id => entityOf[id]).Sum(g => (long)g.Count() * (g.Count() - 1) / 2));
        }
        var left = perFile[0].GroupBy(id => entityOf[id]).ToDictionary(g => g.Key, g => (long)g.Count());
        var across = perFile[1].GroupBy(id => entityOf[id]).Sum(g => left.GetValueOrDefault(g.Key) * g.Count());
        return (entityOf, across);
    }

    [GeneratedRegex(@"^rec-(\d+)-")]
    private static partial Regex EntityNumber();
}
