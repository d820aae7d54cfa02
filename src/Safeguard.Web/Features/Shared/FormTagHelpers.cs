using System.Globalization;
using System.Text.Encodings.Web;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Html;
using Microsoft.AspNetCore.Mvc.ModelBinding;
using Microsoft.AspNetCore.Mvc.Rendering;
using Microsoft.AspNetCore.Mvc.ViewFeatures;
using Microsoft.AspNetCore.Razor.TagHelpers;
using Safeguard.Core.Screening.Language;
using Safeguard.Web.Features.Language;

namespace Safeguard.Web.Features.Shared;

/// <summary>
/// GOV.UK form fields with Safeguard's two promises built in: the error is shown by the field (and in the summary,
/// see _ErrorSummary), and what the user typed is shown back exactly as typed, never lost to a failed conversion.
/// </summary>
public abstract class GovukFieldTagHelper : TagHelper
{
    [HtmlAttributeName("for")]
    public ModelExpression For { get; set; } = null!;

    [HtmlAttributeName("label")]
    public string Label { get; set; } = "";

    [HtmlAttributeName("hint")]
    public string? Hint { get; set; }

    /// <summary>Render the label as the page heading (GOV.UK's pattern for one-question pages).</summary>
    [HtmlAttributeName("label-is-heading")]
    public bool LabelIsHeading { get; set; }

    [HtmlAttributeName("width")]
    public string? Width { get; set; }

    [ViewContext]
    [HtmlAttributeNotBound]
    public ViewContext ViewContext { get; set; } = null!;

    protected string Name => For.Name;
    protected string Id => FieldIds.For(For.Name);

    protected string? Error =>
        ViewContext.ModelState.TryGetValue(Name, out var entry) && entry.Errors.Count > 0 ? entry.Errors[0].ErrorMessage : null;

    /// <summary>The value to show: what was posted if anything was, otherwise the model's value.</summary>
    protected string Value
    {
        get
        {
            if (ViewContext.ModelState.TryGetValue(Name, out var entry) && entry.AttemptedValue is not null)
            {
                return entry.AttemptedValue;
            }
            return For.Model switch
            {
                null => "",
                DateOnly date => date.ToString("d M yyyy", CultureInfo.InvariantCulture),
                IFormattable formattable => formattable.ToString(null, CultureInfo.InvariantCulture),
                var other => other.ToString() ?? "",
            };
        }
    }

    protected string DescribedBy(bool hasError) =>
        string.Join(' ', new[] { Hint is null ? null : $"{Id}-hint", hasError ? $"{Id}-error" : null }.Where(x => x is not null));

    protected void OpenGroup(TagHelperOutput output, string? extraGroupClass = null)
    {
        output.TagName = "div";
        output.TagMode = TagMode.StartTagAndEndTag;
        output.Attributes.Clear();
        var error = Error is not null ? " govuk-form-group--error" : "";
        output.Attributes.SetAttribute("class", $"govuk-form-group{error}{extraGroupClass}");
    }

    protected string LabelHtml()
    {
        var label = $"<label class=\"govuk-label{(LabelIsHeading ? " govuk-label--l" : "")}\" for=\"{Id}\">{Encode(Label)}</label>";
        return LabelIsHeading ? $"<h1 class=\"govuk-label-wrapper\">{label}</h1>" : label;
    }

    protected string HintAndErrorHtml()
    {
        var html = Hint is null ? "" : $"<div id=\"{Id}-hint\" class=\"govuk-hint\">{Encode(Hint)}</div>";
        if (Error is { } error)
        {
            html += $"<p id=\"{Id}-error\" class=\"govuk-error-message\"><span class=\"govuk-visually-hidden\">Error:</span> {Encode(error)}</p>";
        }
        return html;
    }

    protected static string Encode(string text) => HtmlEncoder.Default.Encode(text);
}

[HtmlTargetElement("sg-input", TagStructure = TagStructure.WithoutEndTag)]
public sealed class InputTagHelper : GovukFieldTagHelper
{
    [HtmlAttributeName("type")]
    public string Type { get; set; } = "text";

    [HtmlAttributeName("autocomplete")]
    public string? Autocomplete { get; set; }

    [HtmlAttributeName("spellcheck")]
    public bool? Spellcheck { get; set; }

    [HtmlAttributeName("inputmode")]
    public string? InputMode { get; set; }

