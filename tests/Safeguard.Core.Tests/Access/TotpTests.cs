using System.Text;
using Safeguard.Core.Access;

namespace Safeguard.Core.Tests.Access;

public class TotpTests
{
    // RFC 6238 appendix B: the SHA-1 test key, and the 8-digit values whose last 6 digits a 6-digit app shows.
    private static readonly byte[] s_rfcKey = Encoding.ASCII.GetBytes("12345678901234567890");

    [Theory]
    [InlineData(59, "287082")]
    [InlineData(1111111109, "081804")]
    [InlineData(1234567890, "005924")]
    [InlineData(2000000000, "279037")]
    public void Codes_match_the_rfc_test_vectors(long unixSeconds, string expected) =>
        Assert.Equal(expected, Totp.Code(s_rfcKey, DateTimeOffset.FromUnixTimeSeconds(unixSeconds)));

    [Theory]
    [InlineData(-2, TotpOutcome.Wrong)]
    [InlineData(-1, TotpOutcome.Accepted)]
    [InlineData(0, TotpOutcome.Accepted)]
    [InlineData(1, TotpOutcome.Accepted)]
    [InlineData(2, TotpOutcome.Wrong)]
    public void A_code_is_accepted_one_step_either_side_of_now_and_no_further(int stepsAway, TotpOutcome expected)
    {
        var now = DateTimeOffset.FromUnixTimeSeconds(1_800_000_015);
        var step = Totp.StepAt(now) + stepsAway;
        var check = Totp.Check(s_rfcKey, Totp.CodeForStep(s_rfcKey, step), now, lastAcceptedStep: null);
        Assert.Equal(expected, check.Outcome);
        Assert.Equal(expected == TotpOutcome.Accepted ? step : null, check.Step);
    }

    [Fact]
    public void A_code_once_accepted_is_not_accepted_again_nor_any_code_before_it()
    {
        var now = DateTimeOffset.FromUnixTimeSeconds(1_800_000_015);
        var code = Totp.Code(s_rfcKey, now);
        var first = Totp.Check(s_rfcKey, code, now, lastAcceptedStep: null);
        Assert.Equal(TotpOutcome.Accepted, first.Outcome);

        Assert.Equal(TotpOutcome.AlreadyUsed, Totp.Check(s_rfcKey, code, now.AddSeconds(5), first.Step).Outcome);
        Assert.Equal(TotpOutcome.AlreadyUsed, Totp.Check(s_rfcKey, Totp.CodeForStep(s_rfcKey, first.Step!.Value - 1), now, first.Step).Outcome);
        // The next step's code is still good: the user who signs in twice in one half-minute waits for the next code.
        Assert.Equal(TotpOutcome.Accepted, Totp.Check(s_rfcKey, Totp.CodeForStep(s_rfcKey, first.Step!.Value + 1), now, first.Step).Outcome);
    }

    [Fact]
    public void A_wrong_code_is_wrong_whatever_was_used_before() =>
        Assert.Equal(TotpOutcome.Wrong, Totp.Check(s_rfcKey, "12345", DateTimeOffset.FromUnixTimeSeconds(59), 1).Outcome);
}
