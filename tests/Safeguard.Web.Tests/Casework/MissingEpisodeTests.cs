using System.Globalization;
using System.Net;
using Microsoft.EntityFrameworkCore;
using Safeguard.Web.Data;
using Safeguard.Web.Data.Model;
using Safeguard.Web.Demo;
using Safeguard.Web.Features.Shared;
using Safeguard.Web.Tests.Infrastructure;

namespace Safeguard.Web.Tests.Casework;

/// <summary>
/// Missing episodes: a return makes the return home interview an owned action due 72 hours later; a third episode
/// within 30 days prompts a strategy discussion; impossible times are refused with clear messages.
/// </summary>
public sealed class MissingEpisodeTests : IAsyncLifetime
{
    private SafeguardServer _server = null!;

    public async Task InitializeAsync() =>
        _server = await SafeguardServer.StartAsync(settings: new Dictionary<string, string?> { ["Casework:MonitorInterval"] = "0", ["Email:PollInterval"] = "0" });

    public async Task DisposeAsync() => await _server.DisposeAsync();

    private static (string, string)[] Moment(string prefix, DateTimeOffset at, string timeField)
    {
        var local = UkTime.ToLocal(at);
        return
        [
            ($"{prefix}.Day", local.Day.ToString(CultureInfo.InvariantCulture)),
            ($"{prefix}.Month", local.Month.ToString(CultureInfo.InvariantCulture)),
            ($"{prefix}.Year", local.Year.ToString(CultureInfo.InvariantCulture)),
            (timeField, local.ToString("HH:mm", CultureInfo.InvariantCulture)),
        ];
    }