    public override void Process(TagHelperContext context, TagHelperOutput output)
    {
        OpenGroup(output);
        var hasError = Error is not null;
        var classes = "govuk-input" + (Width is null ? "" : $" govuk-input--width-{Width}") + (hasError ? " govuk-input--error" : "");
        var describedBy = DescribedBy(hasError);
        var attributes = $"class=\"{classes}\" id=\"{Id}\" name=\"{Name}\" type=\"{Encode(Type)}\"";
        if (Type != "password")
        {
            attributes += $" value=\"{Encode(Value)}\"";
        }
        if (describedBy.Length > 0)
        {
            attributes += $" aria-describedby=\"{describedBy}\"";
        }
        if (Autocomplete is not null)
        {
            attributes += $" autocomplete=\"{Encode(Autocomplete)}\"";
        }
        if (Spellcheck is { } spellcheck)
        {
            attributes += $" spellcheck=\"{(spellcheck ? "true" : "false")}\"";
        }
        if (InputMode is not null)
        {
            attributes += $" inputmode=\"{Encode(InputMode)}\"";
        }
        output.Content.SetHtmlContent($"{LabelHtml()}{HintAndErrorHtml()}<input {attributes}>");
    }
}

[HtmlTargetElement("sg-textarea", TagStructure = TagStructure.WithoutEndTag)]
public sealed partial class TextareaTagHelper : GovukFieldTagHelper
{
    [HtmlAttributeName("rows")]
    public int Rows { get; set; } = 5;

    /// <summary>Check the text against the language bank as it is typed (see js/language-check.js).</summary>
    [HtmlAttributeName("language-check")]
    public bool LanguageCheck { get; set; }

    public override void Process(TagHelperContext context, TagHelperOutput output)
    {
        OpenGroup(output);
        var hasError = Error is not null;
        var describedBy = DescribedBy(hasError);
        var classes = "govuk-textarea" + (hasError ? " govuk-textarea--error" : "");
        var attributes = $"class=\"{classes}\" id=\"{Id}\" name=\"{Name}\" rows=\"{Rows}\"";
        var advice = "";
        if (LanguageCheck)
        {
            attributes += " data-language-check";
            // After a submit the server checked (LanguageReview), its advice is shown beside the field; the script
            // then keeps the same region up to date as the writer edits.
            var review = LanguageReview.FieldsOf(ViewContext.HttpContext).FirstOrDefault(r => r.Key == Name);
            if (review is { Flags.Count: > 0 })
            {
                var region = $"{Id}-language-check";
                describedBy = describedBy.Length > 0 ? $"{describedBy} {region}" : region;
                advice = $"<div id=\"{region}\" class=\"sg-language-check\" aria-live=\"polite\">{LanguageAdviceHtml(review.Flags)}</div>";
            }
        }
        if (describedBy.Length > 0)
        {
            attributes += $" aria-describedby=\"{describedBy}\"";
        }
        output.Content.SetHtmlContent($"{LabelHtml()}{HintAndErrorHtml()}<textarea {attributes}>{Encode(Value)}</textarea>{advice}");
    }

    // The same words as js/language-check.js shows while typing.
    private static string LanguageAdviceHtml(IReadOnlyList<LanguageFlag> flags)
    {
        var items = string.Concat(flags.Select(f =>
            $"<li class=\"sg-language-check__item\"><strong class=\"sg-language-check__phrase\">“{Encode(WhitespaceRuns().Replace(f.Text, " "))}”</strong>" +
            $"<span class=\"govuk-visually-hidden\"> (line {f.Line}, character {f.Column})</span>: {Encode(f.Reason)}. Instead: {Encode(f.Suggestion)}.</li>"));
        var intro = flags.Count == 1 ? "Check 1 phrase in your wording" : $"Check {flags.Count} phrases in your wording";
        return $"<p class=\"govuk-body govuk-!-font-weight-bold\">{intro}</p><ul class=\"govuk-list sg-language-check__list\">{items}</ul>" +
               "<p class=\"govuk-hint\">This is advice. You can keep your words; your choice is recorded when you save.</p>";
    }

    [GeneratedRegex(@"\s+")]
    private static partial Regex WhitespaceRuns();
}

[HtmlTargetElement("sg-select", TagStructure = TagStructure.WithoutEndTag)]
public sealed class SelectTagHelper : GovukFieldTagHelper
{
    [HtmlAttributeName("items")]
    public IEnumerable<SelectListItem> Items { get; set; } = [];

