namespace Safeguard.Core.Network;

/// <summary>Connected components and k-cores: the shape of the network before any centrality.</summary>
public static class Structure
{
    /// <summary>
    /// The component of every node, numbered 0, 1, ... in order of each component's lowest node index
    /// (breadth-first search, O(nodes + links)).
    /// </summary>
    public static int[] Components(NetworkGraph graph)
    {
        ArgumentNullException.ThrowIfNull(graph);
        var component = new int[graph.NodeCount];
        Array.Fill(component, -1);
        var queue = new int[graph.NodeCount];
        var count = 0;
        for (var seed = 0; seed < graph.NodeCount; seed++)
        {
            if (component[seed] >= 0)
            {
                continue;
            }
            int head = 0, tail = 0;
            queue[tail++] = seed;
            component[seed] = count;
            while (head < tail)
            {
                foreach (var next in graph.Neighbours(queue[head++]))
                {
                    if (component[next] < 0)
                    {
                        component[next] = count;
                        queue[tail++] = next;
                    }
                }
            }
            count++;
        }
        return component;
    }

    /// <summary>
    /// The core number of every node: the largest k such that the node belongs to a subgraph in which every
    /// node has at least k neighbours. Batagelj and Zaversnik's bucket algorithm (2003), O(nodes + links):
    /// nodes sit in an array sorted by current degree, and removing the lowest moves each higher neighbour
    /// down one bucket by swapping it with the first node of its bucket.
    /// </summary>
    public static int[] CoreNumbers(NetworkGraph graph)
    {
        ArgumentNullException.ThrowIfNull(graph);
        var n = graph.NodeCount;
        var degree = new int[n];
        var maxDegree = 0;
        for (var v = 0; v < n; v++)
        {
            degree[v] = graph.Degree(v);
            maxDegree = Math.Max(maxDegree, degree[v]);
        }
        // bucketStart[d] = position in `order` of the first node whose current degree is d.
        var bucketStart = new int[maxDegree + 1];
        foreach (var d in degree)
        {
            bucketStart[d]++;
        }
        for (int d = 0, start = 0; d <= maxDegree; d++)
        {
            (bucketStart[d], start) = (start, start + bucketStart[d]);
        }
        var order = new int[n];
        var position = new int[n];
        var fill = (int[])bucketStart.Clone();
        for (var v = 0; v < n; v++)
        {
            position[v] = fill[degree[v]]++;
            order[position[v]] = v;
        }
        for (var i = 0; i < n; i++)
        {
            var v = order[i];
            foreach (var u in graph.Neighbours(v))
            {
                if (degree[u] <= degree[v])
                {
                    continue;
                }
                var du = degree[u];
                var first = order[bucketStart[du]];
                if (u != first)
                {
                    (order[position[u]], order[bucketStart[du]]) = (first, u);
                    (position[u], position[first]) = (bucketStart[du], position[u]);
                }
                bucketStart[du]++;
                degree[u]--;
            }
        }
        return degree;
    }
}
