using System.Data.Common;
using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage;
using Npgsql;
using NpgsqlTypes;
using Safeguard.Core;
using Safeguard.Core.Intelligence;
using Safeguard.Core.Network;
using Safeguard.Web.Data;
using Safeguard.Web.Data.Model;

namespace Safeguard.Web.Features.Intelligence;

/// <summary>What a chart or table needs to say about a node beyond Core's id, kind, label and role.</summary>
public sealed record PoleNode(Guid Id, NodeKind Kind, string Label, PersonRole Role, bool IsChild, string? Detail);

/// <summary>
/// POLE records and links read from the database into Core's <see cref="NetworkBuilder"/> (node ids are the
/// records' GUIDs), for the charts, the tables and group detection. <see cref="NotExpanded"/> holds the nodes
/// with more than <see cref="ExpandLimit"/> links (busy places) whose own links were not read: they are drawn,
/// and the page says their neighbours are left out.
/// </summary>
public sealed record PoleNetwork(NetworkBuilder Network, IReadOnlyDictionary<Guid, PoleNode> Nodes, IReadOnlySet<Guid> NotExpanded, int ExpandLimit)
{
    public PoleNode Node(int index) => Nodes[Guid.Parse(Network.Id(index), CultureInfo.InvariantCulture)];
}

/// <summary>
/// Reads the intelligence graph. <see cref="TwoHopsAsync"/> is the query behind a person's chart and the one the
/// scale benchmark times: the links at the centre, the links of each neighbour that is not a busy hub, and the
/// records at their ends. On PostgreSQL that is two statements whatever the size of the store; the portable
/// version (SQLite, the embedded single-user default) reads the same in a few more.
/// </summary>
public static class PoleGraph
{
    private sealed record LinkRow(Guid Id, Guid FromId, NodeKind FromKind, Guid ToId, NodeKind ToKind, LinkKind Kind, DateOnly? Date, LinkConfidence Confidence);

    /// <summary>One record's stored facts, whatever its table; <see cref="ToNode"/> labels it the same way on every path.</summary>
    private sealed record NodeRow(Guid Id, NodeKind Kind, string Name, PersonRole? Role, PersonKind? PersonKind, DateOnly? Born, VehicleLicence? Licence,
        string? LicenceNumber, PlaceKind? PlaceKind, PoleEventKind? EventKind, DateTimeOffset? At, string? Summary);

    /// <summary>
    /// Everything within two links of <paramref name="centre"/>, except the neighbours of a first-hop node with
    /// more than <paramref name="expandLimit"/> links (the centre itself is always expanded). Links between two
    /// second-hop nodes are not read. Null if the centre is not a POLE record.
    /// </summary>
    public static async Task<PoleNetwork?> TwoHopsAsync(SafeguardDbContext db, Guid centre, int expandLimit, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(db);
        var (links, notExpanded) = db is PostgresSafeguardDbContext
            ? await PostgresLinksAsync(db, centre, expandLimit, cancellationToken)
            : await PortableLinksAsync(db, centre, expandLimit, cancellationToken);
        var kinds = new Dictionary<Guid, NodeKind>();
        foreach (var link in links)
        {
            kinds.TryAdd(link.FromId, link.FromKind);
            kinds.TryAdd(link.ToId, link.ToKind);
        }
        if (!kinds.ContainsKey(centre))
        {
            if (await KindOfAsync(db, centre, cancellationToken) is not { } kind)
            {
                return null;
            }
            kinds[centre] = kind;
        }
        return await BuildAsync(db, kinds, links, notExpanded, expandLimit, cancellationToken);
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
        return await BuildAsync(db, kinds, links, new HashSet<Guid>(), int.MaxValue, cancellationToken);
    }

