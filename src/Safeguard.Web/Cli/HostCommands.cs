using Microsoft.EntityFrameworkCore;
using Safeguard.Web.Data;
using Safeguard.Web.Demo;
using Safeguard.Web.Ledger;

namespace Safeguard.Web.Cli;

/// <summary>The verbs that run inside the application's host: serve, migrate, seed, ledger verify/checkpoint.</summary>
public static class HostCommands
{
    public static async Task<int> ServeAsync(string[] args, TextWriter stdout, TextWriter stderr)
    {
        var demo = args.Contains("--demo");
        var builder = SafeguardApp.CreateBuilder(WithoutFlags(args, demo), demo ? new Dictionary<string, string?> { ["Demo:Enabled"] = "true" } : null);
        if (!SafeguardApp.IsDemo(builder.Configuration) && SafeguardApp.AllowedHostsProblem(builder.Configuration) is { } hosts)
        {
            stderr.WriteLine($"Refusing to start: {hosts}");
            return CommandLine.Failure;
        }
        var app = SafeguardApp.BuildPipeline(builder);
        if (await PrepareDatabaseAsync(app.Services, app.Configuration, stdout, stderr) is { } failure)
        {
            return failure;
        }
        await app.StartAsync();
        foreach (var address in app.Urls)
        {
            stdout.WriteLine($"Safeguard is running at {address}");
        }
        if (SafeguardApp.IsDemo(app.Configuration))
        {
            stdout.WriteLine("Demo mode: sign in with a demo account from README.md; `./safeguard demo-code EMAIL` prints its current code.");
        }
        await app.WaitForShutdownAsync();
        return CommandLine.Success;
    }

    /// <summary>
    /// Migrates when asked (demo mode, or Database:MigrateOnStart), refuses to serve from a database that is not
    /// durable, and seeds the demo partnership on the first run in demo mode.
    /// </summary>
    public static async Task<int?> PrepareDatabaseAsync(IServiceProvider services, IConfiguration configuration, TextWriter stdout, TextWriter stderr)
    {
        using var scope = services.CreateScope();
        // Migrating and seeding the demo on start are the server's own doing.
        scope.ServiceProvider.GetRequiredService<CurrentActor>().ActAsSystem("start-up");
        var db = scope.ServiceProvider.GetRequiredService<SafeguardDbContext>();
        var demo = SafeguardApp.IsDemo(configuration);
        if (demo || configuration.GetValue<bool>("Database:MigrateOnStart"))
        {
            await db.Database.MigrateAsync();
        }
        var problems = await DatabaseDurability.CheckAsync(db);
        if (problems.Count > 0)
        {
            foreach (var problem in problems)
            {
                stderr.WriteLine($"Refusing to start: {problem}");
            }
            return CommandLine.Failure;
        }
        if (demo && !await db.Agencies.AnyAsync())
        {
            await DemoPartnership.SeedAsync(scope.ServiceProvider);
            stdout.WriteLine("Seeded the demo partnership.");
        }
        return null;
    }

    public static Task<int> MigrateAsync(string[] args, TextWriter stdout, TextWriter stderr) =>
        WithDatabaseAsync(args, "migrate", requireMigrated: false, stderr, async (db, _, _) =>
        {
            await db.Database.MigrateAsync();
            var problems = await DatabaseDurability.CheckAsync(db);
            foreach (var problem in problems)
            {
                stderr.WriteLine($"Warning: {problem}");
            }
            stdout.WriteLine("Database is up to date.");
            return CommandLine.Success;
        });

    public static Task<int> SeedAsync(string[] args, TextWriter stdout, TextWriter stderr) =>
        WithDatabaseAsync(args, "seed", requireMigrated: false, stderr, async (db, services, configuration) =>
        {
            if (!SafeguardApp.IsDemo(configuration) && !args.Contains("--demo"))
            {
                stderr.WriteLine("Demo data is seeded only in demo mode: run `./safeguard seed --demo` against a demo database.");
                return CommandLine.Usage;
            }
            await db.Database.MigrateAsync();
            if (await db.Agencies.AnyAsync())
            {
                stdout.WriteLine("The database already holds a partnership; nothing seeded.");
                return CommandLine.Success;
            }
            await DemoPartnership.SeedAsync(services);
            stdout.WriteLine("Seeded the demo partnership.");
            return CommandLine.Success;
        });

    public static Task<int> LedgerAsync(string[] args, TextWriter stdout, TextWriter stderr)
    {
        var sub = args.FirstOrDefault();
        return sub switch
        {
            "verify" => WithDatabaseAsync(args[1..], "ledger-verify", requireMigrated: true, stderr, (db, services, _) =>
            {
                var witness = services.GetRequiredService<LedgerWitness>();
                var intact = true;
                foreach (var chain in Enum.GetValues<SafeguardDbContext.ChainName>())
                {
                    var report = witness.Verify(db, chain);
                    intact &= report.IsIntact;
                    WriteReport(report, stdout);
                }
                return Task.FromResult(intact ? CommandLine.Success : CommandLine.Failure);
            }),
            "checkpoint" => WithDatabaseAsync(args[1..], "ledger-checkpoint", requireMigrated: true, stderr, (db, services, _) =>
            {
                var witness = services.GetRequiredService<LedgerWitness>();
                var ok = true;
                foreach (var chain in Enum.GetValues<SafeguardDbContext.ChainName>())
                {
                    foreach (var result in witness.Checkpoint(db, chain, CheckpointTrigger.Operator))
                    {
                        ok &= !result.Failed;
                        var target = result.Failed ? "" : $" ({result.EntriesAdded} new entries) in {result.Path}";
                        stdout.WriteLine($"{ChainLabel(chain)}: {result.Message}{target}");
                    }
                }
                return Task.FromResult(ok ? CommandLine.Success : CommandLine.Failure);
            }),
            _ => Task.FromResult(UsageError(stderr, "usage: ./safeguard ledger verify|checkpoint")),
        };
    }

