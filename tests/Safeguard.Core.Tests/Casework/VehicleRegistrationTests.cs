using Safeguard.Core.People;

namespace Safeguard.Core.Tests.Casework;

public class VehicleRegistrationTests
{
    [Theory]
    [InlineData("NB19 ABC", "NB19ABC")]
    [InlineData(" nb19-abc ", "NB19ABC")]
    [InlineData("NB19", "NB19")]
    [InlineData("A1", "A1")]
    [InlineData("NB19 ***", null)]
    [InlineData("N", null)]
    [InlineData("NB19 ABCDE", null)]
    [InlineData("", null)]
    [InlineData(null, null)]
    [InlineData("NB19 ÅBC", null)]
    public void Normalises_to_one_form(string? typed, string? expected) => Assert.Equal(expected, VehicleRegistration.Normalise(typed));
}
