using System.Net;
using Microsoft.EntityFrameworkCore;
using Safeguard.Core.Ledger;
using Safeguard.Web.Cli;
using Safeguard.Web.Data;
using Safeguard.Web.Ledger;
using Safeguard.Web.Tests.Infrastructure;
using static Safeguard.Web.Tests.Ledger.ChainTampering;
using ChainName = Safeguard.Web.Data.SafeguardDbContext.ChainName;

namespace Safeguard.Web.Tests.Ledger;

/// <summary>
/// Every way a database administrator can rewrite either chain, before and after the last witnessed head, and what
/// happens when the witness itself is removed, forged, or contradicted by a second location. `ledger verify` must exit
/// 1 and name the problem; where nothing can be known (entries no witness has seen yet) it must say how many.
/// </summary>
public sealed class WitnessTamperingTests
{
    private static readonly Dictionary<string, string?> s_writerOn = new() { ["Ledger:CheckpointInterval"] = "00:00:05" };

    public static TheoryData<DatabaseProvider, ChainName, Tampering> BeforeTheWitnessedHead()
    {
        var data = new TheoryData<DatabaseProvider, ChainName, Tampering>();
        foreach (var provider in new[] { DatabaseProvider.Postgres, DatabaseProvider.Sqlite })
        {
            foreach (var chain in Enum.GetValues<ChainName>())
            {
                foreach (var tampering in Enum.GetValues<Tampering>())
                {
                    data.Add(provider, chain, tampering);
                }
            }
        }
        return data;
    }

    [Theory]
    [MemberData(nameof(BeforeTheWitnessedHead))]
    public async Task Tampering_before_the_last_witnessed_head_is_found_at_that_entry(DatabaseProvider provider, ChainName chain, Tampering tampering)
    {
        await using var server = await SafeguardServer.StartAsync(provider, seed: false);
        await LedgerTamperingTests.AddPeopleAsync(server, 20);
        await AddAccessEntriesAsync(server, 12);
        Assert.Equal(CommandLine.Success, (await CliAsync(server, "checkpoint")).Exit);
        var target = chain == ChainName.Ledger ? 13 : 6;
        Assert.True(await HeadAsync(server, chain) > target + 1);

        await ApplyAsync(server, chain, tampering, target);

        var (exit, output) = await CliAsync(server, "verify");
        Assert.Equal(CommandLine.Failure, exit);
        Assert.Contains($"{Label(chain)}: FAILED at sequence {target}:", output, StringComparison.Ordinal);
        var other = chain == ChainName.Ledger ? ChainName.AccessLog : ChainName.Ledger;
        Assert.Contains($"{Label(other)}: {await HeadAsync(server, other)} entries intact", output, StringComparison.Ordinal);
    }

    public static TheoryData<ChainName, Tampering> EveryChainAndTampering()
    {
        var data = new TheoryData<ChainName, Tampering>();
        foreach (var chain in Enum.GetValues<ChainName>())
        {
            foreach (var tampering in Enum.GetValues<Tampering>())
            {
                data.Add(chain, tampering);
            }
        }
        return data;
    }

    /// <summary>
    /// The defect: entries written after the last checkpoint could be rewritten unnoticed until the next one, a quarter
    /// of an hour later. Now the running application carries each head to the witness as it commits, so entries
    /// written after an operator's checkpoint are witnessed too, and every kind of rewrite of them is found.
    /// </summary>
    [Theory]
    [MemberData(nameof(EveryChainAndTampering))]
    public async Task Tampering_after_the_last_checkpoint_is_found_because_the_running_application_witnessed_the_new_head(ChainName chain, Tampering tampering)
    {
        await using var server = await SafeguardServer.StartAsync(seed: false, settings: s_writerOn);
        await LedgerTamperingTests.AddPeopleAsync(server, 6);
        await AddAccessEntriesAsync(server, 3);
        Assert.Equal(CommandLine.Success, (await CliAsync(server, "checkpoint")).Exit);
        var checkpointed = await HeadAsync(server, chain);

        await LedgerTamperingTests.AddPeopleAsync(server, 10);
        await AddAccessEntriesAsync(server, 6);
        var head = await HeadAsync(server, chain);
        Assert.True(await WitnessReachesAsync(WitnessFile(Path.Combine(server.DataDirectory, "witness"), chain), head),
            $"the {Label(chain)}'s head {head} did not reach the witness (it holds {WitnessedHead(WitnessFile(Path.Combine(server.DataDirectory, "witness"), chain))})");
        var target = checkpointed + 2;
        Assert.True(head > target + 1);

        await ApplyAsync(server, chain, tampering, target);

        var (exit, output) = await CliAsync(server, "verify");
        Assert.Equal(CommandLine.Failure, exit);
        Assert.Contains($"{Label(chain)}: FAILED at sequence {target}:", output, StringComparison.Ordinal);
    }

