namespace Safeguard.Core.Tests.Calendar;

/// <summary>
/// Europe/London built from its rules (last Sunday of March 01:00 UTC to last Sunday of October 01:00 UTC), so
/// Core tests need no system time zone database.
/// </summary>
internal static class TestZones
{
    public static TimeZoneInfo London { get; } = TimeZoneInfo.CreateCustomTimeZone(
        "Europe/London (test)",
        TimeSpan.Zero,
        "UK",
        "GMT",
        "BST",
        [
            TimeZoneInfo.AdjustmentRule.CreateAdjustmentRule(
                DateTime.MinValue.Date,
                DateTime.MaxValue.Date,
                TimeSpan.FromHours(1),
                TimeZoneInfo.TransitionTime.CreateFloatingDateRule(new DateTime(1, 1, 1, 1, 0, 0), 3, 5, DayOfWeek.Sunday),
                TimeZoneInfo.TransitionTime.CreateFloatingDateRule(new DateTime(1, 1, 1, 2, 0, 0), 10, 5, DayOfWeek.Sunday)),
        ]);

    public static DateOnly D(string iso) => DateOnly.ParseExact(iso, "yyyy-MM-dd");

    public static DateTimeOffset T(string iso) => DateTimeOffset.Parse(iso, System.Globalization.CultureInfo.InvariantCulture);
}
