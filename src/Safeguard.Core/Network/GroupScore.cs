namespace Safeguard.Core.Network;

/// <summary>
/// How found groups compare with known (planted) ones, three ways: membership (was each person placed in some
/// group), pairs (were two people who belong together placed together: the usual clustering measure, which
/// punishes both merged and split groups), and groups recovered (a known group whose best-matching found
/// group has Jaccard similarity of at least one half).
/// </summary>
public sealed record GroupScore(
    int TruthPersons,
    int FoundPersons,
    int PersonsInBoth,
    long TruthPairs,
    long FoundPairs,
    long PairsInBoth,
    int TruthGroups,
    int FoundGroups,
    int GroupsRecovered)
{
    public double MemberPrecision => Ratio(PersonsInBoth, FoundPersons);

    public double MemberRecall => Ratio(PersonsInBoth, TruthPersons);

    public double PairPrecision => Ratio(PairsInBoth, FoundPairs);

    public double PairRecall => Ratio(PairsInBoth, TruthPairs);

    /// <summary>Compares two `group,id` lists. A person listed in several groups of one list counts in the first.</summary>
    public static GroupScore Compare(IEnumerable<(string Group, string Id)> truth, IEnumerable<(string Group, string Id)> found)
    {
        var truthGroupOf = GroupOf(truth);
        var foundGroupOf = GroupOf(found);
        var truthSizes = truthGroupOf.Values.CountBy(g => g).ToDictionary(StringComparer.Ordinal);
        var foundSizes = foundGroupOf.Values.CountBy(g => g).ToDictionary(StringComparer.Ordinal);
        var overlap = new Dictionary<(string Truth, string Found), int>();
        foreach (var (id, truthGroup) in truthGroupOf)
        {
            if (foundGroupOf.TryGetValue(id, out var foundGroup))
            {
                overlap[(truthGroup, foundGroup)] = overlap.GetValueOrDefault((truthGroup, foundGroup)) + 1;
            }
        }
        var recovered = overlap
            .GroupBy(o => o.Key.Truth)
            .Count(g => g.Any(o => o.Value >= 0.5 * (truthSizes[o.Key.Truth] + foundSizes[o.Key.Found] - o.Value)));
        return new GroupScore(
            truthGroupOf.Count,
            foundGroupOf.Count,
            overlap.Values.Sum(),
            truthSizes.Values.Sum(Pairs),
            foundSizes.Values.Sum(Pairs),
            overlap.Values.Sum(Pairs),
            truthSizes.Count,
            foundSizes.Count,
            recovered);
    }

    private static Dictionary<string, string> GroupOf(IEnumerable<(string Group, string Id)> rows)
    {
        var groupOf = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var (group, id) in rows)
        {
            groupOf.TryAdd(id, group);
        }
        return groupOf;
    }

    private static long Pairs(int size) => (long)size * (size - 1) / 2;

    private static double Ratio(long part, long whole) => whole == 0 ? 1.0 : (double)part / whole;
}
