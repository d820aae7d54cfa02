using System.Collections.Frozen;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace Safeguard.Core.Matching;

/// <summary>The m and u probabilities of one comparison level, and the weight they give.</summary>
/// <param name="M">Probability of this level when the two records are the same person.</param>
/// <param name="U">Probability of this level when they are two different people.</param>
public sealed record LevelParameters(string Name, double M, double U)
{
    /// <summary>log2(m/u): the bits of evidence this level adds (negative: evidence against).</summary>
    [JsonIgnore]
    public double Weight => Math.Log2(M / U);
}

public sealed record ComparisonParameters(string Name, IReadOnlyList<LevelParameters> Levels);

/// <summary>
/// How often values occur, for the term-frequency adjustment: two records agreeing on a common name
/// (Mohammed, Smith) are weaker evidence than two agreeing on a rare one.
/// </summary>
/// <param name="Minimum">Frequency assumed for a value the table does not hold (seen once, or never).</param>
/// <param name="Values">Per field name (given_name, family_name, date_of_birth): normalised value → frequency.</param>
public sealed record TermFrequencies(double Minimum, IReadOnlyDictionary<string, IReadOnlyDictionary<string, double>> Values)
{
    public double Of(string field, string? value) =>
        value is not null && Values.TryGetValue(field, out var table) && table.TryGetValue(value, out var f) ? f : Minimum;
}

/// <summary>
/// Probability bands. <see cref="Match"/> is what batch linkage outputs by default; <see cref="Certain"/> and
/// <see cref="Possible"/> split real-time results into "the same person", "for review" and "no match".
/// </summary>
public sealed record MatchThresholds(double Match, double Certain, double Possible)
{
    public static MatchThresholds Default { get; } = new(Match: 0.85, Certain: 0.999, Possible: 0.05);
}

/// <summary>
/// Cells of pairs in one household (family name exact or nearly so, same postcode or address) where independent fields overstate the
/// evidence, because brothers, sisters, twins and parents share a surname and an address.
/// </summary>
public enum HouseholdCell
{
    None,
    /// <summary>Given names no closer than "sounds alike", dates of birth not equal: brothers and sisters.</summary>
    Siblings,
    /// <summary>Given names no closer than "sounds alike", one date of birth: twins.</summary>
    Twins,
    /// <summary>Given names agree (exactly, as variants or closely), dates of birth different: a parent and child named alike.</summary>
    Namesakes,
}

/// <summary>
/// Bits added (never positive) for a pair in a household cell: log2(product of the fields' u / the cell's
/// own u), the cell's u counted exactly from the records, so that a relative is not taken for the person.
/// </summary>
public sealed record HouseholdAdjustments(double Siblings, double Twins, double Namesakes)
{
    public double Of(HouseholdCell cell) => cell switch
    {
        HouseholdCell.Siblings => Math.Min(0, Siblings),
        HouseholdCell.Twins => Math.Min(0, Twins),
        HouseholdCell.Namesakes => Math.Min(0, Namesakes),
        _ => 0,
    };

    /// <summary>The first given-name level that is not the same name (sounds alike, similar, initial, different).</summary>
    internal const int GivenNotAlike = 5;

    internal static HouseholdCell CellOf(int given, int family, int location, int dateOfBirth)
    {
        // Family name exact, sharing a part, a variant or a slip away (a surname mistyped on one record is still the household's).
        if (family is < 0 or > 3 || location is not (0 or 1 or 3) || given == Comparisons.Missing)
        {
            return HouseholdCell.None;
        }
        if (given >= GivenNotAlike)
        {
            return dateOfBirth == 0 ? HouseholdCell.Twins : HouseholdCell.Siblings;
        }
        return dateOfBirth == (int)DateAgreement.Different ? HouseholdCell.Namesakes : HouseholdCell.None;
    }

    internal static HouseholdCell CellOf(ReadOnlySpan<sbyte> levels) =>
        CellOf(levels[Comparisons.GivenName], levels[Comparisons.FamilyName], levels[Comparisons.Location], levels[Comparisons.DateOfBirth]);
}

