using System.Net;
using Microsoft.EntityFrameworkCore;
using Safeguard.Core;
using Safeguard.Core.Access;
using Safeguard.Core.Calendar;
using Safeguard.Core.Casework;
using Safeguard.Web.Casework;
using Safeguard.Web.Data.Model;
using Safeguard.Web.Demo;
using Safeguard.Web.Tests.Infrastructure;

namespace Safeguard.Web.Tests.Access;

/// <summary>
/// Every break-glass lands with a named reviewer who is not its user, shows in that reviewer's queue, and climbs the
/// escalation ladder when nobody reviews it (issue 10, defect 4).
/// </summary>
public sealed class BreakGlassReviewTests(SeededServerFixture fixture) : IClassFixture<SeededServerFixture>
{
    private const string Reason = "Missing since last night; police need her contacts and where she may be now.";

    private static readonly Dictionary<string, string?> s_quiet = new() { ["Casework:MonitorInterval"] = "0", ["Email:PollInterval"] = "0" };

    private readonly SafeguardServer _server = fixture.Server;

    /// <summary>The eight demo accounts with no line manager, the child each has no relationship with, and who reviews.</summary>
    [Theory]
    [InlineData("csc.seniormanager", "Ewa", "partnership.admin")]
    [InlineData("police.seniormanager", "Ewa", "partnership.admin")]
    [InlineData("health.teammanager", "Kayleigh", "partnership.admin")]
    [InlineData("school.head", "Ewa", "partnership.admin")]
    [InlineData("youth.manager", "Ewa", "partnership.admin")]
    [InlineData("licensing.manager", "Ewa", "partnership.admin")]
    [InlineData("partnership.admin", "Ewa", "scrutineer")]
    [InlineData("scrutineer", "Ewa", "partnership.admin")]
    public async Task A_break_glass_by_someone_with_no_manager_lands_with_a_named_reviewer_who_sees_and_reviews_it(string user, string childName, string expectedReviewer)
    {
        var account = await _server.WithDbAsync(db => db.Users.Where(u => u.Email == DemoPartnership.EmailOf(user))
            .Select(u => new { u.Id, u.DisplayName, u.ManagerId }).SingleAsync());
        var (userId, userName) = (account.Id, account.DisplayName);
        Assert.Null(account.ManagerId);
        var reviewerId = await UserIdAsync(expectedReviewer);
        var child = await _server.IdOfAsync(childName);

        using (var client = await SignedInClient.SignInAsync(_server, user))
        {
            var opened = await client.PostFormAsync($"/children/{child}/break-glass", $"/children/{child}/break-glass", ("Input.Reason", Reason));
            Assert.Equal(HttpStatusCode.Redirect, opened.StatusCode);
            Assert.Equal($"/children/{child}", opened.Headers.Location?.OriginalString);
            Assert.Equal(HttpStatusCode.OK, (await client.Http.GetAsync($"/children/{child}")).StatusCode);
            // Their own use of the glass is not in their own queue, and they cannot review it by posting its id.
            var own = await BreakGlassOfAsync(userId, child);
            Assert.DoesNotContain($"{userName} opened the record", await client.Http.GetStringAsync("/reviews"), StringComparison.Ordinal);
            var selfReview = await client.PostFormAsync("/reviews?handler=ReviewBreakGlass", "/home", ("id", own.Id.ToString()), ("outcome", "Justified"));
            Assert.Equal(HttpStatusCode.NotFound, selfReview.StatusCode);
        }

        // Read back: the reviewer was named and stored when the glass was broken, and told at once.
        var stored = await BreakGlassOfAsync(userId, child);
        Assert.Equal(reviewerId, stored.ReviewerUserId);
        Assert.NotEqual(userId, stored.ReviewerUserId);
        Assert.Equal(BreakGlassReviewerBasis.PartnershipReviewer, stored.ReviewerBasis);
        Assert.Equal(BreakGlassReview.Pending, stored.Review);
        var told = await _server.WithDbAsync(db => db.Notifications.AsNoTracking().SingleAsync(n => n.Key == $"break-glass/{stored.Id}"));
        Assert.Equal(reviewerId, told.RecipientUserId);
        Assert.Contains(userName, told.Text, StringComparison.Ordinal);
        Assert.DoesNotContain(childName, told.Text, StringComparison.Ordinal);

        // The reviewer finds it in their queue and in "my work", and records the review.
        using (var reviewer = await SignedInClient.SignInAsync(_server, expectedReviewer))
        {
            var reviews = await reviewer.Http.GetStringAsync("/reviews");
            Assert.Contains($"{userName} opened the record of {childName}", reviews, StringComparison.Ordinal);
            Assert.Contains(Reason, reviews, StringComparison.Ordinal);
            Assert.Contains("You are the partnership&#x27;s reviewer", reviews, StringComparison.Ordinal);
            Assert.Contains($"Emergency access by {userName}", await reviewer.Http.GetStringAsync("/my-work"), StringComparison.Ordinal);
            var reviewed = await reviewer.PostFormAsync("/reviews?handler=ReviewBreakGlass", "/reviews", ("id", stored.Id.ToString()), ("outcome", "Justified"));
            Assert.Equal(HttpStatusCode.Redirect, reviewed.StatusCode);
        }
        var after = await BreakGlassOfAsync(userId, child);
        Assert.Equal((BreakGlassReview.Justified, reviewerId), (after.Review, after.ReviewedByUserId));
        var ledgered = await _server.WithDbAsync(db => db.Ledger.AsNoTracking()
            .Where(e => e.Type == "BreakGlassAccess.changed" && e.Stream == Person.PersonStream(child) && e.Payload.Contains(stored.Id.ToString()))
            .OrderByDescending(e => e.Sequence).FirstAsync());
        Assert.Equal($"user/{reviewerId}", ledgered.Actor);
        Assert.Contains("Justified", ledgered.Payload, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Only_the_reviewer_or_someone_it_has_escalated_to_may_review_a_break_glass()
    {
        var child = await _server.IdOfAsync("Ewa");
        var practitioner = await UserIdAsync("csc.practitioner2");
        using (var client = await SignedInClient.SignInAsync(_server, "csc.practitioner2"))
        {
            Assert.Equal(HttpStatusCode.Redirect, (await client.PostFormAsync($"/children/{child}/break-glass", $"/children/{child}/break-glass", ("Input.Reason", Reason))).StatusCode);
        }
        var stored = await BreakGlassOfAsync(practitioner, child);
        Assert.Equal((await UserIdAsync("csc.teammanager"), BreakGlassReviewerBasis.LineManager), (stored.ReviewerUserId, stored.ReviewerBasis));

        // Another team's manager, the partnership (before anything has escalated) and a colleague: none may review it.
        foreach (var other in new[] { "police.teammanager", "partnership.admin", "csc.practitioner" })
        {
            using var client = await SignedInClient.SignInAsync(_server, other);
            Assert.DoesNotContain("Grace Adeyemi opened the record", await client.Http.GetStringAsync("/reviews"), StringComparison.Ordinal);
            var refused = await client.PostFormAsync("/reviews?handler=ReviewBreakGlass", "/reviews", ("id", stored.Id.ToString()), ("outcome", "NotJustified"), ("note", "Not theirs to review."));
            Assert.Equal(HttpStatusCode.NotFound, refused.StatusCode);
        }
        Assert.Equal(BreakGlassReview.Pending, (await BreakGlassOfAsync(practitioner, child)).Review);
    }

    [Fact]
    public async Task An_unreviewed_break_glass_climbs_the_ladder_each_step_ledgered_and_told_and_never_reaches_its_user()
    {
        await using var server = await SafeguardServer.StartAsync(settings: s_quiet);
        var calendar = server.Services.GetRequiredService<WorkingCalendar>();
        var schedule = server.Services.GetRequiredService<CaseworkSchedule>();
        // A Monday at least a week ahead, so the working days below are computed, never guessed.
        var day0 = calendar.NextWorkingDayOnOrAfter(DateOnly.FromDateTime(DateTime.UtcNow).AddDays(7));
        while (day0.DayOfWeek != DayOfWeek.Monday || !calendar.IsWorkingDay(day0))
        {
            day0 = calendar.NextWorkingDayOnOrAfter(day0.AddDays(1));
        }
        server.Clock.SetUtcNow(Features.Shared.UkTime.ToUtc(day0, new TimeOnly(10, 0)));

        var ewa = await server.IdOfAsync("Ewa");
        var practitioner = await UserIdOnAsync(server, "csc.practitioner");
        var admin = await UserIdOnAsync(server, "partnership.admin");
        foreach (var user in new[] { "csc.practitioner", "partnership.admin" })
        {
            using var client = await SignedInClient.SignInAsync(server, user);
            Assert.Equal(HttpStatusCode.Redirect, (await client.PostFormAsync($"/children/{ewa}/break-glass", $"/children/{ewa}/break-glass", ("Input.Reason", Reason))).StatusCode);
        }
        var sams = await server.WithDbAsync(db => db.BreakGlass.AsNoTracking().SingleAsync(b => b.UserId == practitioner));
        var bens = await server.WithDbAsync(db => db.BreakGlass.AsNoTracking().SingleAsync(b => b.UserId == admin));
        Assert.Equal(await UserIdOnAsync(server, "csc.teammanager"), sams.ReviewerUserId);
        Assert.Equal(await UserIdOnAsync(server, "scrutineer"), bens.ReviewerUserId);

        // Nobody reviews them. The clock reaches the senior manager's step: three working days after the review was due.
        var due = schedule.BreakGlassReviewDue(sams.At);
        var seniorStep = calendar.AddWorkingDays(calendar.LastWorkingDayOnOrBefore(due.Date), 3);
        server.Clock.SetUtcNow(Features.Shared.UkTime.ToUtc(seniorStep, new TimeOnly(10, 0)));

        // Before any job has run, the head of service already has Sam's review in her queue, as escalated to her.
        using (var head = await SignedInClient.SignInAsync(server, "csc.seniormanager"))
        {
            var work = await head.Http.GetStringAsync("/my-work");
            Assert.Contains("Emergency access by Sam Whitfield", work, StringComparison.Ordinal);
            Assert.Contains("Escalated to you as senior manager", work, StringComparison.Ordinal);
            Assert.Contains("Sam Whitfield opened the record of Ewa Nowak", await head.Http.GetStringAsync("/reviews"), StringComparison.Ordinal);
        }

        var monitor = server.Services.GetRequiredService<CaseworkMonitor>();
        Assert.True(await monitor.RunOnceAsync() >= 6);
        var recorded = await server.WithDbAsync(db => db.BreakGlassEscalations.AsNoTracking().ToListAsync());
        Assert.Equal(0, await monitor.RunOnceAsync()); // each step is recorded once
        Assert.Equal(recorded.Count, await server.WithDbAsync(db => db.BreakGlassEscalations.CountAsync()));

        // Sam's: the team manager is reminded on the due date, then the head of service is told, at both steps above.
        var samsSteps = recorded.Where(e => e.BreakGlassId == sams.Id).OrderBy(e => e.Level).ToList();
        Assert.Equal([EscalationLevel.Owner, EscalationLevel.TeamManager, EscalationLevel.SeniorManager], samsSteps.Select(s => s.Level));
        Assert.Equal(
            [(await UserIdOnAsync(server, "csc.teammanager")).ToString(), (await UserIdOnAsync(server, "csc.seniormanager")).ToString(), (await UserIdOnAsync(server, "csc.seniormanager")).ToString()],
            samsSteps.Select(s => s.NotifiedUserIds));
        Assert.All(samsSteps, s => Assert.Equal(ewa, s.PersonId));

        // Ben's (the partnership administrator, reviewed by the scrutineer): every step names someone, never Ben.
        var bensSteps = recorded.Where(e => e.BreakGlassId == bens.Id).ToList();
        Assert.Equal(3, bensSteps.Count);
        Assert.All(bensSteps, s =>
        {
            Assert.NotEmpty(s.NotifiedUserIds);
            Assert.DoesNotContain(admin.ToString(), s.NotifiedUserIds, StringComparison.Ordinal);
        });

        // Each step is in the ledger on the child's stream, and each person told has a notification and an email that
        // does not name the child.
        var ledger = await server.WithDbAsync(db => db.Ledger.AsNoTracking().Where(e => e.Type == "BreakGlassEscalation.added").ToListAsync());
        Assert.Equal(recorded.Count, ledger.Count);
        Assert.All(ledger, e => Assert.Equal(Person.PersonStream(ewa), e.Stream));
        var headOfService = await UserIdOnAsync(server, "csc.seniormanager");
        var notice = await server.WithDbAsync(db => db.Notifications.AsNoTracking().SingleAsync(n => n.Key == $"break-glass-escalation/{sams.Id}/{EscalationLevel.SeniorManager}"));
        Assert.Equal(headOfService, notice.RecipientUserId);
        Assert.Contains("Sam Whitfield", notice.Text, StringComparison.Ordinal);
        var email = await server.WithDbAsync(db => db.Outbox.AsNoTracking().SingleAsync(o => o.NotificationId == notice.Id));
        Assert.Equal(DemoPartnership.EmailOf("csc.seniormanager"), email.To);
        Assert.DoesNotContain("Nowak", email.Subject + email.Body, StringComparison.Ordinal);

        // The head of service reviews it: it leaves every queue, and it climbs no further.
        using (var head = await SignedInClient.SignInAsync(server, "csc.seniormanager"))
        {
            var reviewed = await head.PostFormAsync("/reviews?handler=ReviewBreakGlass", "/reviews", ("id", sams.Id.ToString()), ("outcome", "NotJustified"), ("note", "Ewa was not missing: health should have been called first."));
            Assert.Equal(HttpStatusCode.Redirect, reviewed.StatusCode);
            Assert.DoesNotContain("Sam Whitfield opened the record", await head.Http.GetStringAsync("/reviews"), StringComparison.Ordinal);
        }
        var closed = await server.WithDbAsync(db => db.BreakGlass.AsNoTracking().SingleAsync(b => b.Id == sams.Id));
        Assert.Equal((BreakGlassReview.NotJustified, headOfService), (closed.Review, closed.ReviewedByUserId));
        server.Clock.Advance(TimeSpan.FromDays(14));
        await monitor.RunOnceAsync();
        Assert.Equal(3, await server.WithDbAsync(db => db.BreakGlassEscalations.CountAsync(e => e.BreakGlassId == sams.Id)));
        Assert.Equal(4, await server.WithDbAsync(db => db.BreakGlassEscalations.CountAsync(e => e.BreakGlassId == bens.Id)));
    }

    [Fact]
    public async Task The_partnership_names_its_reviewers_and_with_nobody_but_the_user_the_glass_does_not_open()
    {
        var settings = new Dictionary<string, string?>(s_quiet)
        {
            ["Access:BreakGlassReviewers:0"] = DemoPartnership.EmailOf("scrutineer"),
            ["Timescales:BreakGlassReview"] = "2 working days",
        };
        await using var server = await SafeguardServer.StartAsync(settings: settings);
        Assert.Equal(Timescale.WorkingDays(2), server.Services.GetRequiredService<CaseworkSchedule>().Timescales.BreakGlassReview);
        var ewa = await server.IdOfAsync("Ewa");

        // The youth project's manager has no manager and no senior manager: the one designated account reviews.
        using (var client = await SignedInClient.SignInAsync(server, "youth.manager"))
        {
            Assert.Equal(HttpStatusCode.Redirect, (await client.PostFormAsync($"/children/{ewa}/break-glass", $"/children/{ewa}/break-glass", ("Input.Reason", Reason))).StatusCode);
        }
        var youth = await UserIdOnAsync(server, "youth.manager");
        var stored = await server.WithDbAsync(db => db.BreakGlass.AsNoTracking().SingleAsync(b => b.UserId == youth));
        Assert.Equal((await UserIdOnAsync(server, "scrutineer"), BreakGlassReviewerBasis.PartnershipReviewer), (stored.ReviewerUserId, stored.ReviewerBasis));

        // The scrutineer is the only one designated: their own use of the glass would have no reviewer, so it is refused.
        using (var client = await SignedInClient.SignInAsync(server, "scrutineer"))
        {
            var refused = await client.PostFormAsync($"/children/{ewa}/break-glass", $"/children/{ewa}/break-glass", ("Input.Reason", Reason));
            Assert.Equal(HttpStatusCode.OK, refused.StatusCode);
            Assert.Contains("nobody is set up to review it", await refused.Content.ReadAsStringAsync(), StringComparison.Ordinal);
            Assert.Equal(HttpStatusCode.NotFound, (await client.Http.GetAsync($"/children/{ewa}")).StatusCode);
        }
        var scrutineer = await UserIdOnAsync(server, "scrutineer");
        Assert.False(await server.WithDbAsync(db => db.BreakGlass.AnyAsync(b => b.UserId == scrutineer)));
    }

    [Fact]
    public void A_designated_reviewer_that_is_neither_a_role_nor_an_email_address_stops_the_application()
    {
        var failure = Assert.Throws<InvalidOperationException>(() => SafeguardApp.CreateBuilder([], new Dictionary<string, string?>
        {
            ["Safeguard:DataDirectory"] = Path.Combine(Path.GetTempPath(), "safeguard-tests", Guid.NewGuid().ToString("N")),
            ["Access:BreakGlassReviewers:0"] = "the partnership",
        }));
        Assert.Contains("Access:BreakGlassReviewers names 'the partnership'", failure.Message, StringComparison.Ordinal);
    }

    private Task<Guid> UserIdAsync(string user) => UserIdOnAsync(_server, user);

    private static Task<Guid> UserIdOnAsync(SafeguardServer server, string user) =>
        server.WithDbAsync(db => db.Users.Where(u => u.Email == DemoPartnership.EmailOf(user)).Select(u => u.Id).SingleAsync());

    private Task<BreakGlassAccess> BreakGlassOfAsync(Guid userId, Id<Person> child) =>
        _server.WithDbAsync(db => db.BreakGlass.AsNoTracking().Where(b => b.UserId == userId && b.PersonId == child).OrderByDescending(b => b.At).FirstAsync());
}
