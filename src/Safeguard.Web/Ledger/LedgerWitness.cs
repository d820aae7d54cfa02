using System.Security.Cryptography;
using System.Text;
using Safeguard.Core.Ledger;
using Safeguard.Web.Data;

namespace Safeguard.Web.Ledger;

public enum CheckpointOutcome
{
    /// <summary>New entries (or, when asked for, a fresh head line) were witnessed.</summary>
    Written,
    /// <summary>Nothing new to witness.</summary>
    Unchanged,
    /// <summary>Witnessing would bless something wrong (an altered chain, a removed or foreign witness): not done.</summary>
    Refused,
    /// <summary>The location could not be written (unmounted, full, no permission).</summary>
    Unavailable,
}

/// <summary>Who asked for a checkpoint: the application's own writer, or an operator running `ledger checkpoint`.</summary>
public enum CheckpointTrigger
{
    Automatic,
    Operator,
}

public sealed record CheckpointResult(SafeguardDbContext.ChainName Chain, string Location, string Path, CheckpointOutcome Outcome, long HeadSequence, long EntriesAdded, string Message)
{
    public bool Failed => Outcome is CheckpointOutcome.Refused or CheckpointOutcome.Unavailable;
}

public sealed record WitnessLocationReport(string Location, string Path, WitnessReading Reading);

/// <summary>One chain checked against the database's own hashes and every witness location.</summary>
/// <param name="DatabaseHead">The highest sequence number in the database.</param>
public sealed record ChainReport(SafeguardDbContext.ChainName Chain, ChainVerification Verification, long DatabaseHead, IReadOnlyList<WitnessLocationReport> Locations)
{
    /// <summary>The furthest head any valid witness holds.</summary>
    public long LastCheckpoint => Locations.Where(l => l.Reading.IsValid).Select(l => l.Reading.HeadSequence).DefaultIfEmpty(0).Max();

    /// <summary>The unprotected window: entries a rewrite with recomputed hashes could still change unnoticed.</summary>
    public long EntriesAfterLastWitnessedHead => Math.Max(0, DatabaseHead - LastCheckpoint);

    public IEnumerable<WitnessLocationReport> Problems => Locations.Where(l => !l.Reading.IsValid);

    public bool IsIntact => Verification.IsIntact && !Problems.Any();
}

/// <summary>
/// Keeps each chain's witness outside the database, in every configured location (Ledger:WitnessDirectories, or the
/// one Ledger:WitnessDirectory, by default data/witness), signed with the witness key (<see cref="WitnessKey"/>), and
/// verifies the chains against all of them. See <see cref="WitnessFormat"/> for the file and docs/adr/0002 and 0011
/// for why every hash is witnessed, and how the head reaches the witness within seconds.
/// </summary>
public sealed class LedgerWitness(IConfiguration configuration, TimeProvider time) : IDisposable
{
    // One checkpoint at a time in this process (the key is not shared between threads); other processes are kept
    // out of a witness file by the lock file beside it.
    private readonly Lock _gate = new();
    // The head this process last wrote to or found in each witness file. A file whose head goes back behind it was
    // truncated or replaced; a file that disappears after this process witnessed it was removed.
    private readonly Dictionary<string, long> _witnessedHere = new(StringComparer.Ordinal);
    private ECDsa? _key;
    private bool _keyCreatedHere;

    public IReadOnlyList<string> Directories { get; } = ConfiguredDirectories(configuration);

    /// <summary>The first location, kept for callers that show one place.</summary>
    public string Directory => Directories[0];

    public string KeyPath { get; } = WitnessKey.PrivatePath(configuration);

    public static string FileName(SafeguardDbContext.ChainName chain) =>
        chain == SafeguardDbContext.ChainName.Ledger ? "ledger.witness" : "access-log.witness";

    /// <summary>The chain's name inside the witness file (and in what is signed).</summary>
    public static string ChainLabel(SafeguardDbContext.ChainName chain) =>
        chain == SafeguardDbContext.ChainName.Ledger ? "ledger" : "access-log";

    public string PathOf(SafeguardDbContext.ChainName chain) => PathOf(Directory, chain);

    public static string PathOf(string location, SafeguardDbContext.ChainName chain) => Path.Combine(location, FileName(chain));

