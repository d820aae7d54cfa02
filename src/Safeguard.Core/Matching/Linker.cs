using System.Collections.Concurrent;
using System.Globalization;

namespace Safeguard.Core.Matching;

public sealed class LinkageOptions
{
    public NameVariants Variants { get; init; } = NameVariants.Default;
    /// <summary>Match probability at or above which a pair is output; null: the model's own choice.</summary>
    public double? Threshold { get; init; }
    /// <summary>Random pairs drawn to estimate u (all pairs are used when there are fewer).</summary>
    public int RandomPairs { get; init; } = 1_000_000;
    /// <summary>Blocks larger than this are compared by a sorted window instead of all pairs.</summary>
    public int MaxBlockSize { get; init; } = 1000;
    /// <summary>The window for oversized blocks: each record meets this many neighbours in name order.</summary>
    public int Window { get; init; } = 20;
    public int Seed { get; init; } = 20_260_101;
    public int MaxDegreeOfParallelism { get; init; } = -1;
    /// <summary>Keep every scored candidate pair in the result (for measuring blocking).</summary>
    public bool KeepCandidates { get; init; }
    /// <summary>Receives one line per step, for long runs.</summary>
    public Action<string>? Progress { get; init; }
}

/// <summary>A scored pair: indices into the input (in linking, <see cref="A"/> into the first input and <see cref="B"/> into the second).</summary>
public readonly record struct ScoredPair(int A, int B, double Weight, double Probability);

public sealed record RuleStatistics(string Rule, long CandidatePairs, int OversizedBlocks);

public sealed record LinkageResult(
    MatchModel Model,
    double Threshold,
    IReadOnlyList<ScoredPair> Matches,
    long CandidatePairs,
    double TotalPairs,
    IReadOnlyList<RuleStatistics> Rules,
    IReadOnlyList<ScoredPair>? Candidates);

/// <summary>
/// Batch linkage in memory: prepare every record once, block by the union of rules, compare the candidate
/// pairs, estimate the model from them (no labels), then score. <see cref="Deduplicate"/> finds the same person
/// twice within one set of records; <see cref="Link"/> finds them across two sets only.
/// </summary>
public static class Linker
{
    public static LinkageResult Deduplicate(IReadOnlyList<PersonRecord> records, LinkageOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(records);
        return Run(records, [], options ?? new LinkageOptions());
    }

    public static LinkageResult Link(IReadOnlyList<PersonRecord> left, IReadOnlyList<PersonRecord> right, LinkageOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(left);
        ArgumentNullException.ThrowIfNull(right);
        return Run(left, right, options ?? new LinkageOptions());
    }

    private static LinkageResult Run(IReadOnlyList<PersonRecord> left, IReadOnlyList<PersonRecord> right, LinkageOptions options)
    {
        var job = new Job(left, right, options);
        return job.Execute();
    }

    private readonly record struct Candidate(int A, int B, ulong Levels);

    private sealed class Job
    {
        private readonly LinkageOptions _options;
        private readonly ParallelOptions _parallel;
        private readonly PreparedRecord[] _records;
        private readonly int _leftCount;
        private readonly bool _linking;
        private readonly double _totalPairs;

        // Blocking keys per rule in compressed rows: record i's keys are Keys[Start[i]..Start[i+1]].
        private readonly int[][] _keyStart;
        private readonly ulong[][] _keys;
        private readonly HashSet<ulong>[] _oversized;
        private readonly ConcurrentDictionary<long, byte> _pairsNeedingCheck = new();

