using System.Diagnostics;
using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Safeguard.Core.Ledger;
using Safeguard.Web;
using Safeguard.Web.Data;
using Safeguard.Web.Data.Model;
using Safeguard.Web.Ledger;

namespace Safeguard.Bench.Ledger;

/// <summary>
/// Whole-job ledger figures on a real database: appends per second (one change per save, as pages do, from one and
/// from several concurrent writers) and verification rate. Run by bench/ledger.sh, which starts PostgreSQL.
/// </summary>
public static class LedgerScenario
{
    public static async Task<int> RunAsync(string[] args)
    {
        var provider = Arg(args, "--provider") ?? "sqlite";
        var connection = Arg(args, "--connection");
        var saves = int.Parse(Arg(args, "--saves") ?? "2000", CultureInfo.InvariantCulture);
        var writers = int.Parse(Arg(args, "--writers") ?? "4", CultureInfo.InvariantCulture);
        var perSave = int.Parse(Arg(args, "--per-save") ?? "1", CultureInfo.InvariantCulture);
        var dataDirectory = Path.Combine(Path.GetTempPath(), "safeguard-bench-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(dataDirectory);
        var settings = new Dictionary<string, string?>
        {
            ["Database:Provider"] = provider,
            ["Safeguard:DataDirectory"] = dataDirectory,
            ["Ledger:CheckpointInterval"] = "0",
            ["Logging:LogLevel:Default"] = "Warning",
        };
        if (connection is not null)
        {
            settings["ConnectionStrings:Safeguard"] = connection;
        }
        await using var app = SafeguardApp.CreateBuilder([], settings).Build();
        using (var scope = app.Services.CreateScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<SafeguardDbContext>();
            await db.Database.MigrateAsync();
            db.Agencies.Add(new Agency { Code = "BEN", Name = "Benchmark", Kind = AgencyKind.Other });
            await db.SaveChangesAsync();
        }
        var agency = await WithDbAsync(app.Services, db => db.Agencies.OrderBy(a => a.Code).Select(a => a.Id).FirstAsync());

        // One writer: each save adds a person and appends one ledger entry, as a page does.
        var single = Stopwatch.StartNew();
        for (var i = 0; i < saves; i++)
        {
            await AddPeopleAsync(app.Services, agency, i, perSave);
        }
        single.Stop();

        // Several writers at once: appends serialise on the chain lock; this measures what that costs.
        var concurrent = Stopwatch.StartNew();
        await Task.WhenAll(Enumerable.Range(0, writers).Select(w => Task.Run(async () =>
        {
            for (var i = 0; i < saves / writers; i++)
            {
                await AddPeopleAsync(app.Services, agency, i, perSave);
            }
        })));
        concurrent.Stop();

        var (entries, verifySeconds, intact) = await WithDbAsync(app.Services, db =>
        {
            var watch = Stopwatch.StartNew();
            var result = ChainVerifier.Verify(ChainReader.Ledger(db), ChainWitness.None);
            return Task.FromResult((result.EntriesChecked, watch.Elapsed.TotalSeconds, result.IsIntact));
        });

        Console.WriteLine($"provider: {provider}");
        var concurrentSaves = saves / writers * writers;
        Console.WriteLine($"one writer: {saves} saves of {perSave} change(s) in {single.Elapsed.TotalSeconds:F2} s = {saves / single.Elapsed.TotalSeconds:F0} saves/s, {saves * perSave / single.Elapsed.TotalSeconds:F0} ledger appends/s");
        Console.WriteLine($"{writers} writers: {concurrentSaves} saves of {perSave} change(s) in {concurrent.Elapsed.TotalSeconds:F2} s = {concurrentSaves / concurrent.Elapsed.TotalSeconds:F0} saves/s, {concurrentSaves * perSave / concurrent.Elapsed.TotalSeconds:F0} ledger appends/s");
        Console.WriteLine($"verify: {entries} entries in {verifySeconds:F2} s = {entries / verifySeconds:F0} entries/s, intact: {intact}");
        try
        {
            Directory.Delete(dataDirectory, recursive: true);
        }
        catch (IOException)
        {
        }
        return intact ? 0 : 1;
    }

    private static async Task AddPeopleAsync(IServiceProvider services, Safeguard.Core.Id<Agency> agency, int i, int count)
    {
        using var scope = services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<SafeguardDbContext>();
        for (var n = 0; n < count; n++)
        {
            db.People.Add(new Person { GivenName = $"Bench{i}.{n}", FamilyName = "Person", CreatedByAgencyId = agency, CreatedAt = db.Now });
        }
        await db.SaveChangesAsync();
    }

    private static async Task<T> WithDbAsync<T>(IServiceProvider services, Func<SafeguardDbContext, Task<T>> work)
    {
        using var scope = services.CreateScope();
        return await work(scope.ServiceProvider.GetRequiredService<SafeguardDbContext>());
    }

    private static string? Arg(string[] args, string name)
    {
        var i = Array.IndexOf(args, name);
        return i >= 0 && i + 1 < args.Length ? args[i + 1] : null;
    }
}
