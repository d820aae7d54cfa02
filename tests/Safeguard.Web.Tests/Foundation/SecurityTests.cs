using System.Net;
using Microsoft.EntityFrameworkCore;
using Safeguard.Web.Data;
using Safeguard.Web.Tests.Infrastructure;

namespace Safeguard.Web.Tests.Foundation;

/// <summary>Headers, cookies and logs: what every response and every log line must (and must not) carry.</summary>
public sealed class SecurityTests(SeededServerFixture fixture) : IClassFixture<SeededServerFixture>
{
    private readonly SafeguardServer _server = fixture.Server;

    [Theory]
    [InlineData("/account/sign-in")]
    [InlineData("/error/404")]
    [InlineData("/children")]
    public async Task Every_response_carries_the_security_headers(string path)
    {
        using var client = SignedInClient.Anonymous(_server);
        var response = await client.GetAsync(path);
        var csp = string.Join(";", response.Headers.GetValues("Content-Security-Policy"));
        Assert.DoesNotContain("unsafe-inline", csp, StringComparison.Ordinal);
        Assert.DoesNotContain("unsafe-eval", csp, StringComparison.Ordinal);
        Assert.Contains("frame-ancestors 'none'", csp, StringComparison.Ordinal);
        Assert.Contains("script-src 'self'", csp, StringComparison.Ordinal);
        Assert.Equal("nosniff", response.Headers.GetValues("X-Content-Type-Options").Single());
        Assert.Equal("no-referrer", response.Headers.GetValues("Referrer-Policy").Single());
        Assert.Contains("no-store", response.Headers.CacheControl?.ToString() ?? "", StringComparison.Ordinal);
    }

    [Fact]
    public async Task Signed_in_pages_are_never_stored_and_static_assets_may_be()
    {
        using var client = await SignedInClient.SignInAsync(_server, "csc.practitioner");
        var home = await client.Http.GetAsync("/home");
        Assert.Equal(HttpStatusCode.OK, home.StatusCode);
        Assert.True(home.Headers.CacheControl?.NoStore);
        var css = await client.Http.GetAsync("/lib/safeguard.css");
        Assert.Equal(HttpStatusCode.OK, css.StatusCode);
        Assert.NotEqual(true, css.Headers.CacheControl?.NoStore);
    }

    [Fact]
    public async Task Every_cookie_is_secure_http_only_and_same_site()
    {
        using var client = SignedInClient.Anonymous(_server);
        var token = await SignedInClient.TokenFromAsync(client, "/account/sign-in");
        var signIn = await client.PostAsync("/account/sign-in", SignedInClient.Form(token,
            ("Input.Email", Demo.DemoPartnership.EmailOf("csc.practitioner")), ("Input.Password", Demo.DemoPartnership.Password)));
        var first = await client.GetAsync("/account/sign-in");
        var cookies = signIn.Headers.GetValues("Set-Cookie").Concat(first.Headers.TryGetValues("Set-Cookie", out var more) ? more : []).ToList();
        Assert.NotEmpty(cookies);
        foreach (var cookie in cookies)
        {
            var attributes = cookie.ToLowerInvariant();
            Assert.Contains("; secure", attributes, StringComparison.Ordinal);
            Assert.Contains("; httponly", attributes, StringComparison.Ordinal);
            Assert.Contains("; samesite=", attributes, StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task A_form_posted_without_its_antiforgery_token_is_refused()
    {
        using var client = await SignedInClient.SignInAsync(_server, "csc.practitioner");
        var response = await client.Http.PostAsync("/children", new FormUrlEncodedContent([new("Input.Name", "Amber")]));
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
    }

    [Fact]
    public async Task Children_names_searched_for_and_read_never_reach_the_logs()
    {
        using var client = await SignedInClient.SignInAsync(_server, "csc.practitioner");
        Guid amber;
        var given = "Amber"; // a variable, not a constant: the test's own query must not put the name in the log
        await using (var scope = _server.Scope())
        {
            amber = (await scope.ServiceProvider.GetRequiredService<SafeguardDbContext>().People.SingleAsync(p => p.GivenName == given)).Id.Value;
        }
        var search = await client.PostFormAsync("/children", "/children", ("Input.Name", "Amber Lewis"));
        Assert.Contains("Amber Lewis", await search.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        var record = await client.Http.GetAsync($"/children/{amber}");
        Assert.Contains("Canal Street", await record.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        var failed = await client.PostFormAsync($"/children/{amber}/edit", $"/children/{amber}/edit", ("Input.GivenName", "Amber"), ("Input.FamilyName", "Lewis"), ("Input.NhsNumber", "Amber Lewis 12"));
        Assert.Equal(HttpStatusCode.OK, failed.StatusCode);

        Assert.NotEmpty(_server.Logs.Lines);
        foreach (var secret in new[] { "Amber", "Lewis", "Canal Street", "999 001" })
        {
            var leaks = _server.Logs.Lines.Where(line => line.Contains(secret, StringComparison.OrdinalIgnoreCase)).ToList();
            Assert.True(leaks.Count == 0, $"'{secret}' is in the logs:\n{string.Join("\n", leaks)}");
        }
    }
}
