using System.Globalization;
using Safeguard.Core.Calendar;

namespace Safeguard.Web.Cli;

/// <summary>
/// `./safeguard calendar ...`: lets a partnership check the working-day rules.
///   calendar add-working-days DATE-TIME N [--end] [--closed DATE]...
///   calendar holidays YEAR [--closed DATE]...
/// </summary>
public static class CalendarCommand
{
    public const string Usage = """
        Usage:
          ./safeguard calendar add-working-days DATE-TIME N [--end] [--closed yyyy-MM-dd]...
          ./safeguard calendar holidays YEAR [--closed yyyy-MM-dd]...

        add-working-days prints the date of the end of the Nth working day after the day of receipt (yyyy-MM-dd).
          DATE-TIME is ISO 8601: 2026-03-13, 2026-03-13T17:30 (UK local time), or with an offset or Z
          (2026-03-13T17:30:00Z). The day of receipt is the UK local date, whatever the time of day; receipt on
          a weekend or bank holiday counts from the next working day. N is a whole number, 0 or more
          (0 = the day of receipt itself).
          --end also prints the instant the deadline passes, in UTC: local midnight at the end of that date,
          after a space: 2026-03-16 2026-03-17T00:00:00Z
        holidays prints each bank holiday and closure of YEAR in England and Wales: yyyy-MM-dd<TAB>name.
        --closed adds a local closure day (repeat for more).
        """;

    /// <summary>The partnership's time zone: the system's Europe/London, or UK time by rule where the system has no time zone database.</summary>
    public static TimeZoneInfo UkTimeZone() => Features.Shared.UkTime.Zone;

    public static int Run(string[] args, TextWriter stdout, TextWriter stderr)
    {
        ArgumentNullException.ThrowIfNull(args);
        ArgumentNullException.ThrowIfNull(stdout);
        ArgumentNullException.ThrowIfNull(stderr);

        var positional = new List<string>();
        var closures = new List<BankHoliday>();
        var printEnd = false;
        for (var i = 0; i < args.Length; i++)
        {
            switch (args[i])
            {
                case "--end":
                    printEnd = true;
                    break;
                case "--closed" when i + 1 < args.Length && TryParseDate(args[i + 1], out var closed):
                    closures.Add(new BankHoliday(closed, "Local closure"));
                    i++;
                    break;
                case "--closed":
                    return UsageError(stderr, $"--closed needs a date as yyyy-MM-dd{(i + 1 < args.Length ? $", not '{args[i + 1]}'" : "")}.");
                case var option when option.StartsWith("--", StringComparison.Ordinal) && option.Length > 2:
                    return UsageError(stderr, $"Unknown option '{option}'.");
                default:
                    positional.Add(args[i]);
                    break;
            }
        }

        var calendar = new WorkingCalendar(UkTimeZone(), closures: closures);
        switch (positional)
        {
            case ["add-working-days", var when, var count]:
                if (!int.TryParse(count, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var n))
                {
                    return UsageError(stderr, $"N must be a whole number, not '{count}'.");
                }
                if (n < 0)
                {
                    return UsageError(stderr, $"N must be 0 or more, not {n}: a deadline cannot come before its day of receipt.");
                }
                Deadline deadline;
                if (TryParseDate(when, out var date))
                {
                    deadline = calendar.EndOf(calendar.AddWorkingDays(date, n));
                }
                else if (TryParseInstant(when, calendar.TimeZone, out var instant))
                {
                    deadline = calendar.AddWorkingDays(instant, n);
                }
                else
                {
                    return UsageError(stderr, $"'{when}' is not an ISO date or date-time (for example 2026-03-13 or 2026-03-13T17:30:00Z).");
                }
                var line = deadline.Date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
                stdout.WriteLine(printEnd ? $"{line} {deadline.EndsAt.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture)}" : line);
                return CommandLine.Success;

            case ["holidays", var yearText]:
                if (!int.TryParse(yearText, NumberStyles.None, CultureInfo.InvariantCulture, out var year) || year is < 1 or > 9998)
                {
                    return UsageError(stderr, $"YEAR must be a year such as 2026, not '{yearText}'.");
                }
                foreach (var holiday in calendar.DaysOff(year))
                {
                    stdout.WriteLine($"{holiday.Date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)}\t{holiday.Name}");
                }
                return CommandLine.Success;

            default:
                return UsageError(stderr, positional.Count == 0 ? "Say what to do." : $"Cannot understand 'calendar {string.Join(' ', positional)}'.");
        }
    }

    private static bool TryParseDate(string text, out DateOnly date) =>
        DateOnly.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out date);

    private static readonly string[] s_localFormats = ["yyyy-MM-dd'T'HH:mm", "yyyy-MM-dd'T'HH:mm:ss", "yyyy-MM-dd'T'HH:mm:ss.FFFFFFF"];
    private static readonly string[] s_offsetFormats = ["yyyy-MM-dd'T'HH:mmK", "yyyy-MM-dd'T'HH:mm:ssK", "yyyy-MM-dd'T'HH:mm:ss.FFFFFFFK"];

    /// <summary>An ISO date-time with an offset or Z is an instant; without one it is UK local time.</summary>
    private static bool TryParseInstant(string text, TimeZoneInfo zone, out DateTimeOffset instant)
    {
        if (DateTime.TryParseExact(text, s_localFormats, CultureInfo.InvariantCulture, DateTimeStyles.None, out var local))
        {
            instant = new DateTimeOffset(local, zone.GetUtcOffset(local));
            return true;
        }
        return DateTimeOffset.TryParseExact(text, s_offsetFormats, CultureInfo.InvariantCulture, DateTimeStyles.None, out instant);
    }

    private static int UsageError(TextWriter stderr, string message)
    {
        stderr.WriteLine(message);
        stderr.WriteLine(Usage);
        return CommandLine.Usage;
    }
}
