using Safeguard.Core.Matching;

namespace Safeguard.Core.Tests.Matching;

public class DateOfBirthTests
{
    [Theory]
    [InlineData("2012-03-04", "2012-03-04", DateAgreement.Exact)]
    [InlineData("2012-03-04", "2012-04-03", DateAgreement.DayMonthSwapped)]
    [InlineData("2012-03-04", "2012-03-07", DateAgreement.OneDigitOff)]
    [InlineData("2012-03-04", "2013-03-04", DateAgreement.OneDigitOff)] // 2012→2013 is also one digit
    [InlineData("2009-03-04", "2010-03-04", DateAgreement.YearOffByOne)] // two digits differ, one year apart
    [InlineData("2011-06-18", "2012-06-08", DateAgreement.TwoDigitsOff)] // a slip in each of two records
    [InlineData("2012-03-04", "2014-05-04", DateAgreement.TwoDigitsOff)]
    [InlineData("2012-03-04", "2014-05-09", DateAgreement.Different)]
    [InlineData("2013-03-26", "1989-09-17", DateAgreement.Different)] // a parent and child
    [InlineData("2012-03-04", "1998-11-20", DateAgreement.Different)]
    public void Levels_follow_the_errors_people_make(string a, string b, DateAgreement expected) =>
        Assert.Equal(expected, DateOfBirth.Compare(DateOnly.Parse(a, System.Globalization.CultureInfo.InvariantCulture), DateOnly.Parse(b, System.Globalization.CultureInfo.InvariantCulture)));
}

public class PostcodeTests
{
    [Theory]
    [InlineData("s60 1ab", "S60 1AB", "S60 1", "S60")]
    [InlineData("S601AB", "S60 1AB", "S60 1", "S60")]
    [InlineData("sw1a 1aa", "SW1A 1AA", "SW1A 1", "SW1A")]
    [InlineData("M1 1AE", "M1 1AE", "M1 1", "M1")]
    [InlineData("OL16 2NB", "OL16 2NB", "OL16 2", "OL16")]
    public void Uk_postcodes_split_into_sector_and_district(string input, string full, string sector, string district) =>
        Assert.Equal(new Postcode(full, sector, district), Postcode.Parse(input));

    [Fact]
    public void Other_postcodes_keep_only_their_full_value_and_a_coarse_area()
    {
        var postcode = Postcode.Parse("4011")!.Value;
        Assert.Equal(new Postcode("4011", null, null), postcode);
        Assert.Equal("40", postcode.Area);
        Assert.Equal("S60", Postcode.Parse("S60 1AB")!.Value.Area);
        Assert.Null(Postcode.Parse(" "));
    }
}

public class NhsNumberTests
{
    [Theory]
    [InlineData("9434765919", true)] // the NHS's published example
    [InlineData("943 476 5919", true)]
    [InlineData("943-476-5919", true)]
    [InlineData("9434765918", false)] // wrong check digit
    [InlineData("9434765991", false)] // adjacent digits transposed
    [InlineData("943476591", false)] // nine digits
    [InlineData("94347659190", false)]
    [InlineData("", false)]
    public void Check_digit_is_modulus_11(string value, bool valid) => Assert.Equal(valid, Core.People.NhsNumber.ValidDigitsIn(value) is not null);

    [Fact]
    public void Nine_digits_whose_check_would_be_ten_have_no_valid_number()
    {
        // 1000000010: weights give 10·1 + 3·1 = 13 → 11 − 2 = 9, so find digits giving 10 by search.
        var nine = Enumerable.Range(100_000_000, 2000).Select(n => n.ToString(System.Globalization.CultureInfo.InvariantCulture))
            .First(d => 11 - (d.Select((c, i) => (c - '0') * (10 - i)).Sum() % 11) == 10);
        Assert.All(Enumerable.Range(0, 10), check => Assert.False(Core.People.NhsNumber.IsValid(nine + check.ToString(System.Globalization.CultureInfo.InvariantCulture))));
    }
}

public class NameVariantsTests
{
    [Theory]
    [InlineData("Katie", "Katherine")]
    [InlineData("Bill", "William")]
    [InlineData("Mohammed", "Muhammad")]
    [InlineData("Mohamed", "Muhammad")]
    [InlineData("Ayesha", "Aisha")]
    [InlineData("Choudhury", "Chaudhry")]
    [InlineData("Chowdhury", "Choudhury")]
    [InlineData("Kasia", "Katarzyna")]
    [InlineData("Femi", "Oluwafemi")]
    public void Default_table_knows_nicknames_and_transliterations(string a, string b) =>
        Assert.True(NameVariants.Default.AreVariants(TextNormaliser.Name(a), TextNormaliser.Name(b)));

    [Theory]
    [InlineData("Smith", "Jones")]
    [InlineData("Katie", "William")]
    [InlineData("Nobody", "Nobody")]
    public void Unrelated_names_are_not_variants(string a, string b) =>
        Assert.False(NameVariants.Default.AreVariants(TextNormaliser.Name(a), TextNormaliser.Name(b)));

    [Fact]
    public void A_partnership_can_supply_its_own_table()
    {
        var table = NameVariants.Parse("""
            # comment line
            siobhan, shiv, chevonne
            solo
            """);
        Assert.True(table.AreVariants("shiv", "chevonne"));
        Assert.Equal("siobhan", table.CanonicalName(table.FamiliesOf("shiv")[0]));
        Assert.Empty(table.FamiliesOf("solo")); // a line with one name is no family
        Assert.False(table.AreVariants("katie", "katherine"));
    }

    [Theory]
    [InlineData("shivx", true)] // an insertion
    [InlineData("chevone", true)] // a deletion
    [InlineData("hsiv", true)] // neighbouring letters swapped
    [InlineData("shav", true)] // a substitution
    [InlineData("shiv", false)] // in the table: its own families, no slips
    [InlineData("sh", false)] // too short for a slip to mean anything
    [InlineData("shivvvv", false)] // three slips away
    public void Finds_the_families_one_slip_away_from_a_name_not_in_the_table(string name, bool found)
    {
        var table = NameVariants.Parse("siobhan, shiv, chevonne");
        var families = table.FamiliesOneSlipAway(name);
        Assert.Equal(found, families.Length == 1 && table.CanonicalName(families[0]) == "siobhan");
        Assert.Equal(found, families.Length > 0);
    }
}
