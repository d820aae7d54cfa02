using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Safeguard.Core.Network;
using Safeguard.Web.Auth;
using Safeguard.Web.Data;

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
        Groups = [.. GroupDetection.Find(graph).Select(g => new GroupRow(g.Number, graph.Id(g.Suspects[0]),
            // By name: the nodes' order follows their ids, which says nothing to a reader and differs between stores.
            [.. g.Suspects.Select(graph.Label).Order(StringComparer.Ordinal)], [.. g.Victims.Select(graph.Label).Order(StringComparer.Ordinal)]))];
    }
}
