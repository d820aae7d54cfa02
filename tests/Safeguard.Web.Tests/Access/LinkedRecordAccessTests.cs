using System.Globalization;
using System.Net;
using Microsoft.EntityFrameworkCore;
using Safeguard.Core;
using Safeguard.Web.Data.Model;
using Safeguard.Web.Tests.Infrastructure;

namespace Safeguard.Web.Tests.Access;

/// <summary>
/// A link made by matching never widens anyone's access (issue 10, defect 2). The taxi licensing officer has no
/// relationship with Ewa Nowak, whom only health knows. Recording a duplicate of her, with any involvement, and having
/// it linked into her record (by the front door, or by matching after an edit) opens their own record and nothing of
/// hers; her workers see the duplicate with her record. The candidates the page offered are held by the server, so
/// skipping the offer does not skip the check.
/// </summary>
public sealed class LinkedRecordAccessTests : IAsyncLifetime
{
    private const string Involvement = "Licensing enquiry";
    private const string EwasEmergencyVisit = "Attended ED at 03:00";
    private const string EwasHealthCase = "Emergency department follow-up";

    private SafeguardServer _server = null!;

    public async Task InitializeAsync() => _server = await SafeguardServer.StartAsync();

    public async Task DisposeAsync() => await _server.DisposeAsync();

    [Fact]
    public async Task A_duplicate_recorded_by_an_agency_with_no_relationship_and_linked_by_the_front_door_opens_nothing_of_the_child_held()
    {
        var ewa = await EwaAsync();
        using var licensing = await SignedInClient.SignInAsync(_server, "licensing.officer");
        await AssertClosedAsync(licensing, ewa.Id);

        // Her name, sex and date of birth, and an involvement: the page offers her (as search would) before creating.
        var offered = await licensing.PostFormAsync("/people/new", "/people/new", Details(ewa.GivenName, ewa.FamilyName, ewa.DateOfBirth));
        Assert.Equal(HttpStatusCode.OK, offered.StatusCode);
        var choice = WebUtility.HtmlDecode(await offered.Content.ReadAsStringAsync());
        Assert.Contains($"href=\"/children/{ewa.Id}/request-access\"", choice, StringComparison.Ordinal);
        Assert.Equal(1, await _server.WithDbAsync(db => db.People.CountAsync(p => p.GivenName == "Ewa")));

        // "None of these": the form posted back exactly as the page gave it.
        var created = await licensing.PostFormAsync("/people/new?handler=Create", "/people/new", [.. HtmlForms.HiddenFields(choice, "handler=Create")]);
        Assert.Equal(HttpStatusCode.Redirect, created.StatusCode);
        var duplicate = await DuplicateOfAsync(ewa);
        Assert.Equal($"/children/{duplicate}", created.Headers.Location?.OriginalString);

        // The front door decides they are the same person: the records are linked.
        using var triage = await SignedInClient.SignInAsync(_server, "mash.triage");
        var review = await _server.WithDbAsync(db => db.PersonMatchReviews.Where(r => r.PersonId == duplicate && r.Status == MatchReviewStatus.Pending).Select(r => r.Id).SingleAsync());
        var decided = await triage.PostFormAsync($"/matching/{review}", $"/matching/{review}",
            ("Input.Decision", "same"), ("Input.Reason", "Same name, date of birth and sex: licensing's enquiry is about her."));
        Assert.Equal(HttpStatusCode.Redirect, decided.StatusCode);
        Assert.Equal(ewa.Id, await MergedIntoAsync(duplicate));

        await AssertClosedAsync(licensing, ewa.Id);
        await AssertOwnRecordOnlyAsync(licensing, duplicate, ewa.Id);
        await AssertHerWorkersSeeBothAsync(ewa.Id, duplicate, survivor: ewa.Id);

        // Who viewed: licensing's manager sees the reads of their own record only, not of hers; health's sees both.
        using var licensingManager = await SignedInClient.SignInAsync(_server, "licensing.manager");
        var theirs = await licensingManager.Http.GetAsync($"/children/{duplicate}/who-viewed");
        Assert.Equal(HttpStatusCode.OK, theirs.StatusCode);
        var readsOfHers = await ReadsOfAsync(ewa.Id);
        Assert.True(readsOfHers > 0);
        Assert.Equal(await ReadsOfAsync(duplicate), EntriesShown(await theirs.Content.ReadAsStringAsync()));
        Assert.Equal(HttpStatusCode.NotFound, (await licensingManager.Http.GetAsync($"/children/{ewa.Id}/who-viewed")).StatusCode);
        using var healthManager = await SignedInClient.SignInAsync(_server, "health.teammanager");
        var hers = await healthManager.Http.GetStringAsync($"/children/{ewa.Id}/who-viewed");
        Assert.Equal(await ReadsOfAsync(ewa.Id) + await ReadsOfAsync(duplicate), EntriesShown(hers));
    }

