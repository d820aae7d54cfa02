using System.Net.Http.Json;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Authorization.Infrastructure;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Routing;
using Microsoft.EntityFrameworkCore;
using Safeguard.Core;
using Safeguard.Core.Access;
using Safeguard.Web.Auth;
using Safeguard.Web.Data;
using Safeguard.Web.Data.Model;
using Safeguard.Web.Demo;
using Safeguard.Web.Tests.Infrastructure;

namespace Safeguard.Web.Tests.Access;

/// <summary>
/// The server for the route table: the demo partnership plus one user per role in children's social care, a child
/// that agency works with (related) and one only health knows (unrelated).
/// </summary>
public sealed class RouteTableFixture : IAsyncLifetime
{
    public SafeguardServer Server { get; private set; } = null!;
    public Id<Person> Related { get; private set; }
    public Id<Person> Unrelated { get; private set; }
    public Id<PersonMatchReview> Review { get; private set; }
    public Id<PersonMerge> Merge { get; private set; }

    public async Task InitializeAsync()
    {
        var server = Server = await SafeguardServer.StartAsync();
        await using var scope = server.Scope();
        var db = scope.ServiceProvider.GetRequiredService<SafeguardDbContext>();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<AppUser>>();
        var csc = await db.Agencies.SingleAsync(a => a.Code == "CSC");
        var health = await db.Agencies.SingleAsync(a => a.Code == "HLT");
        var team = new Team { AgencyId = csc.Id, Name = "Route table team" };
        db.Teams.Add(team);
        await db.SaveChangesAsync();
        foreach (var role in Roles.All)
        {
            var user = new AppUser { UserName = Email(role), Email = Email(role), DisplayName = $"Route {role}", AgencyId = csc.Id, TeamId = team.Id };
            Assert.True((await users.CreateAsync(user, DemoPartnership.Password)).Succeeded);
            Assert.True((await users.AddToRoleAsync(user, role)).Succeeded);
            await users.ResetAuthenticatorKeyAsync(user);
            await users.SetTwoFactorEnabledAsync(user, true);
        }
        // A new starter who has given their password but not yet set up their authenticator, holding every role: the
        // session that must reach nothing but the set-up page, whatever a page's role rule says. Their key exists, so
        // opening the set-up page writes nothing.
        var passwordOnly = new AppUser { UserName = PasswordOnlyEmail, Email = PasswordOnlyEmail, DisplayName = "Route password only", AgencyId = csc.Id, TeamId = team.Id };
        Assert.True((await users.CreateAsync(passwordOnly, DemoPartnership.Password)).Succeeded);
        Assert.True((await users.AddToRolesAsync(passwordOnly, Roles.All)).Succeeded);
        await users.ResetAuthenticatorKeyAsync(passwordOnly);
        // Related: their agency (CSC) has an open case. Unrelated: only health knows the child.
        Related = await ChildWithCaseAsync(db, "Related", csc.Id);
        Unrelated = await ChildWithCaseAsync(db, "Unrelated", health.Id);
        _casework[true] = await CaseworkFixture.CreateAsync(db, Related, await ChildWithCaseAsync(db, "RelatedConcern", csc.Id), await ChildWithCaseAsync(db, "RelatedTaken", csc.Id), pendingNoFurtherAction: true);
        _casework[false] = await CaseworkFixture.CreateAsync(db, Unrelated, await ChildWithCaseAsync(db, "UnrelatedConcern", health.Id), await ChildWithCaseAsync(db, "UnrelatedTaken", health.Id), pendingNoFurtherAction: false);

        // A possible match waiting for the front door, and a link it may undo.
        var review = new PersonMatchReview { PersonId = Related, CandidateId = Unrelated, Probability = 0.5, Reason = Core.Matching.ReviewReason.Possible, CreatedAt = db.Now };
        db.PersonMatchReviews.Add(review);
        var survivor = await ChildWithCaseAsync(db, "Survivor", health.Id);
        var merged = await ChildWithCaseAsync(db, "Merged", health.Id);
        var merge = new PersonMerge { SurvivorId = survivor, MergedId = merged, Method = MergeMethod.Automatic, Probability = 0.9999, At = db.Now };
        db.PersonMerges.Add(merge);
        (await db.People.SingleAsync(p => p.Id == merged)).MergedIntoId = survivor;
        await db.SaveChangesAsync();
        (Review, Merge) = (review.Id, merge.Id);
    }

