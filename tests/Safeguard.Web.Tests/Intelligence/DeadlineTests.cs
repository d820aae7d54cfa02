using System.Net;
using Microsoft.EntityFrameworkCore;
using Safeguard.Web.Data;
using Safeguard.Web.Demo;
using Safeguard.Web.Features.Intelligence;
using Safeguard.Web.Tests.Infrastructure;

namespace Safeguard.Web.Tests.Intelligence;

/// <summary>
/// Deadlines and the escalation ladder, driven by the fake clock: what the pages show is computed from the stored
/// facts and the clock when they are read, so moving the clock is all it takes (no job runs in these tests).
/// </summary>
public sealed class DeadlineTests : IAsyncLifetime
{
    private SafeguardServer _server = null!;

    public async Task InitializeAsync() => _server = await SafeguardServer.StartAsync();

    public async Task DisposeAsync() => await _server.DisposeAsync();

    [Fact]
    public async Task Intelligence_no_one_answers_climbs_the_ladder_to_the_owners_managers_and_leaves_it_when_answered()
    {
        using (var worker = await SignedInClient.SignInAsync(_server, "youth.worker"))
        {
            Assert.Equal(HttpStatusCode.Redirect, (await worker.PostFormAsync("/intelligence/submit", "/intelligence/submit",
                ("Input.Title", "Escalation check"), ("Input.Text", "The silver car was back."))).StatusCode);
        }
        using (var school = await SignedInClient.SignInAsync(_server, "school.dsl"))
        {
            Assert.Equal(HttpStatusCode.Redirect, (await school.PostFormAsync("/intelligence/submit", "/intelligence/submit",
                ("Input.Title", "Never graded"), ("Input.Text", "Older men at the gate."))).StatusCode);
        }
        var (item, ungradedAt, routedOn) = await ArrangeAsync();
        using (var analyst = await SignedInClient.SignInAsync(_server, "police.analyst"))
        {
            Assert.Equal(HttpStatusCode.Redirect, (await analyst.PostFormAsync($"/intelligence/{item}/grade", $"/intelligence/{item}/grade",
                ("Input.Source", "2"), ("Input.Assessment", "B"), ("Input.Handling", "P"), ("Input.Priority", "Medium"))).StatusCode);
            var jess = await UserIdAsync("youth.worker");
            Assert.Equal(HttpStatusCode.Redirect, (await analyst.PostFormAsync($"/intelligence/{item}/route", $"/intelligence/{item}/route", ("Input.Owner", jess.ToString()))).StatusCode);
        }
        var routedText = $"Intelligence routed to Riverside Youth Project on {routedOn}, no action or decision recorded";
        var ungradedText = $"Intelligence received {ungradedAt} from Northbridge Schools, not yet graded and routed";
        using (var manager = await SignedInClient.SignInAsync(_server, "youth.manager"))
        {
            Assert.DoesNotContain(routedText, WebUtility.HtmlDecode(await manager.Http.GetStringAsync("/intelligence/escalated")), StringComparison.Ordinal);
        }

        // Three weeks on: more than five working days to the due date and five more up the ladder, whatever the calendar.
        _server.Clock.Advance(TimeSpan.FromDays(21));
        using (var manager = await SignedInClient.SignInAsync(_server, "youth.manager"))
        {
            var page = WebUtility.HtmlDecode(await manager.Http.GetStringAsync("/intelligence/escalated"));
            Assert.Contains(routedText, page, StringComparison.Ordinal);
            Assert.Contains("escalated to the partnership", page, StringComparison.Ordinal);
            Assert.Contains("overdue item", await manager.Http.GetStringAsync("/home"), StringComparison.Ordinal);
        }
        using (var admin = await SignedInClient.SignInAsync(_server, "partnership.admin"))
        {
            var page = WebUtility.HtmlDecode(await admin.Http.GetStringAsync("/intelligence/escalated"));
            Assert.Contains(routedText, page, StringComparison.Ordinal);
            Assert.Contains(ungradedText, page, StringComparison.Ordinal);
            // The partnership is told what has slipped, not what the intelligence says.
            Assert.DoesNotContain("Escalation check", page, StringComparison.Ordinal);
        }
        using (var policeManager = await SignedInClient.SignInAsync(_server, "police.teammanager"))
        {
            var page = WebUtility.HtmlDecode(await policeManager.Http.GetStringAsync("/intelligence/escalated"));
            Assert.Contains(ungradedText, page, StringComparison.Ordinal);
            Assert.DoesNotContain(routedText, page, StringComparison.Ordinal);
            Assert.Contains("Lee Tanner: identified, not disrupted", page, StringComparison.Ordinal);
        }
        using (var other = await SignedInClient.SignInAsync(_server, "health.teammanager"))
        {
            Assert.DoesNotContain(routedText, WebUtility.HtmlDecode(await other.Http.GetStringAsync("/intelligence/escalated")), StringComparison.Ordinal);
        }

        using (var worker = await SignedInClient.SignInAsync(_server, "youth.worker"))
        {
            Assert.Equal(HttpStatusCode.Redirect, (await worker.PostFormAsync($"/intelligence/{item}?handler=Outcome", "/home",
                ("Input.Kind", "ActionTaken"), ("Input.Text", "Car reported to police; Kayleigh's keyworker told."))).StatusCode);
        }
        using (var manager = await SignedInClient.SignInAsync(_server, "youth.manager"))
        {
            Assert.DoesNotContain(routedText, WebUtility.HtmlDecode(await manager.Http.GetStringAsync("/intelligence/escalated")), StringComparison.Ordinal);
            var responses = WebUtility.HtmlDecode(await manager.Http.GetStringAsync("/intelligence/responses"));
            Assert.Contains("Riverside Youth Project", responses, StringComparison.Ordinal);
        }
    }

    private async Task<(Core.Id<Data.Model.IntelligenceItem> Item, string UngradedAt, string RoutedOn)> ArrangeAsync()
    {
        await using var scope = _server.Scope();
        var db = scope.ServiceProvider.GetRequiredService<SafeguardDbContext>();
        var item = await db.IntelligenceItems.SingleAsync(i => i.Title == "Escalation check");
        var ungraded = await db.IntelligenceItems.SingleAsync(i => i.Title == "Never graded");
        return (item.Id, PoleText.Day(ungraded.SubmittedAt), PoleText.Day(db.Now));
    }

    private async Task<Guid> UserIdAsync(string user)
    {
        await using var scope = _server.Scope();
        var db = scope.ServiceProvider.GetRequiredService<SafeguardDbContext>();
        return await db.Users.Where(u => u.UserName == DemoPartnership.EmailOf(user)).Select(u => u.Id).SingleAsync();
    }
}