    [Fact]
    public async Task Creating_without_the_offer_the_server_made_does_not_skip_the_check_of_who_is_already_held()
    {
        var ewa = await EwaAsync();
        using var licensing = await SignedInClient.SignInAsync(_server, "licensing.officer");

        // Straight to "create", with no list of people shown (the old form's Shown left empty).
        var skipped = await licensing.PostFormAsync("/people/new?handler=Create", "/people/new", Details(ewa.GivenName, ewa.FamilyName, ewa.DateOfBirth));
        Assert.Equal(HttpStatusCode.OK, skipped.StatusCode);
        var page = WebUtility.HtmlDecode(await skipped.Content.ReadAsStringAsync());
        Assert.Contains("Check whether we already hold this person", page, StringComparison.Ordinal);
        Assert.Contains($"href=\"/children/{ewa.Id}/request-access\"", page, StringComparison.Ordinal);
        Assert.Equal(1, await _server.WithDbAsync(db => db.People.CountAsync(p => p.GivenName == "Ewa")));

        // Another user's offer does not count as an offer to this one.
        using var youth = await SignedInClient.SignInAsync(_server, "youth.worker");
        var theirs = WebUtility.HtmlDecode(await (await youth.PostFormAsync("/people/new", "/people/new", Details(ewa.GivenName, ewa.FamilyName, ewa.DateOfBirth))).Content.ReadAsStringAsync());
        var borrowed = await licensing.PostFormAsync("/people/new?handler=Create", "/people/new", [.. HtmlForms.HiddenFields(theirs, "handler=Create")]);
        Assert.Equal(HttpStatusCode.OK, borrowed.StatusCode);
        Assert.Contains("Check whether we already hold this person", WebUtility.HtmlDecode(await borrowed.Content.ReadAsStringAsync()), StringComparison.Ordinal);
        Assert.Equal(1, await _server.WithDbAsync(db => db.People.CountAsync(p => p.GivenName == "Ewa")));
        await AssertClosedAsync(licensing, ewa.Id);
    }

    [Fact]
    public async Task A_record_corrected_until_matching_links_it_to_the_child_opens_only_itself_and_says_who_to_ask()
    {
        var ewa = await EwaAsync();
        using var licensing = await SignedInClient.SignInAsync(_server, "licensing.officer");
        // Someone nobody holds: created at once, with the licensing enquiry as the agency's work.
        var created = await licensing.PostFormAsync("/people/new", "/people/new", Details("Zofia", "Kowalczyk", new DateOnly(2001, 1, 1)));
        Assert.Equal(HttpStatusCode.Redirect, created.StatusCode);
        var mine = await _server.IdOfAsync("Zofia");

        // Corrected to her details: matching is certain and links the record into hers, with no one asked.
        var corrected = await CorrectAsync(licensing, mine, ewa);
        Assert.Equal(HttpStatusCode.Redirect, corrected.StatusCode);
        Assert.Equal(ewa.Id, await MergedIntoAsync(mine));

        // Sent to their own record, and told (not shown) that she is known to another agency.
        Assert.Equal($"/children/{mine}", corrected.Headers.Location?.OriginalString);
        var told = WebUtility.HtmlDecode(await licensing.Http.GetStringAsync($"/children/{mine}"));
        Assert.Contains("This person appears to be known to another agency", told, StringComparison.Ordinal);

        await AssertClosedAsync(licensing, ewa.Id);
        await AssertOwnRecordOnlyAsync(licensing, mine, ewa.Id);
        await AssertHerWorkersSeeBothAsync(ewa.Id, mine, survivor: ewa.Id);
    }

