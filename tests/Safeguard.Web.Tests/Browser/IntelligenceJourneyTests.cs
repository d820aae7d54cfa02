using Microsoft.EntityFrameworkCore;
using Microsoft.Playwright;
using Safeguard.Web.Data;
using Safeguard.Web.Demo;
using Safeguard.Web.Tests.Infrastructure;

namespace Safeguard.Web.Tests.Browser;

/// <summary>
/// Issue 5's path in a real browser, with axe on every page: a youth worker gives information about a car, the
/// intelligence unit grades and links it, the analyst sees the suspected group on the chart and in the table, a
/// disruption plan is made, and a suspect with no plan is on the "identified, not disrupted" list by owner.
/// </summary>
[Collection(BrowserCollection.Name)]
public sealed class IntelligenceJourneyTests(BrowserFixture browser) : IAsyncLifetime
{
    private SafeguardServer _server = null!;

    public async Task InitializeAsync() => _server = await SafeguardServer.StartAsync();

    public async Task DisposeAsync() => await _server.DisposeAsync();

    [Fact]
    public async Task A_car_seen_by_a_youth_worker_becomes_graded_linked_intelligence_a_suspected_group_and_a_disruption_plan()
    {
        var page = await browser.NewPageAsync(_server);
        var blocked = WatchForPolicyViolations(page);

        // The youth worker gives information. A mistyped registration is explained and what was typed is kept.
        await page.SignInAsync(_server, DemoPartnership.EmailOf("youth.worker"));
        await page.AssertAccessibleAsync();
        await page.GetByRole(AriaRole.Link, new() { Name = "Give information to the intelligence unit" }).ClickAsync();
        await page.AssertAccessibleAsync();
        await page.GetByLabel("In a few words, what is this about?").FillAsync("Silver car back outside the project");
        await page.GetByLabel("What did you see or hear?").FillAsync("Kayleigh got into the silver car at 21:15. Two men inside; the passenger called himself Connor.");
        await page.GetByLabel("Where did it happen? (optional)").FillAsync("Outside Riverside Youth Project");
        await page.GetByLabel("Is it about a child your agency works with? (optional)").SelectOptionAsync(new SelectOptionValue { Label = "Kayleigh Shaw" });
        await page.GetByLabel("Vehicle registration marks (optional)").FillAsync("NB19/KXE");
        await page.GetByRole(AriaRole.Button, new() { Name = "Send to the intelligence unit" }).ClickAsync();
        await Assertions.Expect(page.Locator(".govuk-error-summary")).ToContainTextAsync("'NB19/KXE' is not a registration mark");
        await Assertions.Expect(page.GetByLabel("Vehicle registration marks (optional)")).ToHaveValueAsync("NB19/KXE");
        await page.AssertAccessibleAsync();
        await page.GetByLabel("Vehicle registration marks (optional)").FillAsync("nb19 kxe");
        await page.GetByRole(AriaRole.Button, new() { Name = "Send to the intelligence unit" }).ClickAsync();
        await Assertions.Expect(page.Locator(".govuk-notification-banner")).ToContainTextAsync("The intelligence unit has your information");
        await Assertions.Expect(page.Locator("tbody")).ToContainTextAsync("Silver car back outside the project");
        await page.AssertAccessibleAsync();
        await page.SignOutAsync();

        // The intelligence unit grades it: an incomplete grade is refused with the values allowed.
        await page.SignInAsync(_server, DemoPartnership.EmailOf("police.analyst"));
        await page.GetByRole(AriaRole.Link, new() { Name = "Intelligence", Exact = true }).ClickAsync();
        await page.AssertAccessibleAsync();
        await page.GetByRole(AriaRole.Link, new() { Name = "Silver car back outside the project" }).ClickAsync();
        await Assertions.Expect(page.Locator("main")).ToContainTextAsync("Jess Moran, Riverside Youth Project");
        await page.AssertAccessibleAsync();
        await page.GetByRole(AriaRole.Link, new() { Name = "Grade it" }).ClickAsync();
        await page.AssertAccessibleAsync();
        await page.GetByLabel("C: Lawful sharing permitted with conditions").CheckAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Save grade" }).ClickAsync();
        await Assertions.Expect(page.Locator(".govuk-error-summary")).ToContainTextAsync("Choose the source evaluation: 1 (reliable), 2 (untested) or 3 (not reliable)");
        await Assertions.Expect(page.Locator(".govuk-error-summary")).ToContainTextAsync("Handling C must state an action code");
        await page.AssertAccessibleAsync();
        await page.GetByLabel("2: Untested").CheckAsync();
        await page.GetByLabel("B: Known indirectly to the source but corroborated").CheckAsync();
        await page.GetByLabel("P: Lawful sharing permitted", new() { Exact = true }).CheckAsync();
        await page.GetByLabel("High: threat to life, serious harm or imminent risk").CheckAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Save grade" }).ClickAsync();
        await Assertions.Expect(page.Locator(".govuk-tag")).ToContainTextAsync("Graded 2B P");
        await page.AssertAccessibleAsync();

        // ... and links it: the child the worker named, the car already on record, and a new suspect who rode in it.
        await page.GetByRole(AriaRole.Link, new() { Name = "Link to POLE records" }).ClickAsync();
        await page.AssertAccessibleAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Link Kayleigh Shaw as a victim" }).ClickAsync();
        await Assertions.Expect(page.Locator(".govuk-notification-banner")).ToContainTextAsync("Kayleigh Shaw is linked as victim");
        var vehicle = Details(page, "A vehicle");
        await vehicle.Locator("summary").ClickAsync();
        await vehicle.GetByLabel("Registration mark").FillAsync("nb19 kxe");
        await vehicle.GetByRole(AriaRole.Button, new() { Name = "Add the vehicle" }).ClickAsync();
        await Assertions.Expect(page.Locator(".govuk-notification-banner")).ToContainTextAsync("Vehicle NB19 KXE is linked");
        var person = Details(page, "A person");
        await person.Locator("summary").ClickAsync();
        await person.GetByLabel("First name").FillAsync("Connor");
        await person.GetByLabel("Family name").FillAsync("Price");
        await person.GetByLabel("Suspect").CheckAsync();
        await person.GetByRole(AriaRole.Button, new() { Name = "Add the person" }).ClickAsync();
        await Assertions.Expect(page.Locator(".govuk-notification-banner")).ToContainTextAsync("Connor Price is linked as suspect");
        var link = Details(page, "A link between two of these records");
        await link.Locator("summary").ClickAsync();
        await link.GetByLabel("From").SelectOptionAsync(new SelectOptionValue { Label = "Connor Price (Person)" });
        await link.GetByLabel("Kind of link").SelectOptionAsync(new SelectOptionValue { Label = "travelled in" });
        await link.GetByLabel("To", new() { Exact = true }).SelectOptionAsync(new SelectOptionValue { Label = "NB19 KXE (silver Vauxhall Astra) (Vehicle)" });
        await link.GetByLabel("Confirmed", new() { Exact = true }).CheckAsync();
        await link.GetByRole(AriaRole.Button, new() { Name = "Add the link" }).ClickAsync();
        await Assertions.Expect(page.Locator(".govuk-notification-banner")).ToContainTextAsync("Connor Price travelled in NB19 KXE");
        await Assertions.Expect(page.Locator("table").Nth(1)).ToContainTextAsync("travelled in");
        await page.AssertAccessibleAsync();

        // The suspected group now holds the new suspect and the child, on the chart and in the table.
        await page.GetByRole(AriaRole.Link, new() { Name = "Intelligence", Exact = true }).ClickAsync();
        await page.GetByRole(AriaRole.Link, new() { Name = "Suspected groups" }).ClickAsync();
        var groupRow = page.Locator("tbody tr", new() { HasText = "Connor Price" });
        await Assertions.Expect(groupRow).ToContainTextAsync("Darren Hale");
        await Assertions.Expect(groupRow).ToContainTextAsync("Kayleigh Shaw");
        await page.AssertAccessibleAsync();
        await groupRow.GetByRole(AriaRole.Link).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Suspected group 1", Level = 1 })).ToBeVisibleAsync();
        await Assertions.Expect(page.Locator("#network-chart")).ToHaveAttributeAsync("data-ready", "true");
        await Assertions.Expect(page.Locator("#network-chart canvas").First).ToBeAttachedAsync();
        await Assertions.Expect(page.Locator("#network-nodes")).ToContainTextAsync("Connor Price");
        await Assertions.Expect(page.Locator("#group-ties")).ToContainTextAsync("both linked to NB19 KXE (silver Vauxhall Astra)");
        await page.AssertAccessibleAsync();

        // Connor's own network, filtered on the server to the links by which people travelled.
        await page.Locator("#network-nodes").GetByRole(AriaRole.Link, new() { Name = "Connor Price" }).ClickAsync();
        await Assertions.Expect(page.Locator("#network-chart")).ToHaveAttributeAsync("data-ready", "true");
        await page.AssertAccessibleAsync();
        await page.Locator("summary", new() { HasText = "Filter by date, kind of link and confidence" }).ClickAsync();
        await page.GetByLabel("travelled in").CheckAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Apply filters" }).ClickAsync();
        await Assertions.Expect(page.Locator("#network-links tbody tr")).ToHaveCountAsync(1);
        await Assertions.Expect(page.Locator("#network-links")).ToContainTextAsync("Connor Price");
        await page.AssertAccessibleAsync();

        // Disruption: Connor is identified and not disrupted until a plan is made; Lee Tanner stays on the list by owner.
        await page.GetByRole(AriaRole.Link, new() { Name = "Disruption", Exact = true }).ClickAsync();
        var notDisrupted = page.Locator("table", new() { HasText = "with no plan, or no activity on their plan" });
        await Assertions.Expect(notDisrupted.Locator("tr", new() { HasText = "Connor Price" })).ToContainTextAsync("Owen Price");
        await page.AssertAccessibleAsync();
        await notDisrupted.GetByRole(AriaRole.Link, new() { Name = "Connor Price" }).ClickAsync();
        await page.AssertAccessibleAsync();
        await page.GetByLabel("Who owns the plan?").SelectOptionAsync(new SelectOptionValue { Label = "Northbridge Police: Detective Constable Laura Briggs" });
        await page.GetByRole(AriaRole.Button, new() { Name = "Make the plan" }).ClickAsync();
        await Assertions.Expect(page.Locator(".govuk-notification-banner")).ToContainTextAsync("The disruption plan is made");
        await page.GetByLabel("Tactic", new() { Exact = true }).SelectOptionAsync(new SelectOptionValue { Label = "Child Abduction Warning Notice" });
        await page.GetByRole(AriaRole.Button, new() { Name = "Add the tactic" }).ClickAsync();
        await Assertions.Expect(page.Locator("tbody")).ToContainTextAsync("Child Abduction Warning Notice");
        await page.AssertAccessibleAsync();
        await page.GetByRole(AriaRole.Link, new() { Name = "All identified suspects" }).ClickAsync();
        var lee = page.Locator("#not-disrupted + table tr", new() { HasText = "Lee Tanner" });
        await Assertions.Expect(lee).ToContainTextAsync("No disruption plan");
        await Assertions.Expect(lee).ToContainTextAsync("Detective Constable Laura Briggs");
        await Assertions.Expect(page.Locator("#not-disrupted + table")).Not.ToContainTextAsync("Connor Price");
        await Assertions.Expect(page.Locator("table", new() { HasText = "Next activity due" })).ToContainTextAsync("Connor Price");
        await page.AssertAccessibleAsync();

        Assert.Empty(blocked);
        await using var scope = _server.Scope();
        var db = scope.ServiceProvider.GetRequiredService<SafeguardDbContext>();
        var item = await db.IntelligenceItems.SingleAsync(i => i.Title == "Silver car back outside the project");
        Assert.True(await db.Ledger.AnyAsync(e => e.Stream == $"intelligence/{item.Id}" && e.Type == "IntelligenceItem.changed" && e.Payload.Contains("Untested")));
        Assert.True(await db.AccessLog.AnyAsync(e => e.Stream == $"intelligence/{item.Id}" && e.Action == "view-intelligence"));
    }

