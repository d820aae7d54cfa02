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
    // Each name of the table and each of its one-letter deletions → the table names it comes from, to find the
    // names one slip away from a misspelt one without comparing it with the whole table (symmetric deletion).
    private readonly Lazy<FrozenDictionary<string, string[]>> _deletions;
    private readonly System.Collections.Concurrent.ConcurrentDictionary<string, int[]> _slipFamilies = new(StringComparer.Ordinal);

    private NameVariants(FrozenDictionary<string, int[]> familiesOfName, string[][] members, string table)
    {
        _familiesOfName = familiesOfName;
        _members = members;
        Table = table;
        _deletions = new(() => DeletionIndex(familiesOfName.Keys));
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

    /// <summary>
    /// The families of the table's names one slip (an insertion, deletion, substitution or swap of neighbouring
    /// letters) away from a normalised name that is not in the table itself: "jacdob" is one slip from Jacob, so
    /// it may be Jake. Empty for names in the table and for names shorter than three letters, where one slip
    /// reaches too many other names.
    /// </summary>
    public int[] FamiliesOneSlipAway(string? normalisedName)
    {
        if (normalisedName is null || normalisedName.Length < 3 || _familiesOfName.ContainsKey(normalisedName))
        {
            return s_none;
        }
        return _slipFamilies.GetOrAdd(normalisedName, name =>
        {
            var index = _deletions.Value;
            var families = new SortedSet<int>();
            for (var skip = -1; skip < name.Length; skip++)
            {
                var key = skip < 0 ? name : name.Remove(skip, 1);
                if (!index.TryGetValue(key, out var sources))
                {
                    continue;
                }
                foreach (var source in sources)
                {
                    if (StringSimilarity.OneEditApart(name, source))
                    {
                        families.UnionWith(_familiesOfName[source]);
                    }
                }
            }
            return families.Count == 0 ? s_none : [.. families];
        });
    }

    private static FrozenDictionary<string, string[]> DeletionIndex(IEnumerable<string> names)
    {
        var index = new Dictionary<string, HashSet<string>>(StringComparer.Ordinal);
        foreach (var name in names)
        {
            for (var skip = -1; skip < name.Length; skip++)
            {
                var key = skip < 0 ? name : name.Remove(skip, 1);
                if (!index.TryGetValue(key, out var sources))
                {
                    index[key] = sources = new HashSet<string>(StringComparer.Ordinal);
                }
                sources.Add(name);
            }
        }
        return index.ToFrozenDictionary(p => p.Key, p => p.Value.ToArray(), StringComparer.Ordinal);
    }

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
