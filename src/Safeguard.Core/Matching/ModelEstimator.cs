namespace Safeguard.Core.Matching;

/// <summary>
/// Estimates a <see cref="MatchModel"/> from the records themselves, without labels.
/// <list type="bullet">
/// <item>u (how often two different people agree at each level) from pairs drawn at random, nearly all of
/// which are different people; the few true matches among them are subtracted once m is known.</item>
/// <item>m (how often the same person agrees at each level) by expectation–maximisation in sessions, one per
/// blocking rule, over the pairs that rule proposes, leaving out the fields the rule blocked on (Splink's
/// method). Over all candidates at once, EM settles on "same household" rather than "same person": siblings
/// agree on address and surname as strongly as duplicates do. Within a session blocked on the address the
/// household is given, so EM must separate people by name and date of birth, and vice versa.</item>
/// <item>the prior by EM over all candidate pairs with m and u fixed, every pair not proposed counting as two people.</item>
/// </list>
/// EM works on the distinct comparison vectors and their counts, so its cost does not grow with the records.
/// </summary>
public static class ModelEstimator
{
    /// <summary>Result of <see cref="ExpectationMaximisation"/>: m and u per comparison and level, the prior, and how it went.</summary>
    public sealed record EmResult(double[][] M, double[][] U, double Prior, double ExpectedMatches, int Iterations, bool Converged);

    /// <summary>What <see cref="ExpectationMaximisation"/> may change, and which comparisons it looks at.</summary>
    /// <param name="Include">Per comparison: false leaves it out entirely (a session blocked on that field).</param>
    public sealed record EmSettings(bool EstimateM = true, bool EstimateU = false, bool[]? Include = null, int MaxIterations = 500, double Tolerance = 1e-7);

    /// <summary>
    /// Expectation–maximisation for a two-class mixture (same person, different people) under conditional
    /// independence. <paramref name="patterns"/> maps packed comparison vectors (<see cref="Comparisons.Pack"/>)
    /// to how many pairs share them; <paramref name="totalPairs"/> counts every pair the prior is relative to,
    /// including pairs not in <paramref name="patterns"/> (they count as different people).
    /// </summary>
    public static EmResult ExpectationMaximisation(
        IReadOnlyDictionary<ulong, long> patterns,
        double[][] m,
        double[][] u,
        double prior,
        double totalPairs,
        EmSettings? settings = null)
    {
        ArgumentNullException.ThrowIfNull(patterns);
        ArgumentNullException.ThrowIfNull(m);
        ArgumentNullException.ThrowIfNull(u);
        settings ??= new EmSettings();
        var comparisons = u.Length;
        var include = settings.Include ?? [.. Enumerable.Repeat(true, comparisons)];
        m = [.. m.Select(row => (double[])row.Clone())];
        u = [.. u.Select(row => (double[])row.Clone())];
        // In a fixed order, so that sums (and so results) do not depend on how the dictionary was filled.
        var vectors = patterns.Keys.Order().ToArray();
        var counts = vectors.Select(v => (double)patterns[v]).ToArray();
        var levels = new sbyte[vectors.Length, comparisons];
        for (var p = 0; p < vectors.Length; p++)
        {
            for (var c = 0; c < comparisons; c++)
            {
                levels[p, c] = include[c] ? Comparisons.Unpack(vectors[p], c) : Comparisons.Missing;
            }
        }
        var matchSums = u.Select(row => new double[row.Length]).ToArray();
        var nonMatchSums = u.Select(row => new double[row.Length]).ToArray();
        var expectedMatches = 0.0;
        for (var iteration = 1; iteration <= settings.MaxIterations; iteration++)
        {
            foreach (var row in matchSums.Concat(nonMatchSums))
            {
                Array.Clear(row);
            }
            expectedMatches = 0.0;
            var priorWeight = Math.Log2(prior / (1 - prior));
            for (var p = 0; p < vectors.Length; p++)
            {
                var weight = priorWeight;
                for (var c = 0; c < comparisons; c++)
                {
                    var level = levels[p, c];
                    if (level != Comparisons.Missing)
                    {
                        weight += Math.Log2(m[c][level] / u[c][level]);
                    }
                }
                var probability = Matcher.Probability(weight);
                var matched = counts[p] * probability;
                var unmatched = counts[p] - matched;
                expectedMatches += matched;
                for (var c = 0; c < comparisons; c++)
                {
                    var level = levels[p, c];
                    if (level != Comparisons.Missing)
                    {
                        matchSums[c][level] += matched;
                        nonMatchSums[c][level] += unmatched;
                    }
                }
            }
            var change = 0.0;
            if (settings.EstimateM)
            {
                change = Math.Max(change, Update(m, matchSums));
            }
            if (settings.EstimateU)
            {
                change = Math.Max(change, Update(u, nonMatchSums));
            }
            var newPrior = Math.Clamp(expectedMatches / totalPairs, 1e-15, 0.999);
            change = Math.Max(change, Math.Abs(newPrior - prior) / prior * 1e-3);
            prior = newPrior;
            if (change < settings.Tolerance)
            {
                return new EmResult(m, u, prior, expectedMatches, iteration, true);
            }
        }
        return new EmResult(m, u, prior, expectedMatches, settings.MaxIterations, false);
    }

