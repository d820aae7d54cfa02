namespace Safeguard.Core.People;

/// <summary>
/// The NHS number: ten digits whose last is a modulus-11 check digit over the first nine, weighted 10 down to 2.
/// A remainder giving 10 means no valid number exists with those nine digits.
/// </summary>
public static class NhsNumber
{
    /// <summary>Strips the spaces and hyphens people type ("943 476 5919") and returns the ten digits, or null.</summary>
    public static string? Normalise(string? input)
    {
        if (string.IsNullOrWhiteSpace(input))
        {
            return null;
        }
        Span<char> digits = stackalloc char[10];
        var count = 0;
        foreach (var c in input)
        {
            if (c is ' ' or '-')
            {
                continue;
            }
            if (!char.IsAsciiDigit(c) || count == 10)
            {
                return null;
            }
            digits[count++] = c;
        }
        return count == 10 ? new string(digits) : null;
    }

    public static bool IsValid(string? input)
    {
        var digits = Normalise(input);
        if (digits is null)
        {
            return false;
        }
        var sum = 0;
        for (var i = 0; i < 9; i++)
        {
            sum += (digits[i] - '0') * (10 - i);
        }
        var check = 11 - (sum % 11);
        if (check == 11)
        {
            check = 0;
        }
        return check != 10 && check == digits[9] - '0';
    }

    /// <summary>
    /// For matching records from other systems: the ten digits of a valid number written with any punctuation
    /// ("NHS no. 943.476.5919"), else null. An invalid number is evidence of nothing: it was mistyped, so it neither
    /// links nor separates two records.
    /// </summary>
    public static string? ValidDigitsIn(string? text)
    {
        if (string.IsNullOrEmpty(text))
        {
            return null;
        }
        var digits = string.Concat(text.Where(char.IsAsciiDigit));
        return IsValid(digits) ? digits : null;
    }

    /// <summary>"9434765919" as people read it: "943 476 5919".</summary>
    public static string Format(string digits) =>
        digits.Length == 10 ? $"{digits[..3]} {digits[3..6]} {digits[6..]}" : digits;
}
