using Safeguard.Core.Intelligence;

namespace Safeguard.Core.Tests.Intelligence;

public class PoleKeysTests
{
    [Theory]
    [InlineData("NB19 ABC", "NB19ABC", "NB19 ABC")]
    [InlineData("nb19abc", "NB19ABC", "NB19 ABC")]
    [InlineData(" nb19-abc ", "NB19ABC", "NB19 ABC")]
    [InlineData("NB19 ***", "NB19???", "NB19 ???")]
    [InlineData("nb19 a?c", "NB19A?C", "NB19 A?C")]
    [InlineData("A123 BCD", "A123BCD", "A123BCD")]
    [InlineData("1 ABC", "1ABC", "1ABC")]
    public void Registration_marks_written_differently_are_one_key(string typed, string key, string display)
    {
        var mark = PoleKeys.RegistrationMark(typed);
        Assert.Equal(key, mark.Key);
        Assert.Equal(display, mark.Display);
        Assert.Equal(key.Contains('?', StringComparison.Ordinal), PoleKeys.IsPartialMark(mark.Key!));
    }

    [Theory]
    [InlineData("", "Enter the registration mark")]
    [InlineData("   ", "Enter the registration mark")]
    [InlineData("N", "2 to 8")]
    [InlineData("NB19ABCDE", "2 to 8")]
    [InlineData("NB19/ABC", "not '/'")]
    [InlineData("*** ***", "at least one character")]
    public void Malformed_registration_marks_say_what_is_wrong(string typed, string message)
    {
        var mark = PoleKeys.RegistrationMark(typed);
        Assert.False(mark.IsValid);
        Assert.Contains(message, mark.Error, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("07700 900123", "+447700900123", "07700 900123")]
    [InlineData("07700900123", "+447700900123", "07700 900123")]
    [InlineData("+44 7700 900123", "+447700900123", "07700 900123")]
    [InlineData("+44 (0)7700 900123", "+447700900123", "07700 900123")]
    [InlineData("+44 07700 900123", "+447700900123", "07700 900123")]
    [InlineData("0044 7700-900-123", "+447700900123", "07700 900123")]
    [InlineData("447700900123", "+447700900123", "07700 900123")]
    [InlineData("(01632) 960 001", "+441632960001", "+441632960001")]
    [InlineData("+33 1 23 45 67 89", "+33123456789", "+33123456789")]
    [InlineData("0033 1 23 45 67 89", "+33123456789", "+33123456789")]
    public void Phone_numbers_written_differently_are_one_key(string typed, string key, string display)
    {
        var phone = PoleKeys.Phone(typed);
        Assert.Equal(key, phone.Key);
        Assert.Equal(display, phone.Display);
    }

    [Theory]
    [InlineData("", "Enter the phone number")]
    [InlineData("7700 900123", "11 digits starting with 0")]
    [InlineData("077009001234", "11 digits starting with 0")]
    [InlineData("+44 7700 90012", "10 digits after +44")]
    [InlineData("07700 9001x3", "not 'x'")]
    [InlineData("+1 234", "8 to 15 digits")]
    [InlineData("07700+900123", "not '+'")]
    public void Malformed_phone_numbers_say_what_is_wrong(string typed, string message)
    {
        var phone = PoleKeys.Phone(typed);
        Assert.False(phone.IsValid);
        Assert.Contains(message, phone.Error, StringComparison.Ordinal);
    }

    [Fact]
    public void Accounts_documents_and_places_normalise_case_and_spacing()
    {
        Assert.Equal("snapchat:bigdave_nb", PoleKeys.Account(" Snapchat ", "@BigDave_NB").Key);
        Assert.Equal("Snapchat @bigdave_nb", PoleKeys.Account("Snapchat", "@BigDave_NB").Display);
        Assert.Contains("no spaces", PoleKeys.Account("Snapchat", "big dave").Error, StringComparison.Ordinal);
        Assert.Contains("platform", PoleKeys.Account("", "dave").Error, StringComparison.Ordinal);
        Assert.Equal("passport:123456789", PoleKeys.Document("Passport", "1234 5678-9").Key);
        Assert.Contains("only letters and numbers", PoleKeys.Document("Passport", "12/34").Error, StringComparison.Ordinal);
        Assert.Equal(PoleKeys.Place("Mill Road Takeaway", "NB2 5RT").Key, PoleKeys.Place("  mill road   TAKEAWAY ", "nb25rt").Key);
        Assert.Equal("Mill Road Takeaway, NB2 5RT", PoleKeys.Place("Mill Road Takeaway", "nb25rt").Display);
        Assert.NotEqual(PoleKeys.Place("Mill Road Takeaway", null).Key, PoleKeys.Place("Mill Road Takeaway", "NB2 5RT").Key);
        Assert.Contains("real postcode", PoleKeys.Place("Mill Road Takeaway", "NB2").Error, StringComparison.Ordinal);
        Assert.Contains("name or address", PoleKeys.Place(" ", null).Error, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("nb2 5rt", "NB2 5RT")]
    [InlineData("SW1A1AA", "SW1A 1AA")]
    [InlineData("M1 1AE", "M1 1AE")]
    [InlineData("NB2 55T", null)]
    [InlineData("12 5RT", null)]
    [InlineData("NB25RTX9", null)]
    public void Postcodes_are_put_in_standard_form_or_refused(string typed, string? expected) =>
        Assert.Equal(expected, PoleKeys.Postcode(typed));
}
