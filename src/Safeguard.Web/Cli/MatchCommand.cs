using System.Diagnostics;
using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Safeguard.Core.Matching;
using Safeguard.Web.Data;
using Safeguard.Web.Data.Model;
using Safeguard.Web.Features.Matching;

namespace Safeguard.Web.Cli;

/// <summary>
/// `./safeguard match reindex|train|status`: the database side of real-time matching (docs/adr/0008).
/// reindex re-derives every person's match record and blocking keys (after an upgrade that changes the blocking
/// rules, or to repair); train estimates a new model from the people held and stores it as the latest version;
/// status says which model is in use and how big the index is.
/// </summary>
public static class MatchCommand
{
    public const string Usage = """
        Usage: ./safeguard match reindex | train [--minimum-records N] | status

          reindex   re-derive every person's match record and blocking keys from their record
          train     estimate the matching model from the people held (no labels) and use it from now on;
                    refuses with fewer than N people (default 1000): too few to estimate from
          status    the model in use, the size of the index, the reviews waiting
        """;

    private const int BatchSize = 500;

    public static Task<int> RunAsync(string[] args, TextWriter stdout, TextWriter stderr)
    {
        ArgumentNullException.ThrowIfNull(args);
        ArgumentNullException.ThrowIfNull(stdout);
        ArgumentNullException.ThrowIfNull(stderr);
        var rest = args.Length > 0 ? args[1..] : [];
        switch (args.FirstOrDefault())
        {
            case "reindex":
                return HostCommands.WithDatabaseAsync(rest, "match-reindex", requireMigrated: true, stderr, (db, _, _) => ReindexAsync(db, stdout));
            case "train":
                var minimum = 1000;
                var at = Array.IndexOf(rest, "--minimum-records");
                if (at >= 0 && (at + 1 >= rest.Length || !int.TryParse(rest[at + 1], NumberStyles.None, CultureInfo.InvariantCulture, out minimum) || minimum < 2))
                {
                    stderr.WriteLine("match train: --minimum-records needs a whole number of at least 2.");
                    stderr.WriteLine(Usage);
                    return Task.FromResult(CommandLine.Usage);
                }
                var hostArgs = at >= 0 ? [.. rest[..at], .. rest[(at + 2)..]] : rest;
                return HostCommands.WithDatabaseAsync(hostArgs, "match-train", requireMigrated: true, stderr, (db, services, _) => TrainAsync(db, minimum, stdout, stderr));
            case "status":
                return HostCommands.WithDatabaseAsync(rest, "match-status", requireMigrated: true, stderr, (db, services, _) => StatusAsync(db, services.GetRequiredService<MatchModels>(), stdout));
            default:
                stderr.WriteLine(args.Length == 0 ? "match: say what to do: reindex, train or status." : $"match: unknown action '{args[0]}'.");
                stderr.WriteLine(Usage);
                return Task.FromResult(CommandLine.Usage);
        }
    }

