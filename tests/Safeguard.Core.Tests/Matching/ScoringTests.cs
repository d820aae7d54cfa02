using Safeguard.Core.Matching;

namespace Safeguard.Core.Tests.Matching;

public class ComparisonsTests
{
    private static readonly MatchModel s_model = TestModels.Simple();

    private static sbyte Level(int comparison, PersonRecord a, PersonRecord b)
    {
        Span<sbyte> levels = stackalloc sbyte[Comparisons.Count];
        Comparisons.Compare(s_model.Prepare(a), s_model.Prepare(b), levels);
        return levels[comparison];
    }

    private static string GivenLevel(string? a, string? b, string? middleB = null) =>
        LevelName(Comparisons.GivenName, new PersonRecord("a") { GivenName = a, FamilyName = "Smith" }, new PersonRecord("b") { GivenName = b, FamilyName = "Smith", MiddleNames = middleB });

    private static string LevelName(int comparison, PersonRecord a, PersonRecord b)
    {
        var level = Level(comparison, a, b);
        return level == Comparisons.Missing ? "missing" : Comparisons.All[comparison].Levels[level];
    }

    [Theory]
    [InlineData("Katherine", "KATHERINE", null, "exact")]
    [InlineData("Katie", "Katherine", null, "nickname or transliteration")]
    [InlineData("Mohammed", "Muhammad", null, "nickname or transliteration")]
    [InlineData("Katherine", "Katherin", null, "close spelling")]
    [InlineData("Rhiannon Jane", "Rhiannon", null, "close spelling")]
    [InlineData("Mary Jane", "Mary", null, "nickname or transliteration")]
    [InlineData("Stephen", "Stepen", null, "close spelling")]
    [InlineData("Stephen", "Steeven", null, "nickname with a slip")] // Steeven is one slip from Steven
    [InlineData("Jacdob", "Jake", null, "nickname with a slip")] // Jacdob is one slip from Jacob
    [InlineData("Phyllis", "Fillys", null, "sounds alike")]
    [InlineData("K", "Katherine", null, "initial or middle name")]
    [InlineData("Leo", "Jack", "Leo", "initial or middle name")]
    [InlineData("Grace", "Blessing", null, "different")]
    [InlineData(null, "Blessing", null, "missing")]
    public void Given_name_levels(string? a, string? b, string? middleB, string expected) => Assert.Equal(expected, GivenLevel(a, b, middleB));

    [Fact]
    public void Forename_and_surname_swapped_is_scored_once_in_the_given_name()
    {
        var a = new PersonRecord("a") { GivenName = "Amelia", FamilyName = "Smith" };
        var b = new PersonRecord("b") { GivenName = "Smith", FamilyName = "Amelia" };
        Assert.Equal("swapped with family name", LevelName(Comparisons.GivenName, a, b));
        Assert.Equal("missing", LevelName(Comparisons.FamilyName, a, b));
    }

    [Theory]
    [InlineData("Sara", "Islam", "Islam", "Sara")]
    [InlineData("Sara", "Islam", "Slam", "Zara")] // a slip in one name, a variant of the other
    [InlineData("Jasleen", "Ahmed", "Ahmid", "Jasleen")]
    public void A_swap_survives_a_slip_or_a_variant(string given, string family, string swappedGiven, string swappedFamily)
    {
        var a = new PersonRecord("a") { GivenName = given, FamilyName = family };
        var b = new PersonRecord("b") { GivenName = swappedGiven, FamilyName = swappedFamily };
        Assert.Equal("swapped with family name", LevelName(Comparisons.GivenName, a, b));
    }

    [Fact]
    public void Two_different_names_are_not_a_swap_for_sharing_one()
    {
        var a = new PersonRecord("a") { GivenName = "Tyler", FamilyName = "Jones" };
        var b = new PersonRecord("b") { GivenName = "Jones", FamilyName = "Byrne" };
        Assert.NotEqual("swapped with family name", LevelName(Comparisons.GivenName, a, b));
    }

    [Theory]
    [InlineData("Smith-Jones", "Jones", "shares a part")]
    [InlineData("Smith Jones", "SMITH-JONES", "exact")]
    [InlineData("Choudhury", "Chaudhry", "transliteration or variant")]
    [InlineData("Kowalski", "Kowalska", "transliteration or variant")]
    [InlineData("Robinson", "Robinsen", "close spelling")]
    [InlineData("Smith", "Okafor", "different")]
    public void Family_name_levels(string a, string b, string expected) =>
        Assert.Equal(expected, LevelName(Comparisons.FamilyName, new PersonRecord("a") { GivenName = "Ann", FamilyName = a }, new PersonRecord("b") { GivenName = "Ann", FamilyName = b }));

