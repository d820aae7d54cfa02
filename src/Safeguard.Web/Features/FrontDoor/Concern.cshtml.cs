using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Safeguard.Core;
using Safeguard.Core.People;
using Safeguard.Web.Auth;
using Safeguard.Web.Casework;
using Safeguard.Web.Data;
using Safeguard.Web.Data.Model;
using Safeguard.Web.Features.Concerns;
using Safeguard.Web.Features.Matching;

namespace Safeguard.Web.Features.FrontDoor;

/// <summary>
/// One concern at the front door: take it (become its named owner), link it to the child's record (a possible match,
/// or a new record), match the adults the reporter named but could not place, then decide. Linking writes the concern
/// into the child's chronology.
/// </summary>
[Authorize(Policy = Policies.FrontDoor)]
public sealed class ConcernModel(SafeguardDbContext db, ChildAccessService access, ConcernMatcher matcher, Core.Casework.CaseworkSchedule schedule, PersonMatching matching) : PageModel
{
    public ConcernView View { get; private set; } = null!;
    public List<Candidate> Candidates { get; private set; } = [];
    public string? LinkedChild { get; private set; }
    public List<AdultToMatch> AdultsToMatch { get; private set; } = [];

    public sealed record Candidate(Id<Person> Id, string Name, DateOnly? DateOfBirth, string Why, IReadOnlyList<string> KnownTo);

    /// <summary>An adult in the concern not yet matched to a record, and the people Safeguard holds who may be them.</summary>
    public sealed record AdultToMatch(ConcernAdult Adult, IReadOnlyList<ConcernMatcher.Candidate> Candidates);

    public async Task<IActionResult> OnGetAsync(Id<Concern> concernId, CancellationToken cancellationToken) =>
        await LoadAsync(concernId, cancellationToken) ? Page() : NotFound();

    public async Task<IActionResult> OnPostTakeAsync(Id<Concern> concernId, CancellationToken cancellationToken)
    {
        var concern = await db.Concerns.SingleOrDefaultAsync(c => c.Id == concernId, cancellationToken);
        if (concern is null)
        {
            return NotFound();
        }
        concern.OwnerUserId = access.User.UserId;
        concern.OwnerAssignedAt = db.Now;
        await FrontDoorWork.EnsureContactCaseAsync(db, concern, cancellationToken);
        await db.SaveChangesAsync(cancellationToken);
        TempData["Saved"] = $"You own concern {concern.Reference}.";
        return Redirect($"/front-door/concerns/{concernId}");
    }

    public async Task<IActionResult> OnPostLinkAsync(Id<Concern> concernId, Id<Person> person, CancellationToken cancellationToken)
    {
        var concern = await db.Concerns.SingleOrDefaultAsync(c => c.Id == concernId && c.PersonId == null, cancellationToken);
        // Only a child the page offers for this concern (looked for again now): never any id a form carries.
        if (concern is null || !(await ChildCandidatesAsync(concern, cancellationToken)).Any(c => c.Id == person))
        {
            return NotFound();
        }
        await LinkAsync(concern, person, ConcernMatch.LinkedByFrontDoor, cancellationToken);
        TempData["Saved"] = $"Concern {concern.Reference} is linked to the child's record and written into their chronology.";
        return Redirect($"/front-door/concerns/{concernId}");
    }

    /// <summary>Matches an adult the reporter named to a person Safeguard holds (the change is in the concern's ledger).</summary>
    public async Task<IActionResult> OnPostLinkAdultAsync(Id<Concern> concernId, Id<ConcernAdult> adult, Id<Person> person, CancellationToken cancellationToken)
    {
        var named = await db.ConcernAdults.SingleOrDefaultAsync(a => a.Id == adult && a.ConcernId == concernId && a.PersonId == null, cancellationToken);
        // Only an adult the page offers for this named adult (looked for again now): never a child, nor any other id.
        var held = named is null ? null
            : (await matcher.AdultCandidatesAsync(named.Name, named.Phone, cancellationToken)).SingleOrDefault(c => c.Id == person)?.Name;
        if (named is null || held is null)
        {
            return NotFound();
        }
        named.PersonId = person;
        await db.SaveChangesAsync(cancellationToken);
        TempData["Saved"] = $"Adult {named.Position} in this concern is matched to the record of {held}.";
        return Redirect($"/front-door/concerns/{concernId}");
    }