    private readonly Dictionary<bool, CaseworkFixture> _casework = [];

    internal IReadOnlyDictionary<bool, CaseworkFixture> Casework => _casework;

    /// <summary>
    /// A concern, meeting, action and missing episode for each kind of child, so the casework routes are tried on
    /// records that exist. The concerns are about children of their own, because taking a concern at the front door
    /// opens a case for its child: that must not turn the unrelated child of the other routes into a related one.
    /// For the same reason the front door's "take" is tried on a concern of its own (<see cref="Taken"/>): taking the
    /// unrelated concern would relate its child to the CSC roles tried after the front door.
    /// </summary>
    internal sealed record CaseworkFixture(Id<Concern> Concern, Id<Concern> Taken, Id<CaseMeeting> Meeting, Id<CaseAction> Action, Id<MissingEpisodeRecord> Episode)
    {
        public static async Task<CaseworkFixture> CreateAsync(SafeguardDbContext db, Id<Person> child, Id<Person> concernChild, Id<Person> takenChild, bool pendingNoFurtherAction)
        {
            var reporter = await db.Users.SingleAsync(u => u.Email == DemoPartnership.EmailOf("youth.worker"));
            var decider = await db.Users.SingleAsync(u => u.Email == DemoPartnership.EmailOf("mash.triage"));
            Concern NewConcern(Id<Person> about, string what) => new()
            {
                Reference = $"REF-TEST-{Guid.NewGuid():N}"[..20],
                ReceivedAt = db.Now,
                ReportedByUserId = reporter.Id,
                ReporterAgencyId = reporter.AgencyId,
                ChildGivenName = "Fixture",
                PersonId = about,
                WhatHappened = what,
            };
            var concern = NewConcern(concernChild, "Route table fixture.");
            var taken = NewConcern(takenChild, "Route table fixture: taken by the front door.");
            db.Concerns.AddRange(concern, taken);
            if (pendingNoFurtherAction)
            {
                db.ConcernDecisions.Add(new ConcernDecision
                {
                    ConcernId = concern.Id,
                    PersonId = concernChild,
                    Outcome = Core.Casework.ConcernOutcome.NoFurtherAction,
                    Rationale = "Fixture",
                    DecidedByUserId = decider.Id,
                    DecidedAt = db.Now,
                    NeedsCountersignature = true,
                });
            }
            var meeting = new CaseMeeting { PersonId = child, Kind = Core.Casework.MeetingKind.StrategyDiscussion, ScheduledFor = db.Now.AddDays(2), ArrangedByUserId = decider.Id, ArrangedAt = db.Now };
            meeting.Invitations.Add(new MeetingInvitation { MeetingId = meeting.Id, PersonId = child, AgencyId = decider.AgencyId, InvitedAt = db.Now });
            db.Meetings.Add(meeting);
            var action = new CaseAction
            {
                PersonId = child,
                Title = "Fixture",
                OwnerUserId = reporter.Id,
                OwnerAgencyId = reporter.AgencyId,
                DueDate = DateOnly.FromDateTime(db.Now.UtcDateTime).AddDays(10),
                DueAt = db.Now.AddDays(11),
                AssignedByUserId = decider.Id,
                AssignedAt = db.Now,
                MeetingId = meeting.Id,
            };
            db.Actions.Add(action);
            var episode = new MissingEpisodeRecord { PersonId = child, WentMissingAt = db.Now.AddHours(-5), Circumstances = "Fixture", ReportedByUserId = decider.Id, ReportedByAgencyId = decider.AgencyId, ReportedAt = db.Now };
            db.MissingEpisodes.Add(episode);
            await db.SaveChangesAsync();
            return new CaseworkFixture(concern.Id, taken.Id, meeting.Id, action.Id, episode.Id);
        }
    }

    public async Task DisposeAsync() => await Server.DisposeAsync();

    public static string Email(string role) => $"route.{role}@{DemoPartnership.EmailDomain}";

