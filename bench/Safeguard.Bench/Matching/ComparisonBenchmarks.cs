using BenchmarkDotNet.Attributes;
using Safeguard.Core.Matching;
using Safeguard.Core.Matching.Synthetic;

namespace Safeguard.Bench.Matching;

/// <summary>
/// The inner loops of linkage: string comparators, the phonetic code, one full comparison of two prepared
/// records, and scoring. Run: dotnet run -c Release --project bench/Safeguard.Bench -- --filter '*Matching*'
/// </summary>
[MemoryDiagnoser]
public class ComparisonBenchmarks
{
    private PreparedRecord[] _records = [];
    private MatchModel _model = null!;
    private int _next;

    [GlobalSetup]
    public void Setup()
    {
        var generated = new PersonGenerator(1).Generate(5_000).Select(g => g.Record).ToList();
        var result = Linker.Deduplicate(generated, new LinkageOptions { RandomPairs = 100_000 });
        _model = result.Model;
        _records = [.. generated.Select(_model.Prepare)];
    }

    [Benchmark]
    public double JaroWinkler() => StringSimilarity.JaroWinkler("katherine", "kathryn");

    [Benchmark]
    public int DamerauLevenshtein() => StringSimilarity.DamerauLevenshtein("chowdhury", "choudhury");

    [Benchmark]
    public (string, string) DoubleMetaphone() => Core.Matching.DoubleMetaphone.Encode("Chowdhury");

    // Two records drawn in turn from the set: a mix of strangers, siblings and the same person, as in blocking.
    [Benchmark]
    public double CompareAndWeigh()
    {
        var a = _records[_next % _records.Length];
        var b = _records[(_next * 7 + 1) % _records.Length];
        _next++;
        return Matcher.Weight(a, b, _model);
    }

    [Benchmark]
    public MatchScore ScoreWithExplanation() => Matcher.Score(_records[0], _records[1], _model);
}
