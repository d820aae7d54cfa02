using Safeguard.Core.Calendar;

namespace Safeguard.Core.Tests.Calendar;

internal static class TestZones
{
    /// <summary>UK time from its rules, so Core tests need no system time zone database.</summary>
    public static TimeZoneInfo London => UkTime.ByRule;

    public static DateOnly D(string iso) => DateOnly.ParseExact(iso, "yyyy-MM-dd");

    public static DateTimeOffset T(string iso) => DateTimeOffset.Parse(iso, System.Globalization.CultureInfo.InvariantCulture);
}
