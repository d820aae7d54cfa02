using System.Buffers.Binary;
using System.Globalization;
using System.Security.Cryptography;
using System.Text;

namespace Safeguard.Core.Ledger;

/// <summary>
/// The hash chain shared by the ledger and the access log. Each entry's hash is SHA-256 over a canonical,
/// unambiguous encoding of its sequence number, the previous entry's hash and its own fields, so changing any
/// column of any entry, or moving, removing or inserting an entry, breaks the chain at that entry.
/// </summary>
/// <remarks>
/// Canonical encoding (version 1): the ASCII tag "SG-CHAIN-1", then the sequence as 8 bytes big-endian, then each
/// of previous hash and the fields as a 4-byte big-endian length (or 0xFFFFFFFF for null) followed by its UTF-8
/// bytes. Length prefixes mean no choice of field contents can make two different entries encode alike.
/// Changing this encoding invalidates every existing chain: add a new version instead.
/// </remarks>
public static class ChainHash
{
    /// <summary>The previous hash of the first entry of every chain.</summary>
    public static readonly string Genesis = new('0', 64);

    private static readonly byte[] s_tag = "SG-CHAIN-1"u8.ToArray();

    public static string Compute(long sequence, string previousHash, IReadOnlyList<string?> fields)
    {
        ArgumentNullException.ThrowIfNull(previousHash);
        ArgumentNullException.ThrowIfNull(fields);
        using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        hash.AppendData(s_tag);
        Span<byte> buffer = stackalloc byte[8];
        BinaryPrimitives.WriteInt64BigEndian(buffer, sequence);
        hash.AppendData(buffer);
        AppendField(hash, previousHash);
        foreach (var field in fields)
        {
            AppendField(hash, field);
        }
        return Convert.ToHexStringLower(hash.GetHashAndReset());
    }

    /// <summary>
    /// The one text form of an instant inside a hash: UTC to the microsecond, because PostgreSQL keeps
    /// microseconds and a finer value would not survive a round trip through the database.
    /// </summary>
    public static string FormatInstant(DateTimeOffset instant) =>
        instant.ToUniversalTime().ToString("yyyy-MM-dd'T'HH:mm:ss.ffffff'Z'", CultureInfo.InvariantCulture);

    /// <summary>Drops the sub-microsecond part so the stored value and the hashed value are the same.</summary>
    public static DateTimeOffset TruncateToMicroseconds(DateTimeOffset instant)
    {
        var utc = instant.ToUniversalTime();
        return new DateTimeOffset(utc.Ticks - (utc.Ticks % 10), TimeSpan.Zero);
    }

    private static void AppendField(IncrementalHash hash, string? value)
    {
        Span<byte> length = stackalloc byte[4];
        if (value is null)
        {
            BinaryPrimitives.WriteUInt32BigEndian(length, uint.MaxValue);
            hash.AppendData(length);
            return;
        }
        var bytes = Encoding.UTF8.GetBytes(value);
        BinaryPrimitives.WriteUInt32BigEndian(length, (uint)bytes.Length);
        hash.AppendData(length);
        hash.AppendData(bytes);
    }
}
