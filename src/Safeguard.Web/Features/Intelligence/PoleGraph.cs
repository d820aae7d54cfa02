using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Safeguard.Core;
using Safeguard.Core.Network;
using Safeguard.Web.Data;
using Safeguard.Web.Data.Model;

namespace Safeguard.Web.Features.Intelligence;

/// <summary>What a chart or table needs to say about a node beyond Core's id, kind, label and role.</summary>
public sealed record PoleNode(Guid Id, NodeKind Kind, string Label, PersonRole Role, bool IsChild, string? Detail);

/// <summary>
/// POLE records and links read from the database into Core's <see cref="NetworkBuilder"/> (node ids are the
/// records' GUIDs), for the charts, the tables and group detection. <see cref="NotExpanded"/> holds the nodes
/// whose own links were not read because they have more than the expand limit (a busy place): they are drawn,
/// and the page says their neighbours are left out.
/// </summary>
public sealed record PoleNetwork(NetworkBuilder Network, IReadOnlyDictionary<Guid, PoleNode> Nodes, IReadOnlyDictionary<Guid, int> NotExpanded)
{
    public PoleNode Node(int index) => Nodes[Guid.Parse(Network.Id(index), CultureInfo.InvariantCulture)];
}

/// <summary>
/// Reads the intelligence graph. <see cref="TwoHopsAsync"/> is the query behind a person's chart and the one the
/// scale benchmark times: the links at the centre, then the links of each neighbour that is not a busy hub, then
/// the records at their ends; a handful of indexed queries whatever the size of the store.
/// </summary>
public static class PoleGraph
{
    private sealed record LinkRow(Guid Id, Guid FromId, NodeKind FromKind, Guid ToId, NodeKind ToKind, LinkKind Kind, DateOnly? Date, LinkConfidence Confidence);

    /// <summary>
    /// Everything within two links of <paramref name="centre"/>, except the neighbours of a first-hop node with
    /// more than <paramref name="expandLimit"/> links (the centre itself is always expanded). Links between two
    /// second-hop nodes are not read. Null if the centre is not a POLE record.
    /// </summary>
    public static async Task<PoleNetwork?> TwoHopsAsync(SafeguardDbContext db, Guid centre, int expandLimit, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(db);
        var centreKind = await KindOfAsync(db, centre, cancellationToken);
        if (centreKind is null)
        {
            return null;
        }
        var first = await LinksTouchingAsync(db, [centre], cancellationToken);
        var firstHop = first.Select(l => l.FromId == centre ? l.ToId : l.FromId).Distinct().ToList();
        var degrees = await DegreesAsync(db, firstHop, cancellationToken);
        var expand = firstHop.Where(n => degrees.GetValueOrDefault(n) <= expandLimit).ToList();
        var notExpanded = firstHop.Where(n => degrees.GetValueOrDefault(n) > expandLimit).ToDictionary(n => n, n => degrees[n]);
        var second = expand.Count == 0 ? [] : await LinksTouchingAsync(db, expand, cancellationToken);
        var links = first.Concat(second).DistinctBy(l => l.Id).ToList();
        var kinds = new Dictionary<Guid, NodeKind> { [centre] = centreKind.Value };
        foreach (var link in links)
        {
            kinds.TryAdd(link.FromId, link.FromKind);
            kinds.TryAdd(link.ToId, link.ToKind);
        }
        return await BuildAsync(db, kinds, links, notExpanded, cancellationToken);
    }

    /// <summary>Every current link and the records at their ends: what group detection runs on.</summary>
    public static async Task<PoleNetwork> WholeAsync(SafeguardDbContext db, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(db);
        var links = await db.PoleLinks.AsNoTracking().Where(l => l.SupersededAt == null)
            .OrderBy(l => l.Id)
            .Select(l => new LinkRow(l.Id.Value, l.FromId, l.FromKind, l.ToId, l.ToKind, l.Kind, l.Date, l.Confidence))
            .ToListAsync(cancellationToken);
        var kinds = new Dictionary<Guid, NodeKind>();
        foreach (var link in links)
        {
            kinds.TryAdd(link.FromId, link.FromKind);
            kinds.TryAdd(link.ToId, link.ToKind);
        }
        return await BuildAsync(db, kinds, links, new Dictionary<Guid, int>(), cancellationToken);
    }

