using Safeguard.Core.Ledger;
using Safeguard.Web.Data;

namespace Safeguard.Web.Ledger;

public sealed record CheckpointResult(SafeguardDbContext.ChainName Chain, bool Written, long HeadSequence, string HeadHash, long EntriesAdded, string Message);

public sealed record ChainReport(SafeguardDbContext.ChainName Chain, ChainVerification Verification, long LastCheckpoint);

/// <summary>
/// Keeps each chain's witness file outside the database (Ledger:WitnessDirectory, by default data/witness) and
/// verifies the chains against it. See <see cref="WitnessFormat"/> for the file and docs/adr for why every hash
/// is witnessed rather than only the head.
/// </summary>
public sealed class LedgerWitness(IConfiguration configuration, TimeProvider time)
{
    public string Directory { get; } = Path.GetFullPath(configuration["Ledger:WitnessDirectory"]
        ?? Path.Combine(SafeguardApp.DataDirectory(configuration), "witness"));

    public string PathOf(SafeguardDbContext.ChainName chain) =>
        Path.Combine(Directory, chain == SafeguardDbContext.ChainName.Ledger ? "ledger.witness" : "access-log.witness");

    /// <summary>
    /// Appends the entries written since the last checkpoint and a new head line. The new entries are checked
    /// first: a checkpoint must never bless a chain that was already altered.
    /// </summary>
    public CheckpointResult Checkpoint(SafeguardDbContext db, SafeguardDbContext.ChainName chain)
    {
        System.IO.Directory.CreateDirectory(Directory);
        var path = PathOf(chain);
        // One writer per witness file at a time, across processes: the OS lock on the open file does that.
        using var stream = OpenExclusive(path);
        var (lastSequence, lastHash) = LastWitnessed(stream);
        var newRows = ChainReader.Rows(db, chain, lastSequence).ToList();
        var check = VerifySegment(newRows, lastSequence, lastHash);
        if (check is not null)
        {
            return new CheckpointResult(chain, false, lastSequence, lastHash, 0, check);
        }
        stream.Seek(0, SeekOrigin.End);
        using var writer = new StreamWriter(stream, leaveOpen: true) { NewLine = "\n" };
        if (stream.Length == 0)
        {
            writer.WriteLine(WitnessFormat.Header);
        }
        foreach (var row in newRows)
        {
            writer.WriteLine(WitnessFormat.EntryLine(row.Sequence, row.Hash));
        }
        var (headSequence, headHash) = newRows.Count > 0 ? (newRows[^1].Sequence, newRows[^1].Hash) : (lastSequence, lastHash);
        writer.WriteLine(WitnessFormat.CheckpointLine(headSequence, headHash, time.GetUtcNow()));
        writer.Flush();
        stream.Flush(flushToDisk: true);
        return new CheckpointResult(chain, true, headSequence, headHash, newRows.Count, $"checkpoint at entry {headSequence}");
    }

    public ChainReport Verify(SafeguardDbContext db, SafeguardDbContext.ChainName chain)
    {
        var path = PathOf(chain);
        var lines = File.Exists(path) ? File.ReadLines(path) : [];
        var head = WitnessFormat.LastCheckpoint(lines);
        var witness = new ChainWitness(head?.Sequence ?? 0, WitnessFormat.ReadEntries(lines));
        return new ChainReport(chain, ChainVerifier.Verify(ChainReader.Rows(db, chain), witness), head?.Sequence ?? 0);
    }

    private static FileStream OpenExclusive(string path)
    {
        for (var attempt = 0; ; attempt++)
        {
            try
            {
                return new FileStream(path, FileMode.OpenOrCreate, FileAccess.ReadWrite, FileShare.None);
            }
            catch (IOException) when (attempt < 50)
            {
                Thread.Sleep(100);
            }
        }
    }

    private static (long Sequence, string Hash) LastWitnessed(FileStream stream)
    {
        stream.Seek(0, SeekOrigin.Begin);
        using var reader = new StreamReader(stream, leaveOpen: true);
        long sequence = 0;
        var hash = ChainHash.Genesis;
        foreach (var entry in WitnessFormat.ReadEntries(ReadLines(reader)))
        {
            (sequence, hash) = (entry.Key, entry.Value);
        }
        return (sequence, hash);
    }

    private static IEnumerable<string> ReadLines(StreamReader reader)
    {
        while (reader.ReadLine() is { } line)
        {
            yield return line;
        }
    }

    private static string? VerifySegment(List<ChainRow> rows, long lastSequence, string lastHash)
    {
        var expected = lastSequence + 1;
        var previous = lastHash;
        foreach (var row in rows)
        {
            if (row.Sequence != expected || !string.Equals(row.PreviousHash, previous, StringComparison.Ordinal)
                || !string.Equals(ChainHash.Compute(row.Sequence, row.PreviousHash, row.Fields), row.Hash, StringComparison.Ordinal))
            {
                return $"refused: entry {expected} does not continue the witnessed chain; run `safeguard ledger verify`";
            }
            previous = row.Hash;
            expected++;
        }
        return null;
    }
}
