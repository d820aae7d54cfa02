namespace Safeguard.Core.Calendar;

/// <summary>A day on which the partnership does not work: a bank holiday or a local closure.</summary>
public sealed record BankHoliday(DateOnly Date, string Name);

/// <summary>
/// A one-off change to the bank holidays of one year, decided by proclamation: an extra day
/// (<see cref="ReplacesDate"/> null) or a usual holiday moved to <see cref="Date"/>.
/// </summary>
public sealed record BankHolidayChange(DateOnly Date, string Name, DateOnly? ReplacesDate = null);

/// <summary>
/// The bank holidays of England and Wales for any year: the eight regular holidays with their substitute days,
/// computed from rules, then the one-off changes applied. The rules are the modern ones (the early May holiday
/// dates from 1978); earlier years are computed with the same rules, not history.
/// </summary>
public static class EnglandAndWalesBankHolidays
{
    /// <summary>
    /// Known one-off changes. Data, not rules: a partnership can replace or extend the list in configuration
    /// when a new proclamation is made.
    /// </summary>
    public static IReadOnlyList<BankHolidayChange> OneOffChanges { get; } =
    [
        new(new DateOnly(1995, 5, 8), "Early May bank holiday (VE Day)", new DateOnly(1995, 5, 1)),
        new(new DateOnly(1999, 12, 31), "Millennium celebrations"),
        new(new DateOnly(2002, 6, 4), "Spring bank holiday", new DateOnly(2002, 5, 27)),
        new(new DateOnly(2002, 6, 3), "Golden Jubilee"),
        new(new DateOnly(2011, 4, 29), "Royal wedding"),
        new(new DateOnly(2012, 6, 4), "Spring bank holiday", new DateOnly(2012, 5, 28)),
        new(new DateOnly(2012, 6, 5), "Diamond Jubilee"),
        new(new DateOnly(2020, 5, 8), "Early May bank holiday (VE Day)", new DateOnly(2020, 5, 4)),
        new(new DateOnly(2022, 6, 2), "Spring bank holiday", new DateOnly(2022, 5, 30)),
        new(new DateOnly(2022, 6, 3), "Platinum Jubilee"),
        new(new DateOnly(2022, 9, 19), "State funeral of Queen Elizabeth II"),
        new(new DateOnly(2023, 5, 8), "Coronation of King Charles III"),
    ];

    /// <summary>The regular bank holidays of <paramref name="year"/> by rule, before any one-off change.</summary>
    public static IReadOnlyList<BankHoliday> ByRule(int year)
    {
        var easter = EasterSunday(year);
        var holidays = new List<BankHoliday>
        {
            new(easter.AddDays(-2), "Good Friday"),
            new(easter.AddDays(1), "Easter Monday"),
            new(NthWeekday(year, 5, DayOfWeek.Monday, 1), "Early May bank holiday"),
            new(LastWeekday(year, 5, DayOfWeek.Monday), "Spring bank holiday"),
            new(LastWeekday(year, 8, DayOfWeek.Monday), "Summer bank holiday"),
        };

        // Fixed-date holidays on a weekend move to the next weekday not already a holiday. Those on weekdays are
        // placed first, so that Christmas on a Sunday gives Boxing Day on Monday 26 and Christmas on Tuesday 27,
        // and Christmas on a Saturday gives Monday 27 (Christmas) and Tuesday 28 (Boxing Day).
        BankHoliday[] fixedDates =
        [
            new(new DateOnly(year, 1, 1), "New Year's Day"),
            new(new DateOnly(year, 12, 25), "Christmas Day"),
            new(new DateOnly(year, 12, 26), "Boxing Day"),
        ];
        holidays.AddRange(fixedDates.Where(h => !IsWeekend(h.Date)));
        foreach (var holiday in fixedDates.Where(h => IsWeekend(h.Date)))
        {
            var substitute = holiday.Date;
            while (IsWeekend(substitute) || holidays.Any(h => h.Date == substitute))
            {
                substitute = substitute.AddDays(1);
            }
            holidays.Add(new BankHoliday(substitute, $"{holiday.Name} (substitute day)"));
        }
        return [.. holidays.OrderBy(h => h.Date)];
    }

    /// <summary>Easter Sunday in the Gregorian calendar (the anonymous Gregorian computus).</summary>
    public static DateOnly EasterSunday(int year)
    {
        var a = year % 19;
        var b = year / 100;
        var c = year % 100;
        var d = b / 4;
        var e = b % 4;
        var f = (b + 8) / 25;
        var g = (b - f + 1) / 3;
        var h = ((19 * a) + b - d - g + 15) % 30;
        var i = c / 4;
        var k = c % 4;
        var l = (32 + (2 * e) + (2 * i) - h - k) % 7;
        var m = (a + (11 * h) + (22 * l)) / 451;
        var month = (h + l - (7 * m) + 114) / 31;
        var day = ((h + l - (7 * m) + 114) % 31) + 1;
        return new DateOnly(year, month, day);
    }

    internal static bool IsWeekend(DateOnly date) => date.DayOfWeek is DayOfWeek.Saturday or DayOfWeek.Sunday;

    private static DateOnly NthWeekday(int year, int month, DayOfWeek day, int n)
    {
        var first = new DateOnly(year, month, 1);
        var offset = ((int)day - (int)first.DayOfWeek + 7) % 7;
        return first.AddDays(offset + (7 * (n - 1)));
    }

    private static DateOnly LastWeekday(int year, int month, DayOfWeek day)
    {
        var last = new DateOnly(year, month, DateTime.DaysInMonth(year, month));
        var offset = ((int)last.DayOfWeek - (int)day + 7) % 7;
        return last.AddDays(-offset);
    }
}
