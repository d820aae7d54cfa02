using Safeguard.Core.Matching;

namespace Safeguard.Core.Tests.Matching;

public class MatchOfferTests
{
    // Every field's agreement is worth log2(0.9 / 0.01) = 6.5 bits in the simple model (names as common as the
    // average, so no frequency adjustment); its prior here is one in a million (-19.9 bits), so two agreeing names
    // (13 bits) leave the probability far below "possible" (0.05).
    private static readonly MatchModel s_model = TestModels.Simple(prior: 1e-6, unlistedFrequency: 0.01);

    private static bool Offered(PersonRecord typed, PersonRecord held) =>
        MatchOffer.ShouldOffer(Matcher.Weight(s_model.Prepare(typed), s_model.Prepare(held), s_model), s_model);

    private static readonly PersonRecord s_held = new("held")
    {
        GivenName = "William",
        FamilyName = "Hart",
        DateOfBirth = new DateOnly(1981, 4, 2),
        Phone = "07700 900123",
    };

    [Fact]
    public void A_full_name_is_offered_though_the_model_calls_it_unlikely_without_a_date_of_birth()
    {
        var typed = new PersonRecord("typed") { GivenName = "William", FamilyName = "Hart" };
        var score = Matcher.Score(typed, s_held, s_model);
        Assert.True(score.Probability < s_model.Thresholds.Possible, $"probability {score.Probability}");
        Assert.True(Offered(typed, s_held));
    }

    [Fact]
    public void A_first_name_alone_is_not_offered() =>
        Assert.False(Offered(new PersonRecord("typed") { GivenName = "William" }, s_held));

    [Fact]
    public void A_name_with_a_phone_number_that_disagrees_is_not_offered() =>
        Assert.False(Offered(new PersonRecord("typed") { GivenName = "William", FamilyName = "Hart", Phone = "07700 900999" }, s_held));

    [Fact]
    public void A_first_name_and_the_same_phone_number_are_offered() =>
        Assert.True(Offered(new PersonRecord("typed") { GivenName = "William", Phone = "+44 7700 900123" }, s_held));

    [Fact]
    public void Anyone_the_model_rates_possible_is_offered_whatever_the_evidence_bar()
    {
        var generous = TestModels.Simple(prior: 0.2, unlistedFrequency: 0.01);
        var typed = generous.Prepare(new PersonRecord("typed") { GivenName = "William" });
        var weight = Matcher.Weight(typed, generous.Prepare(s_held), generous);
        Assert.True(weight - generous.PriorWeight < MatchOffer.MinimumEvidenceBits);
        Assert.True(MatchOffer.ShouldOffer(weight, generous));
    }

    [Fact]
    public void A_record_without_a_date_of_birth_is_also_looked_up_under_the_variants_of_its_names()
    {
        var forms = MatchOffer.FormsToLookUp(new PersonRecord("typed") { GivenName = "Bill", FamilyName = "Chowdhury", Phone = "07700 900123" }, NameVariants.Default);
        Assert.Equal("Bill", forms[0].GivenName);
        Assert.Contains(forms, f => f.GivenName == "william" && f.FamilyName == "Chowdhury");
        Assert.Contains(forms, f => f.GivenName == "Bill" && f.FamilyName == "choudhury");
        Assert.All(forms, f => Assert.Equal("07700 900123", f.Phone));
        Assert.True(forms.Count <= MatchOffer.MaximumForms);
    }

    [Fact]
    public void A_record_with_a_date_of_birth_is_looked_up_as_typed_its_name_codes_already_meet_the_variants()
    {
        var typed = new PersonRecord("typed") { GivenName = "Bill", FamilyName = "Stott", DateOfBirth = new DateOnly(1979, 6, 14) };
        Assert.Equal([typed], MatchOffer.FormsToLookUp(typed, NameVariants.Default));
    }
}
