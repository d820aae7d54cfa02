using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Http;
using Microsoft.EntityFrameworkCore;
using Safeguard.Core;
using Safeguard.Web.Casework;
using Safeguard.Web.Data;
using Safeguard.Web.Data.Model;
using Safeguard.Web.Demo;
using Safeguard.Web.Notifications;
using Safeguard.Web.Tests.Infrastructure;

namespace Safeguard.Web.Tests.Access;

/// <summary>A seeded server whose jobs run only when a test runs them, with a mail server for the outbox to send to.</summary>
public sealed class AttributionFixture : IAsyncLifetime
{
    public FakeSmtpServer Smtp { get; } = new();
    public SafeguardServer Server { get; private set; } = null!;

    public async Task InitializeAsync() => Server = await SafeguardServer.StartAsync(settings: new Dictionary<string, string?>
    {
        ["Casework:MonitorInterval"] = "0",
        ["Email:PollInterval"] = "0",
        ["Email:Smtp:Host"] = "127.0.0.1",
        ["Email:Smtp:Port"] = Smtp.Port.ToString(System.Globalization.CultureInfo.InvariantCulture),
        ["Email:Smtp:Timeout"] = "00:00:05",
    });

    public async Task DisposeAsync()
    {
        await Server.DisposeAsync();
        await Smtp.DisposeAsync();
    }
}

/// <summary>
/// The ledger and the access log name whoever was acting when the entry was written: the signed-in user and their
/// agency, the partner token and its agency, a background job by name; a write by nobody is refused. Read back from
/// the rows and from the pages that show them (who viewed, the scrutineer's access log, the break-glass review).
/// </summary>
public sealed class AttributionTests(AttributionFixture fixture) : IClassFixture<AttributionFixture>
{
    private readonly SafeguardServer _server = fixture.Server;

    private Task<Id<Person>> ChildAsync(string givenName) =>
        _server.WithDbAsync(db => db.People.Where(p => p.GivenName == givenName && p.Kind == PersonKind.Child && p.MergedIntoId == null).Select(p => p.Id).SingleAsync());

    [Fact]
    public async Task Opening_a_childs_record_logs_the_signed_in_user_and_their_agency()
    {
        var sam = await ChainRows.UserAsync(_server, "csc.practitioner");
        var amber = await ChildAsync("Amber");
        using var client = await SignedInClient.SignInAsync(_server, "csc.practitioner");
        var heads = await ChainRows.HeadsAsync(_server);

        Assert.Equal(HttpStatusCode.OK, (await client.Http.GetAsync($"/children/{amber}")).StatusCode);

        var newest = (await ChainRows.SinceAsync(_server, heads)).Where(r => r.Chain == "access log").MaxBy(r => r.Sequence);
        Assert.NotNull(newest);
        Assert.Equal(Person.PersonStream(amber), newest.Stream);
        Assert.Equal("view-record", newest.What);
        Assert.Equal(sam.Actor, newest.Actor);
        Assert.Equal("CSC", newest.Agency);
        await ChainRows.AssertEveryActorIsAllowedAsync(_server);
    }

    [Fact]
    public async Task Who_viewed_and_the_scrutineers_access_log_name_the_user_who_opened_the_record()
    {
        var sam = await ChainRows.UserAsync(_server, "csc.practitioner");
        var kayleigh = await ChildAsync("Kayleigh");
        using (var practitioner = await SignedInClient.SignInAsync(_server, "csc.practitioner"))
        {
            Assert.Equal(HttpStatusCode.OK, (await practitioner.Http.GetAsync($"/children/{kayleigh}/chronology")).StatusCode);
        }

        using var manager = await SignedInClient.SignInAsync(_server, "csc.teammanager");
        var whoViewed = await manager.Http.GetStringAsync($"/children/{kayleigh}/who-viewed");
        Assert.Matches(RowOf(sam.DisplayName, "Read the chronology"), whoViewed);
        Assert.DoesNotContain("anonymous", whoViewed, StringComparison.Ordinal);

        using var scrutineer = await SignedInClient.SignInAsync(_server, "scrutineer");
        var log = await scrutineer.Http.GetStringAsync("/audit/access-log");
        Assert.Matches(RowOf(sam.DisplayName, "Read the chronology"), log);
        Assert.DoesNotContain("anonymous", log, StringComparison.Ordinal);
    }

    // A table row naming the person and, further along the same row, what they did.
    private static Regex RowOf(string who, string what) =>
        new($"<tr[^>]*>(?:(?!</tr>).)*{Regex.Escape(who)}(?:(?!</tr>).)*{Regex.Escape(what)}", RegexOptions.Singleline);