    /// <summary>The kind of POLE record an id names (a person is one from the start), or null.</summary>
    public static async Task<NodeKind?> KindOfAsync(SafeguardDbContext db, Guid id, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(db);
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

    /// <summary>The records behind ids of known kinds, labelled for a page; ids with no record are left out.</summary>
    public static async Task<Dictionary<Guid, PoleNode>> NodesAsync(SafeguardDbContext db, IReadOnlyDictionary<Guid, NodeKind> kinds, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(kinds);
        var rows = db is PostgresSafeguardDbContext
            ? await PostgresNodesAsync(db, kinds, cancellationToken)
            : await PortableNodesAsync(db, kinds, cancellationToken);
        return rows.ToDictionary(r => r.Id, ToNode);
    }

    private static PoleNode ToNode(NodeRow r) => r.Kind switch
    {
        NodeKind.Person => new PoleNode(r.Id, r.Kind, r.Name, r.Role ?? PersonRole.Unknown, r.PersonKind == PersonKind.Child,
            r.Born is { } born ? $"born {PoleText.Day(born)}" : null),
        NodeKind.Location => new PoleNode(r.Id, r.Kind, r.Name, PersonRole.None, false, r.PlaceKind is { } place ? PoleText.Describe(place) : null),
        NodeKind.Event => new PoleNode(r.Id, r.Kind, $"{PoleText.Describe(r.EventKind ?? PoleEventKind.Incident)}, {(r.At is { } at ? PoleText.Day(at) : "date not known")}",
            PersonRole.None, false, r.Summary),
        _ => new PoleNode(r.Id, r.Kind, r.Name, PersonRole.None, false,
            r.Licence is null or VehicleLicence.None ? null : $"{TaxiLicensing.Describe(r.Licence.Value)} {r.LicenceNumber}".Trim()),
    };

    // PostgreSQL: the centre's links and, through a lateral join, at most (limit + 1) links at each end of each
    // first-hop node, in one statement. A node that returns more than the limit is a busy place: its rows are
    // dropped and it is marked not expanded. Each lookup is an index range scan on FromId or ToId.
    private const string PostgresLinksSql = """
        WITH centre AS (
            SELECT "Id", "FromId", "FromKind", "ToId", "ToKind", "Kind", "Date", "Confidence" FROM "PoleLinks"
            WHERE "SupersededAt" IS NULL AND ("FromId" = @centre OR "ToId" = @centre)),
        first_hop AS (
            SELECT DISTINCT CASE WHEN "FromId" = @centre THEN "ToId" ELSE "FromId" END AS "Node" FROM centre)
        SELECT NULL::uuid AS "Via", c.* FROM centre c
        UNION ALL
        SELECT h."Node", l.* FROM first_hop h CROSS JOIN LATERAL (
            (SELECT "Id", "FromId", "FromKind", "ToId", "ToKind", "Kind", "Date", "Confidence" FROM "PoleLinks"
             WHERE "FromId" = h."Node" AND "SupersededAt" IS NULL LIMIT @over)
            UNION ALL
            (SELECT "Id", "FromId", "FromKind", "ToId", "ToKind", "Kind", "Date", "Confidence" FROM "PoleLinks"
             WHERE "ToId" = h."Node" AND "SupersededAt" IS NULL LIMIT @over)) l
        """;

    private static async Task<(List<LinkRow> Links, HashSet<Guid> NotExpanded)> PostgresLinksAsync(SafeguardDbContext db, Guid centre, int expandLimit,
        CancellationToken cancellationToken)
    {
        var rows = new List<(Guid? Via, LinkRow Link)>();
        await using (var command = await CommandAsync(db, PostgresLinksSql, cancellationToken))
        {
            command.Parameters.Add(new NpgsqlParameter<Guid>("centre", NpgsqlDbType.Uuid) { TypedValue = centre });
            command.Parameters.Add(new NpgsqlParameter<int>("over", NpgsqlDbType.Integer) { TypedValue = expandLimit + 1 });
            await using var reader = await command.ExecuteReaderAsync(cancellationToken);
            while (await reader.ReadAsync(cancellationToken))
            {
                rows.Add((reader.IsDBNull(0) ? null : reader.GetGuid(0), new LinkRow(reader.GetGuid(1), reader.GetGuid(2), Enum.Parse<NodeKind>(reader.GetString(3)),
                    reader.GetGuid(4), Enum.Parse<NodeKind>(reader.GetString(5)), Enum.Parse<LinkKind>(reader.GetString(6)),
                    reader.IsDBNull(7) ? null : reader.GetFieldValue<DateOnly>(7), Enum.Parse<LinkConfidence>(reader.GetString(8)))));
            }
        }
        var notExpanded = rows.Where(r => r.Via is not null).GroupBy(r => r.Via!.Value).Where(g => g.Count() > expandLimit).Select(g => g.Key).ToHashSet();
        var links = rows.Where(r => r.Via is null || !notExpanded.Contains(r.Via.Value)).Select(r => r.Link).DistinctBy(l => l.Id).ToList();
        return (links, notExpanded);
    }

    private static async Task<(List<LinkRow> Links, HashSet<Guid> NotExpanded)> PortableLinksAsync(SafeguardDbContext db, Guid centre, int expandLimit,
        CancellationToken cancellationToken)
    {
        var first = await LinksTouchingAsync(db, [centre], cancellationToken);
        var firstHop = first.Select(l => l.FromId == centre ? l.ToId : l.FromId).Distinct().ToList();
        var degrees = new Dictionary<Guid, int>();
        if (firstHop.Count > 0)
        {
            var from = await db.PoleLinks.Where(l => l.SupersededAt == null && firstHop.Contains(l.FromId))
                .GroupBy(l => l.FromId).Select(g => new { g.Key, Count = g.Count() }).ToListAsync(cancellationToken);
            var to = await db.PoleLinks.Where(l => l.SupersededAt == null && firstHop.Contains(l.ToId))
                .GroupBy(l => l.ToId).Select(g => new { g.Key, Count = g.Count() }).ToListAsync(cancellationToken);
            foreach (var row in from.Concat(to))
            {
                degrees[row.Key] = degrees.GetValueOrDefault(row.Key) + row.Count;
            }
        }
        var notExpanded = firstHop.Where(n => degrees.GetValueOrDefault(n) > expandLimit).ToHashSet();
        var expand = firstHop.Where(n => !notExpanded.Contains(n)).ToList();
        var second = expand.Count == 0 ? [] : await LinksTouchingAsync(db, expand, cancellationToken);
        return ([.. first.Concat(second).DistinctBy(l => l.Id)], notExpanded);
    }

    private static Task<List<LinkRow>> LinksTouchingAsync(SafeguardDbContext db, List<Guid> ids, CancellationToken cancellationToken) =>
        db.PoleLinks.AsNoTracking()
            .Where(l => l.SupersededAt == null && (ids.Contains(l.FromId) || ids.Contains(l.ToId)))
            .Select(l => new LinkRow(l.Id.Value, l.FromId, l.FromKind, l.ToId, l.ToKind, l.Kind, l.Date, l.Confidence))
            .ToListAsync(cancellationToken);

    private static async Task<PoleNetwork> BuildAsync(SafeguardDbContext db, Dictionary<Guid, NodeKind> kinds, List<LinkRow> links,
        IReadOnlySet<Guid> notExpanded, int expandLimit, CancellationToken cancellationToken)
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
        return new PoleNetwork(network, nodes, notExpanded, expandLimit);
    }

