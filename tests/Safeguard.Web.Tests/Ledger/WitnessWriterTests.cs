using System.Net;
using Microsoft.EntityFrameworkCore;
using Safeguard.Web.Cli;
using Safeguard.Web.Data;
using Safeguard.Web.Data.Model;
using Safeguard.Web.Demo;
using Safeguard.Web.Tests.Infrastructure;
using static Safeguard.Web.Tests.Ledger.ChainTampering;
using ChainName = Safeguard.Web.Data.SafeguardDbContext.ChainName;

namespace Safeguard.Web.Tests.Ledger;

/// <summary>
/// The unprotected window: how soon a new head reaches the witness once written, by this instance, by another
/// instance or by the command line, and what the running application does when a witness location fails or is
/// tampered with. The tests wait on the witness files and move the application's fake clock; they never sleep to
/// let time pass.
/// </summary>
public sealed class WitnessWriterTests
{
    private const string Reason = "Police report Aisha missing tonight; need her contacts and school to find her.";
    private static readonly Dictionary<string, string?> s_writerOn = new() { ["Ledger:CheckpointInterval"] = "00:00:05" };

    private static string Witness(SafeguardServer server, ChainName chain) => WitnessFile(Path.Combine(server.DataDirectory, "witness"), chain);

    [Fact]
    public async Task A_write_through_the_app_reaches_the_witness_as_it_commits_without_waiting_for_the_interval()
    {
        await using var server = await SafeguardServer.StartAsync(settings: s_writerOn);
        using var practitioner = await SignedInClient.SignInAsync(server, "csc.practitioner");
        var aisha = await server.IdOfAsync("Aisha");

        var broke = await practitioner.PostFormAsync($"/children/{aisha}/break-glass", "/home", ("Input.Reason", Reason));
        Assert.Equal(HttpStatusCode.Redirect, broke.StatusCode);

        var breakGlass = await server.WithDbAsync(db => db.AccessLog.AsNoTracking().SingleAsync(e => e.Action == "break-glass"));
        var recorded = await server.WithDbAsync(db => db.Ledger.AsNoTracking().SingleAsync(e => e.Type == "BreakGlassAccess.added"));
        Assert.Equal(Reason, breakGlass.Reason);
        Assert.Equal(breakGlass.Actor, recorded.Actor);
        // The fake clock is never moved: the commit itself wakes the writer.
        Assert.True(await WitnessReachesAsync(Witness(server, ChainName.AccessLog), breakGlass.Sequence), "the break-glass read did not reach the witness");
        Assert.True(await WitnessReachesAsync(Witness(server, ChainName.Ledger), recorded.Sequence), "the break-glass record did not reach the witness");
        var (exit, output) = await CliAsync(server, "verify");
        Assert.Equal(CommandLine.Success, exit);
        Assert.Contains($"access log: {await HeadAsync(server, ChainName.AccessLog)} entries intact", output, StringComparison.Ordinal);
    }

    /// <summary>
    /// Entries written by another instance on the same database (or by anything else that does not wake this
    /// instance's writer) are witnessed at the writer's next poll: by default within five seconds.
    /// </summary>
    [Fact]
    public async Task By_default_entries_written_by_another_instance_reach_the_witness_within_five_seconds()
    {
        await using var server = await SafeguardServer.StartAsync(seed: false, settings: new Dictionary<string, string?> { ["Ledger:CheckpointInterval"] = null });
        await LedgerTamperingTests.AddPeopleAsync(server, 3);
        Assert.True(await WitnessReachesAsync(Witness(server, ChainName.Ledger), await HeadAsync(server, ChainName.Ledger)), "this instance's own write was not witnessed");

        var otherData = Path.Combine(Path.GetTempPath(), "safeguard-tests", "other-" + Guid.NewGuid().ToString("N"));
        try
        {
            await using (var other = SafeguardApp.CreateBuilder([], new Dictionary<string, string?>
            {
                ["Database:Provider"] = server.Provider.ToString(),
                ["ConnectionStrings:Safeguard"] = server.ConnectionString,
                ["Safeguard:DataDirectory"] = otherData,
                ["Ledger:CheckpointInterval"] = "0",
                ["Logging:LogLevel:Default"] = "Warning",
            }).Build())
            {
                await using var scope = other.Services.CreateAsyncScope();
                var db = scope.ServiceProvider.GetRequiredService<SafeguardDbContext>();
                var agency = await db.Agencies.FirstAsync();
                db.People.Add(new Person { GivenName = "Elsewhere", FamilyName = "Person", CreatedByAgencyId = agency.Id, CreatedAt = db.Now });
                await db.SaveChangesAsync();
            }
            var head = await HeadAsync(server, ChainName.Ledger);

            server.Clock.Advance(TimeSpan.FromSeconds(5));

            Assert.True(await WitnessReachesAsync(Witness(server, ChainName.Ledger), head), $"entry {head}, written by another instance, was not witnessed five seconds later");
        }
        finally
        {
            if (Directory.Exists(otherData))
            {
                Directory.Delete(otherData, recursive: true);
            }
        }
    }

