using System.Net;
using Microsoft.EntityFrameworkCore;
using Safeguard.Core;
using Safeguard.Core.Casework;
using Safeguard.Web.Data;
using Safeguard.Web.Data.Model;
using Safeguard.Web.Demo;
using Safeguard.Web.Tests.Infrastructure;

namespace Safeguard.Web.Tests.Casework;

/// <summary>
/// The front door over HTTP: a concern nobody knows gets a new record, "no further action" needs a team manager's
/// countersignature (a refusal sends it back to the queue), a decision not to share with an agency needs a reason,
/// and the deadline is measured from receipt whatever happens in between.
/// </summary>
public sealed class FrontDoorTests : IAsyncLifetime
{
    private SafeguardServer _server = null!;

    public async Task InitializeAsync() =>
        _server = await SafeguardServer.StartAsync(settings: new Dictionary<string, string?> { ["Casework:MonitorInterval"] = "0", ["Email:PollInterval"] = "0" });

    public async Task DisposeAsync() => await _server.DisposeAsync();

    [Fact]
    public async Task A_new_record_the_front_door_makes_is_matched_and_a_certain_match_it_declined_goes_to_review_not_linked()
    {
        // A partner system's concern about Amber, with her date of birth and NHS number, that nobody linked.
        var amber = await _server.WithDbAsync(db => db.People.AsNoTracking().SingleAsync(p => p.GivenName == "Amber" && p.FamilyName == "Lewis"));
        string reference;
        using (var api = SignedInClient.Anonymous(_server))
        {
            api.DefaultRequestHeaders.Authorization = new System.Net.Http.Headers.AuthenticationHeaderValue("Bearer", DemoCasework.RiversideToken);
            var body = System.Text.Json.JsonSerializer.Serialize(new
            {
                reporter = new { name = "Jess Moran" },
                child = new { givenName = "Amber", familyName = "Lewis", dateOfBirth = amber.DateOfBirth!.Value.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture), nhsNumber = amber.NhsNumber },
                whatHappened = "Seen getting into a silver car at the bus station.",
                occurredAt = _server.Clock.GetUtcNow().AddHours(-3).ToString("yyyy-MM-ddTHH:mm:ssZ", System.Globalization.CultureInfo.InvariantCulture),
                immediateDanger = false,
            });
            var created = await api.PostAsync("/api/v1/concerns", new StringContent(body, System.Text.Encoding.UTF8, "application/json"));
            Assert.Equal(HttpStatusCode.Created, created.StatusCode);
            reference = System.Text.Json.JsonDocument.Parse(await created.Content.ReadAsStringAsync()).RootElement.GetProperty("reference").GetString()!;
        }
        var concernId = await _server.WithDbAsync(db => db.Concerns.Where(c => c.Reference == reference).Select(c => c.Id).SingleAsync());
        using var triage = await SignedInClient.SignInAsync(_server, "mash.triage");
        var page = $"/front-door/concerns/{concernId}";
        Assert.Contains("Almost certainly the same child", System.Net.WebUtility.HtmlDecode(await triage.Http.GetStringAsync(page)), StringComparison.Ordinal);

