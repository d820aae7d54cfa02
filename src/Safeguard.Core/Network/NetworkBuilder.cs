namespace Safeguard.Core.Network;

public enum NodeAddResult
{
    Added,
    EmptyId,
    DuplicateId,
    /// <summary>A role was given for a node that is not a person.</summary>
    RoleForNonPerson,
}

public enum LinkAddResult
{
    Added,
    UnknownFrom,
    UnknownTo,
    SelfLink,
    /// <summary>The same two nodes were already linked with the same kind on the same date (or both undated).</summary>
    Duplicate,
}

/// <summary>
/// Collects nodes (with string ids, interned to int indices) and links, then builds an immutable
/// <see cref="NetworkGraph"/>, optionally through a <see cref="LinkFilter"/>. The builder can build many graphs,
/// one per filter. Used by the CSV reader and by the web application from its POLE tables alike.
/// </summary>
public sealed class NetworkBuilder
{
    private readonly Dictionary<string, int> _index = new(StringComparer.Ordinal);
    private readonly Dictionary<string, int>.AlternateLookup<ReadOnlySpan<char>> _spanIndex;
    private readonly List<string> _ids = [];
    private readonly List<string> _labels = [];
    private readonly List<NodeKind> _kinds = [];
    private readonly List<PersonRole> _roles = [];
    private readonly List<Link> _links = [];
    private readonly HashSet<(long Pair, int KindAndDay)> _linkKeys = new(new LinkKeyComparer());

    public NetworkBuilder() => _spanIndex = _index.GetAlternateLookup<ReadOnlySpan<char>>();

    public int NodeCount => _ids.Count;

    public int LinkCount => _links.Count;

    /// <summary>Adds a node. Persons get <see cref="PersonRole.Unknown"/> when no role is given.</summary>
    public NodeAddResult AddNode(string id, NodeKind kind, string label = "", PersonRole role = PersonRole.None)
    {
        ArgumentNullException.ThrowIfNull(id);
        if (id.Length == 0)
        {
            return NodeAddResult.EmptyId;
        }
        if (kind != NodeKind.Person && role != PersonRole.None)
        {
            return NodeAddResult.RoleForNonPerson;
        }
        if (!_index.TryAdd(id, _ids.Count))
        {
            return NodeAddResult.DuplicateId;
        }
        _ids.Add(id);
        _labels.Add(label ?? "");
        _kinds.Add(kind);
        _roles.Add(kind == NodeKind.Person && role == PersonRole.None ? PersonRole.Unknown : role);
        return NodeAddResult.Added;
    }

    public string Id(int node) => _ids[node];

    public string Label(int node) => _labels[node];

    public NodeKind Kind(int node) => _kinds[node];

    public PersonRole Role(int node) => _roles[node];

    /// <summary>A link as added, in the order added.</summary>
    public Link GetLink(int link) => _links[link];

    public bool TryGetIndex(ReadOnlySpan<char> id, out int node) => _spanIndex.TryGetValue(id, out node);

    public LinkAddResult AddLink(ReadOnlySpan<char> fromId, ReadOnlySpan<char> toId, LinkKind kind, DateOnly? date = null,
        LinkConfidence confidence = LinkConfidence.Confirmed)
    {
        if (!TryGetIndex(fromId, out var from))
        {
            return LinkAddResult.UnknownFrom;
        }
        return TryGetIndex(toId, out var to) ? AddLink(from, to, kind, date, confidence) : LinkAddResult.UnknownTo;
    }

    public LinkAddResult AddLink(int from, int to, LinkKind kind, DateOnly? date = null, LinkConfidence confidence = LinkConfidence.Confirmed)
    {
        if ((uint)from >= (uint)_ids.Count)
        {
            return LinkAddResult.UnknownFrom;
        }
        if ((uint)to >= (uint)_ids.Count)
        {
            return LinkAddResult.UnknownTo;
        }
        if (from == to)
        {
            return LinkAddResult.SelfLink;
        }
        var pair = ((long)Math.Min(from, to) << 32) | (uint)Math.Max(from, to);
        // Day numbers fit in 22 bits and kinds in 4, so the key packs into one int; 0 stands for "no date".
        var day = date is { } d ? d.DayNumber + 1 : 0;
        if (!_linkKeys.Add((pair, (day << 4) | (int)kind)))
        {
            return LinkAddResult.Duplicate;
        }
        _links.Add(new Link(from, to, kind, date, confidence));
        return LinkAddResult.Added;
    }

    /// <summary>Builds a graph of every node and the links the filter keeps (all links when it is null).</summary>
    public NetworkGraph Build(LinkFilter? filter = null)
    {
        Link[] links;
        if (filter is null)
        {
            links = [.. _links];
        }
        else
        {
            var kept = new List<Link>(_links.Count);
            foreach (var link in _links)
            {
                if (filter.Keeps(link))
                {
                    kept.Add(link);
                }
            }
            links = [.. kept];
        }
        return new NetworkGraph([.. _ids], [.. _labels], [.. _kinds], [.. _roles], links);
    }

    /// <summary>
    /// The default tuple hash uses long.GetHashCode, the XOR of the two halves, which is tiny for nodes with
    /// nearby indices (a family, a household), so millions of links fell into a few buckets. Multiplying by
    /// large odd constants spreads every bit.
    /// </summary>
    private sealed class LinkKeyComparer : IEqualityComparer<(long Pair, int KindAndDay)>
    {
        public bool Equals((long Pair, int KindAndDay) x, (long Pair, int KindAndDay) y) => x == y;

        public int GetHashCode((long Pair, int KindAndDay) key)
        {
            var h = ((ulong)key.Pair * 0x9E3779B97F4A7C15UL) ^ ((ulong)(uint)key.KindAndDay * 0xC2B2AE3D27D4EB4FUL);
            return (int)(h >> 32) ^ (int)h;
        }
    }
}
