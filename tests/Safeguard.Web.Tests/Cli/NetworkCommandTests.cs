using System.Globalization;
using Safeguard.Web.Cli;

namespace Safeguard.Web.Tests.Cli;

public sealed class NetworkCommandTests : IDisposable
{
    private const string NodesHeader = "id,kind,label,role";
    private const string LinksHeader = "from,to,kind,date";

    private readonly string _dir = Directory.CreateTempSubdirectory("safeguard-network-").FullName;

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    private static readonly string[] s_goodNodes =
    [
        NodesHeader,
        "S1,person,\"Smith, John\",suspect",
        "S2,person,Second suspect,suspect",
        "V1,person,Child A,victim",
        "C1,vehicle,Silver saloon,",
        "T,location,Takeaway,",
    ];

    public static TheoryData<string, string[], string[], string> BadInput => new()
    {
        { "link to unknown id", s_goodNodes, [LinksHeader, "S1,C1,owns,", "S2,X9,owns,"], "LINKS.csv line 3: link to unknown id 'X9'" },
        { "link from unknown id", s_goodNodes, [LinksHeader, "X8,C1,owns,"], "LINKS.csv line 2: link from unknown id 'X8'" },
        { "self-link", s_goodNodes, [LinksHeader, "S1,C1,owns,", "S1,S1,knows,"], "LINKS.csv line 3: self-link: 'S1' is linked to itself" },
        { "duplicate link either way round", s_goodNodes, [LinksHeader, "S1,C1,owns,", "S2,C1,uses,", "C1,S1,owns,"], "LINKS.csv line 4: duplicate link C1–S1 (owns, undated), first on line 2" },
        { "duplicate dated link", s_goodNodes, [LinksHeader, "V1,C1,travelled-in,2025-01-02", "V1,C1,travelled-in,2025-01-02"], "LINKS.csv line 3: duplicate link V1–C1 (travelled-in, 2025-01-02), first on line 2" },
        { "unknown link kind", s_goodNodes, [LinksHeader, "S1,C1,drove,"], "LINKS.csv line 2: unknown link kind 'drove' (expected one of: linked, knows" },
        { "impossible date", s_goodNodes, [LinksHeader, "V1,C1,travelled-in,2025-02-30"], "LINKS.csv line 2: malformed date '2025-02-30' (expected YYYY-MM-DD" },
        { "date in another format", s_goodNodes, [LinksHeader, "V1,C1,travelled-in,31/03/2025"], "LINKS.csv line 2: malformed date '31/03/2025'" },
        { "unknown confidence", s_goodNodes, ["from,to,kind,date,confidence", "V1,C1,travelled-in,,likely"], "LINKS.csv line 2: unknown confidence 'likely'" },
        { "missing link column", s_goodNodes, ["from,to,date", "S1,C1,"], "LINKS.csv line 1: missing column kind" },
        { "short link row", s_goodNodes, [LinksHeader, "S1,C1"], "LINKS.csv line 2: expected 4 fields, found 2" },
        { "unknown node kind", [NodesHeader, "S1,person,A,suspect", "C1,car,Silver saloon,"], [LinksHeader], "NODES.csv line 3: unknown kind 'car' (expected one of: person, vehicle, phone, account, location, event, document)" },
        { "unknown role", [NodesHeader, "S1,person,A,perpetrator"], [LinksHeader], "NODES.csv line 2: unknown role 'perpetrator' (expected one of: victim, suspect, associate, unknown)" },
        { "role for a thing", [NodesHeader, "C1,vehicle,Car,suspect"], [LinksHeader], "NODES.csv line 2: role 'suspect' given for a vehicle; only persons have roles" },
        { "duplicate node id", [NodesHeader, "S1,person,A,suspect", "V1,person,B,victim", "S1,person,C,"], [LinksHeader], "NODES.csv line 4: duplicate id 'S1' (first on line 2)" },
        { "empty id", [NodesHeader, ",person,A,suspect"], [LinksHeader], "NODES.csv line 2: empty id" },
        { "unterminated quote", [NodesHeader, "S1,person,\"Smith, John,suspect"], [LinksHeader], "NODES.csv line 2: malformed quoted field" },
        { "text after a closing quote", [NodesHeader, "S1,person,\"Smith\" John,suspect"], [LinksHeader], "NODES.csv line 2: malformed quoted field" },
        { "unexpected column", ["id,kind,label,role,notes", "S1,person,A,suspect,x"], [LinksHeader], "NODES.csv line 1: unexpected column 'notes'" },
        { "empty nodes file", [], [LinksHeader], "NODES.csv line 1: expected a header row" },
    };

