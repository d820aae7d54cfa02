using System.Net;
using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using Safeguard.Core;
using Safeguard.Core.Network;
using Safeguard.Web.Auth;
using Safeguard.Web.Data;
using Safeguard.Web.Data.Model;
using Safeguard.Web.Demo;
using Safeguard.Web.Tests.Infrastructure;

namespace Safeguard.Web.Tests.Intelligence;

/// <summary>Intelligence through the real pages over HTTP: bad input, grading and routing rules, linking, licensing, the partnership's figures.</summary>
public sealed partial class IntelligenceFlowTests(SeededServerFixture fixture) : IClassFixture<SeededServerFixture>
{
    private readonly SafeguardServer _server = fixture.Server;

    [Fact]
    public async Task Bad_input_on_giving_information_is_named_by_field_and_what_was_typed_is_kept()
    {
        using var worker = await SignedInClient.SignInAsync(_server, "youth.worker");
        var tomorrow = DateTime.UtcNow.AddDays(2);
        var response = await worker.PostFormAsync("/intelligence/submit", "/intelligence/submit",
            ("Input.Title", ""), ("Input.Text", "A car again."), ("Input.Vehicles", "NB19 ABC, NB19/ABC"), ("Input.Phones", "12345"),
            ("Input.Date.Day", tomorrow.Day.ToString(System.Globalization.CultureInfo.InvariantCulture)),
            ("Input.Date.Month", tomorrow.Month.ToString(System.Globalization.CultureInfo.InvariantCulture)),
            ("Input.Date.Year", tomorrow.Year.ToString(System.Globalization.CultureInfo.InvariantCulture)),
            ("Input.Time", "25:99"));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var page = WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync());
        Assert.Contains("Enter a few words saying what this is about", page, StringComparison.Ordinal);
        Assert.Contains("'NB19/ABC' is not a registration mark: A registration mark has only letters and numbers (use * for a character not seen), not '/'", page, StringComparison.Ordinal);
        Assert.Contains("'12345' is not a phone number: A UK phone number has 11 digits starting with 0", page, StringComparison.Ordinal);
        Assert.Contains("Enter the time on the 24-hour clock", page, StringComparison.Ordinal);
        Assert.Contains("value=\"NB19 ABC, NB19/ABC\"", page, StringComparison.Ordinal);
        Assert.Contains("<title>Error: ", page, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_grade_outside_the_scheme_is_refused_with_the_valid_values_listed_and_nothing_is_saved()
    {
        var id = await SubmitAsync("youth.worker", "Grading check", "A man offered a lift.");
        using var analyst = await SignedInClient.SignInAsync(_server, "police.analyst");
        var response = await analyst.PostFormAsync($"/intelligence/{id}/grade", $"/intelligence/{id}/grade",
            ("Input.Source", "4"), ("Input.Assessment", "F"), ("Input.Handling", "C"), ("Input.Action", ""), ("Input.Sanitisation", "S3"), ("Input.Priority", "High"));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var page = WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync());
        Assert.Contains("Source evaluation must be 1 (reliable), 2 (untested) or 3 (not reliable), not '4'", page, StringComparison.Ordinal);
        Assert.Contains("Intelligence assessment must be A (known directly), B (known indirectly, corroborated), C (known indirectly), D (not known) or E (suspected false), not 'F'", page, StringComparison.Ordinal);
        Assert.Contains("Handling C must state an action code: A1 (corroborate only), A2 (covert action only) or A3 (overt action permitted)", page, StringComparison.Ordinal);
        Assert.Contains("Sanitisation code must be S1 (may be sanitised without supervision) or S2 (consult the originator), not 'S3'", page, StringComparison.Ordinal);
        await using var scope = _server.Scope();
        var db = scope.ServiceProvider.GetRequiredService<SafeguardDbContext>();
        Assert.Null((await db.IntelligenceItems.SingleAsync(i => i.Id == id)).GradedAt);
    }

