using System.Diagnostics;
using System.Net;
using System.Net.Http.Headers;
using Microsoft.EntityFrameworkCore;
using Safeguard.Web.Auth;
using Safeguard.Web.Data.Model;
using Safeguard.Web.Tests.Infrastructure;

namespace Safeguard.Web.Tests.Security;

/// <summary>A server with the rate limits at their defaults, behind a loopback proxy so each test can be its own client address.</summary>
public sealed class DefaultRateLimitsFixture : IAsyncLifetime
{
    public SafeguardServer Server { get; private set; } = null!;

    public async Task InitializeAsync() => Server = await SafeguardServer.StartAsync(productionRateLimits: true,
        settings: new Dictionary<string, string?> { ["Safeguard:BehindProxy"] = "true", ["Casework:MonitorInterval"] = "0", ["Email:PollInterval"] = "0" });

    public async Task DisposeAsync() => await Server.DisposeAsync();
}

/// <summary>
/// Every limiter at its default limit, over HTTP: the request after the limit answers 429 with Retry-After (the error
/// page for people, a problem document for the API), and other clients, users and tokens are not affected.
/// </summary>
public sealed class RateLimitTests(DefaultRateLimitsFixture fixture) : IClassFixture<DefaultRateLimitsFixture>
{
    private readonly SafeguardServer _server = fixture.Server;

    [Fact]
    public async Task Sign_in_posts_from_one_address_are_limited_and_answered_with_a_page_that_says_wait()
    {
        using var client = ClientAt("198.51.100.1");
        var token = await SignedInClient.TokenFromAsync(client, "/account/sign-in");
        var limited = await SendUntilLimitedAsync(RateLimits.SignIn, () => client.PostAsync("/account/sign-in", SignedInClient.Form(token)));
        var page = await limited.Content.ReadAsStringAsync();
        Assert.Contains("Too many requests", page, StringComparison.Ordinal);
        Assert.Contains("Wait a minute", page, StringComparison.Ordinal);
        // Opening the form is not limited; another address may still post.
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/account/sign-in")).StatusCode);
        using var other = ClientAt("198.51.100.2");
        Assert.Equal(HttpStatusCode.OK, (await other.PostAsync("/account/sign-in", SignedInClient.Form(await SignedInClient.TokenFromAsync(other, "/account/sign-in")))).StatusCode);
    }

    [Fact]
    public async Task Second_factor_posts_from_one_address_are_limited()
    {
        using var client = ClientAt("198.51.100.3");
        var token = await SignedInClient.TokenFromAsync(client, "/account/sign-in");
        await SendUntilLimitedAsync(RateLimits.SecondFactor, () => client.PostAsync("/account/two-factor", SignedInClient.Form(token, ("Input.Code", "123456"))));
    }

    [Fact]
    public async Task Searches_are_limited_per_user()
    {
        using var worker = await SignedInClient.SignInAsync(_server, "csc.practitioner");
        var token = await SignedInClient.TokenFromAsync(worker.Http, "/children");
        await SendUntilLimitedAsync(RateLimits.Search, () => worker.Http.PostAsync("/children", SignedInClient.Form(token, ("Input.Name", "Zz"))));
        // Another user at the same address searches on.
        using var colleague = await SignedInClient.SignInAsync(_server, "csc.practitioner2");
        Assert.Equal(HttpStatusCode.OK, (await colleague.PostFormAsync("/children", "/children", ("Input.Name", "Zz"))).StatusCode);
    }

    [Fact]
    public async Task Token_guesses_are_limited_per_address_with_a_problem_document_and_a_real_token_is_not()
    {
        using var guesser = ClientAt("198.51.100.4");
        var guess = 0;
        var limited = await SendUntilLimitedAsync(RateLimits.PartnerApiUnauthenticated, () =>
        {
            guesser.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", $"sgp_guess{guess++}");
            return guesser.GetAsync("/api/v1/concerns/REF-2026-000001");
        });
        Assert.Equal("application/problem+json", limited.Content.Headers.ContentType?.MediaType);
        Assert.Contains("\"status\":429", await limited.Content.ReadAsStringAsync(), StringComparison.Ordinal);

        guesser.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", await NewTokenAsync());
        Assert.NotEqual(HttpStatusCode.TooManyRequests, (await guesser.GetAsync("/api/v1/concerns/REF-2026-000001")).StatusCode);
    }

    [Fact]
    public async Task Calls_with_one_token_are_limited_whichever_address_they_come_from()
    {
        var calls = 0;
        var token = await NewTokenAsync();
        var clients = Enumerable.Range(10, 3).Select(i => ClientAt($"198.51.100.{i}")).ToList();
        foreach (var client in clients)
        {
            client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
        }
        var limited = await SendUntilLimitedAsync(RateLimits.PartnerApi, () => clients[calls++ % clients.Count].GetAsync("/api/v1/concerns/REF-2026-000001"));
        Assert.Equal("application/problem+json", limited.Content.Headers.ContentType?.MediaType);
        clients.ForEach(c => c.Dispose());
    }

    [Fact]
    public async Task Public_pages_are_limited_per_address()
    {
        using var client = ClientAt("198.51.100.6");
        await SendUntilLimitedAsync(RateLimits.Public, () => client.GetAsync("/openapi/v1.json"));
    }

    /// <summary>A token of its own for each test: the limit is per token, and the tests share a server.</summary>
    private async Task<string> NewTokenAsync()
    {
        var token = PartnerTokenAuthentication.NewToken();
        await _server.WithDbAsync(async db =>
        {
            db.PartnerTokens.Add(new PartnerToken
            {
                AgencyId = (await db.Agencies.SingleAsync(a => a.Code == "YTH")).Id,
                Name = "Rate limit test",
                TokenHash = PartnerTokenAuthentication.Hash(token),
                CreatedAt = db.Now,
            });
            return await db.SaveChangesAsync();
        });
        return token;
    }

    private HttpClient ClientAt(string address)
    {
        var client = SignedInClient.Anonymous(_server);
        client.DefaultRequestHeaders.Add("X-Forwarded-For", address);
        return client;
    }

    /// <summary>
    /// Sends until the limit answers, and checks it answered at the default limit: exactly that many requests let
    /// through (when they all fell in one window, as they do unless the machine is very slow), then 429 with a
    /// Retry-After in whole seconds no longer than the window.
    /// </summary>
    private static async Task<HttpResponseMessage> SendUntilLimitedAsync(string limit, Func<Task<HttpResponseMessage>> send)
    {
        var (permits, window) = RateLimits.Defaults[limit];
        var clock = Stopwatch.StartNew();
        for (var sent = 0; sent <= permits * 3; sent++)
        {
            var response = await send();
            if (response.StatusCode != HttpStatusCode.TooManyRequests)
            {
                continue;
            }
            Assert.True(clock.Elapsed >= window || sent == permits, $"{limit}: 429 after {sent} requests, expected after {permits}");
            Assert.True(sent >= permits, $"{limit}: 429 after {sent} requests, expected after {permits}");
            var retryAfter = Assert.Single(response.Headers.GetValues("Retry-After"));
            Assert.InRange(int.Parse(retryAfter, System.Globalization.CultureInfo.InvariantCulture), 1, (int)window.TotalSeconds);
            return response;
        }
        Assert.Fail($"{limit}: no 429 after {permits * 3 + 1} requests");
        return null!;
    }
}