    // PostgreSQL: every kind of record in one statement, one branch per table.
    private const string PostgresNodesSql = """
        SELECT p."Id", 'Person', p."GivenName" || ' ' || p."FamilyName", s."Role", p."Kind", p."DateOfBirth", NULL, NULL, NULL, NULL, NULL::timestamptz, NULL
        FROM "People" p LEFT JOIN "IntelligenceSubjects" s ON s."PersonId" = p."Id" WHERE p."Id" = ANY(@people)
        UNION ALL
        SELECT o."Id", o."Kind", o."Label", NULL, NULL, NULL, o."Licence", o."LicenceNumber", NULL, NULL, NULL, NULL
        FROM "PoleObjects" o WHERE o."Id" = ANY(@objects)
        UNION ALL
        SELECT l."Id", 'Location', CASE WHEN l."Postcode" IS NULL THEN l."Name" ELSE l."Name" || ', ' || l."Postcode" END, NULL, NULL, NULL, NULL, NULL, l."Kind", NULL, NULL, NULL
        FROM "PoleLocations" l WHERE l."Id" = ANY(@locations)
        UNION ALL
        SELECT e."Id", 'Event', '', NULL, NULL, NULL, NULL, NULL, NULL, e."Kind", e."OccurredAt", e."Summary"
        FROM "PoleEvents" e WHERE e."Id" = ANY(@events)
        """;

    private static async Task<List<NodeRow>> PostgresNodesAsync(SafeguardDbContext db, IReadOnlyDictionary<Guid, NodeKind> kinds, CancellationToken cancellationToken)
    {
        Guid[] Of(params NodeKind[] wanted) => [.. kinds.Where(k => wanted.Contains(k.Value)).Select(k => k.Key)];
        var rows = new List<NodeRow>(kinds.Count);
        await using var command = await CommandAsync(db, PostgresNodesSql, cancellationToken);
        command.Parameters.Add(new NpgsqlParameter<Guid[]>("people", NpgsqlDbType.Array | NpgsqlDbType.Uuid) { TypedValue = Of(NodeKind.Person) });
        command.Parameters.Add(new NpgsqlParameter<Guid[]>("objects", NpgsqlDbType.Array | NpgsqlDbType.Uuid) { TypedValue = Of(NodeKind.Vehicle, NodeKind.Phone, NodeKind.Account, NodeKind.Document) });
        command.Parameters.Add(new NpgsqlParameter<Guid[]>("locations", NpgsqlDbType.Array | NpgsqlDbType.Uuid) { TypedValue = Of(NodeKind.Location) });
        command.Parameters.Add(new NpgsqlParameter<Guid[]>("events", NpgsqlDbType.Array | NpgsqlDbType.Uuid) { TypedValue = Of(NodeKind.Event) });
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        T? E<T>(DbDataReader r, int i) where T : struct, Enum => r.IsDBNull(i) ? null : Enum.Parse<T>(r.GetString(i));
        while (await reader.ReadAsync(cancellationToken))
        {
            rows.Add(new NodeRow(reader.GetGuid(0), Enum.Parse<NodeKind>(reader.GetString(1)), reader.GetString(2), E<PersonRole>(reader, 3), E<PersonKind>(reader, 4),
                reader.IsDBNull(5) ? null : reader.GetFieldValue<DateOnly>(5), E<VehicleLicence>(reader, 6), reader.IsDBNull(7) ? null : reader.GetString(7),
                E<PlaceKind>(reader, 8), E<PoleEventKind>(reader, 9), reader.IsDBNull(10) ? null : reader.GetFieldValue<DateTimeOffset>(10),
                reader.IsDBNull(11) ? null : reader.GetString(11)));
        }
        return rows;
    }