    private static List<string> ConfiguredDirectories(IConfiguration configuration)
    {
        var listed = configuration.GetSection("Ledger:WitnessDirectories").GetChildren()
            .Select(c => c.Value).Where(v => !string.IsNullOrWhiteSpace(v)).Select(v => Path.GetFullPath(v!)).ToList();
        if (listed.Count == 0)
        {
            listed.Add(Path.GetFullPath(configuration["Ledger:WitnessDirectory"] is { Length: > 0 } one
                ? one
                : Path.Combine(SafeguardApp.DataDirectory(configuration), "witness")));
        }
        return listed.Distinct(StringComparer.Ordinal).ToList();
    }

    /// <summary>
    /// Witnesses the entries written since each location's last checkpoint, then a signed head line. The new entries
    /// are checked first: a checkpoint must never bless a chain that was already altered. Each location is written
    /// on its own, so one that is unavailable does not stop the others.
    /// </summary>
    public IReadOnlyList<CheckpointResult> Checkpoint(SafeguardDbContext db, SafeguardDbContext.ChainName chain, CheckpointTrigger trigger = CheckpointTrigger.Operator)
    {
        lock (_gate)
        {
            var key = SigningKey();
            var databaseHead = ChainReader.HeadSequence(db, chain);
            var results = new List<CheckpointResult>(Directories.Count);
            foreach (var location in Directories)
            {
                var path = PathOf(location, chain);
                // The application's writer runs after every commit: when every location already holds the
                // database's head there is nothing to open.
                if (trigger == CheckpointTrigger.Automatic && _witnessedHere.TryGetValue(path, out var known) && known == databaseHead)
                {
                    results.Add(new CheckpointResult(chain, location, path, CheckpointOutcome.Unchanged, known, 0, $"witnessed to entry {known}"));
                    continue;
                }
                try
                {
                    results.Add(CheckpointOne(db, chain, key, location, path, databaseHead, trigger));
                }
                catch (Exception exception) when (exception is IOException or UnauthorizedAccessException)
                {
                    results.Add(new CheckpointResult(chain, location, path, CheckpointOutcome.Unavailable, 0, 0,
                        $"the witness location {location} is unavailable ({exception.GetType().Name})"));
                }
            }
            return results;
        }
    }

