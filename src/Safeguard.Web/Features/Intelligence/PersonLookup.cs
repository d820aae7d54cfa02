using Microsoft.EntityFrameworkCore;
using Safeguard.Core;
using Safeguard.Core.People;
using Safeguard.Web.Data;
using Safeguard.Web.Data.Model;

namespace Safeguard.Web.Features.Intelligence;

/// <summary>
/// Finds the people already in Safeguard that a person entered with intelligence certainly is, for the analyst to
/// choose from: an exact NHS number, or the same name (or a recorded alias) and the same date of birth. A name alone
/// is never enough to say two records are one person. A person created because none was found is then matched by
/// the person-matching engine (<see cref="Matching.PersonMatching"/>), which links a certain match and sends
/// possible ones to the front door's review.
/// </summary>
public static class PersonLookup
{
    public static async Task<List<Person>> FindAsync(SafeguardDbContext db, string givenName, string familyName, DateOnly? dateOfBirth, string? nhsNumber,
        CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(db);
        if (NhsNumber.Normalise(nhsNumber) is { } nhs && NhsNumber.IsValid(nhs))
        {
            var byNumber = await db.People.AsNoTracking().Where(p => p.NhsNumber == nhs).Select(p => p.Id).ToListAsync(cancellationToken);
            if (byNumber.Count > 0)
            {
                return await SurvivorsAsync(db, byNumber, cancellationToken);
            }
        }
        if (dateOfBirth is null)
        {
            return [];
        }
        var given = givenName.Trim().ToLowerInvariant();
        var family = familyName.Trim().ToLowerInvariant();
        var full = $"{given} {family}";
#pragma warning disable CA1304, CA1311, CA1862 // string.ToLower() here is translated to SQL lower(), not run in .NET
        var byName = await db.People.AsNoTracking()
            .Where(p => p.DateOfBirth == dateOfBirth
                && ((p.GivenName.ToLower() == given && p.FamilyName.ToLower() == family)
                    || db.PersonNames.Any(n => n.PersonId == p.Id && n.SupersededAt == null && n.Name.ToLower() == full)))
            .Select(p => p.Id)
            .ToListAsync(cancellationToken);
#pragma warning restore CA1304, CA1311, CA1862
        return await SurvivorsAsync(db, byName, cancellationToken);
    }

    /// <summary>
    /// The records that stand for the people found: a record linked into another as the same person (issue 4) is
    /// answered by the one it was linked into, so intelligence joins the child's combined record, never a linked-away one.
    /// </summary>
    private static async Task<List<Person>> SurvivorsAsync(SafeguardDbContext db, List<Id<Person>> found, CancellationToken cancellationToken)
    {
        var roots = (await PersonClusters.RootsAsync(db, found, cancellationToken)).Values.Distinct().ToList();
        return await db.People.AsNoTracking().Where(p => roots.Contains(p.Id))
            .OrderBy(p => p.FamilyName).ThenBy(p => p.GivenName)
            .ToListAsync(cancellationToken);
    }
}
