using System.Diagnostics;
using System.Globalization;
using Safeguard.Core.Matching;

namespace Safeguard.Web.Cli;

/// <summary>
/// `./safeguard link --input FILE [--input FILE2] --out PAIRS.csv [--threshold P] [--map COLUMN=FIELD ...]`
/// One input: the same person twice within it. Two inputs: the same person across them. The model is
/// estimated from the input itself; labels are never read.
/// </summary>
public static class LinkCommand
{
    public const string Usage = """
        Usage: ./safeguard link --input FILE [--input FILE2] --out PAIRS.csv [options]

          --input FILE          CSV with a header (once: find duplicates within it; twice: link across the two)
          --out FILE            pairs judged the same person: id_1,id_2,match_probability,match_weight
          --threshold P         output pairs with match probability >= P (default: the engine's own threshold)
          --map COLUMN=FIELD    read COLUMN as FIELD (or 'ignore'); repeatable, several may follow one --map
          --strict              fail on the first bad row or value instead of reporting it and going on
          --names FILE          name-variant table to use instead of the built-in one (one family per line,
                                names separated by commas, the usual form first; '#' starts a comment)
          --model-out FILE      save the estimated model as JSON (for scoring new records with the same parameters)
          --candidates FILE     also write every candidate pair blocking proposed, with its score
          --quiet               no progress on stderr (problems are still reported)

        Fields: id (required), given_name, middle_names, family_name, date_of_birth (yyyy-mm-dd, yyyymmdd or
        dd/mm/yyyy), sex, nhs_number, identifier, address (several columns may map to it), postcode, phone, email.
        FEBRL's columns (rec_id, surname, soc_sec_id, street_number, address_1, address_2, suburb, state) are
        recognised without --map.
        """;

    // Problems are listed one per line up to this many per file; the rest are counted.
    private const int ProblemsListed = 50;

    private sealed record Arguments(List<string> Inputs, string Out, double? Threshold, Dictionary<string, string> Map, bool Strict, string? ModelOut, string? CandidatesOut, string? Names, bool Quiet);

    public static int Run(string[] args, TextWriter stdout, TextWriter stderr)
    {
        ArgumentNullException.ThrowIfNull(args);
        ArgumentNullException.ThrowIfNull(stdout);
        ArgumentNullException.ThrowIfNull(stderr);
        if (args is ["--help" or "-h"])
        {
            stdout.WriteLine(Usage);
            return CommandLine.Success;
        }
        if (ParseArguments(args, out var error) is not { } arguments)
        {
            stderr.WriteLine(error);
            stderr.WriteLine(Usage);
            return CommandLine.Usage;
        }
        var clock = Stopwatch.StartNew();
        void Progress(string message)
        {
            if (!arguments.Quiet)
            {
                stderr.WriteLine(string.Create(CultureInfo.InvariantCulture, $"[{clock.Elapsed.TotalSeconds,7:F1}s] {message}"));
            }
        }

        var inputs = new List<IReadOnlyList<PersonRecord>>();
        foreach (var input in arguments.Inputs)
        {
            if (!File.Exists(input))
            {
                stderr.WriteLine($"{input}: no such file.");
                return CommandLine.Failure;
            }
            PersonCsv.ReadResult read;
            try
            {
                using var reader = new StreamReader(input);
                read = PersonCsv.Read(reader, input, arguments.Map);
            }
            catch (PersonCsvException e)
            {
                stderr.WriteLine(e.Message);
                return e.Usage ? CommandLine.Usage : CommandLine.Failure;
            }
            foreach (var problem in read.Problems.Take(ProblemsListed))
            {
                stderr.WriteLine(problem);
            }
            if (read.Problems.Count > ProblemsListed)
            {
                stderr.WriteLine($"{input}: ... and {read.Problems.Count - ProblemsListed} more problems.");
            }
            if (arguments.Strict && read.Problems.Count > 0)
            {
                stderr.WriteLine($"{input}: {read.Problems.Count} problem(s); stopping (--strict).");
                return CommandLine.Failure;
            }
            Progress($"read {read.Records.Count:N0} records from {input} ({read.Problems.Count(p => p.RowSkipped):N0} rows skipped, {read.Problems.Count(p => !p.RowSkipped):N0} values treated as missing)");
            inputs.Add(read.Records);
        }

        LinkageResult result;
        var variants = NameVariants.Default;
        if (arguments.Names is not null)
        {
            if (!File.Exists(arguments.Names))
            {
                stderr.WriteLine($"{arguments.Names}: no such file.");
                return CommandLine.Failure;
            }
            variants = NameVariants.Parse(File.ReadAllText(arguments.Names));
        }
        var options = new LinkageOptions { Threshold = arguments.Threshold, KeepCandidates = arguments.CandidatesOut is not null, Variants = variants, Progress = Progress };
        try
        {
            result = inputs.Count == 1 ? Linker.Deduplicate(inputs[0], options) : Linker.Link(inputs[0], inputs[1], options);
        }
        catch (InvalidOperationException e)
        {
            stderr.WriteLine(e.Message);
            return CommandLine.Failure;
        }

        var left = inputs[0];
        var right = inputs.Count == 1 ? inputs[0] : inputs[1];
        WritePairs(arguments.Out, result.Matches.OrderBy(p => p.A).ThenBy(p => p.B), left, right);
        if (arguments.CandidatesOut is not null)
        {
            WritePairs(arguments.CandidatesOut, result.Candidates!, left, right);
        }
        if (arguments.ModelOut is not null)
        {
            File.WriteAllText(arguments.ModelOut, result.Model.ToJson());
        }
        Progress($"wrote {result.Matches.Count:N0} pairs to {arguments.Out}");
        return CommandLine.Success;
    }

