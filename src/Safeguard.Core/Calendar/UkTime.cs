namespace Safeguard.Core.Calendar;

/// <summary>
/// UK civil time built from its rules rather than read from the system's time zone database: GMT, and BST from
/// 01:00 UTC on the last Sunday of March to 01:00 UTC on the last Sunday of October (the rule since 1996). Callers
/// prefer the system's "Europe/London" and fall back to this where the database is missing.
/// </summary>
public static class UkTime
{
    public static TimeZoneInfo ByRule { get; } = TimeZoneInfo.CreateCustomTimeZone(
        "Europe/London",
        TimeSpan.Zero,
        "UK time (by rule)",
        "GMT",
        "BST",
        [
            TimeZoneInfo.AdjustmentRule.CreateAdjustmentRule(
                new DateTime(1996, 1, 1),
                DateTime.MaxValue.Date,
                TimeSpan.FromHours(1),
                TimeZoneInfo.TransitionTime.CreateFloatingDateRule(new DateTime(1, 1, 1, 1, 0, 0), 3, 5, DayOfWeek.Sunday),
                TimeZoneInfo.TransitionTime.CreateFloatingDateRule(new DateTime(1, 1, 1, 2, 0, 0), 10, 5, DayOfWeek.Sunday)),
        ]);
}
