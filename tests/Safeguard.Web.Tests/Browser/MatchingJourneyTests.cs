using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Microsoft.Playwright;
using Safeguard.Web.Data;
using Safeguard.Web.Data.Model;
using Safeguard.Web.Demo;
using Safeguard.Web.Tests.Infrastructure;

namespace Safeguard.Web.Tests.Browser;

/// <summary>
/// Real-time matching as people meet it: recording a child already held, recording one who may be held and saying
/// it is someone else, the front door comparing the two and linking them, undoing the link, and a police officer whose
/// record was linked into a child another agency holds seeing only their own (docs/adr/0012). axe on every page.
/// </summary>
[Collection(BrowserCollection.Name)]
public sealed class MatchingJourneyTests(BrowserFixture browser) : IAsyncLifetime
{
    private SafeguardServer _server = null!;

    public async Task InitializeAsync() => _server = await SafeguardServer.StartAsync();

    public async Task DisposeAsync() => await _server.DisposeAsync();

    [Fact]
    public async Task Intake_shows_likely_matches_the_front_door_links_a_possible_one_side_by_side_and_undoes_it()
    {
        var page = await browser.NewPageAsync(_server);
        await page.SignInAsync(_server, DemoPartnership.EmailOf("csc.practitioner"));

        // Recording Amber again: the page finds her before anyone is created, and her record is one click away.
        await page.OpenAsync("/children");
        await page.GetByRole(AriaRole.Link, new() { Name = "Record a new child or adult" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Record a new child or adult" })).ToBeVisibleAsync();
        await page.AssertAccessibleAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Continue" }).ClickAsync();
        var summary = page.Locator(".govuk-error-summary");
        await Assertions.Expect(summary).ToContainTextAsync("Select whether you are recording a child or an adult");
        await Assertions.Expect(summary).ToContainTextAsync("Enter a family name");
        await Assertions.Expect(summary).ToContainTextAsync("Enter what your agency's work with them is");
        await page.AssertAccessibleAsync();

        var amber = await PersonAsync("Amber");
        await FillAsync(page, "Amber", "Lewis", amber.DateOfBirth, "Female", "14 Canal Street", "NB3 4QT");
        await page.GetByRole(AriaRole.Button, new() { Name = "Continue" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Check whether we already hold this person" })).ToBeVisibleAsync();
        var card = page.Locator(".govuk-summary-card", new() { HasText = "Amber Lewis" });
        await Assertions.Expect(card).ToContainTextAsync("Almost certainly the same person");
        await Assertions.Expect(card).ToContainTextAsync("Date of birth: exact");
        await Assertions.Expect(card).ToContainTextAsync("Riverside Youth Project");
        await page.AssertAccessibleAsync();
        await card.GetByRole(AriaRole.Link, new() { Name = "Open the record of Amber Lewis" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Amber Lewis", Level = 1 })).ToBeVisibleAsync();
        Assert.Equal(1, await QueryAsync(db => db.People.CountAsync(p => p.GivenName == "Amber")));

        // Ewa, known only to health, with a year typed wrong: possibly her. Sam cannot open her
        // record, so the page says only what agrees and who knows her; Sam says it is someone else and creates.
        var ewa = await PersonAsync("Ewa");
        var born = ewa.DateOfBirth!.Value;
        await page.OpenAsync("/people/new");
        await FillAsync(page, "Ewa", "Nowak", born.AddYears(born.Year % 10 == 9 ? -1 : 1), "Female", null, null);
        await page.GetByRole(AriaRole.Button, new() { Name = "Continue" }).ClickAsync();
        card = page.Locator(".govuk-summary-card", new() { HasText = "Ewa Nowak" });
        await Assertions.Expect(card).ToContainTextAsync("Possibly the same person");
        await Assertions.Expect(card).ToContainTextAsync("Date of birth: one digit off");
        await Assertions.Expect(card.GetByRole(AriaRole.Link, new() { Name = "Ask for access to the record of Ewa Nowak" })).ToBeVisibleAsync();
        await Assertions.Expect(card.GetByRole(AriaRole.Link, new() { Name = "Open the record of Ewa Nowak" })).ToHaveCountAsync(0);
        await page.AssertAccessibleAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "None of these: create a new record" }).ClickAsync();
        await Assertions.Expect(page.Locator(".govuk-notification-banner")).ToContainTextAsync("the front door will check it");
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Ewa Nowak", Level = 1 })).ToBeVisibleAsync();
        await Assertions.Expect(page.Locator("main")).ToContainTextAsync("may be this same person");
        await page.AssertAccessibleAsync();
        var created = await QueryAsync(db => db.People.Where(p => p.GivenName == "Ewa" && p.CreatedAt > ewa.CreatedAt).Select(p => p.Id).SingleAsync());
        await page.SignOutAsync();

        // The front door compares the two side by side, field by field, and decides.
        await page.SignInAsync(_server, DemoPartnership.EmailOf("mash.triage"));
        await page.GetByRole(AriaRole.Link, new() { Name = "Possible matches" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Possible matches", Level = 1 })).ToBeVisibleAsync();
        await Assertions.Expect(page.Locator("main")).ToContainTextAsync("Ayesha Khan");
        await Assertions.Expect(page.Locator("main")).ToContainTextAsync("Jayde Thornton");
        await page.AssertAccessibleAsync();
        await page.GetByRole(AriaRole.Link, new() { Name = "Compare Ewa Nowak with Ewa Nowak" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Compare two records" })).ToBeVisibleAsync();
        var explanation = page.Locator("table", new() { HasText = "Evidence (bits)" });
        await Assertions.Expect(explanation.Locator("tr", new() { HasText = "Date of birth" })).ToContainTextAsync("one digit off");
        await Assertions.Expect(page.Locator("table", new() { HasText = "Record already held" }).First).ToContainTextAsync("Northbridge Health NHS Trust");
        await page.AssertAccessibleAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Record decision" }).ClickAsync();
        await Assertions.Expect(page.Locator(".govuk-error-summary")).ToContainTextAsync("Select whether these are the same person or different people");
        await Assertions.Expect(page.Locator(".govuk-error-summary")).ToContainTextAsync("Enter the reason for your decision");
        await page.AssertAccessibleAsync();
        await page.GetByLabel("The same person: link the records").CheckAsync();
        await page.GetByLabel("Why?").FillAsync("Same school, and the nurse says her date of birth was misheard.");
        await page.GetByRole(AriaRole.Button, new() { Name = "Record decision" }).ClickAsync();
        await Assertions.Expect(page.Locator(".govuk-notification-banner")).ToContainTextAsync("are now linked as one person");
        await page.AssertAccessibleAsync();
        Assert.Equal(ewa.Id, await QueryAsync(db => db.People.Where(p => p.Id == created).Select(p => p.MergedIntoId).SingleAsync()));
        Assert.True(await QueryAsync(db => db.AccessLog.AnyAsync(e => e.Stream == Person.PersonStream(ewa.Id) && e.Action == "match-review" && e.Basis == "FrontDoor")));

        // And undoes it: a reason is required; then the two are as they were.
        await page.GetByRole(AriaRole.Link, new() { Name = "Undo the link between Ewa Nowak and Ewa Nowak" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Undo a link" })).ToBeVisibleAsync();
        await page.AssertAccessibleAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Undo the link" }).ClickAsync();
        await Assertions.Expect(page.Locator(".govuk-error-summary")).ToContainTextAsync("Enter why these are not the same person");
        await page.AssertAccessibleAsync();
        await page.GetByLabel("Why are they not the same person?").FillAsync("The school confirms two different girls: the new record is her cousin.");
        await page.GetByRole(AriaRole.Button, new() { Name = "Undo the link" }).ClickAsync();
        await Assertions.Expect(page.Locator(".govuk-notification-banner")).ToContainTextAsync("separate records again");
        await page.AssertAccessibleAsync();
        Assert.Null(await QueryAsync(db => db.People.Where(p => p.Id == created).Select(p => p.MergedIntoId).SingleAsync()));
        Assert.True(await QueryAsync(db => db.Ledger.AnyAsync(e => e.Type == "PersonMerge.changed" && e.Payload.Contains("her cousin"))));
    }

    [Fact]
    public async Task An_officer_whose_record_was_linked_into_a_child_another_agency_holds_sees_only_their_own_and_the_childs_workers_see_both()
    {
        var jade = await PersonAsync("Jade");
        var jayde = await PersonAsync("Jayde");
        Assert.Equal(jade.Id, jayde.MergedIntoId);

        // The police's record was linked into Jade's by matching: a link never widens access, so the officer stays on
        // their own record, sees nothing of Jade's, and is told how to ask.
        var page = await browser.NewPageAsync(_server);
        await page.SignInAsync(_server, DemoPartnership.EmailOf("police.officer"));
        var own = await page.OpenAsync($"/children/{jayde.Id}");
        Assert.Equal(200, own!.Status);
        Assert.EndsWith($"/children/{jayde.Id}", page.Url, StringComparison.Ordinal);
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Jayde Thornton", Level = 1 })).ToBeVisibleAsync();
        await Assertions.Expect(page.Locator("#closed-records")).ToContainTextAsync("appears to be known to another agency");
        await Assertions.Expect(page.Locator("main")).Not.ToContainTextAsync("Self-harm disclosed to school nurse");
        await Assertions.Expect(page.Locator("main")).Not.ToContainTextAsync("Looked after child");
        await page.AssertAccessibleAsync();
        await page.GetByRole(AriaRole.Link, new() { Name = "Chronology", Exact = true }).ClickAsync();
        await Assertions.Expect(page.Locator("tbody")).ToContainTextAsync("Missing from care case opened");
        await Assertions.Expect(page.Locator("tbody")).Not.ToContainTextAsync("Placement reports three late returns");
        Assert.Equal(404, (await page.OpenAsync($"/children/{jade.Id}"))!.Status);
        await page.OpenAsync($"/children/{jayde.Id}");
        await page.Locator("#closed-records").GetByRole(AriaRole.Link, new() { Name = "ask for access" }).ClickAsync();
        await page.ArriveAtAsync($"**/children/{jade.Id}/request-access");
        await page.AssertAccessibleAsync();

        // Jade's social worker follows the police's record to the combined record, which shows both.
        await page.SignOutAsync();
        await page.SignInAsync(_server, DemoPartnership.EmailOf("csc.practitioner2"));
        await page.OpenAsync($"/children/{jayde.Id}");
        await page.ArriveAtAsync($"**/children/{jade.Id}");
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Jade Thornton", Level = 1 })).ToBeVisibleAsync();
        await Assertions.Expect(page.Locator(".govuk-inset-text").First).ToContainTextAsync("has been linked with this one as the same person");
        await Assertions.Expect(page.Locator("main")).ToContainTextAsync("Also recorded as");
        await Assertions.Expect(page.Locator("main")).ToContainTextAsync("Jayde Thornton");
        await Assertions.Expect(page.Locator("main")).ToContainTextAsync("Self-harm disclosed to school nurse");
        await page.AssertAccessibleAsync();
        await page.GetByRole(AriaRole.Link, new() { Name = "Chronology", Exact = true }).ClickAsync();
        await Assertions.Expect(page.Locator("tbody")).ToContainTextAsync("Missing from care case opened");
        await Assertions.Expect(page.Locator("tbody")).ToContainTextAsync("Placement reports three late returns");
        await page.AssertAccessibleAsync();

        // Someone with no relationship to either record gets the same answer for both ids: not found.
        await page.SignOutAsync();
        await page.SignInAsync(_server, DemoPartnership.EmailOf("school.dsl"));
        var refused = await page.OpenAsync($"/children/{jayde.Id}");
        Assert.Equal(404, refused!.Status);
        Assert.EndsWith($"/children/{jayde.Id}", page.Url, StringComparison.Ordinal);
        await page.AssertAccessibleAsync();
    }

    private static async Task FillAsync(IPage page, string given, string family, DateOnly? born, string sex, string? line1, string? postcode)
    {
        await page.GetByLabel("A child (under 18)").CheckAsync();
        await page.GetByLabel("First name").FillAsync(given);
        await page.GetByLabel("Family name").FillAsync(family);
        if (born is { } d)
        {
            await page.GetByLabel("Day").FillAsync(d.Day.ToString(CultureInfo.InvariantCulture));
            await page.GetByLabel("Month").FillAsync(d.Month.ToString(CultureInfo.InvariantCulture));
            await page.GetByLabel("Year").FillAsync(d.Year.ToString(CultureInfo.InvariantCulture));
        }
        await page.GetByLabel("Sex").SelectOptionAsync(sex);
        if (line1 is not null)
        {
            await page.GetByLabel("Address line 1 (optional)").FillAsync(line1);
        }
        if (postcode is not null)
        {
            await page.GetByLabel("Postcode (optional)").FillAsync(postcode);
        }
        await page.GetByLabel("What is your agency's work with them?").FillAsync("Child in need");
    }

    private async Task<Person> PersonAsync(string givenName) =>
        await QueryAsync(db => db.People.AsNoTracking().OrderBy(p => p.CreatedAt).FirstAsync(p => p.GivenName == givenName));

    private async Task<T> QueryAsync<T>(Func<SafeguardDbContext, Task<T>> query)
    {
        await using var scope = _server.Scope();
        return await query(scope.ServiceProvider.GetRequiredService<SafeguardDbContext>());
    }
}
