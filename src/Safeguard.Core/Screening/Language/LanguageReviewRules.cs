namespace Safeguard.Core.Screening.Language;

public enum LanguageOutcome
{
    /// <summary>The writer saw the advice and saved the phrase as written.</summary>
    Kept,

    /// <summary>The writer saw the advice and the phrase is gone from what they saved.</summary>
    Changed,
}

/// <summary>
/// The rules of the check on submit. The writer is shown every flagged phrase once before the record is saved (as
/// they type, when the page's script runs, and on submit by the server); a phrase the server has shown them and that
/// is still there is kept; one they were shown and that is gone was changed. The check never blocks the save: a
/// phrase already shown never stops it again.
/// </summary>
public static class LanguageReviewRules
{
    /// <summary>The rules flagged now that the server has not yet shown the writer: when any, show the form again.</summary>
    public static IReadOnlyList<string> NotYetShown(IEnumerable<string> flaggedNow, IEnumerable<string> shownByServer)
    {
        ArgumentNullException.ThrowIfNull(flaggedNow);
        ArgumentNullException.ThrowIfNull(shownByServer);
        var shown = shownByServer.ToHashSet(StringComparer.Ordinal);
        return [.. flaggedNow.Distinct(StringComparer.Ordinal).Where(id => !shown.Contains(id))];
    }

    /// <summary>
    /// The outcome of each rule the writer was shown (by the server or while typing) or that is in the text saved,
    /// in rule-id order. Only rules of <paramref name="knownRules"/> count, so a tampered form cannot invent any.
    /// </summary>
    public static IReadOnlyList<(string RuleId, LanguageOutcome Outcome)> Outcomes(
        IEnumerable<string> flaggedNow, IEnumerable<string> shownByServer, IEnumerable<string> seenWhileTyping, IReadOnlySet<string> knownRules)
    {
        ArgumentNullException.ThrowIfNull(flaggedNow);
        ArgumentNullException.ThrowIfNull(shownByServer);
        ArgumentNullException.ThrowIfNull(seenWhileTyping);
        ArgumentNullException.ThrowIfNull(knownRules);
        var present = flaggedNow.ToHashSet(StringComparer.Ordinal);
        return [.. present.Concat(shownByServer).Concat(seenWhileTyping)
            .Where(knownRules.Contains)
            .Distinct(StringComparer.Ordinal)
            .Order(StringComparer.Ordinal)
            .Select(id => (id, present.Contains(id) ? LanguageOutcome.Kept : LanguageOutcome.Changed))];
    }
}
