using System.Globalization;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.Mvc.Rendering;
using Microsoft.EntityFrameworkCore;
using Safeguard.Core;
using Safeguard.Core.Access;
using Safeguard.Core.Matching;
using Safeguard.Web.Auth;
using Safeguard.Web.Data;
using Safeguard.Web.Data.Model;
using Safeguard.Web.Features.Matching;
using Safeguard.Web.Features.Shared;
using Sex = Safeguard.Web.Data.Model.Sex;

namespace Safeguard.Web.Features.People;

/// <summary>
/// Recording a child or adult Safeguard does not yet hold. Before anyone is created, the details are matched against
/// everyone held: likely matches are shown (name, date of birth, which agencies know them, what agrees — never the
/// other record's details), and the user opens that record, asks for access, or says it is none of them. Who was
/// offered is held by the server (<see cref="CandidateOffers"/>): "none of these" counts only for people this user was
/// offered, and a person held who was not offered sends the user back to the choice, so the check cannot be skipped.
/// The new record opens a piece of work for the user's agency (their relationship to it, and to nothing it is later
/// linked with: docs/adr/0012) and is matched again once saved: certain matches are linked, possible ones go to the
/// front door (a person the user declined is never linked automatically).
/// </summary>
[Authorize(Policy = Policies.Recorders)]
public sealed class NewModel(SafeguardDbContext db, ChildAccessService access, PersonMatching matching) : PageModel
{
    [BindProperty]
    public PersonInput Input { get; set; } = new();

    /// <summary>The id of the offer of possible matches the page showed (<see cref="CandidateOffer"/>), posted back when the user says it is none of them.</summary>
    [BindProperty]
    public string? Offer { get; set; }

    public List<CandidateView>? Candidates { get; private set; }

    public List<SelectListItem> KindOptions { get; } = [new("A child (under 18)", nameof(PersonKind.Child)), new("An adult", nameof(PersonKind.Adult))];
    public List<SelectListItem> SexOptions { get; } = Enum.GetValues<Sex>().Select(s => new SelectListItem(PeopleText.Describe(s), s.ToString())).ToList();

    public sealed record CandidateView(Id<Person> Id, string Name, DateOnly? DateOfBirth, IReadOnlyList<string> KnownTo, string Likelihood, IReadOnlyList<string> Agreements, bool CanOpen);

    public sealed class PersonInput
    {
        public string? Kind { get; set; }
        public string? GivenName { get; set; }
        public string? MiddleNames { get; set; }
        public string? FamilyName { get; set; }
        public DateInput DateOfBirth { get; set; } = new();
        public string? Sex { get; set; }
        public string? NhsNumber { get; set; }
        public string? Phone { get; set; }
        public string? AddressLine1 { get; set; }
        public string? Town { get; set; }
        public string? Postcode { get; set; }
        public string? Involvement { get; set; }
    }

    /// <summary>What the form describes, not yet saved.</summary>
    private sealed record Details(Person Person, PersonAddress? Address, string Involvement)
    {
        /// <summary>The person as matching compares them, from the same code that derives the stored forms.</summary>
        public PersonRecord Record => MatchIndex.Forms(Person, [], [], Address is null ? [] : [Address])[0];
    }

    public void OnGet()
    {
    }