    /// <summary>
    /// Entries no witness has seen yet (here: the application's writer is off) are the one window left. A rewrite of
    /// them with recomputed hashes cannot be told from the truth, so `ledger verify` says how many there are; a
    /// clumsier edit, swap or deletion is still found by the chain alone.
    /// </summary>
    [Theory]
    [MemberData(nameof(EveryChainAndTampering))]
    public async Task Tampering_after_the_last_witnessed_head_is_found_by_the_chain_or_counted_as_unwitnessed(ChainName chain, Tampering tampering)
    {
        await using var server = await SafeguardServer.StartAsync(seed: false);
        await LedgerTamperingTests.AddPeopleAsync(server, 6);
        await AddAccessEntriesAsync(server, 3);
        Assert.Equal(CommandLine.Success, (await CliAsync(server, "checkpoint")).Exit);
        var witnessed = await HeadAsync(server, chain);
        await LedgerTamperingTests.AddPeopleAsync(server, 6);
        await AddAccessEntriesAsync(server, 5);
        var head = await HeadAsync(server, chain);
        var target = witnessed + 2;

        var before = await CliAsync(server, "verify");
        Assert.Equal(CommandLine.Success, before.Exit);
        Assert.Contains($"{Label(chain)}: {head - witnessed} entries after the last witnessed head", before.Output, StringComparison.Ordinal);

        await ApplyAsync(server, chain, tampering, target);

        var (exit, output) = await CliAsync(server, "verify");
        if (tampering is Tampering.Edit or Tampering.Swap or Tampering.Delete)
        {
            Assert.Equal(CommandLine.Failure, exit);
            Assert.Contains($"{Label(chain)}: FAILED at sequence {target}:", output, StringComparison.Ordinal);
        }
        else
        {
            // Nothing outside the database ever saw these entries: what verify can do is say how many there are.
            var remaining = tampering switch
            {
                Tampering.TruncateTail => target - 1 - witnessed,
                Tampering.DeleteWithRecomputedHashes => head - 1 - witnessed,
                _ => head - witnessed,
            };
            Assert.Contains($"{Label(chain)}: {remaining} entries after the last witnessed head", output, StringComparison.Ordinal);
            Assert.Contains($"(last checkpoint at entry {witnessed})", output, StringComparison.Ordinal);
        }
    }

    public static TheoryData<bool> BreakGlassDeletions => [false, true];

    /// <summary>
    /// The reported case: a practitioner breaks the glass on a child they have no relationship with, and someone
    /// with the database's keys deletes the access-log entry that says so, either the last entry outright or from
    /// the middle with the later entries renumbered and rehashed.
    /// </summary>
    [Theory]
    [MemberData(nameof(BreakGlassDeletions))]
    public async Task Deleting_a_break_glass_access_log_entry_written_through_the_app_is_found(bool fromTheMiddle)
    {
        await using var server = await SafeguardServer.StartAsync(settings: s_writerOn);
        using var practitioner = await SignedInClient.SignInAsync(server, "csc.practitioner");
        var aisha = await server.IdOfAsync("Aisha");
        const string Reason = "Police report Aisha missing tonight; need her contacts and school to find her.";

        var broke = await practitioner.PostFormAsync($"/children/{aisha}/break-glass", "/home", ("Input.Reason", Reason));
        Assert.Equal(HttpStatusCode.Redirect, broke.StatusCode);
        Assert.Equal($"/children/{aisha}", broke.Headers.Location?.OriginalString);
        if (fromTheMiddle)
        {
            var record = await practitioner.Http.GetAsync($"/children/{aisha}");
            Assert.Equal(HttpStatusCode.OK, record.StatusCode);
        }

        // Who is named in the entry is another defect's business (the actor): here what matters is that the entry
        // is the break-glass read with its reason, and that its removal is found.
        var entry = await server.WithDbAsync(db => db.AccessLog.AsNoTracking().SingleAsync(e => e.Action == "break-glass"));
        Assert.Equal(Reason, entry.Reason);
        Assert.Equal($"person/{aisha}", entry.Stream);
        var head = await HeadAsync(server, ChainName.AccessLog);
        Assert.Equal(fromTheMiddle, head > entry.Sequence);
        Assert.True(await WitnessReachesAsync(WitnessFile(Path.Combine(server.DataDirectory, "witness"), ChainName.AccessLog), head),
            "the break-glass entry did not reach the witness");

        await ApplyAsync(server, ChainName.AccessLog, fromTheMiddle ? Tampering.DeleteWithRecomputedHashes : Tampering.Delete, entry.Sequence);
        Assert.False(await server.WithDbAsync(db => db.AccessLog.AnyAsync(e => e.Action == "break-glass")));

        var (exit, output) = await CliAsync(server, "verify");
        Assert.Equal(CommandLine.Failure, exit);
        Assert.Contains($"access log: FAILED at sequence {entry.Sequence}:", output, StringComparison.Ordinal);
    }

