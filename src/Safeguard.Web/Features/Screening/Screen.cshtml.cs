using System.Globalization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.Mvc.Rendering;
using Safeguard.Core;
using Safeguard.Core.Screening;
using Safeguard.Web.Auth;
using Safeguard.Web.Data;
using Safeguard.Web.Data.Model;
using Safeguard.Web.Features.Exploitation;
using Safeguard.Web.Features.Language;
using Safeguard.Web.Features.Shared;

namespace Safeguard.Web.Features.Screening;

/// <summary>
/// Screen a child for sexual exploitation on one page: the instrument's items grouped by domain, each marked present
/// or not, on evidence or professional concern, and (for items whose points depend on how recent they are) when it
/// last happened. What agencies have already recorded is shown beside the item it informs. Core scores it; the result
/// is appended to the child's history and the chronology.
/// </summary>
public sealed class ScreenModel(SafeguardDbContext db, ChildAccessService access, ScreeningInstruments instruments, LanguageReview language, HiddenExploitationReader exploitation) : PageModel
{
    public const int MaximumNotesLength = 8000;

    [BindProperty]
    public ScreeningInput Input { get; set; } = new();

    public Id<Person> Id { get; private set; }
    public string Name { get; private set; } = "";
    public bool AgeKnown { get; private set; }
    public ScreeningInstrument Instrument { get; private set; } = null!;
    /// <summary>What agencies recorded, by the screening item it informs.</summary>
    public Dictionary<string, List<RecordedFact>> Recorded { get; private set; } = [];

    public List<SelectListItem> BasisOptions { get; } =
        [new("Evidence", nameof(EvidenceBasis.Evidence)), new("Professional concern", nameof(EvidenceBasis.ProfessionalConcern))];

    public sealed class ScreeningInput
    {
        public string? InstrumentId { get; set; }
        public int InstrumentVersion { get; set; }
        public List<AnswerInput> Answers { get; set; } = [];
        public string? Age { get; set; }
        public string? Notes { get; set; }
    }

    public sealed class AnswerInput
    {
        public string? ItemId { get; set; }
        public bool Present { get; set; }
        public string? Basis { get; set; }
        public DateInput Date { get; set; } = new();
    }

    /// <summary>Whether when an item last happened changes its points (so the form asks for the date).</summary>
    public static bool AsksWhen(ScreeningItem item) => item.Points.Any(p => p.WithinMonths is not null);

    public async Task<IActionResult> OnGetAsync(Id<Person> id, CancellationToken cancellationToken)
    {
        if (await OpenAsync(id, cancellationToken) is not { } person)
        {
            return NotFound();
        }
        await db.SaveChangesAsync(cancellationToken);
        Input = new ScreeningInput
        {
            InstrumentId = Instrument.Id,
            InstrumentVersion = Instrument.Version,
            Answers = [.. Instrument.Items.Select(i => new AnswerInput { ItemId = i.Id, Basis = nameof(EvidenceBasis.Evidence) })],
        };
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(Id<Person> id, CancellationToken cancellationToken)
    {
        if (await OpenAsync(id, cancellationToken) is not { } person)
        {
            return NotFound();
        }
        var today = UkTime.DateOf(db.Now);
        if (Input.InstrumentId != Instrument.Id || Input.InstrumentVersion != Instrument.Version)
        {
            // A new version was added while this form was open: show its items, keeping the answers that still apply.
            var posted = Input.Answers.Where(a => a.ItemId is not null).GroupBy(a => a.ItemId!).ToDictionary(g => g.Key, g => g.First());
            Input.Answers = [.. Instrument.Items.Select(i => posted.GetValueOrDefault(i.Id) ?? new AnswerInput { ItemId = i.Id, Basis = nameof(EvidenceBasis.Evidence) })];
            (Input.InstrumentId, Input.InstrumentVersion) = (Instrument.Id, Instrument.Version);
            ModelState.Clear();
            ModelState.AddModelError("", $"The screening tool was updated to version {Instrument.Version} while you were screening. Check your answers and screen again.");
            await db.SaveChangesAsync(cancellationToken);
            return Page();
        }

        var answers = new List<ScreeningAnswer>();
        for (var i = 0; i < Input.Answers.Count; i++)
        {
            var answer = Input.Answers[i];
            var item = Instrument.FindItem(answer.ItemId ?? "");
            if (item is null || !answer.Present)
            {
                continue;
            }
            var basis = Enum.TryParse<EvidenceBasis>(answer.Basis, out var b) ? b : EvidenceBasis.Evidence;
            DateOnly? when = null;
            if (AsksWhen(item))
            {
                when = ModelState.OptionalPastDate(answer.Date, $"Input.Answers[{i}].Date", $"When '{item.Text}' last happened", today);
                if (when is { } date && person.DateOfBirth is { } born && date < born)
                {
                    ModelState.AddModelError($"Input.Answers[{i}].Date", $"When '{item.Text}' last happened must be after the child was born");
                }
            }
            answers.Add(new ScreeningAnswer(item.Id, true, when, basis));
        }

        int age = 0;
        if (person.DateOfBirth is { } dob)
        {
            age = ScreeningScorer.AgeOn(dob, today);
            if (age > 17)
            {
                ModelState.AddModelError("", $"{person.GivenName} is {age}: the screening is for children under 18.");
            }
        }
        else if (!int.TryParse(Input.Age, NumberStyles.None, CultureInfo.InvariantCulture, out age) || age > 17)
        {
            ModelState.AddModelError("Input.Age", "Enter the child's age in years, from 0 to 17");
        }
        var notes = ModelState.OptionalText(Input.Notes, "Input.Notes", MaximumNotesLength, "What the child said and what worries you");
        if (ModelState.IsValid)
        {
            foreach (var problem in ScreeningScorer.CheckAnswers(Instrument, answers, age, today))
            {
                ModelState.AddModelError("", problem);
            }
        }
        if (!language.ReadyToSave(ModelState, new LanguageField("Input.Notes", notes, "Screening: what the child said and what worries you")))
        {
            await db.SaveChangesAsync(cancellationToken);
            return Page();
        }

        var result = ScreeningScorer.Score(Instrument, answers, age, today);
        ScreeningRows.AddScreening(db, id, Instrument, result, answers, notes, access.User);
        await db.SaveChangesAsync(cancellationToken);
        TempData["Saved"] = $"The screening is saved: {result.Band.Name.ToLowerInvariant()} (score {result.Score}).";
        return Redirect($"/children/{id}/screening");
    }

    private async Task<Person?> OpenAsync(Id<Person> id, CancellationToken cancellationToken)
    {
        var person = await access.OpenForWriteAsync(id, cancellationToken);
        if (person is null || person.Kind != PersonKind.Child)
        {
            return null;
        }
        (Id, Name, AgeKnown) = (id, person.FullName, person.DateOfBirth is not null);
        Instrument = await instruments.CurrentAsync(cancellationToken);
        // The evidence shown beside each item comes from the linked records the user may see, and no others.
        var visible = (await access.ClusterAsync(id, cancellationToken)).Visible;
        var assessment = await exploitation.AssessRecordsAsync(id, visible, UkTime.DateOf(db.Now), cancellationToken);
        Recorded = (assessment?.Assessment.Indicators ?? [])
            .Where(i => i.Indicator.ScreeningItemId is not null)
            .GroupBy(i => i.Indicator.ScreeningItemId!)
            .ToDictionary(g => g.Key, g => g.SelectMany(i => i.Evidence).DistinctBy(f => f.Reference).OrderByDescending(f => f.On).ToList());
        return person;
    }
}
