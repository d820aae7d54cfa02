using System.Globalization;

namespace Safeguard.Core.Matching;

/// <summary>One field-by-field comparison: its name and its levels, best agreement first, "different" last.</summary>
/// <param name="FrequencyLevel">The level whose weight is adjusted for how common the agreed value is, or -1.</param>
public sealed record ComparisonDefinition(string Name, IReadOnlyList<string> Levels, int FrequencyLevel);

/// <summary>
/// The comparisons the scorer makes between two prepared records. Each gives a level (an index into its
/// definition's levels) or <see cref="Missing"/> when either record lacks the field: a missing field is no evidence.
/// The levels are the kinds of disagreement that real records show (nicknames, typing slips, swapped day and
/// month, a move within a postcode district); the model learns how much each is worth.
/// </summary>
public static class Comparisons
{
    public const int GivenName = 0;
    public const int FamilyName = 1;
    public const int MiddleNames = 2;
    public const int DateOfBirth = 3;
    public const int Sex = 4;
    public const int Location = 5;
    public const int NhsNumber = 6;
    public const int Identifier = 7;
    public const int Phone = 8;
    public const int Email = 9;
    public const int Count = 10;
    public const sbyte Missing = -1;

    // Jaro–Winkler above this is a slip of the pen (Katherine/Katherin); above Similar, a looser likeness.
    private const double Close = 0.92;
    private const double Similar = 0.80;

    public static IReadOnlyList<ComparisonDefinition> All { get; } =
    [
        new("given_name", ["exact", "swapped with family name", "nickname or transliteration", "close spelling", "nickname with a slip", "sounds alike", "similar", "initial or middle name", "different"], 0),
        new("family_name", ["exact", "shares a part", "transliteration or variant", "close spelling", "sounds alike", "similar", "different"], 0),
        new("middle_names", ["exact", "same initial", "different"], -1),
        new("date_of_birth", ["exact", "day and month swapped", "one digit off", "year off by one", "two digits off", "different"], 0),
        new("sex", ["same", "different"], -1),
        new("location", ["same address", "same postcode, similar address", "similar address", "same postcode", "same postcode sector", "same postcode district", "different"], -1),
        new("nhs_number", ["same", "different (both valid)"], -1),
        new("identifier", ["same", "one character off", "different"], -1),
        new("phone", ["same", "different"], -1),
        new("email", ["same", "same name before @", "different"], -1),
    ];

    /// <summary>The frequency-adjusted level of each comparison (-1 for none), as an array for the scorer's loop.</summary>
    internal static int[] FrequencyLevels { get; } = [.. All.Select(d => d.FrequencyLevel)];

    /// <summary>Fills <paramref name="levels"/> (length <see cref="Count"/>) with the level of every comparison.</summary>
    public static void Compare(PreparedRecord a, PreparedRecord b, Span<sbyte> levels)
    {
        ArgumentNullException.ThrowIfNull(a);
        ArgumentNullException.ThrowIfNull(b);
        levels[GivenName] = CompareGiven(a, b);
        levels[FamilyName] = CompareFamily(a, b);
        levels[MiddleNames] = CompareMiddle(a.Middle, b.Middle);
        levels[DateOfBirth] = a.DateOfBirth is { } da && b.DateOfBirth is { } db ? (sbyte)Matching.DateOfBirth.Compare(da, db) : Missing;
        levels[Sex] = a.Sex is null || b.Sex is null ? Missing : a.Sex == b.Sex ? (sbyte)0 : (sbyte)1;
        levels[Location] = CompareLocation(a, b);
        levels[NhsNumber] = a.Nhs is null || b.Nhs is null ? Missing : a.Nhs == b.Nhs ? (sbyte)0 : (sbyte)1;
        levels[Identifier] = CompareIdentifier(a.Identifier, b.Identifier);
        levels[Phone] = a.Phone is null || b.Phone is null ? Missing : a.Phone == b.Phone ? (sbyte)0 : (sbyte)1;
        levels[Email] = a.Email is null || b.Email is null ? Missing : a.Email == b.Email ? (sbyte)0 : a.EmailLocal == b.EmailLocal ? (sbyte)1 : (sbyte)2;
    }

