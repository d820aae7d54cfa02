using Microsoft.AspNetCore.Mvc.ModelBinding;
using Safeguard.Core.Screening.Language;
using Safeguard.Web.Auth;
using Safeguard.Web.Data;
using Safeguard.Web.Data.Model;

namespace Safeguard.Web.Features.Language;

/// <summary>One free-text field to check on submit: its form name, what was typed, and how the partnership's figures name it.</summary>
public sealed record LanguageField(string Key, string? Text, string Label);

/// <summary>
/// The language check on submit, for every form with free text. On POST, after the form's own validation:
/// <code>if (!language.ReadyToSave(ModelState, new("Input.Summary", summary, "Chronology: what happened"))) { return Page(); }</code>
/// and in the view, inside the form before its button, <c>&lt;partial name="_LanguageReview" /&gt;</c> (the
/// <c>sg-textarea language-check="true"</c> field shows the advice beside itself).
/// It never blocks the save. When the text holds flagged phrases the writer has not yet been shown, the form comes
/// back once with the reason and better words beside the field, and the choice to change them or keep their words;
/// the next submit saves whatever they chose. On the save, each phrase they were shown (here or while typing) is
/// recorded as kept or changed — rule, field, team, agency, time; not the text, not the writer — for the
/// partnership's figures.
/// </summary>
public sealed class LanguageReview(SafeguardDbContext db, LanguageChecker checker, IHttpContextAccessor http)
{
    /// <summary>Hidden form fields: the rules the server has shown for a field, and those shown while typing (set by the script).</summary>
    public const string ShownPrefix = "language-shown.";
    public const string SeenPrefix = "language-seen.";
    private const int MaximumIds = 200;
    private static readonly object s_itemsKey = new();

    /// <summary>What the view shows for one field: the flags in what was typed, and the rules shown or seen so far.</summary>
    public sealed record FieldReview(string Key, string Label, IReadOnlyList<LanguageFlag> Flags, IReadOnlyList<string> Shown, IReadOnlyList<string> Seen, bool NewlyShown);

    /// <summary>The fields checked in this request, for the partial and the textarea tag helper.</summary>
    public static IReadOnlyList<FieldReview> FieldsOf(HttpContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        return context.Items.TryGetValue(s_itemsKey, out var reviews) && reviews is List<FieldReview> list ? list : [];
    }

    /// <summary>
    /// True when the field was checked in this request: its form was the one posted. On a page with several forms,
    /// only that form carries the <c>_LanguageReview</c> partial.
    /// </summary>
    public static bool Checked(HttpContext context, string key) => FieldsOf(context).Any(r => r.Key == key);

    /// <summary>
    /// True when the record may be saved now; the kept/changed outcomes are then added to the context for the same
    /// save. False when the form must be shown again: the model state has errors, or the text has phrases the writer
    /// has not been shown (they are shown now). Call it after the form's own validation.
    /// </summary>
    public bool ReadyToSave(ModelStateDictionary modelState, params LanguageField[] fields)
    {
        ArgumentNullException.ThrowIfNull(modelState);
        ArgumentNullException.ThrowIfNull(fields);
        var context = http.HttpContext ?? throw new InvalidOperationException("The language check on submit needs a request.");
        var form = context.Request.HasFormContentType ? context.Request.Form : null;
        var known = checker.Bank.Rules.Select(r => r.Id).ToHashSet(StringComparer.Ordinal);
        var reviews = new List<FieldReview>();
        var outcomes = new List<(LanguageField Field, string RuleId, LanguageOutcome Outcome)>();
        string? Posted(string name) => form is not null && form.TryGetValue(name, out var value) ? value.ToString() : null;
        foreach (var field in fields)
        {
            var flags = checker.Check(field.Text ?? "");
            var flagged = flags.Select(f => f.RuleId).Distinct(StringComparer.Ordinal).ToList();
            var shown = Ids(Posted(ShownPrefix + field.Key), known);
            var seen = Ids(Posted(SeenPrefix + field.Key), known);
            var notYetShown = LanguageReviewRules.NotYetShown(flagged, shown);
            reviews.Add(new FieldReview(field.Key, field.Label, flags, [.. shown.Union(flagged, StringComparer.Ordinal)], seen, notYetShown.Count > 0));
            outcomes.AddRange(LanguageReviewRules.Outcomes(flagged, shown, seen, known).Select(o => (field, o.RuleId, o.Outcome)));
        }
        context.Items[s_itemsKey] = reviews;
        if (!modelState.IsValid || reviews.Any(r => r.NewlyShown))
        {
            return false;
        }
        var user = UserContext.From(context.User);
        var now = db.Now;
        db.LanguageOutcomes.AddRange(outcomes.Select(o => new LanguageFlagOutcome
        {
            RuleId = o.RuleId,
            Field = o.Field.Label,
            Outcome = o.Outcome,
            AgencyId = user.AgencyId,
            TeamId = user.TeamId,
            At = now,
        }));
        return true;
    }

    // Rule ids posted back by the form: only the bank's own, a bounded number.
    private static List<string> Ids(string? posted, HashSet<string> known) =>
        [.. (posted ?? "").Split(' ', StringSplitOptions.RemoveEmptyEntries).Take(MaximumIds).Where(known.Contains).Distinct(StringComparer.Ordinal)];
}
