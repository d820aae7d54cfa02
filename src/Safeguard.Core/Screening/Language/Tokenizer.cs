using System.Globalization;
using System.Text;

namespace Safeguard.Core.Screening.Language;

/// <summary>A word of the text: lower-cased, possessive 's removed; <see cref="Start"/> and <see cref="End"/> (exclusive) in UTF-16 code units.</summary>
internal readonly record struct Token(string Word, int Start, int End, int Sentence);

/// <summary>
/// Splits any text into words and sentences without failing: a word is a run of letters, combining marks and
/// digits in any script, with apostrophes inside it (can't, child's); everything else separates words. A sentence
/// ends at . ! ? ; … (and their full-width forms) or at a blank line. Unpaired surrogates are separators.
/// </summary>
internal static class Tokenizer
{
    public static List<Token> Tokenize(string text)
    {
        var tokens = new List<Token>(text.Length / 6);
        var word = new StringBuilder();
        Span<char> lowered = stackalloc char[2];
        var sentence = 0;
        var sentenceEnded = false;
        var lineBreaksInGap = 0;
        var i = 0;
        while (i < text.Length)
        {
            if (IsWordAt(text, i, out var rune, out var length))
            {
                if (sentenceEnded && tokens.Count > 0)
                {
                    sentence++;
                }
                sentenceEnded = false;
                lineBreaksInGap = 0;
                var start = i;
                word.Clear();
                while (i < text.Length)
                {
                    if (IsWordAt(text, i, out rune, out length))
                    {
                        var written = Rune.ToLowerInvariant(rune).EncodeToUtf16(lowered);
                        word.Append(lowered[..written]);
                        i += length;
                    }
                    else if (text[i] is '\'' or '\u2019' && i + 1 < text.Length && IsWordAt(text, i + 1, out _, out _))
                    {
                        word.Append('\'');
                        i++;
                    }
                    else
                    {
                        break;
                    }
                }
                var normalised = word.Length > 2 && word[^2] == '\'' && word[^1] == 's' ? word.ToString(0, word.Length - 2) : word.ToString();
                tokens.Add(new Token(normalised, start, i, sentence));
                continue;
            }

            var c = text[i];
            if (c is '.' or '!' or '?' or ';' or '\u2026' or '\u3002' or '\uFF01' or '\uFF1F' or '\uFF1B')
            {
                sentenceEnded = true;
            }
            else if (c is '\n' or '\r')
            {
                if (c == '\r' && i + 1 < text.Length && text[i + 1] == '\n')
                {
                    length = 2;
                }
                if (++lineBreaksInGap >= 2)
                {
                    sentenceEnded = true;
                }
            }
            else if (!char.IsWhiteSpace(c))
            {
                lineBreaksInGap = 0;
            }
            i += length;
        }
        return tokens;
    }

    private static bool IsWordAt(string text, int index, out Rune rune, out int length)
    {
        if (Rune.DecodeFromUtf16(text.AsSpan(index), out rune, out length) != System.Buffers.OperationStatus.Done)
        {
            return false;
        }
        if (Rune.IsLetterOrDigit(rune))
        {
            return true;
        }
        return Rune.GetUnicodeCategory(rune) is UnicodeCategory.NonSpacingMark or UnicodeCategory.SpacingCombiningMark or UnicodeCategory.EnclosingMark;
    }
}