    [Theory]
    [MemberData(nameof(BadInput))]
    public void Bad_input_fails_with_a_message_naming_the_file_and_line(string name, string[] nodes, string[] links, string message)
    {
        Assert.NotEmpty(name);
        foreach (var verb in new[] { "groups", "measures" })
        {
            var (exit, _, stderr) = Run(verb, "--nodes", Write("NODES.csv", nodes), "--links", Write("LINKS.csv", links), "--out", Path.Combine(_dir, "OUT.csv"));

            Assert.Equal(1, exit);
            Assert.Contains(message, stderr, StringComparison.Ordinal);
            Assert.False(File.Exists(Path.Combine(_dir, "OUT.csv")));
        }
    }

    [Fact]
    public void Every_bad_line_is_reported_not_only_the_first()
    {
        var (exit, _, stderr) = RunOn("groups", s_goodNodes, [LinksHeader, "S1,X1,owns,", "S1,C1,owns,", "S1,C1,owns,", "V1,C1,travelled-in,2025-13-01"]);

        Assert.Equal(1, exit);
        Assert.Contains("LINKS.csv line 2:", stderr, StringComparison.Ordinal);
        Assert.Contains("LINKS.csv line 4:", stderr, StringComparison.Ordinal);
        Assert.Contains("LINKS.csv line 5:", stderr, StringComparison.Ordinal);
        Assert.DoesNotContain("line 3:", stderr, StringComparison.Ordinal);
    }

    [Fact]
    public void Missing_file_is_named()
    {
        var (exit, _, stderr) = Run("groups", "--nodes", Path.Combine(_dir, "nope.csv"), "--links", Write("LINKS.csv", [LinksHeader]), "--out", Path.Combine(_dir, "G.csv"));

        Assert.Equal(1, exit);
        Assert.Contains("nope.csv: file not found", stderr, StringComparison.Ordinal);
    }

    public static TheoryData<string[]> UsageErrors => new()
    {
        new[] { "groups", "--nodes", "N.csv", "--links", "L.csv" },
        new[] { "groups", "--nodes", "N.csv", "--links", "L.csv", "--out", "G.csv", "--colour", "red" },
        new[] { "groups", "--nodes", "N.csv", "--links", "L.csv", "--out", "G.csv", "--busy-limit", "lots" },
        new[] { "measures", "--nodes", "N.csv", "--links", "L.csv", "--out", "M.csv", "--pivots", "0" },
        new[] { "measures", "--nodes", "N.csv", "--links", "L.csv", "--out", "M.csv", "--from", "yesterday" },
        new[] { "groups", "--nodes", "N.csv", "--links", "L.csv", "--out", "G.csv", "--kinds", "knows,drove" },
        new[] { "groups", "--nodes" },
        new[] { "draw" },
        Array.Empty<string>(),
    };

    [Theory]
    [MemberData(nameof(UsageErrors))]
    public void Wrong_command_lines_are_usage_errors(string[] args)
    {
        var stdout = new StringWriter();
        var stderr = new StringWriter();

        Assert.Equal(CommandLine.Usage, NetworkCommand.Run(args, stdout, stderr));
        Assert.NotEmpty(stderr.ToString());
    }

    [Fact]
    public void Groups_finds_the_network_and_leaves_the_takeaway_crowd_out()
    {
        // Two suspects share a car a child was driven in; a lone suspect and a crowd of 25 share the takeaway with them.
        string[] nodes = [.. s_goodNodes, "S3,person,Lone,suspect", .. Enumerable.Range(1, 25).Select(i => $"P{i},person,Regular {i},")];
        string[] links =
        [
            LinksHeader, "S1,C1,owns,", "S2,C1,uses,", "V1,C1,travelled-in,2025-03-01",
            "S1,T,seen-at,2025-03-01", "S3,T,seen-at,2025-03-02", "V1,T,seen-at,2025-03-02",
            .. Enumerable.Range(1, 25).Select(i => $"P{i},T,seen-at,2025-03-0{1 + (i % 9)}"),
        ];

        var (exit, stdout, _) = RunOn("groups", nodes, links);

        Assert.Equal(0, exit);
        Assert.Contains("Found 1 suspected groups: 2 suspects and 1 children.", stdout, StringComparison.Ordinal);
        Assert.Equal(["group,id", "1,S1", "1,S2", "1,V1"], File.ReadAllLines(Path.Combine(_dir, "OUT.csv")));
    }

    [Fact]
    public void Date_window_leaves_out_links_outside_it()
    {
        // The only thing tying the child to the suspects is a trip in March; a window in April loses the group.
        string[] links = [LinksHeader, "S1,C1,owns,", "S2,C1,uses,", "V1,C1,travelled-in,2025-03-01"];
        var nodes = Write("NODES.csv", s_goodNodes);
        var linksFile = Write("LINKS.csv", links);
        var output = Path.Combine(_dir, "OUT.csv");

        Assert.Equal(0, Run("groups", "--nodes", nodes, "--links", linksFile, "--out", output, "--from", "2025-03-01", "--to", "2025-03-31").Exit);
        Assert.Equal(4, File.ReadAllLines(output).Length);
        Assert.Equal(0, Run("groups", "--nodes", nodes, "--links", linksFile, "--out", output, "--from", "2025-04-01").Exit);
        Assert.Equal(["group,id"], File.ReadAllLines(output));
    }