    private static void WritePairs(string path, IEnumerable<ScoredPair> pairs, IReadOnlyList<PersonRecord> left, IReadOnlyList<PersonRecord> right)
    {
        using var writer = new StreamWriter(path);
        writer.WriteLine("id_1,id_2,match_probability,match_weight");
        foreach (var pair in pairs)
        {
            writer.Write(CsvReader.Escape(left[pair.A].Id));
            writer.Write(',');
            writer.Write(CsvReader.Escape(right[pair.B].Id));
            writer.Write(',');
            writer.Write(pair.Probability.ToString("0.########", CultureInfo.InvariantCulture));
            writer.Write(',');
            writer.WriteLine(pair.Weight.ToString("0.###", CultureInfo.InvariantCulture));
        }
    }

    private static Arguments? ParseArguments(string[] args, out string error)
    {
        var inputs = new List<string>();
        string? output = null, modelOut = null, candidates = null, names = null;
        double? threshold = null;
        var map = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        bool strict = false, quiet = false;
        for (var i = 0; i < args.Length; i++)
        {
            string? Value()
            {
                return i + 1 < args.Length && !args[i + 1].StartsWith("--", StringComparison.Ordinal) ? args[++i] : null;
            }
            switch (args[i])
            {
                case "--input" or "--out" or "--model-out" or "--candidates" or "--names":
                    var option = args[i];
                    if (Value() is not { } file)
                    {
                        error = $"{option} needs a file.";
                        return null;
                    }
                    if (option == "--input")
                    {
                        inputs.Add(file);
                    }
                    else if (option == "--out")
                    {
                        output = file;
                    }
                    else if (option == "--model-out")
                    {
                        modelOut = file;
                    }
                    else if (option == "--names")
                    {
                        names = file;
                    }
                    else
                    {
                        candidates = file;
                    }
                    break;
                case "--threshold":
                    if (!double.TryParse(Value(), NumberStyles.Float, CultureInfo.InvariantCulture, out var t) || t is <= 0 or > 1)
                    {
                        error = "--threshold needs a probability greater than 0 and at most 1, e.g. 0.9.";
                        return null;
                    }
                    threshold = t;
                    break;
                case "--map":
                    var any = false;
                    while (Value() is { } mapping)
                    {
                        any = true;
                        var parts = mapping.Split('=', 2);
                        if (parts.Length != 2 || parts[0].Trim().Length == 0)
                        {
                            error = $"--map {mapping}: expected COLUMN=FIELD.";
                            return null;
                        }
                        var field = parts[1].Trim().ToLowerInvariant();
                        if (field != PersonCsv.Ignore && !PersonCsv.Fields.Contains(field))
                        {
                            error = $"--map {mapping}: unknown field '{parts[1]}'; fields are {string.Join(", ", PersonCsv.Fields)} or {PersonCsv.Ignore}.";
                            return null;
                        }
                        map[parts[0].Trim()] = field;
                    }
                    if (!any)
                    {
                        error = "--map needs COLUMN=FIELD.";
                        return null;
                    }
                    break;
                case "--strict":
                    strict = true;
                    break;
                case "--quiet":
                    quiet = true;
                    break;
                default:
                    error = $"Unknown option '{args[i]}'.";
                    return null;
            }
        }
        if (inputs.Count is < 1 or > 2)
        {
            error = "Give one --input (find duplicates) or two (link across them).";
            return null;
        }
        if (output is null)
        {
            error = "--out is required.";
            return null;
        }
        error = "";
        return new Arguments(inputs, output, threshold, map, strict, modelOut, candidates, names, quiet);
    }
}
