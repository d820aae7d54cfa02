using System.Globalization;
using System.Text.RegularExpressions;
using Safeguard.Core.Matching;
using Safeguard.Core.Matching.Synthetic;
using Safeguard.Web.Cli;

namespace Safeguard.Web.Tests.Cli;

public sealed class LinkCommandTests : IDisposable
{
    private readonly string _directory = Directory.CreateTempSubdirectory("safeguard-link-").FullName;

    public void Dispose() => Directory.Delete(_directory, recursive: true);

    private string WriteFile(string name, string text)
    {
        var path = Path.Combine(_directory, name);
        File.WriteAllText(path, text);
        return path;
    }

    private (int Exit, string Stdout, string Stderr) Run(params string[] args)
    {
        var stdout = new StringWriter();
        var stderr = new StringWriter();
        var exit = LinkCommand.Run(args, stdout, stderr);
        return (exit, stdout.ToString(), stderr.ToString());
    }

    // The FEBRL data live in shared/ beside the repository (CI clones the repository next to shared/).
    private static string RepositoryRoot()
    {
        var directory = new DirectoryInfo(AppContext.BaseDirectory);
        while (directory is not null && !File.Exists(Path.Combine(directory.FullName, "Safeguard.slnx")))
        {
            directory = directory.Parent;
        }
        return directory?.FullName ?? throw new InvalidOperationException("Safeguard.slnx not found above the test binaries.");
    }

    private static List<string[]> ReadPairs(string path) =>
        [.. File.ReadAllLines(path).Skip(1).Select(line => line.Split(','))];

    private const string Header = "id,given_name,family_name,date_of_birth,postcode,nhs_number";

    // Three records: 1 and 2 are one child, 3 is someone else (lines 2 to 4 of the file).
    private const string Rows = """
        1,Katie,Smith,2011-04-03,S60 1AB,9434765919
        2,Katherine,Smith,03/04/2011,S60 1AB,9434765919
        3,Kwame,Mensah,20150921,M1 1AE,
        """;

    private static readonly string s_good = Csv(Rows);