        public Job(IReadOnlyList<PersonRecord> left, IReadOnlyList<PersonRecord> right, LinkageOptions options)
        {
            _options = options;
            _parallel = new ParallelOptions { MaxDegreeOfParallelism = options.MaxDegreeOfParallelism };
            _leftCount = left.Count;
            _linking = right.Count > 0;
            var all = left.Concat(right).ToArray();
            _records = new PreparedRecord[all.Length];
            var codes = new NameCodes();
            Parallel.For(0, all.Length, _parallel, i => _records[i] = new PreparedRecord(all[i], options.Variants, codes));
            double n = all.Length;
            _totalPairs = _linking ? (double)left.Count * right.Count : n * (n - 1) / 2;
            var rules = Blocking.Rules.Count;
            _keyStart = new int[rules][];
            _keys = new ulong[rules][];
            _oversized = new HashSet<ulong>[rules];
            Report($"prepared {all.Length:N0} records");
        }

        public LinkageResult Execute()
        {
            if (_totalPairs < 1)
            {
                throw new InvalidOperationException("Linkage needs at least two records (one on each side when linking).");
            }
            var frequencies = CountFrequencies();
            var (randomCounts, sampledPairs) = SampleRandomPairs();
            BuildKeys();
            var (candidates, ruleStatistics) = GenerateCandidates();
            Report($"{candidates.Length:N0} candidate pairs from blocking ({candidates.Length / _totalPairs:P4} of all {_totalPairs:N0} pairs)");

            var model = Estimate(candidates, randomCounts, sampledPairs, frequencies);
            var threshold = _options.Threshold ?? model.Thresholds.Match;
            var (matches, scored) = Score(candidates, model, threshold);
            Report($"{matches.Length:N0} pairs at match probability >= {threshold.ToString(CultureInfo.InvariantCulture)}");
            return new LinkageResult(model, threshold, matches, candidates.Length, _totalPairs, ruleStatistics, scored);
        }

        private void Report(string message) => _options.Progress?.Invoke(message);

        private TermFrequencies CountFrequencies()
        {
            var given = new Dictionary<string, int>(StringComparer.Ordinal);
            var family = new Dictionary<string, int>(StringComparer.Ordinal);
            var dates = new Dictionary<int, int>();
            foreach (var r in _records)
            {
                Increment(given, r.Given);
                Increment(family, r.FamilyJoined);
                if (r.DateNumber != 0)
                {
                    dates[r.DateNumber] = dates.GetValueOrDefault(r.DateNumber) + 1;
                }
            }
            double n = _records.Length;
            foreach (var r in _records)
            {
                r.GivenFrequency = r.Given is null ? 0 : given[r.Given] / n;
                r.FamilyFrequency = r.FamilyJoined is null ? 0 : family[r.FamilyJoined] / n;
                r.DateFrequency = r.DateNumber == 0 ? 0 : dates[r.DateNumber] / n;
            }
            // The saved table keeps values seen at least twice; any other value gets the minimum, one in n.
            IReadOnlyDictionary<string, double> Table<TKey>(Dictionary<TKey, int> counts, Func<TKey, string> key) where TKey : notnull =>
                counts.Where(p => p.Value >= 2).ToDictionary(p => key(p.Key), p => p.Value / n, StringComparer.Ordinal);
            return new TermFrequencies(1 / n, new Dictionary<string, IReadOnlyDictionary<string, double>>(StringComparer.Ordinal)
            {
                [FrequencyFields.Given] = Table(given, k => k),
                [FrequencyFields.Family] = Table(family, k => k),
                [FrequencyFields.DateOfBirth] = Table(dates, k => k.ToString(CultureInfo.InvariantCulture)),
            });
        }

        private static void Increment(Dictionary<string, int> counts, string? value)
        {
            if (value is not null)
            {
                counts[value] = counts.GetValueOrDefault(value) + 1;
            }
        }

