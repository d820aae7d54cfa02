using System.Buffers.Binary;
using System.Security.Cryptography;
using System.Text;

namespace Safeguard.Core.Access;

/// <summary>
/// Time-based one-time passwords (RFC 6238: HMAC-SHA1, 30-second steps, 6 digits), the scheme authenticator
/// apps use. <see cref="Check"/> is how Safeguard accepts a code: within one step either side of now (a phone's clock
/// may be a little out), and only for a step later than the last one accepted for the user, so a code seen over a
/// shoulder or replayed from a captured request cannot be used again (RFC 6238 section 5.2). Identity's own
/// authenticator provider allows two steps either side and the same code any number of times.
/// </summary>
public static class Totp
{
    public const int StepSeconds = 30;

    /// <summary>Steps either side of the current one that are accepted.</summary>
    public const int AllowedDrift = 1;

    public static long StepAt(DateTimeOffset at) => at.ToUnixTimeSeconds() / StepSeconds;

    public static DateTimeOffset StartOfStep(long step) => DateTimeOffset.FromUnixTimeSeconds(step * StepSeconds);

    public static string Code(byte[] key, DateTimeOffset at) => CodeForStep(key, StepAt(at));

    /// <summary>
    /// Checks <paramref name="code"/> at <paramref name="at"/> for a user whose last accepted code was for
    /// <paramref name="lastAcceptedStep"/> (null if none). An accepted code's step must be stored as the new last
    /// accepted step, or the code could be used again.
    /// </summary>
    public static TotpCheck Check(byte[] key, string code, DateTimeOffset at, long? lastAcceptedStep)
    {
        ArgumentNullException.ThrowIfNull(key);
        ArgumentNullException.ThrowIfNull(code);
        var now = StepAt(at);
        var alreadyUsed = false;
        for (var step = now - AllowedDrift; step <= now + AllowedDrift; step++)
        {
            if (!CryptographicOperations.FixedTimeEquals(
                Encoding.ASCII.GetBytes(CodeForStep(key, step)), Encoding.ASCII.GetBytes(code)))
            {
                continue;
            }
            if (lastAcceptedStep is { } last && step <= last)
            {
                alreadyUsed = true;
                continue;
            }
            return new TotpCheck(TotpOutcome.Accepted, step);
        }
        return new TotpCheck(alreadyUsed ? TotpOutcome.AlreadyUsed : TotpOutcome.Wrong, null);
    }

    public static string CodeForStep(byte[] key, long step)
    {
        ArgumentNullException.ThrowIfNull(key);
        Span<byte> counter = stackalloc byte[8];
        BinaryPrimitives.WriteInt64BigEndian(counter, step);
        Span<byte> mac = stackalloc byte[20];
#pragma warning disable CA5350 // RFC 6238 and every authenticator app use HMAC-SHA1; its use as a MAC here is not weakened by SHA-1 collisions.
        HMACSHA1.HashData(key, counter, mac);
#pragma warning restore CA5350
        var offset = mac[^1] & 0x0F;
        var binary = (BinaryPrimitives.ReadInt32BigEndian(mac[offset..]) & 0x7FFFFFFF) % 1_000_000;
        return binary.ToString("D6", System.Globalization.CultureInfo.InvariantCulture);
    }

    /// <summary>Decodes the RFC 4648 base32 text an authenticator app is given (case and spaces ignored).</summary>
    public static byte[] DecodeBase32(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        const string Alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZ234567";
        var output = new List<byte>(text.Length * 5 / 8);
        int buffer = 0, bits = 0;
        foreach (var raw in text)
        {
            if (raw is ' ' or '=' or '-')
            {
                continue;
            }
            var value = Alphabet.IndexOf(char.ToUpperInvariant(raw), StringComparison.Ordinal);
            if (value < 0)
            {
                throw new FormatException($"'{raw}' is not a base32 character.");
            }
            buffer = (buffer << 5) | value;
            bits += 5;
            if (bits >= 8)
            {
                bits -= 8;
                output.Add((byte)(buffer >> bits));
                buffer &= (1 << bits) - 1;
            }
        }
        return [.. output];
    }
}

public enum TotpOutcome
{
    Accepted,
    /// <summary>The code is right for a step at or before the last one accepted: it (or a later one) was already used.</summary>
    AlreadyUsed,
    Wrong,
}

/// <param name="Step">The step the code was accepted for, when it was.</param>
public sealed record TotpCheck(TotpOutcome Outcome, long? Step);
