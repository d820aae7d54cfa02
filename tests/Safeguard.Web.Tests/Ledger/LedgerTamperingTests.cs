using System.Data.Common;
using Microsoft.EntityFrameworkCore;
using Safeguard.Core.Ledger;
using Safeguard.Web.Cli;
using Safeguard.Web.Data;
using Safeguard.Web.Data.Model;
using Safeguard.Web.Ledger;
using Safeguard.Web.Tests.Infrastructure;

namespace Safeguard.Web.Tests.Ledger;

/// <summary>
/// Tampering done the way an insider with database access would do it: raw SQL with the append-only triggers
/// switched off. Each kind must be found by `safeguard ledger verify`, naming the first bad sequence number.
/// </summary>
public sealed class LedgerTamperingTests
{
    private const int Entries = 30;

    public static TheoryData<DatabaseProvider> Providers => [DatabaseProvider.Postgres, DatabaseProvider.Sqlite];

    [Theory]
    [MemberData(nameof(Providers))]
    public async Task Intact_ledger_verifies_and_exits_zero(DatabaseProvider provider)
    {
        await using var server = await LedgerWithEntriesAsync(provider);
        var count = await LedgerCountAsync(server);
        var (exit, output) = await VerifyAsync(server);
        Assert.Equal(CommandLine.Success, exit);
        Assert.Contains($"ledger: {count} entries intact (last checkpoint at entry {count})", output, StringComparison.Ordinal);
    }

    public static TheoryData<DatabaseProvider, string> ColumnEdits()
    {
        var data = new TheoryData<DatabaseProvider, string>();
        string[] columns = ["Stream", "Type", "Payload", "Actor", "Agency", "At", "PreviousHash", "Hash"];
        foreach (var provider in new[] { DatabaseProvider.Postgres, DatabaseProvider.Sqlite })
        {
            foreach (var column in columns)
            {
                data.Add(provider, column);
            }
        }
        return data;
    }

    [Theory]
    [MemberData(nameof(ColumnEdits))]
    public async Task Editing_any_column_is_found_at_that_entry(DatabaseProvider provider, string column)
    {
        await using var server = await LedgerWithEntriesAsync(provider);
        var change = column switch
        {
            "At" when provider == DatabaseProvider.Postgres => "\"At\" = \"At\" + interval '1 second'",
            "At" => "\"At\" = \"At\" + 10000000",
            "PreviousHash" or "Hash" => $"\"{column}\" = '{new string('a', 64)}'",
            _ => $"\"{column}\" = \"{column}\" || 'x'",
        };
        await TamperAsync(server, $"UPDATE ledger_entries SET {change} WHERE \"Sequence\" = 17");
        await AssertFoundAtAsync(server, 17);
    }

    [Theory]
    [MemberData(nameof(Providers))]
    public async Task Renumbering_an_entry_is_found_where_it_went_missing(DatabaseProvider provider)
    {
        await using var server = await LedgerWithEntriesAsync(provider);
        await TamperAsync(server, "UPDATE ledger_entries SET \"Sequence\" = 9999 WHERE \"Sequence\" = 12");
        await AssertFoundAtAsync(server, 12);
    }

    [Theory]
    [MemberData(nameof(Providers))]
    public async Task Deleting_an_entry_is_found_at_that_entry(DatabaseProvider provider)
    {
        await using var server = await LedgerWithEntriesAsync(provider);
        await TamperAsync(server, "DELETE FROM ledger_entries WHERE \"Sequence\" = 9");
        await AssertFoundAtAsync(server, 9);
    }

    [Theory]
    [MemberData(nameof(Providers))]
    public async Task Inserting_a_forged_entry_in_the_middle_is_found_where_it_was_inserted(DatabaseProvider provider)
    {
        await using var server = await LedgerWithEntriesAsync(provider);
        // Make room at 20 by moving 20..30 up one (in two steps so no key collides), then forge a well-formed
        // entry that links correctly to entry 19: only the witness can tell it was never written by Safeguard.
        var previous = await HashOfAsync(server, 19);
        var at = DateTimeOffset.UtcNow;
        var fields = LedgerEntry.LedgerChainFields("person/forged", "Person.added", "{}", "user/forged", "CSC", ChainHash.TruncateToMicroseconds(at));
        var hash = ChainHash.Compute(20, previous, fields);
        await TamperAsync(server,
            "UPDATE ledger_entries SET \"Sequence\" = \"Sequence\" + 1000 WHERE \"Sequence\" >= 20",
            "UPDATE ledger_entries SET \"Sequence\" = \"Sequence\" - 999 WHERE \"Sequence\" >= 1000",
            InsertSql(server, 20, "person/forged", "Person.added", "{}", "user/forged", "CSC", ChainHash.TruncateToMicroseconds(at), previous, hash));
        await AssertFoundAtAsync(server, 20);
    }