    [Fact]
    public void Measures_writes_every_node_with_exact_values_on_a_small_graph()
    {
        // Path A - B - C: B lies on the only path between A and C.
        string[] nodes = [NodesHeader, "A,person,A,", "B,person,B,", "C,phone,C,"];
        string[] links = [LinksHeader, "A,B,knows,", "B,C,uses,"];

        var (exit, stdout, _) = RunOn("measures", nodes, links);

        Assert.Equal(0, exit);
        Assert.Contains("are exact", stdout, StringComparison.Ordinal);
        var rows = File.ReadAllLines(Path.Combine(_dir, "OUT.csv"));
        Assert.Equal("id,degree,betweenness,closeness,eigenvector,core", rows[0]);
        Assert.Equal(4, rows.Length);
        var b = rows[2].Split(',');
        Assert.Equal(["B", "2", "1", "1"], b[..4]);
        // Eigenvector of a 3-path: (1, sqrt 2, 1) / 2.
        Assert.Equal(Math.Sqrt(2) / 2, double.Parse(b[4], CultureInfo.InvariantCulture), 4);
        Assert.Equal("1", b[5]);
        var a = rows[1].Split(',');
        Assert.Equal(["A", "1", "0", "0.75"], a[..4]);
    }

    [Fact]
    public void Generated_town_round_trips_through_the_verbs_and_groups_are_recovered()
    {
        var town = Path.Combine(_dir, "town");
        var output = new StringWriter();
        Assert.Equal(0, GenerateNetworkCommand.Run(["--persons", "6000", "--out", town, "--seed", "11"], output, new StringWriter()));
        Assert.Contains("planted groups", output.ToString(), StringComparison.Ordinal);
        Assert.Equal("group,id", File.ReadLines(Path.Combine(town, "TRUTH.csv")).First());

        var groups = Path.Combine(town, "GROUPS.csv");
        Assert.Equal(0, Run("groups", "--nodes", Path.Combine(town, "NODES.csv"), "--links", Path.Combine(town, "LINKS.csv"), "--out", groups).Exit);
        var (exit, score, _) = Run("score", "--truth", Path.Combine(town, "TRUTH.csv"), "--groups", groups);

        Assert.Equal(0, exit);
        // Recall of planted members at least 0.9: each planted group is linked through shared things by construction.
        var recall = double.Parse(score.Split("recall ")[1][..6], CultureInfo.InvariantCulture);
        Assert.True(recall >= 0.9, score);
        Assert.Contains("Groups:", score, StringComparison.Ordinal);
    }

    [Fact]
    public void Score_reports_bad_group_files_by_line()
    {
        var groups = Write("GROUPS.csv", ["group,id", "1,S1", "2,"]);

        var badHeader = Run("score", "--truth", Write("TRUTH.csv", ["group,person", "1,S1"]), "--groups", groups);
        var badRow = Run("score", "--truth", Write("TRUTH.csv", ["group,id", "1,S1"]), "--groups", groups);

        Assert.Equal(1, badHeader.Exit);
        Assert.Contains("TRUTH.csv line 1: unexpected column 'person'", badHeader.Stderr, StringComparison.Ordinal);
        Assert.Equal(1, badRow.Exit);
        Assert.Contains("GROUPS.csv line 3: empty group or id", badRow.Stderr, StringComparison.Ordinal);
    }

    [Fact]
    public void Generate_needs_persons_and_an_output_directory()
    {
        Assert.Equal(CommandLine.Usage, GenerateNetworkCommand.Run(["--out", _dir], new StringWriter(), new StringWriter()));
        Assert.Equal(CommandLine.Usage, GenerateNetworkCommand.Run(["--persons", "10", "--out", _dir], new StringWriter(), new StringWriter()));
        Assert.Equal(CommandLine.Usage, GenerateNetworkCommand.Run(["--persons", "1000"], new StringWriter(), new StringWriter()));
    }

    private (int Exit, string Stdout, string Stderr) RunOn(string verb, string[] nodes, string[] links) =>
        Run(verb, "--nodes", Write("NODES.csv", nodes), "--links", Write("LINKS.csv", links), "--out", Path.Combine(_dir, "OUT.csv"));

    private static (int Exit, string Stdout, string Stderr) Run(params string[] args)
    {
        var stdout = new StringWriter();
        var stderr = new StringWriter();
        var exit = NetworkCommand.Run(args, stdout, stderr);
        return (exit, stdout.ToString(), stderr.ToString());
    }

    private string Write(string name, string[] lines)
    {
        var path = Path.Combine(_dir, name);
        File.WriteAllLines(path, lines);
        return path;
    }
}