public enum MatchBand
{
    NoMatch,
    Possible,
    Certain,
}

/// <summary>
/// A Fellegi–Sunter model: the prior probability that two records are one person, m and u for every level
/// of every comparison, term frequencies and thresholds. Estimated from the records themselves by
/// <see cref="ModelEstimator"/> (no labels) and saved as JSON so that the web application scores new records
/// with the same parameters.
/// </summary>
public sealed class MatchModel
{
    public const int FormatVersion = 2;

    private static readonly JsonSerializerOptions s_json = new()
    {
        PropertyNamingPolicy = JsonNamingPolicy.CamelCase,
        WriteIndented = true,
    };

    private readonly NameCodes _codes = new();

    public MatchModel(double prior, IReadOnlyList<ComparisonParameters> comparisons, TermFrequencies frequencies, MatchThresholds thresholds, NameVariants variants, HouseholdAdjustments? householdAdjustments = null)
    {
        ArgumentNullException.ThrowIfNull(comparisons);
        ArgumentNullException.ThrowIfNull(frequencies);
        ArgumentNullException.ThrowIfNull(thresholds);
        ArgumentNullException.ThrowIfNull(variants);
        if (prior is <= 0 or >= 1)
        {
            throw new ArgumentOutOfRangeException(nameof(prior), prior, "The prior must be a probability strictly between 0 and 1.");
        }
        CheckShape(comparisons);
        Prior = prior;
        Comparisons = comparisons;
        Frequencies = frequencies;
        Thresholds = thresholds;
        Variants = variants;
        HouseholdAdjustments = householdAdjustments ?? new HouseholdAdjustments(0, 0, 0);
        PriorWeight = Math.Log2(prior / (1 - prior));
        Weights = [.. comparisons.Select(c => c.Levels.Select(l => l.Weight).ToArray())];
        FrequencyLevelU = [.. comparisons.Select((c, i) => Matching.Comparisons.FrequencyLevels[i] is var l and >= 0 ? c.Levels[l].U : 0)];
    }

    /// <summary>Probability that two records drawn at random are the same person.</summary>
    public double Prior { get; }
    public IReadOnlyList<ComparisonParameters> Comparisons { get; }
    public TermFrequencies Frequencies { get; }
    public MatchThresholds Thresholds { get; }
    public NameVariants Variants { get; }
    public double PriorWeight { get; }

    /// <summary>Interaction terms for the household cells (see <see cref="HouseholdCell"/>).</summary>
    public HouseholdAdjustments HouseholdAdjustments { get; }

    /// <summary>log2(m/u) per comparison and level, the scorer's lookup table.</summary>
    internal double[][] Weights { get; }

    /// <summary>u of each comparison's frequency-adjusted level (0 where there is none).</summary>
    internal double[] FrequencyLevelU { get; }

    public MatchModel WithThresholds(MatchThresholds thresholds) => new(Prior, Comparisons, Frequencies, thresholds, Variants, HouseholdAdjustments);

    public MatchBand Band(double probability) =>
        probability >= Thresholds.Certain ? MatchBand.Certain : probability >= Thresholds.Possible ? MatchBand.Possible : MatchBand.NoMatch;

    /// <summary>Normalises a record and looks up how common its names and date of birth are.</summary>
    public PreparedRecord Prepare(PersonRecord record)
    {
        ArgumentNullException.ThrowIfNull(record);
        var prepared = new PreparedRecord(record, Variants, _codes);
        SetFrequencies(prepared);
        return prepared;
    }

    internal void SetFrequencies(PreparedRecord r)
    {
        r.GivenFrequency = Frequencies.Of(FrequencyFields.Given, r.Given);
        r.FamilyFrequency = Frequencies.Of(FrequencyFields.Family, r.FamilyJoined);
        r.DateFrequency = Frequencies.Of(FrequencyFields.DateOfBirth, FrequencyFields.DateKey(r));
    }

