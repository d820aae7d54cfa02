using Deque.AxeCore.Commons;
using Deque.AxeCore.Playwright;
using Microsoft.Playwright;

namespace Safeguard.Web.Tests.Infrastructure;

/// <summary>
/// One headless Debian Chromium for the browser tests, driven by Playwright for .NET (no browser download: the
/// executable is the system's). Each test gets a fresh context, so no cookies leak between tests.
/// </summary>
public sealed class BrowserFixture : IAsyncLifetime
{
    private IPlaywright? _playwright;

    public IBrowser Browser { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        _playwright = await Playwright.CreateAsync();
        Browser = await _playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = TestEnvironment.ChromiumPath,
            Headless = true,
            // The machine has no network but loopback: background services would only fail and slow start-up.
            Args = ["--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking", "--disable-component-update", "--disable-sync"],
        });
    }

    public async Task DisposeAsync()
    {
        if (Browser is not null)
        {
            await Browser.CloseAsync();
        }
        _playwright?.Dispose();
    }

    /// <param name="bypassContentSecurityPolicy">
    /// Ignore the pages' Content-Security-Policy: the hostile-text tests turn it off so that what they prove is the
    /// escaping, not the policy that would block an injected script as a second line of defence.
    /// </param>
    public async Task<IPage> NewPageAsync(SafeguardServer server, bool bypassContentSecurityPolicy = false)
    {
        var context = await Browser.NewContextAsync(new BrowserNewContextOptions
        {
            BaseURL = server.BaseUrl,
            IgnoreHTTPSErrors = true,
            BypassCSP = bypassContentSecurityPolicy,
            Locale = "en-GB",
            TimezoneId = "Europe/London",
        });
        context.SetDefaultTimeout(15_000);
        // Assertions poll; on a loaded two-core CI machine a page can take longer than Playwright's 5 s default.
        Assertions.SetDefaultExpectTimeout(15_000);
        return await context.NewPageAsync();
    }
}

[CollectionDefinition(Name)]
public sealed class BrowserCollection : ICollectionFixture<BrowserFixture>
{
    public const string Name = "Browser";
}

public static class PageChecks
{
    private static readonly AxeRunOptions s_wcag22aa = new()
    {
        RunOnly = new RunOnlyOptions { Type = "tag", Values = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22a", "wcag22aa"] },
    };

    /// <summary>axe-core on the page as it is now: no WCAG 2.2 AA violation allowed.</summary>
    public static async Task AssertAccessibleAsync(this IPage page)
    {
        var problems = await AccessibilityProblemsAsync(page);
        Assert.True(problems.Count == 0, $"Accessibility violations on {page.Url}:\n{string.Join("\n", problems)}");
    }

    /// <summary>axe-core's WCAG 2.2 AA violations on the page as it is now, one line each.</summary>
    public static async Task<List<string>> AccessibilityProblemsAsync(this IPage page)
    {
        var result = await page.RunAxe(s_wcag22aa);
        return [.. result.Violations.Select(v => $"{v.Id} ({v.Impact}): {v.Help} at {string.Join(", ", v.Nodes.Select(n => n.Target?.ToString()))}")];
    }

    /// <summary>Signs in through the real pages: email and password, then the current authenticator code.</summary>
    public static async Task SignInAsync(this IPage page, SafeguardServer server, string email)
    {
        await page.OpenAsync("/account/sign-in");
        await page.GetByLabel("Email address").FillAsync(email);
        await page.GetByLabel("Password").FillAsync(Demo.DemoPartnership.Password);
        await page.GetByRole(AriaRole.Button, new() { Name = "Continue" }).ClickAsync();
        await page.ArriveAtAsync("**/account/two-factor**");
        await page.GetByLabel("Enter the 6-digit code").FillAsync(await SignedInClient.CurrentCodeAsync(server, email));
        await page.GetByRole(AriaRole.Button, new() { Name = "Sign in" }).ClickAsync();
        await page.ArriveAtAsync("**/home");
    }

    /// <summary>Opens <paramref name="url"/> (following redirects) and waits for it as <see cref="ArriveAtAsync"/> does.</summary>
    public static async Task<IResponse?> OpenAsync(this IPage page, string url)
    {
        var response = await page.GotoAsync(url, new() { WaitUntil = WaitUntilState.Commit });
        await FooterAttachedAsync(page);
        return response;
    }

    /// <summary>
    /// Waits until the browser shows a page at <paramref name="urlGlob"/> (<c>**</c> any text, <c>*</c> any text
    /// within one path segment), parsed as far as its footer. WaitForURL is not used: when the URL already matches it
    /// waits for the document's load event, whatever WaitUntil says, and that event twice never reached Playwright with
    /// the page already shown (CI, and a loaded local run). Polling the URL and the footer, the last element of every
    /// layout, needs no lifecycle event.
    /// </summary>
    public static async Task ArriveAtAsync(this IPage page, string urlGlob)
    {
        await Assertions.Expect(page).ToHaveURLAsync(GlobPattern(urlGlob));
        await FooterAttachedAsync(page);
    }

    /// <summary>The footer is the last element of every layout: once it is in the document, the page is parsed.</summary>
    private static async Task FooterAttachedAsync(IPage page) =>
        await Assertions.Expect(page.Locator("footer.govuk-footer")).ToBeAttachedAsync();

    private static System.Text.RegularExpressions.Regex GlobPattern(string glob) =>
        new("^" + System.Text.RegularExpressions.Regex.Escape(glob).Replace(@"\*\*", ".*", StringComparison.Ordinal).Replace(@"\*", "[^/]*", StringComparison.Ordinal) + "$");

    public static async Task SignOutAsync(this IPage page)
    {
        await page.GetByRole(AriaRole.Button, new() { Name = "Sign out" }).ClickAsync();
        await page.ArriveAtAsync("**/account/sign-in");
    }
}