    [Theory]
    [MemberData(nameof(Providers))]
    public async Task Appending_a_forged_entry_after_the_checkpoint_is_found_when_it_does_not_chain(DatabaseProvider provider)
    {
        await using var server = await LedgerWithEntriesAsync(provider);
        var count = await LedgerCountAsync(server);
        var previous = await HashOfAsync(server, count);
        await TamperAsync(server, InsertSql(server, count + 1, "person/forged", "Person.added", "{}", "user/forged", "CSC", DateTimeOffset.UtcNow, previous, new string('b', 64)));
        await AssertFoundAtAsync(server, count + 1);
    }

    [Theory]
    [MemberData(nameof(Providers))]
    public async Task Swapping_two_entries_is_found_at_the_first_of_them(DatabaseProvider provider)
    {
        await using var server = await LedgerWithEntriesAsync(provider);
        await TamperAsync(server,
            "UPDATE ledger_entries SET \"Sequence\" = 5000 WHERE \"Sequence\" = 14",
            "UPDATE ledger_entries SET \"Sequence\" = 14 WHERE \"Sequence\" = 15",
            "UPDATE ledger_entries SET \"Sequence\" = 15 WHERE \"Sequence\" = 5000");
        await AssertFoundAtAsync(server, 14);
    }

    [Theory]
    [MemberData(nameof(Providers))]
    public async Task Truncating_the_tail_is_found_at_the_first_missing_entry(DatabaseProvider provider)
    {
        await using var server = await LedgerWithEntriesAsync(provider);
        await TamperAsync(server, "DELETE FROM ledger_entries WHERE \"Sequence\" > 22");
        await AssertFoundAtAsync(server, 23);
    }

    [Theory]
    [MemberData(nameof(Providers))]
    public async Task Rewriting_from_an_entry_with_recomputed_hashes_is_found_at_that_entry(DatabaseProvider provider)
    {
        await using var server = await LedgerWithEntriesAsync(provider);
        List<ChainRow> rows;
        await using (var scope = server.Scope())
        {
            rows = ChainReader.Ledger(scope.ServiceProvider.GetRequiredService<SafeguardDbContext>()).ToList();
        }
        // The attacker knows the algorithm: they rewrite entry 11's payload and recompute every hash after it,
        // so the chain on its own is perfectly consistent.
        var statements = new List<string>();
        var previous = rows[9].Hash;
        for (var i = 10; i < rows.Count; i++)
        {
            var fields = rows[i].Fields.ToArray();
            if (i == 10)
            {
                fields[2] = "{\"rewritten\":true}";
            }
            var hash = ChainHash.Compute(rows[i].Sequence, previous, fields);
            statements.Add($"UPDATE ledger_entries SET \"Payload\" = '{fields[2]}', \"PreviousHash\" = '{previous}', \"Hash\" = '{hash}' WHERE \"Sequence\" = {rows[i].Sequence}");
            previous = hash;
        }
        await TamperAsync(server, [.. statements]);
        await AssertFoundAtAsync(server, 11);
    }

    [Theory]
    [MemberData(nameof(Providers))]
    public async Task Without_any_checkpoint_an_edit_is_still_found_by_the_chain_alone(DatabaseProvider provider)
    {
        await using var server = await LedgerWithEntriesAsync(provider, checkpoint: false);
        await TamperAsync(server, "UPDATE ledger_entries SET \"Payload\" = '{}' WHERE \"Sequence\" = 6");
        await AssertFoundAtAsync(server, 6);
    }

    [Theory]
    [MemberData(nameof(Providers))]
    public async Task Access_log_tampering_is_found_too(DatabaseProvider provider)
    {
        await using var server = await LedgerWithEntriesAsync(provider);
        await TamperAsync(server, "DELETE FROM access_log_entries WHERE \"Sequence\" = 3");
        var (exit, output) = await VerifyAsync(server);
        Assert.Equal(CommandLine.Failure, exit);
        Assert.Contains("access log: FAILED at sequence 3", output, StringComparison.Ordinal);
        Assert.Contains($"ledger: {await LedgerCountAsync(server)} entries intact", output, StringComparison.Ordinal);
    }

    [Theory]
    [MemberData(nameof(Providers))]
    public async Task A_checkpoint_refuses_to_bless_a_chain_altered_since_the_last_one(DatabaseProvider provider)
    {
        await using var server = await LedgerWithEntriesAsync(provider);
        var count = await LedgerCountAsync(server);
        await AddPeopleAsync(server, 5);
        await TamperAsync(server, $"UPDATE ledger_entries SET \"Payload\" = '{{}}' WHERE \"Sequence\" = {count + 2}");
        var stdout = new StringWriter();
        var exit = await CommandLine.RunAsync(["ledger", "checkpoint", .. CliSettings(server)], stdout, new StringWriter());
        Assert.Equal(CommandLine.Failure, exit);
        Assert.Contains("refused", stdout.ToString(), StringComparison.Ordinal);
    }