    [Fact]
    public async Task Access_a_manager_approves_for_the_duplicate_covers_the_duplicate_and_access_approved_for_the_child_covers_both()
    {
        var ewa = await EwaAsync();
        using var licensing = await SignedInClient.SignInAsync(_server, "licensing.officer");
        Assert.Equal(HttpStatusCode.Redirect, (await licensing.PostFormAsync("/people/new", "/people/new", Details("Zofia", "Kowalczyk", new DateOnly(2001, 1, 1)))).StatusCode);
        var duplicate = await _server.IdOfAsync("Zofia");
        Assert.Equal(HttpStatusCode.Redirect, (await CorrectAsync(licensing, duplicate, ewa)).StatusCode);
        Assert.Equal(ewa.Id, await MergedIntoAsync(duplicate));

        // A youth worker asks to see the licensing record, and the licensing manager (whose agency works with it) agrees.
        using var youth = await SignedInClient.SignInAsync(_server, "youth.worker");
        await AskAsync(youth, duplicate);
        await ApproveAsync("licensing.manager", duplicate);
        Assert.Equal(HttpStatusCode.OK, (await youth.Http.GetAsync($"/children/{duplicate}")).StatusCode);
        await AssertClosedAsync(youth, ewa.Id);

        // Asked for the child herself, and agreed by health, who work with her: both records open, at hers.
        await AskAsync(youth, ewa.Id);
        await ApproveAsync("health.teammanager", ewa.Id);
        Assert.Equal(HttpStatusCode.OK, (await youth.Http.GetAsync($"/children/{ewa.Id}")).StatusCode);
        var combined = WebUtility.HtmlDecode(await youth.Http.GetStringAsync($"/children/{ewa.Id}/chronology"));
        Assert.Contains(EwasEmergencyVisit, combined, StringComparison.Ordinal);
        Assert.Contains($"{Involvement} opened", combined, StringComparison.Ordinal);
    }

    private static async Task AskAsync(SignedInClient client, Id<Person> record)
    {
        var page = $"/children/{record}/request-access";
        Assert.Equal(HttpStatusCode.OK, (await client.Http.GetAsync(page)).StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, (await client.PostFormAsync(page, page, ("Input.Reason", "Outreach keyworker: she has started coming to the project."))).StatusCode);
    }

    private async Task ApproveAsync(string manager, Id<Person> record)
    {
        var request = await _server.WithDbAsync(db => db.AccessRequests.Where(r => r.PersonId == record && r.Status == AccessRequestStatus.Pending).Select(r => r.Id).SingleAsync());
        using var client = await SignedInClient.SignInAsync(_server, manager);
        var decided = await client.PostFormAsync("/reviews?handler=DecideRequest", "/reviews", ("id", request.ToString()), ("approve", "true"));
        Assert.Equal(HttpStatusCode.Redirect, decided.StatusCode);
        Assert.Equal(AccessRequestStatus.Approved, await _server.WithDbAsync(db => db.AccessRequests.Where(r => r.Id == request).Select(r => r.Status).SingleAsync()));
    }

