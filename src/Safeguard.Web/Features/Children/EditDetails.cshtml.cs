using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.Mvc.Rendering;
using Safeguard.Core;
using Safeguard.Core.People;
using Safeguard.Web.Auth;
using Safeguard.Web.Data;
using Safeguard.Web.Data.Model;
using Safeguard.Web.Features.Matching;
using Safeguard.Web.Features.Shared;

namespace Safeguard.Web.Features.Children;

/// <summary>
/// Corrects a person's details. The save writes the values before and after to the ledger; the corrected record is
/// then matched against everyone else (a correction can reveal that two records are one person).
/// </summary>
public sealed class EditDetailsModel(SafeguardDbContext db, ChildAccessService access, PersonMatching matching) : PageModel
{
    [BindProperty]
    public DetailsInput Input { get; set; } = new();

    public Id<Person> Id { get; private set; }
    public string Name { get; private set; } = "";

    public List<SelectListItem> YesNo { get; } = [new("Yes", "true"), new("No", "false")];
    public List<SelectListItem> SexOptions { get; } = Enum.GetValues<Sex>().Select(s => new SelectListItem(PeopleText.Describe(s), s.ToString())).ToList();
    public List<SelectListItem> EthnicityOptions { get; } = Enum.GetValues<Ethnicity>().Select(e => new SelectListItem(EthnicityNames.Describe(e), e.ToString())).ToList();

    public sealed class DetailsInput
    {
        public string? GivenName { get; set; }
        public string? MiddleNames { get; set; }
        public string? FamilyName { get; set; }
        public DateInput DateOfBirth { get; set; } = new();
        public bool DateOfBirthIsEstimated { get; set; }
        public string? Sex { get; set; }
        public string? NhsNumber { get; set; }
        public string? Ethnicity { get; set; }
        public string? Nationality { get; set; }
        public string? FirstLanguage { get; set; }
        public bool InterpreterNeeded { get; set; }
        public string? Phone { get; set; }
    }

    public async Task<IActionResult> OnGetAsync(Id<Person> id, CancellationToken cancellationToken)
    {
        var person = await access.OpenForWriteAsync(id, cancellationToken);
        if (person is null)
        {
            return NotFound();
        }
        await db.SaveChangesAsync(cancellationToken);
        (Id, Name) = (id, person.FullName);
        Input = new DetailsInput
        {
            GivenName = person.GivenName,
            MiddleNames = person.MiddleNames,
            FamilyName = person.FamilyName,
            DateOfBirth = DateInput.From(person.DateOfBirth),
            DateOfBirthIsEstimated = person.DateOfBirthIsEstimated,
            Sex = person.Sex.ToString(),
            NhsNumber = person.NhsNumber is null ? null : NhsNumber.Format(person.NhsNumber),
            Ethnicity = person.Ethnicity.ToString(),
            Nationality = person.Nationality,
            FirstLanguage = person.FirstLanguage,
            InterpreterNeeded = person.InterpreterNeeded,
            Phone = person.Phone,
        };
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(Id<Person> id, CancellationToken cancellationToken)
    {
        var person = await access.OpenForWriteAsync(id, cancellationToken);
        if (person is null)
        {
            return NotFound();
        }
        (Id, Name) = (id, person.FullName);
        var givenName = ModelState.RequiredText(Input.GivenName, "Input.GivenName", "Enter a first name", 200, "First name");
        var familyName = ModelState.RequiredText(Input.FamilyName, "Input.FamilyName", "Enter a family name", 200, "Family name");
        var middle = ModelState.OptionalText(Input.MiddleNames, "Input.MiddleNames", 200, "Middle names");
        var nationality = ModelState.OptionalText(Input.Nationality, "Input.Nationality", 100, "Nationality");
        var language = ModelState.OptionalText(Input.FirstLanguage, "Input.FirstLanguage", 100, "First language");
        var dateOfBirth = ModelState.OptionalPastDate(Input.DateOfBirth, "Input.DateOfBirth", "Date of birth", DateOnly.FromDateTime(db.Now.UtcDateTime));
        var nhsNumber = ModelState.OptionalNhsNumber(Input.NhsNumber, "Input.NhsNumber");
        var phone = ModelState.OptionalText(Input.Phone, "Input.Phone", 40, "Phone");
        if (!Enum.TryParse<Sex>(Input.Sex, out var sex))
        {
            ModelState.AddModelError("Input.Sex", "Choose an option for sex");
        }
        if (!Enum.TryParse<Ethnicity>(Input.Ethnicity, out var ethnicity))
        {
            ModelState.AddModelError("Input.Ethnicity", "Choose an ethnicity, or 'not known' or 'not recorded'");
        }
        if (!ModelState.IsValid)
        {
            await db.SaveChangesAsync(cancellationToken);
            return Page();
        }
        person.GivenName = givenName!;
        person.MiddleNames = middle;
        person.FamilyName = familyName!;
        person.DateOfBirth = dateOfBirth;
        person.DateOfBirthIsEstimated = dateOfBirth is not null && Input.DateOfBirthIsEstimated;
        person.Sex = sex;
        person.NhsNumber = nhsNumber;
        person.Ethnicity = ethnicity;
        person.Nationality = nationality;
        person.FirstLanguage = language;
        person.InterpreterNeeded = Input.InterpreterNeeded;
        person.Phone = phone;
        await db.SaveChangesAsync(cancellationToken);
        var match = await matching.MatchOnIntakeAsync(id, cancellationToken);
        TempData["Saved"] = "Your corrections were saved. The previous details are kept in the record's history." + await MatchText.OutcomeForAsync(match, access, cancellationToken);
        // This record: it sends the user on to the combined record only if they may see it (docs/adr/0012).
        return Redirect($"/children/{id}");
    }
}