    [Fact]
    public async Task The_front_door_concern_decide_and_countersign_pages_log_a_read_of_the_linked_childs_record()
    {
        var tom = await ChainRows.UserAsync(_server, "mash.triage");
        var priya = await ChainRows.UserAsync(_server, "csc.teammanager");
        using var reporter = await SignedInClient.SignInAsync(_server, "youth.worker");
        var concern = (await Casework.CaseworkTestData.ReportAsync(reporter, _server, "Nadia", "Nadia was seen at the bus station late at night with two older men.")).Split('/')[^1];
        using var triage = await SignedInClient.SignInAsync(_server, "mash.triage");
        var page = $"/front-door/concerns/{concern}";
        Assert.Equal(HttpStatusCode.Redirect, (await triage.PostFormAsync($"{page}?handler=NewRecord", page)).StatusCode);
        var nadia = await ChildAsync("Nadia");

        async Task<ChainRows.Row> ReadLoggedAsync(SignedInClient client, string url)
        {
            var heads = await ChainRows.HeadsAsync(_server);
            Assert.Equal(HttpStatusCode.OK, (await client.Http.GetAsync(url)).StatusCode);
            var read = (await ChainRows.SinceAsync(_server, heads)).Where(r => r.Chain == "access log" && r.Stream == Person.PersonStream(nadia)).ToList();
            return Assert.Single(read);
        }

        var concernRead = await ReadLoggedAsync(triage, page);
        Assert.Equal(("view-concern", tom.Actor, "CSC"), (concernRead.What, concernRead.Actor, concernRead.Agency));
        var decideRead = await ReadLoggedAsync(triage, $"{page}/decide");
        Assert.Equal(("view-concern", tom.Actor, "CSC"), (decideRead.What, decideRead.Actor, decideRead.Agency));
        Assert.Equal(HttpStatusCode.Redirect, (await triage.PostFormAsync($"{page}/decide", $"{page}/decide",
            ("Input.Outcome", "NoFurtherAction"), ("Input.Rationale", "The older men were her uncles, checked with the family and the police."))).StatusCode);
        using var manager = await SignedInClient.SignInAsync(_server, "csc.teammanager");
        var countersignRead = await ReadLoggedAsync(manager, $"{page}/countersign");
        Assert.Equal(("view-concern", priya.Actor, "CSC"), (countersignRead.What, countersignRead.Actor, countersignRead.Agency));
    }

    [Fact]
    public async Task A_break_glass_then_a_view_shows_one_page_viewed_to_the_reviewer()
    {
        var ewa = await ChildAsync("Ewa"); // known only to health: the practitioner in children's social care has no relationship
        using var practitioner = await SignedInClient.SignInAsync(_server, "csc.practitioner");
        var page = $"/children/{ewa}/break-glass";
        Assert.Equal(HttpStatusCode.Redirect, (await practitioner.PostFormAsync(page, page, ("Input.Reason", "Police at the door say Ewa is missing tonight and may be with an adult we know."))).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await practitioner.Http.GetAsync($"/children/{ewa}")).StatusCode);

