using System.Net;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Safeguard.Web.Data.Model;
using Safeguard.Web.Demo;
using Safeguard.Web.Features.Account.Public;
using Safeguard.Web.Tests.Infrastructure;

namespace Safeguard.Web.Tests.Security;

/// <summary>
/// One server behind a (trusted, loopback) proxy, so each test can sign in from client addresses of its own with
/// X-Forwarded-For, and with Identity's password hasher counted. Each test uses its own accounts and addresses.
/// </summary>
public sealed class SignInAbuseFixture : IAsyncLifetime
{
    public SafeguardServer Server { get; private set; } = null!;
    public CountingPasswordHasher Hasher { get; } = new();

    public async Task InitializeAsync() => Server = await SafeguardServer.StartAsync(
        settings: new Dictionary<string, string?> { ["Safeguard:BehindProxy"] = "true" },
        observe: services => services.AddSingleton<IPasswordHasher<AppUser>>(Hasher));

    public async Task DisposeAsync() => await Server.DisposeAsync();
}

/// <summary>
/// Sign-in does not list the accounts, cannot be used to lock a colleague out, accepts each authenticator code once
/// and one step either side of now, and leaves every failure as a security event the administrator sees.
/// </summary>
public sealed partial class SignInAbuseTests(SignInAbuseFixture fixture) : IClassFixture<SignInAbuseFixture>
{
    private readonly SafeguardServer _server = fixture.Server;
    private readonly CountingPasswordHasher _hasher = fixture.Hasher;

    [Fact]
    public async Task No_such_account_a_switched_off_one_and_a_wrong_password_do_the_same_work_and_get_the_same_answer()
    {
        await SetActiveAsync("school.dsl", false);
        using var client = ClientAt("192.0.2.10");
        var answers = new List<string>();
        foreach (var email in new[] { $"nobody.here@{DemoPartnership.EmailDomain}", DemoPartnership.EmailOf("school.dsl"), DemoPartnership.EmailOf("health.nurse") })
        {
            var before = _hasher.Checked;
            var response = await PasswordAsync(client, email, "Not-the-password-2026");
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            // One password hash each: the unknown and switched-off accounts are checked against a stand-in hash, so
            // they take as long as a real account's wrong password (docs/benchmarks/sign-in-timing.md has the figures).
            Assert.Equal(1, _hasher.Checked - before);
            answers.Add(ErrorsOn(await response.Content.ReadAsStringAsync()));
        }
        Assert.All(answers, a => Assert.Equal(SignInModel.FailureMessage, a));
        // The page that told anyone an account existed (and was locked) is gone.
        Assert.NotEqual(HttpStatusCode.OK, (await client.GetAsync("/account/locked-out")).StatusCode);
    }

    [Fact]
    public async Task A_guesser_at_one_address_is_held_back_and_the_owner_elsewhere_signs_in()
    {
        var email = DemoPartnership.EmailOf("police.officer");
        using var guesser = ClientAt("198.51.100.7");
        for (var attempt = 1; attempt <= 5; attempt++)
        {
            Assert.Equal(HttpStatusCode.OK, (await PasswordAsync(guesser, email, $"Guess-number-{attempt}")).StatusCode);
        }
        var before = _hasher.Checked;
        var held = await PasswordAsync(guesser, email, DemoPartnership.Password);
        Assert.Equal(SignInModel.FailureMessage, ErrorsOn(await held.Content.ReadAsStringAsync()));
        Assert.Equal(1, _hasher.Checked - before); // held back, with the same work as a check

        using var owner = ClientAt("203.0.113.5");
        await SignInFullyAsync(owner, "police.officer");

        var events = await EventsOfAsync("police.officer");
        Assert.Equal(5, events.Count(e => e is { Kind: SecurityEventKind.SignInFailed, Reason: SecurityEventReason.WrongPassword, ClientAddress: "198.51.100.7" }));
        Assert.Single(events, e => e is { Kind: SecurityEventKind.HeldBack, Reason: SecurityEventReason.TooManyFailuresForAccountFromAddress, ClientAddress: "198.51.100.7" });
        Assert.Single(events, e => e is { Kind: SecurityEventKind.SignedIn, Reason: SecurityEventReason.PasswordAndCode, ClientAddress: "203.0.113.5" });
    }

    [Fact]
    public async Task Guessing_from_many_addresses_holds_back_new_browsers_but_never_the_owners_own()
    {
        var email = DemoPartnership.EmailOf("health.teammanager");
        using var ownBrowser = ClientAt("203.0.113.20");
        await SignInFullyAsync(ownBrowser, "health.teammanager");
        Assert.Equal(HttpStatusCode.Redirect, (await PostFormAsync(ownBrowser, "/account/sign-out", "/home")).StatusCode);

        for (var bot = 100; bot < 112; bot++)
        {
            using var guesser = ClientAt($"198.51.100.{bot}");
            Assert.Equal(HttpStatusCode.OK, (await PasswordAsync(guesser, email, $"Guess-number-{bot}")).StatusCode);
        }
        using var newBrowser = ClientAt("203.0.113.21");
        var held = await PasswordAsync(newBrowser, email, DemoPartnership.Password);
        Assert.Equal(SignInModel.FailureMessage, ErrorsOn(await held.Content.ReadAsStringAsync()));
        Assert.Single(await EventsOfAsync("health.teammanager"), e => e is { Kind: SecurityEventKind.HeldBack, Reason: SecurityEventReason.TooManyFailuresForAccount, ClientAddress: "203.0.113.21" });

        // The browser the owner signed in on before is known: the attack on the account does not hold them back.
        await SignInFullyAsync(ownBrowser, "health.teammanager");
    }

