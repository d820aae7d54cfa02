using System.Diagnostics;
using System.Globalization;
using System.Numerics;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;
using NpgsqlTypes;
using Safeguard.Core.Network;
using Safeguard.Web;
using Safeguard.Web.Data;
using Safeguard.Web.Data.Model;
using Safeguard.Web.Features.Intelligence;

namespace Safeguard.Bench.Intelligence;

/// <summary>
/// The application's two-hop neighbourhood query at scale: loads a generated town (`./safeguard generate network`)
/// into the POLE tables of a real PostgreSQL with binary COPY (persons as Person rows with their roles, objects,
/// locations, events, links), then times random two-hop queries through <see cref="PoleGraph.TwoHopsAsync"/>,
/// the code behind a person's chart, each in its own scope and DbContext as a request would be. Run by
/// bench/intelligence.sh, which starts PostgreSQL and generates the town.
/// </summary>
public static class IntelligenceScenario
{
    private static readonly DateTimeOffset s_recorded = new(2026, 1, 1, 0, 0, 0, TimeSpan.Zero);

    public static async Task<int> RunAsync(string[] args)
    {
        var connection = Arg(args, "--connection") ?? throw new ArgumentException("--connection is required");
        var directory = Arg(args, "--town") ?? throw new ArgumentException("--town DIR (with NODES.csv and LINKS.csv) is required");
        var queries = int.Parse(Arg(args, "--queries") ?? "2000", CultureInfo.InvariantCulture);
        var warmUp = int.Parse(Arg(args, "--warm-up") ?? "200", CultureInfo.InvariantCulture);
        var seed = int.Parse(Arg(args, "--seed") ?? "1", CultureInfo.InvariantCulture);
        var settings = new Dictionary<string, string?>
        {
            ["Database:Provider"] = "Postgres",
            ["ConnectionStrings:Safeguard"] = connection,
            ["Safeguard:DataDirectory"] = Path.Combine(Path.GetTempPath(), "safeguard-bench-" + Guid.NewGuid().ToString("N")),
            ["Ledger:CheckpointInterval"] = "0",
            ["Logging:LogLevel:Default"] = "Warning",
        };
        await using var app = SafeguardApp.CreateBuilder([], settings).Build();
        var expandLimit = app.Services.GetRequiredService<IntelligenceSettings>().ExpandLimit;
        Guid agency;
        using (var scope = app.Services.CreateScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<SafeguardDbContext>();
            await db.Database.MigrateAsync();
            var bench = new Agency { Code = "BEN", Name = "Benchmark", Kind = AgencyKind.Police };
            db.Agencies.Add(bench);
            await db.SaveChangesAsync();
            agency = bench.Id.Value;
        }

        var load = Stopwatch.StartNew();
        var (persons, nodes, links) = await LoadAsync(connection, directory, agency);
        load.Stop();
        Console.WriteLine($"loaded {nodes:N0} nodes ({persons.Count:N0} persons) and {links:N0} links in {load.Elapsed.TotalSeconds:F1} s (binary COPY, indexes rebuilt after, VACUUM ANALYZE)");

        var random = new Random(seed);
        var query = new List<double>(queries);
        var total = new List<double>(queries);
        var sizes = new List<int>(queries);
        var withBusyHub = 0;
        for (var i = 0; i < warmUp + queries; i++)
        {
            var centre = persons[random.Next(persons.Count)];
            await using var scope = app.Services.CreateAsyncScope();
            var db = scope.ServiceProvider.GetRequiredService<SafeguardDbContext>();
            var watch = Stopwatch.StartNew();
            var network = await PoleGraph.TwoHopsAsync(db, centre, expandLimit) ?? throw new InvalidOperationException($"No node {centre}");
            var read = watch.Elapsed.TotalMilliseconds;
            // What the page does next, in memory: the graph, and the neighbourhood the chart draws.
            var graph = network.Network.Build();
            graph.TryGetNode(centre.ToString(), out var index);
            var around = graph.Neighbourhood(index, hops: 2, maxNodes: NetworkModel.MaxNodes);
            watch.Stop();
            if (i >= warmUp)
            {
                query.Add(read);
                total.Add(watch.Elapsed.TotalMilliseconds);
                sizes.Add(network.Nodes.Count);
                withBusyHub += network.NotExpanded.Count > 0 ? 1 : 0;
                _ = around;
            }
        }
        query.Sort();
        total.Sort();
        sizes.Sort();
        Console.WriteLine($"two-hop queries: {queries:N0} random persons after {warmUp:N0} warm-up, expand limit {expandLimit}, one DbContext per query");
        Console.WriteLine($"  query (PoleGraph.TwoHopsAsync) ms:        p50 {Percentile(query, 0.50):F2}  p95 {Percentile(query, 0.95):F2}  p99 {Percentile(query, 0.99):F2}  max {query[^1]:F2}  mean {query.Average():F2}");
        Console.WriteLine($"  with graph and neighbourhood (page) ms:   p50 {Percentile(total, 0.50):F2}  p95 {Percentile(total, 0.95):F2}  p99 {Percentile(total, 0.99):F2}  max {total[^1]:F2}  mean {total.Average():F2}");
        Console.WriteLine($"  records read per query: p50 {Percentile(sizes, 0.50):F0}  p95 {Percentile(sizes, 0.95):F0}  max {sizes[^1]}; {withBusyHub:N0} of {queries:N0} passed a busy place that was not expanded");
        return 0;
    }

