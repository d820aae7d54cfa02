namespace Safeguard.Core.Matching;

/// <summary>
/// Estimates a <see cref="MatchModel"/> from the records themselves, without labels.
/// <list type="bullet">
/// <item>u (how often two different people agree at each level) from pairs drawn at random, nearly all of
/// which are different people; the few true matches among them are subtracted once m is known.</item>
/// <item>m (how often the same person agrees at each level) and the prior by expectation–maximisation over
/// the candidate pairs, treating every pair that blocking did not propose as a non-match.</item>
/// </list>
/// EM works on the distinct comparison vectors and their counts, so its cost does not grow with the records.
/// </summary>
public static class ModelEstimator
{
    /// <summary>Result of <see cref="ExpectationMaximisation"/>: m per comparison and level, the prior, and how it went.</summary>
    public sealed record EmResult(double[][] M, double Prior, int Iterations, bool Converged);

    /// <summary>
    /// EM for m and the prior with u held fixed. <paramref name="patterns"/> maps packed comparison vectors
    /// (<see cref="Comparisons.Pack"/>) of the candidate pairs to how many pairs share them;
    /// <paramref name="totalPairs"/> counts every possible pair, candidates or not.
    /// </summary>
    public static EmResult ExpectationMaximisation(
        IReadOnlyDictionary<ulong, long> patterns,
        double[][] u,
        double[][] initialM,
        double initialPrior,
        double totalPairs,
        int maxIterations = 500,
        double tolerance = 1e-7)
    {
        ArgumentNullException.ThrowIfNull(patterns);
        ArgumentNullException.ThrowIfNull(u);
        ArgumentNullException.ThrowIfNull(initialM);
        var comparisons = u.Length;
        var m = initialM.Select(row => (double[])row.Clone()).ToArray();
        var prior = initialPrior;
        var vectors = patterns.Keys.ToArray();
        var counts = vectors.Select(v => (double)patterns[v]).ToArray();
        var levels = new sbyte[vectors.Length, comparisons];
        for (var p = 0; p < vectors.Length; p++)
        {
            for (var c = 0; c < comparisons; c++)
            {
                levels[p, c] = Comparisons.Unpack(vectors[p], c);
            }
        }
        var sums = u.Select(row => new double[row.Length]).ToArray();
        for (var iteration = 1; iteration <= maxIterations; iteration++)
        {
            foreach (var row in sums)
            {
                Array.Clear(row);
            }
            var expectedMatches = 0.0;
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
                var matched = counts[p] * Matcher.Probability(weight);
                expectedMatches += matched;
                for (var c = 0; c < comparisons; c++)
                {
                    var level = levels[p, c];
                    if (level != Comparisons.Missing)
                    {
                        sums[c][level] += matched;
                    }
                }
            }
            var change = 0.0;
            for (var c = 0; c < comparisons; c++)
            {
                var observed = sums[c].Sum();
                if (observed <= 0)
                {
                    continue; // never compared: keep the starting values
                }
                for (var l = 0; l < m[c].Length; l++)
                {
                    // Half a pair of pseudo-count keeps unseen levels possible rather than impossible.
                    var updated = (sums[c][l] + 0.5) / (observed + (0.5 * m[c].Length));
                    change = Math.Max(change, Math.Abs(updated - m[c][l]));
                    m[c][l] = updated;
                }
            }
            var newPrior = Math.Clamp(expectedMatches / totalPairs, 1e-12, 0.5);
            change = Math.Max(change, Math.Abs(newPrior - prior) / prior * 1e-3);
            prior = newPrior;
            if (change < tolerance)
            {
                return new EmResult(m, prior, iteration, true);
            }
        }
        return new EmResult(m, prior, maxIterations, false);
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
        ArgumentNullException.ThrowIfNull(m);
        var u = new double[levelCounts.Length][];
        for (var c = 0; c < levelCounts.Length; c++)
        {
            var counts = levelCounts[c];
            var compared = (double)counts.Sum();
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
