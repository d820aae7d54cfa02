namespace Safeguard.Web.Features.Shared;

/// <summary>
/// Practitioners type local UK times; Safeguard stores UTC. The conversion uses the Europe/London zone, so a time
/// typed in summer is an hour ahead of UTC.
/// </summary>
public static class UkTime
{
    /// <summary>Europe/London from the system's zone database, or Core's GMT/BST rules where a machine has none.</summary>
    public static readonly TimeZoneInfo Zone =
        TimeZoneInfo.TryFindSystemTimeZoneById("Europe/London", out var zone) ? zone : Core.Calendar.UkTime.ByRule;

    public static DateTimeOffset ToUtc(DateOnly date, TimeOnly time)
    {
        var local = date.ToDateTime(time, DateTimeKind.Unspecified);
        // A time that does not exist (the hour skipped when clocks go forward) is read as the next valid instant.
        if (Zone.IsInvalidTime(local))
        {
            local = local.AddHours(1);
        }
        return new DateTimeOffset(TimeZoneInfo.ConvertTimeToUtc(local, Zone), TimeSpan.Zero);
    }

    public static DateTimeOffset ToLocal(DateTimeOffset instant) => TimeZoneInfo.ConvertTime(instant, Zone);

    /// <summary>The UK calendar date of an instant (what "today" means to a practitioner at 00:30 in summer).</summary>
    public static DateOnly DateOf(DateTimeOffset instant) => DateOnly.FromDateTime(ToLocal(instant).DateTime);
}