    public override void Process(TagHelperContext context, TagHelperOutput output)
    {
        OpenGroup(output);
        var hasError = Error is not null;
        var describedBy = DescribedBy(hasError);
        var value = Value;
        var options = string.Concat(Items.Select(i =>
            $"<option value=\"{Encode(i.Value)}\"{(string.Equals(i.Value, value, StringComparison.Ordinal) ? " selected" : "")}>{Encode(i.Text)}</option>"));
        var aria = describedBy.Length > 0 ? $" aria-describedby=\"{describedBy}\"" : "";
        output.Content.SetHtmlContent(
            $"{LabelHtml()}{HintAndErrorHtml()}<select class=\"govuk-select{(hasError ? " govuk-select--error" : "")}\" id=\"{Id}\" name=\"{Name}\"{aria}>{options}</select>");
    }
}

/// <summary>GOV.UK radios in a fieldset; the legend is the question.</summary>
[HtmlTargetElement("sg-radios", TagStructure = TagStructure.WithoutEndTag)]
public sealed class RadiosTagHelper : GovukFieldTagHelper
{
    [HtmlAttributeName("items")]
    public IEnumerable<SelectListItem> Items { get; set; } = [];

    [HtmlAttributeName("inline")]
    public bool Inline { get; set; }

    public override void Process(TagHelperContext context, TagHelperOutput output)
    {
        OpenGroup(output);
        var hasError = Error is not null;
        var describedBy = DescribedBy(hasError);
        var value = Value;
        var index = 0;
        var radios = string.Concat(Items.Select(i =>
        {
            // The first radio takes the field's id so the error summary's link lands on it.
            var id = index++ == 0 ? Id : $"{Id}-{index}";
            var isChecked = string.Equals(i.Value, value, StringComparison.Ordinal) ? " checked" : "";
            return $"<div class=\"govuk-radios__item\"><input class=\"govuk-radios__input\" id=\"{id}\" name=\"{Name}\" type=\"radio\" value=\"{Encode(i.Value)}\"{isChecked}>" +
                   $"<label class=\"govuk-label govuk-radios__label\" for=\"{id}\">{Encode(i.Text)}</label></div>";
        }));
        var legendClass = LabelIsHeading ? "govuk-fieldset__legend govuk-fieldset__legend--l" : "govuk-fieldset__legend govuk-fieldset__legend--s";
        var legend = LabelIsHeading ? $"<legend class=\"{legendClass}\"><h1 class=\"govuk-fieldset__heading\">{Encode(Label)}</h1></legend>" : $"<legend class=\"{legendClass}\">{Encode(Label)}</legend>";
        var aria = describedBy.Length > 0 ? $" aria-describedby=\"{describedBy}\"" : "";
        output.Content.SetHtmlContent(
            $"<fieldset class=\"govuk-fieldset\"{aria}>{legend}{HintAndErrorHtml()}<div class=\"govuk-radios{(Inline ? " govuk-radios--inline" : "")}\" data-module=\"govuk-radios\">{radios}</div></fieldset>");
    }
}

/// <summary>Ids for fields from their model names: "Input.GivenName" becomes "Input_GivenName".</summary>
public static class FieldIds
{
    public static string For(string name) => TagBuilder.CreateSanitizedId(name, "_");
}

/// <summary>The GOV.UK error summary, listing every error with a link to its field.</summary>
public static class ErrorSummary
{
    public static IHtmlContent Render(ModelStateDictionary modelState)
    {
        ArgumentNullException.ThrowIfNull(modelState);
        if (modelState.IsValid)
        {
            return HtmlString.Empty;
        }
        var items = modelState
            .Where(kv => kv.Value is { Errors.Count: > 0 })
            // Every message, not just the first of each field: an instrument that does not validate has a problem per line.
            .SelectMany(kv => kv.Value!.Errors.Select(e => $"<li><a href=\"#{(kv.Key.Length == 0 ? "main-content" : FieldIds.For(kv.Key))}\">{HtmlEncoder.Default.Encode(e.ErrorMessage)}</a></li>"));
        return new HtmlString(
            "<div class=\"govuk-error-summary\" data-module=\"govuk-error-summary\"><div role=\"alert\">" +
            "<h2 class=\"govuk-error-summary__title\">There is a problem</h2><div class=\"govuk-error-summary__body\">" +
            $"<ul class=\"govuk-list govuk-error-summary__list\">{string.Concat(items)}</ul></div></div></div>");
    }
}

