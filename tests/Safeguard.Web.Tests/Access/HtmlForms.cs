using System.Net;
using System.Text.RegularExpressions;

namespace Safeguard.Web.Tests.Access;

/// <summary>Reads a form a page served, so a test posts back exactly what a browser would (hidden fields included).</summary>
internal static partial class HtmlForms
{
    /// <summary>
    /// The hidden fields of the first form whose action contains <paramref name="action"/> (when null: the first form
    /// with fields of the page's Input), without the antiforgery token (the client adds a fresh one).
    /// </summary>
    public static List<(string Name, string Value)> HiddenFields(string html, string? action = null)
    {
        foreach (Match form in Form().Matches(html))
        {
            var tag = form.Groups["tag"].Value;
            var body = form.Groups["body"].Value;
            if (action is null ? !body.Contains("name=\"Input.", StringComparison.Ordinal) : !WebUtility.HtmlDecode(Attribute(tag, "action") ?? "").Contains(action, StringComparison.Ordinal))
            {
                continue;
            }
            return [.. Input().Matches(body).Select(m => m.Value)
                .Where(input => Attribute(input, "type") == "hidden")
                .Select(input => (Name: WebUtility.HtmlDecode(Attribute(input, "name") ?? ""), Value: WebUtility.HtmlDecode(Attribute(input, "value") ?? "")))
                .Where(f => f.Name.Length > 0 && f.Name != "__RequestVerificationToken")];
        }
        throw new InvalidOperationException($"No form with action containing '{action}'.");
    }

    /// <summary>The fields with <paramref name="overrides"/> put in place of any of the same name.</summary>
    public static (string Name, string Value)[] With(this IEnumerable<(string Name, string Value)> fields, params (string Name, string Value)[] overrides) =>
        [.. fields.Where(f => !overrides.Any(o => o.Name == f.Name)), .. overrides];

    private static string? Attribute(string tag, string name) =>
        AttributePair().Matches(tag).FirstOrDefault(m => string.Equals(m.Groups["name"].Value, name, StringComparison.OrdinalIgnoreCase))?.Groups["value"].Value;

    [GeneratedRegex("\\s(?<name>[\\w.\\-]+)=\"(?<value>[^\"]*)\"")]
    private static partial Regex AttributePair();

    [GeneratedRegex("(?<tag><form\\b[^>]*>)(?<body>.*?)</form>", RegexOptions.Singleline | RegexOptions.IgnoreCase)]
    private static partial Regex Form();

    [GeneratedRegex("<input\\b[^>]*>", RegexOptions.IgnoreCase)]
    private static partial Regex Input();
}
