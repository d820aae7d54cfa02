using System.Globalization;
using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using Safeguard.Core.Screening.Language;
using Safeguard.Web.Cli;
using Safeguard.Web.Data.Model;
using Safeguard.Web.Demo;
using Safeguard.Web.Features.Language;
using Safeguard.Web.Tests.Infrastructure;

namespace Safeguard.Web.Tests.Foundation;

/// <summary>
/// The edges of what the server accepts and what it says back: the error page, methods no page takes, oversized forms
/// and bodies, failures and their support reference, the partner API's validation problems, the Host header, the
/// language check's size, and the transport headers. All over HTTPS against the real server.
/// </summary>
public sealed partial class RequestEdgeTests(SeededServerFixture fixture) : IClassFixture<SeededServerFixture>
{
    private readonly SafeguardServer _server = fixture.Server;

    private static readonly string[] s_oddMethods = ["TRACE", "PUT", "DELETE", "PATCH", "CONNECT-NOT", "PROPFIND"];

    private HttpClient Partner()
    {
        var client = SignedInClient.Anonymous(_server);
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", DemoCasework.RiversideToken);
        return client;
    }

    /// <summary>The page's heading. Bounded in time: a 101 (Switching Protocols) answer's body never ends.</summary>
    private static async Task<string> HeadingAsync(HttpResponseMessage response)
    {
        using var patience = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        return Heading().Match(await response.Content.ReadAsStringAsync(patience.Token)) is { Success: true } match ? WebUtility.HtmlDecode(match.Groups[1].Value) : "(no heading)";
    }

