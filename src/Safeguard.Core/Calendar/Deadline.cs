namespace Safeguard.Core.Calendar;

/// <summary>
/// When something is due: by the end of <see cref="Date"/> (a local date in the partnership's time zone), which
/// is the instant <see cref="EndsAt"/> in UTC. The deadline has passed from <see cref="EndsAt"/> on (exclusive:
/// for a day-based deadline it is the local midnight that starts the next day; for an hour-based one, the exact
/// instant).
/// </summary>
public readonly record struct Deadline(DateOnly Date, DateTimeOffset EndsAt)
{
    public bool HasPassed(DateTimeOffset now) => now >= EndsAt;
}

public enum TimescaleUnit
{
    /// <summary>Counted on the working calendar: due by the end of the Nth working day after the day it starts.</summary>
    WorkingDays,

    /// <summary>Calendar months: due by the end of the same day N months on, or the last working day before it.</summary>
    Months,

    /// <summary>Elapsed hours, every day counting: due at the exact instant.</summary>
    Hours,
}

/// <summary>A statutory or local timescale such as "15 working days" or "3 months", kept as configuration.</summary>
public sealed record Timescale(int Amount, TimescaleUnit Unit)
{
    public static Timescale WorkingDays(int amount) => new(amount, TimescaleUnit.WorkingDays);

    public static Timescale Months(int amount) => new(amount, TimescaleUnit.Months);

    public static Timescale Hours(int amount) => new(amount, TimescaleUnit.Hours);

    /// <summary>
    /// Reads a timescale as a partnership writes it in configuration: "15 working days", "1 working day",
    /// "3 months", "72 hours" (case and extra spaces ignored). The text <see cref="ToString"/> writes reads back.
    /// </summary>
    public static bool TryParse(string? text, [System.Diagnostics.CodeAnalysis.NotNullWhen(true)] out Timescale? timescale)
    {
        timescale = null;
        var words = (text ?? "").Split(' ', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        if (words.Length < 2 || !int.TryParse(words[0], System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var amount))
        {
            return false;
        }
        TimescaleUnit? unit = string.Join(' ', words[1..]).ToLowerInvariant() switch
        {
            "working day" or "working days" => TimescaleUnit.WorkingDays,
            "month" or "months" => TimescaleUnit.Months,
            "hour" or "hours" => TimescaleUnit.Hours,
            _ => null,
        };
        if (unit is null)
        {
            return false;
        }
        timescale = new Timescale(amount, unit.Value);
        return true;
    }

    public override string ToString() => Unit switch
    {
        TimescaleUnit.WorkingDays => Amount == 1 ? "1 working day" : $"{Amount} working days",
        TimescaleUnit.Months => Amount == 1 ? "1 month" : $"{Amount} months",
        _ => Amount == 1 ? "1 hour" : $"{Amount} hours",
    };
}