    [Theory]
    [InlineData("12 High Street Rotherham", "S60 1AB", "12 high street, rotherham", "S60 1AB", "same address")]
    [InlineData("12 High Street Rotherham", "S60 1AB", "12 High St Rotherham", "S60 1AB", "same postcode, similar address")]
    [InlineData("12 High Street Rotherham", "S60 1AB", "14 High Street Rotherham", "S60 1AB", "same postcode")]
    [InlineData("12 High Street Rotherham", "S60 1AB", "12 High Street Rotherham", "S60 2AB", "similar address")]
    [InlineData("1 Mill Lane", "S60 1AB", "9 Park Road", "S60 1XY", "same postcode sector")]
    [InlineData("1 Mill Lane", "S60 1AB", "9 Park Road", "S60 7XY", "same postcode district")]
    [InlineData("1 Mill Lane", "S60 1AB", "9 Park Road", "M1 1AE", "different")]
    [InlineData(null, null, "9 Park Road", "M1 1AE", "missing")]
    public void Location_levels(string? addressA, string? postcodeA, string? addressB, string? postcodeB, string expected) =>
        Assert.Equal(expected, LevelName(Comparisons.Location, new PersonRecord("a") { Address = addressA, Postcode = postcodeA }, new PersonRecord("b") { Address = addressB, Postcode = postcodeB }));

    [Theory]
    [InlineData("9434765919", "943 476 5919", "same")]
    [InlineData("9434765919", "4010232137", "different (both valid)")]
    [InlineData("9434765918", "4010232137", "missing")] // an invalid number is evidence of nothing
    [InlineData(null, "4010232137", "missing")]
    public void Nhs_number_levels(string? a, string? b, string expected) =>
        Assert.Equal(expected, LevelName(Comparisons.NhsNumber, new PersonRecord("a") { NhsNumber = a }, new PersonRecord("b") { NhsNumber = b }));

    [Fact]
    public void Pack_and_unpack_round_trip_every_level_including_missing()
    {
        sbyte[] levels = [0, 7, -1, 4, 1, 6, -1, 2, 0, 1];
        var packed = Comparisons.Pack(levels);
        Assert.Equal(levels, Enumerable.Range(0, Comparisons.Count).Select(c => Comparisons.Unpack(packed, c)));
    }
}

public class MatcherTests
{
    private static readonly MatchModel s_model = TestModels.Simple();

    [Fact]
    public void The_score_is_the_prior_plus_the_field_weights_and_is_explained_field_by_field()
    {
        var a = new PersonRecord("a") { GivenName = "Katie", FamilyName = "Smith", DateOfBirth = new DateOnly(2011, 4, 3), Postcode = "S60 1AB" };
        var b = new PersonRecord("b") { GivenName = "Katherine", FamilyName = "Smith", DateOfBirth = new DateOnly(2011, 3, 4), NhsNumber = "9434765919" };
        var score = Matcher.Score(a, b, s_model);

        Assert.Equal(score.PriorWeight + score.Fields.Sum(f => f.Weight), score.Weight, 9);
        Assert.Equal(1 / (1 + Math.Pow(2, -score.Weight)), score.Probability, 12);
        var given = score.Fields.Single(f => f.Field == "given_name");
        Assert.Equal(("nickname or transliteration", "Katie", "Katherine"), (given.Level, given.ValueA, given.ValueB));
        Assert.Equal(s_model.Comparisons[Comparisons.GivenName].Levels[2].Weight, given.Weight, 9);
        Assert.Equal("day and month swapped", score.Fields.Single(f => f.Field == "date_of_birth").Level);
        var nhs = score.Fields.Single(f => f.Field == "nhs_number");
        Assert.Equal((Matcher.MissingLevel, 0.0), (nhs.Level, nhs.Weight));
        Assert.Equal(score.Weight, Matcher.Weight(s_model.Prepare(a), s_model.Prepare(b), s_model), 9);
    }

    [Fact]
    public void A_common_name_agreeing_exactly_is_weaker_evidence_than_a_rare_one()
    {
        var model = TestModels.Simple(familyFrequencies: new Dictionary<string, double> { ["smith"] = 0.05, ["zamoyski"] = 0.0001 });
        var smiths = Matcher.Score(new PersonRecord("a") { FamilyName = "Smith" }, new PersonRecord("b") { FamilyName = "Smith" }, model);
        var rare = Matcher.Score(new PersonRecord("a") { FamilyName = "Zamoyski" }, new PersonRecord("b") { FamilyName = "Zamoyski" }, model);
        var smith = smiths.Fields.Single(f => f.Field == "family_name");
        Assert.True(smith.FrequencyAdjustment < 0);
        Assert.True(rare.Weight > smiths.Weight);
        // log2(u_exact / frequency): u is 0.01 in the test model.
        Assert.Equal(Math.Log2(0.01 / 0.05), smith.FrequencyAdjustment, 9);
    }

