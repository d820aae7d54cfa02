using System.Diagnostics;
using System.Globalization;
using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using Microsoft.Playwright;
using Safeguard.Core.Casework;
using Safeguard.Web.Casework;
using Safeguard.Web.Data;
using Safeguard.Web.Data.Model;
using Safeguard.Web.Demo;
using Safeguard.Web.Features.Shared;
using Safeguard.Web.Tests.Infrastructure;

namespace Safeguard.Web.Tests.Browser;

/// <summary>
/// The casework loop in Chromium, as the issue's "done when" sets it: a youth worker reports a concern, the front
/// door decides within the deadline, a strategy discussion and a conference are held with attendance recorded,
/// actions are assigned, one goes overdue (the fake clock) and climbs the escalation ladder, and the chronology PDF
/// shows it all, including what did not happen. axe runs on every page visited, error states included.
/// </summary>
[Collection(BrowserCollection.Name)]
public sealed partial class CaseworkJourneyTests(BrowserFixture browser) : IAsyncLifetime
{
    private SafeguardServer _server = null!;
    private Core.Calendar.WorkingCalendar _calendar = null!;

    public async Task InitializeAsync()
    {
        // The monitor is run by the test itself, so that what the pages show is seen before it has run.
        _server = await SafeguardServer.StartAsync(settings: new Dictionary<string, string?> { ["Casework:MonitorInterval"] = "0", ["Email:PollInterval"] = "0" });
        _calendar = _server.Services.GetRequiredService<Core.Calendar.WorkingCalendar>();
    }

    public async Task DisposeAsync() => await _server.DisposeAsync();

    private static string Email(string user) => DemoPartnership.EmailOf(user);

    /// <summary>Moves the fake clock to a local (UK) date and time.</summary>
    private void SetLocal(DateOnly date, int hour, int minute = 0) => _server.Clock.SetUtcNow(UkTime.ToUtc(date, new TimeOnly(hour, minute)));

    private static string Long(DateOnly date) => CaseworkText.Date(date);

