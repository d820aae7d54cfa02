using System.Globalization;
using System.Text;

namespace Safeguard.Core.Matching;

/// <summary>
/// Puts names, postcodes and free text into one canonical form before anything is compared, so that
/// "O'Brien", "OBRIEN" and "o brien" do not look like three different people, and "Zoë" meets "Zoe".
/// </summary>
public static class TextNormaliser
{
    /// <summary>
    /// Lower case, diacritics removed, apostrophes dropped (O'Brien → obrien), every other punctuation mark and
    /// hyphen turned into a space (Smith-Jones → "smith jones"), whitespace collapsed. Null or blank gives null.
    /// </summary>
    public static string? Name(string? value)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            return null;
        }
        // Most names are plain ASCII: decomposing them would change nothing and cost an allocation.
        var decomposed = Ascii.IsValid(value) ? value : value.Normalize(NormalizationForm.FormD);
        var builder = new StringBuilder(decomposed.Length);
        var pendingSpace = false;
        foreach (var c in decomposed)
        {
            if (c > 0x7F && CharUnicodeInfo.GetUnicodeCategory(c) is UnicodeCategory.NonSpacingMark or UnicodeCategory.SpacingCombiningMark or UnicodeCategory.EnclosingMark)
            {
                continue;
            }
            if (c is '\'' or '’' or '‘' or '`' or 'ʼ')
            {
                continue;
            }
            if (char.IsLetterOrDigit(c))
            {
                if (pendingSpace && builder.Length > 0)
                {
                    builder.Append(' ');
                }
                pendingSpace = false;
                AppendFolded(builder, c);
            }
            else
            {
                pendingSpace = true;
            }
        }
        return builder.Length == 0 ? null : builder.ToString();
    }

    /// <summary>The space-separated parts of a normalised name ("smith jones" → smith, jones).</summary>
    public static string[] Tokens(string? normalised) =>
        normalised is null ? [] : normalised.Split(' ', StringSplitOptions.RemoveEmptyEntries);

    /// <summary>Only the digits of a value (NHS numbers, phones); null when there are none.</summary>
    public static string? Digits(string? value)
    {
        if (string.IsNullOrEmpty(value))
        {
            return null;
        }
        var builder = new StringBuilder(value.Length);
        foreach (var c in value)
        {
            if (c is >= '0' and <= '9')
            {
                builder.Append(c);
            }
        }
        return builder.Length == 0 ? null : builder.ToString();
    }

    /// <summary>Letters and digits only, upper case: postcodes and other identifiers ("s60 1ab" → S601AB).</summary>
    public static string? Compact(string? value)
    {
        var name = Name(value);
        if (name is null)
        {
            return null;
        }
        var builder = new StringBuilder(name.Length);
        foreach (var c in name)
        {
            if (c != ' ')
            {
                builder.Append(char.ToUpperInvariant(c));
            }
        }
        return builder.ToString();
    }

    // Letters that Unicode decomposition leaves whole but that people type without their mark.
    private static void AppendFolded(StringBuilder builder, char c)
    {
        var lower = char.ToLowerInvariant(c);
        var folded = lower switch
        {
            'ß' => "ss",
            'æ' => "ae",
            'œ' => "oe",
            'ø' => "o",
            'ł' => "l",
            'đ' or 'ð' => "d",
            'þ' => "th",
            'ı' => "i",
            _ => null,
        };
        if (folded is null)
        {
            builder.Append(lower);
        }
        else
        {
            builder.Append(folded);
        }
    }
}
