using System.Diagnostics.CodeAnalysis;
using System.Globalization;
using System.Text;

namespace Safeguard.Core.Matching.Synthetic;

/// <summary>One agency's record of a generated person, with the truth the matcher must find.</summary>
public sealed record GeneratedRecord(PersonRecord Record, string Source, string PersonId);

/// <summary>
/// Fictional people as different agencies would hold them, for tests and benchmarks. People live in households
/// (siblings share a surname and an address; some are twins with one date of birth; some children carry a
/// step-parent's surname in some agencies' records); each person is known to one to four agencies, and each
/// agency's record has the errors found in real records: nicknames and transliterations, typing slips, day and
/// month swapped, a digit or a year off, an old address, a missing NHS number, forename and surname swapped.
/// Deterministic for a given seed.
/// </summary>
[SuppressMessage("Security", "CA5394", Justification = "Synthetic test data: a seeded generator makes it reproducible, not secret.")]
public sealed class PersonGenerator(int seed)
{
    private static readonly string[] s_agencies = ["social_care", "police", "health", "school", "youth_project", "housing"];
    private static readonly string[] s_adultAgencies = ["social_care", "police", "health", "housing"];
    private readonly Random _random = new(seed);
    private readonly NameVariants _variants = NameVariants.Default;
    private int _personNumber;
    private int _recordNumber;

    private sealed record Address(string Line, string Postcode);

    private sealed class Person
    {
        public required string Id { get; init; }
        public required NameLists.Community Community { get; init; }
        public required string Given { get; init; }
        public string? Middle { get; init; }
        public required string Family { get; init; }
        public string? StepFamily { get; init; }
        public required Sex Sex { get; init; }
        public required DateOnly DateOfBirth { get; init; }
        public required string Nhs { get; init; }
        public required Address Address { get; init; }
        public Address? PreviousAddress { get; init; }
        public string? Phone { get; init; }
        public string? Email { get; init; }
        public bool Adult { get; init; }
    }

