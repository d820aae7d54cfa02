using System.Globalization;
using Safeguard.Core.Matching;
using Safeguard.Web.Cli;

namespace Safeguard.Bench.Matching;

/// <summary>
/// Where a linkage run's errors are, for docs/benchmarks/matching.md: true pairs lost in blocking or lost in
/// scoring, false matches by kind, each with what the two records disagree on, and F1 at other thresholds.
/// <code>
/// dotnet Safeguard.Bench.dll analyse --persons persons.csv --truth truth.csv --candidates C.csv --model M.json [--threshold P] [--examples N]
/// </code>
/// C.csv and M.json are the link command's --candidates and --model-out files.
/// </summary>
public static class Analyse
{
    public static int Run(string[] args)
    {
        var options = new Dictionary<string, string>(StringComparer.Ordinal);
        for (var i = 0; i + 1 < args.Length; i += 2)
        {
            options[args[i]] = args[i + 1];
        }
        string? Option(string name) => options.GetValueOrDefault(name);
        var examples = int.Parse(Option("--examples") ?? "0", CultureInfo.InvariantCulture);
        if (Option("--persons") is not { } persons || Option("--truth") is not { } truth
            || Option("--candidates") is not { } candidates || Option("--model") is not { } modelFile)
        {
            Console.Error.WriteLine("analyse --persons P.csv --truth T.csv --candidates C.csv --model M.json [--threshold P] [--examples N]");
            return 2;
        }

        var model = MatchModel.FromJson(File.ReadAllText(modelFile));
        var threshold = Option("--threshold") is { } given ? double.Parse(given, CultureInfo.InvariantCulture) : model.Thresholds.Match;
        var records = PersonCsv.Read(new StreamReader(persons), persons, new Dictionary<string, string>()).Records
            .ToDictionary(r => r.Id, model.Prepare, StringComparer.Ordinal);
        var personOf = ReadRows(truth).ToDictionary(r => r[0], r => r[1], StringComparer.Ordinal);
        var scored = new Dictionary<(string, string), double>();
        foreach (var row in ReadRows(candidates))
        {
            scored[Ordered(row[0], row[1])] = double.Parse(row[2], CultureInfo.InvariantCulture);
        }
        var truePairs = personOf.GroupBy(p => p.Value)
            .SelectMany(g => g.Select(p => p.Key).Order(StringComparer.Ordinal).ToArray() is var ids
                ? ids.SelectMany((a, i) => ids.Skip(i + 1).Select(b => (a, b)))
                : [])
            .ToList();

        var lostInBlocking = new Tally();
        var lostInScoring = new Tally();
        foreach (var pair in truePairs)
        {
            if (!scored.TryGetValue(pair, out var probability))
            {
                lostInBlocking.Add(Signature(records[pair.a], records[pair.b], model), pair, probability);
            }
            else if (probability < threshold)
            {
                lostInScoring.Add(Signature(records[pair.a], records[pair.b], model), pair, probability);
            }
        }
        var falseMatches = new Tally();
        foreach (var (pair, probability) in scored)
        {
            if (probability >= threshold && personOf[pair.Item1] != personOf[pair.Item2])
            {
                falseMatches.Add(FalseMatchKind(records[pair.Item1], records[pair.Item2], model), pair, probability);
            }
        }

        var truePositives = truePairs.Count - lostInBlocking.Total - lostInScoring.Total;
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"true pairs {truePairs.Count}; found {truePositives}; lost in blocking {lostInBlocking.Total}; lost in scoring {lostInScoring.Total}; false matches {falseMatches.Total} (threshold {threshold})"));
        lostInBlocking.Print("lost in blocking (what the two records disagree on)", records, examples);
        lostInScoring.Print("lost in scoring (what the two records disagree on)", records, examples);
        falseMatches.Print("false matches (kind)", records, examples);
        falseMatches.PrintGroups("false matches by group");

        Console.WriteLine("F1 at other thresholds (choose one on a held-out seed, never on the data you report):");
        var sorted = scored.Select(p => (p.Value, Same: personOf[p.Key.Item1] == personOf[p.Key.Item2])).ToArray();
        foreach (var t in new[] { 0.5, 0.6, 0.7, 0.75, 0.8, 0.85, 0.9, 0.93, 0.95, 0.97, 0.99, 0.999 })
        {
            var found = sorted.Where(s => s.Value >= t).ToArray();
            var tp = found.Count(s => s.Same);
            double p = found.Length == 0 ? 0 : (double)tp / found.Length, r = (double)tp / truePairs.Count;
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"  {t,-6} precision {p:F4} recall {r:F4} F1 {2 * p * r / (p + r):F4}"));
        }
        return 0;
    }

    private static (string, string) Ordered(string a, string b) => string.CompareOrdinal(a, b) <= 0 ? (a, b) : (b, a);

    private static IEnumerable<IReadOnlyList<string>> ReadRows(string path) =>
        new CsvReader(new StreamReader(path)).ReadRows().Skip(1).Select(r => r.Fields);

    // What a true pair disagrees on: every comparison whose level weighs against the match, by level name.
    private static string Signature(PreparedRecord a, PreparedRecord b, MatchModel model)
    {
        var score = Matcher.Score(a, b, model);
        var against = score.Fields.Where(f => f.Weight < 0 && f.Field is not "sex" and not "middle_names")
            .Select(f => f.Field == Matcher.HouseholdField ? "household term" : $"{f.Field}: {f.Level}");
        var missing = score.Fields.Where(f => f.Field == "date_of_birth" && f.Level == Matcher.MissingLevel).Select(_ => "date_of_birth: missing");
        var text = string.Join("; ", against.Concat(missing));
        return text.Length == 0 ? "(nothing against)" : text;
    }

    // A false match by what the two people have in common.
    private static string FalseMatchKind(PreparedRecord a, PreparedRecord b, MatchModel model)
    {
        var score = Matcher.Score(a, b, model);
        string Level(string field) => score.Fields.First(f => f.Field == field).Level;
        var household = score.Fields.FirstOrDefault(f => f.Field == Matcher.HouseholdField);
        var sameFamily = Level("family_name") == "exact";
        var samePlace = Level("location") is "same address" or "same postcode, similar address" or "same postcode";
        var kind = household is not null ? $"household cell: {household.Level}"
            : sameFamily && samePlace ? "same family name and place (not in a cell)"
            : samePlace ? "same place, family name differs"
            : "different places";
        return $"{kind} | given {Level("given_name")}, family {Level("family_name")}, dob {Level("date_of_birth")}, location {Level("location")}, nhs {Level("nhs_number")}";
    }

    private sealed class Tally
    {
        private readonly Dictionary<string, List<((string A, string B) Pair, double Probability)>> _byKind = new(StringComparer.Ordinal);

        public int Total { get; private set; }

        public void Add(string kind, (string, string) pair, double probability)
        {
            if (!_byKind.TryGetValue(kind, out var list))
            {
                _byKind[kind] = list = [];
            }
            list.Add((pair, probability));
            Total++;
        }

        public void Print(string title, Dictionary<string, PreparedRecord> records, int examples)
        {
            Console.WriteLine($"{title}: {Total}");
            foreach (var (kind, list) in _byKind.OrderByDescending(k => k.Value.Count).Take(25))
            {
                Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"  {list.Count,6}  {kind}"));
                foreach (var (pair, probability) in list.Take(examples))
                {
                    Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"          p={probability:F4} {Describe(records[pair.A])}  ~  {Describe(records[pair.B])}"));
                }
            }
        }

        // Totals of the kinds sharing the part before " | " (all of them, not only the 25 largest kinds).
        public void PrintGroups(string title)
        {
            Console.WriteLine($"{title}:");
            foreach (var group in _byKind.GroupBy(k => k.Key.Split(" | ")[0], StringComparer.Ordinal).OrderByDescending(g => g.Sum(k => k.Value.Count)))
            {
                Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"  {group.Sum(k => k.Value.Count),6}  {group.Key}"));
            }
        }

        private static string Describe(PreparedRecord r)
        {
            var s = r.Source;
            return $"[{s.Id} {s.GivenName} {s.MiddleNames} {s.FamilyName} {s.DateOfBirth:yyyy-MM-dd} {s.Sex} nhs={s.NhsNumber} {s.Address} {s.Postcode} {s.Phone} {s.Email}]";
        }
    }
}
