using System.Text;

namespace Safeguard.Core.Intelligence;

/// <summary>A normalised key for a POLE object, or the reason the text cannot be one.</summary>
public readonly record struct PoleKey(string? Key, string? Display, string? Error)
{
    public bool IsValid => Key is not null;

    internal static PoleKey Valid(string key, string display) => new(key, display, null);

    internal static PoleKey Invalid(string error) => new(null, null, error);
}

/// <summary>
/// The forms in which the same vehicle, phone, account or place is written by different people, reduced to one
/// key, so that "nb19 abc", "NB19ABC" and "NB19-ABC" are one car and "07700 900123" and "+44 7700 900123" one
/// phone. The key is what the database indexes and matches; the display form is what pages show.
/// </summary>
public static class PoleKeys
{
    /// <summary>Marks an unread character of a partly noted registration ("NB19 ***").</summary>
    public const char Unknown = '?';

    /// <summary>
    /// A UK registration mark: letters and digits, spaces and hyphens ignored, upper case. Characters not read
    /// may be written as * or ? ("NB19 ***"); the key keeps them as ?, so a partial mark is a record of its
    /// own that an analyst can later link to the full one. Two to eight characters, at least one read.
    /// </summary>
    public static PoleKey RegistrationMark(string? text)
    {
        var key = new StringBuilder();
        foreach (var c in text ?? "")
        {
            if (c is ' ' or '-')
            {
                continue;
            }
            if (char.IsAsciiLetterOrDigit(c))
            {
                key.Append(char.ToUpperInvariant(c));
            }
            else if (c is '*' or '?')
            {
                key.Append(Unknown);
            }
            else
            {
                return PoleKey.Invalid($"A registration mark has only letters and numbers (use * for a character not seen), not '{c}'");
            }
        }
        if (key.Length == 0)
        {
            return PoleKey.Invalid("Enter the registration mark");
        }
        if (key.Length is < 2 or > 8)
        {
            return PoleKey.Invalid("A registration mark has 2 to 8 letters and numbers");
        }
        if (key.ToString().All(c => c == Unknown))
        {
            return PoleKey.Invalid("Enter at least one character of the registration mark that was seen");
        }
        var mark = key.ToString();
        // Current-style marks (two letters, two digits, three letters) are shown with their usual space.
        var display = mark.Length == 7 && IsCurrentStyle(mark) ? $"{mark[..4]} {mark[4..]}" : mark;
        return PoleKey.Valid(mark, display);
    }

    public static bool IsPartialMark(string key) => key.Contains(Unknown, StringComparison.Ordinal);

    private static bool IsCurrentStyle(string mark) =>
        (char.IsAsciiLetter(mark[0]) || mark[0] == Unknown) && (char.IsAsciiLetter(mark[1]) || mark[1] == Unknown)
        && (char.IsAsciiDigit(mark[2]) || mark[2] == Unknown) && (char.IsAsciiDigit(mark[3]) || mark[3] == Unknown);

    /// <summary>
    /// A phone number in E.164 form. UK numbers may be written nationally (07700 900123), with the country code
    /// (+44 7700 900123, 0044..., 44...), with a bracketed trunk zero (+44 (0)7700...), and with spaces, dots,
    /// hyphens and brackets; other countries need their + or 00 prefix.
    /// </summary>
    public static PoleKey Phone(string? text)
    {
        var trimmed = (text ?? "").Trim();
        if (trimmed.Length == 0)
        {
            return PoleKey.Invalid("Enter the phone number");
        }
        // "(0)" after a country code is the trunk prefix, dialled only from inside the country.
        var withoutTrunk = trimmed.Replace("(0)", "", StringComparison.Ordinal);
        var digits = new StringBuilder();
        var international = false;
        for (var i = 0; i < withoutTrunk.Length; i++)
        {
            var c = withoutTrunk[i];
            if (char.IsAsciiDigit(c))
            {
                digits.Append(c);
            }
            else if (c == '+' && digits.Length == 0 && !international)
            {
                international = true;
            }
            else if (c is not (' ' or '-' or '.' or '(' or ')'))
            {
                return PoleKey.Invalid($"A phone number has only digits, spaces and + (for the country code), not '{c}'");
            }
        }
        var number = digits.ToString();
        if (!international && number.StartsWith("00", StringComparison.Ordinal))
        {
            international = true;
            number = number[2..];
        }
        else if (!international && number.StartsWith("44", StringComparison.Ordinal) && number.Length == 12)
        {
            international = true;
        }
        if (!international)
        {
            // A national UK number: a trunk zero and ten more digits.
            if (number.Length != 11 || number[0] != '0')
            {
                return PoleKey.Invalid("A UK phone number has 11 digits starting with 0, like 07700 900123 (or give the country code, like +44 7700 900123)");
            }
            number = "44" + number[1..];
        }
        if (number.StartsWith("44", StringComparison.Ordinal))
        {
            if (number.Length == 13 && number[2] == '0')
            {
                number = "44" + number[3..]; // +44 07700... written with the trunk zero kept
            }
            if (number.Length != 12)
            {
                return PoleKey.Invalid("A UK phone number has 10 digits after +44, like +44 7700 900123");
            }
        }
        else if (number.Length is < 8 or > 15)
        {
            return PoleKey.Invalid("An international phone number has 8 to 15 digits including the country code");
        }
        var e164 = "+" + number;
        var display = number.StartsWith("447", StringComparison.Ordinal) ? $"0{number[2..6]} {number[6..]}" : e164;
        return PoleKey.Valid(e164, display);
    }