    public static readonly string PasswordOnlyEmail = $"route.password-only@{DemoPartnership.EmailDomain}";

    private static async Task<Id<Person>> ChildWithCaseAsync(SafeguardDbContext db, string name, Id<Agency> agency)
    {
        var child = new Person { Kind = PersonKind.Child, GivenName = name, FamilyName = "Child", CreatedByAgencyId = agency, CreatedAt = db.Now };
        db.People.Add(child);
        db.Cases.Add(new ChildCase { PersonId = child.Id, AgencyId = agency, Reference = $"T-{name}", Category = "Test", OpenedAt = db.Now });
        await db.SaveChangesAsync();
        return child.Id;
    }
}

/// <summary>Holds every route to <see cref="RouteAccessTable"/>: route × role × relationship.</summary>
public sealed class RouteAccessTests(RouteTableFixture fixture) : IClassFixture<RouteTableFixture>
{
    private readonly SafeguardServer _server = fixture.Server;
    private readonly Id<Person> _related = fixture.Related;
    private readonly Id<Person> _unrelated = fixture.Unrelated;
    private readonly IReadOnlyDictionary<bool, RouteTableFixture.CaseworkFixture> _casework = fixture.Casework;
    private readonly RouteTableFixture _fixture = fixture;

    private static string Email(string role) => RouteTableFixture.Email(role);

    /// <summary>Every (method, route, handler) the application serves, read from its endpoints.</summary>
    private List<ServedRoute> ServedRoutes() => Access.ServedRoutes.Of(_server.Services);

    [Fact]
    public void Every_route_is_in_the_table_and_every_row_is_a_route()
    {
        var served = ServedRoutes().Select(r => r.Key).ToHashSet();
        Assert.Empty(served.Except(RouteAccessTable.Rows.Keys).Order());
        Assert.Empty(RouteAccessTable.Rows.Keys.Except(served).Order());
    }

    [Fact]
    public void Only_the_allow_list_is_reachable_without_signing_in()
    {
        var anonymous = ServedRoutes().Where(r => r.AllowsAnonymous).Select(r => r.Route).ToHashSet();
        Assert.Equal(RouteAccessTable.AllowAnonymous.Order(), anonymous.Order());
    }

    /// <summary>Pages a session signed in with a password alone may use: to set up the second factor, or to leave.</summary>
    private static readonly HashSet<string> s_passwordOnlyRoutes = ["/account/set-up-authenticator", "/account/sign-out"];

    [Fact]
    public async Task Every_endpoint_that_needs_a_session_needs_its_second_factor()
    {
        // The policy each endpoint is held to, combined as the authorization middleware combines it: a page naming a
        // policy or roles replaces the fallback, so a role rule without the second factor lets a password-only session in.
        var policies = _server.Services.GetRequiredService<IAuthorizationPolicyProvider>();
        var missing = new List<string>();
        var tokenOnly = new List<string>();
        foreach (var endpoint in _server.Services.GetRequiredService<EndpointDataSource>().Endpoints.OfType<RouteEndpoint>())
        {
            var route = "/" + endpoint.RoutePattern.RawText?.TrimStart('/');
            if (endpoint.Metadata.GetMetadata<IAllowAnonymous>() is not null || s_passwordOnlyRoutes.Contains(route))
            {
                continue; // held to exactly their lists by Only_the_allow_list_is_reachable_without_signing_in and below
            }
            var policy = await AuthorizationPolicy.CombineAsync(policies, endpoint.Metadata.GetOrderedMetadata<IAuthorizeData>(),
                endpoint.Metadata.GetOrderedMetadata<AuthorizationPolicy>()) ?? await policies.GetFallbackPolicyAsync();
            if (policy!.AuthenticationSchemes.SequenceEqual([PartnerTokenAuthentication.SchemeName]))
            {
                tokenOnly.Add(route); // partner systems: a bearer token, never a person's session
                continue;
            }
            if (!policy.Requirements.OfType<ClaimsAuthorizationRequirement>().Any(r => r.ClaimType == "amr" && r.AllowedValues?.Contains(Policies.MultiFactor) == true))
            {
                missing.Add($"{route} ({endpoint.DisplayName})");
            }
        }
        Assert.True(missing.Count == 0, "Endpoints reachable without a second factor:\n" + string.Join("\n", missing));
        Assert.NotEmpty(tokenOnly);
        Assert.All(tokenOnly, route => Assert.StartsWith("/api/v1/", route, StringComparison.Ordinal));
    }