    public async Task<IActionResult> OnPostNewRecordAsync(Id<Concern> concernId, CancellationToken cancellationToken)
    {
        var concern = await db.Concerns.SingleOrDefaultAsync(c => c.Id == concernId && c.PersonId == null, cancellationToken);
        if (concern is null)
        {
            return NotFound();
        }
        var child = new Person
        {
            Kind = PersonKind.Child,
            GivenName = concern.ChildGivenName,
            FamilyName = concern.ChildFamilyName ?? "(last name not known)",
            DateOfBirth = concern.ChildDateOfBirth,
            NhsNumber = concern.ChildNhsNumber,
            CreatedByAgencyId = access.User.AgencyId,
            CreatedAt = db.Now,
        };
        db.People.Add(child);
        await LinkAsync(concern, child.Id, ConcernMatch.NewRecordByFrontDoor, cancellationToken);
        // The front door looked at the possible records and chose none: the engine may still find the one certain
        // person (linked) or possible ones (reviewed), but never links to those shown and declined here.
        var shown = (await matcher.ChildCandidatesAsync(concern.ChildGivenName, concern.ChildFamilyName, concern.ChildDateOfBirth, concern.ChildNhsNumber, cancellationToken))
            .Select(c => c.Id).Where(id => id != child.Id).ToList();
        var match = await matching.MatchOnIntakeAsync(child.Id, cancellationToken, shown);
        TempData["Saved"] = $"A new record was made for {concern.ChildName} from concern {concern.Reference}." + MatchText.Outcome(match);
        return Redirect($"/front-door/concerns/{concernId}");
    }

    private async Task LinkAsync(Concern concern, Id<Person> child, ConcernMatch match, CancellationToken cancellationToken)
    {
        concern.PersonId = child;
        concern.Match = match;
        var agency = await db.Agencies.Where(a => a.Id == concern.ReporterAgencyId).Select(a => a.Name).SingleAsync(cancellationToken);
        Chronicle.Add(db, child, concern.ReporterAgencyId, concern.ReportedByUserId ?? Chronicle.PartnerSystem, ChronologyKinds.Concern,
            concern.OccurredAt ?? concern.ReceivedAt, ConcernIntake.ChronologySummary(concern, agency), $"concern/{concern.Id}");
        await FrontDoorWork.EnsureContactCaseAsync(db, concern, cancellationToken);
        await db.SaveChangesAsync(cancellationToken);
    }

    private async Task<bool> LoadAsync(Id<Concern> concernId, CancellationToken cancellationToken)
    {
        if (await ConcernView.LoadAsync(db, schedule, concernId, cancellationToken) is not { } view)
        {
            return false;
        }
        View = view;
        var c = view.Concern;
        // Everyone offered as a possible match, child or adult, is logged as seen in a search.
        foreach (var adult in c.Adults.Where(a => a.PersonId is null))
        {
            var candidates = await matcher.AdultCandidatesAsync(adult.Name, adult.Phone, cancellationToken);
            foreach (var candidate in candidates)
            {
                await access.LogSeenInSearchAsync(candidate.Id, cancellationToken);
            }
            if (candidates.Count > 0)
            {
                AdultsToMatch.Add(new AdultToMatch(adult, candidates));
            }
        }
        if (c.PersonId is { } child)
        {
            // The page shows the concern about a child with a record, and their name from it: a read of the record.
            await access.LogReadAsync(child, AccessActions.ViewConcern, cancellationToken);
            LinkedChild = await db.People.Where(p => p.Id == child).Select(p => p.GivenName + " " + p.FamilyName).SingleAsync(cancellationToken);
        }
        else
        {
            var found = await ChildCandidatesAsync(c, cancellationToken);
            var knownTo = await access.KnownToAsync([.. found.Select(f => f.Id)], cancellationToken);
            foreach (var candidate in found)
            {
                await access.LogSeenInSearchAsync(candidate.Id, cancellationToken);
                Candidates.Add(new Candidate(candidate.Id, candidate.Name, candidate.DateOfBirth, candidate.Why, knownTo.GetValueOrDefault(candidate.Id) ?? []));
            }
        }
        await db.SaveChangesAsync(cancellationToken);
        return true;
    }

    // The children offered for a concern: by its details, or by the first name alone when that is all there is.
    private async Task<List<ConcernMatcher.Candidate>> ChildCandidatesAsync(Concern c, CancellationToken cancellationToken)
    {
        var found = await matcher.ChildCandidatesAsync(c.ChildGivenName, c.ChildFamilyName, c.ChildDateOfBirth, c.ChildNhsNumber, cancellationToken);
        return found.Count == 0 && c.ChildFamilyName is null
            ? await matcher.ChildCandidatesAsync(c.ChildGivenName, null, null, null, cancellationToken)
            : found;
    }

    public static string Nhs(string? number) => number is null ? "" : NhsNumber.Format(number);
}