    [Fact]
    public async Task Routing_follows_the_handling_code_covert_only_to_police_and_handling_C_to_partners_only_sanitised()
    {
        var id = await SubmitAsync("school.dsl", "Routing check", "Original words with the source in them.");
        using var analyst = await SignedInClient.SignInAsync(_server, "police.analyst");
        var youthManager = await UserIdAsync("youth.manager");
        var officer = await UserIdAsync("police.officer");

        var ungraded = await analyst.PostFormAsync($"/intelligence/{id}/route", $"/intelligence/{id}/route", ("Input.Owner", youthManager.ToString()));
        Assert.Contains("Grade the intelligence before routing it", WebUtility.HtmlDecode(await ungraded.Content.ReadAsStringAsync()), StringComparison.Ordinal);

        await GradeAsync(analyst, id, "1", "B", "C", "A2", "S1", sanitised: null);
        var covert = await analyst.PostFormAsync($"/intelligence/{id}/route", $"/intelligence/{id}/route", ("Input.Owner", youthManager.ToString()));
        var covertPage = WebUtility.HtmlDecode(await covert.Content.ReadAsStringAsync());
        Assert.Contains("A2 allows covert action only, which only police can take: Riverside Youth Project cannot receive it", covertPage, StringComparison.Ordinal);
        Assert.Contains("Handling C: partners see only a sanitised version. Write one before routing to Riverside Youth Project", covertPage, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Redirect, (await analyst.PostFormAsync($"/intelligence/{id}/route", $"/intelligence/{id}/route", ("Input.Owner", officer.ToString()))).StatusCode);
        var again = await analyst.PostFormAsync($"/intelligence/{id}/route", $"/intelligence/{id}/route", ("Input.Owner", officer.ToString()));
        Assert.Contains("already been routed to Northbridge Police", WebUtility.HtmlDecode(await again.Content.ReadAsStringAsync()), StringComparison.Ordinal);

        // Re-graded to overt action with a sanitised version, under S2: partners wait for the originator.
        await GradeAsync(analyst, id, "1", "B", "C", "A3", "S2", sanitised: "Partners may read this version.");
        var s2 = await analyst.PostFormAsync($"/intelligence/{id}/route", $"/intelligence/{id}/route", ("Input.Owner", youthManager.ToString()));
        Assert.Contains("S2: consult the originator", WebUtility.HtmlDecode(await s2.Content.ReadAsStringAsync()), StringComparison.Ordinal);
        await GradeAsync(analyst, id, "1", "B", "C", "A3", "S2", sanitised: "Partners may read this version.", originator: "DC Briggs agreed the wording by phone.");
        Assert.Equal(HttpStatusCode.Redirect, (await analyst.PostFormAsync($"/intelligence/{id}/route", $"/intelligence/{id}/route", ("Input.Owner", youthManager.ToString()))).StatusCode);

        using var manager = await SignedInClient.SignInAsync(_server, "youth.manager");
        var seen = await manager.Http.GetStringAsync($"/intelligence/{id}");
        Assert.Contains("Partners may read this version.", seen, StringComparison.Ordinal);
        Assert.DoesNotContain("Original words", seen, StringComparison.Ordinal);
        Assert.DoesNotContain("Routing check", seen, StringComparison.Ordinal);

        // A new wording needs the originator again: the partner loses sight of it until then.
        await GradeAsync(analyst, id, "1", "B", "C", "A3", "S2", sanitised: "A different version.");
        Assert.Equal(HttpStatusCode.NotFound, (await manager.Http.GetAsync($"/intelligence/{id}")).StatusCode);
    }

