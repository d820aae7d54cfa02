using System.Globalization;

namespace Safeguard.Web.Features.Shared;

/// <summary>A time of day as people type it on the 24-hour clock: "21:40", "9:05", "21.40".</summary>
public static class TimeInput
{
    public static bool TryParse(string? text, out TimeOnly time)
    {
        time = default;
        return text is not null
            && TimeOnly.TryParseExact(text.Trim(), ["H:mm", "HH:mm", "H.mm", "HH.mm"], CultureInfo.InvariantCulture, DateTimeStyles.None, out time);
    }
}
