using Safeguard.Core.Access;
using Safeguard.Core.Matching;

namespace Safeguard.Core.Tests.Access;

public class IdentifyingSearchTests
{
    [Theory]
    [InlineData("Amber Lewis", "Amber", "Lewis", true)]
    [InlineData("amber  LEWIS", "Amber", "Lewis", true)]
    [InlineData("Amber Rose Lewis", "Amber", "Lewis", true)]
    [InlineData("Katie Shaw", "Katherine", "Shaw", true)]
    [InlineData("Ayesha Khan", "Aisha", "Khan", true)]
    [InlineData("Siobhan O'Brien", "Siobhan", "OBrien", true)]
    [InlineData("Amy Smith-Jones", "Amy", "Smith Jones", true)]
    [InlineData("Amy Jones", "Amy", "Smith-Jones", false)]
    [InlineData("Amber", "Amber", "Lewis", false)]
    [InlineData("am", "Amber", "Lewis", false)]
    [InlineData("Am Le", "Amber", "Lewis", false)]
    [InlineData("Amber Le", "Amber", "Lewis", false)]
    [InlineData("Lewis Amber", "Amber", "Lewis", false)]
    [InlineData("Ambr Lewis", "Amber", "Lewis", false)]
    [InlineData("Amber Lewis", "Amber", "", false)]
    public void A_full_name_names_a_record_word_for_word_or_by_a_known_variant(string typed, string given, string family, bool names) =>
        Assert.Equal(names, IdentifyingSearch.Names(typed, given, family, NameVariants.Default));

    [Theory]
    [InlineData("Ambs Lewis", "Ambs", "Lewis", true)]
    [InlineData("Daz Hale", "Daz Hale", "Hale", true)]
    [InlineData("Ayesha Khan", "Ayesha Khan", "Khan", true)]
    [InlineData("Ambs", "Ambs", "Lewis", false)]
    [InlineData("Ambs Lewis", "", "Lewis", false)]
    public void Another_name_the_record_holds_counts_a_one_word_name_with_the_family_name(string typed, string other, string family, bool names) =>
        Assert.Equal(names, IdentifyingSearch.NamesThrough(typed, other, family, NameVariants.Default));

    [Theory]
    [InlineData("Amber Lewis", true)]
    [InlineData("Amber", false)]
    [InlineData("  ", false)]
    [InlineData(null, false)]
    public void A_full_name_has_two_words(string? typed, bool full) => Assert.Equal(full, IdentifyingSearch.IsFullName(typed));
}
