using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.Mvc.Rendering;
using Safeguard.Core;
using Safeguard.Web.Auth;
using Safeguard.Web.Data;
using Safeguard.Web.Data.Model;
using Safeguard.Web.Features.Language;
using Safeguard.Web.Features.Matching;
using Safeguard.Web.Features.Shared;

namespace Safeguard.Web.Features.Children;

/// <summary>Adds a name, identifier, address, contact or vulnerability to a person's record.</summary>
public sealed class AddToRecordModel(SafeguardDbContext db, ChildAccessService access, LanguageReview language, PersonMatching matching) : PageModel
{
    [BindProperty]
    public ItemInput Input { get; set; } = new();

    public Id<Person> Id { get; private set; }
    public string What { get; private set; } = "";
    public string Name { get; private set; } = "";

    public string Heading => What switch
    {
        "name" => "Add a name",
        "identifier" => "Add an identifier",
        "address" => "Add an address",
        "contact" => "Add a contact",
        _ => "Add a vulnerability",
    };

    public List<SelectListItem> YesNo { get; } = [new("Yes", "true"), new("No", "false")];
    public List<SelectListItem> NameKinds { get; } = Enum.GetValues<PersonNameKind>().Select(k => new SelectListItem(PeopleText.Describe(k), k.ToString())).ToList();
    public List<SelectListItem> IdentifierKinds { get; } = Enum.GetValues<IdentifierKind>().Select(k => new SelectListItem(PeopleText.Describe(k), k.ToString())).ToList();
    public List<SelectListItem> VulnerabilityKinds { get; } = Enum.GetValues<VulnerabilityKind>().Select(k => new SelectListItem(PeopleText.Describe(k), k.ToString())).ToList();

    public sealed class ItemInput
    {
        public string? Text { get; set; }
        public string? NameKind { get; set; }
        public string? IdentifierKind { get; set; }
        public string? VulnerabilityKind { get; set; }
        public string? Line2 { get; set; }
        public string? Town { get; set; }
        public string? Postcode { get; set; }
        public DateInput From { get; set; } = new();
        public string? Relationship { get; set; }
        public string? Phone { get; set; }
        public bool HasParentalResponsibility { get; set; }
    }

