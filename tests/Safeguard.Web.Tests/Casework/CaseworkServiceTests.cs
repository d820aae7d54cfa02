using System.Globalization;
using System.Net;
using Microsoft.EntityFrameworkCore;
using Safeguard.Core;
using Safeguard.Core.Calendar;
using Safeguard.Core.Casework;
using Safeguard.Web.Casework;
using Safeguard.Web.Data;
using Safeguard.Web.Data.Model;
using Safeguard.Web.Demo;
using Safeguard.Web.Features.Concerns;
using Safeguard.Web.Tests.Infrastructure;

namespace Safeguard.Web.Tests.Casework;

/// <summary>
/// What must hold however many instances run and whenever jobs run: references never repeat, escalation steps are
/// recorded once, the partnership's calendar and timescales come from configuration, and bad input is named.
/// </summary>
public sealed class CaseworkServiceTests
{
    private static readonly Dictionary<string, string?> s_quiet = new() { ["Casework:MonitorInterval"] = "0", ["Email:PollInterval"] = "0" };

    public static TheoryData<DatabaseProvider> Providers => [DatabaseProvider.Postgres, DatabaseProvider.Sqlite];

    [Theory]
    [MemberData(nameof(Providers))]
    public async Task References_taken_at_once_by_many_writers_are_unique_and_consecutive(DatabaseProvider provider)
    {
        await using var server = await SafeguardServer.StartAsync(provider, settings: s_quiet);
        Guid reporter;
        Id<Agency> agency;
        await using (var scope = server.Scope())
        {
            var db = scope.ServiceProvider.GetRequiredService<SafeguardDbContext>();
            var user = await db.Users.SingleAsync(u => u.Email == DemoPartnership.EmailOf("youth.worker"));
            (reporter, agency) = (user.Id, user.AgencyId);
        }
        var submission = new ConcernIntake.Submission("Zoe", null, null, null, null, null, "Seen at the bus station.", null, server.Clock.GetUtcNow().AddHours(-1), null, false, null, []);

        const int Writers = 16;
        var references = await Task.WhenAll(Enumerable.Range(0, Writers).Select(async _ =>
        {
            await using var scope = server.Scope();
            var intake = scope.ServiceProvider.GetRequiredService<ConcernIntake>();
            return (await intake.RecordAsync(submission, new ConcernIntake.Reporter(reporter, agency), null, ConcernMatch.NoCandidates)).Reference;
        }));

        var year = server.Services.GetRequiredService<WorkingCalendar>().LocalDate(server.Clock.GetUtcNow()).Year;
        // The demo seeds two concerns first; the sixteen writers take the next sixteen numbers, one each.
        Assert.Equal(Enumerable.Range(3, Writers).Select(n => ReferenceNumbers.Format("REF", year, n)), references.Order(StringComparer.Ordinal));
    }

    [Fact]
    public async Task Escalation_steps_are_recorded_once_however_many_monitors_notice_them_at_once()
    {
        await using var server = await SafeguardServer.StartAsync(settings: s_quiet);
        var monitors = Enumerable.Range(0, 4).Select(_ => ActivatorUtilities.CreateInstance<CaseworkMonitor>(server.Services)).ToList();
        await Task.WhenAll(monitors.Select(m => m.RunOnceAsync()));
        await Task.WhenAll(monitors.Select(m => m.RunOnceAsync()));

        await using var scope = server.Scope();
        var db = scope.ServiceProvider.GetRequiredService<SafeguardDbContext>();
        var steps = await db.ActionEscalations.Select(e => new { e.ActionId, e.Level }).ToListAsync();
        Assert.NotEmpty(steps); // the demo's police check is overdue
        Assert.Equal(steps.Count, steps.Distinct().Count());
        var keys = await db.Notifications.Select(n => new { n.RecipientUserId, n.Key }).ToListAsync();
        Assert.Equal(keys.Count, keys.Distinct().Count());
        Assert.Equal(steps.Count, await db.Ledger.CountAsync(e => e.Type == "ActionEscalation.added"));

        // The demo's overdue police action: each step reached names the right person, up the police's own line.
        var police = await db.Actions.SingleAsync(a => a.Title.StartsWith("Check the Mill Road address"));
        var expected = new Dictionary<EscalationLevel, string>
        {
            [EscalationLevel.Owner] = "police.officer",
            [EscalationLevel.TeamManager] = "police.teammanager",
            [EscalationLevel.SeniorManager] = "police.seniormanager",
            [EscalationLevel.Partnership] = "partnership.admin",
        };
        var policeSteps = await db.ActionEscalations.Where(e => e.ActionId == police.Id).ToListAsync();
        Assert.Subset(policeSteps.Select(s => s.Level).ToHashSet(), new HashSet<EscalationLevel> { EscalationLevel.Owner, EscalationLevel.TeamManager, EscalationLevel.SeniorManager });
        foreach (var step in policeSteps)
        {
            var email = await db.Users.Where(u => u.Id == Guid.Parse(step.NotifiedUserIds)).Select(u => u.Email).SingleAsync();
            Assert.Equal(DemoPartnership.EmailOf(expected[step.Level]), email);
        }
    }

