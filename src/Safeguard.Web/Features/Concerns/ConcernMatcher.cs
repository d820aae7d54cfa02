using Microsoft.EntityFrameworkCore;
using Safeguard.Core;
using Safeguard.Core.People;
using Safeguard.Web.Data;
using Safeguard.Web.Data.Model;

namespace Safeguard.Web.Features.Concerns;

/// <summary>
/// Finds existing records that may be the child or an adult in a concern, as the reporter enters them.
/// THE SEAM FOR THE MATCHING ENGINE: until probabilistic person matching lands, this matches on identifiers (the NHS
/// number) and on name plus date of birth (exact, ignoring case, including a child's other recorded names); with no
/// date of birth, on the full name alone. Replace the bodies of <see cref="ChildCandidatesAsync"/> and
/// <see cref="AdultCandidatesAsync"/> with calls to the engine; callers only see <see cref="Candidate"/>s, best first.
/// It does not log anything: the page that shows candidates records each as seen in a search.
/// </summary>
public sealed class ConcernMatcher(SafeguardDbContext db)
{
    private const int MaximumCandidates = 5;

    public sealed record Candidate(Id<Person> Id, string Name, DateOnly? DateOfBirth, string Why);

    public async Task<List<Candidate>> ChildCandidatesAsync(string? givenName, string? familyName, DateOnly? dateOfBirth, string? nhsNumber, CancellationToken cancellationToken = default)
    {
        var candidates = new List<Candidate>();
        var children = db.People.AsNoTracking().Where(p => p.Kind == PersonKind.Child);
        if (NhsNumber.Normalise(nhsNumber) is { } nhs && NhsNumber.IsValid(nhs))
        {
            candidates.AddRange(await children.Where(p => p.NhsNumber == nhs)
                .Select(p => new Candidate(p.Id, p.GivenName + " " + p.FamilyName, p.DateOfBirth, "Same NHS number"))
                .ToListAsync(cancellationToken));
        }
        var fullName = FullName(givenName, familyName);
        if (fullName is not null)
        {
#pragma warning disable CA1304, CA1311, CA1862 // ToLower() is translated to SQL lower(), not run in .NET
            var byName = children.Where(p => (p.GivenName + " " + p.FamilyName).ToLower() == fullName
                || db.PersonNames.Any(n => n.PersonId == p.Id && n.SupersededAt == null && n.Name.ToLower() == fullName));
#pragma warning restore CA1304, CA1311, CA1862
            var why = "Same name and date of birth";
            if (dateOfBirth is { } born)
            {
                byName = byName.Where(p => p.DateOfBirth == born);
            }
            else
            {
                why = "Same name (no date of birth given)";
            }
            candidates.AddRange(await byName.OrderBy(p => p.DateOfBirth).Take(MaximumCandidates)
                .Select(p => new Candidate(p.Id, p.GivenName + " " + p.FamilyName, p.DateOfBirth, why))
                .ToListAsync(cancellationToken));
        }
        return [.. candidates.DistinctBy(c => c.Id).Take(MaximumCandidates)];
    }

    public async Task<List<Candidate>> AdultCandidatesAsync(string? name, CancellationToken cancellationToken = default)
    {
        var fullName = FullName(name, null);
        if (fullName is null || !fullName.Contains(' ', StringComparison.Ordinal))
        {
            return []; // a first name alone ("Dave") would match half the town
        }
#pragma warning disable CA1304, CA1311, CA1862 // ToLower() is translated to SQL lower(), not run in .NET
        return await db.People.AsNoTracking()
            .Where(p => p.Kind == PersonKind.Adult && ((p.GivenName + " " + p.FamilyName).ToLower() == fullName
                || db.PersonNames.Any(n => n.PersonId == p.Id && n.SupersededAt == null && n.Name.ToLower() == fullName)))
            .OrderBy(p => p.FamilyName).Take(MaximumCandidates)
            .Select(p => new Candidate(p.Id, p.GivenName + " " + p.FamilyName, p.DateOfBirth, "Same name"))
            .ToListAsync(cancellationToken);
#pragma warning restore CA1304, CA1311, CA1862
    }

    /// <summary>The name as matching compares it: lower case, single spaces; null when there is nothing to match on.</summary>
    public static string? FullName(string? givenName, string? familyName)
    {
        var words = $"{givenName} {familyName}".Split(' ', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        return words.Length == 0 ? null : string.Join(' ', words).ToLowerInvariant();
    }
}
