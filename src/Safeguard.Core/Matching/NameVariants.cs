using System.Collections.Frozen;

namespace Safeguard.Core.Matching;

/// <summary>
/// Families of names that are the same name to a person but not to a string comparator: nicknames
/// (Katie/Katherine, Bill/William) and transliterations (Mohammed/Muhammad/Mohamed, Choudhury/Chaudhry).
/// The table is data, so a partnership can extend it for the communities it serves: one family per line,
/// names separated by commas, the first the family's usual form; '#' starts a comment. A name may belong to
/// several families (Al is Alan, Albert and Alexander).
/// </summary>
public sealed class NameVariants
{
    private static readonly int[] s_none = [];
    private readonly FrozenDictionary<string, int[]> _familiesOfName;
    private readonly string[][] _members;

    private NameVariants(FrozenDictionary<string, int[]> familiesOfName, string[][] members, string table)
    {
        _familiesOfName = familiesOfName;
        _members = members;
        Table = table;
    }

    /// <summary>The table the variants were read from, kept so a saved model carries the same families.</summary>
    public string Table { get; }

    /// <summary>The default families: British, South Asian, Eastern European, African and other names found in UK towns.</summary>
    public static NameVariants Default { get; } = Parse(NameVariantTable.Default);

    public static NameVariants Parse(string table)
    {
        ArgumentNullException.ThrowIfNull(table);
        var families = new Dictionary<string, List<int>>(StringComparer.Ordinal);
        var members = new List<string[]>();
        foreach (var rawLine in table.Split('\n'))
        {
            var hash = rawLine.IndexOf('#', StringComparison.Ordinal);
            var line = hash >= 0 ? rawLine[..hash] : rawLine;
            var names = line.Split(',').Select(TextNormaliser.Name).OfType<string>().Distinct(StringComparer.Ordinal).ToList();
            if (names.Count < 2)
            {
                continue;
            }
            var family = members.Count;
            members.Add([.. names]);
            foreach (var name in names)
            {
                if (!families.TryGetValue(name, out var list))
                {
                    families[name] = list = [];
                }
                list.Add(family);
            }
        }
        return new NameVariants(families.ToFrozenDictionary(p => p.Key, p => p.Value.ToArray(), StringComparer.Ordinal), [.. members], table);
    }

    /// <summary>The families a normalised name belongs to (empty when it is in none).</summary>
    public int[] FamiliesOf(string? normalisedName) =>
        normalisedName is not null && _familiesOfName.TryGetValue(normalisedName, out var families) ? families : s_none;

    /// <summary>The usual form of a family, e.g. "katherine" for the family of Katie.</summary>
    public string CanonicalName(int family) => _members[family][0];

    /// <summary>Every name of a family, its usual form first.</summary>
    public IReadOnlyList<string> Members(int family) => _members[family];

    /// <summary>True when the two normalised names are in one family (a name is not its own variant here).</summary>
    public bool AreVariants(string? a, string? b) => ShareFamily(FamiliesOf(a), FamiliesOf(b));

    internal static bool ShareFamily(int[] a, int[] b)
    {
        foreach (var x in a)
        {
            foreach (var y in b)
            {
                if (x == y)
                {
                    return true;
                }
            }
        }
        return false;
    }
}