    [Fact]
    public async Task A_concern_reaches_a_decision_meetings_an_owned_action_that_escalates_and_a_chronology_pdf_that_shows_what_did_not_happen()
    {
        // A Monday at least two weeks ahead, on a working day, so every date below is computed, never guessed.
        var day0 = _calendar.NextWorkingDayOnOrAfter(DateOnly.FromDateTime(DateTime.UtcNow).AddDays(14));
        while (day0.DayOfWeek != DayOfWeek.Monday || !_calendar.IsWorkingDay(day0))
        {
            day0 = _calendar.NextWorkingDayOnOrAfter(day0.AddDays(1));
        }
        SetLocal(day0, 9);
        var amber = await ChildAsync("Amber");

        // 1. The youth worker reports a concern. A first try with gaps keeps what was typed.
        var page = await SignInAsync("youth.worker");
        await page.GetByRole(AriaRole.Link, new() { Name = "Report a concern" }).First.ClickAsync();
        await page.ArriveAtAsync("**/concerns/new");
        await page.AssertAccessibleAsync();
        const string Seen = "Amber got into a silver car with two adult men outside the project at 21:40. One of them handed her a phone.";
        await page.GetByLabel("What did you see or hear?").FillAsync(Seen);
        await page.GetByRole(AriaRole.Button, new() { Name = "Send the concern" }).ClickAsync();
        var summary = page.Locator(".govuk-error-summary");
        await Assertions.Expect(summary).ToContainTextAsync("Enter the child's first name, or the name they use");
        await Assertions.Expect(summary).ToContainTextAsync("Enter when it happened");
        await Assertions.Expect(summary).ToContainTextAsync("Select yes if the child is in immediate danger now");
        await Assertions.Expect(page.GetByLabel("What did you see or hear?")).ToHaveValueAsync(Seen);
        await page.AssertAccessibleAsync();

        await page.GetByLabel("First name, or the name they use").FillAsync("Amber");
        await page.GetByLabel("Last name (optional)").FillAsync("Lewis");
        await FillDateAsync(page, "Input_ChildDateOfBirth", amber.DateOfBirth!.Value);
        await FillDateAsync(page, "Input_OccurredOn", day0.AddDays(-3));
        await page.GetByLabel("Time (optional)").FillAsync("21:40");
        await page.GetByLabel("Where did it happen? (optional)").FillAsync("Riverside Youth Project, Canal Street");
        await page.GetByLabel("Vehicle (optional)").FillAsync("Silver Vauxhall Astra");
        await page.GetByLabel("Registration mark (optional)").FillAsync("nb19 kxt");
        await page.Locator("#Input_ImmediateDanger-2").CheckAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Send the concern" }).ClickAsync();

        // Safeguard knows Amber: the reporter confirms the match.
        await Assertions.Expect(page.Locator(".govuk-notification-banner")).ToContainTextAsync("Check before you send");
        await page.AssertAccessibleAsync();
        await page.GetByLabel(new Regex("^Amber Lewis, born")).CheckAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Send the concern" }).ClickAsync();
        await Assertions.Expect(page.Locator(".govuk-notification-banner--success")).ToContainTextAsync("Your reference is REF-");
        var reference = await page.GetByRole(AriaRole.Heading, new() { Level = 1 }).InnerTextAsync();
        Assert.Matches(@"^REF-\d{4}-\d{6}$", reference);
        await Assertions.Expect(page.Locator("main")).ToContainTextAsync($"The front door will decide by the end of {Long(_calendar.AddWorkingDays(day0, 1))}");
        await page.AssertAccessibleAsync();

        // 2. The front door takes it and decides within the deadline (the same morning).
        SetLocal(day0, 10);
        page = await SignInAsync("mash.triage");
        await page.GetByRole(AriaRole.Link, new() { Name = "Front door", Exact = true }).ClickAsync();
        var row = page.Locator("tbody tr", new() { HasText = reference });
        await Assertions.Expect(row).ToContainTextAsync("Not yet taken");
        await Assertions.Expect(row).ToContainTextAsync(Long(_calendar.AddWorkingDays(day0, 1)));
        await page.AssertAccessibleAsync();
        await row.GetByRole(AriaRole.Link).ClickAsync();
        await Assertions.Expect(page.Locator("main")).ToContainTextAsync("Amber Lewis");
        await page.AssertAccessibleAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Take this concern" }).ClickAsync();
        await Assertions.Expect(page.Locator("main")).ToContainTextAsync("Tom Hargreaves");
        await page.GetByRole(AriaRole.Link, new() { Name = "Decide" }).ClickAsync();
        await page.AssertAccessibleAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Record the decision" }).ClickAsync();
        await Assertions.Expect(page.Locator(".govuk-error-summary")).ToContainTextAsync("Enter the reasons for the decision");
        await page.AssertAccessibleAsync();
        await page.GetByLabel("Strategy discussion (section 47)").CheckAsync();
        await page.GetByLabel("Reasons for the decision").FillAsync("Adults unknown to the family giving Amber a phone and driving her away at night; earlier police incident at Mill Road. Significant harm suspected.");
        await page.GetByRole(AriaRole.Button, new() { Name = "Record the decision" }).ClickAsync();
        await Assertions.Expect(page.Locator(".govuk-notification-banner--success")).ToContainTextAsync("Decision recorded: Strategy discussion (section 47)");
        await page.AssertAccessibleAsync();

        // The reporter sees the decision taken on their concern.
        page = await SignInAsync("youth.worker");
        await page.GetByRole(AriaRole.Link, new() { Name = "My work" }).ClickAsync();
        await page.AssertAccessibleAsync();
        await page.GetByRole(AriaRole.Link, new() { Name = $"The front door decided on your concern {reference}: Strategy discussion (section 47)." }).ClickAsync();
        await Assertions.Expect(page.Locator("main")).ToContainTextAsync("Significant harm suspected");
        await page.AssertAccessibleAsync();

        // 3. The social worker arranges and records the strategy discussion: the police do not respond.
        SetLocal(day0, 11);
        page = await SignInAsync("csc.practitioner");
        await page.OpenAsync($"/children/{amber.Id}/meetings");
        await Assertions.Expect(page.Locator("main")).ToContainTextAsync($"Strategy discussion due by {Long(_calendar.AddWorkingDays(day0, 1))}");
        await page.AssertAccessibleAsync();
        var strategy = await ArrangeAsync(page, "Strategy discussion", day0, "11:30", "Northbridge Police");
        SetLocal(day0, 13);
        page = await SignInAsync("csc.practitioner");
        await page.OpenAsync(strategy);
        await RecordAsync(page, [("Northbridge Children's Social Care", "Attended"), ("Riverside Youth Project", "Attended"), ("Northbridge Schools", "Sent apologies"), ("Northbridge Police", "No response")],
            "Section 47 enquiries. Initial child protection conference needed.", conferenceOrPlan: "Yes", apologies: ("Northbridge Schools", "Year 10 exams"));

        // The initial conference, three working days later: the police miss it too.
        var conferenceDay = _calendar.AddWorkingDays(day0, 3);
        await page.OpenAsync($"/children/{amber.Id}/meetings");
        await Assertions.Expect(page.Locator("main")).ToContainTextAsync($"Initial child protection conference due by {Long(_calendar.AddWorkingDays(day0, 15))}");
        var conference = await ArrangeAsync(page, "Initial child protection conference", conferenceDay, "10:00", "Northbridge Police");
        SetLocal(conferenceDay, 12);
        page = await SignInAsync("csc.practitioner");
        await page.OpenAsync(conference);
        await RecordAsync(page, [("Northbridge Children's Social Care", "Attended"), ("Riverside Youth Project", "Attended"), ("Northbridge Schools", "Attended"), ("Northbridge Police", "No response")],
            "Amber to be the subject of a child protection plan under the category of sexual abuse.", conferenceOrPlan: "Yes",
            plan: "Police to disrupt the adults at Mill Road. Social worker to see Amber alone weekly. School to share attendance daily.");
        await page.OpenAsync($"/children/{amber.Id}/meetings");
        await Assertions.Expect(page.Locator(".govuk-warning-text")).ToContainTextAsync("Northbridge Police missed 2 consecutive meetings about Amber");
        await page.AssertAccessibleAsync();
        await page.OpenAsync($"/children/{amber.Id}");
        await Assertions.Expect(page.Locator(".govuk-notification-banner")).ToContainTextAsync("Northbridge Police has missed the last 2 meetings about this child it was invited to.");
        await page.AssertAccessibleAsync();

        // 4. Actions from the conference, each with one owner. A due date in the past is refused.
        await page.OpenAsync(conference);
        await page.GetByRole(AriaRole.Link, new() { Name = "Add an action from this meeting" }).ClickAsync();
        await page.AssertAccessibleAsync();
        await page.GetByLabel("What must be done").FillAsync("Visit the flat above the takeaway on Mill Road");
        await page.GetByLabel("Who owns it").SelectOptionAsync(new SelectOptionValue { Label = "Detective Constable Laura Briggs (Detective constable, Northbridge Police)" });
        await FillDateAsync(page, "Input_Due", conferenceDay.AddDays(-1));
        await page.GetByRole(AriaRole.Button, new() { Name = "Add the action" }).ClickAsync();
        await Assertions.Expect(page.Locator(".govuk-error-summary")).ToContainTextAsync("The due date must be today or in the future");
        await Assertions.Expect(page.GetByLabel("What must be done")).ToHaveValueAsync("Visit the flat above the takeaway on Mill Road");
        await page.AssertAccessibleAsync();
        var due = _calendar.AddWorkingDays(conferenceDay, 1);
        await FillDateAsync(page, "Input_Due", due);
        await page.GetByRole(AriaRole.Button, new() { Name = "Add the action" }).ClickAsync();
        await Assertions.Expect(page.Locator("tbody").First).ToContainTextAsync("Detective Constable Laura Briggs");
        await page.AssertAccessibleAsync();

        // 5. The police action is not done: the fake clock passes its due date by four working days. Before any job
        // has run, the owner's manager already has it as an escalation to answer.
        SetLocal(_calendar.AddWorkingDays(due, 4), 9);
        page = await SignInAsync("police.teammanager");
        await page.GetByRole(AriaRole.Link, new() { Name = "My work" }).ClickAsync();
        var escalations = page.Locator("section", new() { Has = page.GetByRole(AriaRole.Heading, new() { Name = "Escalations to answer" }) });
        await Assertions.Expect(escalations).ToContainTextAsync("Visit the flat above the takeaway on Mill Road");
        await page.AssertAccessibleAsync();
        var monitor = _server.Services.GetRequiredService<CaseworkMonitor>();
        Assert.True(await monitor.RunOnceAsync() >= 3); // this action's owner, team manager and senior manager steps, and the demo's
        Assert.Equal(0, await monitor.RunOnceAsync()); // each step is recorded once
        await escalations.GetByRole(AriaRole.Link, new() { Name = "Visit the flat above the takeaway on Mill Road (Amber Lewis)" }).ClickAsync();
        var ladder = page.Locator("ol");
        await Assertions.Expect(ladder).ToContainTextAsync("Team manager");
        await Assertions.Expect(ladder).ToContainTextAsync("Detective Sergeant Imran Malik");
        await Assertions.Expect(ladder).ToContainTextAsync("Senior manager");
        await Assertions.Expect(ladder).ToContainTextAsync("Detective Superintendent Ruth Cole");
        await Assertions.Expect(ladder).ToContainTextAsync("recorded in the ledger");
        await Assertions.Expect(page.Locator("main")).ToContainTextAsync("Next: the partnership");
        await page.AssertAccessibleAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Record", Exact = true }).ClickAsync();
        await Assertions.Expect(page.Locator(".govuk-error-summary")).ToContainTextAsync("Enter your response");
        await page.AssertAccessibleAsync();
        await page.GetByLabel("Your response").FillAsync("Spoken to DC Briggs: visit booked for tomorrow with the licensing team.");
        await page.GetByRole(AriaRole.Button, new() { Name = "Record", Exact = true }).ClickAsync();
        await Assertions.Expect(page.Locator(".govuk-notification-banner--success")).ToContainTextAsync("Your response is recorded.");
        await page.AssertAccessibleAsync();

        // 6. The chronology for review, as a PDF printed by Chromium: what happened and what did not.
        page = await SignInAsync("csc.practitioner");
        await page.OpenAsync($"/children/{amber.Id}/chronology/review");
        await Assertions.Expect(page.Locator(".sg-did-not-happen").First).ToBeVisibleAsync();
        await page.AssertAccessibleAsync();
        var download = await page.RunAndWaitForDownloadAsync(() => page.GetByRole(AriaRole.Link, new() { Name = "Download as PDF" }).ClickAsync());
        var pdf = Path.Combine(_server.DataDirectory, "review.pdf");
        await download.SaveAsAsync(pdf);
        var text = Regex.Replace(await PdfTextAsync(pdf), @"\s+", " ");
        Assert.Contains($"Concern {reference} reported by Riverside Youth Project", text, StringComparison.Ordinal);
        Assert.Contains("Front door decision on concern", text, StringComparison.Ordinal);
        Assert.Contains("Strategy discussion held", text, StringComparison.Ordinal);
        Assert.Contains("Initial child protection conference held", text, StringComparison.Ordinal);
        Assert.Contains("Did not happen", text, StringComparison.Ordinal);
        Assert.Contains($"Northbridge Police did not attend the strategy discussion on {Long(day0)}: did not respond.", text, StringComparison.Ordinal);
        Assert.Contains("Northbridge Schools did not attend the strategy discussion", text, StringComparison.Ordinal);
        Assert.Contains("Northbridge Police missed 2 consecutive meetings about this child", text, StringComparison.Ordinal);
        Assert.Contains($"Action \"Visit the flat above the takeaway on Mill Road\" (owner: Detective Constable Laura Briggs) went overdue: due by {Long(due)}.", text, StringComparison.Ordinal);
        Assert.Contains($"Escalated to the team manager on {Long(_calendar.AddWorkingDays(due, 1))}, then the senior manager on {Long(_calendar.AddWorkingDays(due, 3))}. Still not done.", text, StringComparison.Ordinal);

        // Behind the pages: the decision was on time, each escalation step is in the ledger once, and the absence
        // alert reached the police's senior manager and the partnership.
        await using var scope = _server.Scope();
        var db = scope.ServiceProvider.GetRequiredService<SafeguardDbContext>();
        var schedule = scope.ServiceProvider.GetRequiredService<CaseworkSchedule>();
        var concern = await db.Concerns.SingleAsync(c => c.Reference == reference);
        var decision = await db.ConcernDecisions.SingleAsync(d => d.ConcernId == concern.Id);
        var status = FrontDoorRules.Status(schedule, concern.ReceivedAt, decision.Facts, db.Now);
        Assert.Equal(ConcernState.Decided, status.State);
        Assert.False(status.DecidedLate);
        Assert.Equal(amber.Id, concern.PersonId);
        Assert.Equal("NB19KXT", (await db.ConcernAdults.SingleAsync(a => a.ConcernId == concern.Id)).VehicleRegistration);
        var escalated = await db.ActionEscalations.Where(e => e.PersonId == amber.Id).Select(e => e.Level).ToListAsync();
        Assert.Equal([EscalationLevel.Owner, EscalationLevel.TeamManager, EscalationLevel.SeniorManager], escalated.Order());
        Assert.Equal(3, await db.Ledger.CountAsync(e => e.Type == "ActionEscalation.added" && e.Stream == Person.PersonStream(amber.Id)));
        var told = await db.Notifications.Where(n => n.Key.StartsWith("absence/")).Join(db.Users, n => n.RecipientUserId, u => u.Id, (n, u) => u.Email).ToListAsync();
        Assert.Contains(Email("police.seniormanager"), told);
        Assert.Contains(Email("partnership.admin"), told);
        Assert.True(await db.Outbox.AnyAsync(m => m.To == Email("police.seniormanager") && m.Subject.Contains("missed consecutive meetings")));
    }

