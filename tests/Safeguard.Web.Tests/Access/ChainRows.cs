using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using Safeguard.Web.Demo;
using Safeguard.Web.Tests.Infrastructure;

namespace Safeguard.Web.Tests.Access;

/// <summary>
/// Reads back who the ledger and the access log name: the rows a request wrote (everything after the heads taken
/// before it), and whether any row of a server names an actor outside the four allowed forms.
/// </summary>
internal static partial class ChainRows
{
    public sealed record Row(string Chain, long Sequence, string Stream, string What, string Actor, string Agency)
    {
        public override string ToString() => $"{Chain} #{Sequence} {What} on {Stream} by {Actor} ({Agency})";
    }

    /// <summary>A demo user as the chains must name them: "user/{id}" and their agency's code.</summary>
    public sealed record Staff(string Key, Guid Id, string Actor, string AgencyCode, string DisplayName);

    public static async Task<(long Ledger, long Access)> HeadsAsync(SafeguardServer server) =>
        await server.WithDbAsync(async db => (
            await db.Ledger.Select(e => (long?)e.Sequence).MaxAsync() ?? 0,
            await db.AccessLog.Select(e => (long?)e.Sequence).MaxAsync() ?? 0));

    public static async Task<List<Row>> SinceAsync(SafeguardServer server, (long Ledger, long Access) heads) =>
        await server.WithDbAsync(async db =>
        {
            var ledger = await db.Ledger.AsNoTracking().Where(e => e.Sequence > heads.Ledger).OrderBy(e => e.Sequence)
                .Select(e => new Row("ledger", e.Sequence, e.Stream, e.Type, e.Actor, e.Agency)).ToListAsync();
            var access = await db.AccessLog.AsNoTracking().Where(e => e.Sequence > heads.Access).OrderBy(e => e.Sequence)
                .Select(e => new Row("access log", e.Sequence, e.Stream, e.Action, e.Actor, e.Agency)).ToListAsync();
            return ledger.Concat(access).ToList();
        });

    public static async Task<Staff> UserAsync(SafeguardServer server, string demoUser) =>
        await server.WithDbAsync(async db =>
        {
            var email = DemoPartnership.EmailOf(demoUser);
            var user = await db.Users.Where(u => u.Email == email)
                .Join(db.Agencies, u => u.AgencyId, a => a.Id, (u, a) => new { u.Id, a.Code, u.DisplayName }).SingleAsync();
            return new Staff(demoUser, user.Id, $"user/{user.Id}", user.Code, user.DisplayName);
        });

    /// <summary>
    /// Every row of both chains names a user who exists with their own agency, a partner token with its agency, the
    /// system ("system/{job}") or a public sign-in page, the last two with no agency. Never "anonymous".
    /// </summary>
    public static async Task AssertEveryActorIsAllowedAsync(SafeguardServer server)
    {
        var (actors, users, tokens) = await server.WithDbAsync(async db =>
        {
            var ledger = await db.Ledger.Select(e => new { e.Actor, e.Agency }).Distinct().ToListAsync();
            var access = await db.AccessLog.Select(e => new { e.Actor, e.Agency }).Distinct().ToListAsync();
            var users = await db.Users.Join(db.Agencies, u => u.AgencyId, a => a.Id, (u, a) => new { u.Id, a.Code }).ToDictionaryAsync(u => $"user/{u.Id}", u => u.Code);
            var tokens = await db.PartnerTokens.Join(db.Agencies, t => t.AgencyId, a => a.Id, (t, a) => new { t.Id, a.Code }).ToDictionaryAsync(t => $"partner-token/{t.Id}", t => t.Code);
            return (ledger.Concat(access).Select(x => (x.Actor, x.Agency)).Distinct().ToList(), users, tokens);
        });
        var wrong = actors.Where(a => !(users.TryGetValue(a.Actor, out var code) && code == a.Agency)
            && !(tokens.TryGetValue(a.Actor, out var tokenAgency) && tokenAgency == a.Agency)
            && !(NoAgencyActor().IsMatch(a.Actor) && a.Agency == "-")).ToList();
        Assert.True(wrong.Count == 0, "Rows name actors outside the allowed forms: " + string.Join(", ", wrong.Select(w => $"{w.Actor} ({w.Agency})")));
        Assert.DoesNotContain(actors, a => a.Actor == "anonymous");
    }

    [GeneratedRegex("^(system/[a-z0-9-]+(/[a-z0-9-]+)*|public/sign-in)$")]
    private static partial Regex NoAgencyActor();
}
