using Microsoft.EntityFrameworkCore;
using Microsoft.Playwright;
using Safeguard.Web.Data;
using Safeguard.Web.Data.Model;
using Safeguard.Web.Demo;
using Safeguard.Web.Tests.Infrastructure;

namespace Safeguard.Web.Tests.Browser;

/// <summary>The foundation as a practitioner and their manager use it, in a real browser, with axe on every page.</summary>
[Collection(BrowserCollection.Name)]
public sealed class FoundationJourneyTests(BrowserFixture browser) : IAsyncLifetime
{
    private SafeguardServer _server = null!;

    public async Task InitializeAsync() => _server = await SafeguardServer.StartAsync();

    public async Task DisposeAsync() => await _server.DisposeAsync();

    [Fact]
    public async Task A_practitioner_finds_a_child_reads_the_record_is_refused_elsewhere_and_breaks_the_glass_for_their_manager_to_review()
    {
        var page = await browser.NewPageAsync(_server);

        // Sign in: every page but the allow-list sends an anonymous visitor to sign in.
        await page.OpenAsync("/children");
        await page.ArriveAtAsync("**/account/sign-in**");
        await page.AssertAccessibleAsync();
        await page.GetByLabel("Email address").FillAsync(DemoPartnership.EmailOf("csc.practitioner"));
        await page.GetByLabel("Password").FillAsync("not the password");
        await page.GetByRole(AriaRole.Button, new() { Name = "Continue" }).ClickAsync();
        await Assertions.Expect(page.Locator(".govuk-error-summary")).ToContainTextAsync("Enter a correct email address and password");
        await Assertions.Expect(page.GetByLabel("Email address")).ToHaveValueAsync(DemoPartnership.EmailOf("csc.practitioner"));
        await page.AssertAccessibleAsync();
        await page.GetByLabel("Password").FillAsync(DemoPartnership.Password);
        await page.GetByRole(AriaRole.Button, new() { Name = "Continue" }).ClickAsync();
        await page.ArriveAtAsync("**/account/two-factor**");
        await page.AssertAccessibleAsync();
        await page.GetByLabel("Enter the 6-digit code").FillAsync(await SignedInClient.CurrentCodeAsync(_server, DemoPartnership.EmailOf("csc.practitioner")));
        await page.GetByRole(AriaRole.Button, new() { Name = "Sign in" }).ClickAsync();
        await page.ArriveAtAsync("**/children");
        await page.AssertAccessibleAsync();

        // Find a child with an open case and read the record and the chronology.
        await page.GetByLabel("Name").FillAsync("amber");
        await page.GetByRole(AriaRole.Button, new() { Name = "Search" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "1 child you work with found" })).ToBeVisibleAsync();
        await page.AssertAccessibleAsync();
        await page.GetByRole(AriaRole.Link, new() { Name = "Open record of Amber Lewis" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Amber Lewis", Level = 1 })).ToBeVisibleAsync();
        await Assertions.Expect(page.Locator("main")).ToContainTextAsync("Domestic abuse at home");
        await Assertions.Expect(page.Locator("main")).ToContainTextAsync("Riverside Youth Project");
        await page.AssertAccessibleAsync();
        await page.GetByRole(AriaRole.Link, new() { Name = "Chronology", Exact = true }).ClickAsync();
        // Nine entries recorded by hand in the demo, and two saying information went to the intelligence unit.
        await Assertions.Expect(page.Locator("tbody tr")).ToHaveCountAsync(11);
        await page.AssertAccessibleAsync();
        await page.GetByLabel("Agency").SelectOptionAsync(new SelectOptionValue { Label = "Riverside Youth Project" });
        await page.GetByRole(AriaRole.Button, new() { Name = "Filter" }).ClickAsync();
        await Assertions.Expect(page.Locator("tbody tr")).ToHaveCountAsync(3);
        await Assertions.Expect(page.Locator("tbody")).ToContainTextAsync("silver car");

        // A child known only to the school: part of her name finds nothing; her full name and date of birth say
        // who knows her, without her details, and the record is not there for us.
        await page.OpenAsync("/children");
        await page.GetByLabel("Name").FillAsync("Aisha");
        await page.GetByRole(AriaRole.Button, new() { Name = "Search" }).ClickAsync();
        await Assertions.Expect(page.Locator("#known-child")).ToContainTextAsync("No other child was identified");
        var aisha = await IdOfAsync("Aisha");
        var born = await BornAsync("Aisha");
        await page.GetByLabel("Name").FillAsync("Aisha Khan");
        await page.GetByLabel("Day").FillAsync(born.Day.ToString(System.Globalization.CultureInfo.InvariantCulture));
        await page.GetByLabel("Month").FillAsync(born.Month.ToString(System.Globalization.CultureInfo.InvariantCulture));
        await page.GetByLabel("Year").FillAsync(born.Year.ToString(System.Globalization.CultureInfo.InvariantCulture));
        await page.GetByRole(AriaRole.Button, new() { Name = "Search" }).ClickAsync();
        await Assertions.Expect(page.Locator("#known-child")).ToContainTextAsync("Northbridge Schools");
        await Assertions.Expect(page.GetByRole(AriaRole.Link, new() { Name = "Open record of Aisha Khan" })).ToHaveCountAsync(0);
        await Assertions.Expect(page.Locator("main")).Not.ToContainTextAsync(born.ToString("d MMMM yyyy", System.Globalization.CultureInfo.InvariantCulture));
        await page.AssertAccessibleAsync();
        var refused = await page.OpenAsync($"/children/{aisha}");
        Assert.Equal(404, refused!.Status);
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Page not found" })).ToBeVisibleAsync();
        await page.AssertAccessibleAsync();

        // Break the glass: a reason is required, and what was typed survives the error.
        await page.OpenAsync($"/children/{aisha}/break-glass");
        await page.AssertAccessibleAsync();
        await page.GetByLabel("Why do you need to see this record now?").FillAsync("urgent");
        await page.GetByRole(AriaRole.Button, new() { Name = "Open the record" }).ClickAsync();
        await Assertions.Expect(page.Locator(".govuk-error-summary")).ToContainTextAsync("at least 20 characters");
        await Assertions.Expect(page.GetByLabel("Why do you need to see this record now?")).ToHaveValueAsync("urgent");
        await page.AssertAccessibleAsync();
        const string Reason = "Police report Aisha missing tonight; need her contacts and school to find her.";
        await page.GetByLabel("Why do you need to see this record now?").FillAsync(Reason);
        await page.GetByRole(AriaRole.Button, new() { Name = "Open the record" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Aisha Khan", Level = 1 })).ToBeVisibleAsync();
        // (The record has another warning too: Aisha has not yet been seen alone.)
        await Assertions.Expect(page.Locator(".govuk-warning-text").First).ToContainTextAsync("breaking the glass");
        await page.AssertAccessibleAsync();
        await page.SignOutAsync();

        // The manager sees it in their review queue and records the review.
        await page.SignInAsync(_server, DemoPartnership.EmailOf("csc.teammanager"));
        await Assertions.Expect(page.Locator("main")).ToContainTextAsync("1 access review is waiting for you");
        await page.AssertAccessibleAsync();
        await page.GetByRole(AriaRole.Link, new() { Name = "Reviews" }).ClickAsync();
        var card = page.Locator(".govuk-summary-card", new() { HasText = "Sam Whitfield opened the record of Aisha Khan" });
        await Assertions.Expect(card).ToContainTextAsync(Reason);
        await page.AssertAccessibleAsync();
        await card.GetByLabel("Justified", new() { Exact = true }).CheckAsync();
        await card.GetByRole(AriaRole.Button, new() { Name = "Record review" }).ClickAsync();
        await Assertions.Expect(page.Locator("main")).ToContainTextAsync("No emergency access is waiting for your review.");

        await using var scope = _server.Scope();
        var db = scope.ServiceProvider.GetRequiredService<SafeguardDbContext>();
        var review = await db.BreakGlass.SingleAsync();
        Assert.Equal(BreakGlassReview.Justified, review.Review);
        Assert.True(await db.Ledger.AnyAsync(e => e.Type == "BreakGlassAccess.changed" && e.Payload.Contains("Justified")));
        Assert.True(await db.AccessLog.AnyAsync(e => e.Action == "break-glass" && e.Reason == Reason));
    }

    [Fact]
    public async Task Correcting_details_with_bad_input_explains_each_problem_by_its_field_and_keeps_what_was_typed()
    {
        var page = await browser.NewPageAsync(_server);
        await page.SignInAsync(_server, DemoPartnership.EmailOf("csc.practitioner"));
        var amber = await IdOfAsync("Amber");
        await page.OpenAsync($"/children/{amber}/edit");
        await page.AssertAccessibleAsync();
        await page.GetByLabel("First name").FillAsync("");
        await page.GetByLabel("NHS number (optional)").FillAsync("943 476 5918");
        await page.GetByLabel("Day").FillAsync("31");
        await page.GetByLabel("Month").FillAsync("2");
        await page.GetByLabel("Year").FillAsync("2012");
        await page.GetByRole(AriaRole.Button, new() { Name = "Save corrections" }).ClickAsync();

        var summary = page.Locator(".govuk-error-summary");
        await Assertions.Expect(summary).ToContainTextAsync("Enter a first name");
        await Assertions.Expect(summary).ToContainTextAsync("This is not a valid NHS number");
        await Assertions.Expect(summary).ToContainTextAsync("Date of birth must be a real date");
        await Assertions.Expect(page.Locator("#Input_NhsNumber-error")).ToContainTextAsync("not a valid NHS number");
        await Assertions.Expect(page.GetByLabel("NHS number (optional)")).ToHaveValueAsync("943 476 5918");
        await Assertions.Expect(page.GetByLabel("Day")).ToHaveValueAsync("31");
        await Assertions.Expect(page).ToHaveTitleAsync(new System.Text.RegularExpressions.Regex("^Error: "));
        await page.AssertAccessibleAsync();

        // Nothing was saved: the record still says what it said.
        await using (var scope = _server.Scope())
        {
            var db = scope.ServiceProvider.GetRequiredService<SafeguardDbContext>();
            Assert.Equal("Amber", (await db.People.SingleAsync(p => p.Id == amber)).GivenName);
        }

        await page.GetByLabel("First name").FillAsync("Amber-Rose");
        await page.GetByLabel("NHS number (optional)").FillAsync("943 476 5919");
        await page.GetByLabel("Day").FillAsync("28");
        await page.GetByRole(AriaRole.Button, new() { Name = "Save corrections" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Amber-Rose Lewis", Level = 1 })).ToBeVisibleAsync();
        await Assertions.Expect(page.Locator(".govuk-notification-banner")).ToContainTextAsync("previous details are kept");
        await page.AssertAccessibleAsync();
    }

    private async Task<DateOnly> BornAsync(string givenName)
    {
        await using var scope = _server.Scope();
        var db = scope.ServiceProvider.GetRequiredService<SafeguardDbContext>();
        return await db.People.Where(p => p.GivenName == givenName).Select(p => p.DateOfBirth!.Value).SingleAsync();
    }

    [Fact]
    public async Task The_partnership_administrator_reads_who_failed_to_sign_in_and_from_where()
    {
        var page = await browser.NewPageAsync(_server);
        await page.OpenAsync("/account/sign-in");
        await page.GetByLabel("Email address").FillAsync(DemoPartnership.EmailOf("scrutineer"));
        await page.GetByLabel("Password").FillAsync("not the password");
        await page.GetByRole(AriaRole.Button, new() { Name = "Continue" }).ClickAsync();
        await Assertions.Expect(page.Locator(".govuk-error-summary")).ToContainTextAsync("Enter a correct email address and password");

        await page.SignInAsync(_server, DemoPartnership.EmailOf("partnership.admin"));
        await page.GetByRole(AriaRole.Link, new() { Name = "Sign-in events" }).ClickAsync();
        await page.ArriveAtAsync("**/admin/security-events");
        var failed = page.Locator("tbody tr").Filter(new() { HasText = "Wrong password" });
        await Assertions.Expect(failed).ToHaveCountAsync(1);
        await Assertions.Expect(failed).ToContainTextAsync("Professor Alison Reid");
        await Assertions.Expect(failed).ToContainTextAsync("127.0.0.1");
        await page.AssertAccessibleAsync();
        await page.GetByLabel("Everything, with sign-ins").CheckAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Show" }).ClickAsync();
        await Assertions.Expect(page.Locator("tbody tr").Filter(new() { HasText = "Password and authenticator code" })).ToHaveCountAsync(1);
        await page.AssertAccessibleAsync();
    }

    private async Task<Safeguard.Core.Id<Person>> IdOfAsync(string givenName)
    {
        await using var scope = _server.Scope();
        var db = scope.ServiceProvider.GetRequiredService<SafeguardDbContext>();
        return await db.People.Where(p => p.GivenName == givenName).Select(p => p.Id).SingleAsync();
    }
}