    [Fact]
    public async Task Timescales_and_closures_come_from_configuration()
    {
        var calendar = new WorkingCalendar(Features.Shared.UkTime.Zone);
        var today = calendar.LocalDate(DateTimeOffset.UtcNow);
        var closed = calendar.AddWorkingDays(today, 1);
        var settings = new Dictionary<string, string?>(s_quiet)
        {
            ["Timescales:ReferralDecision"] = "2 working days",
            ["Timescales:ReturnHomeInterview"] = "48 hours",
            ["Timescales:Escalation:Owner"] = "0",
            ["Timescales:Escalation:TeamManager"] = "", // appsettings.json sets every step: a blank one leaves the ladder
            ["Timescales:Escalation:SeniorManager"] = "",
            ["Timescales:Escalation:Partnership"] = "2",
            ["Calendar:Closures:0:Date"] = closed.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
            ["Calendar:Closures:0:Name"] = "Partnership training day",
        };
        await using var server = await SafeguardServer.StartAsync(settings: settings);
        var schedule = server.Services.GetRequiredService<CaseworkSchedule>();
        Assert.Equal(Timescale.WorkingDays(2), schedule.Timescales.ReferralDecision);
        Assert.Equal(Timescale.Hours(48), schedule.Timescales.ReturnHomeInterview);
        Assert.Equal([EscalationLevel.Owner, EscalationLevel.Partnership], schedule.Timescales.Escalation.Select(s => s.Level));
        Assert.False(schedule.Calendar.IsWorkingDay(closed));
        Assert.Same(schedule.Calendar, server.Services.GetRequiredService<WorkingCalendar>());
        // Two working days from today, skipping the closure.
        Assert.Equal(calendar.AddWorkingDays(today, 3), schedule.ReferralDecisionDue(server.Clock.GetUtcNow()).Date);
    }

