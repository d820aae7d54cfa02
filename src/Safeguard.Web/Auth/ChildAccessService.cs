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
    /// The user's basis for the person's record. A person linked with others (<see cref="PersonClusters"/>) is one
    /// child: a relationship with any of their records is a relationship with all of them.
    /// </summary>
    public async Task<AccessBasis> BasisAsync(Id<Person> personId, CancellationToken cancellationToken = default)
    {
        var user = User;
        var now = db.Now;
        var cluster = await PersonClusters.ClusterOfAsync(db, personId, cancellationToken);
        var openAllocations = db.CaseAllocations.Where(a => cluster.Contains(a.PersonId) && a.EndedAt == null)
            .Join(db.Cases.Where(c => c.ClosedAt == null), a => a.CaseId, c => c.Id, (a, c) => a);
        var facts = new RelationshipFacts(
            AllocatedToChildsCase: await openAllocations.AnyAsync(a => a.UserId == user.UserId, cancellationToken),
            TeamAllocatedToChildsCase: user.TeamId is { } team && await openAllocations.AnyAsync(a => a.TeamId == team, cancellationToken),
            AgencyHasOpenInvolvement: await db.Cases.AnyAsync(c => cluster.Contains(c.PersonId) && c.AgencyId == user.AgencyId && c.ClosedAt == null, cancellationToken),
            HasApprovedAccessRequest: await db.AccessRequests.AnyAsync(r => cluster.Contains(r.PersonId) && r.RequestedByUserId == user.UserId
                && r.Status == AccessRequestStatus.Approved && r.ExpiresAt > now, cancellationToken),
            HasActiveBreakGlass: await db.BreakGlass.AnyAsync(b => cluster.Contains(b.PersonId) && b.UserId == user.UserId && b.ExpiresAt > now, cancellationToken));
        return ChildRecordAccess.Decide(facts);
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
    /// so a user without access cannot even confirm which ids exist).
    /// </summary>
    public async Task<(Person Person, AccessBasis Basis)?> OpenAsync(Id<Person> personId, string action, CancellationToken cancellationToken = default)
    {
        var basis = await BasisAsync(personId, cancellationToken);
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
        return (person, basis);
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