    /// <summary>The two records' values that a comparison looked at, as they were recorded (for explanations).</summary>
    public static (string? A, string? B) Values(int comparison, PreparedRecord a, PreparedRecord b)
    {
        ArgumentNullException.ThrowIfNull(a);
        ArgumentNullException.ThrowIfNull(b);
        return (Value(comparison, a.Source), Value(comparison, b.Source));
    }

    private static string? Value(int comparison, PersonRecord r) => comparison switch
    {
        GivenName => r.GivenName,
        FamilyName => r.FamilyName,
        MiddleNames => r.MiddleNames,
        DateOfBirth => r.DateOfBirth?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
        Sex => r.Sex?.ToString(),
        Location => string.Join(", ", new[] { r.Address, r.Postcode }.Where(v => !string.IsNullOrWhiteSpace(v))) is { Length: > 0 } s ? s : null,
        NhsNumber => r.NhsNumber,
        Identifier => r.Identifier,
        Phone => r.Phone,
        Email => r.Email,
        _ => throw new ArgumentOutOfRangeException(nameof(comparison)),
    };

    /// <summary>Four bits per comparison (0 = missing, otherwise level + 1): a whole comparison vector in one number.</summary>
    public static ulong Pack(ReadOnlySpan<sbyte> levels)
    {
        ulong packed = 0;
        for (var c = 0; c < Count; c++)
        {
            packed |= (ulong)(levels[c] + 1) << (4 * c);
        }
        return packed;
    }

    public static sbyte Unpack(ulong packed, int comparison) => (sbyte)((int)((packed >> (4 * comparison)) & 0xF) - 1);

    private static sbyte CompareGiven(PreparedRecord a, PreparedRecord b)
    {
        if (a.Given is not { } x || b.Given is not { } y)
        {
            return Missing;
        }
        if (x == y)
        {
            return 0;
        }
        if (NamesSwapped(a, b))
        {
            return 1;
        }
        if (NameVariants.ShareFamily(a.GivenFamilies, b.GivenFamilies))
        {
            return 2;
        }
        var jw = StringSimilarity.JaroWinkler(x, y);
        if (a.GivenFirst == b.GivenFirst || IsClose(x, y, jw))
        {
            return 3;
        }
        // Jacdob and Jake: a misspelt name one slip from a variant of the other.
        if (NameVariants.ShareFamily(a.GivenSlipFamilies, b.GivenFamilies) || NameVariants.ShareFamily(a.GivenFamilies, b.GivenSlipFamilies)
            || NameVariants.ShareFamily(a.GivenSlipFamilies, b.GivenSlipFamilies))
        {
            return 4;
        }
        if (CodesMatch(a.GivenCode, a.GivenAlternateCode, b.GivenCode, b.GivenAlternateCode))
        {
            return 5;
        }
        if (jw >= Similar)
        {
            return 6;
        }
        if (InitialOrMiddle(a, b) || InitialOrMiddle(b, a))
        {
            return 7;
        }
        return 8;
    }

    private static sbyte CompareFamily(PreparedRecord a, PreparedRecord b)
    {
        if (a.FamilyJoined is not { } x || b.FamilyJoined is not { } y)
        {
            return Missing;
        }
        if (x == y)
        {
            return 0;
        }
        // A swap is scored once, as a level of the given name; the family name then adds nothing more.
        if (NamesSwapped(a, b))
        {
            return Missing;
        }
        // Double-barrelled and hyphenated names: Smith-Jones meets Jones.
        foreach (var token in a.FamilyTokens)
        {
            if (token.Length > 1 && Array.IndexOf(b.FamilyTokens, token) >= 0)
            {
                return 1;
            }
        }
        if (NameVariants.ShareFamily(a.FamilyFamilies, b.FamilyFamilies))
        {
            return 2;
        }
        var jw = StringSimilarity.JaroWinkler(x, y);
        if (IsClose(x, y, jw))
        {
            return 3;
        }
        foreach (var code in a.FamilyCodes)
        {
            if (code.Length > 0 && Array.IndexOf(b.FamilyCodes, code) >= 0)
            {
                return 4;
            }
        }
        return jw >= Similar ? (sbyte)5 : (sbyte)6;
    }

    private static sbyte CompareMiddle(string? a, string? b)
    {
        if (a is null || b is null)
        {
            return Missing;
        }
        return a == b ? (sbyte)0 : a[0] == b[0] ? (sbyte)1 : (sbyte)2;
    }

