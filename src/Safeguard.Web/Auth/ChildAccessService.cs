using Microsoft.EntityFrameworkCore;
using Safeguard.Core;
using Safeguard.Core.Access;
using Safeguard.Web.Data;
using Safeguard.Web.Data.Model;

namespace Safeguard.Web.Auth;

/// <summary>
/// Resource-based access to a person's record: works out the signed-in user's relationship from the stored facts
/// and asks Core's rule. Every page that shows any part of a record opens it through <see cref="OpenAsync"/>, which
/// writes the read to the access log before anything is shown.
/// </summary>
public sealed class ChildAccessService(SafeguardDbContext db, IHttpContextAccessor http)
{
    public UserContext User => UserContext.From(http.HttpContext?.User ?? throw new InvalidOperationException("No signed-in user."));

    /// <summary>
    /// The user's basis for the person's record: their relationship with it, or with a record of the same child that
    /// covers it (<see cref="ClusterAsync"/>).
    /// </summary>
    public async Task<AccessBasis> BasisAsync(Id<Person> personId, CancellationToken cancellationToken = default) =>
        (await ClusterAsync(personId, cancellationToken)).BasisFor(personId);

    /// <summary>
    /// The one place that says which records of a person's cluster (<see cref="PersonClusters"/>: records linked as one
    /// child) the user may see, and on what basis. A link made by matching never widens access: work on a record (a
    /// case or allocation of the user, their team or their agency) covers the records that joined the cluster after it
    /// was there, and an approved request covers what the record it was approved for covers; a break-glass and the
    /// front door's role cover the whole cluster (Core's <see cref="LinkedRecordAccess"/>, docs/adr/0012). Pages show
    /// the combined record from <see cref="ClusterView.Visible"/>, never from the whole cluster.
    /// </summary>
    public async Task<ClusterView> ClusterAsync(Id<Person> personId, CancellationToken cancellationToken = default)
    {
        var user = User;
        var now = db.Now;
        var members = await PersonClusters.ClusterOfAsync(db, personId, cancellationToken);
        var links = members.Count == 1 ? [] : await LinksAsync(members, cancellationToken);
        var openAllocations = db.CaseAllocations.Where(a => a.EndedAt == null)
            .Join(db.Cases.Where(c => members.Contains(c.PersonId) && c.ClosedAt == null), a => a.CaseId, c => c.Id, (a, c) => new { a.UserId, a.TeamId, c.PersonId });
        var team = user.TeamId;
        var relationships = new ClusterRelationships<Id<Person>>(
            Allocated: (await openAllocations.Where(a => a.UserId == user.UserId).Select(a => a.PersonId).ToListAsync(cancellationToken)).ToHashSet(),
            TeamAllocated: team is null ? new HashSet<Id<Person>>()
                : (await openAllocations.Where(a => a.TeamId == team).Select(a => a.PersonId).ToListAsync(cancellationToken)).ToHashSet(),
            AgencyInvolved: (await db.Cases.Where(c => members.Contains(c.PersonId) && c.AgencyId == user.AgencyId && c.ClosedAt == null)
                .Select(c => c.PersonId).ToListAsync(cancellationToken)).ToHashSet(),
            ApprovedRequests: (await db.AccessRequests.Where(r => members.Contains(r.PersonId) && r.RequestedByUserId == user.UserId
                && r.Status == AccessRequestStatus.Approved && r.ExpiresAt > now).Select(r => r.PersonId).ToListAsync(cancellationToken)).ToHashSet(),
            HasActiveBreakGlass: await db.BreakGlass.AnyAsync(b => members.Contains(b.PersonId) && b.UserId == user.UserId && b.ExpiresAt > now, cancellationToken),
            SeesWholeCluster: user.IsInRole(Roles.FrontDoor));
        var bases = members.ToDictionary(m => m, m => ChildRecordAccess.Decide(LinkedRecordAccess.FactsFor(links, relationships, m)));
        return new ClusterView(members, bases, LinkedRecordAccess.First(links, members) ?? members[0]);
    }

