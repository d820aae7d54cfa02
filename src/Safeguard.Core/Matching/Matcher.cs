namespace Safeguard.Core.Matching;

/// <summary>What one comparison contributed to a score: the level reached, the values compared and the weight.</summary>
/// <param name="Weight">Bits of evidence: log2(m/u) of the level plus <paramref name="FrequencyAdjustment"/>; 0 when missing.</param>
/// <param name="FrequencyAdjustment">The part of the weight due to how common the agreed value is.</param>
public sealed record FieldEvidence(string Field, string Level, string? ValueA, string? ValueB, double Weight, double FrequencyAdjustment);

/// <summary>A scored pair: the total weight (prior included), the probability that the two are one person, and why.</summary>
public sealed record MatchScore(double Weight, double Probability, MatchBand Band, double PriorWeight, IReadOnlyList<FieldEvidence> Fields);

/// <summary>
/// Fellegi–Sunter scoring: the prior's weight plus, for every comparison, log2(m/u) of the level the pair
/// reached, adjusted for common values; the probability is 1 / (1 + 2^-weight).
/// </summary>
public static class Matcher
{
    public const string MissingLevel = "missing";
    public const string HouseholdField = "household";

    private static readonly Dictionary<HouseholdCell, string> s_cellDescriptions = new()
    {
        [HouseholdCell.Siblings] = "given names differ in one household, as brothers' and sisters' do",
        [HouseholdCell.Twins] = "given names differ in one household with one date of birth, as twins' do",
        [HouseholdCell.Namesakes] = "one name in one household with different dates of birth, as a parent and child named alike",
    };

    public static MatchScore Score(PersonRecord a, PersonRecord b, MatchModel model)
    {
        ArgumentNullException.ThrowIfNull(model);
        return Score(model.Prepare(a), model.Prepare(b), model);
    }

    /// <summary>Scores two prepared records and explains the score field by field.</summary>
    public static MatchScore Score(PreparedRecord a, PreparedRecord b, MatchModel model)
    {
        ArgumentNullException.ThrowIfNull(model);
        Span<sbyte> levels = stackalloc sbyte[Comparisons.Count];
        Comparisons.Compare(a, b, levels);
        var fields = new FieldEvidence[Comparisons.Count];
        var total = model.PriorWeight;
        for (var c = 0; c < Comparisons.Count; c++)
        {
            var (valueA, valueB) = Comparisons.Values(c, a, b);
            var definition = Comparisons.All[c];
            if (levels[c] == Comparisons.Missing)
            {
                fields[c] = new FieldEvidence(definition.Name, MissingLevel, valueA, valueB, 0, 0);
                continue;
            }
            var adjustment = FrequencyAdjustment(c, levels[c], a, b, model);
            var weight = model.Weights[c][levels[c]] + adjustment;
            total += weight;
            fields[c] = new FieldEvidence(definition.Name, definition.Levels[levels[c]], valueA, valueB, weight, adjustment);
        }
        var explanation = fields.ToList();
        var cell = HouseholdAdjustments.CellOf(levels);
        if (cell != HouseholdCell.None)
        {
            var adjustment = model.HouseholdAdjustments.Of(cell);
            total += adjustment;
            explanation.Add(new FieldEvidence(HouseholdField, s_cellDescriptions[cell], null, null, adjustment, 0));
        }
        var probability = Probability(total);
        return new MatchScore(total, probability, model.Band(probability), model.PriorWeight, explanation);
    }

    /// <summary>The total weight alone, without allocating an explanation.</summary>
    public static double Weight(PreparedRecord a, PreparedRecord b, MatchModel model)
    {
        Span<sbyte> levels = stackalloc sbyte[Comparisons.Count];
        Comparisons.Compare(a, b, levels);
        return Weight(Comparisons.Pack(levels), a, b, model);
    }

    internal static double Weight(ulong packedLevels, PreparedRecord a, PreparedRecord b, MatchModel model)
    {
        ArgumentNullException.ThrowIfNull(model);
        var total = model.PriorWeight;
        for (var c = 0; c < Comparisons.Count; c++)
        {
            var level = Comparisons.Unpack(packedLevels, c);
            if (level != Comparisons.Missing)
            {
                total += model.Weights[c][level] + FrequencyAdjustment(c, level, a, b, model);
            }
        }
        Span<sbyte> levels = stackalloc sbyte[Comparisons.Count];
        for (var c = 0; c < Comparisons.Count; c++)
        {
            levels[c] = Comparisons.Unpack(packedLevels, c);
        }
        total += model.HouseholdAdjustments.Of(HouseholdAdjustments.CellOf(levels));
        return total;
    }

    public static double Probability(double weight) => 1 / (1 + Math.Pow(2, -weight));

    /// <summary>
    /// For exact agreement on a frequency-adjusted field, log2(u / f) where u is the level's average chance
    /// agreement and f the frequency of the agreed value: a common name earns less than the average, a rare one more.
    /// </summary>
    private static double FrequencyAdjustment(int comparison, int level, PreparedRecord a, PreparedRecord b, MatchModel model)
    {
        if (level != Comparisons.FrequencyLevels[comparison])
        {
            return 0;
        }
        var frequency = comparison switch
        {
            Comparisons.GivenName => Math.Max(a.GivenFrequency, b.GivenFrequency),
            Comparisons.FamilyName => Math.Max(a.FamilyFrequency, b.FamilyFrequency),
            Comparisons.DateOfBirth => Math.Max(a.DateFrequency, b.DateFrequency),
            _ => 0,
        };
        if (frequency <= 0)
        {
            return 0;
        }
        return Math.Log2(model.FrequencyLevelU[comparison] / frequency);
    }
}