        // Level counts among random pairs (every pair when there are fewer than asked for), and how many pairs that was.
        private (long[][] Counts, double Pairs) SampleRandomPairs()
        {
            var n = _records.Length;
            var exhaustive = _totalPairs <= _options.RandomPairs;
            var totals = NewLevelCounts();
            var sync = new object();
            const int ChunkSize = 1 << 14;
            var chunks = (_options.RandomPairs + ChunkSize - 1) / ChunkSize;
            if (exhaustive)
            {
                Parallel.For(0, _linking ? _leftCount : n, _parallel, NewLevelCounts, (i, _, counts) =>
                {
                    Span<sbyte> levels = stackalloc sbyte[Comparisons.Count];
                    var from = _linking ? _leftCount : i + 1;
                    for (var j = from; j < n; j++)
                    {
                        Count(i, j, levels, counts);
                    }
                    return counts;
                }, counts => Merge(totals, counts, sync));
            }
            else
            {
                Parallel.For(0, chunks, _parallel, NewLevelCounts, (chunk, _, counts) =>
                {
                    Span<sbyte> levels = stackalloc sbyte[Comparisons.Count];
#pragma warning disable CA5394 // Sampling pairs for estimation, not security: a seeded generator makes runs repeatable.
                    var random = new Random(_options.Seed + chunk);
                    for (var k = 0; k < ChunkSize; k++)
                    {
                        int i, j;
                        if (_linking)
                        {
                            i = random.Next(_leftCount);
                            j = random.Next(_leftCount, n);
                        }
                        else
                        {
                            i = random.Next(n);
                            j = random.Next(n - 1);
                            if (j >= i)
                            {
                                j++;
                            }
                        }
#pragma warning restore CA5394
                        Count(i, j, levels, counts);
                    }
                    return counts;
                }, counts => Merge(totals, counts, sync));
            }
            Report($"compared {(exhaustive ? "all" : "random")} pairs to estimate u");
            return (totals, exhaustive ? _totalPairs : (double)chunks * ChunkSize);
        }

        private void Count(int i, int j, Span<sbyte> levels, long[][] counts)
        {
            Comparisons.Compare(_records[i], _records[j], levels);
            for (var c = 0; c < Comparisons.Count; c++)
            {
                if (levels[c] != Comparisons.Missing)
                {
                    counts[c][levels[c]]++;
                }
            }
        }

        private static long[][] NewLevelCounts() => [.. Comparisons.All.Select(d => new long[d.Levels.Count])];

        private static void Merge(long[][] totals, long[][] counts, object sync)
        {
            lock (sync)
            {
                for (var c = 0; c < totals.Length; c++)
                {
                    for (var l = 0; l < totals[c].Length; l++)
                    {
                        totals[c][l] += counts[c][l];
                    }
                }
            }
        }

        private void BuildKeys()
        {
            var n = _records.Length;
            var rules = Blocking.Rules.Count;
            const int ChunkSize = 1 << 14;
            var chunkCount = (n + ChunkSize - 1) / ChunkSize;
            var chunkKeys = new List<ulong>[chunkCount][];
            var perRecord = new int[rules][];
            for (var r = 0; r < rules; r++)
            {
                perRecord[r] = new int[n + 1];
            }
            Parallel.For(0, chunkCount, _parallel, chunk =>
            {
                var lists = new List<ulong>[rules];
                for (var r = 0; r < rules; r++)
                {
                    lists[r] = [];
                }
                var end = Math.Min(n, (chunk + 1) * ChunkSize);
                for (var i = chunk * ChunkSize; i < end; i++)
                {
                    var record = i;
                    var firstOfRecord = lists.Select(l => l.Count).ToArray();
                    Blocking.Keys(_records[i], (rule, key) =>
                    {
                        var hash = StableHash.Of64(key);
                        var list = lists[rule];
                        for (var k = firstOfRecord[rule]; k < list.Count; k++)
                        {
                            if (list[k] == hash)
                            {
                                return;
                            }
                        }
                        list.Add(hash);
                        perRecord[rule][record + 1]++;
                    });
                }
                chunkKeys[chunk] = lists;
            });
            for (var r = 0; r < rules; r++)
            {
                var start = perRecord[r];
                for (var i = 1; i <= n; i++)
                {
                    start[i] += start[i - 1];
                }
                var keys = new ulong[start[n]];
                var offset = 0;
                foreach (var lists in chunkKeys)
                {
                    lists[r].CopyTo(keys, offset);
                    offset += lists[r].Count;
                }
                _keyStart[r] = start;
                _keys[r] = keys;
            }
            Report($"computed blocking keys for {Blocking.Rules.Count} rules");
        }

