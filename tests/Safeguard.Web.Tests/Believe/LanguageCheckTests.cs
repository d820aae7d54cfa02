using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Safeguard.Core;
using Safeguard.Core.Screening;
using Safeguard.Core.Screening.Language;
using Safeguard.Web.Data;
using Safeguard.Web.Data.Model;
using Safeguard.Web.Features.Language;
using Safeguard.Web.Tests.Infrastructure;

namespace Safeguard.Web.Tests.Believe;

/// <summary>The language check over HTTP: the endpoint the script calls, and the check on submit that never blocks a record.</summary>
public sealed class LanguageCheckTests : IAsyncLifetime
{
    private SafeguardServer _server = null!;
    private Id<Person> _amber;

    public async Task InitializeAsync()
    {
        _server = await SafeguardServer.StartAsync();
        _amber = await _server.IdOfAsync("Amber");
    }

    public async Task DisposeAsync() => await _server.DisposeAsync();

    private static async Task<HttpResponseMessage> CheckAsync(HttpClient client, string text, string? token)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, LanguageCheckEndpoint.Route) { Content = JsonContent.Create(new LanguageCheckRequest(text)) };
        if (token is not null)
        {
            request.Headers.Add("RequestVerificationToken", token);
        }
        return await client.SendAsync(request);
    }

    [Fact]
    public async Task The_endpoint_answers_cores_flags_to_a_signed_in_user_with_the_antiforgery_token_and_nobody_else()
    {
        using var signedIn = await SignedInClient.SignInAsync(_server, "csc.practitioner");
        var token = await SignedInClient.TokenFromAsync(signedIn.Http, "/home");
        var text = "She keeps putting herself at risk.\nThey say it is a lifestyle choice; she could not consent.";

        var response = await CheckAsync(signedIn.Http, text, token);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var body = await response.Content.ReadFromJsonAsync<LanguageCheckResponse>(new JsonSerializerOptions(JsonSerializerDefaults.Web));
        Assert.Equal(LanguageChecker.Default.Check(text), body!.Flags);
        Assert.Equal(["putting-themselves-at-risk", "lifestyle-choice"], body.Flags.Select(f => f.RuleId));
        Assert.Equal((2, 18), (body.Flags[1].Line, body.Flags[1].Column));

        Assert.Equal(HttpStatusCode.BadRequest, (await CheckAsync(signedIn.Http, text, null)).StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, (await CheckAsync(signedIn.Http, text, "not-a-token")).StatusCode);
        using var anonymous = SignedInClient.Anonymous(_server);
        Assert.Equal(HttpStatusCode.Unauthorized, (await CheckAsync(anonymous, text, null)).StatusCode);

        // Any script, up to the size the endpoint takes (RequestEdgeTests: beyond it), without error; nothing is stored.
        var large = string.Concat(Enumerable.Repeat("Она рассказала 😊 about her day. 她很好。 ", 2_600));
        Assert.InRange(large.Length, LanguageCheckEndpoint.MaximumTextLength - 5_000, LanguageCheckEndpoint.MaximumTextLength);
        var big = await CheckAsync(signedIn.Http, large, token);
        Assert.Equal(HttpStatusCode.OK, big.StatusCode);
        await using var scope = _server.Scope();
        var db = scope.ServiceProvider.GetRequiredService<SafeguardDbContext>();
        Assert.False(await db.LanguageOutcomes.AnyAsync(o => o.At > db.Now.AddHours(-1)));
    }

    private async Task<HttpResponseMessage> RecordAsync(SignedInClient client, string summary, params (string, string)[] extra)
    {
        var day = DateTime.UtcNow.AddDays(-1);
        (string, string)[] fields =
        [
            ("Input.Kind", ChronologyKinds.CaseNote),
            ("Input.Date.Day", day.Day.ToString(System.Globalization.CultureInfo.InvariantCulture)),
            ("Input.Date.Month", day.Month.ToString(System.Globalization.CultureInfo.InvariantCulture)),
            ("Input.Date.Year", day.Year.ToString(System.Globalization.CultureInfo.InvariantCulture)),
            ("Input.Summary", summary),
            .. extra,
        ];
        return await client.PostFormAsync($"/children/{_amber}/chronology/add", "/home", fields);
    }

    private Task<List<LanguageFlagOutcome>> OutcomesAsync() =>
        _server.WithDbAsync(db =>
        {
            var since = db.Now.AddHours(-1); // the demo's own outcomes are days old
            return db.LanguageOutcomes.Where(o => o.At > since).OrderBy(o => o.RuleId).ToListAsync();
        });

    private Task<int> NotesAsync(string containing) =>
        _server.WithDbAsync(db => db.Chronology.CountAsync(e => e.PersonId == _amber && e.Summary.Contains(containing)));

    [Fact]
    public async Task Flagged_phrases_are_shown_once_beside_the_field_then_the_record_is_saved_and_each_phrase_counted_as_kept_or_changed()
    {
        using var client = await SignedInClient.SignInAsync(_server, "csc.practitioner");
        const string Flagged = "Amber is out of control and keeps putting herself at risk.";

        // First submit: not saved; the advice is beside the field, the words as typed are kept, the rules shown go back with the form.
        var first = await RecordAsync(client, Flagged);
        Assert.Equal(HttpStatusCode.OK, first.StatusCode);
        var html = await first.Content.ReadAsStringAsync();
        Assert.Contains("Check your wording before you save", html, StringComparison.Ordinal);
        Assert.Contains("id=\"Input_Summary-language-check\"", html, StringComparison.Ordinal);
        Assert.Contains("describe what is happening and who may be harming them", html, StringComparison.Ordinal);
        Assert.Contains("name=\"language-shown.Input.Summary\" value=\"out-of-control putting-themselves-at-risk\"", html, StringComparison.Ordinal);
        Assert.Contains("keeps putting herself at risk.</textarea>", html, StringComparison.Ordinal);
        Assert.Equal(0, await NotesAsync("out of control"));

        // Second submit: one phrase changed, one kept. Saved, never blocked.
        const string Edited = "Amber is out of control; an adult may be exploiting her vulnerability.";
        var second = await RecordAsync(client, Edited, ("language-shown.Input.Summary", "putting-themselves-at-risk out-of-control"));
        Assert.Equal(HttpStatusCode.Redirect, second.StatusCode);
        Assert.Equal(1, await NotesAsync("exploiting her vulnerability"));
        var outcomes = await OutcomesAsync();
        Assert.Equal([("out-of-control", LanguageOutcome.Kept), ("putting-themselves-at-risk", LanguageOutcome.Changed)], outcomes.Select(o => (o.RuleId, o.Outcome)));
        Assert.All(outcomes, o => Assert.Equal("Chronology: what happened", o.Field));
        Assert.All(outcomes, o => Assert.NotNull(o.TeamId));
    }

    [Fact]
    public async Task A_phrase_changed_while_typing_is_counted_as_changed_and_an_edit_that_brings_a_new_phrase_is_shown_once_more()
    {
        using var client = await SignedInClient.SignInAsync(_server, "csc.practitioner");

        // The script saw "lifestyle choice" while she typed; she changed it before submitting: saved at once, counted.
        var clean = await RecordAsync(client, "Amber is exposed to risk at the flat on Mill Road.", ("language-seen.Input.Summary", "lifestyle-choice not-a-rule"));
        Assert.Equal(HttpStatusCode.Redirect, clean.StatusCode);
        Assert.Equal([("lifestyle-choice", LanguageOutcome.Changed)], (await OutcomesAsync()).Select(o => (o.RuleId, o.Outcome)));

        // Shown one phrase, she edits it away but writes another: the new one is shown before the save.
        var edited = await RecordAsync(client, "Amber says he is her boyfriend.", ("language-shown.Input.Summary", "out-of-control"));
        Assert.Equal(HttpStatusCode.OK, edited.StatusCode);
        Assert.Contains("value=\"out-of-control boyfriend\"", await edited.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        var saved = await RecordAsync(client, "Amber says he is her boyfriend.", ("language-shown.Input.Summary", "out-of-control boyfriend"));
        Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);
        Assert.Equal(
            [("boyfriend", LanguageOutcome.Kept), ("lifestyle-choice", LanguageOutcome.Changed), ("out-of-control", LanguageOutcome.Changed)],
            (await OutcomesAsync()).Select(o => (o.RuleId, o.Outcome)));
    }

    [Fact]
    public async Task Vulnerability_notes_are_checked_on_submit_too()
    {
        using var client = await SignedInClient.SignInAsync(_server, "csc.practitioner");
        (string, string)[] fields = [("Input.VulnerabilityKind", "OwnMentalOrEmotionalHealth"), ("Input.Text", "Self-harm; described as promiscuous by a neighbour.")];
        var first = await client.PostFormAsync($"/children/{_amber}/add/vulnerability", "/home", fields);
        Assert.Equal(HttpStatusCode.OK, first.StatusCode);
        Assert.Contains("Check your wording before you save", await first.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        var second = await client.PostFormAsync($"/children/{_amber}/add/vulnerability", "/home", [.. fields, ("language-shown.Input.Text", "promiscuous")]);
        Assert.Equal(HttpStatusCode.Redirect, second.StatusCode);
        Assert.Equal([("promiscuous", LanguageOutcome.Kept)], (await OutcomesAsync()).Select(o => (o.RuleId, o.Outcome)));
        Assert.Equal("Vulnerability: notes", (await OutcomesAsync()).Single().Field);
    }
}

