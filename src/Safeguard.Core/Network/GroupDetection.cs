namespace Safeguard.Core.Network;

/// <summary>Parameters of <see cref="GroupDetection.Find"/>; README.md in this folder explains each.</summary>
public sealed record GroupOptions
{
    /// <summary>
    /// A node linked to more persons than this who are neither suspects nor children is a busy place (a takeaway,
    /// a school gate, a bus station) and links no one. Suspects and children themselves are never busy.
    /// </summary>
    public int BusyLimit { get; init; } = 20;

    /// <summary>Weight of a direct link recording that a suspect exploited a child.</summary>
    public double ExploitedLinkWeight { get; init; } = 1.0;

    /// <summary>
    /// Weight of any other direct link between two persons (knows, family, contacted...): below the bars by
    /// default, because in a town everyone knows someone, so acquaintance needs corroborating.
    /// </summary>
    public double AcquaintanceLinkWeight { get; init; } = 0.4;

    /// <summary>Evidence two suspects must share to be treated as linked.</summary>
    public double MinSuspectTie { get; init; } = 0.5;

    /// <summary>Evidence a child must share with a group's suspects, added over them, to be placed in the group.</summary>
    public double MinVictimTie { get; init; } = 0.5;

    public int MinSuspects { get; init; } = 2;

    public int MinVictims { get; init; } = 1;
}

/// <summary>A suspected organised network: its suspects and the children linked to them, by node index, ascending.</summary>
public sealed record SuspectedGroup(int Number, IReadOnlyList<int> Suspects, IReadOnlyList<int> Victims);

/// <summary>
/// Finds suspected organised networks: two or more suspects linked together, against one or more children
/// (the IICSA definition), through shared vehicles, phones, accounts, places, events, associates or victims,
/// without letting busy places glue unrelated people together. See README.md in this folder.
/// </summary>
public static class GroupDetection
{
    public static IReadOnlyList<SuspectedGroup> Find(NetworkGraph graph, GroupOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(graph);
        options ??= new GroupOptions();
        var ties = Ties(graph, options);

        // Suspects joined by strong enough ties fall into one cluster (union-find with path halving).
        var parent = Enumerable.Range(0, graph.NodeCount).ToArray();
        foreach (var ((a, b), weight) in ties)
        {
            if (weight >= options.MinSuspectTie && graph.Role(a) == PersonRole.Suspect && graph.Role(b) == PersonRole.Suspect)
            {
                parent[Root(parent, a)] = Root(parent, b);
            }
        }
        var suspectsByRoot = new SortedDictionary<int, List<int>>();
        for (var v = 0; v < graph.NodeCount; v++)
        {
            if (graph.Role(v) == PersonRole.Suspect)
            {
                var root = Root(parent, v);
                if (!suspectsByRoot.TryGetValue(root, out var members))
                {
                    suspectsByRoot[root] = members = [];
                }
                members.Add(v);
            }
        }

        // Each child goes to the one cluster with which it shares the most evidence, if that is enough. Only
        // clusters with enough suspects compete, so a child abused by a lone offender and by a group is not
        // lost to the lone offender's cluster, which is no group.
        var victimEvidence = new Dictionary<(int Victim, int Root), double>();
        foreach (var ((a, b), weight) in ties)
        {
            var (suspect, victim) = graph.Role(a) == PersonRole.Victim ? (b, a) : (a, b);
            if (graph.Role(victim) == PersonRole.Victim && graph.Role(suspect) == PersonRole.Suspect
                && suspectsByRoot[Root(parent, suspect)].Count >= options.MinSuspects)
            {
                var key = (victim, Root(parent, suspect));
                victimEvidence[key] = victimEvidence.GetValueOrDefault(key) + weight;
            }
        }
        var best = new Dictionary<int, (int Root, double Evidence)>();
        foreach (var ((victim, root), evidence) in victimEvidence.OrderBy(e => e.Key))
        {
            if (evidence >= options.MinVictimTie && (!best.TryGetValue(victim, out var current) || evidence > current.Evidence))
            {
                best[victim] = (root, evidence);
            }
        }
        var victimsByRoot = new Dictionary<int, List<int>>();
        foreach (var (victim, (root, _)) in best.OrderBy(b => b.Key))
        {
            if (!victimsByRoot.TryGetValue(root, out var members))
            {
                victimsByRoot[root] = members = [];
            }
            members.Add(victim);
        }

        return [.. suspectsByRoot
            .Select(c => (Suspects: c.Value, Victims: victimsByRoot.GetValueOrDefault(c.Key) ?? []))
            .Where(g => g.Suspects.Count >= options.MinSuspects && g.Victims.Count >= options.MinVictims)
            .OrderByDescending(g => g.Suspects.Count + g.Victims.Count)
            .ThenBy(g => g.Suspects[0])
            .Select((g, i) => new SuspectedGroup(i + 1, g.Suspects, g.Victims))];
    }