        private (Candidate[] Candidates, RuleStatistics[] Statistics) GenerateCandidates()
        {
            var all = new List<Candidate[]>();
            var statistics = new RuleStatistics[Blocking.Rules.Count];
            for (var r = 0; r < Blocking.Rules.Count; r++)
            {
                var keys = (ulong[])_keys[r].Clone();
                var owners = new int[keys.Length];
                var start = _keyStart[r];
                for (var i = 0; i < _records.Length; i++)
                {
                    for (var k = start[i]; k < start[i + 1]; k++)
                    {
                        owners[k] = i;
                    }
                }
                Array.Sort(keys, owners);
                var blocks = new List<(int Start, int Length)>();
                _oversized[r] = [];
                for (var s = 0; s < keys.Length;)
                {
                    var e = s + 1;
                    while (e < keys.Length && keys[e] == keys[s])
                    {
                        e++;
                    }
                    if (e - s >= 2)
                    {
                        blocks.Add((s, e - s));
                        if (e - s > _options.MaxBlockSize)
                        {
                            _oversized[r].Add(keys[s]);
                        }
                    }
                    s = e;
                }
                var rule = r;
                var found = new ConcurrentBag<Candidate[]>();
                Parallel.ForEach(Partitioner.Create(0, Math.Max(1, blocks.Count)), _parallel, range =>
                {
                    var local = new List<Candidate>();
                    for (var b = range.Item1; b < Math.Min(range.Item2, blocks.Count); b++)
                    {
                        var (blockStart, length) = blocks[b];
                        var members = owners.AsSpan(blockStart, length);
                        if (length > _options.MaxBlockSize)
                        {
                            WindowPairs(rule, keys[blockStart], members.ToArray(), local);
                        }
                        else
                        {
                            AllPairs(rule, keys[blockStart], members, local);
                        }
                    }
                    found.Add([.. local]);
                });
                var count = found.Sum(f => (long)f.Length);
                all.AddRange(found);
                statistics[r] = new RuleStatistics(Blocking.Rules[r].Name, count, _oversized[r].Count);
                Report($"rule {Blocking.Rules[r].Name}: {count:N0} new candidate pairs, {_oversized[r].Count} oversized blocks");
            }
            var candidates = new Candidate[all.Sum(a => a.Length)];
            var offset = 0;
            foreach (var part in all)
            {
                part.CopyTo(candidates, offset);
                offset += part.Length;
            }
            return (candidates, statistics);
        }

        private void AllPairs(int rule, ulong key, ReadOnlySpan<int> members, List<Candidate> output)
        {
            Span<sbyte> levels = stackalloc sbyte[Comparisons.Count];
            for (var x = 0; x < members.Length; x++)
            {
                for (var y = x + 1; y < members.Length; y++)
                {
                    TryAdd(rule, key, members[x], members[y], windowed: false, levels, output);
                }
            }
        }

        // Sorted neighbourhood inside a block too large to compare fully: order by name and date, compare neighbours.
        private void WindowPairs(int rule, ulong key, int[] members, List<Candidate> output)
        {
            var sortKeys = members.Select(i => $"{_records[i].FamilyJoined}|{_records[i].Given}|{_records[i].DateNumber}").ToArray();
            Array.Sort(sortKeys, members, StringComparer.Ordinal);
            Span<sbyte> levels = stackalloc sbyte[Comparisons.Count];
            for (var x = 0; x < members.Length; x++)
            {
                for (var y = x + 1; y < members.Length && y <= x + _options.Window; y++)
                {
                    TryAdd(rule, key, members[x], members[y], windowed: true, levels, output);
                }
            }
        }