    /// <summary>First step: look for the person among those already held before creating anyone.</summary>
    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        if (Validate() is not { } details)
        {
            return Page();
        }
        var candidates = await matching.FindCandidatesAsync(details.Record, cancellationToken);
        if (candidates.Count == 0)
        {
            return await CreateAsync(details, [], cancellationToken);
        }
        return await OfferAsync(candidates, cancellationToken);
    }

    /// <summary>Second step: the user has seen the likely matches and says it is none of them.</summary>
    public async Task<IActionResult> OnPostCreateAsync(CancellationToken cancellationToken)
    {
        if (Validate() is not { } details)
        {
            return Page();
        }
        // Who is held is asked again: anyone this user was not offered (no offer, another user's, or someone found
        // since) means the choice has not been made, and it is shown again.
        var candidates = await matching.FindCandidatesAsync(details.Record, cancellationToken);
        var offered = (await CandidateOffers.FindAsync(db, Offer, access.User.UserId, CandidateOfferPurpose.NewPerson, offeredFor: null, cancellationToken))?.PeopleOffered ?? [];
        if (candidates.Any(c => !offered.Contains(c.PersonId)))
        {
            return await OfferAsync(candidates, cancellationToken);
        }
        return await CreateAsync(details, [.. offered], cancellationToken);
    }

    // Shows the likely matches, each logged as seen in a search, and records what was offered to this user.
    private async Task<IActionResult> OfferAsync(IReadOnlyList<PersonMatching.Candidate> candidates, CancellationToken cancellationToken)
    {
        var people = candidates.Select(c => c.PersonId).ToList();
        var names = await db.People.AsNoTracking().Where(p => people.Contains(p.Id))
            .Select(p => new { p.Id, Name = p.GivenName + " " + p.FamilyName, p.DateOfBirth }).ToDictionaryAsync(p => p.Id, cancellationToken);
        var knownTo = await access.KnownToAsync(people, cancellationToken);
        Candidates = [];
        foreach (var candidate in candidates)
        {
            var basis = await access.LogSeenInSearchAsync(candidate.PersonId, cancellationToken);
            var person = names[candidate.PersonId];
            Candidates.Add(new CandidateView(candidate.PersonId, person.Name, person.DateOfBirth, knownTo.GetValueOrDefault(candidate.PersonId) ?? [],
                MatchText.Likelihood(candidate.Band), MatchText.Agreements(candidate.Explanation), basis != AccessBasis.None));
        }
        var offer = CandidateOffers.Record(db, access.User.UserId, CandidateOfferPurpose.NewPerson, OfferedFor(), people);
        await db.SaveChangesAsync(cancellationToken);
        Offer = offer.Id.ToString();
        ModelState.Remove(nameof(Offer));
        return Page();
    }

    // What the offer was for: the details as typed (kept only as a hash in the offer).
    private string OfferedFor() => string.Join('|', Input.Kind, Input.GivenName, Input.MiddleNames, Input.FamilyName, Input.DateOfBirth.Day, Input.DateOfBirth.Month,
        Input.DateOfBirth.Year, Input.Sex, Input.NhsNumber, Input.Phone, Input.AddressLine1, Input.Town, Input.Postcode);

    private async Task<IActionResult> CreateAsync(Details details, List<Id<Person>> declined, CancellationToken cancellationToken)
    {
        var user = access.User;
        var now = db.Now;
        var person = details.Person;
        db.People.Add(person);
        if (details.Address is { } address)
        {
            db.PersonAddresses.Add(address);
        }
        // The user's agency's piece of work: their relationship to the record, and the first line of its chronology.
        var work = new ChildCase
        {
            PersonId = person.Id,
            AgencyId = user.AgencyId,
            Reference = string.Create(CultureInfo.InvariantCulture, $"{user.AgencyCode}-{now.Year}-{person.Id.Value.ToString("N")[^6..].ToUpperInvariant()}"),
            Category = details.Involvement,
            OpenedAt = now,
        };
        work.Allocations.Add(new CaseAllocation { CaseId = work.Id, PersonId = person.Id, UserId = user.UserId, TeamId = user.TeamId, IsLead = true, AllocatedAt = now });
        db.Cases.Add(work);
        db.Chronology.Add(new ChronologyEntry
        {
            PersonId = person.Id,
            AgencyId = user.AgencyId,
            RecordedByUserId = user.UserId,
            Kind = ChronologyKinds.CaseOpened,
            OccurredAt = now,
            RecordedAt = now,
            Summary = $"{details.Involvement} opened.",
            Source = $"case/{work.Id}",
        });
        await db.SaveChangesAsync(cancellationToken);
        var match = await matching.MatchOnIntakeAsync(person.Id, cancellationToken, declined);
        TempData["Saved"] = "The record was created and your agency's work with them opened." + await MatchText.OutcomeForAsync(match, access, cancellationToken);
        // Their own record: it sends them on to the combined record only if they may see it.
        return Redirect($"/children/{person.Id}");
    }

    private Details? Validate()
    {
        var user = access.User;
        var now = db.Now;
        if (!Enum.TryParse<PersonKind>(Input.Kind, out var kind))
        {
            ModelState.AddModelError("Input.Kind", "Select whether you are recording a child or an adult");
        }
        var givenName = ModelState.RequiredText(Input.GivenName, "Input.GivenName", "Enter a first name, or the name they use", 200, "First name");
        var middle = ModelState.OptionalText(Input.MiddleNames, "Input.MiddleNames", 200, "Middle names");
        var familyName = ModelState.RequiredText(Input.FamilyName, "Input.FamilyName", "Enter a family name", 200, "Family name");
        var dateOfBirth = ModelState.OptionalPastDate(Input.DateOfBirth, "Input.DateOfBirth", "Date of birth", DateOnly.FromDateTime(now.UtcDateTime));
        if (!Enum.TryParse<Sex>(Input.Sex, out var sex))
        {
            ModelState.AddModelError("Input.Sex", "Choose an option for sex");
        }
        var nhsNumber = ModelState.OptionalNhsNumber(Input.NhsNumber, "Input.NhsNumber");
        var phone = ModelState.OptionalText(Input.Phone, "Input.Phone", 40, "Phone");
        var line1 = ModelState.OptionalText(Input.AddressLine1, "Input.AddressLine1", 200, "Address line 1");
        var town = ModelState.OptionalText(Input.Town, "Input.Town", 100, "Town");
        var postcode = ModelState.OptionalText(Input.Postcode, "Input.Postcode", 10, "Postcode")?.ToUpperInvariant();
        if (line1 is null && (town is not null || postcode is not null))
        {
            ModelState.AddModelError("Input.AddressLine1", "Enter the first line of the address, or leave the address blank");
        }
        var involvement = ModelState.RequiredText(Input.Involvement, "Input.Involvement", "Enter what your agency's work with them is", 100, "Your agency's work");
        if (!ModelState.IsValid)
        {
            return null;
        }
        var person = new Person
        {
            Kind = kind,
            GivenName = givenName!,
            MiddleNames = middle,
            FamilyName = familyName!,
            DateOfBirth = dateOfBirth,
            Sex = sex,
            NhsNumber = nhsNumber,
            Phone = phone,
            CreatedByAgencyId = user.AgencyId,
            CreatedAt = now,
        };
        var address = line1 is null ? null : new PersonAddress
        {
            PersonId = person.Id,
            Line1 = line1,
            Town = town,
            Postcode = postcode,
            RecordedByAgencyId = user.AgencyId,
            RecordedAt = now,
        };
        return new Details(person, address, involvement!);
    }
}
