namespace Safeguard.Core.Network;

/// <summary>
/// An immutable intelligence graph in compressed sparse row form: node <c>i</c>'s distinct neighbours are
/// <c>_neighbours[_neighbourStart[i].._neighbourStart[i + 1]]</c>, sorted, and its incident links (with their
/// kinds and dates) are <c>_incident[_incidentStart[i].._incidentStart[i + 1]]</c>. Parallel links between the
/// same two nodes (different kinds or dates) are kept as links but count once as a neighbour, so measures see
/// a simple undirected graph. Ints throughout: a million nodes and five million links take about 300 MB,
/// ids and link records included.
/// </summary>
public sealed class NetworkGraph
{
    private readonly string[] _ids;
    private readonly string[] _labels;
    private readonly NodeKind[] _kinds;
    private readonly PersonRole[] _roles;
    private readonly Link[] _links;
    private readonly Dictionary<string, int> _index;
    private readonly int[] _incidentStart;
    private readonly int[] _incident;
    private readonly int[] _neighbourStart;
    private readonly int[] _neighbours;

    internal NetworkGraph(string[] ids, string[] labels, NodeKind[] kinds, PersonRole[] roles, Link[] links)
    {
        _ids = ids;
        _labels = labels;
        _kinds = kinds;
        _roles = roles;
        _links = links;
        _index = new Dictionary<string, int>(ids.Length, StringComparer.Ordinal);
        for (var i = 0; i < ids.Length; i++)
        {
            _index.Add(ids[i], i);
        }
        (_incidentStart, _incident) = IncidentLinks(ids.Length, links);
        (_neighbourStart, _neighbours) = DistinctNeighbours(ids.Length, links, _incidentStart, _incident);
    }

    public int NodeCount => _ids.Length;

    public int LinkCount => _links.Length;

    /// <summary>Number of distinct neighbour pairs (parallel links counted once).</summary>
    public long EdgeCount => _neighbours.Length / 2;

    public string Id(int node) => _ids[node];

    public string Label(int node) => _labels[node];

    public NodeKind Kind(int node) => _kinds[node];

    public PersonRole Role(int node) => _roles[node];

    public Link GetLink(int link) => _links[link];

    public bool TryGetNode(string id, out int node) => _index.TryGetValue(id, out node);

    /// <summary>The node's distinct neighbours, in ascending index order.</summary>
    public ReadOnlySpan<int> Neighbours(int node) => _neighbours.AsSpan(_neighbourStart[node], _neighbourStart[node + 1] - _neighbourStart[node]);

    /// <summary>Indices of the links that touch the node, in the order they were added.</summary>
    public ReadOnlySpan<int> IncidentLinks(int node) => _incident.AsSpan(_incidentStart[node], _incidentStart[node + 1] - _incidentStart[node]);

    /// <summary>Number of distinct neighbours.</summary>
    public int Degree(int node) => _neighbourStart[node + 1] - _neighbourStart[node];

    /// <summary>
    /// A shortest path (fewest links) from one node to another, both ends included; empty when they are not
    /// connected. <paramref name="canPassThrough"/>, when given, says which nodes the path may go through (the
    /// ends are always allowed), so a caller can route around busy places. Bidirectional breadth-first search,
    /// a level at a time from whichever side has the smaller frontier, so on a million-node graph it explores
    /// thousands of nodes, not the whole town. The first meeting is a shortest path: until the searches meet,
    /// every path is longer than the two radii added.
    /// </summary>
    public IReadOnlyList<int> ShortestPath(int from, int to, Func<int, bool>? canPassThrough = null)
    {
        if (from == to)
        {
            return [from];
        }
        // Each side maps a node it reached to the node it came from.
        var fromSide = new Dictionary<int, int> { [from] = from };
        var toSide = new Dictionary<int, int> { [to] = to };
        List<int> fromFrontier = [from], toFrontier = [to];
        while (fromFrontier.Count > 0 && toFrontier.Count > 0)
        {
            var forward = fromFrontier.Count <= toFrontier.Count;
            var (frontier, reached, other) = forward ? (fromFrontier, fromSide, toSide) : (toFrontier, toSide, fromSide);
            var next = new List<int>();
            foreach (var node in frontier)
            {
                foreach (var neighbour in Neighbours(node))
                {
                    if (reached.ContainsKey(neighbour))
                    {
                        continue;
                    }
                    if (other.ContainsKey(neighbour))
                    {
                        reached[neighbour] = node;
                        return Join(neighbour, fromSide, toSide);
                    }
                    if (canPassThrough is null || canPassThrough(neighbour))
                    {
                        reached[neighbour] = node;
                        next.Add(neighbour);
                    }
                }
            }
            if (forward)
            {
                fromFrontier = next;
            }
            else
            {
                toFrontier = next;
            }
        }
        return [];
    }

