using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.Mvc.Rendering;
using Safeguard.Core;
using Safeguard.Web.Auth;
using Safeguard.Web.Data;
using Safeguard.Web.Data.Model;
using Safeguard.Web.Features.Language;
using Safeguard.Web.Features.Shared;

namespace Safeguard.Web.Features.Voice;

/// <summary>
/// Record the child's own words and wishes, dated, with how they were heard. The child's words are kept exactly as
/// said and are not language-checked (a child may call an abuser their boyfriend: that is what they said); the
/// practitioner's note on the setting is.
/// </summary>
public sealed class AddModel(SafeguardDbContext db, ChildAccessService access, LanguageReview language) : PageModel
{
    public const int MaximumLength = 8000;

    public static readonly IReadOnlyList<string> Settings =
    [
        "Seen alone", "With a parent or carer present", "With another professional present", "By phone, message or online",
        "Through an interpreter", "Written or drawn by the child", "Told to another person who passed it on",
    ];

    [BindProperty]
    public VoiceInput Input { get; set; } = new();

    public Id<Person> Id { get; private set; }
    public string Name { get; private set; } = "";
    public string GivenName { get; private set; } = "";
    public List<SelectListItem> SettingOptions { get; } = [.. Settings.Select(s => new SelectListItem(s, s))];

    public sealed class VoiceInput
    {
        public DateInput SaidOn { get; set; } = new();
        public string? Words { get; set; }
        public string? Wishes { get; set; }
        public string? HowHeard { get; set; }
        public string? Context { get; set; }
    }

    public async Task<IActionResult> OnGetAsync(Id<Person> id, CancellationToken cancellationToken)
    {
        if (await OpenAsync(id, cancellationToken) is null)
        {
            return NotFound();
        }
        await db.SaveChangesAsync(cancellationToken);
        Input.SaidOn = DateInput.From(UkTime.DateOf(db.Now));
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(Id<Person> id, CancellationToken cancellationToken)
    {
        if (await OpenAsync(id, cancellationToken) is not { } person)
        {
            return NotFound();
        }
        var today = UkTime.DateOf(db.Now);
        if (!Input.SaidOn.TryParse("The date", out var saidOn, out var dateError))
        {
            ModelState.AddModelError("Input.SaidOn", dateError);
        }
        else if (saidOn > today)
        {
            ModelState.AddModelError("Input.SaidOn", "The date must be today or in the past");
        }
        else if (person.DateOfBirth is { } born && saidOn < born)
        {
            ModelState.AddModelError("Input.SaidOn", "The date must be after the child was born");
        }
        var words = ModelState.RequiredText(Input.Words, "Input.Words", $"Enter what {person.GivenName} said, in their words", MaximumLength, "What the child said");
        var wishes = ModelState.OptionalText(Input.Wishes, "Input.Wishes", MaximumLength, "What the child wants");
        var context = ModelState.OptionalText(Input.Context, "Input.Context", MaximumLength, "Your note");
        if (string.IsNullOrEmpty(Input.HowHeard) || !Settings.Contains(Input.HowHeard))
        {
            ModelState.AddModelError("Input.HowHeard", $"Choose how you heard {person.GivenName}");
        }
        if (!language.ReadyToSave(ModelState, new LanguageField("Input.Context", context, "Child's voice: practitioner's note")))
        {
            await db.SaveChangesAsync(cancellationToken);
            return Page();
        }
        var user = access.User;
        db.ChildVoices.Add(new ChildVoice
        {
            PersonId = id,
            SaidOn = saidOn,
            Words = words!,
            Wishes = wishes,
            HowHeard = Input.HowHeard!,
            Context = context,
            AgencyId = user.AgencyId,
            RecordedByUserId = user.UserId,
            RecordedAt = db.Now,
        });
        await db.SaveChangesAsync(cancellationToken);
        TempData["Saved"] = $"What {person.GivenName} said is saved and shown at the top of the record.";
        return Redirect($"/children/{id}");
    }

    private async Task<Person?> OpenAsync(Id<Person> id, CancellationToken cancellationToken)
    {
        var person = await access.OpenForWriteAsync(id, cancellationToken);
        if (person is not null)
        {
            (Id, Name, GivenName) = (id, person.FullName, person.GivenName);
        }
        return person;
    }
}