        private void TryAdd(int rule, ulong key, int x, int y, bool windowed, Span<sbyte> levels, List<Candidate> output)
        {
            var (a, b) = x < y ? (x, y) : (y, x);
            if (_linking && (a >= _leftCount || b < _leftCount))
            {
                return;
            }
            var ra = _records[a];
            var rb = _records[b];
            if (!Blocking.Rules[rule].Accepts(ra, rb))
            {
                return;
            }
            // Within this rule, only the first shared ordinary key proposes the pair.
            var (firstOrdinary, sharesOversized) = SharedKeys(rule, a, b);
            if (windowed ? firstOrdinary.HasValue : firstOrdinary != key)
            {
                return;
            }
            var needsCheck = windowed || sharesOversized;
            // An earlier rule that shares an ordinary key with the pair has proposed it already.
            for (var earlier = 0; earlier < rule; earlier++)
            {
                if (!Blocking.Rules[earlier].Accepts(ra, rb))
                {
                    continue;
                }
                var (ordinary, oversized) = SharedKeys(earlier, a, b);
                if (ordinary.HasValue)
                {
                    return;
                }
                needsCheck |= oversized;
            }
            // Pairs met in windows may be met again: those few are remembered to keep each pair once.
            if (needsCheck && !_pairsNeedingCheck.TryAdd(((long)a * _records.Length) + b, 0))
            {
                return;
            }
            Comparisons.Compare(ra, rb, levels);
            output.Add(new Candidate(a, b, Comparisons.Pack(levels)));
        }

        private (ulong? FirstOrdinary, bool SharesOversized) SharedKeys(int rule, int a, int b)
        {
            var keys = _keys[rule];
            var start = _keyStart[rule];
            var sharesOversized = false;
            for (var i = start[a]; i < start[a + 1]; i++)
            {
                for (var j = start[b]; j < start[b + 1]; j++)
                {
                    if (keys[i] == keys[j])
                    {
                        if (!_oversized[rule].Contains(keys[i]))
                        {
                            return (keys[i], sharesOversized);
                        }
                        sharesOversized = true;
                    }
                }
            }
            return (null, sharesOversized);
        }

        // The location levels that need the same postcode (or the same address where a postcode is missing).
        private static readonly int[] s_placeLevels = [0, 1, 3];

        // EM sessions look at up to this many candidate pairs (an even sample of them).
        private const int TrainingPairs = 2_000_000;

        private MatchModel Estimate(Candidate[] candidates, long[][] sampledCounts, double sampledPairs, TermFrequencies frequencies)
        {
            var all = new Dictionary<ulong, long>();
            foreach (var candidate in candidates)
            {
                all[candidate.Levels] = all.GetValueOrDefault(candidate.Levels) + 1;
            }
            // Levels at one place are counted over every pair and scaled to the random sample's size.
            var (placeLevels, householdCells) = CountPairsAtOnePlace();
            var randomCounts = sampledCounts.Select(row => row.Select(count => (double)count).ToArray()).ToArray();
            foreach (var level in s_placeLevels)
            {
                randomCounts[Comparisons.Location][level] = placeLevels[level] * sampledPairs / _totalPairs;
            }
            var initialM = ModelEstimator.InitialM();
            var u = ModelEstimator.UFromRandomPairs(randomCounts, initialM, 0);
            var m = EstimateMBySessions(candidates, initialM, u);
            // Then the prior over every pair, and u less the matches among the random pairs, in turn.
            var prior = Math.Clamp(0.1 * candidates.Length / _totalPairs, 1e-15, 0.1);
            for (var round = 0; round < 3; round++)
            {
                var em = ModelEstimator.ExpectationMaximisation(all, m, u, prior, _totalPairs, new ModelEstimator.EmSettings(EstimateM: false));
                prior = em.Prior;
                u = ModelEstimator.UFromRandomPairs(randomCounts, m, prior);
            }
            Report($"prior {prior:G3}: about {prior * _totalPairs:N0} pairs of records are the same person");
            var household = HouseholdAdjustments(m, u, prior, householdCells);
            Report(string.Create(CultureInfo.InvariantCulture, $"household adjustments: siblings {household.Siblings:F1} bits, twins {household.Twins:F1}, namesakes {household.Namesakes:F1}"));
            var comparisons = Comparisons.All.Select((d, c) => new ComparisonParameters(
                d.Name,
                [.. d.Levels.Select((name, l) => new LevelParameters(name, m[c][l], u[c][l]))])).ToArray();
            return new MatchModel(prior, comparisons, frequencies, MatchThresholds.Default, _options.Variants, household);
        }

