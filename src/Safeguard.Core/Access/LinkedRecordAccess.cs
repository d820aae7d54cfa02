namespace Safeguard.Core.Access;

/// <summary>
/// A link between two records of one person, as matching made it: <see cref="Merged"/> points at
/// <see cref="Survivor"/> from <see cref="At"/>. <see cref="SurvivorJoined"/> says which side was the newcomer: the
/// side whose record was being entered or edited when the link was made (normally the merged record, created later;
/// the survivor when an older record was edited until it matched a child already held).
/// </summary>
public sealed record RecordLink<TKey>(TKey Merged, TKey Survivor, DateTimeOffset At, bool SurvivorJoined)
    where TKey : struct, IEquatable<TKey>;

/// <summary>What one user has with the records of one cluster (records linked as one person).</summary>
/// <param name="Allocated">Records on whose open case the user is allocated.</param>
/// <param name="TeamAllocated">Records on whose open case the user's team is allocated.</param>
/// <param name="AgencyInvolved">Records on which the user's agency has an open case.</param>
/// <param name="ApprovedRequests">Records the user asked for and a manager of an agency working with them approved.</param>
/// <param name="HasActiveBreakGlass">The user broke the glass on a record of the cluster (reviewed by their manager).</param>
/// <param name="SeesWholeCluster">The user's role is to look across every agency's records of a child (the front door).</param>
public sealed record ClusterRelationships<TKey>(
    IReadOnlySet<TKey> Allocated,
    IReadOnlySet<TKey> TeamAllocated,
    IReadOnlySet<TKey> AgencyInvolved,
    IReadOnlySet<TKey> ApprovedRequests,
    bool HasActiveBreakGlass,
    bool SeesWholeCluster)
    where TKey : struct, IEquatable<TKey>;

/// <summary>
/// Which records of a cluster a relationship covers. A link made by matching says two records are probably one child;
/// it is not a decision that anyone may see more. So work on a record (a case, an allocation) covers the records that
/// joined the cluster after it was there, never those already there when it joined: the agency that records a
/// duplicate of a child sees its own record and what is linked later, and must ask (or break the glass) to see the
/// child already held, while the child's own workers see the duplicate. An approved request covers what the record
/// asked for covers, since the manager who approved it decided for that record; a break-glass (reviewed) and the
/// front door's role cover the whole cluster. See docs/adr/0012.
/// </summary>
public static class LinkedRecordAccess
{
    // Links form a tree of pointers; this bounds a walk up it against a corrupted pointer loop.
    private const int MaximumDepth = 64;

    /// <summary>
    /// Whether work on record <paramref name="from"/> covers record <paramref name="to"/>: the same record, or
    /// <paramref name="to"/> is on the side that joined in the link that brought the two together (the latest link on
    /// the path between them). Two links on that path made at the same instant cover neither way.
    /// </summary>
    public static bool Reaches<TKey>(IReadOnlyCollection<RecordLink<TKey>> links, TKey from, TKey to)
        where TKey : struct, IEquatable<TKey>
    {
        ArgumentNullException.ThrowIfNull(links);
        if (from.Equals(to))
        {
            return true;
        }
        var up = new Dictionary<TKey, RecordLink<TKey>>();
        foreach (var link in links)
        {
            up[link.Merged] = link;
        }
        var fromPath = PathToRoot(up, from);
        var toPath = PathToRoot(up, to);
        var fromNodes = new Dictionary<TKey, int>();
        for (var i = 0; i < fromPath.Nodes.Count; i++)
        {
            fromNodes[fromPath.Nodes[i]] = i;
        }
        var meet = -1;
        var toEdges = 0;
        for (var i = 0; i < toPath.Nodes.Count; i++)
        {
            if (fromNodes.TryGetValue(toPath.Nodes[i], out var at))
            {
                meet = at;
                toEdges = i;
                break;
            }
        }
        if (meet < 0)
        {
            return false; // not one cluster
        }
        // The links below the meeting point on each side: from's side has `from` in the merged part, to's side `to`.
        var fromSide = fromPath.Links.Take(meet).ToList();
        var toSide = toPath.Links.Take(toEdges).ToList();
        var latest = fromSide.Concat(toSide).Max(l => l.At);
        var last = fromSide.Concat(toSide).Where(l => l.At == latest).ToList();
        if (last.Count != 1)
        {
            return false;
        }
        // On to's side, `to` is in the merged part: it joined when the merged side was the newcomer. On from's side,
        // `from` is in the merged part and `to` is not: `to` joined when the survivor's side was the newcomer.
        return toSide.Contains(last[0]) ? !last[0].SurvivorJoined : last[0].SurvivorJoined;
    }

    /// <summary>
    /// The record that was there first: work on it covers every record of the cluster. It is where a user who may see
    /// only part of the cluster is sent to ask for access. Null only when links made at the same instant leave no
    /// single first record.
    /// </summary>
    public static TKey? First<TKey>(IReadOnlyCollection<RecordLink<TKey>> links, IReadOnlyCollection<TKey> members)
        where TKey : struct, IEquatable<TKey>
    {
        ArgumentNullException.ThrowIfNull(links);
        ArgumentNullException.ThrowIfNull(members);
        foreach (var candidate in members)
        {
            if (members.All(m => Reaches(links, candidate, m)))
            {
                return candidate;
            }
        }
        return null;
    }

    /// <summary>The facts about the user's relationship with one record of the cluster, for <see cref="ChildRecordAccess.Decide"/>.</summary>
    public static RelationshipFacts FactsFor<TKey>(IReadOnlyCollection<RecordLink<TKey>> links, ClusterRelationships<TKey> relationships, TKey record)
        where TKey : struct, IEquatable<TKey>
    {
        ArgumentNullException.ThrowIfNull(links);
        ArgumentNullException.ThrowIfNull(relationships);
        bool Covers(IReadOnlySet<TKey> on) =>
            on.Count > 0 && (relationships.SeesWholeCluster || on.Any(r => Reaches(links, r, record)));
        return new RelationshipFacts(
            AllocatedToChildsCase: Covers(relationships.Allocated),
            TeamAllocatedToChildsCase: Covers(relationships.TeamAllocated),
            AgencyHasOpenInvolvement: Covers(relationships.AgencyInvolved),
            HasApprovedAccessRequest: Covers(relationships.ApprovedRequests),
            HasActiveBreakGlass: relationships.HasActiveBreakGlass);
    }

    private sealed record Path<TKey>(List<TKey> Nodes, List<RecordLink<TKey>> Links)
        where TKey : struct, IEquatable<TKey>;

    // The record, then each record up to the root, with the link that leads up from each.
    private static Path<TKey> PathToRoot<TKey>(Dictionary<TKey, RecordLink<TKey>> up, TKey start)
        where TKey : struct, IEquatable<TKey>
    {
        var nodes = new List<TKey> { start };
        var links = new List<RecordLink<TKey>>();
        var current = start;
        for (var depth = 0; depth < MaximumDepth && up.TryGetValue(current, out var link); depth++)
        {
            links.Add(link);
            current = link.Survivor;
            if (nodes.Contains(current))
            {
                break;
            }
            nodes.Add(current);
        }
        return new Path<TKey>(nodes, links);
    }
}