    private static double Percentile<T>(List<T> sorted, double p) where T : INumber<T> =>
        double.CreateChecked(sorted[Math.Clamp((int)Math.Ceiling(p * sorted.Count) - 1, 0, sorted.Count - 1)]);

    private static async Task<(List<Guid> Persons, long Nodes, long Links)> LoadAsync(string connectionString, string directory, Guid agency)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync();
        // Bulk load the links without their indexes, then build the indexes once: far faster than maintaining them row by row.
        var indexes = new List<(string Name, string Definition)>();
        await using (var read = new NpgsqlCommand("SELECT indexname, indexdef FROM pg_indexes WHERE tablename = 'PoleLinks' AND indexname <> 'PK_PoleLinks'", connection))
        await using (var reader = await read.ExecuteReaderAsync())
        {
            while (await reader.ReadAsync())
            {
                indexes.Add((reader.GetString(0), reader.GetString(1)));
            }
        }
        foreach (var (name, _) in indexes)
        {
            await using var drop = new NpgsqlCommand($"DROP INDEX \"{name}\"", connection);
            await drop.ExecuteNonQueryAsync();
        }

        var ids = new Dictionary<string, (Guid Id, NodeKind Kind)>(StringComparer.Ordinal);
        var persons = new List<Guid>();
        long nodes = 0;
        using (var people = connection.BeginBinaryImport("""COPY "People" ("Id", "Kind", "GivenName", "FamilyName", "DateOfBirthIsEstimated", "Sex", "Ethnicity", "InterpreterNeeded", "CreatedByAgencyId", "CreatedAt") FROM STDIN (FORMAT BINARY)"""))
        using (var subjects = new NpgsqlConnection(connectionString))
        {
            subjects.Open();
            using var roles = subjects.BeginBinaryImport("""COPY "IntelligenceSubjects" ("Id", "PersonId", "Role", "RoleSetAt", "RoleSetByUserId", "IdentifiedAt") FROM STDIN (FORMAT BINARY)""");
            using var objects = new NpgsqlConnection(connectionString);
            objects.Open();
            using var things = objects.BeginBinaryImport("""COPY "PoleObjects" ("Id", "Kind", "Key", "Label", "Licence", "RecordedAt", "RecordedByAgencyId") FROM STDIN (FORMAT BINARY)""");
            using var locationConnection = new NpgsqlConnection(connectionString);
            locationConnection.Open();
            using var places = locationConnection.BeginBinaryImport("""COPY "PoleLocations" ("Id", "Kind", "Key", "Name", "RecordedAt", "RecordedByAgencyId") FROM STDIN (FORMAT BINARY)""");
            using var eventConnection = new NpgsqlConnection(connectionString);
            eventConnection.Open();
            using var events = eventConnection.BeginBinaryImport("""COPY "PoleEvents" ("Id", "Kind", "Summary", "RecordedAt", "RecordedByAgencyId") FROM STDIN (FORMAT BINARY)""");
            foreach (var line in File.ReadLines(Path.Combine(directory, "NODES.csv")).Skip(1))
            {
                var f = line.Split(',');
                var (id, kindText, label, roleText) = (f[0], f[1], f[2], f.Length > 3 ? f[3] : "");
                if (!Vocabulary.TryParse(kindText, out NodeKind kind))
                {
                    throw new InvalidDataException($"Unknown kind in NODES.csv: {line}");
                }
                var guid = Guid.CreateVersion7();
                ids.Add(id, (guid, kind));
                nodes++;
                switch (kind)
                {
                    case NodeKind.Person:
                        persons.Add(guid);
                        people.WriteRow(guid, "Adult", label, id, false, "NotRecorded", "NotRecorded", false, agency, s_recorded);
                        if (Vocabulary.TryParse(roleText, out PersonRole role) && role != PersonRole.Unknown)
                        {
                            roles.StartRow();
                            roles.Write(Guid.CreateVersion7(), NpgsqlDbType.Uuid);
                            roles.Write(guid, NpgsqlDbType.Uuid);
                            roles.Write(role.ToString(), NpgsqlDbType.Varchar);
                            roles.Write(s_recorded, NpgsqlDbType.TimestampTz);
                            roles.Write(Guid.Empty, NpgsqlDbType.Uuid);
                            if (role == PersonRole.Suspect)
                            {
                                roles.Write(s_recorded, NpgsqlDbType.TimestampTz);
                            }
                            else
                            {
                                roles.WriteNull();
                            }
                        }
                        break;
                    case NodeKind.Location:
                        places.WriteRow(guid, "Other", id, label, s_recorded, agency);
                        break;
                    case NodeKind.Event:
                        events.WriteRow(guid, "Incident", label, s_recorded, agency);
                        break;
                    default:
                        things.WriteRow(guid, kind.ToString(), id, label, "None", s_recorded, agency);
                        break;
                }
            }
            people.Complete();
            roles.Complete();
            things.Complete();
            places.Complete();
            events.Complete();
        }

