using System.Net;
using Safeguard.Web.Data;
using Safeguard.Web.Tests.Infrastructure;

namespace Safeguard.Web.Tests.Believe;

/// <summary>Issue 6's queries on SQLite, the embedded default, as on PostgreSQL.</summary>
public sealed class SqliteParityTests
{
    [Fact]
    public async Task The_queue_screening_and_partnership_figures_work_on_sqlite()
    {
        await using var server = await SafeguardServer.StartAsync(DatabaseProvider.Sqlite);
        var amber = await server.IdOfAsync("Amber");

        using var lead = await SignedInClient.SignInAsync(server, "csc.cselead");
        var queue = await lead.Http.GetStringAsync("/exploitation");
        Assert.Contains("Amber Lewis", queue, StringComparison.Ordinal);
        Assert.Contains("Arrest of Ewa Nowak", queue, StringComparison.Ordinal);

        using var practitioner = await SignedInClient.SignInAsync(server, "csc.practitioner");
        var screened = await practitioner.PostFormAsync($"/children/{amber}/screening/new", "/home",
            ("Input.InstrumentId", "cse-screening"), ("Input.InstrumentVersion", "1"),
            ("Input.Answers[0].ItemId", "going-missing"), ("Input.Answers[0].Present", "true"));
        Assert.Equal(HttpStatusCode.Redirect, screened.StatusCode);
        Assert.Contains("Not at risk", await practitioner.Http.GetStringAsync($"/children/{amber}/screening"), StringComparison.Ordinal);

        var learning = await lead.Http.GetAsync("/partnership/learning");
        Assert.Equal(HttpStatusCode.OK, learning.StatusCode);
        Assert.Contains("Not at risk", await learning.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }
}
