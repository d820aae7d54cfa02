namespace Safeguard.Core.Screening;

/// <summary>
/// A child recorded as a victim or possible victim of exploitation cannot be relabelled as a suspect or offender
/// (girls found with much older men were arrested as "drunk and disorderly") without a review by the CSE lead.
/// These rules say who is a victim or possible victim and which records make a child an offender; the web app holds
/// such a record as pending until the CSE lead has reviewed it.
/// </summary>
public static class VictimThenOffender
{
    /// <summary>Chronology kinds that record the child as a suspect or offender.</summary>
    public static readonly IReadOnlySet<string> OffenderKinds = new HashSet<string>(["Arrest"], StringComparer.OrdinalIgnoreCase);

    /// <summary>Whether a case category names exploitation: "CSE", or any category with the word "exploitation".</summary>
    public static bool IsExploitationCategory(string category)
    {
        ArgumentNullException.ThrowIfNull(category);
        var trimmed = category.Trim();
        return string.Equals(trimmed, "CSE", StringComparison.OrdinalIgnoreCase)
            || trimmed.Contains("exploitation", StringComparison.OrdinalIgnoreCase);
    }

    public static bool RecordsAsOffender(string chronologyKind) => OffenderKinds.Contains(chronologyKind);

    /// <summary>
    /// Why the child is a victim or possible victim, in words for the page and the review; empty when they are not.
    /// A screening at or above the instrument's second band (mild in the default) counts, as does an open case filed
    /// as exploitation, or being surfaced to the CSE lead now.
    /// </summary>
    public static IReadOnlyList<string> VictimReasons(ScreeningStatus? latest, IEnumerable<string> openCaseCategories, bool surfaced)
    {
        ArgumentNullException.ThrowIfNull(openCaseCategories);
        var reasons = new List<string>();
        if (latest is { BandRank: > 0 })
        {
            reasons.Add($"Screened as {latest.BandName.ToLowerInvariant()} risk of sexual exploitation on {latest.ScreenedOn:d MMMM yyyy}.");
        }
        foreach (var category in openCaseCategories.Where(IsExploitationCategory).Distinct(StringComparer.OrdinalIgnoreCase))
        {
            reasons.Add($"An open case filed as \"{category.Trim()}\".");
        }
        if (surfaced)
        {
            reasons.Add("Surfaced to the CSE lead: agencies' records show signs of exploitation.");
        }
        return reasons;
    }
}
