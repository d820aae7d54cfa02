using Safeguard.Core.Network;

namespace Safeguard.Core.Tests.Network;

public class GroupScoreTests
{
    [Fact]
    public void Scores_members_pairs_and_recovered_groups()
    {
        // Truth: {a b c} and {d e}. Found: {a b x} and {d e c}.
        (string, string)[] truth = [("1", "a"), ("1", "b"), ("1", "c"), ("2", "d"), ("2", "e")];
        (string, string)[] found = [("7", "a"), ("7", "b"), ("7", "x"), ("8", "d"), ("8", "e"), ("8", "c")];

        var score = GroupScore.Compare(truth, found);

        // Members: 5 of 6 placed are planted; all 5 planted are placed.
        Assert.Equal(5.0 / 6, score.MemberPrecision, 9);
        Assert.Equal(1.0, score.MemberRecall, 9);
        // Pairs: truth ab ac bc de (4); found ab ax bx de dc ec (6); both: ab de (2).
        Assert.Equal(2.0 / 6, score.PairPrecision, 9);
        Assert.Equal(2.0 / 4, score.PairRecall, 9);
        // {a b c} best matches {a b x}: 2 shared of 4, Jaccard 0.5; {d e} matches {d e c}: 2 of 3.
        Assert.Equal(2, score.GroupsRecovered);
        Assert.Equal((2, 2), (score.TruthGroups, score.FoundGroups));
    }

    [Fact]
    public void A_group_merged_into_a_much_larger_one_is_not_recovered()
    {
        (string, string)[] truth = [("1", "a"), ("1", "b")];
        (string, string)[] found = [("1", "a"), ("1", "b"), ("1", "c"), ("1", "d"), ("1", "e")];

        var score = GroupScore.Compare(truth, found);

        Assert.Equal(0, score.GroupsRecovered); // Jaccard 2/5
        Assert.Equal(1.0, score.PairRecall, 9);
        Assert.Equal(0.1, score.PairPrecision, 9); // 1 of 10 pairs
    }
}
