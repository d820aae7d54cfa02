using Safeguard.Core.Matching;

namespace Safeguard.Core.Tests.Matching;

public class IntakeDecisionTests
{
    private static readonly MatchThresholds s_thresholds = MatchThresholds.Default; // possible 0.05, certain 0.999

    public static TheoryData<string, double[][], string[]> Cases => new()
    {
        // name, per cluster: the pair probabilities across the two clusters; expected action/reason per cluster
        { "nothing close", [[0.001], [0.049]], ["None", "None"] },
        { "one possible", [[0.5]], ["Review/Possible"] },
        { "exactly the possible threshold is reviewed", [[0.05]], ["Review/Possible"] },
        { "one certain, alone", [[0.9995]], ["Link"] },
        { "one certain and one possible: link the first, review the second", [[0.9999], [0.3]], ["Link", "Review/Possible"] },
        { "certain with two people held apart (A~B, B~C)", [[0.9999], [0.9992]], ["Review/SeveralCertain", "Review/SeveralCertain"] },
        { "certain with one record of a cluster, no match with another (A~B, B~C, A≁C)", [[0.9999, 0.01]], ["Review/Chain"] },
        { "certain with one record, possible with the other: still one person", [[0.9999, 0.2]], ["Link"] },
        { "just below certain is only reviewed", [[0.9989]], ["Review/Possible"] },
    };

    [Theory]
    [MemberData(nameof(Cases))]
    public void Actions_follow_the_thresholds_and_chains_go_to_review(string name, double[][] clusters, string[] expected)
    {
        var comparisons = clusters.Select((p, i) => new ClusterComparison<int>(i, p)).ToList();
        var verdicts = IntakeDecision.Decide(comparisons, s_thresholds);
        var actual = verdicts.Select(v => v.Reason is null ? v.Action.ToString() : $"{v.Action}/{v.Reason}").ToArray();
        Assert.True(expected.SequenceEqual(actual), $"{name}: expected {string.Join(", ", expected)}, got {string.Join(", ", actual)}");
        Assert.Equal(Enumerable.Range(0, clusters.Length), verdicts.Select(v => v.Cluster));
    }

    [Fact]
    public void A_certain_person_the_user_said_was_someone_else_is_reviewed_not_linked_and_possibles_are_unchanged()
    {
        var verdicts = IntakeDecision.Decide([new ClusterComparison<string>("a", [0.9999]), new ClusterComparison<string>("b", [0.3])], s_thresholds, new HashSet<string> { "a", "b" });
        Assert.Equal((IntakeAction.Review, ReviewReason.Disputed), (verdicts[0].Action, verdicts[0].Reason!.Value));
        Assert.Equal((IntakeAction.Review, ReviewReason.Possible), (verdicts[1].Action, verdicts[1].Reason!.Value));
    }

    [Fact]
    public void Best_and_worst_are_the_extremes_of_the_pairs_and_an_empty_cluster_is_no_match()
    {
        var verdict = IntakeDecision.Decide([new ClusterComparison<string>("a", [0.2, 0.9999, 0.07])], s_thresholds).Single();
        Assert.Equal(0.9999, verdict.Best);
        Assert.Equal(0.07, verdict.Worst);
        Assert.Equal(IntakeAction.Link, verdict.Action);
        Assert.Equal(IntakeAction.None, IntakeDecision.Decide([new ClusterComparison<string>("b", [])], s_thresholds).Single().Action);
    }
}
