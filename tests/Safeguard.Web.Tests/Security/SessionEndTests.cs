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
/// Sessions end when they should, for every copy of the cookie: a saved cookie replayed by another client after
/// sign-out, after the account is switched off, or after the user's role, agency, team or password changes, is
/// refused at its next request (sent to sign in), and a child's record is not shown to it.
/// </summary>
public sealed class SessionEndTests(SeededServerFixture fixture) : IClassFixture<SeededServerFixture>
{
    private readonly SafeguardServer _server = fixture.Server;

    [Fact]
    public async Task Signing_out_ends_every_copy_of_the_session()
    {
        var amber = await _server.IdOfAsync("Amber");
        using var signedIn = await SignedInClient.SignInAsync(_server, "csc.practitioner");
        using var copy = signedIn.CopyOfCookies(_server);
        Assert.Equal(HttpStatusCode.OK, (await copy.GetAsync($"/children/{amber}")).StatusCode);

        var signOut = await signedIn.PostFormAsync("/account/sign-out");
        Assert.Equal("/account/sign-in", signOut.Headers.Location?.OriginalString);

        AssertSentToSignIn(await copy.GetAsync($"/children/{amber}"));
        AssertSentToSignIn(await copy.GetAsync("/home"));
        // The sign-out is in the ledger, on the user's stream: their stamp changed (its value is never written there).
        var user = await UserIdAsync("csc.practitioner");
        var entry = await _server.WithDbAsync(db => db.Ledger.Where(e => e.Stream == $"user/{user}" && e.Type == "AppUser.changed")
            .OrderByDescending(e => e.Sequence).FirstAsync());
        Assert.Contains("\"SecurityStamp\":{\"before\":\"[redacted]\",\"after\":\"[redacted]\"}", entry.Payload, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Switching_an_account_off_ends_its_sessions_at_once()
    {
        var amber = await _server.IdOfAsync("Amber");
        using var worker = await SignedInClient.SignInAsync(_server, "csc.practitioner2");
        using var copy = worker.CopyOfCookies(_server);
        Assert.Equal(HttpStatusCode.OK, (await copy.GetAsync($"/children/{amber}")).StatusCode);

        using var admin = await SignedInClient.SignInAsync(_server, "partnership.admin");
        var off = await admin.PostFormAsync("/admin/users?handler=SetActive", "/admin/users",
            ("id", (await UserIdAsync("csc.practitioner2")).ToString()), ("active", "false"));
        Assert.Equal(HttpStatusCode.Redirect, off.StatusCode);

        AssertSentToSignIn(await worker.Http.GetAsync($"/children/{amber}"));
        AssertSentToSignIn(await copy.GetAsync($"/children/{amber}"));
    }

    public static TheoryData<string, string> Changes() => new()
    {
        { "role", "csc.teammanager" },
        { "agency", "csc.cselead" },
        { "team", "mash.triage" },
        { "password", "csc.seniormanager" },
    };

    [Theory]
    [MemberData(nameof(Changes))]
    public async Task A_change_to_who_the_user_is_ends_their_sessions(string change, string who)
    {
        var amber = await _server.IdOfAsync("Amber");
        using var signedIn = await SignedInClient.SignInAsync(_server, who);
        using var copy = signedIn.CopyOfCookies(_server);
        Assert.Equal(HttpStatusCode.OK, (await copy.GetAsync("/home")).StatusCode);

        // Safeguard has no page for these changes yet: they are made as an administrator's tool would make them,
        // through Identity and the DbContext, and the sessions must end whichever way they come.
        await using (var scope = _server.Scope())
        {
            var users = scope.ServiceProvider.GetRequiredService<UserManager<AppUser>>();
            var db = scope.ServiceProvider.GetRequiredService<SafeguardDbContext>();
            var user = (await users.FindByEmailAsync(DemoPartnership.EmailOf(who)))!;
            var result = change switch
            {
                "role" => await users.AddToRoleAsync(user, Roles.CseLead),
                "password" => await users.ChangePasswordAsync(user, DemoPartnership.Password, "A-new-password-2026"),
                _ => null,
            };
            if (change == "agency")
            {
                user.AgencyId = (await db.Agencies.SingleAsync(a => a.Code == "POL")).Id;
            }
            if (change == "team")
            {
                user.TeamId = (await db.Teams.FirstAsync(t => t.Name == "Child Exploitation Team")).Id;
            }
            result ??= await users.UpdateAsync(user);
            Assert.True(result.Succeeded, string.Join("; ", result.Errors.Select(e => e.Description)));
        }

        AssertSentToSignIn(await copy.GetAsync($"/children/{amber}"));
        AssertSentToSignIn(await signedIn.Http.GetAsync("/home"));
    }

    private async Task<Guid> UserIdAsync(string who) =>
        await _server.WithDbAsync(db => db.Users.Where(u => u.Email == DemoPartnership.EmailOf(who)).Select(u => u.Id).SingleAsync());

    private static void AssertSentToSignIn(HttpResponseMessage response)
    {
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Contains("/account/sign-in", response.Headers.Location?.OriginalString ?? "", StringComparison.Ordinal);
    }
}