    private static sbyte CompareLocation(PreparedRecord a, PreparedRecord b)
    {
        var haveAddresses = a.Address is not null && b.Address is not null;
        var havePostcodes = a.Postcode is not null && b.Postcode is not null;
        if (!haveAddresses && !havePostcodes)
        {
            return Missing;
        }
        var pa = a.Postcode.GetValueOrDefault();
        var pb = b.Postcode.GetValueOrDefault();
        var samePostcode = havePostcodes && pa.Full == pb.Full;
        if (haveAddresses && a.Address == b.Address && (samePostcode || !havePostcodes))
        {
            return 0;
        }
        var similarAddress = haveAddresses && SimilarAddress(a, b);
        if (samePostcode)
        {
            return similarAddress ? (sbyte)1 : (sbyte)3;
        }
        if (similarAddress)
        {
            return 2;
        }
        if (havePostcodes && pa.Sector is not null && pa.Sector == pb.Sector)
        {
            return 4;
        }
        if (havePostcodes && pa.District is not null && pa.District == pb.District)
        {
            return 5;
        }
        return 6;
    }

    private static sbyte CompareIdentifier(string? a, string? b)
    {
        if (a is null || b is null)
        {
            return Missing;
        }
        if (a == b)
        {
            return 0;
        }
        return StringSimilarity.OneEditApart(a, b) ? (sbyte)1 : (sbyte)2;
    }

    // A slip of the pen: very high Jaro–Winkler, or a single edit in a name long enough for one edit to be a slip.
    private static bool IsClose(string x, string y, double jw) =>
        jw >= Close || (jw >= 0.7 && Math.Min(x.Length, y.Length) >= 4 && StringSimilarity.OneEditApart(x, y));

    private static bool CodesMatch(string a1, string a2, string b1, string b2) =>
        a1.Length > 0 && (a1 == b1 || a1 == b2 || (a2.Length > 0 && (a2 == b1 || a2 == b2)));

    // Forename and surname recorded the wrong way round: each matches the other's opposite field.
    private static bool NamesSwapped(PreparedRecord a, PreparedRecord b)
    {
        if (a.Given is null || a.FamilyJoined is null || b.Given is null || b.FamilyJoined is null || a.Given == a.Family)
        {
            return false;
        }
        return SameName(a.Given, b.FamilyJoined, a.GivenFamilies, b.FamilyFamilies) && SameName(a.FamilyJoined, b.Given, a.FamilyFamilies, b.GivenFamilies);
    }

    // The same name, a slip of it or a variant of it (a swap with a typo in one name is still a swap).
    private static bool SameName(string x, string y, int[] xFamilies, int[] yFamilies) =>
        x == y || IsClose(x, y, StringSimilarity.JaroWinkler(x, y)) || NameVariants.ShareFamily(xFamilies, yFamilies);

    // "K" for Katie, or the given name of one is the middle name of the other (a child known by a middle name).
    private static bool InitialOrMiddle(PreparedRecord a, PreparedRecord b)
    {
        var given = a.Given!;
        if (given.Length == 1 && b.Given![0] == given[0])
        {
            return true;
        }
        return b.Middle is not null && a.GivenFirst is not null
            && (b.Middle == a.GivenFirst || b.Middle.StartsWith(a.GivenFirst + " ", StringComparison.Ordinal));
    }

    // Word overlap of at least half, unless both give house numbers and none agree (neighbours on one street).
    private static bool SimilarAddress(PreparedRecord a, PreparedRecord b)
    {
        var common = CountCommon(a.AddressTokens, b.AddressTokens);
        var union = a.AddressTokens.Length + b.AddressTokens.Length - common;
        if (common == 0 || common * 2 < union)
        {
            return false;
        }
        return a.AddressNumbers.Length == 0 || b.AddressNumbers.Length == 0 || CountCommon(a.AddressNumbers, b.AddressNumbers) > 0;
    }

    // Both arrays sorted and distinct.
    private static int CountCommon(int[] a, int[] b)
    {
        int i = 0, j = 0, common = 0;
        while (i < a.Length && j < b.Length)
        {
            if (a[i] == b[j])
            {
                common++;
                i++;
                j++;
            }
            else if (a[i] < b[j])
            {
                i++;
            }
            else
            {
                j++;
            }
        }
        return common;
    }
}
