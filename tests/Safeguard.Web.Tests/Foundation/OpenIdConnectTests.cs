using System.Net;
using Safeguard.Web.Demo;
using Safeguard.Web.Tests.Infrastructure;

namespace Safeguard.Web.Tests.Foundation;

/// <summary>
/// OpenID Connect sign-in switched on by configuration alone, against a real (minimal) provider over HTTP on
/// loopback, through ASP.NET Core's own OpenID Connect handler.
/// </summary>
public sealed class OpenIdConnectTests : IAsyncLifetime
{
    private FakeOidcProvider _provider = null!;
    private SafeguardServer _server = null!;

    public async Task InitializeAsync()
    {
        _provider = await FakeOidcProvider.StartAsync();
        _server = await SafeguardServer.StartAsync(settings: _provider.SettingsForSafeguard());
    }

    public async Task DisposeAsync()
    {
        await _server.DisposeAsync();
        await _provider.DisposeAsync();
    }

    [Fact]
    public async Task A_user_signs_in_through_the_partnerships_provider_when_it_asserts_a_second_factor()
    {
        _provider.Email = DemoPartnership.EmailOf("youth.worker");
        var (client, page) = await SignInThroughProviderAsync();
        Assert.Equal("/home", page);
        var home = await client.GetStringAsync("/home");
        Assert.Contains("Hello, Jess Moran", home, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_provider_that_does_not_assert_a_second_factor_is_refused()
    {
        _provider.Email = DemoPartnership.EmailOf("youth.worker");
        _provider.Methods = ["pwd"];
        var (client, page) = await SignInThroughProviderAsync();
        Assert.StartsWith("/account/external-sign-in", page, StringComparison.Ordinal);
        var home = await client.GetAsync("/home");
        Assert.Equal(HttpStatusCode.Redirect, home.StatusCode);
        Assert.Contains("/account/sign-in", home.Headers.Location!.OriginalString, StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_email_with_no_safeguard_account_is_refused_and_no_account_is_created()
    {
        _provider.Email = "someone.else@example.org";
        var (client, page) = await SignInThroughProviderAsync();
        Assert.StartsWith("/account/external-sign-in", page, StringComparison.Ordinal);
        var home = await client.GetAsync("/home");
        Assert.Equal(HttpStatusCode.Redirect, home.StatusCode);
    }

    /// <summary>Follows the redirects across Safeguard and the provider; returns where the user landed.</summary>
    private async Task<(HttpClient Client, string Landed)> SignInThroughProviderAsync()
    {
        var client = SignedInClient.Anonymous(_server);
        var signInPage = await client.GetStringAsync("/account/sign-in");
        Assert.Contains("Sign in with Northbridge staff account", signInPage, StringComparison.Ordinal);
        var token = await SignedInClient.TokenFromAsync(client, "/account/sign-in");
        var response = await client.PostAsync("/account/external-sign-in", SignedInClient.Form(token, ("returnUrl", "/home")));
        using var providerClient = new HttpClient(new HttpClientHandler { AllowAutoRedirect = false });
        for (var hop = 0; hop < 10 && response.StatusCode == HttpStatusCode.Redirect; hop++)
        {
            var location = response.Headers.Location!;
            var absolute = location.IsAbsoluteUri ? location : new Uri(new Uri(_server.BaseUrl), location);
            if (absolute.GetLeftPart(UriPartial.Authority) == _provider.Authority)
            {
                response = await providerClient.GetAsync(absolute);
                continue;
            }
            if (absolute.AbsolutePath == "/home" || absolute.AbsolutePath.StartsWith("/account/external-sign-in", StringComparison.Ordinal) && !absolute.Query.Contains("handler=Callback", StringComparison.Ordinal))
            {
                return (client, absolute.PathAndQuery);
            }
            response = await client.GetAsync(absolute);
        }
        var body = await response.Content.ReadAsStringAsync();
        return (client, body.Contains("You could not be signed in", StringComparison.Ordinal) ? "/account/external-sign-in (refused)" : $"unexpected {(int)response.StatusCode}");
    }
}