    [Fact]
    public async Task An_older_record_corrected_into_a_child_already_held_survives_the_link_but_does_not_reach_her()
    {
        var ewa = await EwaAsync();
        // A record licensing has held for years, older than hers: linking keeps the older record in front.
        var old = await _server.WithDbAsync(async db =>
        {
            var txl = await db.Agencies.SingleAsync(a => a.Code == "TXL");
            var officer = await db.Users.SingleAsync(u => u.Email == Demo.DemoPartnership.EmailOf("licensing.officer"));
            var person = new Person { Kind = PersonKind.Child, GivenName = "Zofia", FamilyName = "Kowalczyk", DateOfBirth = new DateOnly(2001, 1, 1), Sex = Sex.Female, CreatedByAgencyId = txl.Id, CreatedAt = ewa.CreatedAt.AddYears(-2) };
            var work = new ChildCase { PersonId = person.Id, AgencyId = txl.Id, Reference = "TXL-OLD-1", Category = Involvement, OpenedAt = person.CreatedAt };
            work.Allocations.Add(new CaseAllocation { CaseId = work.Id, PersonId = person.Id, UserId = officer.Id, TeamId = officer.TeamId, IsLead = true, AllocatedAt = person.CreatedAt });
            db.People.Add(person);
            db.Cases.Add(work);
            db.Chronology.Add(new ChronologyEntry { PersonId = person.Id, AgencyId = txl.Id, RecordedByUserId = officer.Id, Kind = ChronologyKinds.CaseOpened, OccurredAt = person.CreatedAt, RecordedAt = person.CreatedAt, Summary = $"{Involvement} opened." });
            await db.SaveChangesAsync();
            return person.Id;
        });
        using var licensing = await SignedInClient.SignInAsync(_server, "licensing.officer");
        var corrected = await CorrectAsync(licensing, old, ewa);
        Assert.Equal(HttpStatusCode.Redirect, corrected.StatusCode);
        Assert.Equal(old, await MergedIntoAsync(ewa.Id));

        await AssertClosedAsync(licensing, ewa.Id);
        await AssertOwnRecordOnlyAsync(licensing, old, ewa.Id);
        await AssertHerWorkersSeeBothAsync(ewa.Id, old, survivor: old);
    }

    /// <summary>Her record, chronology, export, voice and screening: not found, as for any child they have no relationship with.</summary>
    private static async Task AssertClosedAsync(SignedInClient client, Id<Person> child)
    {
        foreach (var page in new[] { "", "/chronology", "/chronology/review", "/chronology/review?handler=Csv", "/chronology/review?handler=Pdf", "/voice", "/screening", "/actions", "/meetings", "/missing" })
        {
            var response = await client.Http.GetAsync($"/children/{child}{page}");
            Assert.True(response.StatusCode == HttpStatusCode.NotFound, $"/children/{{her id}}{page} answered {(int)response.StatusCode} {response.Headers.Location}");
        }
    }