    private static async Task FillDateAsync(IPage page, string id, DateOnly date)
    {
        await page.Locator($"#{id}").FillAsync(date.Day.ToString(CultureInfo.InvariantCulture));
        await page.Locator($"#{id}_Month").FillAsync(date.Month.ToString(CultureInfo.InvariantCulture));
        await page.Locator($"#{id}_Year").FillAsync(date.Year.ToString(CultureInfo.InvariantCulture));
    }

    /// <summary>A fresh browser (no cookies from before the clock moved), signed in as a real user would.</summary>
    private async Task<IPage> SignInAsync(string user)
    {
        var page = await browser.NewPageAsync(_server);
        await page.SignInAsync(_server, Email(user));
        return page;
    }

    /// <summary>Arranges a meeting from the child's meetings page; returns the meeting's address.</summary>
    private async Task<string> ArrangeAsync(IPage page, string kind, DateOnly date, string time, string alsoInvite)
    {
        await page.GetByRole(AriaRole.Link, new() { Name = "Arrange a meeting" }).ClickAsync();
        await page.AssertAccessibleAsync();
        await page.GetByLabel(kind, new() { Exact = true }).CheckAsync();
        await FillDateAsync(page, "Input_Date", date);
        await page.GetByLabel("Time", new() { Exact = true }).FillAsync(time);
        await page.GetByLabel("Place (optional)").FillAsync("Northbridge Civic Centre");
        await page.GetByLabel(alsoInvite, new() { Exact = true }).CheckAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Arrange and invite" }).ClickAsync();
        await Assertions.Expect(page.Locator(".govuk-notification-banner--success")).ToContainTextAsync("is arranged and the agencies are invited");
        await page.AssertAccessibleAsync();
        return new Uri(page.Url).PathAndQuery;
    }