    [Fact]
    public void No_endpoint_authorises_by_role_outside_a_named_policy()
    {
        var byRole = _server.Services.GetRequiredService<EndpointDataSource>().Endpoints
            .Where(e => e.Metadata.GetOrderedMetadata<IAuthorizeData>().Any(a => !string.IsNullOrEmpty(a.Roles)))
            .Select(e => e.DisplayName).ToList();
        Assert.True(byRole.Count == 0, "[Authorize(Roles = ...)] replaces the second-factor policy; use a policy from Policies:\n" + string.Join("\n", byRole));
    }

    [Fact]
    public async Task Every_route_refuses_a_password_only_session_holding_every_role()
    {
        using var client = await SignedInClient.SignInWithPasswordOnlyAsync(_server, RouteTableFixture.PasswordOnlyEmail);
        var before = await ChainHeadsAsync();
        var failures = new List<string>();
        foreach (var related in new[] { true, false })
        {
            foreach (var route in ServedRoutes())
            {
                if (route.Key == "POST /account/sign-out")
                {
                    continue; // last, below
                }
                var token = await SignedInClient.TokenFromAsync(client, "/account/set-up-authenticator");
                var response = await SendAsync(client, route.Method, Url(route.Route, route.Handler, related), token);
                var status = (int)response.StatusCode;
                var location = response.Headers.Location?.OriginalString ?? "";
                if (route.AllowsAnonymous || s_passwordOnlyRoutes.Contains(route.Route) || route.Route.StartsWith("/api/v1/", StringComparison.Ordinal))
                {
                    // Open to anyone, open to this session, or the token-only API: answered as the table says for a signed-in user.
                    var expected = route.Route == "/account/set-up-authenticator" ? 200 : RouteAccessTable.Rows[route.Key].For(Roles.Practitioner, related);
                    Check(failures, $"password-only {(related ? "related" : "unrelated")} {route.Key}", expected, response);
                }
                else if (route.Method == "GET" ? status != 302 || location != "/account/set-up-authenticator" : status != 403)
                {
                    failures.Add($"password-only {(related ? "related" : "unrelated")} {route.Key}: expected {(route.Method == "GET" ? "redirect to set-up" : "403")}, got {status} {location}");
                }
            }
        }
        // Nothing written or read into the logs: not a ledger entry, not an access-log line.
        var after = await ChainHeadsAsync();
        if (after != before)
        {
            failures.Add($"password-only session wrote: ledger head {before.Ledger} -> {after.Ledger}, access log head {before.AccessLog} -> {after.AccessLog}");
        }
        var signOutToken = await SignedInClient.TokenFromAsync(client, "/account/set-up-authenticator");
        Check(failures, "password-only POST /account/sign-out", 302, await SendAsync(client, "POST", "/account/sign-out", signOutToken));
        Assert.True(failures.Count == 0, string.Join("\n", failures));
    }

    private async Task<(long Ledger, long AccessLog)> ChainHeadsAsync()
    {
        await using var scope = _server.Scope();
        var db = scope.ServiceProvider.GetRequiredService<SafeguardDbContext>();
        return (await db.Ledger.MaxAsync(e => e.Sequence), await db.AccessLog.Select(e => (long?)e.Sequence).MaxAsync() ?? 0);
    }

    [Fact]
    public async Task Every_route_answers_anonymous_users_as_the_table_says()
    {
        using var client = SignedInClient.Anonymous(_server);
        var token = await SignedInClient.TokenFromAsync(client, "/account/sign-in");
        var failures = new List<string>();
        foreach (var route in ServedRoutes())
        {
            var expected = RouteAccessTable.Rows[route.Key].Anonymous;
            var response = await SendAsync(client, route.Method, Url(route.Route, route.Handler, related: true), token);
            Check(failures, $"anonymous {route.Key}", expected, response);
        }
        Assert.True(failures.Count == 0, string.Join("\n", failures));
    }

