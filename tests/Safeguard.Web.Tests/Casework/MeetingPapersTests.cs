using System.Net;
using Microsoft.EntityFrameworkCore;
using Safeguard.Core.Casework;
using Safeguard.Web.Tests.Infrastructure;

namespace Safeguard.Web.Tests.Casework;

/// <summary>Issue 6 in issue 3's meetings: the child's own words, and "not yet seen alone", head every meeting's papers.</summary>
public sealed class MeetingPapersTests : IAsyncLifetime
{
    private SafeguardServer _server = null!;

    public async Task InitializeAsync() =>
        _server = await SafeguardServer.StartAsync(settings: new Dictionary<string, string?> { ["Casework:MonitorInterval"] = "0", ["Email:PollInterval"] = "0" });

    public async Task DisposeAsync() => await _server.DisposeAsync();

    [Fact]
    public async Task The_strategy_discussion_papers_open_with_the_childs_voice_and_say_she_has_not_been_seen_alone()
    {
        var kayleigh = await _server.IdOfAsync("Kayleigh");
        var meeting = await _server.WithDbAsync(db => db.Meetings.Where(m => m.PersonId == kayleigh && m.Kind == MeetingKind.StrategyDiscussion).Select(m => m.Id).FirstAsync());
        using var worker = await SignedInClient.SignInAsync(_server, "csc.practitioner");
        var response = await worker.Http.GetAsync($"/children/{kayleigh}/meetings/{meeting}");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var page = WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync());
        var voice = page.IndexOf("In Kayleigh’s words", StringComparison.Ordinal);
        Assert.True(voice >= 0, "the meeting papers show the child's voice");
        Assert.Contains("Kayleigh has not yet been seen alone.", page, StringComparison.Ordinal);
        Assert.True(voice < page.IndexOf("Agencies invited", StringComparison.Ordinal), "the child's voice comes before the business of the meeting");
    }
}