    [Fact]
    public void A_timescale_that_cannot_be_read_stops_the_application_with_every_problem_named()
    {
        var failure = Assert.Throws<InvalidOperationException>(() => SafeguardApp.CreateBuilder([], new Dictionary<string, string?>
        {
            ["Safeguard:DataDirectory"] = Path.Combine(Path.GetTempPath(), "safeguard-tests", Guid.NewGuid().ToString("N")),
            ["Timescales:InitialConference"] = "fifteen working days",
            ["Timescales:RepeatMissingEpisodes"] = "1",
            ["Timescales:Escalation:Manager"] = "1",
            ["Calendar:Closures:0:Date"] = "24/12/2026",
        }));
        Assert.Contains("Timescales:InitialConference is 'fifteen working days'", failure.Message, StringComparison.Ordinal);
        Assert.Contains("RepeatMissingEpisodes is 1", failure.Message, StringComparison.Ordinal);
        Assert.Contains("Timescales:Escalation:Manager is not a step of the ladder", failure.Message, StringComparison.Ordinal);
        Assert.Contains("Calendar:Closures:0:Date is '24/12/2026'", failure.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Forms_name_each_problem_keep_what_was_typed_and_refuse_unknown_agencies()
    {
        await using var server = await SafeguardServer.StartAsync(settings: s_quiet);
        using var client = await SignedInClient.SignInAsync(server, "csc.practitioner");
        var now = Features.Shared.UkTime.ToLocal(server.Clock.GetUtcNow());
        string D(DateTimeOffset at, string part) => (part switch { "Day" => at.Day, "Month" => at.Month, _ => at.Year }).ToString(CultureInfo.InvariantCulture);

        var longText = new string('a', 8001);
        var concern = await client.PostFormAsync("/concerns/new", "/concerns/new",
            ("Input.ChildGivenName", "Zoe"), ("Input.ChildDateOfBirth.Day", "1"), ("Input.ChildDateOfBirth.Month", "1"), ("Input.ChildDateOfBirth.Year", (now.Year - 30).ToString(CultureInfo.InvariantCulture)),
            ("Input.OccurredOn.Day", D(now.AddDays(5), "Day")), ("Input.OccurredOn.Month", D(now.AddDays(5), "Month")), ("Input.OccurredOn.Year", D(now.AddDays(5), "Year")),
            ("Input.WhatHappened", longText), ("Input.ImmediateDanger", "yes"), ("Input.Adults[0].Registration", "NB19 ***"), ("Command", "send"));
        var html = WebUtility.HtmlDecode(await concern.Content.ReadAsStringAsync());
        Assert.Equal(HttpStatusCode.OK, concern.StatusCode);
        Assert.Contains("Date of birth makes them 18 or over", html, StringComparison.Ordinal);
        Assert.Contains("When it happened must be now or in the past", html, StringComparison.Ordinal);
        Assert.Contains("What you saw or heard must be 8,000 characters or fewer; you have entered 8,001", html, StringComparison.Ordinal);
        Assert.Contains("Say what you have done to keep the child safe", html, StringComparison.Ordinal);
        Assert.Contains("Enter the registration in letters and numbers", html, StringComparison.Ordinal);
        Assert.Contains(longText, html, StringComparison.Ordinal); // nothing typed is lost

        // "Add another adult" keeps everything and shows no errors.
        var another = await client.PostFormAsync("/concerns/new", "/concerns/new", ("Input.WhatHappened", "Kept"), ("Input.Adults[0].Name", "Dean"), ("Command", "add-adult"));
        var anotherHtml = await another.Content.ReadAsStringAsync();
        Assert.Contains("Adult 2", anotherHtml, StringComparison.Ordinal);
        Assert.Contains("value=\"Dean\"", anotherHtml, StringComparison.Ordinal);
        Assert.DoesNotContain("govuk-error-summary", anotherHtml, StringComparison.Ordinal);

        Id<Person> amber;
        await using (var scope = server.Scope())
        {
            var db = scope.ServiceProvider.GetRequiredService<SafeguardDbContext>();
            amber = await db.People.Where(p => p.GivenName == "Amber").Select(p => p.Id).SingleAsync();
        }
        var arrange = $"/children/{amber}/meetings/new";
        var far = now.AddYears(2);
        var meeting = await client.PostFormAsync(arrange, arrange, ("Input.Kind", "StrategyDiscussion"),
            ("Input.Date.Day", D(far, "Day")), ("Input.Date.Month", D(far, "Month")), ("Input.Date.Year", D(far, "Year")), ("Input.Time", "25:00"),
            ("Input.Agencies", Guid.NewGuid().ToString()));
        var meetingHtml = WebUtility.HtmlDecode(await meeting.Content.ReadAsStringAsync());
        Assert.Contains("The date must be within the next 12 months", meetingHtml, StringComparison.Ordinal);
        Assert.Contains("Enter the time on the 24-hour clock", meetingHtml, StringComparison.Ordinal);
        Assert.Contains("Choose agencies from the list: one of those sent is not a partner agency", meetingHtml, StringComparison.Ordinal);

        var assign = $"/children/{amber}/actions/new";
        var action = await client.PostFormAsync(assign, assign, ("Input.Source", "meeting:" + Guid.NewGuid()), ("Input.Title", new string('t', 301)), ("Input.Owner", Guid.NewGuid().ToString()),
            ("Input.Due.Day", D(far, "Day")), ("Input.Due.Month", D(far, "Month")), ("Input.Due.Year", D(far, "Year")));
        var actionHtml = WebUtility.HtmlDecode(await action.Content.ReadAsStringAsync());
        Assert.Contains("Choose the meeting or decision that created this action", actionHtml, StringComparison.Ordinal);
        Assert.Contains("What must be done must be 300 characters or fewer", actionHtml, StringComparison.Ordinal);
        Assert.Contains("Choose the one person who owns this action", actionHtml, StringComparison.Ordinal);
        Assert.Contains("The due date must be within the next 12 months", actionHtml, StringComparison.Ordinal);

        await using (var scope = server.Scope())
        {
            var db = scope.ServiceProvider.GetRequiredService<SafeguardDbContext>();
            Assert.False(await db.Concerns.AnyAsync(c => c.ChildGivenName == "Zoe"));
            Assert.False(await db.Meetings.AnyAsync(m => m.PersonId == amber));
            Assert.False(await db.Actions.AnyAsync(a => a.PersonId == amber));
        }
    }
}
