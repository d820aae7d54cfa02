using Safeguard.Web.Tests.Infrastructure;

namespace Safeguard.Web.Tests.Browser;

/// <summary>The checks the browser tests rely on can fail: axe finds a known violation.</summary>
[Collection(BrowserCollection.Name)]
public sealed class BrowserToolingTests(BrowserFixture browser)
{
    [Fact]
    public async Task The_accessibility_check_fails_a_page_with_a_known_violation()
    {
        var context = await browser.Browser.NewContextAsync();
        var page = await context.NewPageAsync();
        await page.SetContentAsync("<!DOCTYPE html><html><head><title>t</title></head><body><main><img src=\"x.png\"><input type=\"text\"></main></body></html>");
        var failure = await Assert.ThrowsAnyAsync<Exception>(page.AssertAccessibleAsync);
        Assert.Contains("image-alt", failure.Message, StringComparison.Ordinal);
        Assert.Contains("label", failure.Message, StringComparison.Ordinal);
        await context.CloseAsync();
    }
}