    internal static async Task<SafeguardServer> LedgerWithEntriesAsync(DatabaseProvider provider, bool checkpoint = true)
    {
        var server = await SafeguardServer.StartAsync(provider, seed: false);
        await AddPeopleAsync(server, Entries);
        await using (var scope = server.Scope())
        {
            var db = scope.ServiceProvider.GetRequiredService<SafeguardDbContext>();
            // Some reads for the access log chain.
            for (var i = 0; i < 5; i++)
            {
                db.RecordAccess($"person/{Guid.NewGuid()}", "view-record", "Allocated");
                await db.SaveChangesAsync();
            }
            Assert.True(await db.Ledger.CountAsync() >= Entries);
        }
        if (checkpoint)
        {
            var exit = await CommandLine.RunAsync(["ledger", "checkpoint", .. CliSettings(server)], new StringWriter(), new StringWriter());
            Assert.Equal(CommandLine.Success, exit);
        }
        return server;
    }

    internal static async Task AddPeopleAsync(SafeguardServer server, int count)
    {
        await using var scope = server.Scope();
        var db = scope.ServiceProvider.GetRequiredService<SafeguardDbContext>();
        var agency = await db.Agencies.FirstOrDefaultAsync();
        if (agency is null)
        {
            agency = new Agency { Code = "TST", Name = "Test agency", Kind = AgencyKind.Other };
            db.Agencies.Add(agency);
            await db.SaveChangesAsync();
            count--;
        }
        for (var i = 0; i < count; i++)
        {
            db.People.Add(new Person { GivenName = $"Test{i}", FamilyName = "Person", CreatedByAgencyId = agency.Id, CreatedAt = db.Now });
            await db.SaveChangesAsync();
        }
    }

    internal static string[] CliSettings(SafeguardServer server) =>
    [
        $"--Database:Provider={server.Provider}",
        $"--ConnectionStrings:Safeguard={server.ConnectionString}",
        $"--Safeguard:DataDirectory={server.DataDirectory}",
    ];

    internal static async Task<(int Exit, string Output)> VerifyAsync(SafeguardServer server)
    {
        var stdout = new StringWriter();
        var exit = await CommandLine.RunAsync(["ledger", "verify", .. CliSettings(server)], stdout, new StringWriter());
        return (exit, stdout.ToString());
    }

    private static async Task AssertFoundAtAsync(SafeguardServer server, long sequence)
    {
        var (exit, output) = await VerifyAsync(server);
        Assert.Equal(CommandLine.Failure, exit);
        Assert.Contains($"ledger: FAILED at sequence {sequence}:", output, StringComparison.Ordinal);
    }

    internal static async Task<long> LedgerCountAsync(SafeguardServer server)
    {
        await using var scope = server.Scope();
        return await scope.ServiceProvider.GetRequiredService<SafeguardDbContext>().Ledger.LongCountAsync();
    }

    private static async Task<string> HashOfAsync(SafeguardServer server, long sequence)
    {
        await using var scope = server.Scope();
        var db = scope.ServiceProvider.GetRequiredService<SafeguardDbContext>();
        return await db.Ledger.Where(e => e.Sequence == sequence).Select(e => e.Hash).SingleAsync();
    }

    private static string InsertSql(SafeguardServer server, long sequence, string stream, string type, string payload, string actor, string agency, DateTimeOffset at, string previous, string hash)
    {
        var atValue = server.Provider == DatabaseProvider.Postgres
            ? $"'{ChainHash.FormatInstant(at)}'::timestamptz"
            : ChainHash.TruncateToMicroseconds(at).UtcTicks.ToString(System.Globalization.CultureInfo.InvariantCulture);
        return "INSERT INTO ledger_entries (\"Sequence\", \"Stream\", \"Type\", \"Payload\", \"Actor\", \"Agency\", \"At\", \"PreviousHash\", \"Hash\") " +
               $"VALUES ({sequence}, '{stream}', '{type}', '{payload}', '{actor}', '{agency}', {atValue}, '{previous}', '{hash}')";
    }

    /// <summary>Runs SQL with the append-only triggers switched off, as someone with the database's keys could.</summary>
    internal static async Task TamperAsync(SafeguardServer server, params string[] statements)
    {
        await using var scope = server.Scope();
        var db = scope.ServiceProvider.GetRequiredService<SafeguardDbContext>();
        var connection = db.Database.GetDbConnection();
        await connection.OpenAsync();
        var script = new List<string>();
        if (server.Provider == DatabaseProvider.Postgres)
        {
            script.Add("ALTER TABLE ledger_entries DISABLE TRIGGER USER");
            script.Add("ALTER TABLE access_log_entries DISABLE TRIGGER USER");
            script.AddRange(statements);
            script.Add("ALTER TABLE ledger_entries ENABLE TRIGGER USER");
            script.Add("ALTER TABLE access_log_entries ENABLE TRIGGER USER");
        }
        else
        {
            script.AddRange(["DROP TRIGGER ledger_entries_no_update", "DROP TRIGGER ledger_entries_no_delete", "DROP TRIGGER access_log_entries_no_update", "DROP TRIGGER access_log_entries_no_delete"]);
            script.AddRange(statements);
            script.AddRange(SqliteAppendOnly.Sql);
        }
        foreach (var sql in script)
        {
            await using DbCommand command = connection.CreateCommand();
            command.CommandText = sql;
            await command.ExecuteNonQueryAsync();
        }
        await connection.CloseAsync();
    }
}