    public static TheoryData<DatabaseProvider, ChainName> ProvidersAndChains() => new()
    {
        { DatabaseProvider.Postgres, ChainName.Ledger },
        { DatabaseProvider.Postgres, ChainName.AccessLog },
        { DatabaseProvider.Sqlite, ChainName.Ledger },
        { DatabaseProvider.Sqlite, ChainName.AccessLog },
    };

    [Theory]
    [MemberData(nameof(ProvidersAndChains))]
    public async Task Removing_a_chains_witness_makes_verify_fail(DatabaseProvider provider, ChainName chain)
    {
        await using var server = await SafeguardServer.StartAsync(provider, seed: false);
        await LedgerTamperingTests.AddPeopleAsync(server, 5);
        await AddAccessEntriesAsync(server, 3);
        Assert.Equal(CommandLine.Success, (await CliAsync(server, "checkpoint")).Exit);
        var witnessDirectory = Path.Combine(server.DataDirectory, "witness");

        File.Delete(WitnessFile(witnessDirectory, chain));

        var (exit, output) = await CliAsync(server, "verify");
        Assert.Equal(CommandLine.Failure, exit);
        Assert.Contains($"{Label(chain)}: FAILED: there is no witness in {witnessDirectory} of a chain of {await HeadAsync(server, chain)} entries", output, StringComparison.Ordinal);
        Assert.DoesNotContain($"{Label(chain)}: {await HeadAsync(server, chain)} entries intact", output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Removing_the_whole_witness_directory_makes_verify_fail_for_both_chains_and_a_rewrite_is_not_excused()
    {
        await using var server = await SafeguardServer.StartAsync(seed: false);
        await LedgerTamperingTests.AddPeopleAsync(server, 8);
        await AddAccessEntriesAsync(server, 3);
        Assert.Equal(CommandLine.Success, (await CliAsync(server, "checkpoint")).Exit);

        await ApplyAsync(server, ChainName.Ledger, Tampering.EditWithRecomputedHashes, 4);
        Directory.Delete(Path.Combine(server.DataDirectory, "witness"), recursive: true);

        var (exit, output) = await CliAsync(server, "verify");
        Assert.Equal(CommandLine.Failure, exit);
        Assert.Contains("ledger: FAILED: there is no witness in", output, StringComparison.Ordinal);
        Assert.Contains("access log: FAILED: there is no witness in", output, StringComparison.Ordinal);
    }

    /// <summary>
    /// A new installation: `migrate` creates the witness key and signed witnesses of the two empty chains, so every
    /// entry from the first on is witnessed, and verify passes.
    /// </summary>
    [Fact]
    public async Task Migrating_a_new_database_starts_signed_witnesses_of_the_empty_chains()
    {
        var data = Path.Combine(Path.GetTempPath(), "safeguard-tests", "new-" + Guid.NewGuid().ToString("N"));
        try
        {
            string[] settings = [$"--Safeguard:DataDirectory={data}", "--Database:Provider=Sqlite"];
            Assert.Equal(CommandLine.Success, await CommandLine.RunAsync(["migrate", .. settings], new StringWriter(), new StringWriter()));
            var stdout = new StringWriter();
            var exit = await CommandLine.RunAsync(["ledger", "verify", .. settings], stdout, new StringWriter());
            Assert.Equal(CommandLine.Success, exit);
            var output = stdout.ToString();
            Assert.Contains("ledger: 0 entries intact (last checkpoint at entry 0)", output, StringComparison.Ordinal);
            Assert.Contains($"ledger: witness {WitnessFile(Path.Combine(data, "witness"), ChainName.Ledger)}: signed, witnessed to entry 0 at ", output, StringComparison.Ordinal);
            Assert.Contains($"access log: witness {WitnessFile(Path.Combine(data, "witness"), ChainName.AccessLog)}: signed, witnessed to entry 0 at ", output, StringComparison.Ordinal);
            Assert.Contains("ledger: 0 entries after the last witnessed head", output, StringComparison.Ordinal);
        }
        finally
        {
            if (Directory.Exists(data))
            {
                Directory.Delete(data, recursive: true);
            }
        }
    }

    public static TheoryData<DatabaseProvider, string> Forgeries()
    {
        var data = new TheoryData<DatabaseProvider, string>();
        foreach (var provider in new[] { DatabaseProvider.Postgres, DatabaseProvider.Sqlite })
        {
            data.Add(provider, "witness lines edited to the new hashes");
            data.Add(provider, "witness rebuilt unsigned");
        }
        return data;
    }

    /// <summary>
    /// The attacker rewrites entries with recomputed hashes and then makes the witness agree, without the witness
    /// key: by editing its entry lines, or by writing a new witness in the old unsigned form.
    /// </summary>
    [Theory]
    [MemberData(nameof(Forgeries))]
    public async Task A_witness_rewritten_without_the_key_is_rejected(DatabaseProvider provider, string forgery)
    {
        await using var server = await SafeguardServer.StartAsync(provider, seed: false);
        await LedgerTamperingTests.AddPeopleAsync(server, 12);
        await AddAccessEntriesAsync(server, 3);
        Assert.Equal(CommandLine.Success, (await CliAsync(server, "checkpoint")).Exit);
        await ApplyAsync(server, ChainName.Ledger, Tampering.EditWithRecomputedHashes, 5);
        List<ChainRow> rows;
        await using (var scope = server.Scope())
        {
            rows = ChainReader.Ledger(scope.ServiceProvider.GetRequiredService<SafeguardDbContext>()).ToList();
        }
        var path = WitnessFile(Path.Combine(server.DataDirectory, "witness"), ChainName.Ledger);
        var hashes = rows.ToDictionary(r => r.Sequence, r => r.Hash);
        if (forgery == "witness lines edited to the new hashes")
        {
            var lines = File.ReadAllLines(path).Select(line =>
            {
                var parts = line.Split(' ');
                if (parts.Length == 2 && long.TryParse(parts[0], out var sequence) && hashes.TryGetValue(sequence, out var hash))
                {
                    return $"{sequence} {hash}";
                }
                if (parts.Length >= 3 && parts[0] == "@checkpoint" && long.TryParse(parts[1], out var head) && hashes.TryGetValue(head, out var headHash))
                {
                    parts[2] = headHash;
                    return string.Join(' ', parts);
                }
                return line;
            });
            File.WriteAllLines(path, lines);
        }
        else
        {
            File.WriteAllLines(path, [
                "# safeguard chain witness v1",
                .. rows.Select(r => $"{r.Sequence} {r.Hash}"),
                $"@checkpoint {rows[^1].Sequence} {rows[^1].Hash} 2026-01-01T00:00:00.000000Z",
            ]);
        }

        var (exit, output) = await CliAsync(server, "verify");
        Assert.Equal(CommandLine.Failure, exit);
        Assert.Contains("ledger: FAILED: ", output, StringComparison.Ordinal);
        Assert.DoesNotContain($"ledger: {rows.Count} entries intact", output, StringComparison.Ordinal);
    }

    /// <summary>
    /// Two witness locations. The attacker rolls the second back to an earlier checkpoint (a validly signed file),
    /// rewrites the entries after it with recomputed hashes, and lets a checkpoint witness the rewrite there. The
    /// first location still holds the truth: verify fails, saying the locations disagree.
    /// </summary>
    [Theory]
    [InlineData(DatabaseProvider.Postgres)]
    [InlineData(DatabaseProvider.Sqlite)]
    public async Task A_second_witness_location_that_disagrees_makes_verify_fail(DatabaseProvider provider)
    {
        await using var server = await SafeguardServer.StartAsync(provider, seed: false);
        var first = Path.Combine(server.DataDirectory, "witness-here");
        var second = Path.Combine(server.DataDirectory, "witness-elsewhere");
        string[] locations = [$"--Ledger:WitnessDirectories:0={first}", $"--Ledger:WitnessDirectories:1={second}"];
        await LedgerTamperingTests.AddPeopleAsync(server, 5);
        await AddAccessEntriesAsync(server, 2);
        Assert.Equal(CommandLine.Success, (await CliAsync(server, "checkpoint", locations)).Exit);
        var early = await HeadAsync(server, ChainName.Ledger);
        var rolledBack = File.ReadAllBytes(WitnessFile(second, ChainName.Ledger));
        await LedgerTamperingTests.AddPeopleAsync(server, 6);
        Assert.Equal(CommandLine.Success, (await CliAsync(server, "checkpoint", locations)).Exit);
        Assert.Equal(await HeadAsync(server, ChainName.Ledger), WitnessedHead(WitnessFile(second, ChainName.Ledger)));

        File.WriteAllBytes(WitnessFile(second, ChainName.Ledger), rolledBack);
        var target = early + 2;
        await ApplyAsync(server, ChainName.Ledger, Tampering.EditWithRecomputedHashes, target);
        var checkpoint = await CliAsync(server, "checkpoint", locations);
        Assert.Equal(CommandLine.Failure, checkpoint.Exit);
        Assert.Contains($"ledger: refused: entry {early + 6} is not what was witnessed", checkpoint.Output, StringComparison.Ordinal);
        Assert.True(checkpoint.Output.Contains($"ledger: checkpoint at entry {await HeadAsync(server, ChainName.Ledger)} (", StringComparison.Ordinal), checkpoint.Output);

        var (exit, output) = await CliAsync(server, "verify", locations);
        Assert.Equal(CommandLine.Failure, exit);
        Assert.Contains($"ledger: FAILED at sequence {target}: entry {target} differs from what {first} witnessed", output, StringComparison.Ordinal);
        Assert.Contains($"({second} witnessed the database's hash: the witness locations disagree)", output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Both_witness_locations_are_written_and_a_missing_second_one_makes_verify_fail()
    {
        await using var server = await SafeguardServer.StartAsync(seed: false);
        var first = Path.Combine(server.DataDirectory, "witness-here");
        var second = Path.Combine(server.DataDirectory, "witness-elsewhere");
        string[] locations = [$"--Ledger:WitnessDirectories:0={first}", $"--Ledger:WitnessDirectories:1={second}"];
        await LedgerTamperingTests.AddPeopleAsync(server, 5);
        await AddAccessEntriesAsync(server, 2);
        Assert.Equal(CommandLine.Success, (await CliAsync(server, "checkpoint", locations)).Exit);
        var ledgerHead = await HeadAsync(server, ChainName.Ledger);
        foreach (var location in new[] { first, second })
        {
            Assert.Equal(ledgerHead, WitnessedHead(WitnessFile(location, ChainName.Ledger)));
            Assert.Equal(await HeadAsync(server, ChainName.AccessLog), WitnessedHead(WitnessFile(location, ChainName.AccessLog)));
        }
        var intact = await CliAsync(server, "verify", locations);
        Assert.Equal(CommandLine.Success, intact.Exit);
        Assert.Contains($"ledger: witness {WitnessFile(first, ChainName.Ledger)}: signed, witnessed to entry {ledgerHead}", intact.Output, StringComparison.Ordinal);
        Assert.Contains($"ledger: witness {WitnessFile(second, ChainName.Ledger)}: signed, witnessed to entry {ledgerHead}", intact.Output, StringComparison.Ordinal);

        Directory.Delete(second, recursive: true);

        var (exit, output) = await CliAsync(server, "verify", locations);
        Assert.Equal(CommandLine.Failure, exit);
        Assert.Contains($"ledger: FAILED: there is no witness in {second}", output, StringComparison.Ordinal);
        Assert.Contains($"access log: FAILED: there is no witness in {second}", output, StringComparison.Ordinal);
    }
}