    private CheckpointResult CheckpointOne(SafeguardDbContext db, SafeguardDbContext.ChainName chain, ECDsa key, string location, string path, long databaseHead, CheckpointTrigger trigger)
    {
        CheckpointResult Result(CheckpointOutcome outcome, long head, long added, string message) => new(chain, location, path, outcome, head, added, message);
        var label = ChainLabel(chain);
        System.IO.Directory.CreateDirectory(location);
        // Writers exclude each other with a lock file, not the witness itself, so `ledger verify` can read the
        // witness while it is being appended to.
        using var writeLock = OpenExclusive(path + ".lock");
        var exists = File.Exists(path) && new FileInfo(path).Length > 0;
        (WitnessCheckpoint? Checkpoint, bool HasCheckpointLine, long End, string Header)? last = exists ? ReadTail(path) : null;
        if (last is { Checkpoint: null, HasCheckpointLine: true })
        {
            return Result(CheckpointOutcome.Refused, 0, 0, $"refused: the last checkpoint in {path} is malformed; run `safeguard ledger verify`");
        }
        if (last?.Checkpoint is null)
        {
            if (exists && !IsWitnessWithoutCheckpoint(path, label, key, out var problem))
            {
                return Result(CheckpointOutcome.Refused, 0, 0, $"refused: {problem} ({path}); move it aside after `safeguard ledger verify` has checked the chains");
            }
            if (trigger == CheckpointTrigger.Automatic && !(_keyCreatedHere && !_witnessedHere.ContainsKey(path)))
            {
                // Recreating a removed witness from the database as it is now would bless whatever was done to the
                // chain while it was gone. Only an operator may start a witness of a chain already under way.
                return Result(CheckpointOutcome.Refused, 0, 0, _witnessedHere.ContainsKey(path)
                    ? $"refused: the witness {path} was removed after this application wrote it; run `safeguard ledger verify`"
                    : $"refused: there is no witness in {location}; run `safeguard ledger verify`, then `safeguard ledger checkpoint` to start one");
            }
            var rows = ChainReader.Rows(db, chain).ToList();
            if (VerifySegment(rows, 0, ChainHash.Genesis) is { } refusal)
            {
                return Result(CheckpointOutcome.Refused, 0, 0, refusal);
            }
            var lines = new List<string> { WitnessFormat.Header(label, WitnessFormat.KeyFingerprint(key)) };
            lines.AddRange(rows.Select(r => WitnessFormat.EntryLine(r.Sequence, r.Hash)));
            var head = rows.Count > 0 ? (Sequence: rows[^1].Sequence, Hash: rows[^1].Hash) : (Sequence: 0L, Hash: ChainHash.Genesis);
            Append(path, 0, ChainHash.Genesis, lines, head, label, key);
            _witnessedHere[path] = head.Sequence;
            var note = rows.Count > 0 && trigger == CheckpointTrigger.Operator ? "; a new witness starts from the chain as the database holds it now" : "";
            return Result(CheckpointOutcome.Written, head.Sequence, rows.Count, $"checkpoint at entry {head.Sequence}{note}");
        }

        var (checkpoint, end, header) = (last.Value.Checkpoint!, last.Value.End, last.Value.Header);
        if (header.StartsWith(WitnessFormat.Version1Header, StringComparison.Ordinal))
        {
            return Result(CheckpointOutcome.Refused, 0, 0, $"refused: {path} is an unsigned version 1 witness; check the chains against it with the previous release's `ledger verify`, move it aside, then run `safeguard ledger checkpoint`");
        }
        if (!WitnessFormat.TryParseHeader(header, out var fileChain, out var fileKey) || fileChain != label || fileKey != WitnessFormat.KeyFingerprint(key)
            || !key.VerifyData(WitnessFormat.SignedMessage(label, checkpoint.Unsigned), checkpoint.Signature, HashAlgorithmName.SHA256))
        {
            return Result(CheckpointOutcome.Refused, 0, 0, $"refused: {path} is not this chain's witness signed with the witness key {KeyPath}; run `safeguard ledger verify`");
        }
        if (_witnessedHere.TryGetValue(path, out var before) && checkpoint.Sequence < before)
        {
            return Result(CheckpointOutcome.Refused, checkpoint.Sequence, 0, $"refused: the witness {path} went back from entry {before} to entry {checkpoint.Sequence}; run `safeguard ledger verify`");
        }
        if (databaseHead < checkpoint.Sequence)
        {
            return Result(CheckpointOutcome.Refused, checkpoint.Sequence, 0, $"refused: the chain ends at entry {databaseHead} but was witnessed to entry {checkpoint.Sequence}; run `safeguard ledger verify`");
        }
        // The witnessed head itself is read back too: a chain rewritten up to and including it must not be
        // re-affirmed by the next checkpoint.
        var newRows = ChainReader.Rows(db, chain, Math.Max(0, checkpoint.Sequence - 1)).ToList();
        if (checkpoint.Sequence > 0)
        {
            if (newRows.Count == 0 || newRows[0].Sequence != checkpoint.Sequence || newRows[0].Hash != checkpoint.Hash)
            {
                return Result(CheckpointOutcome.Refused, checkpoint.Sequence, 0, $"refused: entry {checkpoint.Sequence} is not what was witnessed; run `safeguard ledger verify`");
            }
            newRows.RemoveAt(0);
        }
        if (VerifySegment(newRows, checkpoint.Sequence, checkpoint.Hash) is { } segmentRefusal)
        {
            return Result(CheckpointOutcome.Refused, checkpoint.Sequence, 0, segmentRefusal);
        }
        _witnessedHere[path] = checkpoint.Sequence;
        if (newRows.Count == 0 && trigger == CheckpointTrigger.Automatic)
        {
            return Result(CheckpointOutcome.Unchanged, checkpoint.Sequence, 0, $"witnessed to entry {checkpoint.Sequence}");
        }
        var newHead = newRows.Count > 0 ? (Sequence: newRows[^1].Sequence, Hash: newRows[^1].Hash) : (Sequence: checkpoint.Sequence, Hash: checkpoint.Hash);
        Append(path, end, checkpoint.Digest, newRows.Select(r => WitnessFormat.EntryLine(r.Sequence, r.Hash)).ToList(), newHead, label, key);
        _witnessedHere[path] = newHead.Sequence;
        return Result(CheckpointOutcome.Written, newHead.Sequence, newRows.Count, $"checkpoint at entry {newHead.Sequence}");
    }