    // M-step for one class: level probabilities from expected counts, with half a pair of pseudo-count so that
    // an unseen level stays possible rather than impossible. Comparisons never observed keep their values.
    private static double Update(double[][] probabilities, double[][] sums)
    {
        var change = 0.0;
        for (var c = 0; c < probabilities.Length; c++)
        {
            var observed = sums[c].Sum();
            if (observed <= 0)
            {
                continue;
            }
            for (var l = 0; l < probabilities[c].Length; l++)
            {
                var updated = (sums[c][l] + 0.5) / (observed + (0.5 * probabilities[c].Length));
                change = Math.Max(change, Math.Abs(updated - probabilities[c][l]));
                probabilities[c][l] = updated;
            }
        }
        return change;
    }

    /// <summary>Starting m: most matches agree exactly, few disagree completely.</summary>
    public static double[][] InitialM()
    {
        return [.. Comparisons.All.Select(d =>
        {
            var n = d.Levels.Count;
            var row = new double[n];
            if (n == 2)
            {
                row[0] = 0.9;
                row[1] = 0.1;
                return row;
            }
            row[0] = 0.7;
            row[^1] = 0.05;
            for (var l = 1; l < n - 1; l++)
            {
                row[l] = 0.25 / (n - 2);
            }
            return row;
        })];
    }

    /// <summary>
    /// u from level counts among random pairs, less the expected true matches among them (prior × m), with a
    /// floor of half a pair so that a level never seen among random pairs is rare rather than impossible.
    /// </summary>
    public static double[][] UFromRandomPairs(long[][] levelCounts, double[][] m, double prior)
    {
        ArgumentNullException.ThrowIfNull(levelCounts);
        return UFromRandomPairs([.. levelCounts.Select(row => row.Select(count => (double)count).ToArray())], m, prior);
    }

    /// <summary>
    /// As above, with counts that may be fractional: a level counted exactly over all pairs enters scaled to
    /// the number of random pairs.
    /// </summary>
    public static double[][] UFromRandomPairs(double[][] levelCounts, double[][] m, double prior)
    {
        ArgumentNullException.ThrowIfNull(levelCounts);
        ArgumentNullException.ThrowIfNull(m);
        var u = new double[levelCounts.Length][];
        for (var c = 0; c < levelCounts.Length; c++)
        {
            var counts = levelCounts[c];
            var compared = counts.Sum();
            var row = new double[counts.Length];
            for (var l = 0; l < counts.Length; l++)
            {
                var corrected = counts[l] - (prior * compared * m[c][l]);
                row[l] = Math.Max(corrected, 0.5);
            }
            var total = row.Sum();
            for (var l = 0; l < row.Length; l++)
            {
                row[l] /= total;
            }
            u[c] = row;
        }
        return u;
    }
}
