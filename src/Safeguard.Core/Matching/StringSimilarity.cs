namespace Safeguard.Core.Matching;

/// <summary>
/// String comparators for names and identifiers. Both are allocation-free for the short strings of person
/// records (they work on the stack), because they run in the innermost loop of batch linkage.
/// </summary>
public static class StringSimilarity
{
    // Up to this many cells the working arrays live on the stack.
    private const int StackLimit = 1024;

    /// <summary>
    /// Jaro–Winkler similarity in [0, 1] (Winkler 1990): the Jaro similarity, raised for a common prefix of up to
    /// four characters with scale 0.1. Two empty strings are identical (1); one empty string gives 0.
    /// </summary>
    public static double JaroWinkler(ReadOnlySpan<char> a, ReadOnlySpan<char> b)
    {
        var jaro = Jaro(a, b);
        var prefix = 0;
        var limit = Math.Min(4, Math.Min(a.Length, b.Length));
        while (prefix < limit && a[prefix] == b[prefix])
        {
            prefix++;
        }
        return jaro + (prefix * 0.1 * (1 - jaro));
    }

    /// <summary>Jaro similarity in [0, 1]: matching characters within a window, less half the transpositions.</summary>
    public static double Jaro(ReadOnlySpan<char> a, ReadOnlySpan<char> b)
    {
        if (a.Length == 0 && b.Length == 0)
        {
            return 1;
        }
        if (a.Length == 0 || b.Length == 0)
        {
            return 0;
        }
        var window = Math.Max(0, (Math.Max(a.Length, b.Length) / 2) - 1);
        Span<bool> aMatched = a.Length <= StackLimit ? stackalloc bool[a.Length] : new bool[a.Length];
        Span<bool> bMatched = b.Length <= StackLimit ? stackalloc bool[b.Length] : new bool[b.Length];
        var matches = 0;
        for (var i = 0; i < a.Length; i++)
        {
            var from = Math.Max(0, i - window);
            var to = Math.Min(b.Length - 1, i + window);
            for (var j = from; j <= to; j++)
            {
                if (!bMatched[j] && a[i] == b[j])
                {
                    aMatched[i] = true;
                    bMatched[j] = true;
                    matches++;
                    break;
                }
            }
        }
        if (matches == 0)
        {
            return 0;
        }
        var halfTranspositions = 0;
        var k = 0;
        for (var i = 0; i < a.Length; i++)
        {
            if (!aMatched[i])
            {
                continue;
            }
            while (!bMatched[k])
            {
                k++;
            }
            if (a[i] != b[k])
            {
                halfTranspositions++;
            }
            k++;
        }
        return JaroFormula(matches, halfTranspositions, a.Length, b.Length);
    }

    // Transpositions are half the out-of-order matches, rounded down as in Winkler's strcmp95.
    private static double JaroFormula(int matches, int halfTranspositions, int lengthA, int lengthB)
    {
        double m = matches;
        return ((m / lengthA) + (m / lengthB) + ((m - (halfTranspositions / 2)) / m)) / 3;
    }

    /// <summary>
    /// True when the strings differ by exactly one edit: a substitution, an insertion or deletion, or a swap of
    /// two adjacent characters. The same as a Damerau–Levenshtein distance of 1, in one pass.
    /// </summary>
    public static bool OneEditApart(ReadOnlySpan<char> a, ReadOnlySpan<char> b)
    {
        if (a.Length < b.Length)
        {
            var t = a;
            a = b;
            b = t;
        }
        if (a.Length - b.Length > 1)
        {
            return false;
        }
        var prefix = 0;
        while (prefix < b.Length && a[prefix] == b[prefix])
        {
            prefix++;
        }
        if (a.Length != b.Length)
        {
            // One insertion: the rest of the longer string after one skipped character equals the rest of the shorter.
            return a[(prefix + 1)..].SequenceEqual(b[prefix..]);
        }
        if (prefix == a.Length)
        {
            return false; // identical
        }
        if (a[(prefix + 1)..].SequenceEqual(b[(prefix + 1)..]))
        {
            return true; // one substitution
        }
        return prefix + 1 < a.Length && a[prefix] == b[prefix + 1] && a[prefix + 1] == b[prefix]
            && a[(prefix + 2)..].SequenceEqual(b[(prefix + 2)..]);
    }

    /// <summary>
    /// Damerau–Levenshtein distance (unrestricted, Lowrance and Wagner 1975): the fewest insertions, deletions,
    /// substitutions and transpositions of adjacent characters that turn one string into the other, where a
    /// transposed pair may also be edited (so "CA" → "ABC" is 2, not 3 as in optimal string alignment).
    /// </summary>
    public static int DamerauLevenshtein(ReadOnlySpan<char> a, ReadOnlySpan<char> b)
    {
        if (a.Length == 0)
        {
            return b.Length;
        }
        if (b.Length == 0)
        {
            return a.Length;
        }
        var width = b.Length + 2;
        var cells = (a.Length + 2) * width;
        Span<int> h = cells <= StackLimit ? stackalloc int[cells] : new int[cells];
        // Last row (1-based) in which each character of a was seen: a small list, since names have few letters.
        var alphabetSize = a.Length + b.Length;
        Span<char> seenChars = alphabetSize <= StackLimit ? stackalloc char[alphabetSize] : new char[alphabetSize];
        Span<int> seenRows = alphabetSize <= StackLimit ? stackalloc int[alphabetSize] : new int[alphabetSize];
        var seenCount = 0;

        var infinity = a.Length + b.Length;
        h[0] = infinity;
        for (var i = 0; i <= a.Length; i++)
        {
            h[(i + 1) * width] = infinity;
            h[((i + 1) * width) + 1] = i;
        }
        for (var j = 0; j <= b.Length; j++)
        {
            h[j + 1] = infinity;
            h[width + j + 1] = j;
        }
        for (var i = 1; i <= a.Length; i++)
        {
            var lastMatchColumn = 0;
            for (var j = 1; j <= b.Length; j++)
            {
                var rowOfB = 0;
                for (var s = 0; s < seenCount; s++)
                {
                    if (seenChars[s] == b[j - 1])
                    {
                        rowOfB = seenRows[s];
                        break;
                    }
                }
                var columnOfA = lastMatchColumn;
                var cost = 1;
                if (a[i - 1] == b[j - 1])
                {
                    cost = 0;
                    lastMatchColumn = j;
                }
                var substitute = h[(i * width) + j] + cost;
                var insert = h[((i + 1) * width) + j] + 1;
                var delete = h[(i * width) + j + 1] + 1;
                var transpose = h[(rowOfB * width) + columnOfA] + (i - rowOfB - 1) + 1 + (j - columnOfA - 1);
                h[((i + 1) * width) + j + 1] = Math.Min(Math.Min(substitute, insert), Math.Min(delete, transpose));
            }
            var found = false;
            for (var s = 0; s < seenCount; s++)
            {
                if (seenChars[s] == a[i - 1])
                {
                    seenRows[s] = i;
                    found = true;
                    break;
                }
            }
            if (!found)
            {
                seenChars[seenCount] = a[i - 1];
                seenRows[seenCount] = i;
                seenCount++;
            }
        }
        return h[((a.Length + 1) * width) + b.Length + 1];
    }
}