    [Fact]
    public void Bands_follow_the_thresholds()
    {
        var model = s_model.WithThresholds(new MatchThresholds(Match: 0.9, Certain: 0.99, Possible: 0.2));
        Assert.Equal(MatchBand.Certain, model.Band(0.995));
        Assert.Equal(MatchBand.Possible, model.Band(0.5));
        Assert.Equal(MatchBand.NoMatch, model.Band(0.1));
    }

    [Fact]
    public void Relatives_in_one_household_get_their_cells_adjustment()
    {
        var model = TestModels.Simple(new HouseholdAdjustments(Siblings: -5, Twins: -8, Namesakes: -3));
        var sister = new PersonRecord("a") { GivenName = "Grace", FamilyName = "Mensah", DateOfBirth = new DateOnly(2012, 5, 16), Postcode = "NW8 0ZU" };
        var brother = sister with { Id = "b", GivenName = "Kwame", DateOfBirth = new DateOnly(2014, 1, 2) };
        var twin = sister with { Id = "c", GivenName = "Favour" };
        var mother = sister with { Id = "d", DateOfBirth = new DateOnly(1985, 11, 30) };
        var sameGirl = sister with { Id = "e", GivenName = "Gracie" };
        var elsewhere = brother with { Id = "f", Postcode = "M1 1AE" };
        double Household(PersonRecord other) => Matcher.Score(sister, other, model).Fields.Single(f => f.Field == Matcher.HouseholdField).Weight;
        Assert.Equal(-5, Household(brother));
        Assert.Equal(-8, Household(twin));
        Assert.Equal(-3, Household(mother));
        Assert.DoesNotContain(Matcher.Score(sister, sameGirl, model).Fields, f => f.Field == Matcher.HouseholdField);
        Assert.DoesNotContain(Matcher.Score(sister, elsewhere, model).Fields, f => f.Field == Matcher.HouseholdField);
        var score = Matcher.Score(sister, twin, model);
        Assert.Equal(score.PriorWeight + score.Fields.Sum(f => f.Weight), score.Weight, 9);
        Assert.Equal(score.Weight, Matcher.Weight(model.Prepare(sister), model.Prepare(twin), model), 9);
    }
}

public class MatchModelTests
{
    [Fact]
    public void A_model_round_trips_through_json_and_scores_the_same()
    {
        var model = TestModels.Simple(new HouseholdAdjustments(-4.5, -7.25, -2), new Dictionary<string, double> { ["smith"] = 0.05 });
        var copy = MatchModel.FromJson(model.ToJson());
        Assert.Equal(model.Prior, copy.Prior);
        Assert.Equal(model.HouseholdAdjustments, copy.HouseholdAdjustments);
        Assert.Equal(model.Thresholds, copy.Thresholds);
        Assert.Equal(model.Comparisons.SelectMany(c => c.Levels), copy.Comparisons.SelectMany(c => c.Levels));
        var a = new PersonRecord("a") { GivenName = "Ann", FamilyName = "Smith", DateOfBirth = new DateOnly(2010, 1, 2) };
        var b = new PersonRecord("b") { GivenName = "Anne", FamilyName = "Smith", DateOfBirth = new DateOnly(2010, 1, 2) };
        Assert.Equal(Matcher.Score(a, b, model).Weight, Matcher.Score(a, b, copy).Weight, 12);
    }

    [Theory]
    [InlineData("not json")]
    [InlineData("{\"format\": 99}")]
    public void A_bad_model_is_refused_with_a_format_error(string json) => Assert.Throws<FormatException>(() => MatchModel.FromJson(json));

    [Fact]
    public void A_model_with_other_comparisons_is_refused()
    {
        var json = TestModels.Simple().ToJson().Replace("\"given_name\"", "\"first_name\"", StringComparison.Ordinal);
        var error = Assert.Throws<FormatException>(() => MatchModel.FromJson(json));
        Assert.Contains("given_name", error.Message, StringComparison.Ordinal);
    }
}

/// <summary>A hand-made model: every best level m 0.9 / u 0.01, every worst level m 0.02 / u 0.9, the rest between.</summary>
internal static class TestModels
{
    public static MatchModel Simple(HouseholdAdjustments? household = null, Dictionary<string, double>? familyFrequencies = null, double prior = 1e-4, double unlistedFrequency = 1e-6)
    {
        var comparisons = Comparisons.All.Select(d => new ComparisonParameters(d.Name, [.. d.Levels.Select((name, l) =>
        {
            var last = d.Levels.Count - 1;
            var m = l == 0 ? 0.9 : l == last ? 0.02 : 0.08 / (last - 1);
            var u = l == 0 ? 0.01 : l == last ? 0.9 : 0.09 / (last - 1);
            return new LevelParameters(name, m, u);
        })])).ToArray();
        var frequencies = new TermFrequencies(unlistedFrequency, new Dictionary<string, IReadOnlyDictionary<string, double>>
        {
            ["family_name"] = familyFrequencies ?? [],
        });
        return new MatchModel(prior, comparisons, frequencies, MatchThresholds.Default, NameVariants.Default, household);
    }
}