        // Interaction terms for the household cells (HouseholdCell): log2(product of the fields' u / the cell's
        // u), where the cell's u counts its pairs exactly, less the matches the model expects in it.
        private HouseholdAdjustments HouseholdAdjustments(double[][] m, double[][] u, double prior, double[] counts)
        {
            var expectedMatches = prior * _totalPairs;
            double Sum(double[] row, int from, int to) => row[from..(to + 1)].Sum();
            double Household(double[][] p) => Sum(p[Comparisons.FamilyName], 0, 3) * s_placeLevels.Sum(l => p[Comparisons.Location][l]);
            double Adjustment(HouseholdCell cell, Func<double[][], double> fields)
            {
                var uCell = Math.Max(counts[(int)cell] - (expectedMatches * fields(m)), 0.5) / _totalPairs;
                return Math.Min(0, Math.Log2(fields(u) / uCell));
            }
            return new HouseholdAdjustments(
                Siblings: Adjustment(HouseholdCell.Siblings, p => Household(p) * Sum(p[Comparisons.GivenName], Matching.HouseholdAdjustments.GivenNotAlike, 8) * (1 - p[Comparisons.DateOfBirth][0])),
                Twins: Adjustment(HouseholdCell.Twins, p => Household(p) * Sum(p[Comparisons.GivenName], Matching.HouseholdAdjustments.GivenNotAlike, 8) * p[Comparisons.DateOfBirth][0]),
                Namesakes: Adjustment(HouseholdCell.Namesakes, p => Household(p) * Sum(p[Comparisons.GivenName], 0, Matching.HouseholdAdjustments.GivenNotAlike - 1) * p[Comparisons.DateOfBirth][(int)DateAgreement.Different]));
        }

        // The location levels that need one postcode (same address, same postcode and similar address, same
        // postcode) and the household cells, counted over every pair of records at one place: those sharing a
        // postcode, and those sharing an address where a postcode is missing. At a million records these
        // levels are too rare for a million random pairs to measure (none of them may share an address), and
        // guessing their u from half a pair overstated the address by several bits; places are small, so
        // counting their pairs exactly is cheap. A place too big to count in full is sampled.
        private (double[] LocationLevels, double[] Cells) CountPairsAtOnePlace()
        {
            var byPostcode = new Dictionary<string, List<int>>(StringComparer.Ordinal);
            var byAddress = new Dictionary<string, List<int>>(StringComparer.Ordinal);
            for (var i = 0; i < _records.Length; i++)
            {
                var r = _records[i];
                if (r.Postcode is { } postcode)
                {
                    Add(byPostcode, postcode.Full, i);
                }
                if (r.Address is not null)
                {
                    Add(byAddress, r.Address, i);
                }
            }
            var locationLevels = new double[Comparisons.All[Comparisons.Location].Levels.Count];
            var cells = new double[Enum.GetValues<HouseholdCell>().Length];
            var sync = new object();
            void CountGroups(IEnumerable<List<int>> groups, bool onlyWithoutPostcode)
            {
                Parallel.ForEach(groups.Where(g => g.Count >= 2), _parallel, () => (new double[locationLevels.Length], new double[cells.Length]), (members, _, local) =>
                {
                    Span<sbyte> levels = stackalloc sbyte[Comparisons.Count];
                    foreach (var (a, b, weight) in PairsOf(members))
                    {
                        if (onlyWithoutPostcode && _records[a].Postcode is not null && _records[b].Postcode is not null)
                        {
                            continue; // counted with its postcode
                        }
                        Comparisons.Compare(_records[a], _records[b], levels);
                        if (levels[Comparisons.Location] != Comparisons.Missing)
                        {
                            local.Item1[levels[Comparisons.Location]] += weight;
                        }
                        local.Item2[(int)Matching.HouseholdAdjustments.CellOf(levels)] += weight;
                    }
                    return local;
                }, local =>
                {
                    lock (sync)
                    {
                        for (var l = 0; l < locationLevels.Length; l++)
                        {
                            locationLevels[l] += local.Item1[l];
                        }
                        for (var c = 0; c < cells.Length; c++)
                        {
                            cells[c] += local.Item2[c];
                        }
                    }
                });
            }
            CountGroups(byPostcode.Values, onlyWithoutPostcode: false);
            CountGroups(byAddress.Values, onlyWithoutPostcode: true);
            Report(string.Create(CultureInfo.InvariantCulture, $"counted the pairs at one place: {locationLevels[0] + locationLevels[1] + locationLevels[3]:N0}"));
            return (locationLevels, cells);

            static void Add(Dictionary<string, List<int>> groups, string key, int record)
            {
                if (!groups.TryGetValue(key, out var list))
                {
                    groups[key] = list = [];
                }
                list.Add(record);
            }
        }

