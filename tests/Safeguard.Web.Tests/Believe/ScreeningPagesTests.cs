using System.Net;
using System.Net.Http.Headers;
using Microsoft.EntityFrameworkCore;
using Safeguard.Core;
using Safeguard.Core.Screening;
using Safeguard.Web.Data.Model;
using Safeguard.Web.Tests.Infrastructure;

namespace Safeguard.Web.Tests.Believe;

/// <summary>Screening over HTTP: instruments as versioned data, scoring appended to history, overrides, re-screening due.</summary>
public sealed class ScreeningPagesTests : IAsyncLifetime
{
    private SafeguardServer _server = null!;
    private Id<Person> _amber;

    public async Task InitializeAsync()
    {
        _server = await SafeguardServer.StartAsync();
        _amber = await _server.IdOfAsync("Amber");
    }

    public async Task DisposeAsync() => await _server.DisposeAsync();

    /// <summary>The page as a reader sees it: HTML entities decoded.</summary>
    private static async Task<string> TextAsync(HttpResponseMessage response) => WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync());

    [Fact]
    public async Task A_partnership_adds_instrument_versions_that_validate_and_new_screenings_use_the_newest()
    {
        using var admin = await SignedInClient.SignInAsync(_server, "partnership.admin");
        const string Page = "/admin/screening-instruments";
        async Task<HttpResponseMessage> PasteAsync(string json) => await admin.PostFormAsync(Page, Page, ("Input.Json", json));

        var unreadable = await PasteAsync("{ not json");
        Assert.Equal(HttpStatusCode.OK, unreadable.StatusCode);
        Assert.Contains("The JSON cannot be read", await TextAsync(unreadable), StringComparison.Ordinal);

        var again = await PasteAsync(ScreeningJson.Write(DefaultInstrument.Instance));
        Assert.Contains("Version 1 of 'cse-screening' is not new", await TextAsync(again), StringComparison.Ordinal);

        var gaps = await PasteAsync(ScreeningJson.Write(DefaultInstrument.Instance with { Version = 2, Bands = [new("low", "Low", 0, 5), new("high", "High", 8, null)] }));
        var gapsHtml = await TextAsync(gaps);
        Assert.Contains("Bands leave a gap: no band for scores 6–7.", gapsHtml, StringComparison.Ordinal);
        Assert.Contains("Automatic rule 'disclosure' refers to unknown band 'significant'.", gapsHtml, StringComparison.Ordinal);

        var v2 = DefaultInstrument.Instance with
        {
            Version = 2,
            Items = [.. DefaultInstrument.Instance.Items, new ScreeningItem("county-lines", DefaultInstrument.ModerateIndicators, "Carrying drugs or money for others", [new RecencyPoints(1)])],
            RescreenMonths = 2,
        };
        Assert.Equal(HttpStatusCode.Redirect, (await PasteAsync(ScreeningJson.Write(v2))).StatusCode);

        // A file works as well as pasting.
        var v3 = v2 with { Version = 3, Name = "CSE screening (Northbridge)" };
        using var upload = new MultipartFormDataContent
        {
            { new StringContent(await SignedInClient.TokenFromAsync(admin.Http, Page)), "__RequestVerificationToken" },
            { new ByteArrayContent(System.Text.Encoding.UTF8.GetBytes(ScreeningJson.Write(v3))) { Headers = { ContentType = new MediaTypeHeaderValue("application/json") } }, "Input.File", "northbridge.json" },
        };
        Assert.Equal(HttpStatusCode.Redirect, (await admin.Http.PostAsync(Page, upload)).StatusCode);

        Assert.Equal([1, 2, 3], await _server.WithDbAsync(db => db.ScreeningInstruments.OrderBy(i => i.Version).Select(i => i.Version).ToListAsync()));
        using var practitioner = await SignedInClient.SignInAsync(_server, "csc.practitioner");
        var form = await practitioner.Http.GetStringAsync($"/children/{_amber}/screening/new");
        Assert.Contains("CSE screening (Northbridge), version 3", form, StringComparison.Ordinal);
        Assert.Contains("Carrying drugs or money for others", form, StringComparison.Ordinal);
    }

    private Task<HttpResponseMessage> ScreenAsync(SignedInClient client, int version, params (string, string)[] answers)
    {
        (string, string)[] fields = [("Input.InstrumentId", "cse-screening"), ("Input.InstrumentVersion", version.ToString(System.Globalization.CultureInfo.InvariantCulture)), .. answers];
        return client.PostFormAsync($"/children/{_amber}/screening/new", "/home", fields);
    }

    [Fact]
    public async Task A_screening_is_scored_by_core_appended_to_history_and_the_chronology_and_an_override_needs_a_rationale()
    {
        using var client = await SignedInClient.SignInAsync(_server, "csc.practitioner");
        var missingOn = DateTime.UtcNow.AddDays(-20);
        var answers = new (string, string)[]
        {
            // Each answer is posted with its item id beside it, so the order of the answers does not matter.
            ("Input.Answers[0].ItemId", "going-missing"), ("Input.Answers[0].Present", "true"), ("Input.Answers[0].Basis", "Evidence"),
            ("Input.Answers[0].Date.Day", missingOn.Day.ToString(System.Globalization.CultureInfo.InvariantCulture)),
            ("Input.Answers[0].Date.Month", missingOn.Month.ToString(System.Globalization.CultureInfo.InvariantCulture)),
            ("Input.Answers[0].Date.Year", missingOn.Year.ToString(System.Globalization.CultureInfo.InvariantCulture)),
            ("Input.Answers[1].ItemId", "disclosure-withdrawn"), ("Input.Answers[1].Present", "true"), ("Input.Answers[1].Basis", "ProfessionalConcern"),
            ("Input.Answers[2].ItemId", "self-harm"),
            ("Input.Notes", "Amber told me about the man in the silver car, then said she had made it up."),
        };
        var wrongVersion = await ScreenAsync(client, 7, answers);
        Assert.Equal(HttpStatusCode.OK, wrongVersion.StatusCode);
        Assert.Contains("updated to version 1 while you were screening", await TextAsync(wrongVersion), StringComparison.Ordinal);

        Assert.Equal(HttpStatusCode.Redirect, (await ScreenAsync(client, 1, answers)).StatusCode);
        var first = await _server.WithDbAsync(db => db.Screenings.SingleAsync(s => s.PersonId == _amber));
        // 5 (missing, within 6 months) + 5 (withdrawn disclosure, no date: recent) = 10, mild by score, raised to
        // significant by the automatic rule; 5 rests on professional concern.
        Assert.Equal((10, 5, 5, "significant", 3, ScreeningEntryKind.Screening), (first.Score, first.EvidenceScore, first.ProfessionalConcernScore, first.BandId, first.BandRank, first.Kind));
        Assert.Equal(first.ScreenedOn.AddMonths(3), first.RescreenDue);
        var entry = await _server.WithDbAsync(db => db.Chronology.SingleAsync(e => e.Source == $"screening/{first.Id}"));
        Assert.Equal(ChronologyKinds.Screening, entry.Kind);
        Assert.Contains("Significant (score 10: 5 on evidence, 5 on professional concern)", entry.Summary, StringComparison.Ordinal);

        var page = WebUtility.HtmlDecode(await client.Http.GetStringAsync($"/children/{_amber}/screening"));
        Assert.Contains("10 (Mild by score): 5 on evidence, 5 on professional concern", page, StringComparison.Ordinal);
        Assert.Contains("Automatic rule: A disclosure of sexual exploitation or rape is automatically high", page, StringComparison.Ordinal);
        Assert.Contains("5 (when it last happened is not known, so it counts as within 6 months)", page, StringComparison.Ordinal);

        async Task<HttpResponseMessage> OverrideAsync(string band, string rationale) =>
            await client.PostFormAsync($"/children/{_amber}/screening/override", "/home", ("Input.BandId", band), ("Input.Rationale", rationale));
        var noRationale = await OverrideAsync("moderate", "   ");
        Assert.Equal(HttpStatusCode.OK, noRationale.StatusCode);
        Assert.Contains("An override needs a rationale", await TextAsync(noRationale), StringComparison.Ordinal);
        var sameBand = await OverrideAsync("significant", "She has since told us more.");
        Assert.Contains("The band is already 'significant'", await TextAsync(sameBand), StringComparison.Ordinal);
        var unknownBand = await OverrideAsync("severe", "She has since told us more.");
        Assert.Contains("There is no band 'severe'", await TextAsync(unknownBand), StringComparison.Ordinal);
        Assert.Equal(1, await _server.WithDbAsync(db => db.Screenings.CountAsync(s => s.PersonId == _amber)));

        Assert.Equal(HttpStatusCode.Redirect, (await OverrideAsync("moderate", "The disclosure was about a peer; the police have spoken to him.")).StatusCode);
        var history = await _server.WithDbAsync(db => db.Screenings.Where(s => s.PersonId == _amber).OrderBy(s => s.RecordedAt).ToListAsync());
        Assert.Equal([("significant", ScreeningEntryKind.Screening, (string?)null), ("moderate", ScreeningEntryKind.Override, "The disclosure was about a peer; the police have spoken to him.")],
            history.Select(h => (h.BandId, h.Kind, h.OverrideRationale)));
        Assert.Equal(first.ResultJson, history[1].ResultJson);
        Assert.Equal(first.RescreenDue, history[1].RescreenDue);
        Assert.True(await _server.WithDbAsync(db => db.Ledger.AnyAsync(e => e.Type == "ChildScreening.added" && e.Payload.Contains("police have spoken"))));
    }

    [Fact]
    public async Task Re_screening_due_shows_in_my_work_of_whoever_works_with_the_child_and_no_longer_on_the_home_page()
    {
        // The demo screened Jade just over three months ago.
        using var grace = await SignedInClient.SignInAsync(_server, "csc.practitioner2");
        var work = await grace.Http.GetStringAsync("/my-work");
        Assert.Contains("id=\"section-rescreening\">Re-screening due (1)", work, StringComparison.Ordinal);
        Assert.Contains($"href=\"/children/{await _server.IdOfAsync("Jade")}/screening/new\">Re-screen Jade Thornton</a>", work, StringComparison.Ordinal);
        Assert.Contains("Due now", work, StringComparison.Ordinal);
        var home = await grace.Http.GetStringAsync("/home");
        Assert.DoesNotContain("Re-screen Jade Thornton", home, StringComparison.Ordinal);

        using var sam = await SignedInClient.SignInAsync(_server, "csc.practitioner");
        Assert.Equal(HttpStatusCode.Redirect, (await ScreenAsync(sam, 1, ("Input.Answers[0].ItemId", "self-harm"), ("Input.Answers[0].Present", "true"))).StatusCode);
        Assert.DoesNotContain("Re-screen Amber Lewis", await sam.Http.GetStringAsync("/my-work"), StringComparison.Ordinal);
        _server.Clock.Advance(TimeSpan.FromDays(80));
        using var later = await SignedInClient.SignInAsync(_server, "csc.practitioner");
        var due = await later.Http.GetStringAsync("/my-work");
        Assert.Contains("Re-screen Amber Lewis", due, StringComparison.Ordinal);
        Assert.DoesNotContain("Due now", due, StringComparison.Ordinal);
    }
}
