using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Text;
using System.Text.Json;
using System.Text.RegularExpressions;
using Microsoft.Playwright;
using Safeguard.Web.Data.Model;
using Safeguard.Web.Demo;
using Safeguard.Web.Features.Shared;
using Safeguard.Web.Tests.Infrastructure;

namespace Safeguard.Web.Tests.Security;

/// <summary>
/// The youth project's footprint (<see cref="AgencyFootprint"/>) with every free-text field given hostile text
/// (<see cref="HostileText.Markup"/>) through the pages' forms, and a chronology entry for each formula-like text
/// (<see cref="HostileText.Formulas"/>).
/// </summary>
public sealed class HostileTextFixture : IAsyncLifetime
{
    public SafeguardServer Server { get; private set; } = null!;
    internal AgencyFootprint Footprint { get; private set; } = null!;
    internal HostileText Text { get; } = new();

    public async Task InitializeAsync()
    {
        Server = await SafeguardServer.StartAsync();
        Footprint = await AgencyFootprint.RecordAsync(Server, Text.For);
        using var worker = await SignedInClient.SignInAsync(Server, AgencyFootprint.Worker);
        var yesterday = UkTime.DateOf(Server.Clock.GetUtcNow()).AddDays(-1);
        foreach (var formula in HostileText.Formulas)
        {
            var saved = await worker.PostFormAsync($"/children/{Footprint.Child}/chronology/add", "/home", ("Input.Kind", ChronologyKinds.CaseNote),
                ("Input.Date.Day", yesterday.Day.ToString(CultureInfo.InvariantCulture)), ("Input.Date.Month", yesterday.Month.ToString(CultureInfo.InvariantCulture)),
                ("Input.Date.Year", yesterday.Year.ToString(CultureInfo.InvariantCulture)), ("Input.Time", "15:00"), ("Input.Summary", formula));
            Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);
        }
    }

    public async Task DisposeAsync() => await Server.DisposeAsync();
}

/// <summary>
/// Stored hostile text, rendered in Chromium on every page that shows it to the people who see it, and read back from
/// every export. The pages are opened with the Content-Security-Policy bypassed, so that what is tested is the
/// escaping (the policy, which allows no inline script, is a second line of defence that would hide a failure).
/// Nothing may run (no dialog; no event-handler attribute, inline script or style, frame, base or javascript: URL in
/// the document), every payload a page carries must read back as the literal text that was typed (in the text, a
/// form field's value or the page's JSON data), and axe runs on every page. The CSV must defuse every cell a
/// spreadsheet would run as a formula, and the PDF must show the text literally.
/// </summary>
[Collection(BrowserCollection.Name)]
public sealed partial class HostileTextTests(BrowserFixture browser, HostileTextFixture fixture) : IClassFixture<HostileTextFixture>
{
    private readonly SafeguardServer _server = fixture.Server;
    private readonly AgencyFootprint _footprint = fixture.Footprint;

