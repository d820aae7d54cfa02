namespace Safeguard.Core.Matching;

/// <summary>How closely two dates of birth agree, from the kinds of error people make writing them down.</summary>
public enum DateAgreement
{
    Exact,
    /// <summary>Day and month exchanged: 03/04 written for 04/03 (US order, or a slip).</summary>
    DayMonthSwapped,
    /// <summary>Exactly one digit differs in yyyymmdd: a typing or reading slip.</summary>
    OneDigitOff,
    /// <summary>Same day and month, year one apart: a half-remembered year.</summary>
    YearOffByOne,
    Different,
}

public static class DateOfBirth
{
    public static DateAgreement Compare(DateOnly a, DateOnly b)
    {
        if (a == b)
        {
            return DateAgreement.Exact;
        }
        if (a.Year == b.Year && a.Day == b.Month && a.Month == b.Day)
        {
            return DateAgreement.DayMonthSwapped;
        }
        if (DigitsDifferingInOne(ToNumber(a), ToNumber(b)))
        {
            return DateAgreement.OneDigitOff;
        }
        if (a.Month == b.Month && a.Day == b.Day && Math.Abs(a.Year - b.Year) == 1)
        {
            return DateAgreement.YearOffByOne;
        }
        return DateAgreement.Different;
    }

    /// <summary>The date as the number yyyymmdd, the form whose digits people mistype.</summary>
    public static int ToNumber(DateOnly date) => (date.Year * 10000) + (date.Month * 100) + date.Day;

    private static bool DigitsDifferingInOne(int a, int b)
    {
        var differing = 0;
        for (var i = 0; i < 8; i++)
        {
            if (a % 10 != b % 10)
            {
                differing++;
            }
            a /= 10;
            b /= 10;
        }
        return differing == 1;
    }
}
