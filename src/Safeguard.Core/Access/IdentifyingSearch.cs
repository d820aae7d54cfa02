using Safeguard.Core.Matching;

namespace Safeguard.Core.Access;

/// <summary>
/// When a search by someone with no relationship to a child identifies that child, so that they may learn the child
/// is known and to which agencies (how information meets), without anyone being able to list children by typing a
/// few letters. A search identifies a record when it gives its NHS number, or its full name with its exact date of
/// birth (the page checks the numbers; this decides the name).
/// <para>
/// A full name is a given name and a family name. Each word may be written as the record has it or as a variant the
/// matching engine knows (<see cref="NameVariants"/>: Katie for Katherine, Mohammed for Muhammad): a practitioner who
/// knows the child as Katie, with her date of birth, has identified her as surely as one who knows her birth
/// certificate, and "known to each agency under a different name" is the failure Safeguard exists to end. Typing
/// slips and partial names are not allowed: the exact date of birth is what makes the search point at one child,
/// and the name must not be a pattern that matches many.
/// </para>
/// </summary>
public static class IdentifyingSearch
{
    /// <summary>Whether the typed text has a given name and a family name (two words or more, once normalised).</summary>
    public static bool IsFullName(string? typed) => TextNormaliser.Tokens(TextNormaliser.Name(typed)).Length >= 2;

    /// <summary>
    /// Whether a typed full name names a record: its first word is the record's given name (its first word), its last
    /// words are the record's family name (every word of it), each the same or a known variant. Words typed between
    /// them are middle names and are not needed.
    /// </summary>
    public static bool Names(string? typed, string? givenName, string? familyName, NameVariants variants)
    {
        ArgumentNullException.ThrowIfNull(variants);
        var words = TextNormaliser.Tokens(TextNormaliser.Name(typed));
        var given = TextNormaliser.Tokens(TextNormaliser.Name(givenName));
        var family = TextNormaliser.Tokens(TextNormaliser.Name(familyName));
        if (words.Length < 2 || given.Length == 0 || family.Length == 0 || words.Length < family.Length + 1)
        {
            return false;
        }
        if (!Same(words[0], given[0], variants))
        {
            return false;
        }
        var offset = words.Length - family.Length;
        for (var i = 0; i < family.Length; i++)
        {
            if (!Same(words[offset + i], family[i], variants))
            {
                return false;
            }
        }
        return true;
    }

    /// <summary>
    /// Whether a typed full name names a record through another name it holds (known as, alias, previous name,
    /// alternative spelling). A one-word other name is a given name used with the record's family name.
    /// </summary>
    public static bool NamesThrough(string? typed, string? otherName, string? recordFamilyName, NameVariants variants)
    {
        var words = TextNormaliser.Tokens(TextNormaliser.Name(otherName));
        return words.Length switch
        {
            0 => false,
            1 => Names(typed, words[0], recordFamilyName, variants),
            _ => Names(typed, words[0], string.Join(' ', words[1..]), variants),
        };
    }

    private static bool Same(string typed, string held, NameVariants variants) =>
        string.Equals(typed, held, StringComparison.Ordinal) || variants.AreVariants(typed, held);
}