    // The links that hold the cluster together, with when each was made and which side joined. A pointer with no link
    // recorded (data loaded from elsewhere) counts as joined last: it covers nothing already there.
    private async Task<List<RecordLink<Id<Person>>>> LinksAsync(List<Id<Person>> members, CancellationToken cancellationToken)
    {
        var pointers = await db.People.AsNoTracking().Where(p => members.Contains(p.Id) && p.MergedIntoId != null)
            .Select(p => new { p.Id, Survivor = p.MergedIntoId!.Value }).ToListAsync(cancellationToken);
        var merges = await db.PersonMerges.AsNoTracking().Where(m => m.UndoneAt == null && members.Contains(m.MergedId))
            .Select(m => new { m.MergedId, m.SurvivorId, m.At, m.SurvivorJoined }).ToListAsync(cancellationToken);
        return [.. pointers.Select(p => merges.Where(m => m.MergedId == p.Id && m.SurvivorId == p.Survivor).OrderByDescending(m => m.At).FirstOrDefault() is { } merge
            ? new RecordLink<Id<Person>>(p.Id, p.Survivor, merge.At, merge.SurvivorJoined)
            : new RecordLink<Id<Person>>(p.Id, p.Survivor, DateTimeOffset.MaxValue, SurvivorJoined: false))];
    }

    /// <summary>
    /// Logs, on the person's own record, that the user saw them listed in search or match results, with the user's
    /// basis for access at the time, and returns that basis. A page calls it for everyone it lists, before saving.
    /// </summary>
    public async Task<AccessBasis> LogSeenInSearchAsync(Id<Person> personId, CancellationToken cancellationToken = default)
    {
        var basis = await BasisAsync(personId, cancellationToken);
        LogSeenInSearch(personId, basis);
        return basis;
    }

    /// <summary>Logs that the user saw the person listed, with the basis the caller has just worked out.</summary>
    public void LogSeenInSearch(Id<Person> personId, AccessBasis basis) =>
        db.RecordAccess(Person.PersonStream(personId), AccessActions.SeenInSearch, basis.ToString());

    /// <summary>
    /// Every record of every person the user has a relationship with now, whole clusters included: the same facts
    /// <see cref="BasisAsync"/> weighs for one person, for everyone at once, so a search can look among them alone
    /// (a partial name must not list children the user has no business with).
    /// </summary>
    public async Task<List<Id<Person>>> RelatedPeopleAsync(CancellationToken cancellationToken = default)
    {
        var user = User;
        var now = db.Now;
        var openCases = db.Cases.Where(c => c.ClosedAt == null);
        var openAllocations = db.CaseAllocations.Where(a => a.EndedAt == null).Join(openCases, a => a.CaseId, c => c.Id, (a, c) => a);
        var direct = new HashSet<Id<Person>>();
        direct.UnionWith(await openAllocations.Where(a => a.UserId == user.UserId).Select(a => a.PersonId).ToListAsync(cancellationToken));
        if (user.TeamId is { } team)
        {
            direct.UnionWith(await openAllocations.Where(a => a.TeamId == team).Select(a => a.PersonId).ToListAsync(cancellationToken));
        }
        direct.UnionWith(await openCases.Where(c => c.AgencyId == user.AgencyId).Select(c => c.PersonId).ToListAsync(cancellationToken));
        direct.UnionWith(await db.AccessRequests.Where(r => r.RequestedByUserId == user.UserId && r.Status == AccessRequestStatus.Approved && r.ExpiresAt > now)
            .Select(r => r.PersonId).ToListAsync(cancellationToken));
        direct.UnionWith(await db.BreakGlass.Where(b => b.UserId == user.UserId && b.ExpiresAt > now).Select(b => b.PersonId).ToListAsync(cancellationToken));
        if (direct.Count == 0)
        {
            return [];
        }
        var roots = await PersonClusters.RootsAsync(db, direct, cancellationToken);
        var members = await PersonClusters.MembersAsync(db, [.. roots.Values.Distinct()], cancellationToken);
        return [.. members.Keys];
    }

    /// <summary>
    /// Logs that the user read part of the person's record that their role, not their relationship, shows them (a
    /// concern about the child at the front door or for countersigning), with their basis at the time, and returns
    /// it. The caller saves before showing anything.
    /// </summary>
    public async Task<AccessBasis> LogReadAsync(Id<Person> personId, string action, CancellationToken cancellationToken = default)
    {
        var basis = await BasisAsync(personId, cancellationToken);
        db.RecordAccess(Person.PersonStream(personId), action, basis.ToString());
        return basis;
    }