    [Fact]
    public async Task Linking_matches_people_already_known_refuses_self_and_repeated_links_and_tells_licensing_of_a_licensed_suspect()
    {
        var id = await SubmitAsync("licensing.officer", "Driver asked for a child's Snapchat", "A private hire driver asked a 14-year-old for her Snapchat.");
        using var analyst = await SignedInClient.SignInAsync(_server, "police.analyst");
        await using var scope = _server.Scope();
        var db = scope.ServiceProvider.GetRequiredService<SafeguardDbContext>();
        // Ewa: known to health, in none of the demo's suspected groups (linking her to a new suspect must not change them).
        var ewa = await db.People.AsNoTracking().SingleAsync(p => p.GivenName == "Ewa");
        var peopleBefore = await db.People.CountAsync();

        // Name and date of birth find Ewa: no second record is made.
        var matched = await AddPersonAsync(analyst, id, "ewa", "NOWAK", ewa.DateOfBirth, "Victim");
        Assert.Equal(HttpStatusCode.Redirect, matched.StatusCode);
        Assert.Equal(peopleBefore, await db.People.CountAsync());
        // A name without a date of birth is never enough: a new person.
        var driver = await AddPersonAsync(analyst, id, "Wayne", "Marsh", null, "Suspect", ("NewPerson.Licence", "PrivateHireDriverLicence"), ("NewPerson.LicenceNumber", "PHD-0999"));
        Assert.Equal(HttpStatusCode.Redirect, driver.StatusCode);
        var wayne = await db.People.AsNoTracking().SingleAsync(p => p.GivenName == "Wayne" && p.FamilyName == "Marsh");
        Assert.Equal(peopleBefore + 1, await db.People.CountAsync());
        Assert.Equal(PersonRole.Suspect, (await db.IntelligenceSubjects.AsNoTracking().SingleAsync(s => s.PersonId == wayne.Id)).Role);
        var notice = await db.LicensingNotices.AsNoTracking().SingleAsync(n => n.PersonId == wayne.Id);
        Assert.Equal("Private hire driver licence PHD-0999", notice.Licences);

        // The same person again on the same item would repeat the link: refused, saying so, and nothing is added.
        var repeated = await AddPersonAsync(analyst, id, "Ewa", "Nowak", ewa.DateOfBirth, "Victim");
        Assert.Contains("These two are already linked as 'present at' on", WebUtility.HtmlDecode(await repeated.Content.ReadAsStringAsync()), StringComparison.Ordinal);
        Assert.Equal(peopleBefore + 1, await db.People.CountAsync());
        var self = await analyst.PostFormAsync($"/intelligence/{id}/link?handler=AddLink", $"/intelligence/{id}/link",
            ("NewLink.From", wayne.Id.ToString()), ("NewLink.To", wayne.Id.ToString()), ("NewLink.LinkKind", "knows"), ("NewLink.Confidence", "Confirmed"));
        Assert.Contains("A record cannot be linked to itself", WebUtility.HtmlDecode(await self.Content.ReadAsStringAsync()), StringComparison.Ordinal);
        var first = await analyst.PostFormAsync($"/intelligence/{id}/link?handler=AddLink", $"/intelligence/{id}/link",
            ("NewLink.From", wayne.Id.ToString()), ("NewLink.To", ewa.Id.ToString()), ("NewLink.LinkKind", "contacted"), ("NewLink.Confidence", "Tentative"));
        Assert.Equal(HttpStatusCode.Redirect, first.StatusCode);
        var twice = await analyst.PostFormAsync($"/intelligence/{id}/link?handler=AddLink", $"/intelligence/{id}/link",
            ("NewLink.From", ewa.Id.ToString()), ("NewLink.To", wayne.Id.ToString()), ("NewLink.LinkKind", "contacted"), ("NewLink.Confidence", "Confirmed"));
        Assert.Contains("These two are already linked as 'contacted' with no date", WebUtility.HtmlDecode(await twice.Content.ReadAsStringAsync()), StringComparison.Ordinal);

        // Licensing sees the notice (who, which licence; no intelligence) and records what it is doing; no one else may.
        using var licensing = await SignedInClient.SignInAsync(_server, "licensing.manager");
        var notices = await licensing.Http.GetStringAsync("/licensing/notices");
        Assert.Contains("Wayne Marsh", notices, StringComparison.Ordinal);
        Assert.DoesNotContain("Snapchat", notices, StringComparison.Ordinal);
        Assert.Contains("licensing notices from the intelligence unit waiting", await licensing.Http.GetStringAsync("/home"), StringComparison.Ordinal);
        var acknowledged = await licensing.PostFormAsync("/licensing/notices?handler=Acknowledge", "/licensing/notices", ("id", notice.Id.ToString()), ("note", "Licence suspended pending review."));
        Assert.Equal(HttpStatusCode.Redirect, acknowledged.StatusCode);
        using var practitioner = await SignedInClient.SignInAsync(_server, "csc.practitioner");
        Assert.Equal(HttpStatusCode.Forbidden, (await practitioner.Http.GetAsync("/licensing/notices")).StatusCode);
    }

