using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.ModelBinding;
using Microsoft.AspNetCore.Mvc.Rendering;
using Microsoft.AspNetCore.Mvc.ViewEngines;
using Microsoft.AspNetCore.Mvc.ViewFeatures;

namespace Safeguard.Web.Features.Shared;

/// <summary>Renders a Razor partial to a string: the same markup a page shows, for a document made outside the page (a PDF).</summary>
public sealed class PartialRenderer(ICompositeViewEngine engine, ITempDataProvider tempData)
{
    public async Task<string> RenderAsync(ActionContext context, string path, object model)
    {
        ArgumentNullException.ThrowIfNull(context);
        var found = engine.GetView(executingFilePath: null, viewPath: path, isMainPage: false);
        var view = found.View ?? throw new InvalidOperationException($"No partial view at {path}.");
        await using var writer = new StringWriter(System.Globalization.CultureInfo.InvariantCulture);
        var viewData = new ViewDataDictionary(new EmptyModelMetadataProvider(), new ModelStateDictionary()) { Model = model };
        var viewContext = new ViewContext(context, view, viewData, new TempDataDictionary(context.HttpContext, tempData), writer, new HtmlHelperOptions());
        await view.RenderAsync(viewContext);
        return writer.ToString();
    }
}
