using Microsoft.EntityFrameworkCore;
using Safeguard.Core;
using Safeguard.Core.Matching;
using Safeguard.Core.People;
using Safeguard.Web.Data;
using Safeguard.Web.Data.Model;
using Safeguard.Web.Features.Matching;

namespace Safeguard.Web.Features.Concerns;

/// <summary>
/// Finds existing records that may be the child or an adult in a concern, as the reporter enters them.
/// A child is looked for by the person-matching engine (<see cref="PersonMatching"/>: spellings, nicknames, a
/// mistyped date of birth, records linked as one person), and also, as a floor the engine's threshold must never
/// raise, by the NHS number and by exact name plus date of birth (including a child's other recorded names); with no
/// date of birth, on the full name alone. An adult is looked for by the engine on the little a reporter knows (see
/// <see cref="AdultCandidatesAsync"/>). Callers only see <see cref="Candidate"/>s, best first.
/// It does not log anything: the page that shows candidates records each as seen in a search.
/// </summary>
public sealed class ConcernMatcher(SafeguardDbContext db, PersonMatching matching)
{
    private const int MaximumCandidates = 5;

    public sealed record Candidate(Id<Person> Id, string Name, DateOnly? DateOfBirth, string Why);

    public async Task<List<Candidate>> ChildCandidatesAsync(string? givenName, string? familyName, DateOnly? dateOfBirth, string? nhsNumber, CancellationToken cancellationToken = default)
    {
        var candidates = await EngineCandidatesAsync(givenName, familyName, dateOfBirth, nhsNumber, cancellationToken);
        if (NhsNumber.Normalise(nhsNumber) is { } nhs && NhsNumber.IsValid(nhs))
        {
            candidates.AddRange(await Held(PersonKind.Child).Where(p => p.NhsNumber == nhs)
                .Select(p => new Candidate(p.Id, p.GivenName + " " + p.FamilyName, p.DateOfBirth, "Same NHS number"))
                .ToListAsync(cancellationToken));
        }
        var fullName = FullName(givenName, familyName);
        if (fullName is not null)
        {
            var byName = NamedExactly(PersonKind.Child, fullName);
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

    /// <summary>The engine's possible and certain children for what the reporter typed, with its reason in words.</summary>
    private async Task<List<Candidate>> EngineCandidatesAsync(string? givenName, string? familyName, DateOnly? dateOfBirth, string? nhsNumber, CancellationToken cancellationToken)
    {
        if (FullName(givenName, familyName) is null)
        {
            return [];
        }
        var typed = new Person
        {
            Kind = PersonKind.Child,
            GivenName = givenName?.Trim() ?? "",
            FamilyName = familyName?.Trim() ?? "",
            DateOfBirth = dateOfBirth,
            NhsNumber = NhsNumber.Normalise(nhsNumber) is { } nhs && NhsNumber.IsValid(nhs) ? nhs : null,
        };
        return await EngineCandidatesAsync(typed, forPersonToConfirm: false, cancellationToken);
    }

    /// <summary>
    /// People of the typed record's kind the engine finds for it, with its reason in words. The record is not saved:
    /// it only carries what the reporter typed.
    /// </summary>
    private async Task<List<Candidate>> EngineCandidatesAsync(Person typed, bool forPersonToConfirm, CancellationToken cancellationToken)
    {
        var found = await matching.FindCandidatesAsync(MatchIndex.Forms(typed, [], [], [])[0], cancellationToken, forPersonToConfirm);
        var ids = found.Select(c => c.PersonId).ToList();
        var people = await db.People.AsNoTracking().Where(p => ids.Contains(p.Id) && p.Kind == typed.Kind)
            .Select(p => new { p.Id, Name = p.GivenName + " " + p.FamilyName, p.DateOfBirth }).ToDictionaryAsync(p => p.Id, cancellationToken);
        var noun = typed.Kind == PersonKind.Child ? "child" : "person";
        return [.. found.Where(c => people.ContainsKey(c.PersonId)).Select(c => new Candidate(c.PersonId, people[c.PersonId].Name, people[c.PersonId].DateOfBirth, Why(c, noun)))];
    }

    /// <summary>"Almost certainly the same child: ..." with the fields that agree most, as the reporter would say them.</summary>
    private static string Why(PersonMatching.Candidate candidate, string noun)
    {
        var agreeing = candidate.Explanation.Where(f => f.Weight > 0).OrderByDescending(f => f.Weight).Take(3)
            .Select(f => $"{f.Field.Replace('_', ' ')}: {f.Level}");
        var band = candidate.Band == MatchBand.Certain ? "Almost certainly the same" : "Possibly the same";
        return $"{band} {noun} ({string.Join("; ", agreeing)})";
    }

    /// <summary>
    /// Adults Safeguard holds who may be an adult named in a concern. What reporters know of an adult is thin — a
    /// name or nickname, perhaps a phone number — so the engine offers anyone those fields favour 1,000 to 1
    /// (<see cref="MatchOffer"/>: "Bill Hart" finds William Hart, the same phone number finds its holder however it
    /// was typed), and exact name is kept as a floor. A first name alone with no phone number finds no one.
    /// </summary>
    public async Task<List<Candidate>> AdultCandidatesAsync(string? name, string? phone, CancellationToken cancellationToken = default)
    {
        var words = FullName(name, null)?.Split(' ') ?? [];
        var hasPhone = TextNormaliser.Digits(phone) is { Length: >= 7 };
        if (words.Length < 2 && !hasPhone)
        {
            return []; // a first name alone ("Dave") would match half the town
        }
        var typed = new Person
        {
            Kind = PersonKind.Adult,
            GivenName = words.Length > 0 ? words[0] : "",
            MiddleNames = words.Length > 2 ? string.Join(' ', words[1..^1]) : null,
            FamilyName = words.Length > 1 ? words[^1] : "",
            Phone = hasPhone ? phone : null,
        };
        var candidates = await EngineCandidatesAsync(typed, forPersonToConfirm: true, cancellationToken);
        if (words.Length >= 2)
        {
            candidates.AddRange(await NamedExactly(PersonKind.Adult, string.Join(' ', words)).OrderBy(p => p.FamilyName).Take(MaximumCandidates)
                .Select(p => new Candidate(p.Id, p.GivenName + " " + p.FamilyName, p.DateOfBirth, "Same name"))
                .ToListAsync(cancellationToken));
        }
        return [.. candidates.DistinctBy(c => c.Id).Take(MaximumCandidates)];
    }

    /// <summary>People of a kind who stand on their own (not linked into another record).</summary>
    private IQueryable<Person> Held(PersonKind kind) => db.People.AsNoTracking().Where(p => p.Kind == kind && p.MergedIntoId == null);

    /// <summary>Held people whose full name, or one of their other current names, is <paramref name="fullName"/> (as <see cref="FullName"/> writes it).</summary>
    private IQueryable<Person> NamedExactly(PersonKind kind, string fullName) =>
#pragma warning disable CA1304, CA1311, CA1862 // ToLower() is translated to SQL lower(), not run in .NET
        Held(kind).Where(p => (p.GivenName + " " + p.FamilyName).ToLower() == fullName
            || db.PersonNames.Any(n => n.PersonId == p.Id && n.SupersededAt == null && n.Name.ToLower() == fullName));
#pragma warning restore CA1304, CA1311, CA1862

    /// <summary>The name as matching compares it: lower case, single spaces; null when there is nothing to match on.</summary>
    public static string? FullName(string? givenName, string? familyName)
    {
        var words = $"{givenName} {familyName}".Split(' ', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        return words.Length == 0 ? null : string.Join(' ', words).ToLowerInvariant();
    }
}
