using System.Diagnostics;
using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Safeguard.Web.Features;

/// <summary>
/// Every error the user sees: never a stack trace, never the data that was being handled. Unexpected failures are
/// logged with their type and a trace reference only, and the reference is shown so support can find the log line.
/// </summary>
[IgnoreAntiforgeryToken]
public sealed class ErrorModel(ILogger<ErrorModel> logger) : PageModel
{
    public string Title { get; private set; } = "Sorry, there is a problem with the service";
    public IReadOnlyList<string> Advice { get; private set; } = [];
    public string? Reference { get; private set; }

    public void OnGet(int? code) => Describe(code);

    public void OnPost(int? code) => Describe(code);

    private void Describe(int? code)
    {
        var status = code ?? StatusCodes.Status500InternalServerError;
        Response.StatusCode = status;
        switch (status)
        {
            case StatusCodes.Status404NotFound:
                Title = "Page not found";
                Advice = ["If you typed the web address, check it is correct.", "If you followed a link to a child's record, you may not have a relationship with that child. Find the child to see which agencies know them and ask for access."];
                break;
            case StatusCodes.Status403Forbidden:
                Title = "You do not have permission to see this page";
                Advice = ["This part of Safeguard is for a different role. If you need it for your work, ask your line manager."];
                break;
            case StatusCodes.Status429TooManyRequests:
                // The rate limiter's answer (its Retry-After header says how long): nothing went wrong but the pace.
                Title = "Too many requests";
                Advice = ["You have done this many times in a short time. Wait a minute, then try again.", "If you were recording a concern about a child in immediate danger, call the police on 999 now."];
                break;
            case StatusCodes.Status400BadRequest:
                Title = "Sorry, that request could not be handled";
                Advice = ["Go back, reload the page and try again. Nothing you had already saved has been lost."];
                break;
            default:
                Title = "Sorry, there is a problem with the service";
                Advice = ["Try again later. What you had already saved is safe.", "If you were recording a concern about a child in immediate danger, call the police on 999 now."];
                Reference = Activity.Current?.TraceId.ToString() ?? HttpContext.TraceIdentifier;
                if (HttpContext.Features.Get<IExceptionHandlerFeature>() is { } failure)
                {
                    logger.LogError("Unhandled {ExceptionType} at {Endpoint}, reference {Reference}",
                        failure.Error.GetType().Name, failure.Endpoint?.DisplayName ?? "unknown endpoint", Reference);
                }
                break;
        }
    }
}
