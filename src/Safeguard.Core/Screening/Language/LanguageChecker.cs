namespace Safeguard.Core.Screening.Language;

/// <summary>
/// Finds the phrases of a phrase bank in free text and says why each is a problem and what to write instead.
/// Advisory only: it never blocks a record. Handles text of any size and script; the work is linear in the text.
/// Safe to share between threads.
/// </summary>
public sealed class LanguageChecker
{
    private readonly Dictionary<string, List<Candidate>> _byFirstWord = new(StringComparer.Ordinal);
    private readonly List<(string Prefix, Candidate Candidate)> _byFirstPrefix = [];

    public LanguageChecker(PhraseBank bank)
    {
        ArgumentNullException.ThrowIfNull(bank);
        var problems = bank.Validate();
        if (problems.Count > 0)
        {
            throw new ArgumentException($"The phrase bank cannot be used: {string.Join(" ", problems)}", nameof(bank));
        }
        Bank = bank;
        for (var order = 0; order < bank.Rules.Count; order++)
        {
            var rule = bank.Rules[order];
            var compiled = new CompiledRule(rule, order, Compile(rule.UnlessBefore), Compile(rule.UnlessAfter));
            foreach (var pattern in Compile(rule.Patterns))
            {
                var candidate = new Candidate(compiled, pattern);
                foreach (var word in pattern.First.Words)
                {
                    if (!_byFirstWord.TryGetValue(word, out var list))
                    {
                        _byFirstWord[word] = list = [];
                    }
                    list.Add(candidate);
                }
                _byFirstPrefix.AddRange(pattern.First.Prefixes.Select(prefix => (prefix, candidate)));
            }
        }

        List<PhrasePattern> Compile(IReadOnlyList<string>? patterns) =>
            [.. (patterns ?? []).Select(p => PhrasePattern.Compile(p, bank.WordClasses).Pattern!)];
    }

    public static LanguageChecker Default { get; } = new(DefaultPhraseBank.Instance);

    public PhraseBank Bank { get; }

    /// <summary>The flags for <paramref name="text"/> in text order; empty for clean text.</summary>
    public IReadOnlyList<LanguageFlag> Check(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var tokens = Tokenizer.Tokenize(text);
        var found = new List<(CompiledRule Rule, int Start, int End)>();
        for (var i = 0; i < tokens.Count; i++)
        {
            var word = tokens[i].Word;
            if (_byFirstWord.TryGetValue(word, out var candidates))
            {
                foreach (var candidate in candidates)
                {
                    TryMatch(candidate, i);
                }
            }
            foreach (var (prefix, candidate) in _byFirstPrefix)
            {
                if (word.StartsWith(prefix, StringComparison.Ordinal))
                {
                    TryMatch(candidate, i);
                }
            }
        }

        // Within a rule keep the leftmost, then longest, of overlapping matches; different rules may overlap.
        var kept = found
            .OrderBy(f => f.Start).ThenByDescending(f => f.End).ThenBy(f => f.Rule.Order)
            .GroupBy(f => f.Rule.Order)
            .SelectMany(KeepNonOverlapping)
            .OrderBy(f => f.Start).ThenBy(f => f.Rule.Order)
            .ToList();
        return ToFlags(text, tokens, kept);

        void TryMatch(Candidate candidate, int start)
        {
            var end = candidate.Pattern.Match(tokens, start);
            if (end >= 0 && !IsGuarded(candidate.Rule, tokens, start, end))
            {
                found.Add((candidate.Rule, start, end));
            }
        }
    }

    private static IEnumerable<(CompiledRule Rule, int Start, int End)> KeepNonOverlapping(IEnumerable<(CompiledRule Rule, int Start, int End)> matches)
    {
        var lastEnd = -1;
        foreach (var match in matches)
        {
            if (match.Start > lastEnd)
            {
                lastEnd = match.End;
                yield return match;
            }
        }
    }

    private static bool IsGuarded(CompiledRule rule, List<Token> tokens, int start, int end)
    {
        var sentence = tokens[start].Sentence;
        foreach (var guard in rule.UnlessBefore)
        {
            // A guard may be several words long; it must end within the window before the match.
            for (var at = Math.Max(0, start - PhraseBank.GuardWindow - 6); at < start; at++)
            {
                if (tokens[at].Sentence != sentence)
                {
                    continue;
                }
                var guardEnd = guard.Match(tokens, at);
                if (guardEnd >= 0 && guardEnd >= start - PhraseBank.GuardWindow && guardEnd < start)
                {
                    return true;
                }
            }
        }
        foreach (var guard in rule.UnlessAfter)
        {
            for (var at = end + 1; at <= end + PhraseBank.GuardWindow && at < tokens.Count && tokens[at].Sentence == sentence; at++)
            {
                if (guard.Match(tokens, at) >= 0)
                {
                    return true;
                }
            }
        }
        return false;
    }

    private static List<LanguageFlag> ToFlags(string text, List<Token> tokens, List<(CompiledRule Rule, int Start, int End)> matches)
    {
        // One pass over the text turns UTF-16 offsets (in ascending order) into 1-based lines and columns counted
        // in Unicode scalar values; \r\n, \n and \r each end a line.
        var flags = new List<LanguageFlag>(matches.Count);
        var line = 1;
        var column = 1;
        var position = 0;
        foreach (var (rule, start, end) in matches)
        {
            var offset = tokens[start].Start;
            while (position < offset)
            {
                var c = text[position];
                if (c == '\r' && position + 1 < text.Length && text[position + 1] == '\n')
                {
                    position++;
                }
                if (c is '\n' or '\r')
                {
                    line++;
                    column = 1;
                }
                else
                {
                    if (char.IsHighSurrogate(c) && position + 1 < text.Length && char.IsLowSurrogate(text[position + 1]))
                    {
                        position++;
                    }
                    column++;
                }
                position++;
            }
            var length = tokens[end].End - offset;
            var r = rule.Rule;
            flags.Add(new LanguageFlag(r.Id, r.Phrase, text.Substring(offset, length), line, column, offset, length, r.Reason, r.Suggestion));
        }
        return flags;
    }

    private sealed record CompiledRule(PhraseRule Rule, int Order, List<PhrasePattern> UnlessBefore, List<PhrasePattern> UnlessAfter);

    private sealed record Candidate(CompiledRule Rule, PhrasePattern Pattern);
}
