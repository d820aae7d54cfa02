namespace Safeguard.Core.Matching;

/// <summary>
/// Which held people to offer someone who will confirm the match themselves, when what they know is thin: an adult
/// named in a concern comes with a name or nickname and perhaps a phone number, rarely a date of birth.
/// <para>
/// The model's probability answers "are these two records, drawn from the whole population, one person?", so its
/// prior is tiny (about one in 600,000) and a name alone can never reach "possible": "Bill Hart" against William Hart
/// scores about 1.6%. That is right for linking records automatically and wrong for asking a reporter "is this the man
/// you mean?". Here a person decides, and they choose among a handful of people. So a candidate is offered when the
/// model rates them possible or better, or when the evidence of the fields given — the weight without the prior —
/// favours the same person by at least 1,000 to 1. With the shipped model that admits a full name (about 15 bits),
/// a nickname and the family name (13), the two names swapped (11) or the same phone number (12), and never a first
/// name alone (at most 8). A field that disagrees (another phone number: −10) counts against.
/// </para>
/// </summary>
public static class MatchOffer
{
    /// <summary>log2(1,000): the evidence, apart from the prior, that makes someone worth a reporter's look.</summary>
    public const double MinimumEvidenceBits = 10;

    /// <param name="weight">The pair's total weight (<see cref="Matcher.Weight(PreparedRecord, PreparedRecord, MatchModel)"/>), prior included.</param>
    public static bool ShouldOffer(double weight, MatchModel model)
    {
        ArgumentNullException.ThrowIfNull(model);
        return Matcher.Probability(weight) >= model.Thresholds.Possible || weight - model.PriorWeight >= MinimumEvidenceBits;
    }

    /// <summary>At most this many forms are looked up for one record (a name in several large families).</summary>
    public const int MaximumForms = 64;

    /// <summary>
    /// What to look up in the blocking index for a record to be confirmed by a person: the record as typed and, when it
    /// has no date of birth, again with every name its given and family names are variants of. Without a date of
    /// birth, blocking compares names as written (name codes would make a block of every Mohammed Khan), so "Bill
    /// Stott" would otherwise never meet William Stott. Each form only finds candidates; the typed record is scored.
    /// </summary>
    public static IReadOnlyList<PersonRecord> FormsToLookUp(PersonRecord typed, NameVariants variants)
    {
        ArgumentNullException.ThrowIfNull(typed);
        ArgumentNullException.ThrowIfNull(variants);
        if (typed.DateOfBirth is not null)
        {
            return [typed];
        }
        var given = Spellings(typed.GivenName, variants).ToList();
        var family = Spellings(typed.FamilyName, variants).ToList();
        return [.. given.SelectMany(g => family.Select(f => typed with { GivenName = g, FamilyName = f })).Distinct().Take(MaximumForms)];
    }

    private static IEnumerable<string?> Spellings(string? name, NameVariants variants)
    {
        yield return name;
        foreach (var family in variants.FamiliesOf(TextNormaliser.Name(name)))
        {
            foreach (var member in variants.Members(family))
            {
                yield return member;
            }
        }
    }
}