    public static TheoryData<string> AllRoles()
    {
        var data = new TheoryData<string>();
        foreach (var role in Roles.All)
        {
            data.Add(role);
        }
        return data;
    }

    [Theory]
    [MemberData(nameof(AllRoles))]
    public async Task Every_route_answers_each_role_with_and_without_a_relationship_as_the_table_says(string role)
    {
        using var signedIn = await SignedInClient.SignInAsync(_server, Email(role));
        var failures = new List<string>();
        foreach (var related in new[] { true, false })
        {
            foreach (var route in ServedRoutes())
            {
                if (route.Key == "POST /account/sign-out")
                {
                    continue; // checked last, below: it ends the session the other checks use
                }
                var expected = RouteAccessTable.Rows[route.Key].For(role, related);
                var token = await SignedInClient.TokenFromAsync(signedIn.Http, "/home");
                var response = await SendAsync(signedIn.Http, route.Method, Url(route.Route, route.Handler, related), token);
                Check(failures, $"{role} {(related ? "related" : "unrelated")} {route.Key}", expected, response);
            }
        }
        var signOutToken = await SignedInClient.TokenFromAsync(signedIn.Http, "/home");
        var signOut = await SendAsync(signedIn.Http, "POST", "/account/sign-out", signOutToken);
        Check(failures, $"{role} POST /account/sign-out", RouteAccessTable.Rows["POST /account/sign-out"].For(role, true), signOut);
        Assert.True(failures.Count == 0, string.Join("\n", failures));
    }

    private string Url(string route, string? handler, bool related)
    {
        var child = related ? _related : _unrelated;
        var casework = _casework[related];
        var path = route
            .Replace("{id}", child.ToString(), StringComparison.Ordinal)
            .Replace("{concernId}", (handler == "Take" ? casework.Taken : casework.Concern).ToString(), StringComparison.Ordinal)
            .Replace("{meetingId}", casework.Meeting.ToString(), StringComparison.Ordinal)
            .Replace("{actionId}", casework.Action.ToString(), StringComparison.Ordinal)
            .Replace("{episodeId}", casework.Episode.ToString(), StringComparison.Ordinal)
            .Replace("{reference}", "REF-2026-000001", StringComparison.Ordinal)
            .Replace("{email}", DemoPartnership.EmailOf("youth.worker"), StringComparison.Ordinal)
            .Replace("{documentName}", "v1", StringComparison.Ordinal)
            .Replace("{what:regex(^(name|identifier|address|contact|vulnerability)$)}", "name", StringComparison.Ordinal)
            .Replace("{code:int?}", "404", StringComparison.Ordinal)
            .Replace("{reviewId}", _fixture.Review.ToString(), StringComparison.Ordinal)
            .Replace("{mergeId}", _fixture.Merge.ToString(), StringComparison.Ordinal);
        var query = new List<string>();
        if (handler is not null)
        {
            query.Add($"handler={handler}");
            query.Add($"id={Guid.NewGuid()}");
        }
        return query.Count == 0 ? path : $"{path}?{string.Join('&', query)}";
    }

    private static Task<HttpResponseMessage> SendAsync(HttpClient client, string method, string url, string token)
    {
        if (method == "GET")
        {
            return client.GetAsync(url);
        }
        if (url.StartsWith("/api/", StringComparison.Ordinal))
        {
            // The JSON API: a JSON body, the antiforgery token in the header the script sends.
            using var request = new HttpRequestMessage(HttpMethod.Post, url) { Content = JsonContent.Create(new { text = "" }) };
            request.Headers.Add("RequestVerificationToken", token);
            return client.SendAsync(request);
        }
        return client.PostAsync(url, SignedInClient.Form(token));
    }

    private static void Check(List<string> failures, string what, int expected, HttpResponseMessage response)
    {
        var status = (int)response.StatusCode;
        var location = response.Headers.Location?.OriginalString ?? "";
        var ok = expected == RouteAccessTable.SignIn
            ? status == 302 && location.Contains("/account/sign-in", StringComparison.Ordinal)
            : status == expected;
        if (!ok)
        {
            failures.Add($"{what}: expected {(expected == RouteAccessTable.SignIn ? "redirect to sign-in" : expected)}, got {status} {location}");
        }
    }
}
