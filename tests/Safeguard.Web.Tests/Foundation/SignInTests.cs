using System.Net;
using Safeguard.Web.Demo;
using Safeguard.Web.Tests.Infrastructure;

namespace Safeguard.Web.Tests.Foundation;

public sealed class SignInTests(SeededServerFixture fixture) : IClassFixture<SeededServerFixture>
{
    private readonly SafeguardServer _server = fixture.Server;

    [Fact]
    public async Task After_five_wrong_passwords_the_same_client_is_held_back_even_with_the_right_one_and_told_nothing_more()
    {
        using var client = SignedInClient.Anonymous(_server);
        var email = DemoPartnership.EmailOf("licensing.manager");
        async Task<HttpResponseMessage> TryAsync(string password)
        {
            var token = await SignedInClient.TokenFromAsync(client, "/account/sign-in");
            return await client.PostAsync("/account/sign-in", SignedInClient.Form(token, ("Input.Email", email), ("Input.Password", password)));
        }
        for (var attempt = 1; attempt <= 5; attempt++)
        {
            var wrong = await TryAsync($"wrong-password-{attempt}");
            Assert.Equal(HttpStatusCode.OK, wrong.StatusCode);
            Assert.Contains("Enter a correct email address and password", await wrong.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        }
        // Held back: the right password is not even checked, and the answer is the one every failure gets.
        var right = await TryAsync(DemoPartnership.Password);
        Assert.Equal(HttpStatusCode.OK, right.StatusCode);
        Assert.Contains("Enter a correct email address and password", await right.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        // Half a minute later the back-off has passed, and the right password is let through to the second step.
        _server.Clock.Advance(TimeSpan.FromSeconds(31));
        var later = await TryAsync(DemoPartnership.Password);
        Assert.StartsWith("/account/two-factor", later.Headers.Location?.OriginalString, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_wrong_authenticator_code_does_not_sign_in()
    {
        using var client = SignedInClient.Anonymous(_server);
        var token = await SignedInClient.TokenFromAsync(client, "/account/sign-in");
        var password = await client.PostAsync("/account/sign-in", SignedInClient.Form(token,
            ("Input.Email", DemoPartnership.EmailOf("school.head")), ("Input.Password", DemoPartnership.Password)));
        Assert.StartsWith("/account/two-factor", password.Headers.Location?.OriginalString, StringComparison.Ordinal);
        var codeToken = await SignedInClient.TokenFromAsync(client, password.Headers.Location!.OriginalString);
        var real = await SignedInClient.CurrentCodeAsync(_server, DemoPartnership.EmailOf("school.head"));
        var wrongCode = real == "000000" ? "111111" : "000000";
        var second = await client.PostAsync("/account/two-factor", SignedInClient.Form(codeToken, ("Input.Code", wrongCode)));
        Assert.Equal(HttpStatusCode.OK, second.StatusCode);
        Assert.Contains("The code is not correct", await second.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        var home = await client.GetAsync("/home");
        Assert.Equal(HttpStatusCode.Redirect, home.StatusCode);
    }

    [Fact]
    public async Task A_password_alone_reaches_only_the_authenticator_set_up()
    {
        // A user without a second factor yet: signed in with a password, they may set one up and nothing else.
        await using (var scope = _server.Scope())
        {
            var users = scope.ServiceProvider.GetRequiredService<Microsoft.AspNetCore.Identity.UserManager<Data.Model.AppUser>>();
            var user = await users.FindByEmailAsync(DemoPartnership.EmailOf("youth.manager"));
            await users.SetTwoFactorEnabledAsync(user!, false);
        }
        using var client = SignedInClient.Anonymous(_server);
        var token = await SignedInClient.TokenFromAsync(client, "/account/sign-in");
        var signIn = await client.PostAsync("/account/sign-in", SignedInClient.Form(token,
            ("Input.Email", DemoPartnership.EmailOf("youth.manager")), ("Input.Password", DemoPartnership.Password)));
        Assert.StartsWith("/account/set-up-authenticator", signIn.Headers.Location?.OriginalString, StringComparison.Ordinal);
        var home = await client.GetAsync("/home");
        Assert.Equal(HttpStatusCode.Redirect, home.StatusCode);
        Assert.Equal("/account/set-up-authenticator", home.Headers.Location!.OriginalString);
        var children = await client.PostAsync("/children", SignedInClient.Form(await SignedInClient.TokenFromAsync(client, "/account/set-up-authenticator"), ("Input.Name", "Amber")));
        Assert.Equal(HttpStatusCode.Forbidden, children.StatusCode);

        var setUpToken = await SignedInClient.TokenFromAsync(client, "/account/set-up-authenticator");
        var code = await SignedInClient.CurrentCodeAsync(_server, DemoPartnership.EmailOf("youth.manager"));
        var confirmed = await client.PostAsync("/account/set-up-authenticator", SignedInClient.Form(setUpToken, ("Input.Code", code)));
        Assert.Equal("/home", confirmed.Headers.Location?.OriginalString);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/home")).StatusCode);
    }
}
