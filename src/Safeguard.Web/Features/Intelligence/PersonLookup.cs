using Microsoft.EntityFrameworkCore;
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
        var nhs = nhsNumber?.Replace(" ", "", StringComparison.Ordinal);
        if (nhs is not null && NhsNumber.IsValid(nhs))
        {
            var byNumber = await db.People.AsNoTracking().Where(p => p.NhsNumber == nhs).ToListAsync(cancellationToken);
            if (byNumber.Count > 0)
            {
                return byNumber;
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
        return await db.People.AsNoTracking()
            .Where(p => p.DateOfBirth == dateOfBirth
                && ((p.GivenName.ToLower() == given && p.FamilyName.ToLower() == family)
                    || db.PersonNames.Any(n => n.PersonId == p.Id && n.SupersededAt == null && n.Name.ToLower() == full)))
            .OrderBy(p => p.FamilyName).ThenBy(p => p.GivenName)
            .ToListAsync(cancellationToken);
#pragma warning restore CA1304, CA1311, CA1862
    }
}
