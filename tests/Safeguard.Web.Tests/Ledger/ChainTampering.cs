using Microsoft.EntityFrameworkCore;
using Safeguard.Core.Ledger;
using Safeguard.Web.Cli;
using Safeguard.Web.Data;
using Safeguard.Web.Ledger;
using Safeguard.Web.Tests.Infrastructure;

namespace Safeguard.Web.Tests.Ledger;

/// <summary>What a database administrator can do to a chain once the append-only triggers are off.</summary>
public enum Tampering
{
    /// <summary>Change a column and leave the hashes: the chain alone finds it.</summary>
    Edit,
    /// <summary>Change a column and recompute every hash from there: only the witness can find it.</summary>
    EditWithRecomputedHashes,
    /// <summary>Swap two entries' places.</summary>
    Swap,
    SwapWithRecomputedHashes,
    /// <summary>Remove one entry.</summary>
    Delete,
    /// <summary>Remove one entry, renumber the rest down and recompute their hashes: a seamless chain.</summary>
    DeleteWithRecomputedHashes,
    /// <summary>Remove every entry from one onwards.</summary>
    TruncateTail,
}

/// <summary>
/// Arranges chains and tampers with them as someone with the database's keys would: raw SQL, with the triggers that
/// make the chains append-only switched off first (see <see cref="LedgerTamperingTests.TamperAsync"/>).
/// </summary>
internal static class ChainTampering
{
    public static string Table(SafeguardDbContext.ChainName chain) =>
        chain == SafeguardDbContext.ChainName.Ledger ? "ledger_entries" : "access_log_entries";

    /// <summary>The chain's name at the start of each `ledger verify` line.</summary>
    public static string Label(SafeguardDbContext.ChainName chain) =>
        chain == SafeguardDbContext.ChainName.Ledger ? "ledger" : "access log";

    public static string WitnessFile(string directory, SafeguardDbContext.ChainName chain) =>
        Path.Combine(directory, chain == SafeguardDbContext.ChainName.Ledger ? "ledger.witness" : "access-log.witness");

    public static async Task ApplyAsync(SafeguardServer server, SafeguardDbContext.ChainName chain, Tampering tampering, long sequence)
    {
        var table = Table(chain);
        var edit = $"UPDATE {table} SET \"Stream\" = \"Stream\" || 'x' WHERE \"Sequence\" = {sequence}";
        string[] swap =
        [
            $"UPDATE {table} SET \"Sequence\" = 500000 WHERE \"Sequence\" = {sequence}",
            $"UPDATE {table} SET \"Sequence\" = {sequence} WHERE \"Sequence\" = {sequence + 1}",
            $"UPDATE {table} SET \"Sequence\" = {sequence + 1} WHERE \"Sequence\" = 500000",
        ];
        string[] deleteAndRenumber =
        [
            $"DELETE FROM {table} WHERE \"Sequence\" = {sequence}",
            $"UPDATE {table} SET \"Sequence\" = \"Sequence\" + 100000 WHERE \"Sequence\" > {sequence}",
            $"UPDATE {table} SET \"Sequence\" = \"Sequence\" - 100001 WHERE \"Sequence\" > 100000",
        ];
        switch (tampering)
        {
            case Tampering.Edit:
                await LedgerTamperingTests.TamperAsync(server, edit);
                break;
            case Tampering.EditWithRecomputedHashes:
                await LedgerTamperingTests.TamperAsync(server, edit);
                await RecomputeHashesAsync(server, chain, sequence);
                break;
            case Tampering.Swap:
                await LedgerTamperingTests.TamperAsync(server, swap);
                break;
            case Tampering.SwapWithRecomputedHashes:
                await LedgerTamperingTests.TamperAsync(server, swap);
                await RecomputeHashesAsync(server, chain, sequence);
                break;
            case Tampering.Delete:
                await LedgerTamperingTests.TamperAsync(server, $"DELETE FROM {table} WHERE \"Sequence\" = {sequence}");
                break;
            case Tampering.DeleteWithRecomputedHashes:
                await LedgerTamperingTests.TamperAsync(server, deleteAndRenumber);
                await RecomputeHashesAsync(server, chain, sequence);
                break;
            case Tampering.TruncateTail:
                await LedgerTamperingTests.TamperAsync(server, $"DELETE FROM {table} WHERE \"Sequence\" >= {sequence}");
                break;
            default:
                throw new ArgumentOutOfRangeException(nameof(tampering));
        }
    }

