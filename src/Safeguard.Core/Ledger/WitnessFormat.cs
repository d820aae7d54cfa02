using System.Globalization;
using System.Security.Cryptography;
using System.Text;

namespace Safeguard.Core.Ledger;

/// <summary>
/// The text form of a chain's witness file, kept outside the database (version 2, signed):
/// <code>
/// # safeguard chain witness v2 chain=ledger key=1a2b3c4d5e6f7a8b
/// 1 &lt;hash of entry 1&gt;
/// 2 &lt;hash of entry 2&gt;
/// @checkpoint 2 &lt;hash of entry 2&gt; 2026-11-23T10:00:00.000000Z &lt;digest&gt; &lt;signature&gt;
/// 3 &lt;hash of entry 3&gt;
/// @checkpoint 3 ...
/// </code>
/// Each checkpoint's digest is SHA-256 over the previous checkpoint's digest (64 zeros for the first) and every line
/// written since it, so the digests chain through the whole file; the checkpoint line without its signature is then
/// signed (ECDSA P-256, SHA-256) with the witness key, which is kept outside the database. Editing, inserting or
/// removing any line before a checkpoint breaks that checkpoint's digest, and a checkpoint cannot be re-signed
/// without the key, so a witness rewritten by someone who can write the file but lacks the key is rejected.
/// </summary>
public static class WitnessFormat
{
    /// <summary>The first line of an unsigned witness written before version 2: refused, it proves nothing.</summary>
    public const string Version1Header = "# safeguard chain witness v1";
    public const string CheckpointTag = "@checkpoint";
    private const string HeaderPrefix = "# safeguard chain witness v2";
    private static readonly byte[] s_signatureTag = "SG-WITNESS-2\n"u8.ToArray();

    public static string Header(string chain, string keyFingerprint) =>
        string.Create(CultureInfo.InvariantCulture, $"{HeaderPrefix} chain={chain} key={keyFingerprint}");

    public static string EntryLine(long sequence, string hash) =>
        string.Create(CultureInfo.InvariantCulture, $"{sequence} {hash}");

    /// <summary>The checkpoint line before its signature is appended: what the signature covers (with the chain's name).</summary>
    public static string UnsignedCheckpoint(long sequence, string hash, DateTimeOffset at, string digest) =>
        string.Create(CultureInfo.InvariantCulture, $"{CheckpointTag} {sequence} {hash} {ChainHash.FormatInstant(at)} {digest}");

    /// <summary>The bytes signed for a checkpoint: a tag, the chain's name and the unsigned checkpoint line.</summary>
    public static byte[] SignedMessage(string chain, string unsignedCheckpoint)
    {
        ArgumentNullException.ThrowIfNull(chain);
        ArgumentNullException.ThrowIfNull(unsignedCheckpoint);
        return [.. s_signatureTag, .. Encoding.UTF8.GetBytes(chain), (byte)'\n', .. Encoding.UTF8.GetBytes(unsignedCheckpoint)];
    }

    public static string CheckpointLine(string unsignedCheckpoint, byte[] signature) =>
        unsignedCheckpoint + " " + Convert.ToBase64String(signature);

    /// <summary>A short, stable name for a public key (its SubjectPublicKeyInfo), written in the header.</summary>
    public static string KeyFingerprint(byte[] subjectPublicKeyInfo) =>
        Convert.ToHexStringLower(SHA256.HashData(subjectPublicKeyInfo))[..16];

    public static string KeyFingerprint(ECDsa key)
    {
        ArgumentNullException.ThrowIfNull(key);
        return KeyFingerprint(key.ExportSubjectPublicKeyInfo());
    }

    public static bool IsCheckpoint(string line) =>
        line.StartsWith(CheckpointTag + " ", StringComparison.Ordinal);

    public static bool TryParseHeader(string line, out string chain, out string keyFingerprint)
    {
        chain = "";
        keyFingerprint = "";
        if (!line.StartsWith(HeaderPrefix + " ", StringComparison.Ordinal))
        {
            return false;
        }
        var parts = line[(HeaderPrefix.Length + 1)..].Split(' ');
        if (parts is not [var chainPart, var keyPart] || !chainPart.StartsWith("chain=", StringComparison.Ordinal) || !keyPart.StartsWith("key=", StringComparison.Ordinal))
        {
            return false;
        }
        chain = chainPart["chain=".Length..];
        keyFingerprint = keyPart["key=".Length..];
        return chain.Length > 0 && keyFingerprint.Length > 0;
    }

    public static bool TryParseEntry(string line, out long sequence, out string hash)
    {
        sequence = 0;
        hash = "";
        var space = line.IndexOf(' ', StringComparison.Ordinal);
        if (space <= 0 || line.Length - space - 1 != 64 || !long.TryParse(line.AsSpan(0, space), NumberStyles.None, CultureInfo.InvariantCulture, out sequence) || !IsHex(line.AsSpan(space + 1)))
        {
            return false;
        }
        hash = line[(space + 1)..];
        return true;
    }

    public static bool TryParseCheckpoint(string line, out WitnessCheckpoint checkpoint)
    {
        checkpoint = null!;
        var parts = line.Split(' ');
        if (parts.Length != 6 || parts[0] != CheckpointTag
            || !long.TryParse(parts[1], NumberStyles.None, CultureInfo.InvariantCulture, out var sequence)
            || parts[2].Length != 64 || !IsHex(parts[2]) || parts[4].Length != 64 || !IsHex(parts[4]))
        {
            return false;
        }
        byte[] signature;
        try
        {
            signature = Convert.FromBase64String(parts[5]);
        }
        catch (FormatException)
        {
            return false;
        }
        checkpoint = new WitnessCheckpoint(sequence, parts[2], parts[3], parts[4], signature, line[..line.LastIndexOf(' ')]);
        return true;
    }

    private static bool IsHex(ReadOnlySpan<char> text)
    {
        foreach (var c in text)
        {
            if (c is not ((>= '0' and <= '9') or (>= 'a' and <= 'f')))
            {
                return false;
            }
        }
        return true;
    }
}

/// <summary>One parsed checkpoint line. <paramref name="Unsigned"/> is the line without its signature.</summary>
public sealed record WitnessCheckpoint(long Sequence, string Hash, string At, string Digest, byte[] Signature, string Unsigned);

/// <summary>The running digest of the lines since the last checkpoint (see <see cref="WitnessFormat"/>).</summary>
public sealed class WitnessDigest : IDisposable
{
    private static readonly byte[] s_newLine = "\n"u8.ToArray();
    private readonly IncrementalHash _hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);

    public WitnessDigest(string previousDigest) => Restart(previousDigest);

    public void Add(string line)
    {
        ArgumentNullException.ThrowIfNull(line);
        _hash.AppendData(Encoding.UTF8.GetBytes(line));
        _hash.AppendData(s_newLine);
    }

    /// <summary>The digest of everything added since the last restart.</summary>
    public string Current => Convert.ToHexStringLower(_hash.GetCurrentHash());

    /// <summary>Starts the next segment from <paramref name="previousDigest"/>.</summary>
    public void Restart(string previousDigest)
    {
        ArgumentNullException.ThrowIfNull(previousDigest);
        _hash.GetHashAndReset();
        Add(previousDigest);
    }

    public void Dispose() => _hash.Dispose();
}
