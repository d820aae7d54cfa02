namespace Safeguard.Core.Matching;

/// <summary>
/// A record's normalised forms, computed once so the scorer's inner loop only compares. Made by
/// <see cref="MatchModel.Prepare"/> (which also looks up how common the names are) or, in batch, by the linker.
/// </summary>
public sealed class PreparedRecord
{
    internal PreparedRecord(PersonRecord source, NameVariants variants, NameCodes codes)
    {
        Source = source;
        Given = TextNormaliser.Name(source.GivenName);
        var givenTokens = TextNormaliser.Tokens(Given);
        GivenFirst = givenTokens.Length > 0 ? givenTokens[0] : null;
        GivenFamilies = Given is null ? [] : Union(variants.FamiliesOf(Given), variants.FamiliesOf(GivenFirst));
        GivenSlipFamilies = GivenFamilies.Length > 0 ? [] : variants.FamiliesOneSlipAway(GivenFirst);
        (GivenCode, GivenAlternateCode) = codes.Encode(GivenFirst);
        GivenKeys = NameKeys(GivenFirst is null ? [] : [GivenFirst], Union(GivenFamilies, GivenSlipFamilies), variants, codes);

        Middle = TextNormaliser.Name(source.MiddleNames);

        Family = TextNormaliser.Name(source.FamilyName);
        FamilyTokens = TextNormaliser.Tokens(Family);
        FamilyJoined = Family?.Replace(" ", "", StringComparison.Ordinal);
        var familyFamilies = variants.FamiliesOf(Family);
        foreach (var token in FamilyTokens)
        {
            familyFamilies = Union(familyFamilies, variants.FamiliesOf(token));
        }
        FamilyFamilies = familyFamilies;
        FamilyCodes = new string[FamilyTokens.Length * 2];
        for (var i = 0; i < FamilyTokens.Length; i++)
        {
            (FamilyCodes[2 * i], FamilyCodes[(2 * i) + 1]) = codes.Encode(FamilyTokens[i]);
        }
        FamilyKeys = NameKeys(FamilyTokens, FamilyFamilies, variants, codes);

        if (source.DateOfBirth is { } dob)
        {
            DateOfBirth = dob;
            DateNumber = Matching.DateOfBirth.ToNumber(dob);
        }
        Sex = source.Sex;
        Nhs = People.NhsNumber.ValidDigitsIn(source.NhsNumber);
        Identifier = TextNormaliser.Compact(source.Identifier);
        Address = TextNormaliser.Name(source.Address);
        AddressTokens = TokenHashes(Address, numbersOnly: false);
        AddressNumbers = TokenHashes(Address, numbersOnly: true);
        HouseKey = HouseKeyOf(Address, codes);
        Postcode = Matching.Postcode.Parse(source.Postcode);
        var phone = TextNormaliser.Digits(source.Phone);
        // The last ten digits ignore +44 and the leading 0 alike; fewer than seven digits is not a phone number.
        Phone = phone is null || phone.Length < 7 ? null : phone.Length > 10 ? phone[^10..] : phone;
        Email = string.IsNullOrWhiteSpace(source.Email) ? null : source.Email.Trim().ToLowerInvariant();
        EmailLocal = Email?.Split('@')[0];
    }

    public PersonRecord Source { get; }