    /// <summary>The user's own record opens (not sent on to hers), shows nothing of hers, and says who to ask.</summary>
    private async Task AssertOwnRecordOnlyAsync(SignedInClient client, Id<Person> own, Id<Person> hers)
    {
        var hersNhs = await _server.WithDbAsync(db => db.People.Where(p => p.Id == hers).Select(p => p.NhsNumber!).SingleAsync());
        var record = await client.Http.GetAsync($"/children/{own}");
        Assert.True(record.StatusCode == HttpStatusCode.OK, $"own record answered {(int)record.StatusCode} {record.Headers.Location}");
        var html = WebUtility.HtmlDecode(await record.Content.ReadAsStringAsync());
        Assert.DoesNotContain(EwasHealthCase, html, StringComparison.Ordinal);
        Assert.DoesNotContain(Core.People.NhsNumber.Format(hersNhs), html, StringComparison.Ordinal);
        Assert.Contains("appears to be known to another agency", html, StringComparison.Ordinal);
        Assert.Contains($"href=\"/children/{hers}/request-access\"", html, StringComparison.Ordinal);
        Assert.Contains($"href=\"/children/{hers}/break-glass\"", html, StringComparison.Ordinal);
        foreach (var page in new[] { "/chronology", "/chronology/review?handler=Csv", "/screening", "/voice" })
        {
            var response = await client.Http.GetAsync($"/children/{own}{page}");
            Assert.True(response.StatusCode == HttpStatusCode.OK, $"own {page} answered {(int)response.StatusCode} {response.Headers.Location}");
            var text = WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync());
            Assert.DoesNotContain(EwasEmergencyVisit, text, StringComparison.Ordinal);
            Assert.DoesNotContain("adult male who left before staff", text, StringComparison.Ordinal);
        }
    }

    /// <summary>The nurse who works with her sees the duplicate in her record: from either id, at the survivor.</summary>
    private async Task AssertHerWorkersSeeBothAsync(Id<Person> hers, Id<Person> duplicate, Id<Person> survivor)
    {
        using var nurse = await SignedInClient.SignInAsync(_server, "health.nurse");
        var other = survivor == hers ? duplicate : hers;
        var redirected = await nurse.Http.GetAsync($"/children/{other}");
        Assert.Equal(HttpStatusCode.Redirect, redirected.StatusCode);
        Assert.Equal($"/children/{survivor}", redirected.Headers.Location?.OriginalString);
        var record = WebUtility.HtmlDecode(await nurse.Http.GetStringAsync($"/children/{survivor}"));
        Assert.Contains(EwasHealthCase, record, StringComparison.Ordinal);
        Assert.Contains(Involvement, record, StringComparison.Ordinal);
        Assert.Contains("Northbridge Taxi Licensing", record, StringComparison.Ordinal);
        var chronology = WebUtility.HtmlDecode(await nurse.Http.GetStringAsync($"/children/{survivor}/chronology"));
        Assert.Contains(EwasEmergencyVisit, chronology, StringComparison.Ordinal);
        Assert.Contains($"{Involvement} opened", chronology, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, (await nurse.Http.GetAsync($"/children/{survivor}/screening")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await nurse.Http.GetAsync($"/children/{survivor}/voice")).StatusCode);
        var export = await nurse.Http.GetStringAsync($"/children/{survivor}/chronology/review?handler=Csv");
        Assert.Contains(EwasEmergencyVisit, export, StringComparison.Ordinal);
    }

    private Task<int> ReadsOfAsync(Id<Person> record) =>
        _server.WithDbAsync(db => db.AccessLog.CountAsync(e => e.Stream == Person.PersonStream(record)));

    private static int EntriesShown(string html) =>
        int.Parse(System.Text.RegularExpressions.Regex.Match(html, "(\\d+) entr(y|ies) \\(at most").Groups[1].Value, CultureInfo.InvariantCulture);

    private static async Task<HttpResponseMessage> CorrectAsync(SignedInClient client, Id<Person> record, Person to) =>
        await client.PostFormAsync($"/children/{record}/edit", $"/children/{record}/edit",
            ("Input.GivenName", to.GivenName), ("Input.FamilyName", to.FamilyName),
            ("Input.DateOfBirth.Day", Number(to.DateOfBirth!.Value.Day)), ("Input.DateOfBirth.Month", Number(to.DateOfBirth.Value.Month)), ("Input.DateOfBirth.Year", Number(to.DateOfBirth.Value.Year)),
            ("Input.Sex", to.Sex.ToString()), ("Input.Ethnicity", "NotRecorded"));

    private static (string, string)[] Details(string given, string family, DateOnly? born) =>
    [
        ("Input.Kind", "Child"), ("Input.GivenName", given), ("Input.FamilyName", family),
        ("Input.DateOfBirth.Day", Number(born!.Value.Day)), ("Input.DateOfBirth.Month", Number(born.Value.Month)), ("Input.DateOfBirth.Year", Number(born.Value.Year)),
        ("Input.Sex", "Female"), ("Input.Involvement", Involvement),
    ];

    private static string Number(int n) => n.ToString(CultureInfo.InvariantCulture);

    private Task<Person> EwaAsync() =>
        _server.WithDbAsync(db => db.People.AsNoTracking().SingleAsync(p => p.GivenName == "Ewa" && p.FamilyName == "Nowak"));

    private Task<Id<Person>> DuplicateOfAsync(Person child) =>
        _server.WithDbAsync(db => db.People.Where(p => p.GivenName == child.GivenName && p.FamilyName == child.FamilyName && p.Id != child.Id).Select(p => p.Id).SingleAsync());

    private Task<Id<Person>?> MergedIntoAsync(Id<Person> person) =>
        _server.WithDbAsync(db => db.People.Where(p => p.Id == person).Select(p => p.MergedIntoId).SingleAsync());
}
