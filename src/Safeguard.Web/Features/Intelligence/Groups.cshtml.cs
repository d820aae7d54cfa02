using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Safeguard.Core;
using Safeguard.Core.Network;
using Safeguard.Web.Auth;
using Safeguard.Web.Data;
using Safeguard.Web.Data.Model;

namespace Safeguard.Web.Features.Intelligence;

/// <summary>
/// Suspected organised networks: Core's group detection run on the graph as recorded now (two or more suspects
/// linked, through shared vehicles, phones, places or children, to one or more children; busy places do not glue).
/// </summary>
[Authorize(Policy = Policies.IntelligenceUnit)]
public sealed class GroupsModel(SafeguardDbContext db) : PageModel
{
    public List<GroupRow> Groups { get; private set; } = [];

    public sealed record GroupRow(int Number, string Key, IReadOnlyList<string> Suspects, IReadOnlyList<string> Victims);

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        var network = await PoleGraph.WholeAsync(db, cancellationToken);
        var graph = network.Network.Build();
        var found = GroupDetection.Find(graph);
        Groups = [.. found.Select(g => new GroupRow(g.Number, graph.Id(g.Suspects[0]),
            // By name: the nodes' order follows their ids, which says nothing to a reader and differs between stores.
            [.. g.Suspects.Select(graph.Label).Order(StringComparer.Ordinal)], [.. g.Victims.Select(graph.Label).Order(StringComparer.Ordinal)]))];
        // The list names children: each is logged as seen, as on a group's own page.
        var children = found.SelectMany(g => g.Victims).Select(network.Node).Where(n => n.IsChild).Select(n => n.Id).Distinct();
        foreach (var child in children)
        {
            db.RecordAccess(Person.PersonStream(new Id<Person>(child)), AccessActions.ViewNetwork, "IntelligenceUnit");
        }
        await db.SaveChangesAsync(cancellationToken);
    }
}
