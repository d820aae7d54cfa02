using System.Globalization;

namespace Safeguard.Core.Matching;

/// <summary>
/// A blocking rule: two records become a candidate pair when they share one of the rule's keys.
/// <paramref name="BlockedComparisons"/> are the comparisons whose fields make the key (left out when the
/// rule's pairs are used to estimate m). <paramref name="OnlyWhenDateOfBirthMissing"/> marks a rule that exists
/// to catch records without a date of birth, so it proposes a pair only when at least one of the two has none.
/// </summary>
public sealed record BlockingRule(string Name, string Description, IReadOnlyList<int> BlockedComparisons, bool OnlyWhenDateOfBirthMissing = false)
{
    internal bool Accepts(PreparedRecord a, PreparedRecord b) => !OnlyWhenDateOfBirthMissing || a.DateNumber == 0 || b.DateNumber == 0;
}

/// <summary>
/// Blocking by a union of rules. Comparing every pair of a million records is half a trillion comparisons, so
/// only pairs sharing a key under at least one rule are scored. Each rule tolerates the errors the others do
/// not: a record with a misspelt surname still shares its given name and date of birth, one with a wrong
/// date of birth still shares its names and postcode. Names enter keys as their sound (Double Metaphone) and
/// the usual form of their variant family, so Katie meets Katherine and Muhammad meets Mohammed; sorting the
/// two name codes makes a forename/surname swap share the key; ordering day and month makes a day/month swap share it.
/// </summary>
public static class Blocking
{
    public static IReadOnlyList<BlockingRule> Rules { get; } =
    [
        new("nhs_number", "same valid NHS number", [Comparisons.NhsNumber]),
        new("identifier", "same identifier", [Comparisons.Identifier]),
        new("email", "same email address", [Comparisons.Email]),
        new("phone", "same phone number", [Comparisons.Phone]),
        new("names_year", "given and family name codes (either order) and year of birth (the day or month may be wrong)", [Comparisons.GivenName, Comparisons.FamilyName, Comparisons.DateOfBirth]),
        new("names_birthday", "given and family name codes (either order), day and month of birth (the year may be wrong)", [Comparisons.GivenName, Comparisons.FamilyName, Comparisons.DateOfBirth]),
        new("given_dob", "given name code and date of birth (day and month in either order)", [Comparisons.GivenName, Comparisons.DateOfBirth]),
        new("family_dob", "family name code and date of birth (day and month in either order)", [Comparisons.FamilyName, Comparisons.DateOfBirth]),
        new("given_postcode", "given name code and full postcode", [Comparisons.GivenName, Comparisons.Location]),
        new("family_postcode", "family name code and full postcode", [Comparisons.FamilyName, Comparisons.Location]),
        new("dob_area", "date of birth and postcode area (UK: district)", [Comparisons.DateOfBirth, Comparisons.Location]),
        new("names_area", "given and family name codes (either order) and postcode area", [Comparisons.GivenName, Comparisons.FamilyName, Comparisons.Location]),
        new("house_area", "house number, street name code and postcode area", [Comparisons.Location]),
        new("given_house", "given name code, house number and street name code (the postcode may be missing or wrong)", [Comparisons.GivenName, Comparisons.Location]),
        new("family_house", "family name code, house number and street name code (the postcode may be missing or wrong)", [Comparisons.FamilyName, Comparisons.Location]),
        new("names_no_dob", "given and family name as written (either order), when a date of birth is missing", [Comparisons.GivenName, Comparisons.FamilyName], OnlyWhenDateOfBirthMissing: true),
    ];

    /// <summary>
    /// Every blocking key of a record, as "rule:value" strings. The web application stores these in an indexed
    /// table; the candidates for a new record are the people sharing any of its keys.
    /// </summary>
    public static IReadOnlyList<string> BlockingKeys(PreparedRecord record)
    {
        var keys = new List<string>();
        Keys(record, (rule, key) => keys.Add($"{Rules[rule].Name}:{key}"));
        return keys;
    }

    /// <summary>Every blocking key of a record, with the default name variants.</summary>
    public static IReadOnlyList<string> BlockingKeys(PersonRecord record) =>
        BlockingKeys(new PreparedRecord(record, NameVariants.Default, new NameCodes()));

    /// <summary>Calls <paramref name="emit"/> with (rule index, key) for every key of every rule, rule by rule.</summary>
    internal static void Keys(PreparedRecord r, Action<int, string> emit)
    {
        if (r.Nhs is not null)
        {
            emit(0, r.Nhs);
        }
        if (r.Identifier is not null)
        {
            emit(1, r.Identifier);
        }
        if (r.Email is not null)
        {
            emit(2, r.Email);
        }
        if (r.Phone is not null)
        {
            emit(3, r.Phone);
        }
        var dob = r.DateOfBirth is { } d ? UnorderedDate(d) : null;
        var postcode = r.Postcode?.Full;
        if (r.DateOfBirth is { } birth)
        {
            var birthday = string.Create(CultureInfo.InvariantCulture, $"{birth.Month:00}{birth.Day:00}");
            foreach (var pair in NamePairs(r))
            {
                emit(4, string.Create(CultureInfo.InvariantCulture, $"{pair}|{birth.Year}"));
                emit(5, $"{pair}|{birthday}");
            }
        }
        if (dob is not null)
        {
            foreach (var given in r.GivenKeys)
            {
                emit(6, $"{given}|{dob}");
            }
            foreach (var family in r.FamilyKeys)
            {
                emit(7, $"{family}|{dob}");
            }
        }
        if (postcode is not null)
        {
            foreach (var given in r.GivenKeys)
            {
                emit(8, $"{given}|{postcode}");
            }
            foreach (var family in r.FamilyKeys)
            {
                emit(9, $"{family}|{postcode}");
            }
        }
        var area = r.Postcode?.Area;
        if (r.DateOfBirth is { } exact && area is not null)
        {
            emit(10, string.Create(CultureInfo.InvariantCulture, $"{exact:yyyyMMdd}|{area}"));
        }
        if (area is not null)
        {
            foreach (var pair in NamePairs(r))
            {
                emit(11, $"{pair}|{area}");
            }
            if (r.HouseKey is not null)
            {
                emit(12, $"{r.HouseKey}|{area}");
            }
        }
        if (r.HouseKey is { } house)
        {
            foreach (var given in r.GivenKeys)
            {
                emit(13, $"{given}|{house}");
            }
            foreach (var family in r.FamilyKeys)
            {
                emit(14, $"{family}|{house}");
            }
        }
        // Names as written rather than as codes: common names make the blocks of this date-less rule large.
        if (r.GivenFirst is { } first && r.FamilyJoined is { } surname)
        {
            emit(15, string.CompareOrdinal(first, surname) <= 0 ? $"{first}|{surname}" : $"{surname}|{first}");
        }
    }

    // Each given-name code with each family-name code, in sorted order so that a swap gives the same key.
    private static IEnumerable<string> NamePairs(PreparedRecord r)
    {
        foreach (var given in r.GivenKeys)
        {
            foreach (var family in r.FamilyKeys)
            {
                yield return string.CompareOrdinal(given, family) <= 0 ? $"{given}|{family}" : $"{family}|{given}";
            }
        }
    }

    private static string UnorderedDate(DateOnly date)
    {
        var (low, high) = date.Day <= date.Month ? (date.Day, date.Month) : (date.Month, date.Day);
        return string.Create(CultureInfo.InvariantCulture, $"{date.Year}-{low:00}{high:00}");
    }
}
