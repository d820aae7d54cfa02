using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Filters;
using Microsoft.AspNetCore.Mvc.ViewFeatures;
using Microsoft.EntityFrameworkCore;
using Safeguard.Core;
using Safeguard.Web.Auth;
using Safeguard.Web.Data;
using Safeguard.Web.Data.Model;

namespace Safeguard.Web.Features.Matching;

/// <summary>
/// Every page of a record (/children/{id}/...) opened with the id of a record linked into another: the user is sent
/// to the same page of the survivor, which shows the combined record, with a note saying why. Old links and
/// bookmarks keep working, because ids never change. Only a user who may see the survivor is sent there: a link never
/// widens access (docs/adr/0012), so a user who may see this record and not the survivor stays on this record, which
/// shows what they may see, and a user who may see neither is not redirected either (that would tell them which records
/// exist): the page answers as it would for them anyway.
/// </summary>
public sealed class MergedRecordRedirect(SafeguardDbContext db, ChildAccessService access, ITempDataDictionaryFactory tempData) : IAsyncPageFilter
{
    public const string NoteKey = "MergedNote";
    private const string RecordRoutePrefix = "children/{id}";

    public Task OnPageHandlerSelectionAsync(PageHandlerSelectedContext context) => Task.CompletedTask;

    public async Task OnPageHandlerExecutionAsync(PageHandlerExecutingContext context, PageHandlerExecutionDelegate next)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(next);
        var template = context.ActionDescriptor.AttributeRouteInfo?.Template;
        if (template is not null && template.StartsWith(RecordRoutePrefix, StringComparison.Ordinal)
            && context.RouteData.Values["id"] is string raw && Id<Person>.TryParse(raw, null, out var id))
        {
            var cancellationToken = context.HttpContext.RequestAborted;
            var mergedInto = await db.People.AsNoTracking().Where(p => p.Id == id).Select(p => p.MergedIntoId).SingleOrDefaultAsync(cancellationToken);
            if (mergedInto is not null && await access.ClusterAsync(id, cancellationToken) is { } cluster
                && cluster.MaySee(id) && cluster.MaySee(cluster.Survivor))
            {
                var root = cluster.Survivor;
                var request = context.HttpContext.Request;
                var target = request.Path.Value!.Replace(raw, root.ToString(), StringComparison.OrdinalIgnoreCase) + request.QueryString;
                tempData.GetTempData(context.HttpContext)[NoteKey] =
                    "The record you asked for has been linked with this one as the same person. Its details, history and agencies are shown here together.";
                // A form posted to the old id goes on to the survivor with its method and body (307).
                context.Result = new RedirectResult(target, permanent: false, preserveMethod: !HttpMethods.IsGet(request.Method));
                return;
            }
        }
        await next();
    }
}
