using System.Globalization;
using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Safeguard.Core.Casework;
using Safeguard.Web.Cli;
using Safeguard.Web.Data;
using Safeguard.Web.Data.Model;
using Safeguard.Web.Demo;
using Safeguard.Web.Tests.Infrastructure;

namespace Safeguard.Web.Tests.Casework;

/// <summary>The partner API: submit a concern, read its decision, list a user's actions; tokens scoped to one agency; problems named by field.</summary>
public sealed class PartnerApiTests : IAsyncLifetime
{
    private SafeguardServer _server = null!;

    public async Task InitializeAsync() =>
        _server = await SafeguardServer.StartAsync(settings: new Dictionary<string, string?> { ["Casework:MonitorInterval"] = "0", ["Email:PollInterval"] = "0" });

    public async Task DisposeAsync() => await _server.DisposeAsync();

    private HttpClient Client(string? token = DemoCasework.RiversideToken)
    {
        var client = SignedInClient.Anonymous(_server);
        if (token is not null)
        {
            client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
        }
        return client;
    }

    private static StringContent Json(object body) => new(JsonSerializer.Serialize(body), Encoding.UTF8, "application/json");

    private string Yesterday => _server.Clock.GetUtcNow().AddDays(-1).ToString("yyyy-MM-ddTHH:mm:ssZ", CultureInfo.InvariantCulture);

    [Fact]
    public async Task A_partner_system_submits_a_concern_and_reads_the_decision_when_the_front_door_has_made_it()
    {
        using var client = Client();
        var response = await client.PostAsync("/api/v1/concerns", Json(new
        {
            reporter = new { name = "Jess Moran", role = "Youth worker", contact = "07700 900456" },
            child = new { givenName = "Amber", familyName = "Lewis" },
            whatHappened = "Amber left the project with two adult men in a silver car.",
            occurredAt = Yesterday,
            immediateDanger = false,
            adults = new[] { new { name = "Dean", registration = "nb19 kxt", phone = "07700 900777" } },
        }));
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        var created = await response.Content.ReadFromJsonAsync<JsonElement>();
        var reference = created.GetProperty("reference").GetString()!;
        Assert.Matches(@"^REF-\d{4}-\d{6}$", reference);
        Assert.Equal($"/api/v1/concerns/{reference}", response.Headers.Location!.OriginalString);
        Assert.Equal("AwaitingDecision", created.GetProperty("status").GetString());
        Assert.Equal(JsonValueKind.Null, created.GetProperty("decision").ValueKind);

        Guid concernId;
        await using (var scope = _server.Scope())
        {
            var db = scope.ServiceProvider.GetRequiredService<SafeguardDbContext>();
            var concern = await db.Concerns.Include(c => c.Adults).SingleAsync(c => c.Reference == reference);
            concernId = concern.Id.Value;
            Assert.Equal("Jess Moran (Youth worker)", concern.ReporterName);
            Assert.Null(concern.ReportedByUserId);
            Assert.NotNull(concern.PartnerTokenId);
            Assert.Null(concern.PersonId); // a system cannot confirm a match: the front door does
            Assert.Equal(ConcernMatch.LeftToFrontDoor, concern.Match); // Amber Lewis is known by name
            Assert.Equal("NB19KXT", concern.Adults.Single().VehicleRegistration);
            Assert.True(await db.Notifications.AnyAsync(n => n.Key == $"concern-new/{concern.Id}"));

            // The front door decides; the reason is not shared with another agency, but is with the reporter's.
            var amber = await db.People.SingleAsync(p => p.GivenName == "Amber");
            var triage = await db.Users.SingleAsync(u => u.Email == DemoPartnership.EmailOf("mash.triage"));
            var youth = await db.Agencies.SingleAsync(a => a.Code == "YTH");
            concern.PersonId = amber.Id;
            var decision = new ConcernDecision { ConcernId = concern.Id, PersonId = amber.Id, Outcome = ConcernOutcome.EarlyHelp, Rationale = "Family support first.", DecidedByUserId = triage.Id, DecidedAt = db.Now };
            decision.Sharing.Add(new ConcernSharing { DecisionId = decision.Id, PersonId = amber.Id, AgencyId = youth.Id, Shared = true });
            db.ConcernDecisions.Add(decision);
            await db.SaveChangesAsync();
        }

        var read = await client.GetFromJsonAsync<JsonElement>($"/api/v1/concerns/{reference}");
        Assert.Equal("Decided", read.GetProperty("status").GetString());
        var decided = read.GetProperty("decision");
        Assert.Equal("EarlyHelp", decided.GetProperty("outcome").GetString());
        Assert.Equal("Early help", decided.GetProperty("outcomeText").GetString());
        Assert.False(decided.GetProperty("decidedLate").GetBoolean());
        Assert.Equal("Family support first.", decided.GetProperty("rationale").GetString());
        Assert.NotEqual(Guid.Empty, concernId);
    }

