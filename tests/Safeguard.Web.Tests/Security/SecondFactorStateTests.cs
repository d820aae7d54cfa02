using System.Net;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Safeguard.Core.Access;
using Safeguard.Web.Data;
using Safeguard.Web.Data.Model;
using Safeguard.Web.Demo;
using Safeguard.Web.Tests.Infrastructure;

namespace Safeguard.Web.Tests.Security;

/// <summary>
/// A session's second-factor state: a password alone (authenticator not set up) reaches the set-up page and sign-out
/// only, whatever roles the user holds; a password given with the code still to come is no session at all. Every
/// route is also tried this way by the route table (Access/RouteAccessTests).
/// </summary>
public sealed class SecondFactorStateTests(SeededServerFixture fixture) : IClassFixture<SeededServerFixture>
{
    private readonly SafeguardServer _server = fixture.Server;

    [Fact]
    public async Task A_password_only_session_reaches_neither_the_access_log_nor_a_new_record()
    {
        // The issue's own case: roles whose pages named them with [Authorize(Roles = ...)], which replaced the
        // second-factor requirement.
        var email = $"new.scrutineer@{DemoPartnership.EmailDomain}";
        await using (var scope = _server.Scope())
        {
            var users = scope.ServiceProvider.GetRequiredService<UserManager<AppUser>>();
            var db = scope.ServiceProvider.GetRequiredService<SafeguardDbContext>();
            var user = new AppUser { UserName = email, Email = email, DisplayName = "New starter", AgencyId = (await db.Agencies.SingleAsync(a => a.Code == "CSC")).Id };
            Assert.True((await users.CreateAsync(user, DemoPartnership.Password)).Succeeded);
            Assert.True((await users.AddToRolesAsync(user, [Roles.Scrutineer, Roles.Practitioner, Roles.FrontDoor])).Succeeded);
        }
        using var client = await SignedInClient.SignInWithPasswordOnlyAsync(_server, email);

        foreach (var page in new[] { "/audit/access-log", "/people/new", "/matching", "/home", "/children" })
        {
            var response = await client.GetAsync(page);
            Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
            Assert.Equal("/account/set-up-authenticator", response.Headers.Location?.OriginalString);
        }
        var token = await SignedInClient.TokenFromAsync(client, "/account/set-up-authenticator");
        (string, string)[] person = [("Input.Kind", "Child"), ("Input.GivenName", "Zebedee"), ("Input.FamilyName", "Passwordonly"),
            ("Input.DateOfBirth.Day", "1"), ("Input.DateOfBirth.Month", "2"), ("Input.DateOfBirth.Year", "2012"), ("Input.Involvement", "Test")];
        Assert.Equal(HttpStatusCode.Forbidden, (await client.PostAsync("/people/new", SignedInClient.Form(token, person))).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await client.PostAsync("/people/new?handler=Create", SignedInClient.Form(token, person))).StatusCode);
        Assert.False(await _server.WithDbAsync(db => db.People.AnyAsync(p => p.FamilyName == "Passwordonly")));
        var actor = "user/" + await _server.WithDbAsync(db => db.Users.Where(u => u.Email == email).Select(u => u.Id).SingleAsync());
        Assert.False(await _server.WithDbAsync(db => db.AccessLog.AnyAsync(e => e.Actor == actor)));
        // Setting up the authenticator writes the new key, and the security events of doing so, to the user's own
        // account as the user; nothing else may be written in their name before the second factor.
        var written = await _server.WithDbAsync(db => db.Ledger.Where(e => e.Actor == actor).Select(e => new { e.Stream, e.Type }).ToListAsync());
        Assert.All(written, e => Assert.Equal(actor, e.Stream));
        Assert.Contains(written, e => e.Type == "AppUser.changed");
    }

    [Fact]
    public async Task A_password_with_the_code_still_to_come_is_no_session()
    {
        using var client = SignedInClient.Anonymous(_server);
        var token = await SignedInClient.TokenFromAsync(client, "/account/sign-in");
        var password = await client.PostAsync("/account/sign-in", SignedInClient.Form(token,
            ("Input.Email", DemoPartnership.EmailOf("csc.practitioner")), ("Input.Password", DemoPartnership.Password)));
        Assert.StartsWith("/account/two-factor", password.Headers.Location?.OriginalString, StringComparison.Ordinal);

        foreach (var page in new[] { "/home", "/account/set-up-authenticator", "/account/sign-out" })
        {
            var response = await client.GetAsync(page);
            Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
            Assert.Contains("/account/sign-in", response.Headers.Location?.OriginalString ?? "", StringComparison.Ordinal);
        }
    }
}
