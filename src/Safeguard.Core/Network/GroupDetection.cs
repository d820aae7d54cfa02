namespace Safeguard.Core.Network;

/// <summary>Parameters of <see cref="GroupDetection.Find"/>; README.md in this folder explains each.</summary>
public sealed record GroupOptions
{
    /// <summary>A node other than a suspect or victim linked to more persons than this is a busy place and links no one.</summary>
    public int BusyLimit { get; init; } = 20;

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
    private const double DirectLinkWeight = 1.0;

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

        // Each child goes to the one cluster with which it shares the most evidence, if that is enough.
        var victimEvidence = new Dictionary<(int Victim, int Root), double>();
        foreach (var ((a, b), weight) in ties)
        {
            var (suspect, victim) = graph.Role(a) == PersonRole.Victim ? (b, a) : (a, b);
            if (graph.Role(victim) == PersonRole.Victim && graph.Role(suspect) == PersonRole.Suspect)
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
    /// The evidence between each suspect–suspect and suspect–victim pair that shares any: a direct link counts 1;
    /// a shared node counts 1/log2(persons linked to it) (Adamic–Adar on the person projection); two linked
    /// objects, places or events count the product of 1/log2(non-busy links) of each. Busy places count nothing.
    /// Keys are (lower index, higher index).
    /// </summary>
    internal static Dictionary<(int, int), double> Ties(NetworkGraph graph, GroupOptions options)
    {
        var n = graph.NodeCount;
        var personDegree = new int[n];
        for (var v = 0; v < n; v++)
        {
            foreach (var u in graph.Neighbours(v))
            {
                if (graph.Kind(u) == NodeKind.Person)
                {
                    personDegree[v]++;
                }
            }
        }
        var busy = new bool[n];
        for (var v = 0; v < n; v++)
        {
            busy[v] = IsConnector(graph, v) && personDegree[v] > options.BusyLimit;
        }

        var ties = new Dictionary<(int, int), double>();
        void Add(int a, int b, double weight)
        {
            var key = a < b ? (a, b) : (b, a);
            ties[key] = ties.GetValueOrDefault(key) + weight;
        }

        var suspects = new List<int>();
        var victims = new List<int>();
        for (var c = 0; c < n; c++)
        {
            var role = graph.Role(c);
            if (role == PersonRole.Suspect)
            {
                // Direct links from a suspect to another suspect (once per pair) or to a child.
                foreach (var u in graph.Neighbours(c))
                {
                    if ((graph.Role(u) == PersonRole.Suspect && u > c) || graph.Role(u) == PersonRole.Victim)
                    {
                        Add(c, u, DirectLinkWeight);
                    }
                }
                continue;
            }
            if (busy[c])
            {
                continue;
            }
            // A shared node: a child links the suspects around it; anything else links suspects and children.
            SuspectsAndVictims(graph, c, suspects, victims);
            var weight = 1 / Math.Log2(Math.Max(2, personDegree[c]));
            for (var i = 0; i < suspects.Count; i++)
            {
                for (var j = i + 1; j < suspects.Count; j++)
                {
                    Add(suspects[i], suspects[j], weight);
                }
                if (role != PersonRole.Victim)
                {
                    foreach (var victim in victims)
                    {
                        Add(suspects[i], victim, weight);
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
        var farSuspects = new List<int>();
        var farVictims = new List<int>();
        for (var c = 0; c < n; c++)
        {
            if (graph.Kind(c) == NodeKind.Person || busy[c])
            {
                continue;
            }
            SuspectsAndVictims(graph, c, suspects, victims);
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
                SuspectsAndVictims(graph, d, farSuspects, farVictims);
                var weight = fanOut[c] * fanOut[d];
                foreach (var s in suspects)
                {
                    foreach (var t in farSuspects)
                    {
                        if (s != t)
                        {
                            Add(s, t, weight);
                        }
                    }
                    foreach (var victim in farVictims)
                    {
                        Add(s, victim, weight);
                    }
                }
                foreach (var victim in victims)
                {
                    foreach (var t in farSuspects)
                    {
                        Add(t, victim, weight);
                    }
                }
            }
        }
        return ties;
    }

    private static bool IsConnector(NetworkGraph graph, int node) => graph.Role(node) is not (PersonRole.Suspect or PersonRole.Victim);

    private static void SuspectsAndVictims(NetworkGraph graph, int node, List<int> suspects, List<int> victims)
    {
        suspects.Clear();
        victims.Clear();
        foreach (var u in graph.Neighbours(node))
        {
            switch (graph.Role(u))
            {
                case PersonRole.Suspect:
                    suspects.Add(u);
                    break;
                case PersonRole.Victim:
                    victims.Add(u);
                    break;
                default:
                    break;
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
