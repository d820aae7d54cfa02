using System.Globalization;
using System.Net.Http.Headers;
using System.Text;
using Microsoft.EntityFrameworkCore;
using Microsoft.Playwright;
using Safeguard.Web.Data;
using Safeguard.Web.Demo;
using Safeguard.Web.Tests.Infrastructure;

namespace Safeguard.Web.Tests.Browser;

/// <summary>
/// The casework pages the journey test does not pass through, each with axe in its ordinary and its error states:
/// possible matches for an adult, the front door's list of possible records, the countersignature, missing episodes,
/// an action's owner completing it, the concerns a user reported, and the review chronology's CSV.
/// </summary>
[Collection(BrowserCollection.Name)]
public sealed class CaseworkPagesTests(BrowserFixture browser) : IAsyncLifetime
{
    private SafeguardServer _server = null!;

    public async Task InitializeAsync()
    {
        _server = await SafeguardServer.StartAsync(settings: new Dictionary<string, string?> { ["Casework:MonitorInterval"] = "0", ["Email:PollInterval"] = "0" });
        // A first sign-in over HTTP warms the new server up, so a busy machine does not time the browser out.
        using var warm = await SignedInClient.SignInAsync(_server, "school.dsl");
        await warm.Http.GetStringAsync("/my-work");
    }

    public async Task DisposeAsync() => await _server.DisposeAsync();

    private async Task<IPage> SignInAsync(string user)
    {
        var page = await browser.NewPageAsync(_server);
        await page.SignInAsync(_server, DemoPartnership.EmailOf(user));
        return page;
    }