    internal string? Given { get; }
    internal string? GivenFirst { get; }
    internal int[] GivenFamilies { get; }
    /// <summary>For a given name not in the variant table, the families of the names one slip away from it.</summary>
    internal int[] GivenSlipFamilies { get; }
    internal string GivenCode { get; }
    internal string GivenAlternateCode { get; }
    /// <summary>Blocking codes for the given name: its sound and the usual form of each variant family.</summary>
    internal string[] GivenKeys { get; }
    internal string? Middle { get; }
    internal string? Family { get; }
    internal string[] FamilyTokens { get; }
    internal string? FamilyJoined { get; }
    internal int[] FamilyFamilies { get; }
    /// <summary>Primary and alternate phonetic code of each part of the family name, in pairs.</summary>
    internal string[] FamilyCodes { get; }
    internal string[] FamilyKeys { get; }
    internal DateOnly? DateOfBirth { get; }
    internal int DateNumber { get; }
    internal Sex? Sex { get; }
    internal string? Nhs { get; }
    internal string? Identifier { get; }
    internal string? Address { get; }
    internal int[] AddressTokens { get; }
    /// <summary>The address words holding digits (house and flat numbers).</summary>
    internal int[] AddressNumbers { get; }
    /// <summary>First house number and the sound of the first street word ("12|HF" for 12 High Street), for blocking.</summary>
    internal string? HouseKey { get; }
    internal Postcode? Postcode { get; }
    internal string? Phone { get; }
    internal string? Email { get; }
    internal string? EmailLocal { get; }

    // How common the values are, for the term-frequency adjustment (filled in from the model).
    internal double GivenFrequency { get; set; }
    internal double FamilyFrequency { get; set; }
    internal double DateFrequency { get; set; }

    private static int[] Union(int[] a, int[] b)
    {
        if (b.Length == 0)
        {
            return a;
        }
        if (a.Length == 0)
        {
            return b;
        }
        return [.. a.Union(b)];
    }

    private static string[] NameKeys(string[] tokens, int[] families, NameVariants variants, NameCodes codes)
    {
        var keys = new List<string>(tokens.Length + families.Length);
        foreach (var token in tokens)
        {
            var code = codes.Encode(token).Primary;
            if (code.Length > 0 && !keys.Contains(code))
            {
                keys.Add(code);
            }
        }
        foreach (var family in families)
        {
            var canonical = "=" + variants.CanonicalName(family);
            if (!keys.Contains(canonical))
            {
                keys.Add(canonical);
            }
        }
        return [.. keys];
    }

    private static string? HouseKeyOf(string? address, NameCodes codes)
    {
        var tokens = TextNormaliser.Tokens(address);
        var number = tokens.FirstOrDefault(t => t.Any(char.IsAsciiDigit));
        var street = tokens.FirstOrDefault(t => t.Length > 1 && t.All(char.IsLetter));
        return number is null || street is null ? null : $"{number}|{codes.Encode(street).Primary}";
    }

    // Sorted distinct hashes of the address words, for a cheap set overlap.
    private static int[] TokenHashes(string? address, bool numbersOnly)
    {
        if (address is null)
        {
            return [];
        }
        var tokens = TextNormaliser.Tokens(address).Where(t => !numbersOnly || t.Any(char.IsAsciiDigit)).ToArray();
        var hashes = new int[tokens.Length];
        for (var i = 0; i < tokens.Length; i++)
        {
            hashes[i] = StableHash.Of(tokens[i]);
        }
        Array.Sort(hashes);
        var distinct = hashes.Length == 0 ? 0 : 1;
        for (var i = 1; i < hashes.Length; i++)
        {
            if (hashes[i] != hashes[distinct - 1])
            {
                hashes[distinct++] = hashes[i];
            }
        }
        return hashes[..distinct];
    }
}

/// <summary>Double Metaphone codes, remembered per word: in a million records the same names recur endlessly.</summary>
internal sealed class NameCodes
{
    private readonly System.Collections.Concurrent.ConcurrentDictionary<string, (string, string)> _cache = new(StringComparer.Ordinal);

    public (string Primary, string Alternate) Encode(string? word) =>
        word is null ? ("", "") : _cache.GetOrAdd(word, static w => DoubleMetaphone.Encode(w));
}

/// <summary>A hash that is the same in every process (string.GetHashCode is not), for keys and tokens.</summary>
internal static class StableHash
{
    public static int Of(ReadOnlySpan<char> text) => (int)Of64(text);

    /// <summary>64-bit FNV-1a over the UTF-16 code units.</summary>
    public static ulong Of64(ReadOnlySpan<char> text)
    {
        var hash = 14695981039346656037UL;
        foreach (var c in text)
        {
            hash = (hash ^ c) * 1099511628211UL;
        }
        return hash;
    }
}