    public async Task<IActionResult> OnGetAsync(Id<Person> id, string what, CancellationToken cancellationToken)
    {
        var person = await access.OpenForWriteAsync(id, cancellationToken);
        if (person is null)
        {
            return NotFound();
        }
        await db.SaveChangesAsync(cancellationToken);
        (Id, What, Name) = (id, what, person.FullName);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(Id<Person> id, string what, CancellationToken cancellationToken)
    {
        var person = await access.OpenForWriteAsync(id, cancellationToken);
        if (person is null)
        {
            return NotFound();
        }
        (Id, What, Name) = (id, what, person.FullName);
        var user = access.User;
        var now = db.Now;
        object? item = what switch
        {
            "name" => NameItem(id, user, now),
            "identifier" => IdentifierItem(id, user, now),
            "address" => AddressItem(id, user, now),
            "contact" => ContactItem(id, user, now),
            _ => VulnerabilityItem(id, user, now),
        };
        // Vulnerability notes are the free text here: they get the language check on submit.
        var wordingReady = what != "vulnerability" || language.ReadyToSave(ModelState, new LanguageField("Input.Text", Input.Text, "Vulnerability: notes"));
        if (!ModelState.IsValid || !wordingReady || item is null)
        {
            await db.SaveChangesAsync(cancellationToken);
            return Page();
        }
        db.Add(item);
        await db.SaveChangesAsync(cancellationToken);
        if (item is PersonName or PersonIdentifier or PersonAddress)
        {
            // A new name, identifier or address can show that this child is someone another agency already holds.
            var match = await matching.MatchOnIntakeAsync(id, cancellationToken);
            TempData["Saved"] = "Your addition was saved to the record." + await MatchText.OutcomeForAsync(match, access, cancellationToken);
            // This record: it sends the user on to the combined record only if they may see it (docs/adr/0012).
            return Redirect($"/children/{id}");
        }
        TempData["Saved"] = "Your addition was saved to the record.";
        return Redirect($"/children/{id}");
    }

    private PersonName? NameItem(Id<Person> id, UserContext user, DateTimeOffset now)
    {
        var text = ModelState.RequiredText(Input.Text, "Input.Text", "Enter the name", 300, "Name");
        if (!Enum.TryParse<PersonNameKind>(Input.NameKind, out var kind))
        {
            ModelState.AddModelError("Input.NameKind", "Choose what kind of name this is");
        }
        return text is null ? null : new PersonName { PersonId = id, Kind = kind, Name = text, RecordedByAgencyId = user.AgencyId, RecordedAt = now };
    }

    private PersonIdentifier? IdentifierItem(Id<Person> id, UserContext user, DateTimeOffset now)
    {
        var text = ModelState.RequiredText(Input.Text, "Input.Text", "Enter the identifier", 100, "Identifier");
        if (!Enum.TryParse<IdentifierKind>(Input.IdentifierKind, out var kind))
        {
            ModelState.AddModelError("Input.IdentifierKind", "Choose what kind of identifier this is");
        }
        return text is null ? null : new PersonIdentifier { PersonId = id, Kind = kind, Value = text, RecordedByAgencyId = user.AgencyId, RecordedAt = now };
    }

    private PersonAddress? AddressItem(Id<Person> id, UserContext user, DateTimeOffset now)
    {
        var line1 = ModelState.RequiredText(Input.Text, "Input.Text", "Enter the first line of the address", 200, "Address line 1");
        var line2 = ModelState.OptionalText(Input.Line2, "Input.Line2", 200, "Address line 2");
        var town = ModelState.OptionalText(Input.Town, "Input.Town", 100, "Town");
        var postcode = ModelState.OptionalText(Input.Postcode, "Input.Postcode", 10, "Postcode")?.ToUpperInvariant();
        var from = ModelState.OptionalPastDate(Input.From, "Input.From", "The date", DateOnly.FromDateTime(now.UtcDateTime));
        return line1 is null ? null : new PersonAddress { PersonId = id, Line1 = line1, Line2 = line2, Town = town, Postcode = postcode, From = from, RecordedByAgencyId = user.AgencyId, RecordedAt = now };
    }

    private PersonContact? ContactItem(Id<Person> id, UserContext user, DateTimeOffset now)
    {
        var name = ModelState.RequiredText(Input.Text, "Input.Text", "Enter the contact's name", 200, "Name");
        var relationship = ModelState.RequiredText(Input.Relationship, "Input.Relationship", "Enter the contact's relationship to the child", 100, "Relationship");
        var phone = ModelState.OptionalText(Input.Phone, "Input.Phone", 40, "Phone");
        return name is null || relationship is null ? null : new PersonContact
        {
            PersonId = id,
            Name = name,
            Relationship = relationship,
            Phone = phone,
            HasParentalResponsibility = Input.HasParentalResponsibility,
            RecordedByAgencyId = user.AgencyId,
            RecordedAt = now,
        };
    }

    private PersonVulnerability? VulnerabilityItem(Id<Person> id, UserContext user, DateTimeOffset now)
    {
        var notes = ModelState.OptionalText(Input.Text, "Input.Text", 2000, "Notes");
        if (!Enum.TryParse<VulnerabilityKind>(Input.VulnerabilityKind, out var kind))
        {
            ModelState.AddModelError("Input.VulnerabilityKind", "Choose a vulnerability");
            return null;
        }
        return new PersonVulnerability { PersonId = id, Kind = kind, Notes = notes, RecordedByAgencyId = user.AgencyId, RecordedAt = now };
    }
}
