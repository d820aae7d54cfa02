using System.Diagnostics;
using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;
using Safeguard.Core;
using Safeguard.Core.Matching;
using Safeguard.Web;
using Safeguard.Web.Cli;
using Safeguard.Web.Data;
using Safeguard.Web.Data.Model;
using Safeguard.Web.Features.Matching;
using CoreSex = Safeguard.Core.Matching.Sex;
using Sex = Safeguard.Web.Data.Model.Sex;

namespace Safeguard.Bench.Matching;

/// <summary>
/// One new record matched against a store of about a million people, in the application against PostgreSQL (issue 4:
/// under 10 ms at the 95th percentile). Loads generated records as people, addresses, match records and keys with
/// binary COPY (derived by the application's own <see cref="MatchIndex"/>), trains the model with the code behind
/// `./safeguard match train`, then times held-out records through <see cref="PersonMatching.FindCandidatesAsync"/>,
/// each in its own scope as a request would be, and a smaller number through the whole intake (save with its ledger
/// entry and keys, then <see cref="PersonMatching.MatchOnIntakeAsync"/>). Run by bench/realtime-matching.sh.
/// </summary>
public static class RealtimeMatchingScenario
{
    public static async Task<int> RunAsync(string[] args)
    {
        var connection = Arg(args, "--connection") ?? throw new ArgumentException("--connection is required");
        var recordsPath = Arg(args, "--records") ?? throw new ArgumentException("--records is required");
        var samples = int.Parse(Arg(args, "--samples") ?? "1000", CultureInfo.InvariantCulture);
        var intakes = int.Parse(Arg(args, "--intakes") ?? "200", CultureInfo.InvariantCulture);
        var dataDirectory = Directory.CreateTempSubdirectory("safeguard-bench-").FullName;
        var settings = new Dictionary<string, string?>
        {
            ["Database:Provider"] = "Postgres",
            ["ConnectionStrings:Safeguard"] = connection,
            ["Safeguard:DataDirectory"] = dataDirectory,
            ["Safeguard:SystemActor"] = "bench",
            ["Ledger:CheckpointInterval"] = "0",
            ["Logging:LogLevel:Default"] = "Warning",
        };
        await using var app = SafeguardApp.CreateBuilder([], settings).Build();
        var watch = Stopwatch.StartNew();
        void Say(string line) => Console.WriteLine($"[{watch.Elapsed.TotalSeconds,7:F1}s] {line}");

        List<PersonRecord> records;
        using (var reader = new StreamReader(recordsPath))
        {
            records = [.. PersonCsv.Read(reader, Path.GetFileName(recordsPath), new Dictionary<string, string>()).Records];
        }
        // The new records: a seeded random sample held out of the store (their other agencies' records stay in it).
        var random = new Random(20_261_123);
        var held = new HashSet<int>();
        while (held.Count < samples + intakes)
        {
            held.Add(random.Next(records.Count));
        }
        var heldOut = held.Select(i => records[i]).ToList();
        var store = records.Where((_, i) => !held.Contains(i)).ToList();
        Say($"read {records.Count:N0} records; {store.Count:N0} go into the store, {heldOut.Count:N0} are held out as new records");

        Id<Agency> agency;
        using (var scope = app.Services.CreateScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<SafeguardDbContext>();
            await db.Database.MigrateAsync();
            var row = new Agency { Code = "BEN", Name = "Benchmark agency", Kind = AgencyKind.Other };
            db.Agencies.Add(row);
            await db.SaveChangesAsync();
            agency = row.Id;
        }
        var load = Stopwatch.StartNew();
        var loaded = await BulkLoadAsync(app.Services, connection, store, agency, Say);
        Say($"loaded {store.Count:N0} people, {loaded.Addresses:N0} addresses, {loaded.Keys:N0} keys in {load.Elapsed.TotalSeconds:F0} s");

        using (var scope = app.Services.CreateScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<SafeguardDbContext>();
            db.Database.SetCommandTimeout(TimeSpan.FromMinutes(30));
            var train = Stopwatch.StartNew();
            var exit = await MatchCommand.TrainAsync(db, 1000, TextWriter.Null, Console.Error);
            Say($"trained the model from the store in {train.Elapsed.TotalSeconds:F0} s (exit {exit})");
        }

        // Warm the caches as a running server's would be (the model, the connection pool, PostgreSQL's buffers).
        foreach (var record in heldOut.Take(50))
        {
            await FindAsync(app.Services, record);
        }
        var latencies = new List<double>(samples);
        var found = new List<int>(samples);
        var bands = new Dictionary<MatchBand, int>();
        foreach (var record in heldOut.Take(samples))
        {
            var timer = Stopwatch.StartNew();
            var candidates = await FindAsync(app.Services, record);
            latencies.Add(timer.Elapsed.TotalMilliseconds);
            found.Add(candidates.Count);
            var band = candidates.Count == 0 ? MatchBand.NoMatch : candidates[0].Band;
            bands[band] = bands.GetValueOrDefault(band) + 1;
        }
        Say($"find candidates, {samples} new records: {Percentiles(latencies)}");
        Say($"  candidates returned per record: mean {found.Average():F1}, max {found.Max()}; best band: "
            + string.Join(", ", bands.OrderByDescending(b => b.Key).Select(b => $"{b.Key} {b.Value}")));

        var saves = new List<double>(intakes);
        var matches = new List<double>(intakes);
        var outcomes = new Dictionary<string, int>();
        foreach (var record in heldOut.Skip(samples))
        {
            using var scope = app.Services.CreateScope();
            var db = scope.ServiceProvider.GetRequiredService<SafeguardDbContext>();
            var matching = scope.ServiceProvider.GetRequiredService<PersonMatching>();
            var timer = Stopwatch.StartNew();
            var (person, address) = Entities(record, agency, db.Now);
            db.People.Add(person);
            if (address is not null)
            {
                db.PersonAddresses.Add(address);
            }
            await db.SaveChangesAsync();
            saves.Add(timer.Elapsed.TotalMilliseconds);
            timer.Restart();
            var result = await matching.MatchOnIntakeAsync(person.Id, CancellationToken.None);
            matches.Add(timer.Elapsed.TotalMilliseconds);
            var outcome = result.LinkedInto is not null ? "linked" : result.Reviews.Count > 0 ? "sent to review" : "no match";
            outcomes[outcome] = outcomes.GetValueOrDefault(outcome) + 1;
        }
        Say($"intake, {intakes} new records: save (person, address, ledger, keys) {Percentiles(saves)}");
        Say($"  then match on intake (find, score, link or queue, save) {Percentiles(matches)}");
        Say($"  outcomes: {string.Join(", ", outcomes.Select(o => $"{o.Key} {o.Value}"))}");
        try
        {
            Directory.Delete(dataDirectory, recursive: true);
        }
        catch (IOException)
        {
        }
        return 0;
    }

