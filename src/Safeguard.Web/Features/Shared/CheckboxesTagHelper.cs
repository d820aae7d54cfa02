using Microsoft.AspNetCore.Mvc.Rendering;
using Microsoft.AspNetCore.Razor.TagHelpers;

namespace Safeguard.Web.Features.Shared;

/// <summary>GOV.UK checkboxes in a fieldset, bound to a list of strings; what was ticked is shown back after an error.</summary>
[HtmlTargetElement("sg-checkboxes", TagStructure = TagStructure.WithoutEndTag)]
public sealed class CheckboxesTagHelper : GovukFieldTagHelper
{
    [HtmlAttributeName("items")]
    public IEnumerable<SelectListItem> Items { get; set; } = [];

    public override void Process(TagHelperContext context, TagHelperOutput output)
    {
        OpenGroup(output);
        var hasError = Error is not null;
        var describedBy = DescribedBy(hasError);
        var ticked = Ticked();
        var index = 0;
        var boxes = string.Concat(Items.Select(i =>
        {
            var id = index++ == 0 ? Id : $"{Id}-{index}";
            var isChecked = ticked.Contains(i.Value) ? " checked" : "";
            return $"<div class=\"govuk-checkboxes__item\"><input class=\"govuk-checkboxes__input\" id=\"{id}\" name=\"{Name}\" type=\"checkbox\" value=\"{Encode(i.Value)}\"{isChecked}>" +
                   $"<label class=\"govuk-label govuk-checkboxes__label\" for=\"{id}\">{Encode(i.Text)}</label></div>";
        }));
        var aria = describedBy.Length > 0 ? $" aria-describedby=\"{describedBy}\"" : "";
        output.Content.SetHtmlContent(
            $"<fieldset class=\"govuk-fieldset\"{aria}><legend class=\"govuk-fieldset__legend govuk-fieldset__legend--s\">{Encode(Label)}</legend>{HintAndErrorHtml()}" +
            $"<div class=\"govuk-checkboxes govuk-checkboxes--small\" data-module=\"govuk-checkboxes\">{boxes}</div></fieldset>");
    }

    private HashSet<string> Ticked()
    {
        if (ViewContext.ModelState.TryGetValue(Name, out var entry) && entry.RawValue is not null)
        {
            return entry.RawValue switch
            {
                string one => [one],
                string[] many => [.. many],
                _ => [],
            };
        }
        return For.Model is IEnumerable<string> values ? [.. values] : [];
    }
}