    [Fact]
    public async Task Every_other_intelligence_page_passes_axe_for_the_people_who_use_it_error_states_included()
    {
        var page = await browser.NewPageAsync(_server);
        var blocked = WatchForPolicyViolations(page);

        // Social care reads the sanitised version of the police's handling-C item and must say what it did.
        await page.SignInAsync(_server, DemoPartnership.EmailOf("csc.practitioner"));
        await Assertions.Expect(page.Locator("main")).ToContainTextAsync("passed to your agency waiting for an action or decision");
        await page.AssertAccessibleAsync();
        await page.GetByRole(AriaRole.Link, new() { Name = "Intelligence", Exact = true }).ClickAsync();
        await page.AssertAccessibleAsync();
        await page.GetByRole(AriaRole.Link, new() { Name = "Amber was found late at night" }).ClickAsync();
        await Assertions.Expect(page.Locator("main")).ToContainTextAsync("Police believe other girls are taken there");
        await Assertions.Expect(page.Locator("main")).Not.ToContainTextAsync("neighbour");
        await page.AssertAccessibleAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Record" }).ClickAsync();
        await Assertions.Expect(page.Locator(".govuk-error-summary")).ToContainTextAsync("Choose what became of this information");
        await page.AssertAccessibleAsync();
        await page.GetByLabel("Action taken").CheckAsync();
        await page.GetByLabel("What was done, or why no action").FillAsync("Safety plan updated; strategy discussion booked.");
        await page.GetByRole(AriaRole.Button, new() { Name = "Record" }).ClickAsync();
        await Assertions.Expect(page.Locator(".govuk-notification-banner")).ToContainTextAsync("is recorded");
        await page.AssertAccessibleAsync();
        await page.OpenAsync("/intelligence/escalated");
        await page.AssertAccessibleAsync();
        await page.OpenAsync("/intelligence/submitted");
        await page.AssertAccessibleAsync();
        await page.SignOutAsync();

        // The partnership's view: figures by agency, the funnel, and what has climbed to it.
        await page.SignInAsync(_server, DemoPartnership.EmailOf("partnership.admin"));
        await page.OpenAsync("/intelligence/responses");
        await Assertions.Expect(page.Locator("tbody")).ToContainTextAsync("Riverside Youth Project");
        await page.AssertAccessibleAsync();
        await page.OpenAsync("/disruption");
        await Assertions.Expect(page.Locator("tbody").First).ToContainTextAsync("2");
        await page.AssertAccessibleAsync();
        await page.OpenAsync("/intelligence/escalated");
        await Assertions.Expect(page.Locator("main")).ToContainTextAsync("Lee Tanner: identified, not disrupted");
        await page.AssertAccessibleAsync();
        await page.SignOutAsync();

        // Licensing: the notice about the private hire driver, acknowledged after a refused empty note.
        await page.SignInAsync(_server, DemoPartnership.EmailOf("licensing.officer"));
        await page.GetByRole(AriaRole.Link, new() { Name = "licensing notice from the intelligence unit waiting" }).ClickAsync();
        await Assertions.Expect(page.Locator(".govuk-summary-card")).ToContainTextAsync("Lee Tanner");
        await page.AssertAccessibleAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Acknowledge the notice about Lee Tanner" }).ClickAsync();
        await Assertions.Expect(page.Locator(".govuk-error-summary")).ToContainTextAsync("Enter what licensing is doing");
        await page.AssertAccessibleAsync();
        await page.GetByLabel("What is licensing doing about it?").FillAsync("Licensing review opened; driver suspended pending the review.");
        await page.GetByRole(AriaRole.Button, new() { Name = "Acknowledge the notice about Lee Tanner" }).ClickAsync();
        await Assertions.Expect(page.Locator("main")).ToContainTextAsync("Licensing review opened");
        await page.AssertAccessibleAsync();
        await page.SignOutAsync();

        // The unit: routing refused and then done; a plan's tactic updated, with its error states; a place's network.
        await page.SignInAsync(_server, DemoPartnership.EmailOf("police.analyst"));
        var aisha = await ItemIdAsync("Aisha seen near the bus station with older men");
        await page.OpenAsync($"/intelligence/{aisha}/route");
        await page.AssertAccessibleAsync();
        await page.GetByLabel("Who should own the response?").SelectOptionAsync(new SelectOptionValue { Label = "Northbridge Schools: Mark Fenton, Designated safeguarding lead" });
        await page.GetByRole(AriaRole.Button, new() { Name = "Route it" }).ClickAsync();
        await Assertions.Expect(page.Locator(".govuk-error-summary")).ToContainTextAsync("Grade the intelligence before routing it");
        await page.AssertAccessibleAsync();
        var darren = await PersonIdAsync("Darren");
        await page.OpenAsync($"/disruption/{darren}");
        await page.AssertAccessibleAsync();
        await page.Locator("summary", new() { HasText = "Update a tactic" }).ClickAsync();
        await page.GetByLabel("Tactic", new() { Exact = true }).Last.SelectOptionAsync(new SelectOptionValue { Label = "Closure notice or order for premises (in progress)" });
        var update = Details(page, "Update a tactic");
        await update.GetByLabel("Done", new() { Exact = true }).CheckAsync();
        await update.GetByRole(AriaRole.Button, new() { Name = "Update the tactic" }).ClickAsync();
        await Assertions.Expect(page.Locator(".govuk-error-summary")).ToContainTextAsync("Enter the date it was done");
        await page.AssertAccessibleAsync();
        await page.Locator("summary", new() { HasText = "Close the plan" }).ClickAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Close the plan" }).ClickAsync();
        await Assertions.Expect(page.Locator(".govuk-error-summary")).ToContainTextAsync("Enter why the plan is closing");
        await page.AssertAccessibleAsync();
        await page.OpenAsync($"/intelligence/network/{darren}");
        await page.Locator("#network-nodes").GetByRole(AriaRole.Link, new() { Name = "Flat 1, 41 Mill Road, NB2 5RT" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Flat 1, 41 Mill Road, NB2 5RT", Level = 1 })).ToBeVisibleAsync();
        await Assertions.Expect(page.Locator("#network-chart")).ToHaveAttributeAsync("data-ready", "true");
        await page.AssertAccessibleAsync();
        await page.OpenAsync($"/intelligence/network/{darren}?Filter.To.Day=1&Filter.To.Month=13&Filter.To.Year=2026");
        await Assertions.Expect(page.Locator(".govuk-error-summary")).ToContainTextAsync("The last date must be a real date");
        await page.AssertAccessibleAsync();
        Assert.Empty(blocked);
    }

    private async Task<Safeguard.Core.Id<Safeguard.Web.Data.Model.IntelligenceItem>> ItemIdAsync(string title)
    {
        await using var scope = _server.Scope();
        var db = scope.ServiceProvider.GetRequiredService<SafeguardDbContext>();
        return await db.IntelligenceItems.Where(i => i.Title == title).Select(i => i.Id).SingleAsync();
    }

    private async Task<Safeguard.Core.Id<Safeguard.Web.Data.Model.Person>> PersonIdAsync(string given)
    {
        await using var scope = _server.Scope();
        var db = scope.ServiceProvider.GetRequiredService<SafeguardDbContext>();
        return await db.People.Where(p => p.GivenName == given).Select(p => p.Id).SingleAsync();
    }

    private static ILocator Details(IPage page, string summary) =>
        page.Locator("details", new() { Has = page.Locator("summary", new() { HasTextRegex = new System.Text.RegularExpressions.Regex($"^\\s*{summary}\\s*$") }) });

    /// <summary>Console reports of anything the Content-Security-Policy blocked (an inline style or script would be).</summary>
    private static List<string> WatchForPolicyViolations(IPage page)
    {
        var blocked = new List<string>();
        page.Console += (_, message) =>
        {
            if (message.Text.Contains("Content Security Policy", StringComparison.OrdinalIgnoreCase))
            {
                blocked.Add(message.Text);
            }
        };
        return blocked;
    }
}
