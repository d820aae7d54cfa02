using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Filters;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Safeguard.Web.Features;

/// <summary>
/// Every error the user sees: never a stack trace, never the data that was being handled. It is shown only when a
/// request is re-executed here by the exception handler or the status code pages; asked for directly, /error/{code}
/// is not found (it used to answer whatever status the address named, 101 and 204 included). Failures (5xx) show a
/// reference that is logged with them (<see cref="SupportReference"/>).
/// </summary>
[IgnoreAntiforgeryToken]
public sealed class ErrorModel : PageModel
{
    public string Title { get; private set; } = "Sorry, there is a problem with the service";
    public IReadOnlyList<string> Advice { get; private set; } = [];
    public string? Reference { get; private set; }

    /// <summary>
    /// Runs whatever the method: a refused request is re-executed here with its own method (TRACE, PUT...), for which
    /// a page has no handler, and Razor Pages would render the page without running one. (Not a handler itself, for
    /// all that its name starts "On".)
    /// </summary>
    [NonHandler]
    public override void OnPageHandlerExecuting(PageHandlerExecutingContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        if (StatusToShow() is not { } status)
        {
            context.Result = NotFound();
            return;
        }
        Response.StatusCode = status;
        (Title, Advice) = Describe(status);
        if (status >= 500)
        {
            Reference = SupportReference.Log(HttpContext, status);
        }
    }

    private static (string Title, IReadOnlyList<string> Advice) Describe(int status) => status switch
    {
        StatusCodes.Status400BadRequest => ("Sorry, that request could not be handled", ["Go back, reload the page and try again. Nothing you had already saved has been lost."]),
        StatusCodes.Status401Unauthorized => ("Sign in to continue", ["Your session may have ended. Sign in again, then go back to what you were doing."]),
        StatusCodes.Status403Forbidden => ("You do not have permission to see this page", ["This part of Safeguard is for a different role. If you need it for your work, ask your line manager."]),
        StatusCodes.Status404NotFound => ("Page not found", ["If you typed the web address, check it is correct.", "If you followed a link to a child's record, you may not have a relationship with that child. Find the child to see which agencies know them and ask for access."]),
        StatusCodes.Status405MethodNotAllowed => ("That page cannot be used in that way", ["Go back and use the page's own links and buttons. Nothing has been saved."]),
        StatusCodes.Status408RequestTimeout => ("Sorry, that took too long to arrive", ["Check your connection and try again. Nothing has been saved."]),
        StatusCodes.Status413PayloadTooLarge => ("What you sent was too large", ["Nothing has been saved. Go back, shorten the text or choose a smaller file, and try again."]),
        // The rate limiter's answer (its Retry-After header says how long): nothing went wrong but the pace.
        StatusCodes.Status429TooManyRequests => ("Too many requests", ["You have done this many times in a short time. Wait a minute, then try again. Nothing you had already saved has been lost.", "If you were recording a concern about a child in immediate danger, call the police on 999 now."]),
        >= 500 => ("Sorry, there is a problem with the service", ["Try again later. What you had already saved is safe.", "If you were recording a concern about a child in immediate danger, call the police on 999 now."]),
        _ => ("Sorry, that request could not be handled", ["Go back, reload the page and try again. Nothing you had already saved has been lost."]),
    };

    /// <summary>The refused request's status, or null when this page was asked for directly.</summary>
    private int? StatusToShow()
    {
        if (HttpContext.Features.Get<IExceptionHandlerFeature>() is { } failure)
        {
            return RequestLimits.StatusFor(failure.Error);
        }
        // Status code pages re-execute only 4xx and 5xx responses without a body.
        return HttpContext.Features.Get<IStatusCodeReExecuteFeature>()?.OriginalStatusCode;
    }
}