    /// <summary>
    /// Appends <paramref name="lines"/> at <paramref name="offset"/> (dropping anything after it: lines an interrupted
    /// write left without a checkpoint), then the signed checkpoint of <paramref name="head"/>.
    /// </summary>
    private void Append(string path, long offset, string previousDigest, List<string> lines, (long Sequence, string Hash) head, string label, ECDsa key)
    {
        using var digest = new WitnessDigest(previousDigest);
        foreach (var line in lines)
        {
            digest.Add(line);
        }
        var unsigned = WitnessFormat.UnsignedCheckpoint(head.Sequence, head.Hash, time.GetUtcNow(), digest.Current);
        var signature = key.SignData(WitnessFormat.SignedMessage(label, unsigned), HashAlgorithmName.SHA256);
        using var stream = new FileStream(path, FileMode.OpenOrCreate, FileAccess.ReadWrite, FileShare.ReadWrite | FileShare.Delete);
        stream.SetLength(offset);
        stream.Seek(offset, SeekOrigin.Begin);
        using (var writer = new StreamWriter(stream, new UTF8Encoding(false), leaveOpen: true) { NewLine = "\n" })
        {
            foreach (var line in lines)
            {
                writer.WriteLine(line);
            }
            writer.WriteLine(WitnessFormat.CheckpointLine(unsigned, signature));
        }
        stream.Flush(flushToDisk: true);
    }

    /// <summary>
    /// Checks one chain against the database's own hashes and against every witness location. A non-empty chain
    /// with no witness, a witness whose signatures do not check, and a witness holding entries the database lacks
    /// are all failures.
    /// </summary>
    public ChainReport Verify(SafeguardDbContext db, SafeguardDbContext.ChainName chain)
    {
        var databaseHead = ChainReader.HeadSequence(db, chain);
        using var publicKey = LoadPublicKey(out var keyProblem);
        var label = ChainLabel(chain);
        var locations = new List<WitnessLocationReport>(Directories.Count);
        foreach (var location in Directories)
        {
            var path = PathOf(location, chain);
            locations.Add(new WitnessLocationReport(location, path, ReadLocation(location, path, label, databaseHead, publicKey, keyProblem)));
        }
        var witnesses = locations.Where(l => l.Reading is { IsValid: true, SignedLines: > 0 })
            .Select(l => new ChainWitness(l.Reading.HeadSequence, WitnessReader.SignedEntries(ReadCompleteLines(l.Path), l.Reading.SignedLines), l.Location))
            .ToList();
        return new ChainReport(chain, ChainVerifier.Verify(ChainReader.Rows(db, chain), witnesses), databaseHead, locations);
    }

    private ECDsa? LoadPublicKey(out string? problem)
    {
        problem = null;
        try
        {
            var key = WitnessKey.LoadPublic(configuration);
            if (key is null)
            {
                problem = $"there is no witness key ({KeyPath}) to check the witness's signatures with";
            }
            return key;
        }
        catch (Exception exception) when (exception is IOException or UnauthorizedAccessException or CryptographicException or ArgumentException)
        {
            problem = $"the witness key cannot be read ({exception.GetType().Name})";
            return null;
        }
    }

    private static WitnessReading ReadLocation(string location, string path, string label, long databaseHead, ECDsa? publicKey, string? keyProblem)
    {
        try
        {
            if (!File.Exists(path))
            {
                return databaseHead == 0
                    ? new WitnessReading(WitnessProblem.None, "", 0, ChainHash.Genesis, null, 0, 0)
                    : WitnessReading.Failed(WitnessProblem.Missing, $"there is no witness in {location} of a chain of {databaseHead} entries: it was removed, or never written");
            }
            if (publicKey is null)
            {
                return WitnessReading.Failed(WitnessProblem.NoKey, keyProblem ?? "there is no witness key");
            }
            return WitnessReader.Check(ReadCompleteLines(path), label, publicKey);
        }
        catch (Exception exception) when (exception is IOException or UnauthorizedAccessException)
        {
            return WitnessReading.Failed(WitnessProblem.Unavailable, $"the witness {path} cannot be read ({exception.GetType().Name})");
        }
    }