    /// <summary>
    /// The evidence between each suspect–suspect and suspect–victim pair that shares any (README.md):
    /// <list type="bullet">
    /// <item>a direct link: its weight by kind (an exploited link 1, any other person–person link 0.4);</item>
    /// <item>a shared node: the product of the two links' weights (1 for a link to a thing) and the node's
    /// specificity, 1/log2(2 + other persons linked to it), or 1 for a person, whose links already say how close;</item>
    /// <item>two linked things (phone to phone, car to flat): the product of 1/log2(non-busy links) of each.</item>
    /// </list>
    /// Busy nodes, linked to more than <see cref="GroupOptions.BusyLimit"/> other persons, count nothing.
    /// Keys are (lower index, higher index). Public so that a chart can show an analyst why people were grouped.
    /// </summary>
    public static Dictionary<(int, int), double> Ties(NetworkGraph graph, GroupOptions options)
    {
        var n = graph.NodeCount;
        var others = Others(graph);
        var busy = Busy(graph, others, options);

        var ties = new Dictionary<(int, int), double>();
        void Add(int a, int b, double weight)
        {
            var key = a < b ? (a, b) : (b, a);
            ties[key] = ties.GetValueOrDefault(key) + weight;
        }

        var suspects = new List<(int Node, double Weight)>();
        var victims = new List<(int Node, double Weight)>();
        for (var c = 0; c < n; c++)
        {
            if (busy[c])
            {
                continue;
            }
            var role = graph.Role(c);
            Around(graph, c, options, suspects, victims);
            if (role == PersonRole.Suspect)
            {
                // Direct links to another suspect (once per pair) or to a child.
                foreach (var (u, weight) in suspects.Where(s => s.Node > c).Concat(victims))
                {
                    Add(c, u, weight);
                }
                continue;
            }
            // A shared node: a child links the suspects around it; anything else links suspects and children.
            var specificity = graph.Kind(c) == NodeKind.Person ? 1 : 1 / Math.Log2(2 + others[c]);
            for (var i = 0; i < suspects.Count; i++)
            {
                var (s, ws) = suspects[i];
                for (var j = i + 1; j < suspects.Count; j++)
                {
                    Add(s, suspects[j].Node, specificity * ws * suspects[j].Weight);
                }
                if (role != PersonRole.Victim)
                {
                    foreach (var (v, wv) in victims)
                    {
                        Add(s, v, specificity * ws * wv);
                    }
                }
            }
        }

        // Two linked things: a suspect's phone in contact with a child's phone, a car seen at a flat.
        var fanOut = new double[n];
        for (var v = 0; v < n; v++)
        {
            var links = 0;
            foreach (var u in graph.Neighbours(v))
            {
                links += busy[u] ? 0 : 1;
            }
            fanOut[v] = 1 / Math.Log2(Math.Max(2, links));
        }
        var farSuspects = new List<(int Node, double Weight)>();
        var farVictims = new List<(int Node, double Weight)>();
        for (var c = 0; c < n; c++)
        {
            if (graph.Kind(c) == NodeKind.Person || busy[c])
            {
                continue;
            }
            Around(graph, c, options, suspects, victims);
            if (suspects.Count + victims.Count == 0)
            {
                continue;
            }
            foreach (var d in graph.Neighbours(c))
            {
                if (d < c || graph.Kind(d) == NodeKind.Person || busy[d])
                {
                    continue;
                }
                Around(graph, d, options, farSuspects, farVictims);
                var weight = fanOut[c] * fanOut[d];
                foreach (var (s, _) in suspects)
                {
                    foreach (var (t, _) in farSuspects)
                    {
                        if (s != t)
                        {
                            Add(s, t, weight);
                        }
                    }
                    foreach (var (v, _) in farVictims)
                    {
                        Add(s, v, weight);
                    }
                }
                foreach (var (v, _) in victims)
                {
                    foreach (var (t, _) in farSuspects)
                    {
                        Add(t, v, weight);
                    }
                }
            }
        }
        return ties;
    }

