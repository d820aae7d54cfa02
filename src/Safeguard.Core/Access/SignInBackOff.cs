namespace Safeguard.Core.Access;

/// <summary>
/// How long one kind of sign-in back-off lets failures go free, and how fast it then slows attempts: after
/// <see cref="FreeFailures"/> failures within <see cref="Window"/>, the next attempt waits <see cref="FirstDelay"/>
/// after the latest failure, doubling with each further failure up to <see cref="MaxDelay"/>. Nothing is ever locked
/// for longer than <see cref="MaxDelay"/> after the last failure.
/// </summary>
public sealed record BackOffRule(int FreeFailures, TimeSpan FirstDelay, TimeSpan MaxDelay, TimeSpan Window)
{
    /// <summary>When the next attempt may be checked, given the failures in this rule's scope; null if it may be now.</summary>
    public DateTimeOffset? DeferredUntil(IEnumerable<DateTimeOffset> failures, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(failures);
        var recent = failures.Where(f => f > now - Window && f <= now).ToList();
        if (recent.Count < FreeFailures || recent.Count == 0)
        {
            return null;
        }
        var doublings = Math.Min(recent.Count - FreeFailures, 30);
        var delay = TimeSpan.FromTicks(Math.Min(FirstDelay.Ticks * (1L << doublings), MaxDelay.Ticks));
        var until = recent.Max() + delay;
        return until > now ? until : null;
    }
}

/// <summary>Which back-off held an attempt back.</summary>
public enum BackOffScope
{
    /// <summary>Failures for this account from this client address.</summary>
    AccountFromClient,
    /// <summary>Failures for this account from any client that has not signed in to it before.</summary>
    Account,
    /// <summary>Failures for any account from this client address.</summary>
    Client,
}

/// <summary>One earlier sign-in attempt (either step), as the back-off sees it.</summary>
/// <param name="AccountKey">The account tried, by a key that is the same whether or not the account exists.</param>
public sealed record PastAttempt(DateTimeOffset At, string AccountKey, string Client, bool Failed);

public sealed record BackOff(BackOffScope Scope, DateTimeOffset Until);

/// <summary>
/// Sign-in back-off in place of a hard lockout (docs/adr/0013). Three scopes, so that slowing an attacker never
/// becomes a way to lock a named colleague out:
/// <list type="bullet">
/// <item>the account from one client address: the guesser at one machine slows down fast, and that slows only them;</item>
/// <item>the account from anywhere: slows guessing spread over many addresses, but a client that has signed in to
/// the account before (a known device) is exempt, so the colleague at their own desk is never held back by it;</item>
/// <item>the client address across accounts: slows one machine trying many accounts (known devices are exempt, so an
/// office sharing one address is not held back by its own mistyped passwords).</item>
/// </list>
/// The account key is the same for accounts that exist and accounts that do not, so the back-off itself says nothing
/// about which addresses have accounts.
/// </summary>
public sealed record SignInBackOffRules(BackOffRule AccountFromClient, BackOffRule Account, BackOffRule Client)
{
    public static SignInBackOffRules Default { get; } = new(
        AccountFromClient: new BackOffRule(FreeFailures: 5, FirstDelay: TimeSpan.FromSeconds(30), MaxDelay: TimeSpan.FromMinutes(15), Window: TimeSpan.FromHours(1)),
        Account: new BackOffRule(FreeFailures: 10, FirstDelay: TimeSpan.FromSeconds(30), MaxDelay: TimeSpan.FromMinutes(5), Window: TimeSpan.FromHours(1)),
        Client: new BackOffRule(FreeFailures: 20, FirstDelay: TimeSpan.FromSeconds(30), MaxDelay: TimeSpan.FromMinutes(15), Window: TimeSpan.FromHours(1)));

    /// <summary>The longest window of the three: how far back <see cref="Check"/> needs attempts.</summary>
    public TimeSpan LongestWindow => new[] { AccountFromClient.Window, Account.Window, Client.Window }.Max();

    /// <summary>
    /// Whether an attempt on <paramref name="accountKey"/> from <paramref name="client"/> must wait, and until when
    /// (the longest of the waits that apply). <paramref name="attempts"/> holds at least every attempt on the account
    /// and every attempt from the client within <see cref="LongestWindow"/>; attempts that were themselves held back
    /// are not in it (they were never checked, so they are not failures).
    /// </summary>
    public BackOff? Check(string accountKey, string client, bool knownDevice, IReadOnlyCollection<PastAttempt> attempts, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(attempts);
        var pair = attempts.Where(a => a.AccountKey == accountKey && a.Client == client).ToList();
        // A success from this client ends its own run of failures on the account (a typo, then the right password).
        var lastSuccess = pair.Where(a => !a.Failed).Select(a => (DateTimeOffset?)a.At).Max() ?? DateTimeOffset.MinValue;
        var waits = new List<BackOff>();
        Add(BackOffScope.AccountFromClient, AccountFromClient, pair.Where(a => a.Failed && a.At > lastSuccess));
        if (!knownDevice)
        {
            Add(BackOffScope.Account, Account, attempts.Where(a => a.Failed && a.AccountKey == accountKey));
            Add(BackOffScope.Client, Client, attempts.Where(a => a.Failed && a.Client == client));
        }
        return waits.MaxBy(w => w.Until);

        void Add(BackOffScope scope, BackOffRule rule, IEnumerable<PastAttempt> failures)
        {
            if (rule.DeferredUntil(failures.Select(f => f.At), now) is { } until)
            {
                waits.Add(new BackOff(scope, until));
            }
        }
    }
}