    // The model is estimated from the input, so every file carries the records of a few hundred generated
    // people after the rows under test: enough for the estimation, and the rows' line numbers stay put.
    private static string Csv(string rows, int seed = 1, Func<int, bool>? keep = null)
    {
        var background = new PersonGenerator(seed).Generate(400)
            .Where((_, i) => keep?.Invoke(i) ?? true)
            .Select(g => string.Join(',', g.Record.Id, g.Record.GivenName, g.Record.FamilyName,
                g.Record.DateOfBirth?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture), g.Record.Postcode, g.Record.NhsNumber));
        return string.Join('\n', [Header, rows.TrimEnd('\n'), .. background]) + "\n";
    }

    [Fact]
    public void Finds_the_same_child_under_a_nickname_and_writes_the_documented_columns()
    {
        var input = WriteFile("in.csv", s_good);
        var output = Path.Combine(_directory, "pairs.csv");
        var (exit, _, stderr) = Run("--input", input, "--out", output, "--quiet");
        Assert.True(exit == CommandLine.Success, stderr);
        Assert.Equal("id_1,id_2,match_probability,match_weight", File.ReadLines(output).First());
        var pair = Assert.Single(ReadPairs(output), p => p[0] is "1" or "2" or "3");
        Assert.Equal(["1", "2"], pair[..2]);
        Assert.InRange(double.Parse(pair[2], CultureInfo.InvariantCulture), MatchThresholds.Default.Match, 1.0);
    }

    [Fact]
    public void Dataset1_of_febrl_is_deduplicated_with_f1_of_at_least_0_99()
    {
        var febrl = Path.Combine(RepositoryRoot(), "..", "shared", "data", "febrl", "dataset1.csv");
        Assert.True(File.Exists(febrl), $"FEBRL data expected beside the repository at {febrl}");
        var output = Path.Combine(_directory, "febrl1.csv");
        var (exit, _, stderr) = Run("--input", febrl, "--out", output, "--quiet");
        Assert.True(exit == CommandLine.Success, stderr);

        // Truth from the record ids: rec-N-org and rec-N-dup-k are one entity.
        static string Entity(string id) => Regex.Match(id, @"^rec-(\d+)-").Groups[1].Value;
        var ids = File.ReadLines(febrl).Skip(1).Select(l => l.Split(',')[0].Trim()).ToList();
        var truePairs = ids.GroupBy(Entity).Sum(g => g.Count() * (g.Count() - 1) / 2);
        var found = ReadPairs(output);
        var correct = found.Count(p => Entity(p[0]) == Entity(p[1]));
        var precision = (double)correct / found.Count;
        var recall = (double)correct / truePairs;
        var f1 = 2 * precision * recall / (precision + recall);
        Assert.Equal(500, truePairs);
        Assert.True(f1 >= 0.99, $"F1 {f1:F4} (precision {precision:F4}, recall {recall:F4})");
    }

    [Fact]
    public void Linking_two_files_puts_the_first_files_id_first_and_never_pairs_within_a_file()
    {
        var left = WriteFile("a.csv", Csv("A1,Ayesha,Choudhury,2010-01-02,BD8 7AA,\nA2,Ayesha,Choudhury,2010-01-02,BD8 7AA,\n", keep: i => i % 2 == 0));
        var right = WriteFile("b.csv", Csv("B1,Aisha,Chaudhry,2010-01-02,BD8 7AA,\nB2,Tomasz,Nowak,2001-12-12,LS6 1AA,\n", keep: i => i % 2 == 1));
        var output = Path.Combine(_directory, "pairs.csv");
        var (exit, _, stderr) = Run("--input", left, "--input", right, "--out", output, "--quiet", "--threshold", "0.5");
        Assert.True(exit == CommandLine.Success, stderr);
        var pairs = ReadPairs(output);
        Assert.Contains(pairs, p => p[0] == "A1" && p[1] == "B1");
        Assert.Contains(pairs, p => p[0] == "A2" && p[1] == "B1");
        // Every pair joins a record of the first file to one of the second: never two of one file.
        var leftIds = File.ReadLines(left).Skip(1).Select(l => l.Split(',')[0]).ToHashSet();
        Assert.All(pairs, p => Assert.True(leftIds.Contains(p[0]) && !leftIds.Contains(p[1])));
    }

    [Fact]
    public void Map_renames_columns_and_joins_several_into_the_address()
    {
        var background = File.ReadLines(WriteFile("bg.csv", s_good)).Skip(4).Select(l => l.Split(','))
            .Select(f => string.Join(',', f[0], f[1], f[2], "", "", "", f[3]));
        var input = WriteFile("in.csv", string.Join('\n', ["ref,first,last,house,street,town,dob", "1,Katie,Smith,12,High Street,Rotherham,2011-04-03", "2,Katherine,Smith,12,High Street,Rotherham,2011-04-03", "3,Kwame,Mensah,3,Mill Lane,Leeds,2015-09-21", .. background]));
        var output = Path.Combine(_directory, "pairs.csv");
        var model = Path.Combine(_directory, "model.json");
        var (exit, _, stderr) = Run("--input", input, "--out", output, "--quiet", "--model-out", model,
            "--map", "ref=id", "first=given_name", "last=family_name", "house=address", "street=address", "town=address", "--map", "dob=date_of_birth");
        Assert.True(exit == CommandLine.Success, stderr);
        Assert.Equal(["1", "2"], Assert.Single(ReadPairs(output), p => p[0] is "1" or "2" or "3")[..2]);
        Assert.NotNull(Safeguard.Core.Matching.MatchModel.FromJson(File.ReadAllText(model)));
    }

    [Fact]
    public void A_partnerships_own_name_table_replaces_the_built_in_one_and_travels_with_the_model()
    {
        var input = WriteFile("in.csv", Csv("1,Siobhan,Quigley,2011-04-03,S60 1AB,\n2,Chevonne,Quigley,2011-04-03,S60 1AB,\n"));
        var names = WriteFile("names.txt", "# local spellings\nsiobhan, chevonne, shivaun\n");
        var output = Path.Combine(_directory, "pairs.csv");
        var model = Path.Combine(_directory, "model.json");
        var (exit, _, stderr) = Run("--input", input, "--out", output, "--quiet", "--names", names, "--model-out", model);
        Assert.True(exit == CommandLine.Success, stderr);
        Assert.Contains(ReadPairs(output), p => p[0] == "1" && p[1] == "2");
        Assert.True(Safeguard.Core.Matching.MatchModel.FromJson(File.ReadAllText(model)).Variants.AreVariants("siobhan", "shivaun"));
    }

    [Fact]
    public void Febrl_columns_are_recognised_without_map()
    {
        // FEBRL's own header and ", " separators, with dataset1's records after the rows under test.
        var febrl = File.ReadAllLines(Path.Combine(RepositoryRoot(), "..", "shared", "data", "febrl", "dataset1.csv"));
        string[] rows =
        [
            "rec-9001-org, florence, ashworth, 12, marigold terrace, , wandin, 3139, vic, 19880512, 9917364",
            "rec-9001-dup-0, florence, ashwort, 12, marigold terrace, , wandin, 3139, vic, 19880512, 9917364",
            "rec-9002-org, percival, okonkwo, 7, saltbush place, , dubbo, 2830, nsw, 19510304, 1203948",
        ];
        var input = WriteFile("febrl.csv", string.Join('\n', [febrl[0], .. rows, .. febrl.Skip(1)]));
        var output = Path.Combine(_directory, "pairs.csv");
        var (exit, _, stderr) = Run("--input", input, "--out", output, "--quiet");
        Assert.True(exit == CommandLine.Success, stderr);
        var ours = ReadPairs(output).Where(p => p.Take(2).Any(id => id.StartsWith("rec-9001-", StringComparison.Ordinal) || id.StartsWith("rec-9002-", StringComparison.Ordinal)));
        Assert.Equal(["rec-9001-org", "rec-9001-dup-0"], Assert.Single(ours)[..2]);
    }

    [Fact]
    public void Malformed_rows_are_reported_by_line_and_the_good_rows_still_linked()
    {
        var input = WriteFile("in.csv", Csv(Rows) + "3b,Kwame,Mensah,20150921,M1 1AE,,extra\n4,\"Unclosed,Smith,2011-04-03,S60 1AB,\n");
        var output = Path.Combine(_directory, "pairs.csv");
        var (exit, _, stderr) = Run("--input", input, "--out", output, "--quiet");
        Assert.Equal(CommandLine.Success, exit);
        var lines = File.ReadAllLines(input).Length;
        Assert.Contains($"{input}:{lines - 1}: 7 fields where the header has 6; row skipped", stderr);
        Assert.Contains($"{input}:{lines}: malformed CSV: a quoted field is not closed before the end of the file; row skipped", stderr);
        Assert.Contains(ReadPairs(output), p => p[0] == "1" && p[1] == "2");
    }

    [Fact]
    public void A_file_without_an_id_column_is_refused_with_the_header_named()
    {
        var input = WriteFile("in.csv", "name,family_name\nKatie,Smith\n");
        var (exit, _, stderr) = Run("--input", input, "--out", Path.Combine(_directory, "p.csv"));
        Assert.Equal(CommandLine.Failure, exit);
        Assert.Contains("no id column (header: name, family_name)", stderr);
    }

    [Fact]
    public void Duplicate_ids_are_reported_with_both_lines_and_the_first_kept()
    {
        var input = WriteFile("in.csv", Csv(Rows + "\n1,Someone,Else,2001-01-01,LS6 1AA,\n"));
        var (exit, _, stderr) = Run("--input", input, "--out", Path.Combine(_directory, "p.csv"), "--quiet");
        Assert.Equal(CommandLine.Success, exit);
        Assert.Contains($"{input}:5: field id: duplicate id '1' (first on line 2); row skipped", stderr);
    }

    [Theory]
    [InlineData("given=forename", "unknown field 'forename'")]
    [InlineData("nonsense", "expected COLUMN=FIELD")]
    public void Unknown_map_targets_are_a_usage_error(string mapping, string message)
    {
        var input = WriteFile("in.csv", s_good);
        var (exit, _, stderr) = Run("--input", input, "--out", Path.Combine(_directory, "p.csv"), "--map", mapping);
        Assert.Equal(CommandLine.Usage, exit);
        Assert.Contains(message, stderr);
    }

    [Fact]
    public void A_map_naming_a_column_the_file_lacks_is_a_usage_error()
    {
        var input = WriteFile("in.csv", s_good);
        var (exit, _, stderr) = Run("--input", input, "--out", Path.Combine(_directory, "p.csv"), "--map", "surname=family_name");
        Assert.Equal(CommandLine.Usage, exit);
        Assert.Contains("--map names column 'surname', which is not in the header", stderr);
    }

    [Fact]
    public void Impossible_dates_and_invalid_nhs_numbers_are_reported_by_line_and_field_and_treated_as_missing()
    {
        var input = WriteFile("in.csv", Csv(Rows + "\n4,Amy,Jones,2011-02-30,S60 1AB,9434765918\n5,Amy,Jones,30-30-30,S60 1AB,\n"));
        var output = Path.Combine(_directory, "p.csv");
        var (exit, _, stderr) = Run("--input", input, "--out", output, "--quiet");
        Assert.Equal(CommandLine.Success, exit);
        Assert.Contains($"{input}:5: field date_of_birth: '2011-02-30' is an impossible date; treated as missing", stderr);
        Assert.Contains($"{input}:5: field nhs_number: '9434765918' is not a valid NHS number", stderr);
        Assert.Contains($"{input}:6: field date_of_birth: '30-30-30' is not a date in yyyy-mm-dd, yyyymmdd or dd/mm/yyyy form", stderr);
        Assert.Contains(ReadPairs(output), p => p[0] == "1" && p[1] == "2");
    }

    [Fact]
    public void Strict_mode_stops_at_a_bad_row_and_writes_nothing()
    {
        var input = WriteFile("in.csv", Csv(Rows + "\n4,Amy,Jones,2011-02-30,S60 1AB,\n"));
        var output = Path.Combine(_directory, "p.csv");
        var (exit, _, stderr) = Run("--input", input, "--out", output, "--strict");
        Assert.Equal(CommandLine.Failure, exit);
        Assert.Contains("stopping (--strict)", stderr);
        Assert.False(File.Exists(output));
    }

    [Theory]
    [InlineData(new string[] { "--out", "p.csv" }, "Give one --input")]
    [InlineData(new string[] { "--input", "a.csv" }, "--out is required")]
    [InlineData(new string[] { "--input", "a.csv", "--out", "p.csv", "--threshold", "2" }, "--threshold needs a probability")]
    [InlineData(new string[] { "--input", "a", "--input", "b", "--input", "c", "--out", "p.csv" }, "Give one --input")]
    [InlineData(new string[] { "--input", "a.csv", "--out", "p.csv", "--frobnicate" }, "Unknown option '--frobnicate'")]
    public void Bad_command_lines_are_usage_errors(string[] args, string message)
    {
        var (exit, _, stderr) = Run(args);
        Assert.Equal(CommandLine.Usage, exit);
        Assert.Contains(message, stderr);
    }

    [Fact]
    public void A_missing_input_file_fails_naming_it()
    {
        var missing = Path.Combine(_directory, "nope.csv");
        var (exit, _, stderr) = Run("--input", missing, "--out", Path.Combine(_directory, "p.csv"));
        Assert.Equal(CommandLine.Failure, exit);
        Assert.Contains($"{missing}: no such file", stderr);
    }
}