        // Places larger than this are sampled: so many pairs of each member.
        private const int PlaceSample = 2000;

        // The pairs of a group of records (across the inputs when linking), each with the number of pairs it
        // stands for: all of them in a small group, a seeded sample in a large one.
        private IEnumerable<(int A, int B, double Weight)> PairsOf(List<int> members)
        {
            var left = _linking ? members.Where(i => i < _leftCount).ToArray() : [.. members];
            var right = _linking ? members.Where(i => i >= _leftCount).ToArray() : left;
            double pairs = _linking ? (double)left.Length * right.Length : (double)left.Length * (left.Length - 1) / 2;
            if (pairs == 0)
            {
                yield break;
            }
            if (members.Count <= PlaceSample)
            {
                for (var x = 0; x < left.Length; x++)
                {
                    for (var y = _linking ? 0 : x + 1; y < right.Length; y++)
                    {
                        yield return (left[x], right[y], 1);
                    }
                }
                yield break;
            }
            var draws = members.Count * PlaceSample;
#pragma warning disable CA5394 // Sampling pairs for estimation, not security: a seeded generator makes runs repeatable.
            var random = new Random(_options.Seed ^ members[0]);
            for (var k = 0; k < draws; k++)
            {
                var a = left[random.Next(left.Length)];
                var b = right[random.Next(right.Length)];
#pragma warning restore CA5394
                if (a != b)
                {
                    yield return (a, b, pairs / draws);
                }
            }
        }