    /// <summary>
    /// Relinks the chain from <paramref name="from"/> on: every hash recomputed from the rows as they now stand, so
    /// the chain is consistent again and only a witness can tell.
    /// </summary>
    public static async Task RecomputeHashesAsync(SafeguardServer server, SafeguardDbContext.ChainName chain, long from)
    {
        List<ChainRow> rows;
        await using (var scope = server.Scope())
        {
            rows = ChainReader.Rows(scope.ServiceProvider.GetRequiredService<SafeguardDbContext>(), chain).ToList();
        }
        var previous = from == 1 ? ChainHash.Genesis : rows.Single(r => r.Sequence == from - 1).Hash;
        var statements = new List<string>();
        foreach (var row in rows.Where(r => r.Sequence >= from))
        {
            var hash = ChainHash.Compute(row.Sequence, previous, row.Fields);
            statements.Add($"UPDATE {Table(chain)} SET \"PreviousHash\" = '{previous}', \"Hash\" = '{hash}' WHERE \"Sequence\" = {row.Sequence}");
            previous = hash;
        }
        await LedgerTamperingTests.TamperAsync(server, [.. statements]);
    }

    public static async Task AddAccessEntriesAsync(SafeguardServer server, int count)
    {
        await using var scope = server.Scope();
        var db = scope.ServiceProvider.GetRequiredService<SafeguardDbContext>();
        for (var i = 0; i < count; i++)
        {
            db.RecordAccess($"person/{Guid.NewGuid()}", "view-record", "Allocated");
            await db.SaveChangesAsync();
        }
    }

    public static async Task<long> HeadAsync(SafeguardServer server, SafeguardDbContext.ChainName chain)
    {
        await using var scope = server.Scope();
        var db = scope.ServiceProvider.GetRequiredService<SafeguardDbContext>();
        return chain == SafeguardDbContext.ChainName.Ledger
            ? await db.Ledger.MaxAsync(e => (long?)e.Sequence) ?? 0
            : await db.AccessLog.MaxAsync(e => (long?)e.Sequence) ?? 0;
    }

    /// <summary>The head of the last checkpoint line in a witness file (0 when there is none).</summary>
    public static long WitnessedHead(string path)
    {
        if (!File.Exists(path))
        {
            return 0;
        }
        var last = File.ReadLines(path).LastOrDefault(l => l.StartsWith("@checkpoint ", StringComparison.Ordinal));
        return last is null ? 0 : long.Parse(last.Split(' ')[1], System.Globalization.CultureInfo.InvariantCulture);
    }

    /// <summary>
    /// Polls until the witness holds <paramref name="head"/>: the application writes it in the background, so the test
    /// waits on the file, not on a clock. The deadline only stops a broken writer hanging the run.
    /// </summary>
    public static async Task<bool> WitnessReachesAsync(string path, long head, TimeSpan? deadline = null)
    {
        var until = DateTime.UtcNow + (deadline ?? TimeSpan.FromSeconds(30));
        while (DateTime.UtcNow < until)
        {
            try
            {
                if (WitnessedHead(path) >= head)
                {
                    return true;
                }
            }
            catch (IOException)
            {
                // Being written at this moment: look again.
            }
            await Task.Delay(50);
        }
        return false;
    }

    public static async Task<(int Exit, string Output)> CliAsync(SafeguardServer server, string verb, params string[] extra)
    {
        var stdout = new StringWriter();
        var exit = await CommandLine.RunAsync(["ledger", verb, .. LedgerTamperingTests.CliSettings(server), .. extra], stdout, new StringWriter());
        return (exit, stdout.ToString());
    }
}