/// <summary>
/// A date as people type it, in three boxes (GOV.UK's date input). Kept as text so that whatever was typed is
/// shown back after an error; <see cref="TryParse"/> turns it into a date or a message naming what is wrong.
/// </summary>
public sealed class DateInput
{
    public string? Day { get; set; }
    public string? Month { get; set; }
    public string? Year { get; set; }

    public bool IsEmpty => string.IsNullOrWhiteSpace(Day) && string.IsNullOrWhiteSpace(Month) && string.IsNullOrWhiteSpace(Year);

    public static DateInput From(DateOnly? date) => date is { } d
        ? new DateInput { Day = d.Day.ToString(CultureInfo.InvariantCulture), Month = d.Month.ToString(CultureInfo.InvariantCulture), Year = d.Year.ToString(CultureInfo.InvariantCulture) }
        : new DateInput();

    /// <param name="what">How the message names the date, e.g. "Date of birth".</param>
    public bool TryParse(string what, out DateOnly date, out string error)
    {
        date = default;
        var missing = new List<string>();
        if (string.IsNullOrWhiteSpace(Day))
        {
            missing.Add("day");
        }
        if (string.IsNullOrWhiteSpace(Month))
        {
            missing.Add("month");
        }
        if (string.IsNullOrWhiteSpace(Year))
        {
            missing.Add("year");
        }
        if (missing.Count == 3)
        {
            error = $"Enter the {what.ToLowerInvariant()}";
            return false;
        }
        if (missing.Count > 0)
        {
            error = $"{what} must include a {string.Join(" and ", missing)}";
            return false;
        }
        if (!int.TryParse(Day, NumberStyles.None, CultureInfo.InvariantCulture, out var day)
            || !int.TryParse(Month, NumberStyles.None, CultureInfo.InvariantCulture, out var month)
            || !int.TryParse(Year, NumberStyles.None, CultureInfo.InvariantCulture, out var year))
        {
            error = $"{what} must be a real date, in numbers";
            return false;
        }
        if (Year!.Trim().Length != 4)
        {
            error = "Year must include 4 numbers";
            return false;
        }
        if (month is < 1 or > 12 || day < 1 || year < 1 || day > DateTime.DaysInMonth(year, month))
        {
            error = $"{what} must be a real date";
            return false;
        }
        date = new DateOnly(year, month, day);
        error = "";
        return true;
    }
}

[HtmlTargetElement("sg-date", TagStructure = TagStructure.WithoutEndTag)]
public sealed class DateTagHelper : GovukFieldTagHelper
{
    public override void Process(TagHelperContext context, TagHelperOutput output)
    {
        OpenGroup(output);
        var hasError = Error is not null;
        var model = For.Model as DateInput ?? new DateInput();
        string Part(string part, string label, string? modelValue, int width, bool first)
        {
            var name = $"{Name}.{part}";
            var id = first ? Id : $"{Id}_{part}";
            var value = ViewContext.ModelState.TryGetValue(name, out var entry) && entry.AttemptedValue is not null ? entry.AttemptedValue : modelValue ?? "";
            return $"<div class=\"govuk-date-input__item\"><div class=\"govuk-form-group\"><label class=\"govuk-label govuk-date-input__label\" for=\"{id}\">{label}</label>" +
                   $"<input class=\"govuk-input govuk-date-input__input govuk-input--width-{width}{(hasError ? " govuk-input--error" : "")}\" id=\"{id}\" name=\"{name}\" type=\"text\" inputmode=\"numeric\" value=\"{Encode(value)}\"></div></div>";
        }
        var describedBy = DescribedBy(hasError);
        var aria = describedBy.Length > 0 ? $" aria-describedby=\"{describedBy}\"" : "";
        output.Content.SetHtmlContent(
            $"<fieldset class=\"govuk-fieldset\" role=\"group\"{aria}><legend class=\"govuk-fieldset__legend govuk-fieldset__legend--s\">{Encode(Label)}</legend>{HintAndErrorHtml()}" +
            $"<div class=\"govuk-date-input\">{Part("Day", "Day", model.Day, 2, true)}{Part("Month", "Month", model.Month, 2, false)}{Part("Year", "Year", model.Year, 4, false)}</div></fieldset>");
    }
}
