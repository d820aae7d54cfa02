using System.Globalization;

namespace Safeguard.Core.Screening.Language;

/// <summary>A compiled pattern (syntax on <see cref="PhraseRule"/>): positions matched in order, each allowing a gap of up to N words before it.</summary>
internal sealed class PhrasePattern
{
    private const int MaxGap = 9;
    private const int MinPrefix = 3;

    private PhrasePattern(IReadOnlyList<Position> positions) => Positions = positions;

    public IReadOnlyList<Position> Positions { get; }

    public Position First => Positions[0];

    public static bool IsWord(string word) =>
        word.Length > 0 && word[0] != '\'' && word.All(c => c == '\'' || (char.IsLetterOrDigit(c) && !char.IsUpper(c)));

    public static (PhrasePattern? Pattern, string? Problem) Compile(string pattern, IReadOnlyDictionary<string, IReadOnlyList<string>> classes)
    {
        if (string.IsNullOrWhiteSpace(pattern))
        {
            return (null, "the pattern is empty.");
        }
        var positions = new List<Position>();
        int? gap = null;
        foreach (var part in pattern.Split(' ', StringSplitOptions.RemoveEmptyEntries))
        {
            if (part.StartsWith('~'))
            {
                if (gap is not null || positions.Count == 0)
                {
                    return (null, $"the gap '{part}' must come between two words.");
                }
                if (!int.TryParse(part.AsSpan(1), NumberStyles.None, CultureInfo.InvariantCulture, out var n) || n is < 1 or > MaxGap)
                {
                    return (null, $"the gap '{part}' must be ~1 to ~{MaxGap}.");
                }
                gap = n;
                continue;
            }
            var optional = part.EndsWith('?');
            var words = new HashSet<string>(StringComparer.Ordinal);
            var prefixes = new List<string>();
            foreach (var alternative in (optional ? part[..^1] : part).Split('|'))
            {
                if (alternative.StartsWith('@'))
                {
                    if (!classes.TryGetValue(alternative[1..], out var members))
                    {
                        return (null, $"there is no word class '{alternative}'.");
                    }
                    words.UnionWith(members ?? []);
                }
                else if (alternative.EndsWith('*'))
                {
                    var prefix = alternative[..^1];
                    if (prefix.Length < MinPrefix || !IsWord(prefix))
                    {
                        return (null, $"'{alternative}' must be a lower-case word start of at least {MinPrefix} letters.");
                    }
                    prefixes.Add(prefix);
                }
                else if (!IsWord(alternative))
                {
                    return (null, $"'{alternative}' is not a lower-case word (a hyphenated word is written as two words).");
                }
                else
                {
                    words.Add(alternative);
                }
            }
            if (optional && positions.Count == 0)
            {
                return (null, "the first word cannot be optional.");
            }
            positions.Add(new Position(words, [.. prefixes], optional, gap ?? 0));
            gap = null;
        }
        if (gap is not null)
        {
            return (null, "a gap cannot end the pattern.");
        }
        return (new PhrasePattern(positions), null);
    }

    /// <summary>The index of the last token of the shortest match starting at <paramref name="start"/>, or -1.</summary>
    public int Match(List<Token> tokens, int start) =>
        First.Matches(tokens[start].Word) ? MatchFrom(tokens, 1, start + 1, tokens[start].Sentence, 0) : -1;

    private int MatchFrom(List<Token> tokens, int position, int next, int sentence, int carriedGap)
    {
        if (position == Positions.Count)
        {
            return next - 1;
        }
        var p = Positions[position];
        var allowedGap = p.GapBefore + carriedGap;
        for (var skip = 0; skip <= allowedGap; skip++)
        {
            var at = next + skip;
            if (at >= tokens.Count || tokens[at].Sentence != sentence)
            {
                break;
            }
            if (p.Matches(tokens[at].Word))
            {
                var end = MatchFrom(tokens, position + 1, at + 1, sentence, 0);
                if (end >= 0)
                {
                    return end;
                }
            }
        }
        return p.Optional ? MatchFrom(tokens, position + 1, next, sentence, allowedGap) : -1;
    }

    internal sealed record Position(HashSet<string> Words, string[] Prefixes, bool Optional, int GapBefore)
    {
        public bool Matches(string word)
        {
            if (Words.Contains(word))
            {
                return true;
            }
            foreach (var prefix in Prefixes)
            {
                if (word.StartsWith(prefix, StringComparison.Ordinal))
                {
                    return true;
                }
            }
            return false;
        }
    }
}
