namespace Safeguard.Core.Matching;

/// <summary>What real-time matching does about one person already held, for a record entered or edited now.</summary>
public enum IntakeAction
{
    /// <summary>Below the possible threshold: nothing is done.</summary>
    None,
    /// <summary>A person decides: the pair goes to the review queue.</summary>
    Review,
    /// <summary>Certain, and nothing argues against it: the two are linked (a merge that can be undone).</summary>
    Link,
}

/// <summary>Why a pair was sent to review rather than linked or left alone.</summary>
public enum ReviewReason
{
    /// <summary>The probability is between the possible and the certain thresholds.</summary>
    Possible,
    /// <summary>Certain with more than one person held apart: linking to all would join people who were kept separate.</summary>
    SeveralCertain,
    /// <summary>Certain with one record of a person, but some other record of that person (or of this one) does not match at all: A~B, B~C, A≁C.</summary>
    Chain,
    /// <summary>Certain, but whoever entered the record said it is someone else: a person settles it.</summary>
    Disputed,
}

/// <summary>
/// A person held as a cluster of one or more records (the survivor and the records merged into it), compared with
/// the cluster of the record at intake: the match probability of every pair of records across the two clusters,
/// each the best over the records' alternative forms (other names, other addresses, identifiers).
/// </summary>
public sealed record ClusterComparison<TId>(TId Cluster, IReadOnlyList<double> PairProbabilities)
{
    public double Best => PairProbabilities.Count == 0 ? 0 : PairProbabilities.Max();
    public double Worst => PairProbabilities.Count == 0 ? 0 : PairProbabilities.Min();
}

public sealed record IntakeVerdict<TId>(TId Cluster, IntakeAction Action, ReviewReason? Reason, double Best, double Worst);

/// <summary>
/// The rule that turns scores into actions at intake, kept apart from the database so that it can be read and tested
/// on its own. A link is made automatically only when exactly one person is certain and every pair of records
/// across the two clusters is at least possible; every other certain or possible person goes to a reviewer. So
/// over-linking through chains (A~B and B~C, but A≁C) is sent to review rather than merged, in both of its shapes:
/// the new record joins two people held apart, or it matches one record of a person and not another.
/// </summary>
public static class IntakeDecision
{
    /// <param name="disputed">Clusters the person entering the record said are someone else: never linked automatically.</param>
    public static IReadOnlyList<IntakeVerdict<TId>> Decide<TId>(IReadOnlyList<ClusterComparison<TId>> clusters, MatchThresholds thresholds, IReadOnlySet<TId>? disputed = null)
    {
        ArgumentNullException.ThrowIfNull(clusters);
        ArgumentNullException.ThrowIfNull(thresholds);
        var certain = clusters.Count(c => c.Best >= thresholds.Certain);
        var verdicts = new List<IntakeVerdict<TId>>(clusters.Count);
        foreach (var cluster in clusters)
        {
            var (action, reason) = cluster.Best switch
            {
                var p when p >= thresholds.Certain && certain > 1 => (IntakeAction.Review, (ReviewReason?)ReviewReason.SeveralCertain),
                var p when p >= thresholds.Certain && cluster.Worst < thresholds.Possible => (IntakeAction.Review, (ReviewReason?)ReviewReason.Chain),
                var p when p >= thresholds.Certain && disputed?.Contains(cluster.Cluster) == true => (IntakeAction.Review, (ReviewReason?)ReviewReason.Disputed),
                var p when p >= thresholds.Certain => (IntakeAction.Link, (ReviewReason?)null),
                var p when p >= thresholds.Possible => (IntakeAction.Review, (ReviewReason?)ReviewReason.Possible),
                _ => (IntakeAction.None, (ReviewReason?)null),
            };
            verdicts.Add(new IntakeVerdict<TId>(cluster.Cluster, action, reason, cluster.Best, cluster.Worst));
        }
        return verdicts;
    }
}
