using System.Text.Json;
using Microsoft.AspNetCore.Antiforgery;
using Safeguard.Core.Screening.Language;

namespace Safeguard.Web.Features.Language;

/// <summary>
/// POST /api/language/check: the check behind js/language-check.js, for signed-in users (the fallback policy), with
/// the antiforgery token in the RequestVerificationToken header. It runs the same checker as the check on submit
/// (<see cref="LanguageReview"/>), so the advice while typing and on saving cannot disagree. Nothing is stored.
/// The text and the answer are both bounded: an answer without a bound was twelve times the size of its question.
/// </summary>
public static class LanguageCheckEndpoint
{
    public const string Route = "/api/language/check";

    /// <summary>The longest text checked, in characters: far more than any field holds (the longest, 16,000).</summary>
    public const int MaximumTextLength = 100_000;

    /// <summary>
    /// The most flags in one answer, in text order. Each flag carries its reason and suggestion, a few hundred bytes:
    /// this keeps the answer to a few tens of kilobytes however many times a phrase is repeated, and no one reads more
    /// advice than this while typing. The check on saving still sees every phrase.
    /// </summary>
    public const int MaximumFlags = 100;

    /// <summary>The text as JSON: up to 6 bytes a character when escaped (\u0001), and the braces around it.</summary>
    private const int MaximumBodyBytes = 6 * MaximumTextLength + 1024;

    private static readonly JsonSerializerOptions s_json = new(JsonSerializerDefaults.Web);

    public static void Map(IEndpointRouteBuilder app) =>
        // The body is read by hand: the framework's binding of a JSON parameter has no size of its own, and answers a
        // body it cannot read with a bare 400.
        app.MapPost(Route, async (HttpContext http, IAntiforgery antiforgery, LanguageChecker checker, CancellationToken cancellationToken) =>
        {
            if (!await antiforgery.IsRequestValidAsync(http))
            {
                return Results.Problem(statusCode: StatusCodes.Status400BadRequest, title: "The antiforgery token is missing or not valid.");
            }
            if (await RequestLimits.ReadBodyAsync(http.Request, MaximumBodyBytes, cancellationToken) is not { } json)
            {
                return TooLong();
            }
            LanguageCheckRequest? request;
            try
            {
                request = JsonSerializer.Deserialize<LanguageCheckRequest>(json.Span, s_json);
            }
            catch (JsonException)
            {
                return Results.Problem(statusCode: StatusCodes.Status400BadRequest, title: "Send the text to check as JSON: {\"text\": \"...\"}.");
            }
            var text = request?.Text ?? "";
            if (text.Length > MaximumTextLength)
            {
                return TooLong();
            }
            return Results.Ok(new LanguageCheckResponse([.. checker.Check(text).Take(MaximumFlags)]));
        });

    private static IResult TooLong() =>
        Results.Problem(statusCode: StatusCodes.Status413PayloadTooLarge, title: "The text is too long to check",
            detail: $"Send at most {MaximumTextLength:N0} characters.");
}