    /// <summary>An online account: "platform: handle", both lower-cased, a leading @ on the handle dropped.</summary>
    public static PoleKey Account(string? platform, string? handle)
    {
        var p = Collapse(platform).ToLowerInvariant();
        var h = (handle ?? "").Trim().TrimStart('@').Trim().ToLowerInvariant();
        if (p.Length == 0)
        {
            return PoleKey.Invalid("Enter the platform, for example Snapchat");
        }
        if (h.Length == 0)
        {
            return PoleKey.Invalid("Enter the account name or handle");
        }
        if (h.Any(char.IsWhiteSpace))
        {
            return PoleKey.Invalid("An account name or handle has no spaces");
        }
        return PoleKey.Valid($"{p}:{h}", $"{Collapse(platform)} @{h}");
    }

    /// <summary>A document: its type and number, the number upper-cased with spaces and hyphens removed.</summary>
    public static PoleKey Document(string? type, string? number)
    {
        var t = Collapse(type);
        var n = new string([.. (number ?? "").Where(c => c is not (' ' or '-'))]).ToUpperInvariant();
        if (t.Length == 0)
        {
            return PoleKey.Invalid("Enter the type of document, for example Passport");
        }
        if (n.Length == 0)
        {
            return PoleKey.Invalid("Enter the document number");
        }
        if (!n.All(char.IsAsciiLetterOrDigit))
        {
            return PoleKey.Invalid("A document number has only letters and numbers");
        }
        return PoleKey.Valid($"{t.ToLowerInvariant()}:{n}", $"{t} {n}");
    }

    /// <summary>
    /// A place: its name (case and spacing ignored) and, when known, its postcode in standard form, so "Mill Road
    /// Takeaway, NB2 5RT" and "mill road  takeaway, nb25rt" are one place. An invalid postcode is refused.
    /// </summary>
    public static PoleKey Place(string? name, string? postcode)
    {
        var n = Collapse(name);
        if (n.Length == 0)
        {
            return PoleKey.Invalid("Enter the name or address of the place");
        }
        var code = "";
        if (!string.IsNullOrWhiteSpace(postcode))
        {
            if (Postcode(postcode) is not { } normalised)
            {
                return PoleKey.Invalid("Enter a real postcode, like NB2 5RT");
            }
            code = normalised;
        }
        return PoleKey.Valid(code.Length == 0 ? n.ToLowerInvariant() : $"{n.ToLowerInvariant()}|{code}", code.Length == 0 ? n : $"{n}, {code}");
    }

    /// <summary>A UK postcode in standard form ("NB2 5RT"), or null if it is not shaped like one.</summary>
    public static string? Postcode(string? text)
    {
        var compact = new string([.. (text ?? "").Where(c => !char.IsWhiteSpace(c))]).ToUpperInvariant();
        if (compact.Length is < 5 or > 7 || !compact.All(char.IsAsciiLetterOrDigit))
        {
            return null;
        }
        var outward = compact[..^3];
        var inward = compact[^3..];
        var inwardOk = char.IsAsciiDigit(inward[0]) && char.IsAsciiLetter(inward[1]) && char.IsAsciiLetter(inward[2]);
        var outwardOk = char.IsAsciiLetter(outward[0]) && outward.Any(char.IsAsciiDigit);
        return inwardOk && outwardOk ? $"{outward} {inward}" : null;
    }

    private static string Collapse(string? text) => string.Join(' ', (text ?? "").Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries));
}
