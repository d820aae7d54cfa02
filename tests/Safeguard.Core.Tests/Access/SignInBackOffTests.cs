using Safeguard.Core.Access;

namespace Safeguard.Core.Tests.Access;

public class SignInBackOffTests
{
    private static readonly DateTimeOffset s_now = new(2026, 3, 2, 9, 0, 0, TimeSpan.Zero);
    private static readonly SignInBackOffRules s_rules = SignInBackOffRules.Default;

    private static List<PastAttempt> Failures(int count, string account, string client, TimeSpan apart, TimeSpan lastAgo) =>
        Enumerable.Range(0, count).Select(i => new PastAttempt(s_now - lastAgo - (apart * (count - 1 - i)), account, client, Failed: true)).ToList();

    [Fact]
    public void The_first_failures_go_free_then_each_waits_twice_as_long_up_to_the_cap()
    {
        var rule = new BackOffRule(FreeFailures: 3, FirstDelay: TimeSpan.FromSeconds(10), MaxDelay: TimeSpan.FromSeconds(60), Window: TimeSpan.FromHours(1));
        DateTimeOffset? After(int failures) => rule.DeferredUntil(Enumerable.Repeat(s_now, failures), s_now);
        Assert.Null(After(0));
        Assert.Null(After(2));
        Assert.Equal(s_now.AddSeconds(10), After(3));
        Assert.Equal(s_now.AddSeconds(20), After(4));
        Assert.Equal(s_now.AddSeconds(40), After(5));
        Assert.Equal(s_now.AddSeconds(60), After(6));
        Assert.Equal(s_now.AddSeconds(60), After(200));
    }

    [Fact]
    public void The_wait_runs_from_the_latest_failure_and_failures_outside_the_window_are_forgotten()
    {
        var rule = new BackOffRule(3, TimeSpan.FromSeconds(10), TimeSpan.FromMinutes(1), TimeSpan.FromMinutes(30));
        Assert.Equal(s_now.AddSeconds(5), rule.DeferredUntil([s_now.AddMinutes(-3), s_now.AddMinutes(-2), s_now.AddSeconds(-5)], s_now));
        Assert.Null(rule.DeferredUntil([s_now.AddMinutes(-3), s_now.AddMinutes(-2), s_now.AddSeconds(-15)], s_now));
        Assert.Null(rule.DeferredUntil([s_now.AddMinutes(-40), s_now.AddMinutes(-35), s_now.AddSeconds(-1)], s_now));
    }

    [Fact]
    public void A_guesser_at_one_address_is_slowed_and_the_owner_elsewhere_is_not()
    {
        var attempts = Failures(6, "acct", "198.51.100.7", TimeSpan.FromSeconds(2), TimeSpan.FromSeconds(1));
        var guesser = s_rules.Check("acct", "198.51.100.7", knownDevice: false, attempts, s_now);
        Assert.Equal(BackOffScope.AccountFromClient, guesser!.Scope);
        Assert.Equal(s_now.AddSeconds(-1).AddSeconds(60), guesser.Until);
        Assert.Null(s_rules.Check("acct", "203.0.113.9", knownDevice: false, attempts, s_now));
    }

    [Fact]
    public void Guessing_one_account_from_many_addresses_slows_new_devices_but_never_a_known_one()
    {
        var attempts = Enumerable.Range(0, 12).SelectMany(i => Failures(1, "acct", $"198.51.100.{i}", TimeSpan.Zero, TimeSpan.FromSeconds(12 - i))).ToList();
        var stranger = s_rules.Check("acct", "203.0.113.9", knownDevice: false, attempts, s_now);
        Assert.Equal(BackOffScope.Account, stranger!.Scope);
        Assert.Null(s_rules.Check("acct", "203.0.113.9", knownDevice: true, attempts, s_now));
    }

    [Fact]
    public void One_address_trying_many_accounts_is_slowed_for_every_account_but_known_devices()
    {
        var attempts = Enumerable.Range(0, 21).SelectMany(i => Failures(1, $"acct-{i}", "198.51.100.7", TimeSpan.Zero, TimeSpan.FromSeconds(21 - i))).ToList();
        Assert.Equal(BackOffScope.Client, s_rules.Check("someone-else", "198.51.100.7", knownDevice: false, attempts, s_now)!.Scope);
        Assert.Null(s_rules.Check("someone-else", "198.51.100.7", knownDevice: true, attempts, s_now));
    }

    [Fact]
    public void A_success_ends_the_run_of_failures_from_that_address()
    {
        var attempts = Failures(5, "acct", "198.51.100.7", TimeSpan.FromSeconds(2), TimeSpan.FromSeconds(20));
        Assert.NotNull(s_rules.Check("acct", "198.51.100.7", knownDevice: true, attempts, s_now));
        attempts.Add(new PastAttempt(s_now.AddSeconds(-10), "acct", "198.51.100.7", Failed: false));
        Assert.Null(s_rules.Check("acct", "198.51.100.7", knownDevice: true, attempts, s_now));
    }

    [Fact]
    public void Nobody_is_held_back_longer_than_the_longest_cap_after_the_last_failure()
    {
        var attempts = Failures(500, "acct", "198.51.100.7", TimeSpan.FromSeconds(1), TimeSpan.Zero);
        var wait = s_rules.Check("acct", "198.51.100.7", knownDevice: false, attempts, s_now);
        Assert.Equal(s_now + TimeSpan.FromMinutes(15), wait!.Until);
    }
}
