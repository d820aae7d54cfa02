namespace Safeguard.Core.Matching;

/// <summary>
/// The NHS number: ten digits, the last a modulus-11 check digit. An invalid number is evidence of nothing —
/// it was mistyped, so it neither links nor separates two records.
/// </summary>
public static class NhsNumber
{
    /// <summary>The ten digits when <paramref name="value"/> (spaces and dashes allowed) is a valid NHS number, else null.</summary>
    public static string? Normalise(string? value)
    {
        var digits = TextNormaliser.Digits(value);
        return digits is not null && IsValid(digits) ? digits : null;
    }

    /// <summary>
    /// Weights 10 down to 2 on the first nine digits; 11 minus the sum modulo 11 is the check digit, 11 becoming 0;
    /// 10 means no valid number has these nine digits.
    /// </summary>
    public static bool IsValid(ReadOnlySpan<char> digits)
    {
        if (digits.Length != 10)
        {
            return false;
        }
        var sum = 0;
        for (var i = 0; i < 10; i++)
        {
            if (digits[i] is < '0' or > '9')
            {
                return false;
            }
            if (i < 9)
            {
                sum += (digits[i] - '0') * (10 - i);
            }
        }
        var check = 11 - (sum % 11);
        if (check == 11)
        {
            check = 0;
        }
        return check != 10 && check == digits[9] - '0';
    }
}
