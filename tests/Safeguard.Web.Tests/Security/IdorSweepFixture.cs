using System.Net;
using System.Security.Cryptography;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Safeguard.Core;
using Safeguard.Core.Access;
using Safeguard.Web.Data;
using Safeguard.Web.Data.Model;
using Safeguard.Web.Demo;
using Safeguard.Web.Tests.Infrastructure;

namespace Safeguard.Web.Tests.Security;

/// <summary>A signed-in user of an agency with no relationship to the canaries, and a child their agency does work with.</summary>
public sealed record SweepUser(string Email, string Role, string Agency, SignedInClient Client, string Token, Id<Person>? OwnChild);

/// <summary>
/// The demo partnership, and in it a youth project's canaries: a child (with everything its staff record, and the
/// intelligence unit's work on it, see <see cref="AgencyFootprint"/>), a second record waiting for the front door as
/// a possible match, a third linked into the second, and an outsider's request for access and emergency access. Every
/// name and free text carries <see cref="Secret"/>, which no response to an unrelated user may contain. Every demo
/// user of the other agencies is signed in once (password and authenticator code) and reused.
/// </summary>
public sealed class IdorSweepFixture : IAsyncLifetime
{
    /// <summary>Random per run, letters and digits only (the same in HTML, JSON and URLs), matched ignoring case.</summary>
    public string Secret { get; } = "Cnry" + Convert.ToHexString(RandomNumberGenerator.GetBytes(6));

    public SafeguardServer Server { get; private set; } = null!;
    internal AgencyFootprint Footprint { get; private set; } = null!;
    public Id<Person> PossibleMatch { get; private set; }
    public Id<Person> LinkedRecord { get; private set; }
    public Id<PersonMatchReview> MatchReview { get; private set; }
    public Id<PersonMerge> Merge { get; private set; }
    public Id<AccessRequest> AccessRequest { get; private set; }
    public Id<BreakGlassAccess> BreakGlass { get; private set; }
    public Id<LicensingNotice> LicensingNotice { get; private set; }
    public Guid Outsider { get; private set; }
    public IReadOnlyList<SweepUser> Users { get; private set; } = [];

    /// <summary>The canary agency: every other agency's users are swept.</summary>
    public const string CanaryAgency = "YTH";