    [Fact]
    public async Task A_command_line_verb_that_writes_witnesses_its_entries_before_it_exits()
    {
        await using var server = await SafeguardServer.StartAsync();
        var stderr = new StringWriter();
        var exit = await CommandLine.RunAsync(["partner-token", "issue", "CSC", "Case", "system", .. LedgerTamperingTests.CliSettings(server)], new StringWriter(), stderr);
        Assert.Equal(CommandLine.Success, exit);
        var issued = await server.WithDbAsync(db => db.Ledger.AsNoTracking().Where(e => e.Type == "PartnerToken.added").OrderByDescending(e => e.Sequence).FirstAsync());
        Assert.Contains("Case system", issued.Payload, StringComparison.Ordinal);
        Assert.Contains("partner-token", issued.Actor, StringComparison.Ordinal);

        Assert.Equal(await HeadAsync(server, ChainName.Ledger), WitnessedHead(Witness(server, ChainName.Ledger)));
        Assert.DoesNotContain("Warning", stderr.ToString(), StringComparison.Ordinal);
    }

    /// <summary>
    /// A second witness location that cannot be written (here: its parent is a file, as an unmounted share can be)
    /// does not stop the application: the user's write succeeds, the first location is witnessed, the failure is
    /// logged without any of the record's contents, and the location catches up once it is back.
    /// </summary>
    [Fact]
    public async Task An_unavailable_witness_location_is_logged_without_personal_data_and_caught_up_when_it_returns()
    {
        var blockedRoot = Path.Combine(Path.GetTempPath(), "safeguard-tests", "blocked-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(Path.GetDirectoryName(blockedRoot)!);
        File.WriteAllText(blockedRoot, "an unmounted share");
        var second = Path.Combine(blockedRoot, "witness");
        var firstName = "witness-first-" + Guid.NewGuid().ToString("N");
        try
        {
            await using var server = await SafeguardServer.StartAsync(settings: new Dictionary<string, string?>
            {
                ["Ledger:CheckpointInterval"] = "00:00:05",
                ["Ledger:WitnessDirectories:0"] = Path.Combine(Path.GetTempPath(), "safeguard-tests", firstName),
                ["Ledger:WitnessDirectories:1"] = second,
            });
            var first = Path.Combine(Path.GetTempPath(), "safeguard-tests", firstName);
            using var practitioner = await SignedInClient.SignInAsync(server, "csc.practitioner");
            var aisha = await server.IdOfAsync("Aisha");

            var broke = await practitioner.PostFormAsync($"/children/{aisha}/break-glass", "/home", ("Input.Reason", Reason));

            Assert.Equal(HttpStatusCode.Redirect, broke.StatusCode);
            var head = await HeadAsync(server, ChainName.AccessLog);
            Assert.Equal(Reason, await server.WithDbAsync(db => db.AccessLog.Where(e => e.Sequence == head).Select(e => e.Reason).SingleAsync()));
            Assert.True(await WitnessReachesAsync(WitnessFile(first, ChainName.AccessLog), head), "the first location was not witnessed");
            var errors = server.Logs.Lines.Where(l => l.StartsWith("Error", StringComparison.Ordinal) && l.Contains(second, StringComparison.Ordinal)).ToList();
            Assert.NotEmpty(errors);
            Assert.Contains(errors, l => l.Contains("unavailable", StringComparison.Ordinal) && l.Contains("keeps serving", StringComparison.Ordinal));
            foreach (var personal in new[] { Reason, "Aisha", "Khan", DemoPartnership.EmailOf("csc.practitioner"), "Sam Whitfield" })
            {
                Assert.DoesNotContain(server.Logs.Lines, l => l.Contains(personal, StringComparison.OrdinalIgnoreCase));
            }
            var failing = await CliAsync(server, "verify", $"--Ledger:WitnessDirectories:0={first}", $"--Ledger:WitnessDirectories:1={second}");
            Assert.Equal(CommandLine.Failure, failing.Exit);

            // The share comes back: the next poll writes the whole witness there.
            File.Delete(blockedRoot);
            server.Clock.Advance(TimeSpan.FromSeconds(5));

            Assert.True(await WitnessReachesAsync(WitnessFile(second, ChainName.AccessLog), head), "the returning location was not caught up");
            Assert.True(await WitnessReachesAsync(WitnessFile(second, ChainName.Ledger), await HeadAsync(server, ChainName.Ledger)), "the returning location was not caught up");
            var (exit, output) = await CliAsync(server, "verify", $"--Ledger:WitnessDirectories:0={first}", $"--Ledger:WitnessDirectories:1={second}");
            Assert.Equal(CommandLine.Success, exit);
            Assert.Contains("access log: 0 entries after the last witnessed head", output, StringComparison.Ordinal);
            Directory.Delete(first, recursive: true);
        }
        finally
        {
            if (File.Exists(blockedRoot))
            {
                File.Delete(blockedRoot);
            }
            else if (Directory.Exists(blockedRoot))
            {
                Directory.Delete(blockedRoot, recursive: true);
            }
        }
    }

    /// <summary>
    /// Recreating a removed witness from the database as it then stands would bless whatever was done to the chain
    /// meanwhile. The running application refuses, says so in its log, and `ledger verify` fails.
    /// </summary>
    [Fact]
    public async Task A_removed_witness_is_not_recreated_by_the_running_application()
    {
        await using var server = await SafeguardServer.StartAsync(seed: false, settings: s_writerOn);
        await LedgerTamperingTests.AddPeopleAsync(server, 4);
        Assert.True(await WitnessReachesAsync(Witness(server, ChainName.Ledger), await HeadAsync(server, ChainName.Ledger)));

        File.Delete(Witness(server, ChainName.Ledger));
        await ApplyAsync(server, ChainName.Ledger, Tampering.EditWithRecomputedHashes, 2);
        await LedgerTamperingTests.AddPeopleAsync(server, 1);

        Assert.True(await LogsAsync(server, "was removed after this application wrote it"), "the writer did not report the removed witness");
        Assert.False(File.Exists(Witness(server, ChainName.Ledger)));
        var (exit, output) = await CliAsync(server, "verify");
        Assert.Equal(CommandLine.Failure, exit);
        Assert.Contains("ledger: FAILED: there is no witness in", output, StringComparison.Ordinal);
    }

    /// <summary>
    /// A witness file put back to an earlier (validly signed) state while the application runs: the writer does not
    /// continue from it, so a rewrite of the entries after it is never witnessed as if it were the truth.
    /// </summary>
    [Fact]
    public async Task A_witness_rolled_back_while_the_application_runs_is_not_continued()
    {
        await using var server = await SafeguardServer.StartAsync(seed: false, settings: s_writerOn);
        await LedgerTamperingTests.AddPeopleAsync(server, 4);
        var early = await HeadAsync(server, ChainName.Ledger);
        Assert.True(await WitnessReachesAsync(Witness(server, ChainName.Ledger), early));
        var rolledBack = await File.ReadAllBytesAsync(Witness(server, ChainName.Ledger));
        await LedgerTamperingTests.AddPeopleAsync(server, 4);
        Assert.True(await WitnessReachesAsync(Witness(server, ChainName.Ledger), await HeadAsync(server, ChainName.Ledger)));

        await File.WriteAllBytesAsync(Witness(server, ChainName.Ledger), rolledBack);
        await ApplyAsync(server, ChainName.Ledger, Tampering.EditWithRecomputedHashes, early + 1);
        await LedgerTamperingTests.AddPeopleAsync(server, 1);

        Assert.True(await LogsAsync(server, $"went back from entry"), "the writer did not report the rolled-back witness");
        Assert.Equal(early, WitnessedHead(Witness(server, ChainName.Ledger)));
    }

    private static async Task<bool> LogsAsync(SafeguardServer server, string text)
    {
        var until = DateTime.UtcNow.AddSeconds(30);
        while (DateTime.UtcNow < until)
        {
            if (server.Logs.Lines.Any(l => l.Contains(text, StringComparison.Ordinal)))
            {
                return true;
            }
            await Task.Delay(50);
        }
        return false;
    }
}