    [Fact]
    public async Task One_address_trying_many_accounts_is_held_back_even_for_an_account_it_has_not_tried()
    {
        using var sprayer = ClientAt("198.51.100.50");
        for (var i = 0; i < 20; i++)
        {
            Assert.Equal(HttpStatusCode.OK, (await PasswordAsync(sprayer, $"guess.{i}@{DemoPartnership.EmailDomain}", "Spring-2026-password")).StatusCode);
        }
        var held = await PasswordAsync(sprayer, DemoPartnership.EmailOf("youth.manager"), DemoPartnership.Password);
        Assert.Equal(SignInModel.FailureMessage, ErrorsOn(await held.Content.ReadAsStringAsync()));
        Assert.Single(await EventsOfAsync("youth.manager"), e => e is { Kind: SecurityEventKind.HeldBack, Reason: SecurityEventReason.TooManyFailuresFromAddress });
        // Elsewhere, the account is untouched.
        using var owner = ClientAt("203.0.113.40");
        await SignInFullyAsync(owner, "youth.manager");
    }

    [Fact]
    public async Task An_authenticator_code_signs_in_once()
    {
        var email = DemoPartnership.EmailOf("school.head");
        using var first = ClientAt("203.0.113.30");
        Assert.StartsWith("/account/two-factor", (await PasswordAsync(first, email, DemoPartnership.Password)).Headers.Location?.OriginalString, StringComparison.Ordinal);
        var code = await SignedInClient.CurrentCodeAsync(_server, email);
        Assert.Equal("/home", (await CodeAsync(first, code)).Headers.Location?.OriginalString);

        // The same code again, seconds later, from another client that has the password (seen over a shoulder).
        _server.Clock.Advance(TimeSpan.FromSeconds(5));
        using var second = ClientAt("198.51.100.30");
        Assert.StartsWith("/account/two-factor", (await PasswordAsync(second, email, DemoPartnership.Password)).Headers.Location?.OriginalString, StringComparison.Ordinal);
        var replay = await CodeAsync(second, code);
        Assert.Equal(HttpStatusCode.OK, replay.StatusCode);
        Assert.Equal(TwoFactorModel.FailureMessage, ErrorsOn(await replay.Content.ReadAsStringAsync()));
        Assert.Equal(HttpStatusCode.Redirect, (await second.GetAsync("/home")).StatusCode);
        Assert.Single(await EventsOfAsync("school.head"), e => e is { Kind: SecurityEventKind.SecondFactorFailed, Reason: SecurityEventReason.CodeAlreadyUsed, ClientAddress: "198.51.100.30" });

        // The app's next code works.
        Assert.Equal("/home", (await CodeAsync(second, await SignedInClient.CurrentCodeAsync(_server, email))).Headers.Location?.OriginalString);
    }

    [Fact]
    public async Task A_code_is_accepted_one_step_either_side_of_now_and_no_further()
    {
        var email = DemoPartnership.EmailOf("police.analyst");
        using var client = ClientAt("203.0.113.60");
        Assert.StartsWith("/account/two-factor", (await PasswordAsync(client, email, DemoPartnership.Password)).Headers.Location?.OriginalString, StringComparison.Ordinal);
        var key = await KeyOfAsync(email);
        var step = Core.Access.Totp.StepAt(_server.Clock.GetUtcNow());
        foreach (var away in new[] { -2, 2, -3, 3 })
        {
            var refused = await CodeAsync(client, Core.Access.Totp.CodeForStep(key, step + away));
            Assert.Equal(TwoFactorModel.FailureMessage, ErrorsOn(await refused.Content.ReadAsStringAsync()));
        }
        Assert.Equal("/home", (await CodeAsync(client, Core.Access.Totp.CodeForStep(key, step - 1))).Headers.Location?.OriginalString);
        Assert.Equal(4, (await EventsOfAsync("police.analyst")).Count(e => e is { Kind: SecurityEventKind.SecondFactorFailed, Reason: SecurityEventReason.WrongCode }));
    }