    public async Task InitializeAsync()
    {
        Server = await SafeguardServer.StartAsync();
        var fields = 0;
        // Each field its own canary ("...F17"), so a leak names the field it came from.
        string Canary(string field, int maximumLength) => $"{Secret}F{Interlocked.Increment(ref fields)}";
        Footprint = await AgencyFootprint.RecordAsync(Server, Canary);

        // A second and third record of the youth project: a possible match of the first waiting for the front door,
        // and a record linked into the second (what the matching engine leaves behind; arranged as the route table does).
        using (var worker = await SignedInClient.SignInAsync(Server, AgencyFootprint.Worker))
        {
            PossibleMatch = await AgencyFootprint.NewChildAsync(worker, Canary);
            LinkedRecord = await AgencyFootprint.NewChildAsync(worker, Canary);
        }
        await using (var scope = Server.Scope())
        {
            var db = scope.ServiceProvider.GetRequiredService<SafeguardDbContext>();
            var review = new PersonMatchReview { PersonId = PossibleMatch, CandidateId = Footprint.Child, Probability = 0.5, Reason = Core.Matching.ReviewReason.Possible, CreatedAt = db.Now };
            var merge = new PersonMerge { SurvivorId = PossibleMatch, MergedId = LinkedRecord, Method = MergeMethod.Automatic, Probability = 0.9999, At = db.Now };
            db.PersonMatchReviews.Add(review);
            db.PersonMerges.Add(merge);
            (await db.People.SingleAsync(p => p.Id == LinkedRecord)).MergedIntoId = PossibleMatch;
            await db.SaveChangesAsync();
            (MatchReview, Merge) = (review.Id, merge.Id);
            LicensingNotice = await db.LicensingNotices.Where(n => n.PersonId == Footprint.Suspect).Select(n => n.Id).SingleAsync();
        }

        // An outsider (a health worker who is not swept) asks for access to the canary child, then breaks the glass:
        // their request waits for the youth project's manager, their emergency access for their own manager.
        Outsider = await OutsiderAsync("canary.outsider", "canary.outsider.manager");
        using (var outsider = await SignedInClient.SignInAsync(Server, Email("canary.outsider")))
        {
            var reason = $"{Secret} outsider's reason, long enough to be accepted.";
            Assert.Equal(HttpStatusCode.Redirect, (await outsider.PostFormAsync($"/children/{Footprint.Child}/request-access", "/home", ("Input.Reason", reason))).StatusCode);
            Assert.Equal(HttpStatusCode.Redirect, (await outsider.PostFormAsync($"/children/{Footprint.Child}/break-glass", "/home", ("Input.Reason", reason))).StatusCode);
        }
        (AccessRequest, BreakGlass) = await Server.WithDbAsync(async db => (
            await db.AccessRequests.Where(r => r.RequestedByUserId == Outsider).Select(r => r.Id).SingleAsync(),
            await db.BreakGlass.Where(b => b.UserId == Outsider).Select(b => b.Id).SingleAsync()));

        // Every demo user outside the canary agency, signed in once, concurrently (sign-in hashes a password).
        var swept = DemoPartnership.Users.Where(u => u.AgencyCode != CanaryAgency).ToList();
        var ownChildren = await Server.WithDbAsync(db => db.Cases.Where(c => c.ClosedAt == null)
            .Join(db.People.Where(p => p.MergedIntoId == null && p.Kind == PersonKind.Child), c => c.PersonId, p => p.Id, (c, p) => new { c.AgencyId, p.Id })
            .Join(db.Agencies, x => x.AgencyId, a => a.Id, (x, a) => new { a.Code, x.Id }).ToListAsync());
        Users = await Task.WhenAll(swept.Select(async demo =>
        {
            var client = await SignedInClient.SignInAsync(Server, demo.Email);
            var token = await SignedInClient.TokenFromAsync(client.Http, "/home");
            var own = ownChildren.Where(c => c.Code == demo.AgencyCode).OrderBy(c => c.Id.Value).Select(c => (Id<Person>?)c.Id).FirstOrDefault();
            return new SweepUser(DemoPartnership.EmailOf(demo.Email), demo.Roles[0], demo.AgencyCode, client, token, own);
        }));
    }

    private static string Email(string user) => $"{user}@{DemoPartnership.EmailDomain}";

    private async Task<Guid> OutsiderAsync(string name, string managerName)
    {
        await using var scope = Server.Scope();
        var db = scope.ServiceProvider.GetRequiredService<SafeguardDbContext>();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<AppUser>>();
        var health = await db.Agencies.SingleAsync(a => a.Code == "HLT");
        var team = await db.Teams.FirstAsync(t => t.AgencyId == health.Id);
        AppUser? manager = null;
        foreach (var (user, role) in new[] { (managerName, Roles.TeamManager), (name, Roles.Practitioner) })
        {
            var account = new AppUser { UserName = Email(user), Email = Email(user), EmailConfirmed = true, DisplayName = $"Outsider {role}", AgencyId = health.Id, TeamId = team.Id, ManagerId = manager?.Id };
            Assert.True((await users.CreateAsync(account, DemoPartnership.Password)).Succeeded);
            Assert.True((await users.AddToRoleAsync(account, role)).Succeeded);
            await users.ResetAuthenticatorKeyAsync(account);
            await users.SetTwoFactorEnabledAsync(account, true);
            manager ??= account;
            if (user == name)
            {
                return account.Id;
            }
        }
        throw new InvalidOperationException("unreachable");
    }

    public async Task DisposeAsync()
    {
        foreach (var user in Users)
        {
            user.Client.Dispose();
        }
        await Server.DisposeAsync();
    }
}
