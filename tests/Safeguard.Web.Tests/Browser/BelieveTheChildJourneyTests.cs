using Microsoft.EntityFrameworkCore;
using Microsoft.Playwright;
using Safeguard.Core;
using Safeguard.Web.Data;
using Safeguard.Web.Data.Model;
using Safeguard.Web.Demo;
using Safeguard.Web.Tests.Infrastructure;

namespace Safeguard.Web.Tests.Browser;

/// <summary>
/// Issue 6 in a real browser, axe on every page: a child filed under "behaviour" with missing episodes and an older
/// adult's car recorded by a youth worker is surfaced to the CSE lead, screened, and cannot be recorded as an
/// offender without the lead's review.
/// </summary>
[Collection(BrowserCollection.Name)]
public sealed class BelieveTheChildJourneyTests(BrowserFixture browser) : IAsyncLifetime
{
    private SafeguardServer _server = null!;

    public async Task InitializeAsync() => _server = await SafeguardServer.StartAsync();

    public async Task DisposeAsync() => await _server.DisposeAsync();

    [Fact]
    public async Task A_child_filed_under_behaviour_is_surfaced_to_the_CSE_lead_screened_and_not_recorded_as_an_offender_without_review()
    {
        // Aisha is known to her school under "Behaviour" (an exclusion); the police have recorded two missing episodes
        // and the youth project has just started working with her. Nobody has screened her.
        var aisha = await ArrangeAishaAsync();
        var page = await browser.NewPageAsync(_server);

        // The youth worker records what they saw: an older man's car. The words "her boyfriend" are flagged on
        // submit; the youth worker keeps them (they are Aisha's words), and the record is saved either way.
        await page.SignInAsync(_server, DemoPartnership.EmailOf("youth.worker"));
        await page.OpenAsync($"/children/{aisha}/chronology/add");
        await page.AssertAccessibleAsync();
        await page.GetByLabel("What kind of event").SelectOptionAsync(new SelectOptionValue { Label = "Contact" });
        var today = DateTime.UtcNow.AddDays(-1);
        await page.GetByLabel("Day").FillAsync(today.Day.ToString(System.Globalization.CultureInfo.InvariantCulture));
        await page.GetByLabel("Month").FillAsync(today.Month.ToString(System.Globalization.CultureInfo.InvariantCulture));
        await page.GetByLabel("Year").FillAsync(today.Year.ToString(System.Globalization.CultureInfo.InvariantCulture));
        const string Note = "Aisha was seen getting into a red car with an older man, about 40, outside the project at 22:00. She called him her boyfriend.";
        await page.GetByLabel("What happened").FillAsync(Note);
        await page.GetByRole(AriaRole.Button, new() { Name = "Save to the chronology" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Check your wording before you save" })).ToBeVisibleAsync();
        await Assertions.Expect(page.Locator("#Input_Summary-language-check")).ToContainTextAsync("legitimises abuse");
        await Assertions.Expect(page.GetByLabel("What happened")).ToHaveValueAsync(Note);
        await page.AssertAccessibleAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Keep my words and save" }).ClickAsync();
        await page.ArriveAtAsync($"**/children/{aisha}/chronology");
        await Assertions.Expect(page.Locator("tbody")).ToContainTextAsync("red car with an older man");
        await page.AssertAccessibleAsync();
        await page.SignOutAsync();

        // The CSE lead's queue lists Aisha with the evidence from three agencies.
        await page.SignInAsync(_server, DemoPartnership.EmailOf("csc.cselead"));
        await page.GetByRole(AriaRole.Link, new() { Name = "Hidden exploitation" }).ClickAsync();
        var card = page.Locator(".govuk-summary-card", new() { HasText = "Aisha Khan" });
        await Assertions.Expect(card).ToContainTextAsync("Going missing");
        await Assertions.Expect(card).ToContainTextAsync("Missing episode");
        await Assertions.Expect(card).ToContainTextAsync("case filed under “Behaviour”");
        await Assertions.Expect(card).ToContainTextAsync("Getting into cars with adults");
        await Assertions.Expect(card).ToContainTextAsync("red car with an older man");
        await Assertions.Expect(card).ToContainTextAsync("Surfaced:");
        await page.AssertAccessibleAsync();
        await card.GetByRole(AriaRole.Link, new() { Name = "Decide for Aisha Khan" }).ClickAsync();
        await page.AssertAccessibleAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Record decision" }).ClickAsync();
        await Assertions.Expect(page.Locator(".govuk-error-summary")).ToContainTextAsync("Choose what happens next");
        await page.AssertAccessibleAsync();
        await page.GetByLabel("Screen the child now").CheckAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Record decision" }).ClickAsync();

        // Screening: one page; what agencies recorded is shown under the item it informs.
        await page.ArriveAtAsync($"**/children/{aisha}/screening/new");
        await Assertions.Expect(page.Locator("#item-going-missing-hint")).ToContainTextAsync("Missing episode");
        await page.AssertAccessibleAsync();
        await page.GetByLabel("Going missing").CheckAsync();
        var missing = page.Locator("#conditional-item-going-missing");
        var lastMissing = DateTime.UtcNow.AddDays(-10);
        await missing.GetByLabel("Day").FillAsync("31");
        await missing.GetByLabel("Month").FillAsync("2");
        await missing.GetByLabel("Year").FillAsync(lastMissing.Year.ToString(System.Globalization.CultureInfo.InvariantCulture));
        await page.GetByLabel("Getting into cars with unknown adults, or taxis").CheckAsync();
        await page.GetByLabel("School absence or exclusion").CheckAsync();
        var cars = page.Locator("#conditional-item-cars-with-unknown-adults");
        await cars.GetByLabel("Professional concern").CheckAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Score and save the screening" }).ClickAsync();
        await Assertions.Expect(page.Locator(".govuk-error-summary")).ToContainTextAsync("must be a real date");
        await Assertions.Expect(page.GetByLabel("Going missing")).ToBeCheckedAsync();
        await page.AssertAccessibleAsync();
        missing = page.Locator("#conditional-item-going-missing");
        await missing.GetByLabel("Day").FillAsync(lastMissing.Day.ToString(System.Globalization.CultureInfo.InvariantCulture));
        await missing.GetByLabel("Month").FillAsync(lastMissing.Month.ToString(System.Globalization.CultureInfo.InvariantCulture));
        await page.GetByRole(AriaRole.Button, new() { Name = "Score and save the screening" }).ClickAsync();
        await page.ArriveAtAsync($"**/children/{aisha}/screening");
        // 5 (missing, recent) + 5 (cars, no date: scored as recent) + 1 (school) = 11: moderate; 5 rests on concern.
        await Assertions.Expect(page.Locator("main")).ToContainTextAsync("11 (Moderate by score): 6 on evidence, 5 on professional concern");
        await Assertions.Expect(page.Locator("main")).ToContainTextAsync("A potential sign of exploitation");
        await Assertions.Expect(page.Locator("main")).ToContainTextAsync("when it last happened is not known, so it counts as within 6 months");
        await page.AssertAccessibleAsync();

        // Aisha is no longer waiting in the queue: she has a screening above the lowest band.
        await page.GetByRole(AriaRole.Link, new() { Name = "Hidden exploitation" }).ClickAsync();
        await Assertions.Expect(page.Locator(".govuk-summary-card", new() { HasText = "Aisha Khan" })).ToHaveCountAsync(0);
        await page.SignOutAsync();

        // A police officer tries to record her arrest for being drunk and disorderly: it is held, not recorded.
        await page.SignInAsync(_server, DemoPartnership.EmailOf("police.officer"));
        await page.OpenAsync($"/children/{aisha}/chronology/add");
        await page.GetByLabel("What kind of event").SelectOptionAsync(new SelectOptionValue { Label = "Arrest" });
        await page.GetByLabel("Day").FillAsync(today.Day.ToString(System.Globalization.CultureInfo.InvariantCulture));
        await page.GetByLabel("Month").FillAsync(today.Month.ToString(System.Globalization.CultureInfo.InvariantCulture));
        await page.GetByLabel("Year").FillAsync(today.Year.ToString(System.Globalization.CultureInfo.InvariantCulture));
        await page.GetByLabel("What happened").FillAsync("Arrested for being drunk and disorderly outside a takeaway on Mill Road at 01:30, with two men in their 30s.");
        await page.GetByRole(AriaRole.Button, new() { Name = "Save to the chronology" }).ClickAsync();
        await page.ArriveAtAsync($"**/children/{aisha}/chronology");
        await Assertions.Expect(page.Locator(".govuk-notification-banner")).ToContainTextAsync("held for the CSE lead's review");
        await Assertions.Expect(page.Locator("tbody")).Not.ToContainTextAsync("Arrest");
        await page.AssertAccessibleAsync();
        await page.SignOutAsync();

        // The CSE lead reviews it: agreeing needs a reason; the lead declines, and Aisha is never recorded as an offender.
        await page.SignInAsync(_server, DemoPartnership.EmailOf("csc.cselead"));
        await page.GetByRole(AriaRole.Link, new() { Name = "Hidden exploitation" }).ClickAsync();
        await page.GetByRole(AriaRole.Link, new() { Name = "Arrest of Aisha Khan" }).ClickAsync();
        await Assertions.Expect(page.Locator("main")).ToContainTextAsync("Screened as moderate risk of sexual exploitation");
        await page.AssertAccessibleAsync();
        await page.GetByLabel("Agree: record it as submitted").CheckAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Record review" }).ClickAsync();
        await Assertions.Expect(page.Locator(".govuk-error-summary")).ToContainTextAsync("Enter why the child should be recorded as an offender");
        await page.AssertAccessibleAsync();
        await page.GetByLabel("Decline: do not record the child as an offender").CheckAsync();
        await page.GetByLabel("Your reason").FillAsync("Found with two adult men at 01:30: she is a victim of exploitation. Disruption of the men is with the police.");
        await page.GetByRole(AriaRole.Button, new() { Name = "Record review" }).ClickAsync();
        await Assertions.Expect(page.Locator(".govuk-notification-banner")).ToContainTextAsync("not recorded as an offender");
        await page.AssertAccessibleAsync();

        await using var scope = _server.Scope();
        var db = scope.ServiceProvider.GetRequiredService<SafeguardDbContext>();
        Assert.False(await db.Chronology.AnyAsync(e => e.PersonId == aisha && e.Kind == ChronologyKinds.Arrest));
        var review = await db.OffenderReviews.SingleAsync(r => r.PersonId == aisha);
        Assert.Equal(OffenderReviewStatus.Declined, review.Status);
        var stream = Person.PersonStream(aisha);
        Assert.True(await db.Ledger.AnyAsync(e => e.Stream == stream && e.Type == "OffenderRecordReview.added"));
        Assert.True(await db.Ledger.AnyAsync(e => e.Stream == stream && e.Type == "OffenderRecordReview.changed" && e.Payload.Contains("Declined")));
        Assert.True(await db.Ledger.AnyAsync(e => e.Stream == stream && e.Type == "ExploitationAlert.changed" && e.Payload.Contains("Screening")));
        var screening = await db.Screenings.SingleAsync(s => s.PersonId == aisha);
        Assert.Equal("moderate", screening.BandId);
        var since = db.Now.AddHours(-1); // the demo's own outcomes are days old
        var kept = await db.LanguageOutcomes.SingleAsync(o => o.At > since);
        Assert.Equal(("boyfriend", Core.Screening.Language.LanguageOutcome.Kept), (kept.RuleId, kept.Outcome));
        Assert.True(await db.AccessLog.AnyAsync(e => e.Stream == stream && e.Action == "view-hidden-exploitation"));
    }

    [Fact]
    public async Task The_new_pages_and_their_error_states_are_accessible()
    {
        var page = await browser.NewPageAsync(_server);
        var amber = await _server.IdOfAsync("Amber");
        var ewa = await _server.IdOfAsync("Ewa");

        // The record: Amber's own words at the top; the screening and voice pages; adding words with an error.
        await page.SignInAsync(_server, DemoPartnership.EmailOf("csc.practitioner"));
        await page.OpenAsync($"/children/{amber}");
        await Assertions.Expect(page.Locator(".sg-child-voice")).ToContainTextAsync("He's my friend");
        await Assertions.Expect(page.Locator(".sg-child-voice")).ToContainTextAsync("Last seen alone");
        await page.AssertAccessibleAsync();
        await page.GetByRole(AriaRole.Link, new() { Name = "In their words" }).ClickAsync();
        await page.AssertAccessibleAsync();
        await page.GetByRole(AriaRole.Link, new() { Name = "Record what Amber said" }).First.ClickAsync();
        await page.AssertAccessibleAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Save" }).ClickAsync();
        await Assertions.Expect(page.Locator(".govuk-error-summary")).ToContainTextAsync("Enter what Amber said, in their words");
        await Assertions.Expect(page.Locator(".govuk-error-summary")).ToContainTextAsync("Choose how you heard Amber");
        await page.AssertAccessibleAsync();
        await page.GetByLabel("What Amber said").FillAsync("I just want it to stop.");
        await page.GetByLabel("Seen alone").CheckAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Save" }).ClickAsync();
        await Assertions.Expect(page.Locator(".sg-child-voice blockquote").First).ToContainTextAsync("I just want it to stop.");

        // Screening and the override, with the override refused without a reason.
        await page.OpenAsync($"/children/{amber}/screening");
        await Assertions.Expect(page.Locator("main")).ToContainTextAsync("has not been screened");
        await Assertions.Expect(page.Locator("main")).ToContainTextAsync("Surfaced:");
        await page.AssertAccessibleAsync();
        await page.GetByRole(AriaRole.Link, new() { Name = "Screen now" }).ClickAsync();
        await page.GetByLabel("Domestic abuse at home").CheckAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Score and save the screening" }).ClickAsync();
        await Assertions.Expect(page.Locator("main")).ToContainTextAsync("Not at risk");
        await page.GetByRole(AriaRole.Link, new() { Name = "Change the band by professional judgement" }).ClickAsync();
        await page.AssertAccessibleAsync();
        await page.GetByLabel("Significant").CheckAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Change the band" }).ClickAsync();
        await Assertions.Expect(page.Locator(".govuk-error-summary")).ToContainTextAsync("An override needs a rationale");
        await page.AssertAccessibleAsync();
        await page.GetByLabel("Why").FillAsync("Amber told me alone that the man in the silver car takes her to a flat above a takeaway.");
        await page.GetByRole(AriaRole.Button, new() { Name = "Change the band" }).ClickAsync();
        await Assertions.Expect(page.Locator("main")).ToContainTextAsync("Changed from Not at risk to Significant");
        await Assertions.Expect(page.Locator("tbody").Last).ToContainTextAsync("Screening (score 1, version 1)");
        await page.AssertAccessibleAsync();
        await page.SignOutAsync();

        // Ewa has not been seen alone: the record says so.
        await page.SignInAsync(_server, DemoPartnership.EmailOf("health.nurse"));
        await page.OpenAsync($"/children/{ewa}");
        await Assertions.Expect(page.Locator(".sg-child-voice")).ToContainTextAsync("Ewa has not yet been seen alone");
        await page.AssertAccessibleAsync();
        await page.SignOutAsync();

        // The partnership administrator's instruments page, refusing an instrument that does not validate.
        await page.SignInAsync(_server, DemoPartnership.EmailOf("partnership.admin"));
        await page.GetByRole(AriaRole.Link, new() { Name = "Screening instruments" }).ClickAsync();
        await page.AssertAccessibleAsync();
        var json = Core.Screening.ScreeningJson.Write(Core.Screening.DefaultInstrument.Instance with
        {
            Version = 2,
            Bands = [new("low", "Low", 0, 5), new("high", "High", 5, null)],
        });
        await page.GetByLabel("Paste the instrument's JSON").FillAsync(json);
        await page.GetByRole(AriaRole.Button, new() { Name = "Check and add this version" }).ClickAsync();
        await Assertions.Expect(page.Locator(".govuk-error-summary")).ToContainTextAsync("Band 'low' (0–5) overlaps band 'high' (5+).");
        await Assertions.Expect(page.Locator(".govuk-error-summary")).ToContainTextAsync("Automatic rule 'disclosure' refers to unknown band 'significant'.");
        await page.AssertAccessibleAsync();

        // What the partnership learns.
        await page.GetByRole(AriaRole.Link, new() { Name = "What we are learning" }).ClickAsync();
        await Assertions.Expect(page.Locator("main")).ToContainTextAsync("for training, not for judging anyone");
        await Assertions.Expect(page.Locator("main")).ToContainTextAsync("putting themselves at risk");
        await page.AssertAccessibleAsync();
    }

    private async Task<Id<Person>> ArrangeAishaAsync()
    {
        await using var scope = _server.Scope();
        var db = scope.ServiceProvider.GetRequiredService<SafeguardDbContext>();
        var aisha = await db.People.SingleAsync(p => p.GivenName == "Aisha");
        var youth = await db.Users.SingleAsync(u => u.Email == DemoPartnership.EmailOf("youth.worker"));
        var police = await db.Users.SingleAsync(u => u.Email == DemoPartnership.EmailOf("police.officer"));
        var now = db.Now;
        foreach (var (user, category, reference) in new[] { (youth, "Outreach keyworking", "YTH-T-1"), (police, "Missing person", "POL-T-1") })
        {
            var childCase = new ChildCase { PersonId = aisha.Id, AgencyId = user.AgencyId, Reference = reference, Category = category, OpenedAt = now.AddDays(-30) };
            childCase.Allocations.Add(new CaseAllocation { CaseId = childCase.Id, PersonId = aisha.Id, UserId = user.Id, TeamId = user.TeamId, IsLead = true, AllocatedAt = now.AddDays(-30) });
            db.Cases.Add(childCase);
        }
        foreach (var daysAgo in new[] { 25, 10 })
        {
            db.Chronology.Add(new ChronologyEntry
            {
                PersonId = aisha.Id,
                AgencyId = police.AgencyId,
                RecordedByUserId = police.Id,
                Kind = ChronologyKinds.MissingEpisode,
                OccurredAt = now.AddDays(-daysAgo),
                RecordedAt = now.AddDays(-daysAgo + 1),
                Summary = "Reported missing overnight; returned the next morning and would not say where she had been.",
            });
        }
        await db.SaveChangesAsync();
        return aisha.Id;
    }
}