    [Fact]
    public async Task Every_failure_is_an_event_the_administrator_sees_without_a_password_code_or_unknown_address()
    {
        const string Password = "Correct-horse-battery-9";
        const string Mistyped = "mistyped.person";
        using var client = ClientAt("192.0.2.77");
        await PasswordAsync(client, $"{Mistyped}@{DemoPartnership.EmailDomain}", Password);
        await PasswordAsync(client, DemoPartnership.EmailOf("licensing.officer"), Password);
        Assert.StartsWith("/account/two-factor", (await PasswordAsync(client, DemoPartnership.EmailOf("licensing.officer"), DemoPartnership.Password)).Headers.Location?.OriginalString, StringComparison.Ordinal);
        var real = await SignedInClient.CurrentCodeAsync(_server, DemoPartnership.EmailOf("licensing.officer"));
        var wrongCode = real == "246813" ? "135792" : "246813";
        await CodeAsync(client, wrongCode);

        using var admin = ClientAt("203.0.113.99");
        await SignInFullyAsync(admin, "partnership.admin");
        var page = await (await admin.GetAsync("/admin/security-events")).Content.ReadAsStringAsync();
        var rows = Regex.Matches(page, "<tr class=\"govuk-table__row\">(.*?)</tr>", RegexOptions.Singleline).Select(m => Regex.Replace(m.Groups[1].Value, @"\s+", " ")).ToList();
        Assert.Contains(rows, r => r.Contains("Sign-in failed", StringComparison.Ordinal) && r.Contains("Wrong password", StringComparison.Ordinal)
            && r.Contains("Gareth Lloyd", StringComparison.Ordinal) && r.Contains("192.0.2.77", StringComparison.Ordinal));
        Assert.Contains(rows, r => r.Contains("No account has this email address", StringComparison.Ordinal) && r.Contains("reference ", StringComparison.Ordinal) && r.Contains("192.0.2.77", StringComparison.Ordinal));
        Assert.Contains(rows, r => r.Contains("Code failed", StringComparison.Ordinal) && r.Contains("Wrong authenticator code", StringComparison.Ordinal) && r.Contains("Gareth Lloyd", StringComparison.Ordinal));

        // Nowhere: not the page, the events' ledger entries, or the logs.
        var ledger = await _server.WithDbAsync(db => db.Ledger.Select(e => e.Payload).ToListAsync());
        foreach (var secret in new[] { Password, Mistyped, wrongCode })
        {
            Assert.DoesNotContain(secret, page, StringComparison.Ordinal);
            Assert.DoesNotContain(ledger, payload => payload.Contains(secret, StringComparison.Ordinal));
            Assert.DoesNotContain(_server.Logs.Lines, line => line.Contains(secret, StringComparison.Ordinal));
        }
    }

    private HttpClient ClientAt(string address)
    {
        var client = SignedInClient.Anonymous(_server);
        client.DefaultRequestHeaders.Add("X-Forwarded-For", address);
        return client;
    }

    private static async Task<HttpResponseMessage> PasswordAsync(HttpClient client, string email, string password) =>
        await PostFormAsync(client, "/account/sign-in", "/account/sign-in", ("Input.Email", email), ("Input.Password", password));

    private static async Task<HttpResponseMessage> CodeAsync(HttpClient client, string code) =>
        await PostFormAsync(client, "/account/two-factor", "/account/two-factor", ("Input.Code", code));

    private static async Task<HttpResponseMessage> PostFormAsync(HttpClient client, string url, string tokenPage, params (string, string)[] fields) =>
        await client.PostAsync(url, SignedInClient.Form(await SignedInClient.TokenFromAsync(client, tokenPage), fields));

    private async Task SignInFullyAsync(HttpClient client, string who)
    {
        var email = DemoPartnership.EmailOf(who);
        var password = await PasswordAsync(client, email, DemoPartnership.Password);
        Assert.StartsWith("/account/two-factor", password.Headers.Location?.OriginalString, StringComparison.Ordinal);
        var code = await CodeAsync(client, await SignedInClient.CurrentCodeAsync(_server, email));
        Assert.Equal("/home", code.Headers.Location?.OriginalString);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/home")).StatusCode);
    }

    private async Task SetActiveAsync(string who, bool active)
    {
        await using var scope = _server.Scope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<AppUser>>();
        var user = (await users.FindByEmailAsync(DemoPartnership.EmailOf(who)))!;
        user.IsActive = active;
        Assert.True((await users.UpdateAsync(user)).Succeeded);
    }

    private async Task<byte[]> KeyOfAsync(string email)
    {
        await using var scope = _server.Scope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<AppUser>>();
        return Core.Access.Totp.DecodeBase32((await users.GetAuthenticatorKeyAsync((await users.FindByEmailAsync(email))!))!);
    }

    private async Task<List<SecurityEvent>> EventsOfAsync(string who) =>
        await _server.WithDbAsync(db => db.SecurityEvents.Where(e => db.Users.Any(u => u.Id == e.UserId && u.Email == DemoPartnership.EmailOf(who))).ToListAsync());

    /// <summary>The error messages on a page, joined: what the person at the keyboard is told.</summary>
    private static string ErrorsOn(string page) => string.Join(" | ", ErrorMessage().Matches(page)
        .Select(m => WebUtility.HtmlDecode(Regex.Replace(m.Groups[1].Value, "<span class=\"govuk-visually-hidden\">Error:</span>", "")).Trim()).Distinct());

    [GeneratedRegex("<p[^>]*class=\"govuk-error-message\"[^>]*>(.*?)</p>", RegexOptions.Singleline)]
    private static partial Regex ErrorMessage();
}
