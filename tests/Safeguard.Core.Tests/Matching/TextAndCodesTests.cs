using Safeguard.Core.Matching;

namespace Safeguard.Core.Tests.Matching;

public class TextNormaliserTests
{
    [Theory]
    [InlineData("O'Brien", "obrien")]
    [InlineData("  SMITH-JONES ", "smith jones")]
    [InlineData("Smith  Jones", "smith jones")]
    [InlineData("Zoë", "zoe")]
    [InlineData("Łukasz Wiśniewski", "lukasz wisniewski")]
    [InlineData("Straße", "strasse")]
    [InlineData("Ødegård", "odegard")]
    [InlineData("Mary-Jane.", "mary jane")]
    [InlineData("D’Souza", "dsouza")]
    public void Names_are_lower_case_without_marks_or_punctuation(string input, string expected) =>
        Assert.Equal(expected, TextNormaliser.Name(input));

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("   ")]
    [InlineData("-'.")]
    public void Blank_names_are_missing(string? input) => Assert.Null(TextNormaliser.Name(input));

    [Theory]
    [InlineData("943 476 5919", "9434765919")]
    [InlineData("+44 (0)7700 900123", "4407700900123")]
    [InlineData("none", null)]
    public void Digits_keeps_only_digits(string input, string? expected) => Assert.Equal(expected, TextNormaliser.Digits(input));
}

public class DoubleMetaphoneTests
{
    // Codes from Philips' reference algorithm (the values quoted with it and in its standard test suites).
    [Theory]
    [InlineData("Smith", "SM0", "XMT")]
    [InlineData("Schmidt", "XMT", "SMT")]
    [InlineData("Johnson", "JNSN", "ANSN")]
    [InlineData("Williams", "ALMS", "FLMS")]
    [InlineData("Jones", "JNS", "ANS")]
    [InlineData("Brown", "PRN", "PRN")]
    [InlineData("Knight", "NT", "NT")]
    [InlineData("Thomas", "TMS", "TMS")]
    [InlineData("Thompson", "TMPS", "TMPS")] // P before S is sounded; the code stops at four characters
    [InlineData("Xavier", "SF", "SFR")]
    [InlineData("Michael", "MKL", "MXL")]
    [InlineData("Katherine", "K0RN", "KTRN")]
    [InlineData("Jose", "HS", "HS")]
    [InlineData("quick", "KK", "KK")]
    [InlineData("jumped", "JMPT", "AMPT")]
    [InlineData("the", "0", "T")]
    [InlineData("dogs", "TKS", "TKS")]
    [InlineData("fox", "FKS", "FKS")]
    [InlineData("Czerny", "SRN", "XRN")]
    [InlineData("Caesar", "SSR", "SSR")]
    [InlineData("Edge", "AJ", "AJ")]
    [InlineData("Laugh", "LF", "LF")]
    public void Encodes_like_the_reference_algorithm(string word, string primary, string alternate) =>
        Assert.Equal((primary, alternate), DoubleMetaphone.Encode(word));

    [Theory]
    [InlineData("Mohammed", "Muhammad")]
    [InlineData("Mohamed", "Muhammad")]
    [InlineData("Aisha", "Ayesha")]
    [InlineData("Choudhury", "Chaudhry")]
    [InlineData("Chowdhury", "Chaudhry")]
    [InlineData("Catherine", "Kathryn")]
    public void Spellings_of_one_name_sound_alike(string a, string b) =>
        Assert.Equal(DoubleMetaphone.Encode(a).Primary, DoubleMetaphone.Encode(b).Primary);

    [Fact]
    public void Blank_gives_empty_codes() => Assert.Equal(("", ""), DoubleMetaphone.Encode("  "));
}

public class StringSimilarityTests
{
    // Classic values from Winkler's papers and the record-linkage literature.
    [Theory]
    [InlineData("MARTHA", "MARHTA", 0.944, 0.961)]
    [InlineData("DWAYNE", "DUANE", 0.822, 0.840)]
    [InlineData("DIXON", "DICKSONX", 0.767, 0.813)]
    [InlineData("JELLYFISH", "SMELLYFISH", 0.896, 0.896)]
    public void Jaro_and_Jaro_Winkler_match_published_values(string a, string b, double jaro, double jaroWinkler)
    {
        Assert.Equal(jaro, StringSimilarity.Jaro(a, b), 3);
        Assert.Equal(jaroWinkler, StringSimilarity.JaroWinkler(a, b), 3);
    }

    [Theory]
    [InlineData("", "", 1.0)]
    [InlineData("abc", "", 0.0)]
    [InlineData("abc", "xyz", 0.0)]
    [InlineData("same", "same", 1.0)]
    public void Jaro_Winkler_edge_cases(string a, string b, double expected) => Assert.Equal(expected, StringSimilarity.JaroWinkler(a, b), 6);

    [Fact]
    public void Jaro_Winkler_handles_strings_longer_than_a_bit_mask()
    {
        var a = new string('a', 70) + "b";
        var b = new string('a', 70) + "c";
        // 70 of 71 characters match in place: Jaro = (70/71 + 70/71 + 1) / 3.
        Assert.Equal(((70.0 / 71) + (70.0 / 71) + 1) / 3, StringSimilarity.Jaro(a, b), 9);
    }

    [Theory]
    [InlineData("kitten", "sitting", 3)]
    [InlineData("smith", "smtih", 1)]
    [InlineData("CA", "ABC", 2)] // unrestricted: optimal string alignment would say 3
    [InlineData("", "abc", 3)]
    [InlineData("abc", "abc", 0)]
    [InlineData("a cat", "an act", 2)]
    public void Damerau_Levenshtein_counts_edits_with_transpositions(string a, string b, int expected) =>
        Assert.Equal(expected, StringSimilarity.DamerauLevenshtein(a, b));

    [Theory]
    [InlineData("6988048", "6988084", true)]
    [InlineData("6988048", "6988049", true)]
    [InlineData("6988048", "698048", true)]
    [InlineData("6988048", "69880481", true)]
    [InlineData("6988048", "6988048", false)]
    [InlineData("6988048", "6980848", true)] // adjacent 8 and 0 exchanged
    [InlineData("6988048", "9688084", false)]
    [InlineData("abc", "cba", false)]
    public void One_edit_apart_agrees_with_distance_one(string a, string b, bool expected)
    {
        Assert.Equal(expected, StringSimilarity.OneEditApart(a, b));
        Assert.Equal(expected, StringSimilarity.DamerauLevenshtein(a, b) == 1);
    }
}