        var reviewer = await _server.WithDbAsync(db => db.BreakGlass.Where(b => b.PersonId == ewa)
            .Join(db.Users, b => b.ReviewerUserId, u => u.Id, (b, u) => u.Email!).SingleAsync());
        using var manager = await SignedInClient.SignInAsync(_server, reviewer);
        var reviews = await manager.Http.GetStringAsync("/reviews");
        var card = Regex.Match(reviews, "opened the record of Ewa Nowak</h3>(?:(?!govuk-summary-card\").)*", RegexOptions.Singleline);
        Assert.True(card.Success, "The reviewer is shown the break-glass");
        // The break-glass itself is not a page viewed: one view after it is one.
        Assert.Equal("1", Regex.Match(card.Value, @"Pages viewed</dt><dd class=""govuk-summary-list__value"">(\d+)</dd>").Groups[1].Value);
    }

    [Fact]
    public async Task A_concern_from_the_partner_api_is_attributed_to_the_token_and_its_agency()
    {
        var hash = Auth.PartnerTokenAuthentication.Hash(DemoCasework.RiversideToken);
        var token = await _server.WithDbAsync(db => db.PartnerTokens.Where(t => t.TokenHash == hash).Select(t => t.Id).SingleAsync());
        using var client = SignedInClient.Anonymous(_server);
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", DemoCasework.RiversideToken);
        var heads = await ChainRows.HeadsAsync(_server);

        var response = await client.PostAsync("/api/v1/concerns", new StringContent(JsonSerializer.Serialize(new
        {
            reporter = new { name = "Jess Moran", role = "Youth worker" },
            child = new { givenName = "Tia", familyName = "Mercer" },
            whatHappened = "Tia was picked up from the project by an adult man she calls her boyfriend.",
            occurredAt = _server.Clock.GetUtcNow().AddDays(-1).ToString("yyyy-MM-ddTHH:mm:ssZ", System.Globalization.CultureInfo.InvariantCulture),
            immediateDanger = false,
        }), Encoding.UTF8, "application/json"));
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);

        var rows = await ChainRows.SinceAsync(_server, heads);
        Assert.Contains(rows, r => r.What == "Concern.added");
        Assert.All(rows, r => Assert.Equal(($"partner-token/{token}", "YTH"), (r.Actor, r.Agency)));
        await ChainRows.AssertEveryActorIsAllowedAsync(_server);
    }

    [Fact]
    public async Task The_casework_monitor_and_the_outbox_name_themselves()
    {
        var amber = await ChildAsync("Amber");
        var sam = await ChainRows.UserAsync(_server, "csc.practitioner");
        await _server.WithDbAsync(async db =>
        {
            var now = db.Now;
            var agency = await db.Agencies.Where(a => a.Code == "CSC").Select(a => a.Id).SingleAsync();
            db.Actions.Add(new CaseAction
            {
                PersonId = amber,
                Title = "Attribution: an action long overdue",
                OwnerUserId = sam.Id,
                OwnerAgencyId = agency,
                DueDate = DateOnly.FromDateTime(now.AddDays(-10).UtcDateTime),
                DueAt = now.AddDays(-10),
                AssignedByUserId = sam.Id,
                AssignedAt = now.AddDays(-20),
            });
            return await db.SaveChangesAsync();
        });

        var heads = await ChainRows.HeadsAsync(_server);
        Assert.True(await _server.Services.GetRequiredService<CaseworkMonitor>().RunOnceAsync() > 0);
        var escalated = await ChainRows.SinceAsync(_server, heads);
        Assert.Contains(escalated, r => r.What == "ActionEscalation.added");
        Assert.All(escalated, r => Assert.Equal(("system/casework-monitor", "-"), (r.Actor, r.Agency)));

        // The escalation queued emails; the outbox sends them and marks them sent, as itself.
        heads = await ChainRows.HeadsAsync(_server);
        Assert.True(await _server.Services.GetRequiredService<OutboxSender>().SendDueAsync(CancellationToken.None) > 0);
        var sent = await ChainRows.SinceAsync(_server, heads);
        Assert.Contains(sent, r => r.What == "OutboxEmail.changed");
        Assert.All(sent, r => Assert.Equal(("system/outbox", "-"), (r.Actor, r.Agency)));
        await ChainRows.AssertEveryActorIsAllowedAsync(_server);
    }

    [Fact]
    public async Task Signing_in_writes_as_the_public_sign_in_page_and_a_write_by_nobody_anywhere_else_is_refused()
    {
        // Through HTTP: a wrong password is recorded against the account as a security event, written by the public sign-in page.
        var grace = await ChainRows.UserAsync(_server, "csc.practitioner2");
        using var client = SignedInClient.Anonymous(_server);
        var token = await SignedInClient.TokenFromAsync(client, "/account/sign-in");
        var heads = await ChainRows.HeadsAsync(_server);
        var wrong = await client.PostAsync("/account/sign-in", SignedInClient.Form(token, ("Input.Email", DemoPartnership.EmailOf("csc.practitioner2")), ("Input.Password", "not the password at all")));
        Assert.Equal(HttpStatusCode.OK, wrong.StatusCode);
        var counted = await ChainRows.SinceAsync(_server, heads);
        Assert.Contains(counted, r => r.Stream == $"user/{grace.Id}" && r.What == "SecurityEvent.added");
        Assert.All(counted, r => Assert.Equal(("public/sign-in", "-"), (r.Actor, r.Agency)));

        // No route lets a request by nobody write outside the sign-in pages, so the refusal is shown one level down:
        // the application's own DbContext in a request to /children with no signed-in user.
        var accessor = _server.Services.GetRequiredService<IHttpContextAccessor>();
        heads = await ChainRows.HeadsAsync(_server);
        accessor.HttpContext = new DefaultHttpContext { Request = { Method = "POST", Path = "/children" } };
        try
        {
            await using var scope = _server.Scope();
            var db = scope.ServiceProvider.GetRequiredService<SafeguardDbContext>();
            db.Agencies.Add(new Agency { Code = "ANON", Name = "Written by nobody", Kind = AgencyKind.Other });
            await Assert.ThrowsAsync<UnattributedWriteException>(() => db.SaveChangesAsync());
        }
        finally
        {
            accessor.HttpContext = null;
        }
        Assert.Empty(await ChainRows.SinceAsync(_server, heads));
        Assert.False(await _server.WithDbAsync(db => db.Agencies.AnyAsync(a => a.Code == "ANON")));
        await ChainRows.AssertEveryActorIsAllowedAsync(_server);
    }
}