    [Fact]
    public async Task A_person_found_under_a_record_linked_into_another_joins_the_combined_record()
    {
        // The police's "Jayde Thornton" was linked into Jade's record by matching: intelligence naming Jayde is Jade's.
        var id = await SubmitAsync("youth.worker", "Jayde seen at the flat", "Jayde was seen going into the flat on Mill Road.");
        using var analyst = await SignedInClient.SignInAsync(_server, "police.analyst");
        await using var scope = _server.Scope();
        var db = scope.ServiceProvider.GetRequiredService<SafeguardDbContext>();
        var jayde = await db.People.AsNoTracking().SingleAsync(p => p.GivenName == "Jayde");
        Assert.NotNull(jayde.MergedIntoId);
        var peopleBefore = await db.People.CountAsync();
        Assert.Equal(HttpStatusCode.Redirect, (await AddPersonAsync(analyst, id, "Jayde", "Thornton", jayde.DateOfBirth, "Victim")).StatusCode);
        Assert.Equal(peopleBefore, await db.People.CountAsync());
        var named = await db.IntelligenceReferences.AsNoTracking().Where(r => r.ItemId == id && r.NodeKind == NodeKind.Person).Select(r => r.NodeId).SingleAsync();
        Assert.Equal(jayde.MergedIntoId!.Value.Value, named);
    }

    [Fact]
    public async Task The_partnership_sees_per_agency_how_much_intelligence_led_to_action()
    {
        using var scrutineer = await SignedInClient.SignInAsync(_server, "scrutineer");
        var page = await scrutineer.Http.GetStringAsync("/intelligence/responses");
        // The demo: the youth project acted on the one item it was sent; social care has not answered its one.
        Assert.Equal(["1", "1", "0", "0", "0", "0", "100%"], Row(page, "Riverside Youth Project"));
        Assert.Equal(["1", "0", "0", "0", "1", "1", "0%"], Row(page, "Northbridge Children&#x27;s Social Care"));
        Assert.DoesNotContain("Mill Road", page, StringComparison.Ordinal);
        using var practitioner = await SignedInClient.SignInAsync(_server, "youth.worker");
        Assert.Equal(HttpStatusCode.Forbidden, (await practitioner.Http.GetAsync("/intelligence/responses")).StatusCode);
    }

    [Fact]
    public async Task The_analyst_finds_the_demo_group_and_sees_why_its_members_are_grouped()
    {
        var amber = await _server.IdOfAsync("Amber");
        var seenBefore = await SeenInNetworkAsync(amber);
        using var analyst = await SignedInClient.SignInAsync(_server, "police.analyst");
        var groups = await analyst.Http.GetStringAsync("/intelligence/groups");
        Assert.Contains("Darren Hale, Lee Tanner", groups, StringComparison.Ordinal);
        Assert.Contains("Amber Lewis", groups, StringComparison.Ordinal);
        Assert.Contains("Jade Thornton", groups, StringComparison.Ordinal);
        // The list names children: each is in the access log as seen by the intelligence unit.
        Assert.Equal(seenBefore + 1, await SeenInNetworkAsync(amber));
        Assert.Equal("Saw the child in an intelligence network or suspected group", AccessActions.Describe(AccessActions.ViewNetwork));
        var darren = await _server.IdOfAsync("Darren");
        var group = WebUtility.HtmlDecode(await analyst.Http.GetStringAsync($"/intelligence/groups/{darren}"));
        Assert.Contains("Suspected group 1", group, StringComparison.Ordinal);
        // Lee and Jade share the private hire car. Darren and Lee: "knows" (0.4) and Darren's flat linked to the
        // takeaway Lee is seen at: 1/log2(3 links at the flat) x 1/log2(2 at the takeaway) = 0.63; 1.03 in all.
        Assert.Contains("both linked to NB68 TXA (white Toyota Prius)", group, StringComparison.Ordinal);
        Assert.Matches(new Regex(@"Darren Hale.*?Lee Tanner.*?1\.03.*?knows \(unconfirmed\); Flat 1, 41 Mill Road, NB2 5RT linked to Mill Road Takeaway", RegexOptions.Singleline), group);
        Assert.Contains("<script type=\"application/json\" id=\"network-data\">", group, StringComparison.Ordinal);
        // Filtered to confirmed links only, the unconfirmed acquaintance and tentative sightings fall away and so does the group.
        var confirmed = WebUtility.HtmlDecode(await analyst.Http.GetStringAsync($"/intelligence/groups/{darren}?Filter.Confidence=confirmed"));
        Assert.Contains("Darren Hale is not in a suspected group", confirmed, StringComparison.Ordinal);
        var badFilter = WebUtility.HtmlDecode(await analyst.Http.GetStringAsync($"/intelligence/network/{darren}?Filter.From.Day=31&Filter.From.Month=2&Filter.From.Year=2026&Filter.Kind=drove"));
        Assert.Contains("The first date must be a real date", badFilter, StringComparison.Ordinal);
        Assert.Contains("There is no kind of link called 'drove'", badFilter, StringComparison.Ordinal);
    }