    [Fact]
    public async Task Hostile_text_is_shown_as_text_on_every_page_that_shows_it_and_nothing_in_it_runs()
    {
        var f = _footprint;
        var child = $"/children/{f.Child}";
        var concern = $"/concerns/{f.Concern}";
        (string User, string[] Pages)[] visits =
        [
            (AgencyFootprint.Worker,
            [
                "/home", "/my-work", "/concerns", concern, child, $"{child}/chronology", $"{child}/edit", $"{child}/voice", $"{child}/screening",
                $"{child}/meetings", $"{child}/meetings/{f.Meeting}", $"{child}/actions", $"/actions/{f.Action}", $"{child}/missing",
                $"{child}/chronology/review", "/intelligence/submitted", $"/intelligence/{f.Item}",
            ]),
            (AgencyFootprint.Manager, ["/home", "/my-work", $"/actions/{f.Action}", "/intelligence/received", $"/intelligence/{f.Item}", $"{child}/who-viewed"]),
            (AgencyFootprint.Analyst,
            [
                "/intelligence", $"/intelligence/{f.Item}", $"/intelligence/{f.Item}/grade", $"/intelligence/{f.Item}/link", $"/intelligence/{f.Item}/route",
                $"/intelligence/network/{f.Suspect}", $"/intelligence/network/{f.Child}", $"/intelligence/groups/{f.Suspect}", "/intelligence/groups",
                "/disruption", $"/disruption/{f.Suspect}",
            ]),
            ("mash.triage", ["/front-door", $"/front-door/concerns/{f.Concern}", concern, $"/front-door/concerns/{f.Concern}/decide"]),
            ("csc.cselead", ["/exploitation", $"/exploitation/{f.Child}", $"/exploitation/offender-reviews/{f.OffenderReview}"]),
            ("licensing.manager", ["/licensing/notices"]),
            ("scrutineer", ["/audit/access-log", $"{child}/who-viewed"]),
        ];
        var failures = new List<string>();
        var shown = new HashSet<string>();
        foreach (var (user, pages) in visits)
        {
            var page = await browser.NewPageAsync(_server, bypassContentSecurityPolicy: true);
            var dialogs = new List<string>();
            page.Dialog += async (_, dialog) =>
            {
                dialogs.Add($"{page.Url}: {dialog.Type} \"{dialog.Message}\"");
                await dialog.DismissAsync();
            };
            await page.SignInAsync(_server, DemoPartnership.EmailOf(user));
            foreach (var url in pages)
            {
                var response = await page.OpenAsync(url);
                Assert.True(response?.Status == 200, $"{user} {url} answered {response?.Status}");
                await CheckAsync(page, $"{user} {url}", await response!.TextAsync(), failures, shown);
            }
            if (user == AgencyFootprint.Worker)
            {
                // Search results name the child too: searched for by the marker in their family name.
                await page.OpenAsync("/children");
                var family = HostileText.MarkerOf(fixture.Text.Given["Child's family name, corrected"]);
                await page.GetByLabel("Name", new() { Exact = true }).FillAsync(family);
                var results = await page.RunAndWaitForResponseAsync(() => page.GetByRole(AriaRole.Button, new() { Name = "Search" }).ClickAsync(), r => r.Request.Method == "POST");
                var found = await results.TextAsync();
                Assert.True(found.Contains(family, StringComparison.Ordinal), $"Searching for {family} did not find the child");
                await page.ArriveAtAsync("**/children");
                await CheckAsync(page, $"{user} search", found, failures, shown);
            }
            failures.AddRange(dialogs.Select(d => $"a payload ran: {d}"));
            await page.Context.CloseAsync();
        }
        Assert.True(failures.Count == 0, $"{failures.Count} problems:\n{string.Join("\n", failures)}");
        // Every payload was shown somewhere: otherwise a field is no longer rendered, or the test lost its reach.
        var neverShown = HostileText.Markup.Select(HostileText.MarkerOf).Where(m => fixture.Text.Given.Values.Any(v => HostileText.MarkerOf(v) == m) && !shown.Contains(m)).ToList();
        Assert.True(neverShown.Count == 0, "Payloads given but shown on no page: " + string.Join(", ", neverShown));
    }

    /// <summary>
    /// The page as Chromium built it: no element a payload could have made, and every payload the served HTML carries
    /// read back, whole, from the page's text, its form fields' values or its JSON data. axe on the page as well.
    /// </summary>
    private async Task CheckAsync(IPage page, string where, string html, List<string> failures, HashSet<string> shown)
    {
        var found = await page.EvaluateAsync<JsonElement>(Inspect);
        failures.AddRange(found.GetProperty("problems").EnumerateArray().Select(p => $"{where}: {p.GetString()}"));
        var text = Collapse(found.GetProperty("text").GetString() ?? "");
        foreach (var payload in HostileText.Markup)
        {
            var marker = HostileText.MarkerOf(payload);
            if (!Regex.IsMatch(html, Marker(marker)))
            {
                continue;
            }
            shown.Add(marker);
            if (!text.Contains(Collapse(payload), StringComparison.Ordinal))
            {
                var at = text.IndexOf(marker, StringComparison.Ordinal);
                failures.Add($"{where}: {marker} is not shown as the text typed ({JsonSerializer.Serialize(payload)}); the page has {JsonSerializer.Serialize(at < 0 ? "nothing" : text[Math.Max(0, at - 60)..Math.Min(text.Length, at + 60)])}");
            }
        }
        failures.AddRange((await page.AccessibilityProblemsAsync()).Select(p => $"{where}: accessibility: {p}"));
    }

    /// <summary>A payload's marker as a word of its own (not inside a token that happens to contain it).</summary>
    private static string Marker(string marker) => $@"(?<![A-Za-z0-9_-]){marker}(?!\d)";