    private static async Task RecordAsync(IPage page, (string Agency, string Status)[] attendance, string decisions, string conferenceOrPlan, (string Agency, string Reason)? apologies = null, string? plan = null)
    {
        await page.GetByRole(AriaRole.Link, new() { Name = "Record what happened" }).ClickAsync();
        await page.AssertAccessibleAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Record the meeting" }).ClickAsync();
        await Assertions.Expect(page.Locator(".govuk-error-summary")).ToContainTextAsync("Choose whether Northbridge Police attended");
        await page.AssertAccessibleAsync();
        foreach (var (agency, status) in attendance)
        {
            var group = page.Locator("fieldset", new() { Has = page.Locator("legend", new() { HasTextRegex = new Regex($"^{Regex.Escape(agency)}$") }) });
            await group.GetByLabel(status, new() { Exact = true }).CheckAsync();
        }
        if (apologies is { } sorry)
        {
            await page.GetByLabel($"If {sorry.Agency} sent apologies, the reason given").FillAsync(sorry.Reason);
        }
        await page.GetByLabel("What the meeting decided").FillAsync(decisions);
        var question = page.Locator("fieldset", new() { Has = page.Locator("legend", new() { HasTextRegex = new Regex(@"\?$") }) }).Last;
        await question.GetByLabel(conferenceOrPlan, new() { Exact = true }).CheckAsync();
        if (plan is not null)
        {
            await page.GetByLabel("The child protection plan").FillAsync(plan);
        }
        await page.GetByRole(AriaRole.Button, new() { Name = "Record the meeting" }).ClickAsync();
        await Assertions.Expect(page.Locator(".govuk-notification-banner--success")).ToContainTextAsync("is recorded");
        await page.AssertAccessibleAsync();
    }

    private async Task<Person> ChildAsync(string givenName)
    {
        await using var scope = _server.Scope();
        var db = scope.ServiceProvider.GetRequiredService<SafeguardDbContext>();
        return await db.People.AsNoTracking().SingleAsync(p => p.GivenName == givenName);
    }

    /// <summary>The PDF's text, by poppler's pdftotext (Debian's poppler-utils, installed by ./build.sh test).</summary>
    private static async Task<string> PdfTextAsync(string pdf)
    {
        var start = new ProcessStartInfo("pdftotext") { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        start.ArgumentList.Add(pdf);
        start.ArgumentList.Add("-");
        Process process;
        try
        {
            process = Process.Start(start)!;
        }
        catch (System.ComponentModel.Win32Exception)
        {
            throw new InvalidOperationException("pdftotext not found: run the tests with ./build.sh test, which installs Debian's poppler-utils.");
        }
        using (process)
        {
            var text = await process.StandardOutput.ReadToEndAsync();
            await process.WaitForExitAsync();
            Assert.True(process.ExitCode == 0, $"pdftotext failed: {await process.StandardError.ReadToEndAsync()}");
            return text;
        }
    }
}
