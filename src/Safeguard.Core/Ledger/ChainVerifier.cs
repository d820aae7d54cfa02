namespace Safeguard.Core.Ledger;

/// <summary>One stored entry of a chain as read back for verification: what the database says it holds.</summary>
/// <param name="Fields">The entry's own fields in the chain's canonical order (see the chain's definition).</param>
public sealed record ChainRow(long Sequence, string PreviousHash, string Hash, IReadOnlyList<string?> Fields);

/// <summary>
/// What was written outside the database at checkpoints: the hash of every entry up to the last checkpoint's head,
/// in sequence order. Holding every hash, not just the head, is what lets verification name the first altered
/// entry even when an attacker rewrote the chain from that point and recomputed every later hash.
/// </summary>
public sealed record ChainWitness(long HeadSequence, IEnumerable<KeyValuePair<long, string>> HashesInSequenceOrder)
{
    public static readonly ChainWitness None = new(0, []);
}

public enum ChainFault
{
    None,
    /// <summary>An entry's stored hash is not the hash of its contents: a column was edited.</summary>
    ContentAltered,
    /// <summary>An entry does not follow the one before it: rows were swapped, inserted or re-linked.</summary>
    BrokenLink,
    /// <summary>A sequence number is missing: an entry was deleted.</summary>
    MissingEntry,
    /// <summary>A sequence number appears out of order or twice: an entry was inserted or moved.</summary>
    UnexpectedSequence,
    /// <summary>The chain is internally consistent but differs from what was witnessed at a checkpoint: rewritten.</summary>
    DiffersFromCheckpoint,
    /// <summary>The chain ends before the last checkpoint's head: its tail was removed.</summary>
    Truncated,
}

public sealed record ChainVerification(long EntriesChecked, long FirstBadSequence, ChainFault Fault, string Explanation)
{
    public bool IsIntact => Fault == ChainFault.None;
}

/// <summary>
/// Walks a chain in sequence order, recomputing every hash, and reports the first entry that is not what was
/// written. Streaming: it holds one row at a time, so it verifies chains of any length in constant memory.
/// </summary>
public static class ChainVerifier
{
    public static ChainVerification Verify(IEnumerable<ChainRow> rowsInSequenceOrder, ChainWitness witness)
    {
        ArgumentNullException.ThrowIfNull(rowsInSequenceOrder);
        ArgumentNullException.ThrowIfNull(witness);
        long expected = 1;
        var previousHash = ChainHash.Genesis;
        long checkedCount = 0;
        // Both streams are in sequence order, so they are merged as they are read: constant memory.
        using var witnessed = witness.HashesInSequenceOrder.GetEnumerator();
        var hasWitnessed = witnessed.MoveNext();
        foreach (var row in rowsInSequenceOrder)
        {
            if (row.Sequence > expected)
            {
                return Bad(checkedCount, expected, ChainFault.MissingEntry, $"entry {expected} is missing (the next entry is {row.Sequence})");
            }
            if (row.Sequence < expected)
            {
                return Bad(checkedCount, row.Sequence, ChainFault.UnexpectedSequence, $"entry {row.Sequence} appears again after entry {expected - 1}");
            }
            while (hasWitnessed && witnessed.Current.Key < row.Sequence)
            {
                hasWitnessed = witnessed.MoveNext();
            }
            if (hasWitnessed && witnessed.Current.Key == row.Sequence && !string.Equals(witnessed.Current.Value, row.Hash, StringComparison.Ordinal))
            {
                // Checked before the chain's own consistency: a rewrite with recomputed hashes is consistent
                // everywhere after the rewritten entry, so only the witness can place it.
                var recomputedMatches = string.Equals(ChainHash.Compute(row.Sequence, row.PreviousHash, row.Fields), row.Hash, StringComparison.Ordinal);
                return recomputedMatches && string.Equals(row.PreviousHash, previousHash, StringComparison.Ordinal)
                    ? Bad(checkedCount, row.Sequence, ChainFault.DiffersFromCheckpoint, $"entry {row.Sequence} differs from the hash witnessed at a checkpoint: the chain was rewritten from here")
                    : Diagnose(checkedCount, row, previousHash);
            }
            var local = Diagnose(checkedCount, row, previousHash);
            if (!local.IsIntact)
            {
                return local;
            }
            previousHash = row.Hash;
            expected++;
            checkedCount++;
        }
        var lastSequence = expected - 1;
        if (lastSequence < witness.HeadSequence)
        {
            return Bad(checkedCount, lastSequence + 1, ChainFault.Truncated, $"the chain ends at entry {lastSequence} but a checkpoint saw it reach entry {witness.HeadSequence}");
        }
        return new ChainVerification(checkedCount, 0, ChainFault.None, $"{checkedCount} entries intact");
    }

    private static ChainVerification Diagnose(long checkedCount, ChainRow row, string previousHash)
    {
        if (!string.Equals(row.PreviousHash, previousHash, StringComparison.Ordinal))
        {
            return Bad(checkedCount, row.Sequence, ChainFault.BrokenLink, $"entry {row.Sequence} does not follow entry {row.Sequence - 1}");
        }
        if (!string.Equals(ChainHash.Compute(row.Sequence, row.PreviousHash, row.Fields), row.Hash, StringComparison.Ordinal))
        {
            return Bad(checkedCount, row.Sequence, ChainFault.ContentAltered, $"entry {row.Sequence} has been altered: its contents no longer match its hash");
        }
        return new ChainVerification(checkedCount, 0, ChainFault.None, "");
    }

    private static ChainVerification Bad(long checkedCount, long sequence, ChainFault fault, string explanation) =>
        new(checkedCount, sequence, fault, explanation);
}