    [Fact]
    public async Task A_third_episode_in_30_days_prompts_a_strategy_discussion_and_the_interview_is_due_72_hours_after_the_return()
    {
        var jade = await _server.IdOfAsync("Jade");
        using var worker = await SignedInClient.SignInAsync(_server, "csc.practitioner2");
        var report = $"/children/{jade}/missing/new";
        var now = _server.Clock.GetUtcNow();
        var owner = await UserIdAsync("csc.practitioner2");

        // Impossible times are refused, naming the problem, and nothing is saved.
        var backwards = await worker.PostFormAsync(report, report,
        [
            .. Moment("Input.WentMissingOn", now.AddHours(-3), "Input.WentMissingTime"), ("Input.Circumstances", "Left the home at 19:00."), ("Input.Returned", "yes"),
            .. Moment("Input.Return.ReturnedOn", now.AddHours(-5), "Input.Return.ReturnedTime"), ("Input.Return.InterviewOwner", owner),
        ]);
        Assert.Contains("The return must be after the child went missing", await backwards.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        var future = await worker.PostFormAsync(report, report, [.. Moment("Input.WentMissingOn", now.AddDays(2), "Input.WentMissingTime"), ("Input.Circumstances", "x"), ("Input.Returned", "no")]);
        Assert.Contains("Date they went missing must be now or in the past", await future.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        var ancient = await worker.PostFormAsync(report, report, [.. Moment("Input.WentMissingOn", now.AddYears(-3), "Input.WentMissingTime"), ("Input.Circumstances", "x"), ("Input.Returned", "no")]);
        Assert.Contains("must be within the last 12 months", await ancient.Content.ReadAsStringAsync(), StringComparison.Ordinal);

        // The demo has two episodes in the last 20 days: this third one reaches the threshold.
        var went = now.AddHours(-30);
        var back = now.AddHours(-2);
        var saved = await worker.PostFormAsync(report, report,
        [
            .. Moment("Input.WentMissingOn", went, "Input.WentMissingTime"), ("Input.Circumstances", "Left Oakfield in a taxi; not back by curfew."), ("Input.Returned", "yes"),
            .. Moment("Input.Return.ReturnedOn", back, "Input.Return.ReturnedTime"), ("Input.Return.ReturnDetails", "Found by police at Canal Street."), ("Input.Return.InterviewOwner", owner),
        ]);
        Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);

        var missing = await worker.Http.GetStringAsync($"/children/{jade}/missing");
        Assert.Contains("went missing 3 times within 30 days", missing, StringComparison.Ordinal);
        Assert.Contains("Interview due", missing, StringComparison.Ordinal);
        var meetings = await worker.Http.GetStringAsync($"/children/{jade}/meetings");
        Assert.Contains("after 3 missing episodes within 30 days", meetings, StringComparison.Ordinal);

        await using (var scope = _server.Scope())
        {
            var db = scope.ServiceProvider.GetRequiredService<SafeguardDbContext>();
            var episode = await db.MissingEpisodes.OrderByDescending(e => e.ReportedAt).FirstAsync(e => e.PersonId == jade);
            var interview = await db.Actions.SingleAsync(a => a.MissingEpisodeId == episode.Id);
            var minute = TimeSpan.FromMinutes(1);
            Assert.Equal(episode.ReturnedAt!.Value.AddHours(72), interview.DueAt);
            Assert.True(episode.ReturnedAt.Value > back - minute && episode.ReturnedAt.Value <= back);
            Assert.Equal([ChronologyKinds.MissingEpisode, ChronologyKinds.ReturnedFromMissing],
                await db.Chronology.Where(e => e.Source!.StartsWith($"missing/{episode.Id}")).OrderBy(e => e.OccurredAt).Select(e => e.Kind).ToListAsync());
            var prompted = await db.Notifications.Where(n => n.Key == $"repeat-missing/{episode.Id}").Join(db.Users, n => n.RecipientUserId, u => u.Id, (n, u) => u.Email).ToListAsync();
            Assert.Contains(DemoPartnership.EmailOf("csc.practitioner2"), prompted); // her lead worker
            Assert.Contains(DemoPartnership.EmailOf("csc.teammanager"), prompted); // children's social care's managers
            Assert.Contains(DemoPartnership.EmailOf("health.nurse"), prompted); // and every agency's lead worker for her
        }

        // 73 hours after the return the interview is overdue; done now, it is recorded as held late.
        _server.Clock.Advance(TimeSpan.FromHours(73));
        using var later = await SignedInClient.SignInAsync(_server, "csc.practitioner2");
        Assert.Contains("Interview overdue", await later.Http.GetStringAsync($"/children/{jade}/missing"), StringComparison.Ordinal);
        string action;
        await using (var scope = _server.Scope())
        {
            var db = scope.ServiceProvider.GetRequiredService<SafeguardDbContext>();
            action = (await db.Actions.Where(a => a.PersonId == jade && a.MissingEpisodeId != null && a.CompletedAt == null).OrderByDescending(a => a.AssignedAt).FirstAsync()).Id.ToString();
        }
        var page = $"/actions/{action}";
        Assert.Equal(HttpStatusCode.Redirect, (await later.PostFormAsync($"{page}?handler=Complete", page, ("CompletionNote", "Jade spoke about a man called Dean who pays for the taxis."))).StatusCode);
        var after = await later.Http.GetStringAsync($"/children/{jade}/missing");
        Assert.Contains("Interview held late", after, StringComparison.Ordinal);
        await using (var scope = _server.Scope())
        {
            var db = scope.ServiceProvider.GetRequiredService<SafeguardDbContext>();
            Assert.True(await db.Chronology.AnyAsync(e => e.PersonId == jade && e.Kind == ChronologyKinds.ReturnHomeInterview && e.Summary.Contains("done late")));
        }
    }

    private async Task<string> UserIdAsync(string user)
    {
        await using var scope = _server.Scope();
        var db = scope.ServiceProvider.GetRequiredService<SafeguardDbContext>();
        return (await db.Users.SingleAsync(u => u.Email == DemoPartnership.EmailOf(user))).Id.ToString();
    }
}
