using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.Mvc.Rendering;
using Safeguard.Core;
using Safeguard.Core.Intelligence;
using Safeguard.Web.Auth;
using Safeguard.Web.Data;
using Safeguard.Web.Data.Model;
using Safeguard.Web.Features.Language;
using Safeguard.Web.Features.Shared;

namespace Safeguard.Web.Features.Intelligence;

/// <summary>
/// The intelligence unit grades an item 3x5x2, sets its priority, and writes the sanitised version partners will
/// see (the original is kept as it was). A grade outside the scheme is refused with the values it allows.
/// </summary>
[Authorize(Policy = Policies.IntelligenceUnit)]
public sealed class GradeModel(SafeguardDbContext db, LanguageReview language) : PageModel
{
    [BindProperty]
    public GradeInput Input { get; set; } = new();

    public IntelligenceItem Item { get; private set; } = null!;

    public static IReadOnlyList<SelectListItem> SourceOptions { get; } =
        [.. Enum.GetValues<SourceEvaluation>().Select(s => new SelectListItem($"{(int)s}: {Grading.Describe(s)}", ((int)s).ToString(System.Globalization.CultureInfo.InvariantCulture)))];
    public static IReadOnlyList<SelectListItem> AssessmentOptions { get; } =
        [.. Enum.GetValues<IntelligenceAssessment>().Select(a => new SelectListItem($"{a}: {Grading.Describe(a)}", a.ToString()))];
    public static IReadOnlyList<SelectListItem> HandlingOptions { get; } =
        [.. Enum.GetValues<HandlingCode>().Select(h => new SelectListItem($"{h}: {Grading.Describe(h)}", h.ToString()))];
    public static IReadOnlyList<SelectListItem> ActionOptions { get; } =
        [new("None (handling P)", ""), .. Enum.GetValues<ActionCode>().Select(a => new SelectListItem($"{a}: {Grading.Describe(a)}", a.ToString()))];
    public static IReadOnlyList<SelectListItem> SanitisationOptions { get; } =
        [new("None (handling P)", ""), .. Enum.GetValues<SanitisationCode>().Select(s => new SelectListItem($"{s}: {Grading.Describe(s)}", s.ToString()))];
    public static IReadOnlyList<SelectListItem> PriorityOptions { get; } =
        [.. Enum.GetValues<IntelligencePriority>().Reverse().Select(p => new SelectListItem(Grading.Describe(p), p.ToString()))];

    public sealed class GradeInput
    {
        public string? Source { get; set; }
        public string? Assessment { get; set; }
        public string? Handling { get; set; }
        public string? Action { get; set; }
        public string? Sanitisation { get; set; }
        public string? Conditions { get; set; }
        public string? Priority { get; set; }
        public string? Sanitised { get; set; }
        public string? OriginatorNote { get; set; }
    }

    public async Task<IActionResult> OnGetAsync(Id<IntelligenceItem> id, CancellationToken cancellationToken)
    {
        if (await IntelligenceAccess.OpenAsync(db, UserContext.From(User), id, cancellationToken: cancellationToken) is not { IsUnit: true } opened)
        {
            return NotFound();
        }
        await db.SaveChangesAsync(cancellationToken);
        Item = opened.Item;
        var i = Item;
        Input = new GradeInput
        {
            Source = i.Source is { } s ? ((int)s).ToString(System.Globalization.CultureInfo.InvariantCulture) : null,
            Assessment = i.Assessment?.ToString(),
            Handling = i.Handling?.ToString(),
            Action = i.ActionCode?.ToString() ?? "",
            Sanitisation = i.SanitisationCode?.ToString() ?? "",
            Conditions = i.HandlingConditions,
            Priority = i.Priority.ToString(),
            Sanitised = i.SanitisedText,
        };
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(Id<IntelligenceItem> id, CancellationToken cancellationToken)
    {
        var user = UserContext.From(User);
        if (await IntelligenceAccess.OpenAsync(db, user, id, tracked: true, cancellationToken) is not { IsUnit: true } opened)
        {
            return NotFound();
        }
        Item = opened.Item;
        var (grade, errors) = Grading.Parse(Input.Source, Input.Assessment, Input.Handling, Input.Action, Input.Sanitisation, Input.Conditions);
        foreach (var error in errors)
        {
            ModelState.AddModelError($"Input.{error.Field}", error.Message);
        }
        if (!Enum.TryParse<IntelligencePriority>(Input.Priority, out var priority) || !Enum.IsDefined(priority))
        {
            ModelState.AddModelError("Input.Priority", "Choose the priority: high, medium or low");
        }
        var sanitised = ModelState.OptionalText(Input.Sanitised, "Input.Sanitised", 8000, "The sanitised version");
        var originatorNote = ModelState.OptionalText(Input.OriginatorNote, "Input.OriginatorNote", 1000, "The note of the originator's answer");
        if (originatorNote is not null && sanitised is null)
        {
            ModelState.AddModelError("Input.OriginatorNote", "Write the sanitised version the originator agreed to, or leave this blank");
        }
        if (!language.ReadyToSave(ModelState, new LanguageField("Input.Sanitised", sanitised, "Intelligence: sanitised version")))
        {
            await db.SaveChangesAsync(cancellationToken);
            return Page();
        }

        var item = Item;
        var now = db.Now;
        item.Source = grade!.Source;
        item.Assessment = grade.Assessment;
        item.Handling = grade.Handling;
        item.ActionCode = grade.Action;
        item.SanitisationCode = grade.Sanitisation;
        item.HandlingConditions = grade.Conditions;
        item.Priority = priority;
        item.GradedAt = now;
        item.GradedByUserId = user.UserId;
        if (!string.Equals(item.SanitisedText, sanitised, StringComparison.Ordinal))
        {
            item.SanitisedText = sanitised;
            item.SanitisedAt = sanitised is null ? null : now;
            // What the originator agreed to was the old wording: a new wording needs asking again.
            item.OriginatorConsultedAt = null;
            item.OriginatorConsultedNote = null;
        }
        if (originatorNote is not null)
        {
            item.OriginatorConsultedAt = now;
            item.OriginatorConsultedNote = originatorNote;
        }
        await db.SaveChangesAsync(cancellationToken);
        TempData["Saved"] = $"Graded {grade}.";
        return Redirect($"/intelligence/{id}");
    }
}