    private static List<int> Join(int meeting, Dictionary<int, int> fromSide, Dictionary<int, int> toSide)
    {
        var path = new List<int>();
        for (var step = meeting; ; step = fromSide[step])
        {
            path.Add(step);
            if (fromSide[step] == step)
            {
                break;
            }
        }
        path.Reverse();
        for (var step = meeting; toSide[step] != step;)
        {
            step = toSide[step];
            path.Add(step);
        }
        return path;
    }

    /// <summary>
    /// The nodes within <paramref name="hops"/> links of <paramref name="centre"/> (breadth-first, lowest index
    /// first, stopping once <paramref name="maxNodes"/> are found) and every link between two of them: what the
    /// chart draws around a person. The hop distance of each node is returned alongside.
    /// </summary>
    public Neighbourhood Neighbourhood(int centre, int hops = 2, int maxNodes = int.MaxValue)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(hops);
        ArgumentOutOfRangeException.ThrowIfLessThan(maxNodes, 1);
        var distance = new Dictionary<int, int> { [centre] = 0 };
        var order = new List<int> { centre };
        for (var head = 0; head < order.Count && distance.Count < maxNodes; head++)
        {
            var node = order[head];
            var hop = distance[node];
            if (hop == hops)
            {
                break;
            }
            foreach (var next in Neighbours(node))
            {
                if (distance.TryAdd(next, hop + 1))
                {
                    order.Add(next);
                    if (distance.Count == maxNodes)
                    {
                        break;
                    }
                }
            }
        }
        var links = new List<int>();
        foreach (var node in order)
        {
            foreach (var link in IncidentLinks(node))
            {
                // Each link is listed at both ends; take it once, at its From end.
                var l = _links[link];
                if (l.From == node && distance.ContainsKey(l.To))
                {
                    links.Add(link);
                }
            }
        }
        links.Sort();
        return new Neighbourhood([.. order], [.. order.Select(n => distance[n])], [.. links]);
    }

    private static (int[] Start, int[] Incident) IncidentLinks(int nodeCount, Link[] links)
    {
        var start = new int[nodeCount + 1];
        foreach (var link in links)
        {
            start[link.From + 1]++;
            start[link.To + 1]++;
        }
        for (var i = 0; i < nodeCount; i++)
        {
            start[i + 1] += start[i];
        }
        var next = start[..^1];
        var incident = new int[start[nodeCount]];
        for (var i = 0; i < links.Length; i++)
        {
            incident[next[links[i].From]++] = i;
            incident[next[links[i].To]++] = i;
        }
        return (start, incident);
    }

    private static (int[] Start, int[] Neighbours) DistinctNeighbours(int nodeCount, Link[] links, int[] incidentStart, int[] incident)
    {
        // Write every link's far end beside its near end, then sort and de-duplicate each node's run in place.
        var scratch = new int[incident.Length];
        var distinct = new int[nodeCount + 1];
        Parallel.For(0, nodeCount, new ParallelOptions { MaxDegreeOfParallelism = Environment.ProcessorCount }, node =>
        {
            int begin = incidentStart[node], end = incidentStart[node + 1];
            for (var k = begin; k < end; k++)
            {
                scratch[k] = links[incident[k]].Other(node);
            }
            var run = scratch.AsSpan(begin, end - begin);
            run.Sort();
            var count = 0;
            for (var k = 0; k < run.Length; k++)
            {
                if (k == 0 || run[k] != run[k - 1])
                {
                    run[count++] = run[k];
                }
            }
            distinct[node + 1] = count;
        });
        for (var i = 0; i < nodeCount; i++)
        {
            distinct[i + 1] += distinct[i];
        }
        var neighbours = new int[distinct[nodeCount]];
        for (var node = 0; node < nodeCount; node++)
        {
            Array.Copy(scratch, incidentStart[node], neighbours, distinct[node], distinct[node + 1] - distinct[node]);
        }
        return (distinct, neighbours);
    }
}

/// <summary>Nodes around a centre with their hop distances (same order), and the links among them.</summary>
public sealed record Neighbourhood(IReadOnlyList<int> Nodes, IReadOnlyList<int> Hops, IReadOnlyList<int> Links);
