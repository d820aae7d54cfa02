using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.Mvc.Rendering;
using Safeguard.Core;
using Safeguard.Core.Screening;
using Safeguard.Web.Auth;
using Safeguard.Web.Data;
using Safeguard.Web.Data.Model;
using Safeguard.Web.Features.Language;
using Safeguard.Web.Features.Shared;

namespace Safeguard.Web.Features.Screening;

/// <summary>
/// Change the band in force by professional judgement. Core decides what is allowed (a band of the instrument the
/// screening used, different from the band in force, with a rationale); the change is a new entry in the history and
/// the chronology, and the calculated result stays beside it.
/// </summary>
public sealed class OverrideModel(SafeguardDbContext db, ChildAccessService access, ScreeningInstruments instruments, LanguageReview language) : PageModel
{
    public const int MaximumRationaleLength = 8000;

    [BindProperty]
    public OverrideInput Input { get; set; } = new();

    public Id<Person> Id { get; private set; }
    public string Name { get; private set; } = "";
    public ScreeningRows.Entry? Current { get; private set; }
    public List<SelectListItem> BandOptions { get; private set; } = [];

    public sealed class OverrideInput
    {
        public string? BandId { get; set; }
        public string? Rationale { get; set; }
    }

    public async Task<IActionResult> OnGetAsync(Id<Person> id, CancellationToken cancellationToken)
    {
        if (await LoadAsync(id, cancellationToken) is null)
        {
            return NotFound();
        }
        await db.SaveChangesAsync(cancellationToken);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(Id<Person> id, CancellationToken cancellationToken)
    {
        if (await LoadAsync(id, cancellationToken) is not { } loaded)
        {
            return NotFound();
        }
        var (entries, instrument) = loaded;
        var rationale = ModelState.OptionalText(Input.Rationale, "Input.Rationale", MaximumRationaleLength, "The reason");
        if (Current is null || instrument is null)
        {
            ModelState.AddModelError("", "There is no screening to change: screen the child first.");
        }
        else
        {
            // Core's checks, split by field: those about the band alone (checked with any rationale), and the rest.
            var history = ScreeningRows.History(entries, instrument);
            var band = Input.BandId ?? "";
            var bandProblems = history.CheckOverride(instrument, band, "(a rationale)");
            if (band.Length == 0)
            {
                ModelState.AddModelError("Input.BandId", "Choose the band your professional judgement puts the child in");
            }
            else
            {
                foreach (var problem in bandProblems)
                {
                    ModelState.AddModelError("Input.BandId", problem);
                }
            }
            foreach (var problem in history.CheckOverride(instrument, band, rationale).Except(bandProblems))
            {
                ModelState.AddModelError("Input.Rationale", problem);
            }
        }
        if (!language.ReadyToSave(ModelState, new LanguageField("Input.Rationale", rationale, "Screening: reason for changing the band")))
        {
            await db.SaveChangesAsync(cancellationToken);
            return Page();
        }
        ScreeningRows.AddOverride(db, Current!, instrument!, instrument!.FindBand(Input.BandId!)!, rationale!, access.User);
        await db.SaveChangesAsync(cancellationToken);
        TempData["Saved"] = "The band is changed. The calculated result and your reason are both kept in the history.";
        return Redirect($"/children/{id}/screening");
    }

    private async Task<(List<ScreeningRows.Entry> Entries, ScreeningInstrument? Instrument)?> LoadAsync(Id<Person> id, CancellationToken cancellationToken)
    {
        var person = await access.OpenForWriteAsync(id, cancellationToken);
        if (person is null || person.Kind != PersonKind.Child)
        {
            return null;
        }
        (Id, Name) = (id, person.FullName);
        var entries = await ScreeningRows.ForChildAsync(db, id, cancellationToken);
        Current = entries.LastOrDefault();
        var instrument = Current is null ? null : await instruments.FindAsync(Current.Row.InstrumentId, Current.Row.InstrumentVersion, cancellationToken);
        BandOptions = instrument is null ? [] : [.. instrument.BandsInOrder.Where(b => b.Id != Current!.Row.BandId).Select(b => new SelectListItem(b.Name, b.Id))];
        return (entries, instrument);
    }
}
