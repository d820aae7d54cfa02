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
    /// <summary>
    /// Two digits differ in yyyymmdd: two slips, one in each of two records of the person (2011-06-18 and
    /// 2012-06-08). Kept apart from <see cref="Different"/> so that a parent and child named alike, born
    /// decades apart, are not lumped with a child whose date was mistyped twice.
    /// </summary>
    TwoDigitsOff,
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
        if (DigitsDiffering(ToNumber(a), ToNumber(b)) == 1)
        {
            return DateAgreement.OneDigitOff;
        }
        if (a.Month == b.Month && a.Day == b.Day && Math.Abs(a.Year - b.Year) == 1)
        {
            return DateAgreement.YearOffByOne;
        }
        return DigitsDiffering(ToNumber(a), ToNumber(b)) == 2 ? DateAgreement.TwoDigitsOff : DateAgreement.Different;
    }

    /// <summary>The date as the number yyyymmdd, the form whose digits people mistype.</summary>
    public static int ToNumber(DateOnly date) => (date.Year * 10000) + (date.Month * 100) + date.Day;

    private static int DigitsDiffering(int a, int b)
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
        return differing;
    }
}
