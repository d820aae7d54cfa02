using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.Mvc.Rendering;
using Microsoft.EntityFrameworkCore;
using Safeguard.Core;
using Safeguard.Core.Network;
using Safeguard.Web.Auth;
using Safeguard.Web.Data;
using Safeguard.Web.Data.Model;
using Safeguard.Web.Notifications;

namespace Safeguard.Web.Features.Intelligence;

/// <summary>
/// A person's (or any POLE record's) network two links out, as a link chart and as the same content in tables,
/// with a timeline; filtered on the server by date, kind of link and confidence. For a person, the analyst also
/// sets their role in the intelligence picture here.
/// </summary>
[Authorize(Policy = Policies.IntelligenceUnit)]
public sealed class NetworkModel(SafeguardDbContext db, IntelligenceSettings settings, Notifier notifier) : PageModel
{
    /// <summary>A chart beyond this many records is unreadable; the tables say what was left out.</summary>
    public const int MaxNodes = 300;

    [BindProperty(SupportsGet = true)]
    public NetworkFilterInput Filter { get; set; } = new();

    [BindProperty]
    public string? Role { get; set; }

    public PoleNode Centre { get; private set; } = null!;
    public NetworkSection Section { get; private set; } = null!;
    public int LeftOut { get; private set; }
    public static IReadOnlyList<SelectListItem> RoleOptions { get; } =
        [.. new[] { PersonRole.Suspect, PersonRole.Victim, PersonRole.Associate, PersonRole.Unknown }.Select(r => new SelectListItem(r.ToString(), r.ToString()))];

    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken cancellationToken)
    {
        var network = await PoleGraph.TwoHopsAsync(db, id, settings.ExpandLimit, cancellationToken);
        if (network is null || !network.Nodes.TryGetValue(id, out var centre))
        {
            return NotFound();
        }
        Centre = centre;
        Role = centre.Role.ToString();
        var filter = Filter.ToFilter(ModelState, nameof(Filter));
        NetworkView? view = null;
        if (filter is not null)
        {
            var graph = network.Network.Build(filter);
            graph.TryGetNode(id.ToString(), out var index);
            var around = graph.Neighbourhood(index, hops: 2, maxNodes: MaxNodes);
            LeftOut = network.Nodes.Count - around.Nodes.Count;
            view = NetworkView.From(network, graph, around.Nodes, around.Hops, around.Links, index, $"the network of {centre.Label}, two links out");
        }
        Section = new NetworkSection(view, Filter);
        // Children on the chart are part of what was read about them: it goes in their access log.
        foreach (var child in network.Nodes.Values.Where(n => n.IsChild && (view?.Nodes.Any(r => r.Id == n.Id.ToString()) ?? n.Id == id)))
        {
            db.RecordAccess(Person.PersonStream(new Id<Person>(child.Id)), AccessActions.ViewNetwork, "IntelligenceUnit");
        }
        await db.SaveChangesAsync(cancellationToken);
        return Page();
    }

    /// <summary>The analyst's own assessment of a person's role across all the intelligence, raising or lowering it.</summary>
    public async Task<IActionResult> OnPostRoleAsync(Guid id, CancellationToken cancellationToken)
    {
        var person = await db.People.AsNoTracking().SingleOrDefaultAsync(p => p.Id == new Id<Person>(id), cancellationToken);
        if (person is null)
        {
            return NotFound();
        }
        if (!Vocabulary.TryParse(Role ?? "", out PersonRole role))
        {
            ModelState.AddModelError(nameof(Role), "Choose the person's role: suspect, victim, associate or unknown");
            return await OnGetAsync(id, cancellationToken);
        }
        var user = UserContext.From(User);
        var subject = await PoleRecords.RoleAsync(db, person.Id, role, user, cancellationToken);
        if (subject.Role != role)
        {
            subject.Role = role;
            subject.RoleSetAt = db.Now;
            subject.RoleSetByUserId = user.UserId;
            if (role == PersonRole.Suspect && subject.IdentifiedAt is null)
            {
                subject.IdentifiedAt = db.Now;
                subject.DisruptionOwnerUserId ??= user.UserId;
            }
        }
        await PoleRecords.NotifyLicensingAsync(db, notifier, [person.Id], cancellationToken);
        await db.SaveChangesAsync(cancellationToken);
        TempData["Saved"] = $"{person.FullName} is recorded as {role.ToString().ToLowerInvariant()} in the intelligence picture.";
        return Redirect($"/intelligence/network/{id}");
    }
}
