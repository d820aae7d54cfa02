using System.Text.RegularExpressions;

namespace Safeguard.Core.Matching;

/// <summary>
/// A postcode split into its levels. For a UK postcode "S60 1AB": district "S60" (outward code), sector "S60 1"
/// and the full code. A postcode in any other format (FEBRL's four-digit Australian ones) has only its full value.
/// </summary>
public readonly partial record struct Postcode(string Full, string? Sector, string? District)
{
    /// <summary>
    /// A coarse area for blocking: the district of a UK postcode; for other formats, whose structure is not known
    /// here, the first half of the code (most postal systems put the region first).
    /// </summary>
    public string Area => District ?? Full[..Math.Max(1, Full.Length / 2)];

    public static Postcode? Parse(string? value)
    {
        var compact = TextNormaliser.Compact(value);
        if (compact is null)
        {
            return null;
        }
        var match = UkPostcode().Match(compact);
        if (!match.Success)
        {
            return new Postcode(compact, null, null);
        }
        var outward = match.Groups["outward"].Value;
        var inward = match.Groups["inward"].Value;
        return new Postcode($"{outward} {inward}", $"{outward} {inward[0]}", outward);
    }

    // Outward code: area letters, district digit(s) and an optional letter; inward code: sector digit and unit letters.
    [GeneratedRegex("^(?<outward>[A-Z]{1,2}[0-9][0-9A-Z]?)(?<inward>[0-9][A-Z]{2})$", RegexOptions.CultureInvariant)]
    private static partial Regex UkPostcode();
}