/// <summary>The phrase bank comes from configuration when given, and a bad one stops the application starting.</summary>
public sealed class PhraseBankConfigurationTests
{
    // PostgreSQL is configured (never connected to) so that building the services touches no directory.
    private static Dictionary<string, string?> Settings(string bankPath) => new()
    {
        ["Database:Provider"] = "Postgres",
        ["ConnectionStrings:Safeguard"] = "Host=127.0.0.1;Port=1;Username=nobody",
        [LanguageBank.PathSetting] = bankPath,
    };

    [Fact]
    public void A_bank_that_does_not_validate_stops_start_up_naming_each_problem()
    {
        var path = Path.Combine(Path.GetTempPath(), $"bank-{Guid.NewGuid():N}.json");
        File.WriteAllText(path, """{ "version": 1, "wordClasses": {}, "rules": [ { "id": "x", "phrase": "x", "reason": "r", "suggestion": "s", "patterns": ["@nope ~3"] } ] }""");
        try
        {
            var error = Assert.Throws<InvalidOperationException>(() => SafeguardApp.CreateBuilder([], Settings(path)));
            Assert.Contains("there is no word class '@nope'", error.Message, StringComparison.Ordinal);
            Assert.Contains(path, error.Message, StringComparison.Ordinal);

            var missing = Assert.Throws<InvalidOperationException>(() => SafeguardApp.CreateBuilder([], Settings(path + ".missing")));
            Assert.Contains("cannot be used", missing.Message, StringComparison.Ordinal);
        }
        finally
        {
            File.Delete(path);
        }
    }

    [Fact]
    public async Task The_partnerships_own_bank_is_the_one_the_application_checks_against()
    {
        var bank = DefaultPhraseBank.Instance with
        {
            Rules = [.. DefaultPhraseBank.Instance.Rules, new PhraseRule("gone-feral", "gone feral", "labels the child", "describe what is happening to the child", ["gone|going feral"])],
        };
        var path = Path.Combine(Path.GetTempPath(), $"bank-{Guid.NewGuid():N}.json");
        await File.WriteAllTextAsync(path, ScreeningJson.Write(bank));
        try
        {
            await using var server = await SafeguardServer.StartAsync(settings: new Dictionary<string, string?> { [LanguageBank.PathSetting] = path });
            var checker = server.Services.GetRequiredService<LanguageChecker>();
            Assert.Equal(["gone-feral"], checker.Check("She has gone feral, they said.").Select(f => f.RuleId));
        }
        finally
        {
            File.Delete(path);
        }
    }
}
