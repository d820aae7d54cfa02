using System.Collections.Concurrent;

namespace Safeguard.Core.Calendar;

/// <summary>
/// Working days for one partnership: Monday to Friday, less the bank holidays of England and Wales (with the
/// one-off changes given) and the partnership's own closures, in the partnership's time zone.
/// </summary>
/// <remarks>
/// The rule for a deadline of N working days from an instant (docs/calendar.md):
/// the day of receipt is the local date of the instant, whatever the time of day (a concern received at 17:30 on
/// a Friday was received on Friday); receipt on a non-working day counts as receipt on the next working day; the
/// deadline is the end of the Nth working day after the day of receipt. N = 0 means the end of the day of receipt
/// itself. N may not be negative. The time zone is given by the caller (TimeZoneInfo lookups read the system's
/// time zone database, which Core does not touch). Safe to share between threads.
/// </remarks>
public sealed class WorkingCalendar
{
    private readonly IReadOnlyList<BankHolidayChange> _changes;
    private readonly IReadOnlyList<BankHoliday> _closures;
    private readonly ConcurrentDictionary<int, IReadOnlyDictionary<DateOnly, BankHoliday>> _daysOffByYear = new();

    public WorkingCalendar(
        TimeZoneInfo timeZone,
        IEnumerable<BankHolidayChange>? oneOffChanges = null,
        IEnumerable<BankHoliday>? closures = null)
    {
        ArgumentNullException.ThrowIfNull(timeZone);
        TimeZone = timeZone;
        _changes = [.. oneOffChanges ?? EnglandAndWalesBankHolidays.OneOffChanges];
        _closures = [.. closures ?? []];
    }

    public TimeZoneInfo TimeZone { get; }

    /// <summary>Bank holidays and closures in <paramref name="year"/>, in date order.</summary>
    public IReadOnlyList<BankHoliday> DaysOff(int year) => [.. DaysOffIn(year).Values.OrderBy(h => h.Date)];

    public bool IsWorkingDay(DateOnly date) =>
        !EnglandAndWalesBankHolidays.IsWeekend(date) && !DaysOffIn(date.Year).ContainsKey(date);

    /// <summary>
    /// The Nth working day after <paramref name="start"/>, where a non-working start counts as the next working
    /// day; N = 0 gives that (rolled-forward) start.
    /// </summary>
    public DateOnly AddWorkingDays(DateOnly start, int workingDays)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(workingDays);
        var day = NextWorkingDayOnOrAfter(start);
        for (var i = 0; i < workingDays; i++)
        {
            day = NextWorkingDayOnOrAfter(day.AddDays(1));
        }
        return day;
    }

    public DateOnly NextWorkingDayOnOrAfter(DateOnly date)
    {
        while (!IsWorkingDay(date))
        {
            date = date.AddDays(1);
        }
        return date;
    }

    public DateOnly LastWorkingDayOnOrBefore(DateOnly date)
    {
        while (!IsWorkingDay(date))
        {
            date = date.AddDays(-1);
        }
        return date;
    }

    /// <summary>Working days from the end of <paramref name="from"/> to the end of <paramref name="to"/>: 0 when they are the same day.</summary>
    public int WorkingDaysBetween(DateOnly from, DateOnly to)
    {
        if (to < from)
        {
            return -WorkingDaysBetween(to, from);
        }
        var count = 0;
        for (var day = from.AddDays(1); day <= to; day = day.AddDays(1))
        {
            if (IsWorkingDay(day))
            {
                count++;
            }
        }
        return count;
    }

    /// <summary>The local date of an instant in the partnership's time zone.</summary>
    public DateOnly LocalDate(DateTimeOffset instant) =>
        DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(instant, TimeZone).DateTime);

    /// <summary>The first instant of a local date, in UTC (the earliest, if midnight is repeated or skipped).</summary>
    public DateTimeOffset StartOfDay(DateOnly date)
    {
        var local = date.ToDateTime(TimeOnly.MinValue, DateTimeKind.Unspecified);
        while (TimeZone.IsInvalidTime(local))
        {
            local = local.AddMinutes(1);
        }
        var offset = TimeZone.IsAmbiguousTime(local)
            ? TimeZone.GetAmbiguousTimeOffsets(local).Max()
            : TimeZone.GetUtcOffset(local);
        return new DateTimeOffset(local, offset).ToUniversalTime();
    }

    /// <summary>Due by the end of a local date.</summary>
    public Deadline EndOf(DateOnly date) => new(date, StartOfDay(date.AddDays(1)));

    /// <summary>Adds N working days to the day of receipt (see the rule on the class).</summary>
    public Deadline AddWorkingDays(DateTimeOffset receivedAt, int workingDays) =>
        EndOf(AddWorkingDays(LocalDate(receivedAt), workingDays));

    /// <summary>When something that started at <paramref name="from"/> is due under <paramref name="timescale"/>.</summary>
    public Deadline Due(DateTimeOffset from, Timescale timescale)
    {
        ArgumentNullException.ThrowIfNull(timescale);
        ArgumentOutOfRangeException.ThrowIfNegative(timescale.Amount);
        switch (timescale.Unit)
        {
            case TimescaleUnit.WorkingDays:
                return AddWorkingDays(from, timescale.Amount);
            case TimescaleUnit.Months:
                // "Within 3 months" must be met on a day the meeting can be held: a date that falls on a
                // non-working day moves back, never forward.
                var date = LastWorkingDayOnOrBefore(LocalDate(from).AddMonths(timescale.Amount));
                return EndOf(date);
            case TimescaleUnit.Hours:
                var at = from.AddHours(timescale.Amount).ToUniversalTime();
                return new Deadline(LocalDate(at), at);
            default:
                throw new ArgumentOutOfRangeException(nameof(timescale), timescale.Unit, "Unknown timescale unit.");
        }
    }

    private IReadOnlyDictionary<DateOnly, BankHoliday> DaysOffIn(int year) =>
        _daysOffByYear.GetOrAdd(year, static (y, calendar) => calendar.ComputeDaysOff(y), this);

    private Dictionary<DateOnly, BankHoliday> ComputeDaysOff(int y)
    {
        var days = EnglandAndWalesBankHolidays.ByRule(y).ToDictionary(h => h.Date);
        foreach (var change in _changes)
        {
            if (change.ReplacesDate is { } replaced && replaced.Year == y)
            {
                days.Remove(replaced);
            }
        }
        foreach (var extra in _changes.Where(c => c.Date.Year == y).Select(c => new BankHoliday(c.Date, c.Name)).Concat(_closures.Where(c => c.Date.Year == y)))
        {
            days.TryAdd(extra.Date, extra);
        }
        return days;
    }
}
