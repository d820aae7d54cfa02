using Microsoft.EntityFrameworkCore;
using Safeguard.Core;
using Safeguard.Web.Data.Model;

namespace Safeguard.Web.Data;

/// <summary>
/// People linked as one: a survivor (the root, not merged into anyone) and every record whose
/// <see cref="Person.MergedIntoId"/> leads to it, directly or through a record that was itself a survivor.
/// Access, the combined record and matching all work on the whole cluster.
/// </summary>
public static class PersonClusters
{
    // Merges only ever point at a root, so chains are as long as the number of merges of merges; this is a guard
    // against a corrupted pointer loop, not a limit anyone should meet.
    private const int MaximumDepth = 64;

    /// <summary>The survivor of the person's cluster (the person themselves when not merged).</summary>
    public static async Task<Id<Person>> RootAsync(SafeguardDbContext db, Id<Person> person, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(db);
        var roots = await RootsAsync(db, [person], cancellationToken);
        return roots.GetValueOrDefault(person, person);
    }

    /// <summary>Each person's survivor, following the pointers a level at a time (one query per level).</summary>
    public static async Task<Dictionary<Id<Person>, Id<Person>>> RootsAsync(SafeguardDbContext db, IReadOnlyCollection<Id<Person>> people, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(people);
        var parent = new Dictionary<Id<Person>, Id<Person>?>();
        var unknown = people.Distinct().ToList();
        for (var depth = 0; unknown.Count > 0 && depth < MaximumDepth; depth++)
        {
            var rows = await db.People.AsNoTracking().Where(p => unknown.Contains(p.Id)).Select(p => new { p.Id, p.MergedIntoId }).ToListAsync(cancellationToken);
            foreach (var row in rows)
            {
                parent[row.Id] = row.MergedIntoId;
            }
            unknown = [.. rows.Where(r => r.MergedIntoId is { } next && !parent.ContainsKey(next)).Select(r => r.MergedIntoId!.Value).Distinct()];
        }
        return people.Distinct().ToDictionary(p => p, p => Follow(parent, p));
    }

    /// <summary>A person's root from pointers already loaded (person → the record it was merged into, or null).</summary>
    public static Id<Person> Follow(IReadOnlyDictionary<Id<Person>, Id<Person>?> parent, Id<Person> person)
    {
        ArgumentNullException.ThrowIfNull(parent);
        var current = person;
        for (var depth = 0; depth < MaximumDepth && parent.TryGetValue(current, out var next) && next is { } up; depth++)
        {
            current = up;
        }
        return current;
    }

    /// <summary>Every record of the clusters of <paramref name="roots"/>, roots included, as record → its root.</summary>
    public static async Task<Dictionary<Id<Person>, Id<Person>>> MembersAsync(SafeguardDbContext db, IReadOnlyCollection<Id<Person>> roots, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(roots);
        var rootOf = roots.Distinct().ToDictionary(r => r, r => r);
        var frontier = rootOf.Keys.ToList();
        for (var depth = 0; frontier.Count > 0 && depth < MaximumDepth; depth++)
        {
            var children = await db.People.AsNoTracking().Where(p => p.MergedIntoId != null && frontier.Contains(p.MergedIntoId.Value))
                .Select(p => new { p.Id, Parent = p.MergedIntoId!.Value }).ToListAsync(cancellationToken);
            frontier = [];
            foreach (var child in children.Where(c => !rootOf.ContainsKey(c.Id)))
            {
                rootOf[child.Id] = rootOf[child.Parent];
                frontier.Add(child.Id);
            }
        }
        return rootOf;
    }

    /// <summary>Every record of the person's cluster, the survivor first.</summary>
    public static async Task<List<Id<Person>>> ClusterOfAsync(SafeguardDbContext db, Id<Person> person, CancellationToken cancellationToken)
    {
        var root = await RootAsync(db, person, cancellationToken);
        var members = await MembersAsync(db, [root], cancellationToken);
        return [root, .. members.Keys.Where(k => k != root)];
    }
}