    /// <summary>The kind of POLE record an id names (persons are POLE records once any link touches them), or null.</summary>
    public static async Task<NodeKind?> KindOfAsync(SafeguardDbContext db, Guid id, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(db);
        var link = await db.PoleLinks.AsNoTracking().Where(l => l.FromId == id || l.ToId == id)
            .Select(l => new { l.FromId, l.FromKind, l.ToKind }).FirstOrDefaultAsync(cancellationToken);
        if (link is not null)
        {
            return link.FromId == id ? link.FromKind : link.ToKind;
        }
        if (await db.People.AnyAsync(p => p.Id == new Id<Person>(id), cancellationToken))
        {
            return NodeKind.Person;
        }
        if (await db.PoleObjects.Where(o => o.Id == new Id<PoleObject>(id)).Select(o => (NodeKind?)o.Kind).FirstOrDefaultAsync(cancellationToken) is { } kind)
        {
            return kind;
        }
        if (await db.PoleLocations.AnyAsync(l => l.Id == new Id<PoleLocation>(id), cancellationToken))
        {
            return NodeKind.Location;
        }
        return await db.PoleEvents.AnyAsync(e => e.Id == new Id<PoleEvent>(id), cancellationToken) ? NodeKind.Event : null;
    }

    private static Task<List<LinkRow>> LinksTouchingAsync(SafeguardDbContext db, List<Guid> ids, CancellationToken cancellationToken) =>
        db.PoleLinks.AsNoTracking()
            .Where(l => l.SupersededAt == null && (ids.Contains(l.FromId) || ids.Contains(l.ToId)))
            .Select(l => new LinkRow(l.Id.Value, l.FromId, l.FromKind, l.ToId, l.ToKind, l.Kind, l.Date, l.Confidence))
            .ToListAsync(cancellationToken);

    private static async Task<Dictionary<Guid, int>> DegreesAsync(SafeguardDbContext db, List<Guid> ids, CancellationToken cancellationToken)
    {
        var degrees = new Dictionary<Guid, int>();
        if (ids.Count == 0)
        {
            return degrees;
        }
        var from = await db.PoleLinks.Where(l => l.SupersededAt == null && ids.Contains(l.FromId))
            .GroupBy(l => l.FromId).Select(g => new { g.Key, Count = g.Count() }).ToListAsync(cancellationToken);
        var to = await db.PoleLinks.Where(l => l.SupersededAt == null && ids.Contains(l.ToId))
            .GroupBy(l => l.ToId).Select(g => new { g.Key, Count = g.Count() }).ToListAsync(cancellationToken);
        foreach (var row in from.Concat(to))
        {
            degrees[row.Key] = degrees.GetValueOrDefault(row.Key) + row.Count;
        }
        return degrees;
    }

    private static async Task<PoleNetwork> BuildAsync(SafeguardDbContext db, Dictionary<Guid, NodeKind> kinds, List<LinkRow> links,
        IReadOnlyDictionary<Guid, int> notExpanded, CancellationToken cancellationToken)
    {
        var nodes = await NodesAsync(db, kinds, cancellationToken);
        var network = new NetworkBuilder();
        // Nodes in a fixed order (by id), so the same data always gives the same graph and the same group numbers.
        foreach (var node in nodes.Values.OrderBy(n => n.Id))
        {
            network.AddNode(node.Id.ToString(), node.Kind, node.Label, node.Kind == NodeKind.Person ? node.Role : PersonRole.None);
        }
        foreach (var link in links)
        {
            // A repeated link (same ends, kind and date) is one link; an end whose record is gone is skipped.
            network.AddLink(link.FromId.ToString(), link.ToId.ToString(), link.Kind, link.Date, link.Confidence);
        }
        return new PoleNetwork(network, nodes, notExpanded);
    }

