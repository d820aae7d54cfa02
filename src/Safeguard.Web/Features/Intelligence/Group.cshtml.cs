using System.Globalization;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Safeguard.Core;
using Safeguard.Core.Network;
using Safeguard.Web.Auth;
using Safeguard.Web.Data;
using Safeguard.Web.Data.Model;

namespace Safeguard.Web.Features.Intelligence;

/// <summary>
/// One suspected group as a link chart and as tables: its members, the things and places that join them, and
/// why each pair is grouped (the evidence <see cref="GroupDetection.Ties"/> adds up), with the same filters as a
/// person's chart. The group is found again on every read, on the links the filters keep.
/// </summary>
[Authorize(Policy = Policies.IntelligenceUnit)]
public sealed class GroupModel(SafeguardDbContext db) : PageModel
{
    [BindProperty(SupportsGet = true)]
    public NetworkFilterInput Filter { get; set; } = new();

    public string Member { get; private set; } = "";
    public int? Number { get; private set; }
    public NetworkSection Section { get; private set; } = null!;
    public List<TieRow> Ties { get; private set; } = [];

    public sealed record TieRow(string A, PersonRole RoleA, string B, PersonRole RoleB, double Evidence, IReadOnlyList<string> Through);

    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken cancellationToken)
    {
        var network = await PoleGraph.WholeAsync(db, cancellationToken);
        if (!network.Nodes.TryGetValue(id, out var member))
        {
            return NotFound();
        }
        Member = member.Label;
        var filter = Filter.ToFilter(ModelState, nameof(Filter));
        NetworkView? view = null;
        if (filter is not null)
        {
            var graph = network.Network.Build(filter);
            graph.TryGetNode(id.ToString(), out var index);
            var options = new GroupOptions();
            var group = GroupDetection.Find(graph, options).FirstOrDefault(g => g.Suspects.Contains(index) || g.Victims.Contains(index));
            if (group is not null)
            {
                Number = group.Number;
                var members = group.Suspects.Concat(group.Victims).ToHashSet();
                var ties = GroupDetection.Ties(graph, options).Where(t => members.Contains(t.Key.Item1) && members.Contains(t.Key.Item2) && t.Value > 0).ToList();
                var busy = GroupDetection.BusyNodes(graph, options);
                var shown = new HashSet<int>(members);
                // Strongest first; each pair and equal ties by name, so the table reads the same whatever the records' ids.
                foreach (var ((x, y), evidence) in ties.Select(t => (Pair: string.CompareOrdinal(graph.Label(t.Key.Item1), graph.Label(t.Key.Item2)) <= 0 ? t.Key : (t.Key.Item2, t.Key.Item1), t.Value))
                    .OrderByDescending(t => t.Value).ThenBy(t => graph.Label(t.Pair.Item1), StringComparer.Ordinal).ThenBy(t => graph.Label(t.Pair.Item2), StringComparer.Ordinal))
                {
                    var through = Through(graph, x, y, busy, shown);
                    Ties.Add(new TieRow(graph.Label(x), graph.Role(x), graph.Label(y), graph.Role(y), evidence, through));
                }
                var nodes = shown.Order().ToList();
                var links = Enumerable.Range(0, graph.LinkCount).Where(l => shown.Contains(graph.GetLink(l).From) && shown.Contains(graph.GetLink(l).To)).ToList();
                view = NetworkView.From(network, graph, nodes, null, links, index, $"suspected group {group.Number}");
                foreach (var child in nodes.Select(network.Node).Where(n => n.IsChild))
                {
                    db.RecordAccess(Person.PersonStream(new Id<Person>(child.Id)), AccessActions.ViewNetwork, "IntelligenceUnit");
                }
            }
        }
        Section = new NetworkSection(view, Filter);
        await db.SaveChangesAsync(cancellationToken);
        return Page();
    }

    /// <summary>What joins two members, in words, adding the nodes that do to <paramref name="shown"/>: direct links, shared records, linked things.</summary>
    private static List<string> Through(NetworkGraph graph, int a, int b, bool[] busy, HashSet<int> shown)
    {
        var through = new List<string>();
        foreach (var link in graph.IncidentLinks(a))
        {
            var l = graph.GetLink(link);
            if (l.Other(a) == b)
            {
                through.Add($"{PoleText.Describe(l.Kind)} ({l.Confidence.ToString().ToLowerInvariant()}{(l.Date is { } d ? ", " + PoleText.Day(d) : "")})");
            }
        }
        var nearA = graph.Neighbours(a).ToArray().Where(n => !busy[n]).ToHashSet();
        var nearB = graph.Neighbours(b).ToArray().Where(n => !busy[n]).ToHashSet();
        foreach (var shared in nearA.Intersect(nearB).Order())
        {
            shown.Add(shared);
            through.Add($"both linked to {graph.Label(shared)}");
        }
        foreach (var c in nearA.Where(n => graph.Kind(n) != NodeKind.Person).Order())
        {
            foreach (var d in graph.Neighbours(c))
            {
                if (d != c && nearB.Contains(d) && !nearA.Contains(d) && graph.Kind(d) != NodeKind.Person)
                {
                    shown.Add(c);
                    shown.Add(d);
                    through.Add($"{graph.Label(c)} linked to {graph.Label(d)}");
                }
            }
        }
        return through;
    }

    public static string Evidence(double value) => value.ToString("0.00", CultureInfo.InvariantCulture);
}