        // m from one EM session per blocking rule, over the pairs the rule proposes, without the rule's own fields;
        // each comparison's m is the average over the sessions that saw it, weighted by their expected matches.
        private double[][] EstimateMBySessions(Candidate[] candidates, double[][] initialM, double[][] u)
        {
            var rules = Blocking.Rules.Count;
            // An even sample, chosen by the pair itself so that it does not depend on the order threads found them.
            var step = (ulong)Math.Max(1, candidates.Length / TrainingPairs);
            var sessions = new Dictionary<ulong, long>[rules];
            for (var r = 0; r < rules; r++)
            {
                sessions[r] = [];
            }
            var sync = new object();
            Parallel.ForEach(Partitioner.Create(0, Math.Max(1, candidates.Length)), _parallel, range =>
            {
                var local = Enumerable.Range(0, rules).Select(_ => new Dictionary<ulong, long>()).ToArray();
                for (var k = range.Item1; k < Math.Min(range.Item2, candidates.Length); k++)
                {
                    var c = candidates[k];
                    if (step > 1 && (((ulong)c.A * 0x9E3779B97F4A7C15UL) ^ (ulong)c.B) * 0xBF58476D1CE4E5B9UL % step != 0)
                    {
                        continue;
                    }
                    for (var r = 0; r < rules; r++)
                    {
                        var (ordinary, oversized) = SharedKeys(r, c.A, c.B);
                        if ((ordinary.HasValue || oversized) && Blocking.Rules[r].Accepts(_records[c.A], _records[c.B]))
                        {
                            local[r][c.Levels] = local[r].GetValueOrDefault(c.Levels) + 1;
                        }
                    }
                }
                lock (sync)
                {
                    for (var r = 0; r < rules; r++)
                    {
                        foreach (var (levels, count) in local[r])
                        {
                            sessions[r][levels] = sessions[r].GetValueOrDefault(levels) + count;
                        }
                    }
                }
            });

            var sums = initialM.Select(row => new double[row.Length]).ToArray();
            var weights = new double[Comparisons.Count];
            for (var r = 0; r < rules; r++)
            {
                var pairs = sessions[r].Values.Sum();
                if (pairs < 50)
                {
                    continue;
                }
                var include = Enumerable.Range(0, Comparisons.Count).Select(c => !Blocking.Rules[r].BlockedComparisons.Contains(c)).ToArray();
                var em = ModelEstimator.ExpectationMaximisation(sessions[r], initialM, u, 0.3, pairs, new ModelEstimator.EmSettings(EstimateU: true, Include: include));
                // A session whose "same person" class agrees less than its other class has settled on the wrong split.
                var separation = Enumerable.Range(0, Comparisons.Count).Where(c => include[c]).Sum(c => em.M[c][0] - em.U[c][0]);
                Report($"EM session {Blocking.Rules[r].Name}: {pairs:N0} pairs, {em.Iterations} iterations{(em.Converged ? "" : " (not converged)")}, {em.ExpectedMatches:N0} expected matches{(separation > 0 ? "" : "; discarded (classes not separated)")}");
                if (separation <= 0)
                {
                    continue;
                }
                for (var c = 0; c < Comparisons.Count; c++)
                {
                    if (!include[c])
                    {
                        continue;
                    }
                    for (var l = 0; l < sums[c].Length; l++)
                    {
                        sums[c][l] += em.M[c][l] * em.ExpectedMatches;
                    }
                    weights[c] += em.ExpectedMatches;
                }
            }
            return [.. Enumerable.Range(0, Comparisons.Count).Select(c => weights[c] > 0 ? sums[c].Select(x => x / weights[c]).ToArray() : initialM[c])];
        }

        // The pairs at or above the threshold; every scored candidate too when the options ask to keep them.
        private (ScoredPair[] Matches, ScoredPair[]? All) Score(Candidate[] candidates, MatchModel model, double threshold)
        {
            var all = _options.KeepCandidates ? new ScoredPair[candidates.Length] : null;
            var offset = _linking ? _leftCount : 0;
            var found = new ConcurrentBag<List<ScoredPair>>();
            Parallel.ForEach(Partitioner.Create(0, Math.Max(1, candidates.Length)), _parallel, range =>
            {
                var local = new List<ScoredPair>();
                for (var i = range.Item1; i < Math.Min(range.Item2, candidates.Length); i++)
                {
                    var c = candidates[i];
                    var weight = Matcher.Weight(c.Levels, _records[c.A], _records[c.B], model);
                    var pair = new ScoredPair(c.A, c.B - offset, weight, Matcher.Probability(weight));
                    all?[i] = pair;
                    if (pair.Probability >= threshold)
                    {
                        local.Add(pair);
                    }
                }
                found.Add(local);
            });
            Report("scored the candidate pairs");
            return ([.. found.SelectMany(l => l)], all);
        }
    }
}