    private static async Task<IReadOnlyList<PersonMatching.Candidate>> FindAsync(IServiceProvider services, PersonRecord record)
    {
        using var scope = services.CreateScope();
        return await scope.ServiceProvider.GetRequiredService<PersonMatching>().FindCandidatesAsync(record, CancellationToken.None);
    }

    private static string Percentiles(List<double> milliseconds)
    {
        var sorted = milliseconds.Order().ToArray();
        double At(double p) => sorted[Math.Min(sorted.Length - 1, (int)Math.Ceiling(p * sorted.Length) - 1)];
        return string.Create(CultureInfo.InvariantCulture, $"p50 {At(0.50):F2} ms, p95 {At(0.95):F2} ms, p99 {At(0.99):F2} ms, max {sorted[^1]:F2} ms");
    }

    /// <summary>A generated record as the application stores a person: the person and their address.</summary>
    private static (Person Person, PersonAddress? Address) Entities(PersonRecord record, Id<Agency> agency, DateTimeOffset now)
    {
        var person = new Person
        {
            Kind = record.DateOfBirth is { } born && born.AddYears(18) <= DateOnly.FromDateTime(now.UtcDateTime) ? PersonKind.Adult : PersonKind.Child,
            GivenName = Limit(record.GivenName, 200) ?? "",
            MiddleNames = Limit(record.MiddleNames, 200),
            FamilyName = Limit(record.FamilyName, 200) ?? "",
            DateOfBirth = record.DateOfBirth,
            Sex = record.Sex switch { CoreSex.Female => Sex.Female, CoreSex.Male => Sex.Male, _ => Sex.NotRecorded },
            // The pages accept ten digits only; a mistyped number of another length is not stored.
            NhsNumber = Core.People.NhsNumber.Normalise(record.NhsNumber),
            Phone = Limit(record.Phone, 40),
            CreatedByAgencyId = agency,
            CreatedAt = now,
        };
        var address = record.Address is null && record.Postcode is null ? null : new PersonAddress
        {
            PersonId = person.Id,
            Line1 = Limit(record.Address, 200) ?? "",
            Postcode = Limit(record.Postcode, 10),
            RecordedByAgencyId = agency,
            RecordedAt = now,
        };
        return (person, address);
    }