    [Theory]
    [InlineData("/error/101")]
    [InlineData("/error/200")]
    [InlineData("/error/204")]
    [InlineData("/error/304")]
    [InlineData("/error/418")]
    [InlineData("/error/500")]
    [InlineData("/error/404")]
    [InlineData("/error")]
    public async Task The_error_page_asked_for_directly_is_not_found_whatever_status_it_names(string path)
    {
        using var anonymous = SignedInClient.Anonymous(_server);
        using var signedIn = await SignedInClient.SignInAsync(_server, "csc.practitioner");
        foreach (var client in new[] { anonymous, signedIn.Http })
        {
            foreach (var method in new[] { HttpMethod.Get, HttpMethod.Post, HttpMethod.Head })
            {
                using var patience = new CancellationTokenSource(TimeSpan.FromSeconds(30));
                using var response = await client.SendAsync(new HttpRequestMessage(method, path), HttpCompletionOption.ResponseHeadersRead, patience.Token);
                Assert.True(response.StatusCode == HttpStatusCode.NotFound, $"{method} {path} answered {(int)response.StatusCode}");
                if (method != HttpMethod.Head)
                {
                    Assert.Equal("Page not found", await HeadingAsync(response));
                }
            }
        }
        Assert.DoesNotContain(_server.Logs.Lines, line => line.Contains("Writing to the response body is invalid", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Methods_no_page_takes_answer_405_with_the_error_page_or_problem_details()
    {
        using var signedIn = await SignedInClient.SignInAsync(_server, "csc.practitioner");
        var amber = await _server.IdOfAsync("Amber");
        foreach (var method in s_oddMethods)
        {
            foreach (var path in new[] { "/home", "/children", $"/children/{amber}", "/account/sign-in", "/lib/safeguard.css", LanguageCheckEndpoint.Route })
            {
                using var response = await signedIn.Http.SendAsync(new HttpRequestMessage(new HttpMethod(method), path));
                Assert.True(response.StatusCode == HttpStatusCode.MethodNotAllowed, $"{method} {path} answered {(int)response.StatusCode}");
                Assert.Equal("GET, HEAD, POST", string.Join(", ", response.Content.Headers.Allow));
                Assert.Equal("That page cannot be used in that way", await HeadingAsync(response));
            }
            using var partner = Partner();
            using var api = await partner.SendAsync(new HttpRequestMessage(new HttpMethod(method), "/api/v1/concerns"));
            Assert.Equal(HttpStatusCode.MethodNotAllowed, api.StatusCode);
            Assert.Equal("application/problem+json", api.Content.Headers.ContentType?.MediaType);
            Assert.Equal(405, (await api.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("status").GetInt32());
        }

        // OPTIONS asks which methods there are: the Allow header says, with no page.
        using var options = await signedIn.Http.SendAsync(new HttpRequestMessage(HttpMethod.Options, "/home"));
        Assert.Equal(HttpStatusCode.MethodNotAllowed, options.StatusCode);
        Assert.Equal("GET, HEAD, POST", string.Join(", ", options.Content.Headers.Allow));

        // A form posted to a page that takes none (it used to run the page without its handler, and fail).
        using var form = await signedIn.PostFormAsync("/home", "/home", ("anything", "at all"));
        Assert.Equal(HttpStatusCode.MethodNotAllowed, form.StatusCode);
        Assert.Equal("That page cannot be used in that way", await HeadingAsync(form));

        // A TRACE never echoes the request (its cookies) back.
        using var trace = await signedIn.Http.SendAsync(new HttpRequestMessage(HttpMethod.Trace, "/home"));
        Assert.DoesNotContain("safeguard-session", await trace.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.DoesNotContain(_server.Logs.Lines, line => line.StartsWith("Error Microsoft.AspNetCore.Diagnostics", StringComparison.Ordinal) && line.Contains("NullReferenceException", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Oversized_forms_and_bodies_answer_413_with_the_error_page_and_save_nothing()
    {
        using var client = await SignedInClient.SignInAsync(_server, "csc.practitioner");
        var amber = await _server.IdOfAsync("Amber");
        var page = $"/children/{amber}/chronology/add";
        var notes = await _server.WithDbAsync(db => db.Chronology.CountAsync());
        static bool Failure(string line) => line.StartsWith("Error Safeguard.Web.Errors", StringComparison.Ordinal) || line.StartsWith("Error Microsoft.AspNetCore", StringComparison.Ordinal);
        var failures = _server.Logs.Lines.Count(Failure);

        async Task<HttpResponseMessage> PostAsync(HttpContent content) => await SendLargeAsync(client.Http, page, content);
        async Task<FormUrlEncodedContent> FormAsync(params (string, string)[] fields) =>
            SignedInClient.Form(await SignedInClient.TokenFromAsync(client.Http, page), [("Input.Kind", ChronologyKinds.CaseNote), .. fields]);

        // A field of 5 MB (the longest any page takes is a screening instrument's JSON, at most 3 MB sent).
        var longField = await PostAsync(await FormAsync(("Input.Summary", new string('a', 5 * 1024 * 1024))));
        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, longField.StatusCode);
        Assert.Equal("What you sent was too large", await HeadingAsync(longField));

        // 20,000 fields.
        var manyFields = await PostAsync(await FormAsync([.. Enumerable.Range(0, 20_000).Select(i => ($"f{i}", "x"))]));
        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, manyFields.StatusCode);
        Assert.Equal("What you sent was too large", await HeadingAsync(manyFields));

        // A body over 8 MB, declared, and the same sent in chunks without a declared length.
        var token = await SignedInClient.TokenFromAsync(client.Http, page);
        var body = "__RequestVerificationToken=" + Uri.EscapeDataString(token) + "&" + string.Join("&", Enumerable.Range(0, 900).Select(i => $"f{i}=" + new string('b', 10_000)));
        var declared = await PostAsync(new StringContent(body, Encoding.ASCII, "application/x-www-form-urlencoded"));
        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, declared.StatusCode);
        Assert.Equal("What you sent was too large", await HeadingAsync(declared));
        var chunked = new StreamContent(new MemoryStream(Encoding.ASCII.GetBytes(body)));
        chunked.Headers.ContentType = new MediaTypeHeaderValue("application/x-www-form-urlencoded");
        using (var request = new HttpRequestMessage(HttpMethod.Post, page) { Content = chunked })
        {
            request.Headers.TransferEncodingChunked = true;
            request.Headers.ExpectContinue = true;
            var streamed = await client.Http.SendAsync(request);
            Assert.Equal(HttpStatusCode.RequestEntityTooLarge, streamed.StatusCode);
            Assert.Equal("What you sent was too large", await HeadingAsync(streamed));
        }

        // The partner API: its own 256 KB limit, and the server's.
        using var partner = Partner();
        foreach (var size in new[] { 5 * 1024 * 1024, 9 * 1024 * 1024 })
        {
            var api = await SendLargeAsync(partner, "/api/v1/concerns", new StringContent("{\"whatHappened\":\"" + new string('c', size) + "\"}", Encoding.UTF8, "application/json"));
            Assert.Equal(HttpStatusCode.RequestEntityTooLarge, api.StatusCode);
            Assert.Equal("application/problem+json", api.Content.Headers.ContentType?.MediaType);
        }
        var streamedJson = new StreamContent(new MemoryStream(Encoding.UTF8.GetBytes("{\"whatHappened\":\"" + new string('c', 300_000) + "\"}")));
        streamedJson.Headers.ContentType = new MediaTypeHeaderValue("application/json");
        using (var request = new HttpRequestMessage(HttpMethod.Post, "/api/v1/concerns") { Content = streamedJson })
        {
            request.Headers.TransferEncodingChunked = true;
            var api = await partner.SendAsync(request);
            Assert.Equal(HttpStatusCode.RequestEntityTooLarge, api.StatusCode);
            Assert.Equal("The concern is too large", (await api.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("title").GetString());
        }

        Assert.Equal(notes, await _server.WithDbAsync(db => db.Chronology.CountAsync()));
        Assert.Equal(failures, _server.Logs.Lines.Count(Failure));
    }

    [Fact]
    public async Task A_failure_shows_a_reference_that_is_logged_with_its_route_and_type_and_nothing_personal()
    {
        using var client = await SignedInClient.SignInAsync(_server, "csc.practitioner");
        var amber = await _server.IdOfAsync("Amber");
        var page = $"/children/{amber}/chronology/add";
        var day = DateTime.UtcNow.AddDays(-1);
        var secret = "Zephyrine saw a blue van at Quarry Lane"; // a variable: the test's own query must not put it in the log

        // The database refuses the write (as a constraint it holds and the application does not know would).
        await RefuseWritesToAsync("Chronology", async () =>
        {
            var failed = await client.PostFormAsync(page + "?note=Quarry-Lane", page,
                ("Input.Kind", ChronologyKinds.CaseNote),
                ("Input.Date.Day", day.Day.ToString(CultureInfo.InvariantCulture)),
                ("Input.Date.Month", day.Month.ToString(CultureInfo.InvariantCulture)),
                ("Input.Date.Year", day.Year.ToString(CultureInfo.InvariantCulture)),
                ("Input.Summary", secret));
            var html = await failed.Content.ReadAsStringAsync();
            Assert.Equal(HttpStatusCode.InternalServerError, failed.StatusCode);
            Assert.Equal("Sorry, there is a problem with the service", await HeadingAsync(failed));
            var reference = Reference().Match(html).Groups[1].Value;
            Assert.NotEmpty(reference);
            Assert.DoesNotContain(secret, html, StringComparison.Ordinal);

            var line = Assert.Single(_server.Logs.Lines, l => l.Contains(reference, StringComparison.Ordinal) && l.StartsWith("Error Safeguard.Web.Errors", StringComparison.Ordinal));
            Assert.Contains("Failed with 500 (Microsoft.EntityFrameworkCore.DbUpdateException) on POST /children/{id}/chronology/add", line, StringComparison.Ordinal);
            Assert.DoesNotContain(amber.ToString(), line, StringComparison.OrdinalIgnoreCase);
            Assert.DoesNotContain("Quarry", line, StringComparison.Ordinal);
            Assert.DoesNotContain(_server.Logs.Lines, l => l.Contains("Zephyrine", StringComparison.Ordinal));
        });

        // A partner system meeting a failure gets a reference too, and it is logged.
        await RefuseWritesToAsync("Concerns", async () =>
        {
            using var partner = Partner();
            var failed = await partner.PostAsync("/api/v1/concerns", JsonContent.Create(new
            {
                reporter = new { name = "Jess Moran" },
                child = new { givenName = "Zephyrine", familyName = "Quarry" },
                whatHappened = secret,
                occurredAt = day.ToString("yyyy-MM-ddTHH:mm:ssZ", CultureInfo.InvariantCulture),
                immediateDanger = false,
            }));
            Assert.Equal(HttpStatusCode.InternalServerError, failed.StatusCode);
            var problem = await failed.Content.ReadFromJsonAsync<JsonElement>();
            var reference = problem.GetProperty("traceId").GetString()!;
            Assert.DoesNotContain(secret, problem.ToString(), StringComparison.Ordinal);
            var line = Assert.Single(_server.Logs.Lines, l => l.Contains(reference, StringComparison.Ordinal) && l.StartsWith("Error Safeguard.Web.Errors", StringComparison.Ordinal));
            Assert.Contains("Failed with 500 (Microsoft.EntityFrameworkCore.DbUpdateException) on POST /api/v1/concerns", line, StringComparison.Ordinal);
            Assert.DoesNotContain(_server.Logs.Lines, l => l.Contains("Zephyrine", StringComparison.Ordinal));
        });
    }

    /// <summary>With Expect: 100-continue, as browsers and most clients send a large body: a body refused unread is not sent.</summary>
    private static async Task<HttpResponseMessage> SendLargeAsync(HttpClient client, string url, HttpContent content)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, url) { Content = content };
        request.Headers.ExpectContinue = true;
        return await client.SendAsync(request);
    }

    private async Task RefuseWritesToAsync(string table, Func<Task> test)
    {
        // The table is one of this class's constants, never input.
        var add = "ALTER TABLE \"" + table + "\" ADD CONSTRAINT edge_test_refuses_writes CHECK (false) NOT VALID";
        var drop = "ALTER TABLE \"" + table + "\" DROP CONSTRAINT edge_test_refuses_writes";
        await _server.WithDbAsync(db => db.Database.ExecuteSqlRawAsync(add));
        try
        {
            await test();
        }
        finally
        {
            await _server.WithDbAsync(db => db.Database.ExecuteSqlRawAsync(drop));
        }
    }

    public static TheoryData<string, string, string> UnreadableConcerns() => new()
    {
        { "{\"child\": {", "body", "The body is not valid JSON" },
        { "[1, 2]", "body", "The body must be one JSON object." },
        { "\"a concern\"", "body", "The body must be one JSON object." },
        { "{\"immediateDanger\": \"yes\"}", "immediateDanger", "immediateDanger must be true or false." },
        { "{\"immediateDanger\": 1e400}", "immediateDanger", "immediateDanger must be true or false." },
        { "{\"immediateDanger\": 99999999999999999999999999999999999999}", "immediateDanger", "immediateDanger must be true or false." },
        { "{\"child\": {\"givenName\": 123456789012345678901234567890}}", "child.givenName", "child.givenName must be text, in quotes." },
        { "{\"child\": {\"dateOfBirth\": {\"year\": 2012}}}", "child.dateOfBirth", "child.dateOfBirth must be text, in quotes." },
        { "{\"child\": \"Amber\"}", "child", "child must be an object." },
        { "{\"adults\": {\"name\": \"Dean\"}}", "adults", "adults must be a list of objects, one for each adult." },
        { "{\"adults\": [\"Dean\"]}", "adults[0]", "adults[0] must be an object." },
        { "{\"adults\": [{\"phone\": 7700900777}]}", "adults[0].phone", "adults[0].phone must be text, in quotes." },
        { "{\"occurredAt\": [\"2026-01-01\"]}", "occurredAt", "occurredAt must be text, in quotes." },
        { string.Concat(Enumerable.Repeat("[", 200)) + string.Concat(Enumerable.Repeat("]", 200)), "body", "The body is not valid JSON" },
    };

    [Theory]
    [MemberData(nameof(UnreadableConcerns))]
    public async Task The_partner_apis_validation_problems_name_the_field_and_never_a_type(string json, string field, string message)
    {
        using var partner = Partner();
        var response = await partner.PostAsync("/api/v1/concerns", new StringContent(json, Encoding.UTF8, "application/json"));
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        var text = await response.Content.ReadAsStringAsync();
        AssertNoTypeNames(text);
        var errors = JsonDocument.Parse(text).RootElement.GetProperty("errors");
        Assert.StartsWith(message, Assert.Single(errors.EnumerateObject(), e => e.Name == field).Value[0].GetString(), StringComparison.Ordinal);
    }

    private static void AssertNoTypeNames(string text)
    {
        foreach (var leak in new[] { "System.", "Safeguard.", "Microsoft.", "Nullable", "`1", "ConcernSubmission", "could not be converted", "JsonException", "Path: $" })
        {
            Assert.False(text.Contains(leak, StringComparison.Ordinal), $"'{leak}' in {text}");
        }
    }

    [Fact]
    public async Task The_language_check_takes_at_most_100000_characters_and_answers_at_most_100_flags()
    {
        using var client = await SignedInClient.SignInAsync(_server, "csc.practitioner");
        var token = await SignedInClient.TokenFromAsync(client.Http, "/home");
        async Task<HttpResponseMessage> CheckAsync(HttpContent content)
        {
            using var request = new HttpRequestMessage(HttpMethod.Post, LanguageCheckEndpoint.Route) { Content = content };
            request.Headers.Add("RequestVerificationToken", token);
            return await client.Http.SendAsync(request);
        }

        // 2.1 MB of phrases to flag used to answer 26 MB.
        var phrases = string.Concat(Enumerable.Repeat("It is a lifestyle choice. ", 2_100_000 / 26));
        var huge = await CheckAsync(JsonContent.Create(new LanguageCheckRequest(phrases)));
        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, huge.StatusCode);
        var problem = await huge.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal("The text is too long to check", problem.GetProperty("title").GetString());
        Assert.Equal("Send at most 100,000 characters.", problem.GetProperty("detail").GetString());

        // Just over the limit in characters, well under it in bytes.
        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, (await CheckAsync(JsonContent.Create(new LanguageCheckRequest(new string('a', LanguageCheckEndpoint.MaximumTextLength + 1))))).StatusCode);

        // The longest text: answered, and the answer is no larger than the question.
        var longest = phrases[..LanguageCheckEndpoint.MaximumTextLength];
        var question = JsonContent.Create(new LanguageCheckRequest(longest));
        var questionBytes = (await question.ReadAsByteArrayAsync()).Length;
        var answer = await CheckAsync(question);
        Assert.Equal(HttpStatusCode.OK, answer.StatusCode);
        var answerBytes = (await answer.Content.ReadAsByteArrayAsync()).Length;
        Assert.True(answerBytes <= questionBytes, $"{answerBytes} bytes answered {questionBytes}");
        var flags = (await answer.Content.ReadFromJsonAsync<LanguageCheckResponse>(new JsonSerializerOptions(JsonSerializerDefaults.Web)))!.Flags;
        Assert.Equal(LanguageChecker.Default.Check(longest).Take(LanguageCheckEndpoint.MaximumFlags), flags);
        Assert.Equal(LanguageCheckEndpoint.MaximumFlags, flags.Count);

        // Not JSON, or the wrong shape: a plain 400, no type names.
        foreach (var body in new[] { "{\"text\": ", "{\"text\": 42}", "[\"text\"]" })
        {
            var bad = await CheckAsync(new StringContent(body, Encoding.UTF8, "application/json"));
            Assert.Equal(HttpStatusCode.BadRequest, bad.StatusCode);
            AssertNoTypeNames(await bad.Content.ReadAsStringAsync());
        }
    }

    [Fact]
    public async Task A_request_naming_another_host_is_refused_and_redirects_are_relative()
    {
        using var client = SignedInClient.Anonymous(_server);
        foreach (var path in new[] { "/children", "/", "/account/sign-in" })
        {
            using var request = new HttpRequestMessage(HttpMethod.Get, path);
            request.Headers.Host = "evil.example";
            using var response = await client.SendAsync(request);
            Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
            Assert.Null(response.Headers.Location);
        }

        // A forwarded host is not trusted either.
        using (var forwarded = new HttpRequestMessage(HttpMethod.Get, "/children"))
        {
            forwarded.Headers.Add("X-Forwarded-Host", "evil.example");
            using var response = await client.SendAsync(forwarded);
            Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
            Assert.Equal("/account/sign-in?ReturnUrl=%2Fchildren", response.Headers.Location?.OriginalString);
        }
    }

    [Fact]
    public async Task Every_response_over_https_carries_hsts_and_none_names_the_server()
    {
        using var client = await SignedInClient.SignInAsync(_server, "csc.practitioner");
        var responses = new List<(string What, HttpResponseMessage Response)>
        {
            ("sign-in page", await SignedInClient.Anonymous(_server).GetAsync("/account/sign-in")),
            ("home", await client.Http.GetAsync("/home")),
            ("static file", await client.Http.GetAsync("/lib/safeguard.css")),
            ("not found", await client.Http.GetAsync("/error/204")),
            ("refused method", await client.Http.SendAsync(new HttpRequestMessage(HttpMethod.Trace, "/home"))),
            ("api problem", await Partner().GetAsync("/api/v1/concerns/REF-2026-999999")),
            ("api unauthorised", await SignedInClient.Anonymous(_server).GetAsync("/api/v1/concerns/REF-2026-999999")),
        };
        foreach (var (what, response) in responses)
        {
            Assert.True(response.Headers.TryGetValues("Strict-Transport-Security", out var hsts), $"{what}: no HSTS");
            Assert.Equal("max-age=31536000", Assert.Single(hsts));
            Assert.False(response.Headers.Contains("Server"), $"{what}: Server {string.Join(",", response.Headers.Server)}");
            response.Dispose();
        }
    }

    [Fact]
    public async Task The_demo_sends_no_hsts()
    {
        await using var demo = await SafeguardServer.StartAsync(settings: new Dictionary<string, string?> { ["Demo:Enabled"] = "true" });
        using var client = SignedInClient.Anonymous(demo);
        using var response = await client.GetAsync("/account/sign-in");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.False(response.Headers.Contains("Strict-Transport-Security"));
        Assert.False(response.Headers.Contains("Server"));
    }

    [Theory]
    [InlineData(null)]
    [InlineData("*")]
    [InlineData("safeguard.example.org;*")]
    [InlineData(" ")]
    public async Task Serve_refuses_to_start_outside_the_demo_unless_the_allowed_hosts_are_named(string? hosts)
    {
        var data = Path.Combine(Path.GetTempPath(), "safeguard-tests", "serve-" + Guid.NewGuid().ToString("N"));
        using var stdout = new StringWriter();
        using var stderr = new StringWriter();
        string[] args = [$"--Safeguard:DataDirectory={data}", "--urls=http://127.0.0.1:0", .. hosts is null ? Array.Empty<string>() : [$"--AllowedHosts={hosts}"]];
        // Bounded: a server that does start serves until it is stopped.
        var serve = HostCommands.ServeAsync(args, stdout, stderr);
        Assert.Same(serve, await Task.WhenAny(serve, Task.Delay(TimeSpan.FromSeconds(60))));
        Assert.Equal(CommandLine.Failure, await serve);
        Assert.StartsWith("Refusing to start: AllowedHosts must name the hosts Safeguard is served at", stderr.ToString(), StringComparison.Ordinal);
        Assert.Empty(stdout.ToString());
    }

    [GeneratedRegex("<h1 class=\"govuk-heading-l\">([^<]*)</h1>")]
    private static partial Regex Heading();

    [GeneratedRegex("give them this reference: <strong>([^<]+)</strong>")]
    private static partial Regex Reference();
}