    public string ToJson()
    {
        var document = new ModelDocument(
            FormatVersion,
            Prior,
            HouseholdAdjustments,
            Thresholds,
            Comparisons,
            new FrequencyDocument(Frequencies.Minimum, Frequencies.Values.ToDictionary(p => p.Key, p => (IReadOnlyDictionary<string, double>)p.Value.OrderBy(v => v.Key, StringComparer.Ordinal).ToDictionary(v => v.Key, v => v.Value, StringComparer.Ordinal))),
            ReferenceEquals(Variants, NameVariants.Default) ? null : Variants.Table);
        return JsonSerializer.Serialize(document, s_json);
    }

    /// <exception cref="FormatException">The JSON is not a model of this version with the current comparisons.</exception>
    public static MatchModel FromJson(string json)
    {
        ModelDocument? document;
        try
        {
            document = JsonSerializer.Deserialize<ModelDocument>(json, s_json);
        }
        catch (JsonException e)
        {
            throw new FormatException($"The model is not valid JSON: {e.Message}", e);
        }
        if (document is null || document.Format != FormatVersion)
        {
            throw new FormatException($"The model's format is {document?.Format.ToString(System.Globalization.CultureInfo.InvariantCulture) ?? "missing"}; this version reads format {FormatVersion}.");
        }
        var variants = document.NameVariants is null ? NameVariants.Default : NameVariants.Parse(document.NameVariants);
        var frequencies = new TermFrequencies(
            document.TermFrequencies.Minimum,
            document.TermFrequencies.Values.ToFrozenDictionary(p => p.Key, p => (IReadOnlyDictionary<string, double>)p.Value.ToFrozenDictionary(StringComparer.Ordinal), StringComparer.Ordinal));
        try
        {
            return new MatchModel(document.Prior, document.Comparisons, frequencies, document.Thresholds, variants, document.HouseholdAdjustments);
        }
        catch (ArgumentException e)
        {
            throw new FormatException($"The model does not fit this version's comparisons: {e.Message}", e);
        }
    }

    private static void CheckShape(IReadOnlyList<ComparisonParameters> comparisons)
    {
        var definitions = Matching.Comparisons.All;
        if (comparisons.Count != definitions.Count)
        {
            throw new ArgumentException($"Expected {definitions.Count} comparisons, got {comparisons.Count}.", nameof(comparisons));
        }
        for (var c = 0; c < definitions.Count; c++)
        {
            var expected = definitions[c];
            var actual = comparisons[c];
            if (actual.Name != expected.Name || !actual.Levels.Select(l => l.Name).SequenceEqual(expected.Levels))
            {
                throw new ArgumentException($"Comparison {c} should be '{expected.Name}' with levels {string.Join(", ", expected.Levels)}.", nameof(comparisons));
            }
            foreach (var level in actual.Levels)
            {
                if (level.M is <= 0 or > 1 || level.U is <= 0 or > 1)
                {
                    throw new ArgumentException($"{actual.Name}/{level.Name}: m and u must be in (0, 1].", nameof(comparisons));
                }
            }
        }
    }

    private sealed record ModelDocument(int Format, double Prior, HouseholdAdjustments HouseholdAdjustments, MatchThresholds Thresholds, IReadOnlyList<ComparisonParameters> Comparisons, FrequencyDocument TermFrequencies, string? NameVariants);

    private sealed record FrequencyDocument(double Minimum, Dictionary<string, IReadOnlyDictionary<string, double>> Values);
}

/// <summary>The fields whose exact agreement is adjusted for how common the value is.</summary>
internal static class FrequencyFields
{
    public const string Given = "given_name";
    public const string Family = "family_name";
    public const string DateOfBirth = "date_of_birth";

    public static string? DateKey(PreparedRecord r) =>
        r.DateNumber == 0 ? null : r.DateNumber.ToString(System.Globalization.CultureInfo.InvariantCulture);
}
