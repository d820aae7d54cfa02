namespace Safeguard.Core.Ledger;

/// <summary>One stored entry of a chain as read back for verification: what the database says it holds.</summary>
/// <param name="Fields">The entry's own fields in the chain's canonical order (see the chain's definition).</param>
public sealed record ChainRow(long Sequence, string PreviousHash, string Hash, IReadOnlyList<string?> Fields);

/// <summary>
/// What was written outside the database at checkpoints: the hash of every entry up to the last checkpoint's head,
/// in sequence order. Holding every hash, not just the head, is what lets verification name the first altered
/// entry even when an attacker rewrote the chain from that point and recomputed every later hash.
/// </summary>
/// <param name="Name">Where this witness is kept, for explanations ("entry 9 differs from what NAME witnessed").</param>
public sealed record ChainWitness(long HeadSequence, IEnumerable<KeyValuePair<long, string>> HashesInSequenceOrder, string Name = "a checkpoint")
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
        ArgumentNullException.ThrowIfNull(witness);
        return Verify(rowsInSequenceOrder, [witness]);
    }

    /// <summary>
    /// Verifies against several witnesses at once (one per witness location): every witnessed hash must match, and
    /// the chain must reach the furthest head any of them saw.
    /// </summary>
    public static ChainVerification Verify(IEnumerable<ChainRow> rowsInSequenceOrder, IReadOnlyList<ChainWitness> witnesses)
    {
        ArgumentNullException.ThrowIfNull(rowsInSequenceOrder);
        ArgumentNullException.ThrowIfNull(witnesses);
        long expected = 1;
        var previousHash = ChainHash.Genesis;
        long checkedCount = 0;
        // The chain and every witness are in sequence order, so they are merged as they are read: constant memory.
        var witnessed = witnesses.Select(w => w.HashesInSequenceOrder.GetEnumerator()).ToArray();
        var hasWitnessed = witnessed.Select(w => w.MoveNext()).ToArray();
        try
        {
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
                for (var i = 0; i < witnessed.Length; i++)
                {
                    while (hasWitnessed[i] && witnessed[i].Current.Key < row.Sequence)
                    {
                        hasWitnessed[i] = witnessed[i].MoveNext();
                    }
                }
                for (var i = 0; i < witnessed.Length; i++)
                {
                    if (hasWitnessed[i] && witnessed[i].Current.Key == row.Sequence && !string.Equals(witnessed[i].Current.Value, row.Hash, StringComparison.Ordinal))
                    {
                        // Checked before the chain's own consistency: a rewrite with recomputed hashes is consistent
                        // everywhere after the rewritten entry, so only the witness can place it.
                        var recomputedMatches = string.Equals(ChainHash.Compute(row.Sequence, row.PreviousHash, row.Fields), row.Hash, StringComparison.Ordinal);
                        if (!recomputedMatches || !string.Equals(row.PreviousHash, previousHash, StringComparison.Ordinal))
                        {
                            return Diagnose(checkedCount, row, previousHash);
                        }
                        var agreeing = Enumerable.Range(0, witnessed.Length)
                            .Where(j => hasWitnessed[j] && witnessed[j].Current.Key == row.Sequence && string.Equals(witnessed[j].Current.Value, row.Hash, StringComparison.Ordinal))
                            .Select(j => witnesses[j].Name).ToList();
                        var disagreement = agreeing.Count == 0 ? "" : $" ({string.Join(", ", agreeing)} witnessed the database's hash: the witness locations disagree)";
                        return Bad(checkedCount, row.Sequence, ChainFault.DiffersFromCheckpoint,
                            $"entry {row.Sequence} differs from what {witnesses[i].Name} witnessed: the chain was rewritten from here{disagreement}");
                    }
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
        }
        finally
        {
            foreach (var enumerator in witnessed)
            {
                enumerator.Dispose();
            }
        }
        var lastSequence = expected - 1;
        var furthest = witnesses.Count == 0 ? null : witnesses.MaxBy(w => w.HeadSequence);
        if (furthest is not null && lastSequence < furthest.HeadSequence)
        {
            return Bad(checkedCount, lastSequence + 1, ChainFault.Truncated, $"the chain ends at entry {lastSequence} but {furthest.Name} witnessed it reach entry {furthest.HeadSequence}");
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