    /// <summary>The records behind ids of known kinds, labelled for a page; ids with no record are left out.</summary>
    public static async Task<Dictionary<Guid, PoleNode>> NodesAsync(SafeguardDbContext db, IReadOnlyDictionary<Guid, NodeKind> kinds, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(kinds);
        List<Id<T>> Ids<T>(params NodeKind[] wanted) => [.. kinds.Where(k => wanted.Contains(k.Value)).Select(k => new Id<T>(k.Key))];
        var nodes = new Dictionary<Guid, PoleNode>();

        var personIds = Ids<Person>(NodeKind.Person);
        if (personIds.Count > 0)
        {
            var roles = await db.IntelligenceSubjects.AsNoTracking().Where(s => personIds.Contains(s.PersonId))
                .ToDictionaryAsync(s => s.PersonId, s => s.Role, cancellationToken);
            var people = await db.People.AsNoTracking().Where(p => personIds.Contains(p.Id))
                .Select(p => new { p.Id, p.GivenName, p.FamilyName, p.Kind, p.DateOfBirth }).ToListAsync(cancellationToken);
            foreach (var p in people)
            {
                var child = p.Kind == PersonKind.Child;
                nodes[p.Id.Value] = new PoleNode(p.Id.Value, NodeKind.Person, $"{p.GivenName} {p.FamilyName}", roles.GetValueOrDefault(p.Id, PersonRole.Unknown),
                    child, p.DateOfBirth?.ToString("d MMM yyyy", CultureInfo.InvariantCulture) is { } born ? $"born {born}" : null);
            }
        }
        var objectIds = Ids<PoleObject>(NodeKind.Vehicle, NodeKind.Phone, NodeKind.Account, NodeKind.Document);
        if (objectIds.Count > 0)
        {
            foreach (var o in await db.PoleObjects.AsNoTracking().Where(o => objectIds.Contains(o.Id))
                .Select(o => new { o.Id, o.Kind, o.Label, o.Licence, o.LicenceNumber }).ToListAsync(cancellationToken))
            {
                var licence = o.Licence == Core.Intelligence.VehicleLicence.None ? null : $"{Core.Intelligence.TaxiLicensing.Describe(o.Licence)} {o.LicenceNumber}".Trim();
                nodes[o.Id.Value] = new PoleNode(o.Id.Value, o.Kind, o.Label, PersonRole.None, false, licence);
            }
        }
        var locationIds = Ids<PoleLocation>(NodeKind.Location);
        if (locationIds.Count > 0)
        {
            foreach (var l in await db.PoleLocations.AsNoTracking().Where(l => locationIds.Contains(l.Id))
                .Select(l => new { l.Id, l.Name, l.Kind, l.Postcode }).ToListAsync(cancellationToken))
            {
                nodes[l.Id.Value] = new PoleNode(l.Id.Value, NodeKind.Location, l.Postcode is null ? l.Name : $"{l.Name}, {l.Postcode}", PersonRole.None, false, PoleText.Describe(l.Kind));
            }
        }
        var eventIds = Ids<PoleEvent>(NodeKind.Event);
        if (eventIds.Count > 0)
        {
            foreach (var e in await db.PoleEvents.AsNoTracking().Where(e => eventIds.Contains(e.Id))
                .Select(e => new { e.Id, e.Kind, e.OccurredAt, e.Summary }).ToListAsync(cancellationToken))
            {
                var when = e.OccurredAt is { } at ? Shared.UkTime.ToLocal(at).ToString("d MMM yyyy", CultureInfo.InvariantCulture) : "date not known";
                nodes[e.Id.Value] = new PoleNode(e.Id.Value, NodeKind.Event, $"{PoleText.Describe(e.Kind)}, {when}", PersonRole.None, false, e.Summary);
            }
        }
        return nodes;
    }
}