    /// <summary>
    /// The person, if the user may see their record, with the read logged; null otherwise (the page answers 404,
    /// so a user without access cannot even confirm which ids exist). <c>Cluster</c> says which linked records the
    /// page may show with it.
    /// </summary>
    public async Task<(Person Person, AccessBasis Basis, ClusterView Cluster)?> OpenAsync(Id<Person> personId, string action, CancellationToken cancellationToken = default)
    {
        var cluster = await ClusterAsync(personId, cancellationToken);
        var basis = cluster.BasisFor(personId);
        if (basis == AccessBasis.None)
        {
            return null;
        }
        var person = await db.People.AsNoTracking().SingleOrDefaultAsync(p => p.Id == personId, cancellationToken);
        if (person is null)
        {
            return null;
        }
        var reason = basis == AccessBasis.BreakGlass
            ? await BreakGlassReasonAsync(personId, cancellationToken)
            : null;
        db.RecordAccess(Person.PersonStream(personId), action, basis.ToString(), reason);
        await db.SaveChangesAsync(cancellationToken);
        return (person, basis, cluster);
    }

    /// <summary>
    /// The person, tracked for changes, if the user may write to their record; null otherwise (answer 404).
    /// Writes are ledgered by the save; the read that precedes them is logged as an edit.
    /// </summary>
    public async Task<Person?> OpenForWriteAsync(Id<Person> personId, CancellationToken cancellationToken = default)
    {
        var basis = await BasisAsync(personId, cancellationToken);
        if (!ChildRecordAccess.MayWrite(basis))
        {
            return null;
        }
        var person = await db.People.SingleOrDefaultAsync(p => p.Id == personId, cancellationToken);
        if (person is not null)
        {
            db.RecordAccess(Person.PersonStream(personId), AccessActions.Edit, basis.ToString());
        }
        return person;
    }

    // The reason given for the latest break-glass on any record of the person's cluster.
    private async Task<string> BreakGlassReasonAsync(Id<Person> personId, CancellationToken cancellationToken)
    {
        var cluster = await PersonClusters.ClusterOfAsync(db, personId, cancellationToken);
        return await db.BreakGlass.Where(b => cluster.Contains(b.PersonId) && b.UserId == User.UserId).OrderByDescending(b => b.At).Select(b => b.Reason).FirstAsync(cancellationToken);
    }

    /// <summary>Which agencies know a child (have or had a case with any record of theirs): what anyone may learn from a search.</summary>
    public async Task<Dictionary<Id<Person>, List<string>>> KnownToAsync(IReadOnlyCollection<Id<Person>> people, CancellationToken cancellationToken = default)
    {
        var roots = await PersonClusters.RootsAsync(db, people, cancellationToken);
        var rootOf = await PersonClusters.MembersAsync(db, [.. roots.Values.Distinct()], cancellationToken);
        var members = rootOf.Keys.ToList();
        var rows = await db.Cases.Where(c => members.Contains(c.PersonId))
            .Join(db.Agencies, c => c.AgencyId, a => a.Id, (c, a) => new { c.PersonId, a.Name })
            .Distinct().ToListAsync(cancellationToken);
        var byRoot = rows.GroupBy(r => rootOf[r.PersonId]).ToDictionary(g => g.Key, g => g.Select(r => r.Name).Distinct().Order(StringComparer.Ordinal).ToList());
        return roots.Where(p => byRoot.ContainsKey(p.Value)).ToDictionary(p => p.Key, p => byRoot[p.Value]);
    }
}

/// <summary>
/// A person's cluster (records linked as one child, the survivor first) as one user may see it: the user's basis for
/// each record, and the record to ask for when some are closed to them.
/// </summary>
public sealed record ClusterView(IReadOnlyList<Id<Person>> Members, IReadOnlyDictionary<Id<Person>, AccessBasis> Bases, Id<Person> First)
{
    public Id<Person> Survivor => Members[0];

    public AccessBasis BasisFor(Id<Person> record) => Bases.GetValueOrDefault(record, AccessBasis.None);

    public bool MaySee(Id<Person> record) => BasisFor(record) != AccessBasis.None;

    /// <summary>The records whose contents the user may see: the only ones a page may show as the combined record.</summary>
    public List<Id<Person>> Visible => [.. Members.Where(MaySee)];

    /// <summary>Some records of the child are closed to the user: the page says so and how to ask (at <see cref="First"/>).</summary>
    public bool HidesSome => Members.Any(m => !MaySee(m));
}