    private static async Task<int> ReindexAsync(SafeguardDbContext db, TextWriter stdout)
    {
        var watch = Stopwatch.StartNew();
        // Every id first (16 bytes a person), then batches: portable keyset paging without comparing GUIDs in SQL.
        var ids = await db.People.AsNoTracking().OrderBy(p => p.Id).Select(p => p.Id).ToListAsync();
        foreach (var batch in ids.Chunk(BatchSize))
        {
            await MatchIndex.RefreshAsync(db, batch, CancellationToken.None);
            await db.SaveChangesAsync();
            db.ChangeTracker.Clear();
        }
        var people = ids.Count;
        var live = await db.PersonMatchKeys.CountAsync(k => k.SupersededAt == null);
        var superseded = await db.PersonMatchKeys.CountAsync(k => k.SupersededAt != null);
        stdout.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"reindexed {people:N0} people in {watch.Elapsed.TotalSeconds:F1} s: {live:N0} live keys, {superseded:N0} superseded (kept, never deleted)"));
        return CommandLine.Success;
    }

    /// <summary>Estimates a model from the people held and stores it as the latest version (also run by the benchmark).</summary>
    public static async Task<int> TrainAsync(SafeguardDbContext db, int minimum, TextWriter stdout, TextWriter stderr)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(stdout);
        ArgumentNullException.ThrowIfNull(stderr);
        var watch = Stopwatch.StartNew();
        var records = await TrainingRecordsAsync(db);
        var people = await db.People.CountAsync();
        if (records.Count < people)
        {
            stderr.WriteLine($"{people - records.Count:N0} people have no match record and are left out: run `./safeguard match reindex` to include them.");
        }
        if (records.Count < minimum)
        {
            stderr.WriteLine($"match train: {records.Count:N0} people is too few to estimate a model from (at least {minimum:N0}); the current model stays in use.");
            return CommandLine.Failure;
        }
        var result = Linker.Deduplicate(records, new LinkageOptions { Progress = line => stdout.WriteLine($"[{watch.Elapsed.TotalSeconds,7:F1}s] {line}") });
        var version = new MatchModelVersion { CreatedAt = db.Now, TrainedOnRecords = records.Count, Json = result.Model.ToJson() };
        db.MatchModelVersions.Add(version);
        await db.SaveChangesAsync();
        stdout.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"trained model {version.Id} from {records.Count:N0} people in {watch.Elapsed.TotalSeconds:F1} s (prior {result.Model.Prior:G3}); it is in use from now on"));
        return CommandLine.Success;
    }

    /// <summary>
    /// One record per person held, as the linker estimates from: their main form, with their first identifier.
    /// Records merged into others are included: they are the duplicates the model learns what a match looks like from.
    /// </summary>
    public static async Task<List<PersonRecord>> TrainingRecordsAsync(SafeguardDbContext db)
    {
        ArgumentNullException.ThrowIfNull(db);
        var records = new List<PersonRecord>();
        await foreach (var json in db.PersonMatchRecords.AsNoTracking().OrderBy(r => r.PersonId).Select(r => r.Forms).AsAsyncEnumerable())
        {
            var forms = MatchIndex.Deserialize(json);
            if (forms.Count > 0)
            {
                records.Add(forms[0] with { Identifier = forms.FirstOrDefault(f => f.Identifier is not null)?.Identifier });
            }
        }
        return records;
    }

    private static async Task<int> StatusAsync(SafeguardDbContext db, MatchModels models, TextWriter stdout)
    {
        var current = await models.CurrentAsync(db, CancellationToken.None);
        if (current.Version is { } id)
        {
            var version = await db.MatchModelVersions.AsNoTracking().Where(v => v.Id == id).Select(v => new { v.CreatedAt, v.TrainedOnRecords }).SingleAsync();
            stdout.WriteLine(string.Create(CultureInfo.InvariantCulture, $"model: {id}, trained {version.CreatedAt:yyyy-MM-dd HH:mm} UTC from {version.TrainedOnRecords:N0} people"));
        }
        else
        {
            stdout.WriteLine("model: the shipped default (no model trained from this database yet: `./safeguard match train`)");
        }
        var people = await db.People.CountAsync();
        var indexed = await db.PersonMatchRecords.CountAsync();
        var live = await db.PersonMatchKeys.CountAsync(k => k.SupersededAt == null);
        var pending = await db.PersonMatchReviews.CountAsync(r => r.Status == MatchReviewStatus.Pending);
        var links = await db.PersonMerges.CountAsync(m => m.UndoneAt == null);
        stdout.WriteLine(string.Create(CultureInfo.InvariantCulture, $"people: {people:N0}, indexed: {indexed:N0}, live keys: {live:N0}"));
        stdout.WriteLine(string.Create(CultureInfo.InvariantCulture, $"reviews waiting: {pending:N0}, links in force: {links:N0}"));
        return CommandLine.Success;
    }
}