    /// <summary>The text as a reader gets it: runs of white space (including line and paragraph separators) as one space.</summary>
    private static string Collapse(string text) => Regex.Replace(text, @"\s+", " ").Trim();

    /// <summary>Run in the page: what a payload could have added, and all the text the page holds.</summary>
    private const string Inspect = """
        () => {
          const problems = [];
          const texts = [document.title, document.body.textContent];
          const strings = value => {
            if (typeof value === 'string') texts.push(value);
            else if (value && typeof value === 'object') Object.values(value).forEach(strings);
          };
          const urlAttributes = ['href', 'src', 'action', 'formaction', 'xlink:href', 'data', 'poster'];
          for (const element of document.querySelectorAll('*')) {
            const tag = element.tagName.toLowerCase();
            for (const attribute of Array.from(element.attributes)) {
              const name = attribute.name.toLowerCase();
              if (name.startsWith('on')) problems.push(`<${tag}> has an event handler: ${name}="${attribute.value}"`);
              // The network chart's own script sets styles (as the policy allows a script to); typed text must not.
              if (name === 'style' && /H[xf]\d|javascript:|url\(|expression\(/i.test(attribute.value)) problems.push(`<${tag}> has a style from typed text: "${attribute.value}"`);
              if (name === 'srcdoc') problems.push(`<${tag}> has srcdoc`);
              if (urlAttributes.includes(name) && /^\s*(javascript|data|vbscript):/i.test(attribute.value)) problems.push(`<${tag}> ${name}="${attribute.value}"`);
              if (urlAttributes.includes(name) && /evil\.invalid/.test(attribute.value)) problems.push(`<${tag}> points at ${attribute.value}`);
            }
            if (['iframe', 'frame', 'object', 'embed', 'base', 'style'].includes(tag) || element instanceof HTMLUnknownElement) problems.push(`a <${tag}> element`);
            if (tag === 'meta' && element.httpEquiv) problems.push(`<meta http-equiv="${element.httpEquiv}">`);
            if (tag === 'img' && element.getAttribute('src') === 'x') problems.push('an <img src=x>');
            if (tag === 'script' && !element.src) {
              if (element.type === 'application/json') {
                try { strings(JSON.parse(element.textContent)); } catch (e) { problems.push(`the JSON in <script id="${element.id}"> does not parse: ${e.message}`); }
              } else {
                problems.push(`an inline <script>: ${element.textContent.slice(0, 80)}`);
              }
            }
            if (tag === 'input' || tag === 'textarea') texts.push(element.value);
          }
          if (window.__hostile) problems.push(`a payload set a flag: ${window.__hostile}`);
          return { problems, text: texts.join('\n') };
        }
        """;

    [Fact]
    public async Task Every_export_defuses_formulas_and_shows_the_text_literally()
    {
        var page = await browser.NewPageAsync(_server);
        await page.SignInAsync(_server, DemoPartnership.EmailOf(AgencyFootprint.Worker));
        await page.OpenAsync($"/children/{_footprint.Child}/chronology/review");
        var review = await page.ContentAsync();

        // The CSV: every cell a spreadsheet would run is defused with a leading apostrophe (OWASP, CSV injection).
        var csvDownload = await page.RunAndWaitForDownloadAsync(() => page.GetByRole(AriaRole.Link, new() { Name = "Download as CSV" }).ClickAsync());
        var csv = await File.ReadAllTextAsync(await csvDownload.PathAsync(), Encoding.UTF8);
        var cells = Csv(csv).SelectMany(row => row).ToList();
        var dangerous = cells.Where(c => RunsAsFormula(c)).ToList();
        Assert.True(dangerous.Count == 0, "Cells a spreadsheet would run:\n" + string.Join("\n", dangerous.Select(d => JsonSerializer.Serialize(d))));
        foreach (var formula in HostileText.Formulas)
        {
            var marker = HostileText.MarkerOf(formula);
            var cell = cells.SingleOrDefault(c => Regex.IsMatch(c, Marker(marker)));
            Assert.True(cell is not null, $"{marker} is not in the CSV");
            // Defused by one apostrophe before the text as typed (the form trims the white space around it), nothing else changed.
            Assert.Equal(RunsAsFormula(formula.Trim()) ? "'" + formula.Trim() : formula.Trim(), cell);
        }
        var csvText = Collapse(string.Join("\n", cells));
        var inReview = HostileText.Markup.Where(p => Regex.IsMatch(review, Marker(HostileText.MarkerOf(p)))).ToList();
        Assert.NotEmpty(inReview);
        foreach (var payload in inReview.Where(p => Regex.IsMatch(csv, Marker(HostileText.MarkerOf(p)))))
        {
            Assert.Contains(Collapse(payload), csvText, StringComparison.Ordinal);
        }

        // The PDF: what the review page shows, as text (no markup interpreted, no entity decoded twice).
        var pdfDownload = await page.RunAndWaitForDownloadAsync(() => page.GetByRole(AriaRole.Link, new() { Name = "Download as PDF" }).ClickAsync());
        var pdf = Squeeze(await PdfTextAsync(await pdfDownload.PathAsync()));
        foreach (var payload in inReview.Where(p => !p.Any(IsDirectionControl)))
        {
            Assert.True(pdf.Contains(Squeeze(payload), StringComparison.Ordinal), $"The PDF does not show {JsonSerializer.Serialize(payload)} as typed");
        }
        foreach (var formula in HostileText.Formulas)
        {
            // Full-width forms need a CJK font, which the machine may not have: the rest of the text must be there.
            var shown = Squeeze(string.Concat(formula.Where(c => c is < '\uFF00' or > '\uFFEF')));
            Assert.True(pdf.Contains(shown, StringComparison.Ordinal), $"The PDF does not show {JsonSerializer.Serialize(formula)} as typed");
        }
        await page.Context.CloseAsync();
    }