    private static string ChainLabel(SafeguardDbContext.ChainName chain) =>
        chain == SafeguardDbContext.ChainName.Ledger ? "ledger" : "access log";

    /// <summary>
    /// The verdict line first (the form scripts and the README rely on), then what each witness location holds, then
    /// the unprotected window: how many entries were written after the last witnessed head.
    /// </summary>
    private static void WriteReport(ChainReport report, TextWriter stdout)
    {
        var name = ChainLabel(report.Chain);
        if (report.IsIntact)
        {
            stdout.WriteLine($"{name}: {report.Verification.Explanation} (last checkpoint at entry {report.LastCheckpoint})");
        }
        if (!report.Verification.IsIntact)
        {
            stdout.WriteLine($"{name}: FAILED at sequence {report.Verification.FirstBadSequence}: {report.Verification.Explanation}");
        }
        foreach (var problem in report.Problems)
        {
            stdout.WriteLine($"{name}: FAILED: {problem.Reading.Explanation}");
        }
        foreach (var location in report.Locations.Where(l => l.Reading.IsValid))
        {
            var reading = location.Reading;
            stdout.WriteLine(reading.SignedLines == 0
                ? $"{name}: witness {location.Path}: none yet (the chain is empty)"
                : $"{name}: witness {location.Path}: signed, witnessed to entry {reading.HeadSequence} at {reading.HeadAt}");
            if (reading.UnsignedLines > 0)
            {
                stdout.WriteLine($"{name}: witness {location.Path}: {reading.UnsignedLines} lines after its last checkpoint are unsigned (an interrupted write) and were not used");
            }
        }
        stdout.WriteLine($"{name}: {report.EntriesAfterLastWitnessedHead} entries after the last witnessed head");
    }

    /// <summary>
    /// A verb that wrote to the chains carries their heads to the witness before it exits, as the application's
    /// writer does after each commit (unless Ledger:CheckpointInterval is 0). A witness that cannot be written is a
    /// warning, not a failure of the verb: what it did is committed and chained, and `ledger verify` counts it.
    /// </summary>
    private static void WitnessBeforeExit(SafeguardDbContext db, IServiceProvider services, IConfiguration configuration, TextWriter stderr)
    {
        if (services.GetRequiredService<ChainCommits>().Count == 0 || configuration.GetValue("Ledger:CheckpointInterval", TimeSpan.FromSeconds(5)) <= TimeSpan.Zero)
        {
            return;
        }
        try
        {
            foreach (var chain in Enum.GetValues<SafeguardDbContext.ChainName>())
            {
                foreach (var result in services.GetRequiredService<LedgerWitness>().Checkpoint(db, chain, CheckpointTrigger.Automatic).Where(r => r.Failed))
                {
                    stderr.WriteLine($"Warning: the {ChainLabel(chain)} was not witnessed: {result.Message}");
                }
            }
        }
        catch (Exception exception) when (exception is not OperationCanceledException)
        {
            stderr.WriteLine($"Warning: the chains were not witnessed ({exception.GetType().Name}); the running application or `safeguard ledger checkpoint` will do it.");
        }
    }

    private static int UsageError(TextWriter stderr, string message)
    {
        stderr.WriteLine(message);
        return CommandLine.Usage;
    }

    /// <summary>
    /// Builds the application's services (no web server) and runs one job with a database context. With
    /// <paramref name="requireMigrated"/>, a database that is missing or behind the code is reported, not queried.
    /// </summary>
    public static async Task<int> WithDatabaseAsync(string[] args, string actorName, bool requireMigrated, TextWriter stderr,
        Func<SafeguardDbContext, IServiceProvider, IConfiguration, Task<int>> job)
    {
        // The application is built but not started, so its background jobs (the witness writer among them) do not run.
        var settings = new Dictionary<string, string?>
        {
            ["Safeguard:SystemActor"] = $"cli/{actorName}",
        };
        if (args.Contains("--demo"))
        {
            settings["Demo:Enabled"] = "true";
        }
        var builder = SafeguardApp.CreateBuilder(WithoutFlags(args, args.Contains("--demo")), settings);
        await using var app = builder.Build();
        using var scope = app.Services.CreateScope();
        scope.ServiceProvider.GetRequiredService<CurrentActor>().ActAsSystem($"cli/{actorName}");
        var db = scope.ServiceProvider.GetRequiredService<SafeguardDbContext>();
        if (requireMigrated && (await db.Database.GetPendingMigrationsAsync()).Any())
        {
            stderr.WriteLine("The database is missing or not up to date: run `./safeguard migrate` (or start the demo with `./build.sh run`) first.");
            return CommandLine.Failure;
        }
        var exit = await job(db, scope.ServiceProvider, app.Configuration);
        WitnessBeforeExit(db, scope.ServiceProvider, app.Configuration, stderr);
        return exit;
    }

    private static string[] WithoutFlags(string[] args, bool demo) => demo ? args.Where(a => a != "--demo").ToArray() : args;
}