    /// <summary>Records of <paramref name="people"/> people, household by household.</summary>
    public IEnumerable<GeneratedRecord> Generate(int people)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(people);
        while (_personNumber < people)
        {
            foreach (var person in Household(people - _personNumber))
            {
                foreach (var record in Records(person))
                {
                    yield return record;
                }
            }
        }
    }

    private List<Person> Household(int room)
    {
        var community = PickCommunity();
        var family = Surname(community);
        var address = NewAddress();
        var previous = Chance(0.2) ? NewAddress() : null;
        var stepFamily = Chance(0.15) ? Surname(community) : null;
        var members = new List<Person>();
        var children = Pick([1, 2, 3, 4], [0.4, 0.3, 0.18, 0.12]);
        var birth = new DateOnly(2006, 1, 1).AddDays(_random.Next(365 * 19));
        for (var c = 0; c < children && members.Count < room; c++)
        {
            // Twins: the second child shares the first one's date of birth.
            var twin = c == 1 && Chance(0.08);
            if (c > 0 && !twin)
            {
                birth = birth.AddDays(300 + _random.Next(1200));
                if (birth.Year > 2025)
                {
                    break;
                }
            }
            var halfSibling = c > 0 && Chance(0.12);
            var child = NewPerson(community, halfSibling ? Surname(community) : family, stepFamily, birth, address, previous, adult: false);
            // Parents do not give two of their children one name.
            if (members.Any(m => m.Given == child.Given))
            {
                _personNumber--;
                continue;
            }
            members.Add(child);
        }
        if (members.Count < room && Chance(0.3))
        {
            var adultBirth = new DateOnly(1965, 1, 1).AddDays(_random.Next(365 * 36));
            members.Add(NewPerson(community, Chance(0.7) ? family : Surname(community), null, adultBirth, address, previous, adult: true));
        }
        return members;
    }

    private Person NewPerson(NameLists.Community community, string family, string? stepFamily, DateOnly birth, Address address, Address? previous, bool adult)
    {
        var sex = Chance(0.5) ? Sex.Female : Sex.Male;
        var names = sex == Sex.Female ? community.Girls : community.Boys;
        var given = Zipf(names);
        string? middle = null;
        if (Chance(0.4))
        {
            middle = Zipf(names);
            if (middle == given)
            {
                middle = null;
            }
        }
        var old = adult || birth.Year < 2010;
        var id = (++_personNumber).ToString("'p'0000000", CultureInfo.InvariantCulture);
        return new Person
        {
            Id = id,
            Community = community,
            Given = given,
            Middle = middle,
            Family = family,
            StepFamily = stepFamily,
            Sex = sex,
            DateOfBirth = birth,
            Nhs = NewNhsNumber(),
            Address = address,
            PreviousAddress = previous,
            Phone = old && Chance(0.5) ? "07" + Digits(9) : null,
            Email = old && Chance(0.25) ? $"{given}.{family.Replace(" ", "", StringComparison.Ordinal).Replace("'", "", StringComparison.Ordinal)}{_random.Next(100)}@example.org" : null,
            Adult = adult,
        };
    }

    private IEnumerable<GeneratedRecord> Records(Person person)
    {
        var agencies = person.Adult ? s_adultAgencies : s_agencies;
        var count = Pick([1, 2, 3, 4], [0.35, 0.35, 0.2, 0.1]);
        foreach (var agency in agencies.OrderBy(_ => _random.Next()).Take(count))
        {
            yield return new GeneratedRecord(AgencyView(person, agency), agency, person.Id);
        }
    }

    // One agency's view of a person, with the errors that agency's records tend to have.
    private PersonRecord AgencyView(Person p, string agency)
    {
        var informal = agency is "police" or "youth_project" or "school";
        var given = p.Given;
        if (Chance(informal ? 0.25 : 0.08))
        {
            given = Variant(given);
        }
        if (Chance(0.07))
        {
            given = Typo(given);
        }
        var family = p.StepFamily is not null && Chance(0.5) ? p.StepFamily : p.Family;
        if (family.Contains('-', StringComparison.Ordinal) && Chance(0.3))
        {
            var parts = family.Split('-');
            family = parts[_random.Next(parts.Length)];
        }
        if (Chance(0.05))
        {
            family = Variant(family);
        }
        if (Chance(0.06))
        {
            family = Typo(family);
        }
        if (Chance(0.02))
        {
            (given, family) = (family, given);
        }
        DateOnly? birth = p.DateOfBirth;
        var roll = _random.NextDouble();
        if (roll < 0.03 && p.DateOfBirth.Day <= 12 && p.DateOfBirth.Day != p.DateOfBirth.Month)
        {
            birth = new DateOnly(p.DateOfBirth.Year, p.DateOfBirth.Day, p.DateOfBirth.Month);
        }
        else if (roll < 0.06)
        {
            birth = OneDigitOff(p.DateOfBirth);
        }
        else if (roll < 0.08)
        {
            birth = p.DateOfBirth.AddYears(Chance(0.5) ? 1 : -1);
        }
        else if (roll < (agency == "youth_project" ? 0.3 : 0.12))
        {
            birth = null;
        }
        var address = p.PreviousAddress is not null && Chance(0.4) ? p.PreviousAddress : p.Address;
        var line = Chance(0.04) ? Typo(address.Line) : address.Line;
        var nhsShare = agency switch
        {
            "health" => 0.95,
            "social_care" => 0.6,
            "school" => 0.2,
            "police" => 0.1,
            _ => 0.02,
        };
        var nhs = Chance(nhsShare) ? p.Nhs : null;
        if (nhs is not null && Chance(0.02))
        {
            nhs = Typo(nhs, digits: true);
        }
        return new PersonRecord((++_recordNumber).ToString("'r'00000000", CultureInfo.InvariantCulture))
        {
            GivenName = Capitalise(given),
            MiddleNames = p.Middle is not null && Chance(agency == "health" ? 0.8 : 0.4) ? Capitalise(p.Middle) : null,
            FamilyName = Capitalise(family),
            DateOfBirth = birth,
            Sex = Chance(0.9) ? p.Sex : null,
            NhsNumber = nhs,
            Address = agency == "youth_project" && Chance(0.5) ? null : Chance(0.06) ? null : Capitalise(line),
            Postcode = Chance(0.05) ? null : address.Postcode,
            Phone = p.Phone is not null && Chance(0.5) ? p.Phone : null,
            Email = p.Email is not null && Chance(0.4) ? p.Email : null,
        };
    }

    private NameLists.Community PickCommunity()
    {
        var roll = _random.NextDouble();
        foreach (var community in NameLists.Communities)
        {
            roll -= community.Share;
            if (roll < 0)
            {
                return community;
            }
        }
        return NameLists.Communities[^1];
    }

    private string Surname(NameLists.Community community)
    {
        var name = Zipf(community.Surnames);
        if (community.Name == "british" && Chance(0.04))
        {
            name = $"{name}-{Zipf(community.Surnames)}";
        }
        return name;
    }

    private Address NewAddress()
    {
        var (town, area, districts) = NameLists.Towns[_random.Next(NameLists.Towns.Length)];
        var street = $"{Zipf(NameLists.Streets)} {NameLists.StreetKinds[_random.Next(NameLists.StreetKinds.Length)]}";
        var number = 1 + (int)(200 * Math.Pow(_random.NextDouble(), 2));
        const string UnitLetters = "ABDEFGHJLNPQRSTUWXYZ";
        var postcode = string.Create(CultureInfo.InvariantCulture,
            $"{area}{1 + _random.Next(districts)} {_random.Next(10)}{UnitLetters[_random.Next(UnitLetters.Length)]}{UnitLetters[_random.Next(UnitLetters.Length)]}");
        return new Address($"{number} {street} {town}", postcode);
    }

    private string NewNhsNumber()
    {
        while (true)
        {
            var nine = "4" + Digits(8);
            var sum = 0;
            for (var i = 0; i < 9; i++)
            {
                sum += (nine[i] - '0') * (10 - i);
            }
            var check = 11 - (sum % 11);
            if (check == 11)
            {
                check = 0;
            }
            if (check != 10)
            {
                return nine + check.ToString(CultureInfo.InvariantCulture);
            }
        }
    }

    private string Digits(int count)
    {
        var builder = new StringBuilder(count);
        for (var i = 0; i < count; i++)
        {
            builder.Append((char)('0' + _random.Next(10)));
        }
        return builder.ToString();
    }

    // Another name from one of the name's variant families (nickname or transliteration), if it has any.
    private string Variant(string name)
    {
        var families = _variants.FamiliesOf(name);
        if (families.Length == 0)
        {
            return name;
        }
        var members = _variants.Members(families[_random.Next(families.Length)]);
        var other = members[_random.Next(members.Count)];
        return other.Contains(' ', StringComparison.Ordinal) ? name : other;
    }

    private string Typo(string text, bool digits = false)
    {
        if (text.Length < 2)
        {
            return text;
        }
        var chars = new StringBuilder(text);
        var i = _random.Next(text.Length - 1);
        var replacement = digits ? (char)('0' + _random.Next(10)) : (char)('a' + _random.Next(26));
        switch (_random.Next(4))
        {
            case 0:
                chars[i] = replacement;
                break;
            case 1:
                chars.Remove(i, 1);
                break;
            case 2:
                chars.Insert(i, replacement);
                break;
            default:
                (chars[i], chars[i + 1]) = (chars[i + 1], chars[i]);
                break;
        }
        return chars.ToString();
    }

    private DateOnly? OneDigitOff(DateOnly date)
    {
        for (var attempt = 0; attempt < 10; attempt++)
        {
            var digits = DateOfBirth.ToNumber(date).ToString(CultureInfo.InvariantCulture).ToCharArray();
            var position = 2 + _random.Next(6); // leave the century alone
            digits[position] = (char)('0' + _random.Next(10));
            var value = new string(digits);
            if (DateOnly.TryParseExact(value, "yyyyMMdd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var changed) && changed != date)
            {
                return changed;
            }
        }
        return date;
    }

    private static string Capitalise(string text) =>
        string.Join(' ', text.Split(' ').Select(w => w.Length == 0 ? w : char.ToUpperInvariant(w[0]) + w[1..]));

    private bool Chance(double probability) => _random.NextDouble() < probability;

    private int Pick(int[] values, double[] weights)
    {
        var roll = _random.NextDouble();
        for (var i = 0; i < values.Length; i++)
        {
            roll -= weights[i];
            if (roll < 0)
            {
                return values[i];
            }
        }
        return values[^1];
    }

    // Zipf-like with exponent one half: the i-th name has weight 1/sqrt(i+1). With lists of tens to hundreds of
    // names this makes the commonest surname about 3% of a community, near Smith's share in England; a steeper
    // curve would make one name a sixth of everyone.
    private string Zipf(string[] names)
    {
        var total = 0.0;
        for (var i = 0; i < names.Length; i++)
        {
            total += 1 / Math.Sqrt(i + 1);
        }
        var roll = _random.NextDouble() * total;
        for (var i = 0; i < names.Length; i++)
        {
            roll -= 1 / Math.Sqrt(i + 1);
            if (roll < 0)
            {
                return names[i];
            }
        }
        return names[^1];
    }
}