    /// <summary>
    /// Which nodes are busy places (step 1 in README.md): linked to more than <see cref="GroupOptions.BusyLimit"/>
    /// persons who are neither suspects nor children. Public so that a chart of a group can leave out the same
    /// places the detection left out.
    /// </summary>
    public static bool[] BusyNodes(NetworkGraph graph, GroupOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(graph);
        return Busy(graph, Others(graph), options ?? new GroupOptions());
    }

    /// <summary>"Other" persons linked to each node, neither suspects nor children: the public that makes a place busy and vague.</summary>
    private static int[] Others(NetworkGraph graph)
    {
        var others = new int[graph.NodeCount];
        for (var v = 0; v < graph.NodeCount; v++)
        {
            foreach (var u in graph.Neighbours(v))
            {
                if (graph.Kind(u) == NodeKind.Person && IsConnector(graph, u))
                {
                    others[v]++;
                }
            }
        }
        return others;
    }

    private static bool[] Busy(NetworkGraph graph, int[] others, GroupOptions options)
    {
        var busy = new bool[graph.NodeCount];
        for (var v = 0; v < graph.NodeCount; v++)
        {
            busy[v] = IsConnector(graph, v) && others[v] > options.BusyLimit;
        }
        return busy;
    }

    private static bool IsConnector(NetworkGraph graph, int node) => graph.Role(node) is not (PersonRole.Suspect or PersonRole.Victim);

    /// <summary>The suspects and children linked to a node, each with the weight of its strongest link to it.</summary>
    private static void Around(NetworkGraph graph, int node, GroupOptions options, List<(int Node, double Weight)> suspects,
        List<(int Node, double Weight)> victims)
    {
        suspects.Clear();
        victims.Clear();
        foreach (var index in graph.IncidentLinks(node))
        {
            var link = graph.GetLink(index);
            var u = link.Other(node);
            var list = graph.Role(u) switch
            {
                PersonRole.Suspect => suspects,
                PersonRole.Victim => victims,
                _ => null,
            };
            if (list is null)
            {
                continue;
            }
            var weight = graph.Kind(node) != NodeKind.Person ? 1.0
                : link.Kind == LinkKind.Exploited ? options.ExploitedLinkWeight
                : options.AcquaintanceLinkWeight;
            var at = list.FindIndex(x => x.Node == u);
            if (at < 0)
            {
                list.Add((u, weight));
            }
            else if (weight > list[at].Weight)
            {
                list[at] = (u, weight);
            }
        }
    }

    private static int Root(int[] parent, int v)
    {
        while (parent[v] != v)
        {
            parent[v] = parent[parent[v]];
            v = parent[v];
        }
        return v;
    }
}