        long links = 0;
        using (var writer = connection.BeginBinaryImport("""COPY "PoleLinks" ("Id", "FromId", "FromKind", "ToId", "ToKind", "Kind", "Date", "Confidence", "RecordedAt", "RecordedByUserId") FROM STDIN (FORMAT BINARY)"""))
        {
            foreach (var line in File.ReadLines(Path.Combine(directory, "LINKS.csv")).Skip(1))
            {
                var f = line.Split(',');
                var (from, to) = (ids[f[0]], ids[f[1]]);
                if (!Vocabulary.TryParse(f[2], out LinkKind kind))
                {
                    throw new InvalidDataException($"Unknown link kind in LINKS.csv: {line}");
                }
                writer.StartRow();
                writer.Write(Guid.CreateVersion7(), NpgsqlDbType.Uuid);
                writer.Write(from.Id, NpgsqlDbType.Uuid);
                writer.Write(from.Kind.ToString(), NpgsqlDbType.Varchar);
                writer.Write(to.Id, NpgsqlDbType.Uuid);
                writer.Write(to.Kind.ToString(), NpgsqlDbType.Varchar);
                writer.Write(kind.ToString(), NpgsqlDbType.Varchar);
                if (f.Length > 3 && f[3].Length > 0)
                {
                    writer.Write(DateOnly.ParseExact(f[3], "yyyy-MM-dd", CultureInfo.InvariantCulture), NpgsqlDbType.Date);
                }
                else
                {
                    writer.WriteNull();
                }
                writer.Write(nameof(LinkConfidence.Confirmed), NpgsqlDbType.Varchar);
                writer.Write(s_recorded, NpgsqlDbType.TimestampTz);
                writer.Write(Guid.Empty, NpgsqlDbType.Uuid);
                links++;
            }
            writer.Complete();
        }
        foreach (var (_, definition) in indexes)
        {
            await using var create = new NpgsqlCommand(definition, connection) { CommandTimeout = 0 };
            await create.ExecuteNonQueryAsync();
        }
        await using (var analyze = new NpgsqlCommand("VACUUM ANALYZE", connection) { CommandTimeout = 0 })
        {
            await analyze.ExecuteNonQueryAsync();
        }
        return (persons, nodes, links);
    }

    private static string? Arg(string[] args, string name)
    {
        var at = Array.IndexOf(args, name);
        return at >= 0 && at + 1 < args.Length ? args[at + 1] : null;
    }
}
