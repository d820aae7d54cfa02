namespace Safeguard.Core.Screening.Language;

/// <summary>
/// One phrase to avoid, with the reason and the better words, and the patterns that find it in its inflections
/// and word orders. Pattern syntax (docs/language.md): words separated by spaces; <c>a|b</c> either
/// word; <c>word*</c> any word starting so; <c>@class</c> any word of a bank word class; a trailing <c>?</c> makes
/// a position optional; <c>~N</c> allows up to N other words. Matching ignores case and punctuation, never crosses
/// a sentence, and a hyphenated word is two words (<c>risk-taking</c> is <c>risk taking</c>).
/// </summary>
/// <param name="UnlessBefore">Patterns that, ending within <see cref="PhraseBank.GuardWindow"/> words before a
/// match, show the words are used correctly (a negation: "could not consent"; another actor: "the adults involved in").</param>
/// <param name="UnlessAfter">Patterns that, starting within the window after a match, show the same
/// ("consented to share information", "risk-taking by the perpetrator").</param>
public sealed record PhraseRule(
    string Id,
    string Phrase,
    string Reason,
    string Suggestion,
    IReadOnlyList<string> Patterns,
    IReadOnlyList<string>? UnlessBefore = null,
    IReadOnlyList<string>? UnlessAfter = null);

/// <summary>
/// A phrase bank as data a partnership can adapt. <see cref="WordClasses"/> are named lists of words that
/// patterns use as <c>@name</c> (pronoun slots such as herself/himself/themselves, negations, adult actors).
/// </summary>
public sealed record PhraseBank(
    int Version,
    IReadOnlyDictionary<string, IReadOnlyList<string>> WordClasses,
    IReadOnlyList<PhraseRule> Rules)
{
    /// <summary>How many words away a guard may be from the match it guards.</summary>
    public const int GuardWindow = 3;

    /// <summary>Every problem that stops this bank being used, each naming the rule and pattern; empty when valid.</summary>
    public IReadOnlyList<string> Validate()
    {
        var problems = new List<string>();
        if (WordClasses is null || Rules is null)
        {
            problems.Add("The phrase bank must list word classes and rules.");
            return problems;
        }
        foreach (var (name, words) in WordClasses)
        {
            if (words is null || words.Count == 0)
            {
                problems.Add($"Word class '@{name}' has no words.");
            }
            foreach (var word in (words ?? []).Where(w => !PhrasePattern.IsWord(w)))
            {
                problems.Add($"Word class '@{name}' has '{word}', which is not a single lower-case word.");
            }
        }
        if (Rules.Count == 0)
        {
            problems.Add("The phrase bank has no rules.");
        }
        foreach (var id in Rules.GroupBy(r => r.Id, StringComparer.Ordinal).Where(g => g.Count() > 1).Select(g => g.Key))
        {
            problems.Add($"The rule id '{id}' is used more than once.");
        }
        foreach (var rule in Rules)
        {
            if (string.IsNullOrWhiteSpace(rule.Id) || string.IsNullOrWhiteSpace(rule.Phrase) || string.IsNullOrWhiteSpace(rule.Reason) || string.IsNullOrWhiteSpace(rule.Suggestion))
            {
                problems.Add($"Rule '{rule.Id}' must have an id, a phrase, a reason and a suggestion.");
            }
            if (rule.Patterns is null || rule.Patterns.Count == 0)
            {
                problems.Add($"Rule '{rule.Id}' has no patterns.");
            }
            foreach (var pattern in (rule.Patterns ?? []).Concat(rule.UnlessBefore ?? []).Concat(rule.UnlessAfter ?? []))
            {
                var (_, problem) = PhrasePattern.Compile(pattern, WordClasses);
                if (problem is not null)
                {
                    problems.Add($"Rule '{rule.Id}', pattern '{pattern}': {problem}");
                }
            }
        }
        return problems;
    }
}

/// <summary>
/// A flagged phrase. <see cref="Line"/> and <see cref="Column"/> are 1-based, the column counted in Unicode scalar
/// values (a character outside the Basic Multilingual Plane, such as an emoji, counts once; a combining accent
/// counts on its own). <see cref="Offset"/> and <see cref="Length"/> are in UTF-16 code units, as JavaScript and
/// .NET index strings, for highlighting. <see cref="Text"/> is the words as written.
/// </summary>
public sealed record LanguageFlag(
    string RuleId,
    string Phrase,
    string Text,
    int Line,
    int Column,
    int Offset,
    int Length,
    string Reason,
    string Suggestion);

/// <summary>The body of POST /api/language/check.</summary>
public sealed record LanguageCheckRequest(string Text);

/// <summary>The answer of POST /api/language/check: the flags in text order (empty for clean text).</summary>
public sealed record LanguageCheckResponse(IReadOnlyList<LanguageFlag> Flags);