    [Fact]
    public async Task Bad_input_answers_problem_details_naming_each_field_and_saves_nothing()
    {
        using var client = Client();
        var response = await client.PostAsync("/api/v1/concerns", Json(new
        {
            child = new { givenName = "", dateOfBirth = "27/03/2012", nhsNumber = "1234567890" },
            whatHappened = new string('x', 8001),
            occurredAt = "last Tuesday",
            adults = new[] { new { phone = "call me", registration = "NB19 ***" } },
        }));
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType!.MediaType);
        var problem = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal(400, problem.GetProperty("status").GetInt32());
        var errors = problem.GetProperty("errors").EnumerateObject().ToDictionary(p => p.Name, p => p.Value[0].GetString()!);
        Assert.Equal(
            ["adults[0].phone", "adults[0].registration", "child.dateOfBirth", "child.givenName", "child.nhsNumber", "immediateDanger", "occurredAt", "reporter.name", "whatHappened"],
            errors.Keys.Order(StringComparer.Ordinal));
        Assert.Equal("What you saw or heard must be 8,000 characters or fewer; you have entered 8,001", errors["whatHappened"]);
        Assert.Contains("yyyy-MM-dd", errors["child.dateOfBirth"], StringComparison.Ordinal);

        // Dates in the future or far past have their own messages.
        var dates = await client.PostAsync("/api/v1/concerns", Json(new
        {
            reporter = new { name = "Jess Moran" },
            child = new { givenName = "Zoe", dateOfBirth = "2001-01-01" },
            whatHappened = "Seen at the bus station.",
            occurredAt = _server.Clock.GetUtcNow().AddDays(3).ToString("yyyy-MM-ddTHH:mm:ssZ", CultureInfo.InvariantCulture),
            immediateDanger = false,
        }));
        var dateErrors = (await dates.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors");
        Assert.Equal("When it happened must be now or in the past", dateErrors.GetProperty("occurredAt")[0].GetString());
        Assert.StartsWith("Date of birth makes them 18 or over", dateErrors.GetProperty("child.dateOfBirth")[0].GetString(), StringComparison.Ordinal);

        var broken = await client.PostAsync("/api/v1/concerns", new StringContent("{\"child\": {", Encoding.UTF8, "application/json"));
        Assert.Equal(HttpStatusCode.BadRequest, broken.StatusCode);
        Assert.StartsWith("The body is not valid JSON", (await broken.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors").GetProperty("body")[0].GetString(), StringComparison.Ordinal);

        var huge = await client.PostAsync("/api/v1/concerns", new StringContent(new string(' ', 300_000), Encoding.UTF8, "application/json"));
        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, huge.StatusCode);

        await using var scope = _server.Scope();
        var db = scope.ServiceProvider.GetRequiredService<SafeguardDbContext>();
        Assert.False(await db.Concerns.AnyAsync(c => c.PartnerTokenId != null));
    }

    [Fact]
    public async Task A_token_works_only_for_its_own_agency_and_stops_working_when_revoked()
    {
        using (var anonymous = Client(token: null))
        {
            var refused = await anonymous.GetAsync("/api/v1/concerns/REF-2026-000001");
            Assert.Equal(HttpStatusCode.Unauthorized, refused.StatusCode);
            Assert.Equal("Bearer realm=\"safeguard\"", refused.Headers.WwwAuthenticate.ToString());
            Assert.Equal("application/problem+json", refused.Content.Headers.ContentType!.MediaType);
        }
        using (var forged = Client("sgp_not_a_real_token"))
        {
            Assert.Equal(HttpStatusCode.Unauthorized, (await forged.GetAsync("/api/v1/concerns/REF-2026-000001")).StatusCode);
        }

        // A concern from children's social care staff is not the youth project's to read.
        using var csc = await SignedInClient.SignInAsync(_server, "csc.practitioner");
        var cscConcern = await CaseworkTestData.ReportAsync(csc, _server);
        string cscReference;
        await using (var scope = _server.Scope())
        {
            var db = scope.ServiceProvider.GetRequiredService<SafeguardDbContext>();
            var cscId = Core.Id<Concern>.Parse(cscConcern.Split('/')[^1], null);
            cscReference = await db.Concerns.Where(c => c.Id == cscId).Select(c => c.Reference).SingleAsync();
        }
        using var youth = Client();
        Assert.Equal(HttpStatusCode.NotFound, (await youth.GetAsync($"/api/v1/concerns/{cscReference}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await youth.GetAsync($"/api/v1/users/{DemoPartnership.EmailOf("csc.practitioner")}/actions")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await youth.GetAsync($"/api/v1/users/{DemoPartnership.EmailOf("youth.worker")}/actions")).StatusCode);

        // A token issued and revoked with the command line.
        var connection = new[] { "--Database:Provider=Postgres", $"--ConnectionStrings:Safeguard={_server.ConnectionString}" };
        var stdout = new StringWriter();
        var stderr = new StringWriter();
        Assert.Equal(CommandLine.Success, await PartnerTokenCommand.RunAsync(["issue", "YTH", "Riverside", "case", "system", .. connection], stdout, stderr));
        var token = stdout.ToString().Trim();
        Assert.StartsWith("sgp_", token, StringComparison.Ordinal);
        using (var issued = Client(token))
        {
            Assert.Equal(HttpStatusCode.OK, (await issued.GetAsync($"/api/v1/users/{DemoPartnership.EmailOf("youth.worker")}/actions")).StatusCode);
            var tokenId = stderr.ToString().Split(' ')[1];
            Assert.Equal(CommandLine.Success, await PartnerTokenCommand.RunAsync(["revoke", tokenId, .. connection], new StringWriter(), new StringWriter()));
            Assert.Equal(HttpStatusCode.Unauthorized, (await issued.GetAsync($"/api/v1/users/{DemoPartnership.EmailOf("youth.worker")}/actions")).StatusCode);
        }
        Assert.Equal(CommandLine.Failure, await PartnerTokenCommand.RunAsync(["issue", "NOPE", "x", .. connection], new StringWriter(), new StringWriter()));
        Assert.Equal(CommandLine.Usage, await PartnerTokenCommand.RunAsync(["issue", "YTH"], new StringWriter(), new StringWriter()));
        await using (var scope = _server.Scope())
        {
            var db = scope.ServiceProvider.GetRequiredService<SafeguardDbContext>();
            Assert.DoesNotContain(token, string.Join('\n', await db.Ledger.Select(e => e.Payload).ToListAsync()), StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task Lists_a_users_open_actions_with_whether_each_is_due_or_overdue()
    {
        var today = DateOnly.FromDateTime(Features.Shared.UkTime.ToLocal(_server.Clock.GetUtcNow()).DateTime);
        await using (var scope = _server.Scope())
        {
            var db = scope.ServiceProvider.GetRequiredService<SafeguardDbContext>();
            var calendar = scope.ServiceProvider.GetRequiredService<Core.Calendar.WorkingCalendar>();
            var worker = await db.Users.SingleAsync(u => u.Email == DemoPartnership.EmailOf("youth.worker"));
            var kayleigh = await db.People.SingleAsync(p => p.GivenName == "Kayleigh");
            CaseAction Action(string title, DateOnly due, bool done = false) => new()
            {
                PersonId = kayleigh.Id,
                Title = title,
                OwnerUserId = worker.Id,
                OwnerAgencyId = worker.AgencyId,
                DueDate = due,
                DueAt = calendar.EndOf(due).EndsAt,
                AssignedByUserId = worker.Id,
                AssignedAt = db.Now.AddDays(-30),
                CompletedAt = done ? db.Now : null,
            };
            db.Actions.AddRange(Action("Long overdue", calendar.LastWorkingDayOnOrBefore(today.AddDays(-10))), Action("Due next month", today.AddMonths(1)), Action("Done", today.AddDays(-5), done: true));
            await db.SaveChangesAsync();
        }
        using var client = Client();
        var actions = await client.GetFromJsonAsync<JsonElement>($"/api/v1/users/{DemoPartnership.EmailOf("youth.worker").ToUpperInvariant()}/actions");
        var byTitle = actions.EnumerateArray().ToDictionary(a => a.GetProperty("title").GetString()!);
        Assert.Equal(["Due next month", "Long overdue"], byTitle.Keys.Order(StringComparer.Ordinal));
        Assert.Equal("Overdue", byTitle["Long overdue"].GetProperty("status").GetString());
        Assert.Equal("Partnership", byTitle["Long overdue"].GetProperty("escalatedTo").GetString());
        Assert.Equal("Kayleigh Shaw", byTitle["Long overdue"].GetProperty("childName").GetString());
        Assert.Equal("Open", byTitle["Due next month"].GetProperty("status").GetString());
        Assert.Equal(JsonValueKind.Null, byTitle["Due next month"].GetProperty("escalatedTo").ValueKind);
    }

    [Fact]
    public async Task The_api_is_described_by_openapi_with_its_bearer_scheme()
    {
        using var anonymous = Client(token: null);
        var document = await anonymous.GetFromJsonAsync<JsonElement>("/openapi/v1.json");
        var paths = document.GetProperty("paths");
        Assert.Equal(["/api/v1/concerns", "/api/v1/concerns/{reference}", "/api/v1/users/{email}/actions"], paths.EnumerateObject().Select(p => p.Name).Order(StringComparer.Ordinal));
        var submit = paths.GetProperty("/api/v1/concerns").GetProperty("post");
        Assert.True(submit.GetProperty("requestBody").GetProperty("content").TryGetProperty("application/json", out _));
        Assert.True(submit.GetProperty("responses").TryGetProperty("400", out _));
        Assert.Equal("http", document.GetProperty("components").GetProperty("securitySchemes").GetProperty("partnerToken").GetProperty("type").GetString());
        Assert.Equal("Safeguard partner API", document.GetProperty("info").GetProperty("title").GetString());
    }
}
