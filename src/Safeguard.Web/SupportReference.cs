using System.Diagnostics;
using Microsoft.AspNetCore.Diagnostics;

namespace Safeguard.Web;

/// <summary>
/// When Safeguard fails (a 5xx), the person sees a reference (on the error page, or as <c>traceId</c> in the partner
/// API's problem document) and the same reference is logged, so that an administrator can find the line from what
/// the person reads out. The line names the status, the exception's type, the method and the route template: never
/// the path, query string, form values or the exception's message, any of which can hold a child's details.
/// </summary>
public static class SupportReference
{
    public const string LogCategory = "Safeguard.Web.Errors";

    /// <summary>Logs the failure of the current request and returns the reference to show.</summary>
    public static string Log(HttpContext context, int status)
    {
        ArgumentNullException.ThrowIfNull(context);
        var reference = Activity.Current?.TraceId.ToString() ?? context.TraceIdentifier;
        var failure = context.Features.Get<IExceptionHandlerFeature>();
        var endpoint = failure?.Endpoint ?? context.Features.Get<IStatusCodeReExecuteFeature>()?.Endpoint ?? context.GetEndpoint();
        var route = endpoint is RouteEndpoint { RoutePattern.RawText: { } template } ? "/" + template.TrimStart('/') : "(no route)";
        context.RequestServices.GetRequiredService<ILoggerFactory>().CreateLogger(LogCategory).LogError(
            "Failed with {Status} ({ExceptionType}) on {Method} {Route}; support reference {Reference}",
            status, failure?.Error.GetType().FullName ?? "no exception", context.Request.Method, route, reference);
        return reference;
    }
}