    [Fact]
    public async Task Every_other_casework_page_is_accessible_in_its_ordinary_and_error_states()
    {
        // An adult Safeguard knows, named in a concern about a child it does not.
        var page = await SignInAsync("school.dsl");
        await page.OpenAsync("/concerns/new");
        await page.GetByLabel("First name, or the name they use").FillAsync("Zoe");
        await page.GetByLabel("What did you see or hear?").FillAsync("Zoe's mother's partner collects her at lunchtime in a van.");
        var today = Features.Shared.UkTime.ToLocal(_server.Clock.GetUtcNow());
        await page.Locator("#Input_OccurredOn").FillAsync(today.Day.ToString(CultureInfo.InvariantCulture));
        await page.Locator("#Input_OccurredOn_Month").FillAsync(today.Month.ToString(CultureInfo.InvariantCulture));
        await page.Locator("#Input_OccurredOn_Year").FillAsync(today.Year.ToString(CultureInfo.InvariantCulture));
        await page.GetByLabel("Name or nickname (optional)").FillAsync("Karen Lewis");
        await page.Locator("#Input_ImmediateDanger-2").CheckAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Add another adult" }).ClickAsync();
        await Assertions.Expect(page.GetByText("Adult 2")).ToBeVisibleAsync();
        await Assertions.Expect(page.GetByLabel("Name or nickname (optional)").First).ToHaveValueAsync("Karen Lewis");
        await page.AssertAccessibleAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Send the concern" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Group, new() { Name = "Is this adult someone Safeguard already knows?" })).ToBeVisibleAsync();
        await page.AssertAccessibleAsync();
        await page.GetByLabel(new System.Text.RegularExpressions.Regex("^Karen Lewis")).CheckAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Send the concern" }).ClickAsync();
        await Assertions.Expect(page.Locator(".govuk-notification-banner--success")).ToContainTextAsync("Your reference is");
        await page.GetByRole(AriaRole.Link, new() { Name = "Concerns you have reported" }).ClickAsync();
        await Assertions.Expect(page.Locator("tbody")).ToContainTextAsync("Zoe");
        await page.AssertAccessibleAsync();

        // A partner system's concern about a child it could not identify, naming an adult the way round a child said
        // it: the front door sees the possible records, and matches the adult to the man partners know.
        using (var api = SignedInClient.Anonymous(_server))
        {
            api.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", DemoCasework.RiversideToken);
            var body = "{\"reporter\":{\"name\":\"Jess Moran\"},\"child\":{\"givenName\":\"Amber\",\"familyName\":\"Lewis\"},\"whatHappened\":\"Seen with Dean again.\",\"adults\":[{\"name\":\"Tanner Lee\"}],\"occurredAt\":\"" +
                _server.Clock.GetUtcNow().AddHours(-2).ToString("yyyy-MM-ddTHH:mm:ssZ", CultureInfo.InvariantCulture) + "\",\"immediateDanger\":false}";
            Assert.True((await api.PostAsync("/api/v1/concerns", new StringContent(body, Encoding.UTF8, "application/json"))).IsSuccessStatusCode);
        }
        page = await SignInAsync("mash.triage");
        await page.OpenAsync("/front-door");
        await page.Locator("tbody tr", new() { HasText = "Amber Lewis" }).GetByRole(AriaRole.Link).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Table, new() { Name = "Possible records" })).ToContainTextAsync("Possibly the same child (family name: exact; given name: exact)");
        await Assertions.Expect(page.GetByRole(AriaRole.Table, new() { Name = "Adult 1: Tanner Lee" })).ToContainTextAsync("Possibly the same person (given name: swapped with family name)");
        await page.AssertAccessibleAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Match adult 1 to Lee Tanner" }).ClickAsync();
        await Assertions.Expect(page.Locator(".govuk-notification-banner--success")).ToContainTextAsync("Adult 1 in this concern is matched to the record of Lee Tanner");
        await Assertions.Expect(page.Locator("main")).ToContainTextAsync("Matched to a record Safeguard holds");
        await page.GetByRole(AriaRole.Button, new() { Name = "Link to Amber Lewis" }).ClickAsync();
        await page.GetByRole(AriaRole.Link, new() { Name = "Decide" }).ClickAsync();
        await page.GetByLabel("No further action (a team manager countersigns)").CheckAsync();
        await page.GetByLabel("Reasons for the decision").FillAsync("Already known and open to the child exploitation team; added to her chronology.");
        await page.GetByRole(AriaRole.Button, new() { Name = "Record the decision" }).ClickAsync();
        await Assertions.Expect(page.Locator("main")).ToContainTextAsync("Waiting for a team manager");
        await page.AssertAccessibleAsync();

        page = await SignInAsync("csc.teammanager");
        await page.GetByRole(AriaRole.Link, new() { Name = "My work" }).ClickAsync();
        await page.GetByRole(AriaRole.Link, new() { NameRegex = new System.Text.RegularExpressions.Regex("^No further action on REF-") }).ClickAsync();
        await page.AssertAccessibleAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Record" }).ClickAsync();
        await Assertions.Expect(page.Locator(".govuk-error-summary")).ToContainTextAsync("Choose whether you countersign the decision");
        await page.AssertAccessibleAsync();
        await page.GetByLabel("Yes, countersign: no further action").CheckAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Record" }).ClickAsync();
        await Assertions.Expect(page.Locator(".govuk-notification-banner--success")).ToContainTextAsync("You countersigned no further action");
        await page.AssertAccessibleAsync();

        // Missing episodes: the list, reporting one (with its errors), and recording the return.
        Guid jade;
        await using (var scope = _server.Scope())
        {
            var db = scope.ServiceProvider.GetRequiredService<SafeguardDbContext>();
            jade = (await db.People.SingleAsync(p => p.GivenName == "Jade")).Id.Value;
        }
        page = await SignInAsync("csc.practitioner2");
        await page.OpenAsync($"/children/{jade}/missing");
        await Assertions.Expect(page.Locator("tbody")).ToContainTextAsync("Interview held late");
        await page.AssertAccessibleAsync();
        await page.GetByRole(AriaRole.Link, new() { Name = "Report a missing episode" }).ClickAsync();
        await page.AssertAccessibleAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Record" }).ClickAsync();
        await Assertions.Expect(page.Locator(".govuk-error-summary")).ToContainTextAsync("Choose whether the child has come back");
        await page.AssertAccessibleAsync();
        var went = Features.Shared.UkTime.ToLocal(_server.Clock.GetUtcNow().AddHours(-2));
        await page.Locator("#Input_WentMissingOn").FillAsync(went.Day.ToString(CultureInfo.InvariantCulture));
        await page.Locator("#Input_WentMissingOn_Month").FillAsync(went.Month.ToString(CultureInfo.InvariantCulture));
        await page.Locator("#Input_WentMissingOn_Year").FillAsync(went.Year.ToString(CultureInfo.InvariantCulture));
        await page.GetByLabel("Time", new() { Exact = true }).FillAsync(went.ToString("HH:mm", CultureInfo.InvariantCulture));
        await page.GetByLabel("What is known").FillAsync("Did not come back from school.");
        await page.GetByLabel("No, still missing").CheckAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Record" }).ClickAsync();
        await Assertions.Expect(page.Locator("tbody")).ToContainTextAsync("Still missing");
        await page.GetByRole(AriaRole.Link, new() { Name = "Record the return" }).ClickAsync();
        await page.AssertAccessibleAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Record the return" }).ClickAsync();
        await Assertions.Expect(page.Locator(".govuk-error-summary")).ToContainTextAsync("Enter the date of return");
        await page.AssertAccessibleAsync();

        // An action's owner completes it; the review chronology offers its CSV.
        Guid kayleigh;
        string visit;
        await using (var scope = _server.Scope())
        {
            var db = scope.ServiceProvider.GetRequiredService<SafeguardDbContext>();
            kayleigh = (await db.People.SingleAsync(p => p.GivenName == "Kayleigh")).Id.Value;
            visit = (await db.Actions.SingleAsync(a => a.Title == "Visit Kayleigh at home and see her alone")).Id.ToString();
        }
        page = await SignInAsync("csc.practitioner");
        await page.OpenAsync($"/actions/{visit}");
        await page.AssertAccessibleAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Mark as done" }).ClickAsync();
        await Assertions.Expect(page.Locator(".govuk-error-summary")).ToContainTextAsync("Enter what was done");
        await page.AssertAccessibleAsync();
        await page.GetByLabel("What was done").FillAsync("Seen alone at home. She talked about Dean and the parties.");
        await page.GetByRole(AriaRole.Button, new() { Name = "Mark as done" }).ClickAsync();
        await Assertions.Expect(page.Locator(".govuk-tag--green")).ToHaveTextAsync("Done");
        await page.OpenAsync($"/children/{kayleigh}/actions");
        await page.AssertAccessibleAsync();
        await page.OpenAsync($"/children/{kayleigh}/chronology/review?From.Day=1&From.Month=13&From.Year=2026");
        await Assertions.Expect(page.Locator(".govuk-error-summary")).ToContainTextAsync("The start of the period must be a real date");
        await page.AssertAccessibleAsync();
        await page.OpenAsync($"/children/{kayleigh}/chronology/review");
        var download = await page.RunAndWaitForDownloadAsync(() => page.GetByRole(AriaRole.Link, new() { Name = "Download as CSV" }).ClickAsync());
        var csv = Path.Combine(_server.DataDirectory, "review.csv");
        await download.SaveAsAsync(csv);
        Assert.Equal([0xEF, 0xBB, 0xBF], (await File.ReadAllBytesAsync(csv))[..3]); // so spreadsheets read UTF-8
        var lines = await File.ReadAllLinesAsync(csv);
        Assert.Equal("When (UK time),Agency,Kind,What happened,Recorded by,Did not happen", lines[0]);
        Assert.Contains(lines, l => l.Contains("Action overdue", StringComparison.Ordinal) && l.EndsWith(",yes", StringComparison.Ordinal));
        Assert.Contains(lines, l => l.Contains(",Action completed,", StringComparison.Ordinal));
    }
}