    private static string? Limit(string? value, int length) => value is null || value.Length <= length ? value : value[..length];

    private sealed record Loaded(long Addresses, long Keys);

    /// <summary>
    /// People, addresses, match records and keys by binary COPY, the derived rows made by <see cref="MatchIndex"/> as a
    /// save would make them. Foreign-key triggers are off for the loading session only (session_replication_role),
    /// as a bulk load of rows known to be consistent does; the indexes are kept and maintained by the load.
    /// </summary>
    private static async Task<Loaded> BulkLoadAsync(IServiceProvider services, string connectionString, List<PersonRecord> store, Id<Agency> agency, Action<string> say)
    {
        IModel model;
        DateTimeOffset now;
        using (var scope = services.CreateScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<SafeguardDbContext>();
            model = db.Model;
            now = db.Now;
        }
        var rows = new (Person Person, PersonAddress? Address, PersonMatchRecord Record, long[] Keys)[store.Count];
        Parallel.For(0, store.Count, i =>
        {
            var (person, address) = Entities(store[i], agency, now);
            var forms = MatchIndex.Forms(person, [], [], address is null ? [] : [address]);
            rows[i] = (person, address, new PersonMatchRecord { PersonId = person.Id, Forms = MatchIndex.Serialize(forms), UpdatedAt = now }, [.. MatchIndex.StoredKeys(forms)]);
        });
        say($"derived forms and keys for {rows.Length:N0} people");

        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync();
        await using (var command = new NpgsqlCommand("SET session_replication_role = replica", connection))
        {
            await command.ExecuteNonQueryAsync();
        }
        await CopyAsync(connection, model, rows.Select(r => r.Person));
        say("copied people");
        var addresses = await CopyAsync(connection, model, rows.Where(r => r.Address is not null).Select(r => r.Address!));
        say("copied addresses");
        await CopyAsync(connection, model, rows.Select(r => r.Record));
        say("copied match records");
        var keys = await CopyAsync(connection, model, rows.SelectMany(r => r.Keys.Select(k => new PersonMatchKey { PersonId = r.Person.Id, Key = k, AddedAt = now })));
        say("copied keys");
        foreach (var table in new[] { "People", "PersonAddresses", "PersonMatchRecords", "PersonMatchKeys" })
        {
            await using var vacuum = new NpgsqlCommand($"VACUUM ANALYZE \"{table}\"", connection) { CommandTimeout = 0 };
            await vacuum.ExecuteNonQueryAsync();
        }
        say("vacuumed and analysed");
        return new Loaded(addresses, keys);
    }

    /// <summary>Binary COPY of entities into their table, columns and conversions read from the EF model.</summary>
    private static async Task<long> CopyAsync<T>(NpgsqlConnection connection, IModel model, IEnumerable<T> entities)
    {
        var entity = model.FindEntityType(typeof(T)) ?? throw new InvalidOperationException($"{typeof(T).Name} is not in the model");
        var table = StoreObjectIdentifier.Table(entity.GetTableName()!, entity.GetSchema());
        var columns = entity.GetProperties().Select(p => (Property: p, Column: p.GetColumnName(table)!, Type: BaseType(p.GetColumnType()),
            Converter: p.GetTypeMapping().Converter)).ToList();
        var copy = $"COPY \"{entity.GetTableName()}\" ({string.Join(", ", columns.Select(c => $"\"{c.Column}\""))}) FROM STDIN (FORMAT BINARY)";
        long count = 0;
        await using (var writer = await connection.BeginBinaryImportAsync(copy))
        {
            writer.Timeout = TimeSpan.FromHours(1);
            foreach (var row in entities)
            {
                await writer.StartRowAsync();
                foreach (var (property, _, type, converter) in columns)
                {
                    var value = property.PropertyInfo!.GetValue(row);
                    if (value is not null && converter is not null)
                    {
                        value = converter.ConvertToProvider(value);
                    }
                    if (value is null)
                    {
                        await writer.WriteNullAsync();
                    }
                    else
                    {
                        await writer.WriteAsync(value, type);
                    }
                }
                count++;
            }
            await writer.CompleteAsync();
        }
        return count;
    }

    // "character varying(200)" → "character varying": the binary writer wants the type, not its length.
    private static string BaseType(string columnType) => columnType.Split('(')[0];

    private static string? Arg(string[] args, string name)
    {
        var i = Array.IndexOf(args, name);
        return i >= 0 && i + 1 < args.Length ? args[i + 1] : null;
    }
}
