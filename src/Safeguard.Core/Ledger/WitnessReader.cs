using System.Security.Cryptography;

namespace Safeguard.Core.Ledger;

public enum WitnessProblem
{
    None,
    /// <summary>A non-empty chain has no witness in a configured location: it was removed, or never written.</summary>
    Missing,
    /// <summary>The location cannot be read (unmounted, no permission).</summary>
    Unavailable,
    /// <summary>There is no key to check signatures with.</summary>
    NoKey,
    /// <summary>A version 1 witness: unsigned, so anyone who could write it could have rewritten it.</summary>
    Unsigned,
    /// <summary>The file is another chain's witness.</summary>
    WrongChain,
    /// <summary>The file names another signing key than the one this installation verifies with.</summary>
    WrongKey,
    /// <summary>A line is not in the witness format.</summary>
    Malformed,
    /// <summary>Lines before a checkpoint are not what its digest covered: entries were edited, added or removed.</summary>
    Altered,
    /// <summary>A checkpoint's signature is not the witness key's: the checkpoint was forged or edited.</summary>
    BadSignature,
    /// <summary>A checkpoint's head is not the last entry before it.</summary>
    HeadMismatch,
}

/// <summary>What one witness file holds, once its digests and signatures are checked.</summary>
/// <param name="SignedLines">How many lines, from the top, are covered by a valid signed checkpoint.</param>
/// <param name="UnsignedLines">Lines after the last checkpoint (an interrupted write): not trusted, not used.</param>
public sealed record WitnessReading(WitnessProblem Problem, string Explanation, long HeadSequence, string HeadHash, string? HeadAt, long SignedLines, long UnsignedLines)
{
    public bool IsValid => Problem == WitnessProblem.None;

    public static WitnessReading Failed(WitnessProblem problem, string explanation) =>
        new(problem, explanation, 0, ChainHash.Genesis, null, 0, 0);
}

/// <summary>
/// Checks a witness file (see <see cref="WitnessFormat"/>) against the witness's public key, streaming: it holds one
/// line at a time, so witnesses of any length are checked in constant memory.
/// </summary>
public static class WitnessReader
{
    public static WitnessReading Check(IEnumerable<string> lines, string chain, ECDsa publicKey)
    {
        ArgumentNullException.ThrowIfNull(lines);
        ArgumentNullException.ThrowIfNull(chain);
        ArgumentNullException.ThrowIfNull(publicKey);
        var expectedKey = WitnessFormat.KeyFingerprint(publicKey);
        using var line = lines.GetEnumerator();
        if (!line.MoveNext())
        {
            return WitnessReading.Failed(WitnessProblem.Malformed, "the witness is empty");
        }
        if (line.Current.StartsWith(WitnessFormat.Version1Header, StringComparison.Ordinal))
        {
            return WitnessReading.Failed(WitnessProblem.Unsigned, "the witness is unsigned (version 1): anyone able to write it could have rewritten it");
        }
        if (!WitnessFormat.TryParseHeader(line.Current, out var fileChain, out var fileKey))
        {
            return WitnessReading.Failed(WitnessProblem.Malformed, "line 1 is not a witness header");
        }
        if (fileChain != chain)
        {
            return WitnessReading.Failed(WitnessProblem.WrongChain, $"the witness is of the {fileChain} chain, not the {chain} chain");
        }
        if (fileKey != expectedKey)
        {
            return WitnessReading.Failed(WitnessProblem.WrongKey, $"the witness names key {fileKey}, but the witness key is {expectedKey}: it was not written with this installation's key");
        }

        using var digest = new WitnessDigest(ChainHash.Genesis);
        digest.Add(line.Current);
        long number = 1;
        long lastSequence = 0;
        var lastHash = ChainHash.Genesis;
        WitnessCheckpoint? head = null;
        long signedLines = 0;
        while (line.MoveNext())
        {
            number++;
            var text = line.Current;
            if (WitnessFormat.IsCheckpoint(text))
            {
                if (!WitnessFormat.TryParseCheckpoint(text, out var checkpoint))
                {
                    return WitnessReading.Failed(WitnessProblem.Malformed, $"line {number} is not a signed checkpoint");
                }
                if (checkpoint.Digest != digest.Current)
                {
                    return WitnessReading.Failed(WitnessProblem.Altered, $"the lines before the checkpoint on line {number} are not the lines it signed: the witness was altered");
                }
                if (!publicKey.VerifyData(WitnessFormat.SignedMessage(chain, checkpoint.Unsigned), checkpoint.Signature, HashAlgorithmName.SHA256))
                {
                    return WitnessReading.Failed(WitnessProblem.BadSignature, $"the checkpoint on line {number} is not signed by the witness key: it was forged or altered");
                }
                if (checkpoint.Sequence != lastSequence || checkpoint.Hash != lastHash)
                {
                    return WitnessReading.Failed(WitnessProblem.HeadMismatch, $"the checkpoint on line {number} names entry {checkpoint.Sequence}, but the last entry before it is {lastSequence}");
                }
                head = checkpoint;
                signedLines = number;
                digest.Restart(checkpoint.Digest);
                continue;
            }
            if (!WitnessFormat.TryParseEntry(text, out var sequence, out var hash))
            {
                return WitnessReading.Failed(WitnessProblem.Malformed, $"line {number} is not 'sequence hash'");
            }
            if (sequence != lastSequence + 1)
            {
                return WitnessReading.Failed(WitnessProblem.Malformed, $"line {number} witnesses entry {sequence} after entry {lastSequence}");
            }
            digest.Add(text);
            (lastSequence, lastHash) = (sequence, hash);
        }
        if (head is null)
        {
            return WitnessReading.Failed(WitnessProblem.Altered, "the witness has no signed checkpoint");
        }
        return new WitnessReading(WitnessProblem.None, "", head.Sequence, head.Hash, head.At, signedLines, number - signedLines);
    }

    /// <summary>The entry hashes in the first <paramref name="signedLines"/> lines (those a valid checkpoint covers).</summary>
    public static IEnumerable<KeyValuePair<long, string>> SignedEntries(IEnumerable<string> lines, long signedLines)
    {
        ArgumentNullException.ThrowIfNull(lines);
        long number = 0;
        foreach (var line in lines)
        {
            if (++number > signedLines)
            {
                yield break;
            }
            if (WitnessFormat.TryParseEntry(line, out var sequence, out var hash))
            {
                yield return new KeyValuePair<long, string>(sequence, hash);
            }
        }
    }
}
