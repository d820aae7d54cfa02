using Safeguard.Core.Network;
using Safeguard.Web.Data;
using Safeguard.Web.Data.Model;
using Safeguard.Web.Features.Intelligence;
using Safeguard.Web.Tests.Infrastructure;

namespace Safeguard.Web.Tests.Intelligence;

/// <summary>The two-hop query the charts (and the scale benchmark) use, on both databases.</summary>
public sealed class PoleGraphTests
{
    public static TheoryData<DatabaseProvider> Providers => [DatabaseProvider.Postgres, DatabaseProvider.Sqlite];

    [Theory]
    [MemberData(nameof(Providers))]
    public async Task Two_hops_reads_the_neighbours_of_neighbours_but_does_not_expand_a_busy_place(DatabaseProvider provider)
    {
        await using var server = await SafeguardServer.StartAsync(provider, seed: false);
        await using var scope = server.Scope();
        var db = scope.ServiceProvider.GetRequiredService<SafeguardDbContext>();
        var agency = new Agency { Code = "POL", Name = "Police", Kind = AgencyKind.Police };
        db.Agencies.Add(agency);
        Person P(string name)
        {
            var person = new Person { GivenName = name, FamilyName = "Test", CreatedByAgencyId = agency.Id, CreatedAt = db.Now };
            db.People.Add(person);
            return person;
        }
        var centre = P("Centre");
        var friend = P("Friend");
        var friendOfFriend = P("FriendOfFriend");
        var farAway = P("FarAway");
        var car = new PoleObject { Kind = NodeKind.Vehicle, Key = "AB12CDE", Label = "AB12 CDE", RecordedAt = db.Now, RecordedByAgencyId = agency.Id };
        var station = new PoleLocation { Kind = PlaceKind.BusStation, Key = "bus station", Name = "Bus station", RecordedAt = db.Now, RecordedByAgencyId = agency.Id };
        db.PoleObjects.Add(car);
        db.PoleLocations.Add(station);
        var visitors = Enumerable.Range(1, 5).Select(i => P($"Visitor{i}")).ToList();
        void L(Guid from, NodeKind fromKind, Guid to, NodeKind toKind, LinkKind kind, DateTimeOffset? superseded = null) =>
            db.PoleLinks.Add(new PoleLink { FromId = from, FromKind = fromKind, ToId = to, ToKind = toKind, Kind = kind, Confidence = LinkConfidence.Confirmed, RecordedAt = db.Now, SupersededAt = superseded });
        L(centre.Id.Value, NodeKind.Person, car.Id.Value, NodeKind.Vehicle, LinkKind.Owns);
        L(friend.Id.Value, NodeKind.Person, car.Id.Value, NodeKind.Vehicle, LinkKind.Uses);
        L(friendOfFriend.Id.Value, NodeKind.Person, friend.Id.Value, NodeKind.Person, LinkKind.Knows);
        L(farAway.Id.Value, NodeKind.Person, friendOfFriend.Id.Value, NodeKind.Person, LinkKind.Knows);
        L(centre.Id.Value, NodeKind.Person, station.Id.Value, NodeKind.Location, LinkKind.SeenAt);
        foreach (var visitor in visitors)
        {
            L(visitor.Id.Value, NodeKind.Person, station.Id.Value, NodeKind.Location, LinkKind.SeenAt);
        }
        // A link recorded in error and superseded is not part of the network.
        L(centre.Id.Value, NodeKind.Person, farAway.Id.Value, NodeKind.Person, LinkKind.Knows, superseded: db.Now);
        await db.SaveChangesAsync();

        var network = await PoleGraph.TwoHopsAsync(db, centre.Id.Value, expandLimit: 5);
        Assert.NotNull(network);
        var labels = network.Nodes.Values.Select(n => n.Label).Order(StringComparer.Ordinal).ToList();
        // The car and the friend through it; the station (6 links, over the limit of 5) but none of its visitors;
        // not the friend's friend (three links away) and not the far-away person (only through the superseded link).
        Assert.Equal(["AB12 CDE", "Bus station", "Centre Test", "Friend Test"], labels);
        Assert.Equal([station.Id.Value], network.NotExpanded);
        Assert.Equal(3, network.Network.LinkCount);

        var wider = await PoleGraph.TwoHopsAsync(db, centre.Id.Value, expandLimit: 6);
        Assert.Equal(9, wider!.Nodes.Count);
        Assert.Empty(wider.NotExpanded);
        Assert.Null(await PoleGraph.TwoHopsAsync(db, Guid.NewGuid(), 5));
    }
}
