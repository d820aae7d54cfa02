using Microsoft.AspNetCore.Antiforgery;
using Safeguard.Core.Screening.Language;

namespace Safeguard.Web.Features.Language;

/// <summary>
/// POST /api/language/check: the check behind js/language-check.js, for signed-in users (the fallback policy), with
/// the antiforgery token in the RequestVerificationToken header. It runs the same checker as the check on submit
/// (<see cref="LanguageReview"/>), so the advice while typing and on saving cannot disagree. Nothing is stored.
/// </summary>
public static class LanguageCheckEndpoint
{
    public const string Route = "/api/language/check";

    public static void Map(IEndpointRouteBuilder app) =>
        app.MapPost(Route, async (HttpContext http, IAntiforgery antiforgery, LanguageChecker checker, LanguageCheckRequest? request) =>
        {
            if (!await antiforgery.IsRequestValidAsync(http))
            {
                return Results.Problem(statusCode: StatusCodes.Status400BadRequest, title: "The antiforgery token is missing or not valid.");
            }
            return Results.Ok(new LanguageCheckResponse(checker.Check(request?.Text ?? "")));
        });
}
