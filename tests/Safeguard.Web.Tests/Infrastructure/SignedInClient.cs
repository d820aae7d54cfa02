using System.Net;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Identity;
using Safeguard.Core.Access;
using Safeguard.Web.Data.Model;
using Safeguard.Web.Demo;

namespace Safeguard.Web.Tests.Infrastructure;

/// <summary>
/// An HTTP client signed in the way a person signs in: password, then the current authenticator code. Redirects
/// are not followed, so tests see exactly what the server answered.
/// </summary>
public sealed partial class SignedInClient : IDisposable
{
    private SignedInClient(HttpClient client, CookieContainer cookies)
    {
        Http = client;
        Cookies = cookies;
    }

    public HttpClient Http { get; }

    /// <summary>The session's cookies, as a browser holds them (and as someone who copied them would).</summary>
    public CookieContainer Cookies { get; }

    public static HttpClient Anonymous(SafeguardServer server) => Anonymous(server, new CookieContainer());

    private static HttpClient Anonymous(SafeguardServer server, CookieContainer cookies) => new(new HttpClientHandler
    {
        CookieContainer = cookies,
        AllowAutoRedirect = false,
        ServerCertificateCustomValidationCallback = HttpClientHandler.DangerousAcceptAnyServerCertificateValidator,
    })
    { BaseAddress = new Uri(server.BaseUrl) };

    /// <summary>
    /// Another client holding a copy of this session's cookies as they are now: a saved cookie replayed later, or one
    /// stolen from the browser. What the original client does afterwards does not change the copy.
    /// </summary>
    public HttpClient CopyOfCookies(SafeguardServer server)
    {
        var copy = new CookieContainer();
        foreach (Cookie cookie in Cookies.GetAllCookies())
        {
            copy.Add(new Cookie(cookie.Name, cookie.Value, cookie.Path, cookie.Domain) { Secure = cookie.Secure, HttpOnly = cookie.HttpOnly });
        }
        return Anonymous(server, copy);
    }

    public static async Task<SignedInClient> SignInAsync(SafeguardServer server, string user, string password = DemoPartnership.Password)
    {
        var email = user.Contains('@', StringComparison.Ordinal) ? user : DemoPartnership.EmailOf(user);
        var cookies = new CookieContainer();
        var client = Anonymous(server, cookies);
        var token = await TokenFromAsync(client, "/account/sign-in");
        var signIn = await client.PostAsync("/account/sign-in", Form(token, ("Input.Email", email), ("Input.Password", password)));
        if (signIn.StatusCode != HttpStatusCode.Redirect || signIn.Headers.Location?.OriginalString.StartsWith("/account/two-factor", StringComparison.Ordinal) != true)
        {
            throw new InvalidOperationException($"Password sign-in for {email} answered {(int)signIn.StatusCode} {signIn.Headers.Location}");
        }
        token = await TokenFromAsync(client, signIn.Headers.Location!.OriginalString);
        var code = await CurrentCodeAsync(server, email);
        var second = await client.PostAsync("/account/two-factor", Form(token, ("Input.Code", code)));
        if (second.StatusCode != HttpStatusCode.Redirect)
        {
            throw new InvalidOperationException($"Second-factor sign-in for {email} answered {(int)second.StatusCode}");
        }
        return new SignedInClient(client, cookies);
    }

    /// <summary>
    /// Signs in with the password alone, as a user who has not yet set up their authenticator does: the session that
    /// may reach only the set-up page (and sign out).
    /// </summary>
    public static async Task<HttpClient> SignInWithPasswordOnlyAsync(SafeguardServer server, string email, string password = DemoPartnership.Password)
    {
        var client = Anonymous(server);
        var token = await TokenFromAsync(client, "/account/sign-in");
        var signIn = await client.PostAsync("/account/sign-in", Form(token, ("Input.Email", email), ("Input.Password", password)));
        if (signIn.StatusCode != HttpStatusCode.Redirect || signIn.Headers.Location?.OriginalString.StartsWith("/account/set-up-authenticator", StringComparison.Ordinal) != true)
        {
            throw new InvalidOperationException($"Password-only sign-in for {email} answered {(int)signIn.StatusCode} {signIn.Headers.Location}");
        }
        return client;
    }

    /// <summary>
    /// A code the user's authenticator app would show, that Safeguard will accept now. Safeguard checks codes against its
    /// (here, the test's) clock and accepts each code once, one step either side of now: a user already signed in this
    /// half-minute gets the next step's code, and if that too is used, the test clock moves on to the step after the
    /// last one used, as a person would wait for their app's next code.
    /// </summary>
    public static async Task<string> CurrentCodeAsync(SafeguardServer server, string email)
    {
        await using var scope = server.Scope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<AppUser>>();
        var user = await users.FindByEmailAsync(email) ?? throw new InvalidOperationException($"No user {email}");
        var key = Totp.DecodeBase32(await users.GetAuthenticatorKeyAsync(user) ?? throw new InvalidOperationException($"{email} has no authenticator key"));
        var now = server.Clock.GetUtcNow();
        var step = Totp.StepAt(now);
        if (user.LastAuthenticatorStep is not { } last || last < step)
        {
            return Totp.CodeForStep(key, step);
        }
        if (last > step)
        {
            server.Clock.Advance(Totp.StartOfStep(last) - now);
        }
        return Totp.CodeForStep(key, last + 1);
    }

    /// <summary>Posts a form as the browser would, with a fresh antiforgery token taken from <paramref name="tokenPage"/>.</summary>
    public async Task<HttpResponseMessage> PostFormAsync(string url, string tokenPage = "/home", params (string Name, string Value)[] fields) =>
        await Http.PostAsync(url, Form(await TokenFromAsync(Http, tokenPage), fields));

    public static async Task<string> TokenFromAsync(HttpClient client, string url)
    {
        var page = await client.GetStringAsync(url);
        var match = AntiforgeryField().Match(page);
        return match.Success ? WebUtility.HtmlDecode(match.Groups[1].Value) : throw new InvalidOperationException($"No antiforgery token on {url}");
    }

    public static FormUrlEncodedContent Form(string token, params (string Name, string Value)[] fields) =>
        new([new("__RequestVerificationToken", token), .. fields.Select(f => new KeyValuePair<string, string>(f.Name, f.Value))]);

    public void Dispose() => Http.Dispose();

    [GeneratedRegex("name=\"__RequestVerificationToken\" type=\"hidden\" value=\"([^\"]+)\"")]
    private static partial Regex AntiforgeryField();
}