        // The front door makes a new record anyway: the engine does not link it to the child it was shown and
        // declined, but the certain match is not forgotten either: it waits for review.
        Assert.Equal(HttpStatusCode.Redirect, (await triage.PostFormAsync($"{page}?handler=Take", page)).StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, (await triage.PostFormAsync($"{page}?handler=NewRecord", page)).StatusCode);
        var child = await _server.WithDbAsync(db => db.Concerns.Where(c => c.Id == concernId).Select(c => c.PersonId!.Value).SingleAsync());
        Assert.NotEqual(amber.Id, child);
        Assert.Null(await _server.WithDbAsync(db => db.People.Where(p => p.Id == child).Select(p => p.MergedIntoId).SingleAsync()));
        Assert.True(await _server.WithDbAsync(db => db.PersonMatchReviews.AnyAsync(r => r.Status == MatchReviewStatus.Pending
            && ((r.PersonId == child && r.CandidateId == amber.Id) || (r.PersonId == amber.Id && r.CandidateId == child)))));
    }

    [Fact]
    public async Task No_further_action_is_countersigned_or_sent_back_and_the_late_decision_shows_as_late()
    {
        using var reporter = await SignedInClient.SignInAsync(_server, "licensing.officer");
        var receipt = await CaseworkTestData.ReportAsync(reporter, _server, "Chantelle", "A girl in school uniform was collected by a private hire car with no booking.");
        var id = receipt.Split('/')[^1];
        using var triage = await SignedInClient.SignInAsync(_server, "mash.triage");
        var page = $"/front-door/concerns/{id}";

        // Nobody knows the child: deciding is refused until the concern is linked; then a new record is made.
        var early = await triage.Http.GetAsync($"{page}/decide");
        Assert.Equal(HttpStatusCode.Redirect, early.StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, (await triage.PostFormAsync($"{page}?handler=Take", page)).StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, (await triage.PostFormAsync($"{page}?handler=NewRecord", page)).StatusCode);
        Id<Person> child;
        await using (var scope = _server.Scope())
        {
            var db = scope.ServiceProvider.GetRequiredService<SafeguardDbContext>();
            var concern = await db.Concerns.SingleAsync(c => c.Id == Id<Concern>.Parse(id, null));
            child = concern.PersonId!.Value;
            Assert.Equal(ConcernMatch.NewRecordByFrontDoor, concern.Match);
            Assert.True(await db.Chronology.AnyAsync(e => e.PersonId == child && e.Kind == ChronologyKinds.Concern && e.Source == $"concern/{id}"));
            // The front door's contact opens the record to its owner.
            Assert.True(await db.Cases.AnyAsync(c => c.PersonId == child && c.Category == "Front door contact" && c.ClosedAt == null));
        }
        Assert.Equal(HttpStatusCode.OK, (await triage.Http.GetAsync($"/children/{child}")).StatusCode);

        // A decision not to share needs a reason; "no further action" then waits for a countersignature.
        var decide = $"{page}/decide";
        var form = await triage.Http.GetStringAsync(decide);
        Assert.Contains("Northbridge Taxi Licensing", form, StringComparison.Ordinal);
        var withhold = await triage.PostFormAsync(decide, decide, ("Input.Outcome", "NoFurtherAction"), ("Input.Rationale", "Booking found: the driver was her uncle, checked by licensing."),
            ("Input.Sharing[0].AgencyId", await AgencyIdAsync("TXL")), ("Input.Sharing[0].Choice", "withhold"));
        Assert.Equal(HttpStatusCode.OK, withhold.StatusCode);
        Assert.Contains("Enter why the decision is not shared with Northbridge Taxi Licensing", await withhold.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        var unknown = await triage.PostFormAsync(decide, decide, ("Input.Outcome", "NoFurtherAction"), ("Input.Rationale", "x"),
            ("Input.Sharing[0].AgencyId", Guid.NewGuid().ToString()), ("Input.Sharing[0].Choice", "share"));
        Assert.Contains("This agency is not one involved with the child", await unknown.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        var nfa = await triage.PostFormAsync(decide, decide, ("Input.Outcome", "NoFurtherAction"), ("Input.Rationale", "Booking found: the driver was her uncle, checked by licensing."),
            ("Input.Sharing[0].AgencyId", await AgencyIdAsync("TXL")), ("Input.Sharing[0].Choice", "share"));
        Assert.Equal(HttpStatusCode.Redirect, nfa.StatusCode);
        Assert.Contains("Awaiting countersignature", await triage.Http.GetStringAsync(page), StringComparison.Ordinal);

        // The decider cannot countersign; their manager sees it in "my work" and sends it back with a reason.
        Assert.Equal(HttpStatusCode.Forbidden, (await triage.Http.GetAsync($"{page}/countersign")).StatusCode);
        using var manager = await SignedInClient.SignInAsync(_server, "csc.teammanager");
        Assert.Contains("Decisions to countersign (1)", await manager.Http.GetStringAsync("/my-work"), StringComparison.Ordinal);
        var countersign = $"{page}/countersign";
        var noReason = await manager.PostFormAsync(countersign, countersign, ("Agree", "no"));
        Assert.Contains("Enter why you do not agree", await noReason.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Redirect, (await manager.PostFormAsync(countersign, countersign, ("Agree", "no"), ("Note", "Check the uncle's licence history first."))).StatusCode);
        Assert.Contains("Awaiting decision", await triage.Http.GetStringAsync(page), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.NotFound, (await manager.Http.GetAsync(countersign)).StatusCode);

        // Two working days later the front door decides again: late, and shown as late; then countersigned.
        var calendar = _server.Services.GetRequiredService<Core.Calendar.WorkingCalendar>();
        var today = calendar.LocalDate(_server.Clock.GetUtcNow());
        _server.Clock.SetUtcNow(calendar.StartOfDay(calendar.AddWorkingDays(today, 2)).AddHours(10));
        using var triageLater = await SignedInClient.SignInAsync(_server, "mash.triage");
        Assert.Equal(HttpStatusCode.Redirect, (await triageLater.PostFormAsync(decide, decide, ("Input.Outcome", "NoFurtherAction"), ("Input.Rationale", "Licence history clean; family aware."),
            ("Input.Sharing[0].AgencyId", await AgencyIdAsync("TXL")), ("Input.Sharing[0].Choice", "share"))).StatusCode);
        using var managerLater = await SignedInClient.SignInAsync(_server, "csc.teammanager");
        Assert.Equal(HttpStatusCode.Redirect, (await managerLater.PostFormAsync(countersign, countersign, ("Agree", "yes"))).StatusCode);

        await using (var scope = _server.Scope())
        {
            var db = scope.ServiceProvider.GetRequiredService<SafeguardDbContext>();
            var schedule = scope.ServiceProvider.GetRequiredService<CaseworkSchedule>();
            var concern = await db.Concerns.SingleAsync(c => c.Id == Id<Concern>.Parse(id, null));
            var decisions = await db.ConcernDecisions.Where(d => d.ConcernId == concern.Id).OrderBy(d => d.DecidedAt).ToListAsync();
            Assert.Equal([true, false], decisions.Select(d => d.CountersignRefused));
            var status = FrontDoorRules.Status(schedule, concern.ReceivedAt, decisions[^1].Facts, db.Now);
            Assert.Equal(ConcernState.Decided, status.State);
            Assert.True(status.DecidedLate);
            // Nothing further: the front door's contact is closed; the reporter is told.
            Assert.False(await db.Cases.AnyAsync(c => c.PersonId == child && c.Category == "Front door contact" && c.ClosedAt == null));
            var officer = await db.Users.SingleAsync(u => u.Email == DemoPartnership.EmailOf("licensing.officer"));
            Assert.True(await db.Notifications.AnyAsync(n => n.RecipientUserId == officer.Id && n.Text.Contains("No further action")));
            // Each step is in the child's chronology: decided, sent back, decided again, countersigned.
            Assert.Equal(4, await db.Chronology.CountAsync(e => e.PersonId == child && e.Kind == ChronologyKinds.Decision));
            // Shared by default with both agencies involved (the reporter's, and children's social care through the front door's
            // contact), for each decision, though the form posted only the first.
            Assert.Equal(4, await db.ConcernSharing.CountAsync(s => s.PersonId == child && s.Shared));
        }
        using var reporterLater = await SignedInClient.SignInAsync(_server, "licensing.officer");
        var receiptPage = await reporterLater.Http.GetStringAsync(receipt);
        Assert.Contains("No further action", receiptPage, StringComparison.Ordinal);
        Assert.Contains("after the deadline", receiptPage, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Withholding_a_decision_from_an_agency_keeps_its_reasons_from_that_agency_only()
    {
        using var youth = await SignedInClient.SignInAsync(_server, "youth.worker");
        var receipt = await CaseworkTestData.ReportAsync(youth, _server, "Amber");
        var id = receipt.Split('/')[^1];
        await using (var scope = _server.Scope())
        {
            var db = scope.ServiceProvider.GetRequiredService<SafeguardDbContext>();
            var concern = await db.Concerns.SingleAsync(c => c.Id == Id<Concern>.Parse(id, null));
            concern.PersonId = (await db.People.SingleAsync(p => p.GivenName == "Amber")).Id;
            await db.SaveChangesAsync();
        }
        using var triage = await SignedInClient.SignInAsync(_server, "mash.triage");
        var decide = $"/front-door/concerns/{id}/decide";
        var form = await triage.Http.GetStringAsync(decide);
        // Amber's agencies (children's social care, schools, the youth project) are all listed, sharing by default.
        Assert.Contains("Northbridge Schools", form, StringComparison.Ordinal);
        var agencies = new[] { "CSC", "EDU", "YTH" };
        var fields = new List<(string, string)> { ("Input.Outcome", "Assessment"), ("Input.Rationale", "Covert police operation under way at the address: details held back.") };
        for (var i = 0; i < agencies.Length; i++)
        {
            fields.Add(($"Input.Sharing[{i}].AgencyId", await AgencyIdAsync(agencies[i])));
            fields.Add(($"Input.Sharing[{i}].Choice", agencies[i] == "YTH" ? "withhold" : "share"));
            fields.Add(($"Input.Sharing[{i}].Reason", agencies[i] == "YTH" ? "Sharing would alert the adults through a shared contact." : ""));
        }
        Assert.Equal(HttpStatusCode.Redirect, (await triage.PostFormAsync(decide, decide, [.. fields])).StatusCode);

        var reporterView = await youth.Http.GetStringAsync(receipt);
        Assert.Contains("Assessment", reporterView, StringComparison.Ordinal); // the reporter is always told the outcome
        Assert.DoesNotContain("Covert police operation", reporterView, StringComparison.Ordinal);
        Assert.Contains("recorded a reason not to share the details", reporterView, StringComparison.Ordinal);
        using var school = await SignedInClient.SignInAsync(_server, "school.dsl");
        Assert.Contains("Covert police operation", await school.Http.GetStringAsync(receipt), StringComparison.Ordinal);
        await using var check = _server.Scope();
        var checkDb = check.ServiceProvider.GetRequiredService<SafeguardDbContext>();
        var sharing = await checkDb.ConcernSharing.Where(s => !s.Shared).SingleAsync();
        Assert.Equal("Sharing would alert the adults through a shared contact.", sharing.ReasonNotShared);
    }

    private async Task<string> AgencyIdAsync(string code)
    {
        await using var scope = _server.Scope();
        var db = scope.ServiceProvider.GetRequiredService<SafeguardDbContext>();
        return (await db.Agencies.SingleAsync(a => a.Code == code)).Id.ToString();
    }
}