    private static async Task<List<NodeRow>> PortableNodesAsync(SafeguardDbContext db, IReadOnlyDictionary<Guid, NodeKind> kinds, CancellationToken cancellationToken)
    {
        List<Id<T>> Ids<T>(params NodeKind[] wanted) => [.. kinds.Where(k => wanted.Contains(k.Value)).Select(k => new Id<T>(k.Key))];
        var rows = new List<NodeRow>();
        var personIds = Ids<Person>(NodeKind.Person);
        if (personIds.Count > 0)
        {
            var roles = await db.IntelligenceSubjects.AsNoTracking().Where(s => personIds.Contains(s.PersonId))
                .ToDictionaryAsync(s => s.PersonId, s => s.Role, cancellationToken);
            rows.AddRange((await db.People.AsNoTracking().Where(p => personIds.Contains(p.Id))
                    .Select(p => new { p.Id, p.GivenName, p.FamilyName, p.Kind, p.DateOfBirth }).ToListAsync(cancellationToken))
                .Select(p => new NodeRow(p.Id.Value, NodeKind.Person, $"{p.GivenName} {p.FamilyName}", roles.TryGetValue(p.Id, out var role) ? role : null,
                    p.Kind, p.DateOfBirth, null, null, null, null, null, null)));
        }
        var objectIds = Ids<PoleObject>(NodeKind.Vehicle, NodeKind.Phone, NodeKind.Account, NodeKind.Document);
        if (objectIds.Count > 0)
        {
            rows.AddRange((await db.PoleObjects.AsNoTracking().Where(o => objectIds.Contains(o.Id))
                    .Select(o => new { o.Id, o.Kind, o.Label, o.Licence, o.LicenceNumber }).ToListAsync(cancellationToken))
                .Select(o => new NodeRow(o.Id.Value, o.Kind, o.Label, null, null, null, o.Licence, o.LicenceNumber, null, null, null, null)));
        }
        var locationIds = Ids<PoleLocation>(NodeKind.Location);
        if (locationIds.Count > 0)
        {
            rows.AddRange((await db.PoleLocations.AsNoTracking().Where(l => locationIds.Contains(l.Id))
                    .Select(l => new { l.Id, l.Name, l.Kind, l.Postcode }).ToListAsync(cancellationToken))
                .Select(l => new NodeRow(l.Id.Value, NodeKind.Location, l.Postcode is null ? l.Name : $"{l.Name}, {l.Postcode}", null, null, null, null, null, l.Kind, null, null, null)));
        }
        var eventIds = Ids<PoleEvent>(NodeKind.Event);
        if (eventIds.Count > 0)
        {
            rows.AddRange((await db.PoleEvents.AsNoTracking().Where(e => eventIds.Contains(e.Id))
                    .Select(e => new { e.Id, e.Kind, e.OccurredAt, e.Summary }).ToListAsync(cancellationToken))
                .Select(e => new NodeRow(e.Id.Value, NodeKind.Event, "", null, null, null, null, null, null, e.Kind, e.OccurredAt, e.Summary)));
        }
        return rows;
    }

    /// <summary>A command on the context's own connection (opened if need be, and closed with the context), in its transaction if any.</summary>
    private static async Task<NpgsqlCommand> CommandAsync(SafeguardDbContext db, string sql, CancellationToken cancellationToken)
    {
        await db.Database.OpenConnectionAsync(cancellationToken);
        var connection = (NpgsqlConnection)db.Database.GetDbConnection();
        return new NpgsqlCommand(sql, connection, db.Database.CurrentTransaction?.GetDbTransaction() as NpgsqlTransaction);
    }
}
