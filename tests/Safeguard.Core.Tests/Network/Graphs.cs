using Safeguard.Core.Network;

namespace Safeguard.Core.Tests.Network;

/// <summary>Small graphs with known answers, built through the public builder.</summary>
internal static class Graphs
{
    /// <summary>An undirected graph of persons named "0".."n-1" with the given edges.</summary>
    public static NetworkGraph Plain(int n, params (int A, int B)[] edges)
    {
        var builder = new NetworkBuilder();
        for (var i = 0; i < n; i++)
        {
            builder.AddNode(Name(i), NodeKind.Person);
        }
        foreach (var (a, b) in edges)
        {
            Assert.Equal(LinkAddResult.Added, builder.AddLink(a, b, LinkKind.Knows));
        }
        return builder.Build();
    }

    public static NetworkGraph Path(int n) => Plain(n, [.. Enumerable.Range(0, n - 1).Select(i => (i, i + 1))]);

    /// <summary>Node 0 is the centre.</summary>
    public static NetworkGraph Star(int leaves) => Plain(leaves + 1, [.. Enumerable.Range(1, leaves).Select(i => (0, i))]);

    public static string Name(int i) => i.ToString(System.Globalization.CultureInfo.InvariantCulture);

    /// <summary>
    /// Zachary's karate club (1977), 34 members and 78 friendships, numbered from 0 as in NetworkX, whose
    /// published centralities the tests compare against.
    /// </summary>
    public static NetworkGraph KarateClub() => Plain(34,
        (0, 1), (0, 2), (0, 3), (0, 4), (0, 5), (0, 6), (0, 7), (0, 8), (0, 10), (0, 11), (0, 12), (0, 13), (0, 17), (0, 19), (0, 21), (0, 31),
        (1, 2), (1, 3), (1, 7), (1, 13), (1, 17), (1, 19), (1, 21), (1, 30), (2, 3), (2, 7), (2, 8), (2, 9), (2, 13), (2, 27), (2, 28), (2, 32),
        (3, 7), (3, 12), (3, 13), (4, 6), (4, 10), (5, 6), (5, 10), (5, 16), (6, 16), (8, 30), (8, 32), (8, 33), (9, 33), (13, 33), (14, 32),
        (14, 33), (15, 32), (15, 33), (18, 32), (18, 33), (19, 33), (20, 32), (20, 33), (22, 32), (22, 33), (23, 25), (23, 27), (23, 29),
        (23, 32), (23, 33), (24, 25), (24, 27), (24, 31), (25, 31), (26, 29), (26, 33), (27, 33), (28, 31), (28, 33), (29, 32), (29, 33),
        (30, 32), (30, 33), (31, 32), (31, 33), (32, 33));
}