    /// <summary>
    /// The file's complete lines as they stand when it is opened: a line still being written (no newline yet) is left
    /// out. Read byte for byte (Latin-1), since a witness is ASCII and anything else is malformed anyway.
    /// </summary>
    internal static IEnumerable<string> ReadCompleteLines(string path)
    {
        using var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.ReadWrite | FileShare.Delete);
        var limit = EndOfLastCompleteLine(stream);
        stream.Seek(0, SeekOrigin.Begin);
        using var reader = new StreamReader(stream, Encoding.Latin1, detectEncodingFromByteOrderMarks: false);
        long consumed = 0;
        while (consumed < limit && reader.ReadLine() is { } line)
        {
            consumed += line.Length + 1;
            yield return line;
        }
    }

    private static long EndOfLastCompleteLine(FileStream stream)
    {
        var position = stream.Length;
        var buffer = new byte[4096];
        while (position > 0)
        {
            var count = (int)Math.Min(buffer.Length, position);
            position -= count;
            stream.Seek(position, SeekOrigin.Begin);
            stream.ReadExactly(buffer, 0, count);
            var newline = Array.LastIndexOf(buffer, (byte)'\n', count - 1);
            if (newline >= 0)
            {
                return position + newline + 1;
            }
        }
        return 0;
    }

    /// <summary>
    /// The last complete checkpoint line, where it ends, and the header line, read from the end of the file so that
    /// appending costs the same however long the witness grows. The checkpoint is null when the file has no
    /// checkpoint line, or (with <c>HasCheckpointLine</c>) when its last one does not parse.
    /// </summary>
    private static (WitnessCheckpoint? Checkpoint, bool HasCheckpointLine, long End, string Header) ReadTail(string path)
    {
        using var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.ReadWrite | FileShare.Delete);
        var header = FirstLine(stream);
        var length = EndOfLastCompleteLine(stream);
        long size = 64 * 1024;
        while (true)
        {
            var start = Math.Max(0, length - size);
            var bytes = new byte[length - start];
            stream.Seek(start, SeekOrigin.Begin);
            stream.ReadExactly(bytes);
            var text = Encoding.Latin1.GetString(bytes);
            // Complete lines only, from the last backwards; the first line of the chunk may be cut unless the chunk
            // starts the file.
            var lineEnd = text.Length - 1;
            while (lineEnd >= 0)
            {
                var lineStart = lineEnd == 0 ? 0 : text.LastIndexOf('\n', lineEnd - 1) + 1;
                if (lineStart == 0 && start > 0)
                {
                    break;
                }
                var line = text[lineStart..lineEnd];
                if (WitnessFormat.IsCheckpoint(line))
                {
                    return WitnessFormat.TryParseCheckpoint(line, out var checkpoint) ? (checkpoint, true, start + lineEnd + 1, header) : (null, true, 0, header);
                }
                lineEnd = lineStart - 1;
            }
            if (start == 0)
            {
                return (null, false, 0, header);
            }
            size *= 4;
        }
    }

    private static string FirstLine(FileStream stream)
    {
        stream.Seek(0, SeekOrigin.Begin);
        var buffer = new byte[512];
        var read = stream.ReadAtLeast(buffer, buffer.Length, throwOnEndOfStream: false);
        var text = Encoding.Latin1.GetString(buffer, 0, read);
        var newline = text.IndexOf('\n', StringComparison.Ordinal);
        return newline < 0 ? text : text[..newline];
    }

    // A file with a header but no checkpoint yet: a first write that was interrupted. It holds nothing signed, so it
    // may be started again; anything else in the way is not ours to overwrite.
    private static bool IsWitnessWithoutCheckpoint(string path, string label, ECDsa key, out string problem)
    {
        using var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.ReadWrite | FileShare.Delete);
        var header = FirstLine(stream);
        if (header.StartsWith(WitnessFormat.Version1Header, StringComparison.Ordinal))
        {
            problem = "it is an unsigned version 1 witness";
            return false;
        }
        if (!WitnessFormat.TryParseHeader(header, out var fileChain, out var fileKey) || fileChain != label || fileKey != WitnessFormat.KeyFingerprint(key))
        {
            problem = "it is not this chain's witness signed with this installation's witness key";
            return false;
        }
        problem = "";
        return true;
    }

    private ECDsa SigningKey()
    {
        if (_key is null)
        {
            _key = WitnessKey.LoadOrCreate(KeyPath, out var created);
            _keyCreatedHere = created;
        }
        return _key;
    }

    private static FileStream OpenExclusive(string path)
    {
        for (var attempt = 0; ; attempt++)
        {
            try
            {
                return new FileStream(path, FileMode.OpenOrCreate, FileAccess.ReadWrite, FileShare.None);
            }
            catch (IOException) when (attempt < 50 && System.IO.Directory.Exists(Path.GetDirectoryName(path)))
            {
                Thread.Sleep(100);
            }
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

    public void Dispose() => _key?.Dispose();
}