    private static List<string> Row(string page, string agency)
    {
        var row = Regex.Match(page, $"<th scope=\"row\" class=\"govuk-table__header\">{Regex.Escape(agency)}</th>(.*?)</tr>", RegexOptions.Singleline);
        Assert.True(row.Success, $"No row for {agency}");
        return [.. Cell().Matches(row.Groups[1].Value).Select(m => m.Groups[1].Value.Trim())];
    }

    [GeneratedRegex("<td[^>]*>(.*?)</td>", RegexOptions.Singleline)]
    private static partial Regex Cell();

    private async Task<Id<IntelligenceItem>> SubmitAsync(string user, string title, string text)
    {
        using var client = await SignedInClient.SignInAsync(_server, user);
        var response = await client.PostFormAsync("/intelligence/submit", "/intelligence/submit", ("Input.Title", title), ("Input.Text", text));
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        await using var scope = _server.Scope();
        var db = scope.ServiceProvider.GetRequiredService<SafeguardDbContext>();
        return await db.IntelligenceItems.Where(i => i.Title == title).Select(i => i.Id).SingleAsync();
    }

    private static async Task GradeAsync(SignedInClient analyst, Id<IntelligenceItem> id, string source, string assessment, string handling, string? action, string? sanitisation,
        string? sanitised, string? originator = null)
    {
        var response = await analyst.PostFormAsync($"/intelligence/{id}/grade", $"/intelligence/{id}/grade",
            ("Input.Source", source), ("Input.Assessment", assessment), ("Input.Handling", handling), ("Input.Action", action ?? ""),
            ("Input.Sanitisation", sanitisation ?? ""), ("Input.Priority", "Medium"), ("Input.Sanitised", sanitised ?? ""), ("Input.OriginatorNote", originator ?? ""));
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
    }

    private static Task<HttpResponseMessage> AddPersonAsync(SignedInClient analyst, Id<IntelligenceItem> id, string given, string family, DateOnly? born, string role,
        params (string, string)[] more) =>
        analyst.PostFormAsync($"/intelligence/{id}/link?handler=AddPerson", $"/intelligence/{id}/link",
        [
            ("NewPerson.GivenName", given), ("NewPerson.FamilyName", family),
            ("NewPerson.DateOfBirth.Day", born?.Day.ToString(System.Globalization.CultureInfo.InvariantCulture) ?? ""),
            ("NewPerson.DateOfBirth.Month", born?.Month.ToString(System.Globalization.CultureInfo.InvariantCulture) ?? ""),
            ("NewPerson.DateOfBirth.Year", born?.Year.ToString(System.Globalization.CultureInfo.InvariantCulture) ?? ""),
            ("NewPerson.Role", role), ("NewPerson.LinkKind", "present-at"), ("NewPerson.Confidence", "Confirmed"), .. more,
        ]);

    private async Task<Guid> UserIdAsync(string user)
    {
        await using var scope = _server.Scope();
        var db = scope.ServiceProvider.GetRequiredService<SafeguardDbContext>();
        return await db.Users.Where(u => u.UserName == DemoPartnership.EmailOf(user)).Select(u => u.Id).SingleAsync();
    }

    private async Task<int> SeenInNetworkAsync(Id<Person> child)
    {
        await using var scope = _server.Scope();
        var db = scope.ServiceProvider.GetRequiredService<SafeguardDbContext>();
        return await db.AccessLog.CountAsync(e => e.Stream == Person.PersonStream(child) && e.Action == AccessActions.ViewNetwork && e.Basis == "IntelligenceUnit");
    }
}