    /// <summary>
    /// Whether a spreadsheet would take the cell for a formula: it starts with = + - @ (or their full-width forms, which
    /// some spreadsheets read as the same), with a tab or carriage return, or with one of these after white space.
    /// </summary>
    private static bool RunsAsFormula(string cell) =>
        cell.Length > 0 && (cell[0] is '\t' or '\r' || cell.TrimStart() is { Length: > 0 } t && t[0] is '=' or '+' or '-' or '@' or '\uFF1D' or '\uFF0B' or '\uFF0D' or '\uFF20');

    /// <summary>Bidirectional controls: a PDF's text extraction reorders what they enclose, so those payloads are checked on the pages only.</summary>
    private static bool IsDirectionControl(char c) => c is >= '\u202A' and <= '\u202E' or >= '\u2066' and <= '\u2069';

    /// <summary>Without white space at all: the PDF's lines break wherever the table's columns make them.</summary>
    private static string Squeeze(string text) => Regex.Replace(text.Normalize(NormalizationForm.FormC), @"\s+", "");

    /// <summary>RFC 4180: fields separated by commas, quoted fields with doubled quotes, CRLF between records.</summary>
    private static List<List<string>> Csv(string text)
    {
        var rows = new List<List<string>>();
        var row = new List<string>();
        var field = new StringBuilder();
        var quoted = false;
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (quoted)
            {
                if (c == '"' && i + 1 < text.Length && text[i + 1] == '"')
                {
                    field.Append('"');
                    i++;
                }
                else if (c == '"')
                {
                    quoted = false;
                }
                else
                {
                    field.Append(c);
                }
            }
            else if (c == '"' && field.Length == 0)
            {
                quoted = true;
            }
            else if (c == ',')
            {
                row.Add(field.ToString());
                field.Clear();
            }
            else if (c == '\r' && i + 1 < text.Length && text[i + 1] == '\n')
            {
                row.Add(field.ToString());
                field.Clear();
                rows.Add(row);
                row = [];
                i++;
            }
            else
            {
                field.Append(c);
            }
        }
        if (field.Length > 0 || row.Count > 0)
        {
            row.Add(field.ToString());
            rows.Add(row);
        }
        return rows;
    }

    /// <summary>The PDF's text, by poppler's pdftotext (Debian's poppler-utils, installed by ./build.sh test).</summary>
    private static async Task<string> PdfTextAsync(string pdf)
    {
        var start = new ProcessStartInfo("pdftotext") { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        start.ArgumentList.Add(pdf);
        start.ArgumentList.Add("-");
        using var process = Process.Start(start) ?? throw new InvalidOperationException("pdftotext did not start");
        var text = await process.StandardOutput.ReadToEndAsync();
        await process.WaitForExitAsync();
        Assert.True(process.ExitCode == 0, $"pdftotext failed: {await process.StandardError.ReadToEndAsync()}");
        return text;
    }
}
