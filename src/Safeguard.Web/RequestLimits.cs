using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Safeguard.Web.Features.Admin;
using Safeguard.Web.Features.Api;

namespace Safeguard.Web;

/// <summary>
/// What Safeguard accepts in a request, chosen on purpose rather than left to the framework's defaults, and the gate
/// that refuses the rest with a 4xx and the ordinary error page (problem details on the partner API), before any page
/// or antiforgery check reads it. Without the gate a form over a limit failed deep inside antiforgery, and a method
/// no page handles (TRACE, PUT, a POST to a page without a form) ran the page without its handler.
/// </summary>
public static class RequestLimits
{
    /// <summary>
    /// The longest form field, in bytes as sent. The longest any page takes is a screening instrument's JSON pasted by
    /// the partnership administrator: at most <see cref="ScreeningInstrumentsModel.MaximumJsonLength"/> characters,
    /// sent in a multipart form as UTF-8, so at most 3 bytes a character. Every other field holds at most 16,000
    /// characters.
    /// </summary>
    public const int MaximumFieldBytes = 3 * ScreeningInstrumentsModel.MaximumJsonLength;

    /// <summary>
    /// The most fields in one form. The longest forms Safeguard renders (a screening, a meeting's attendance) have
    /// tens of fields; this is the framework's default, stated so that it is a decision.
    /// </summary>
    public const int MaximumFieldCount = 1024;

    /// <summary>
    /// The largest request body: the screening instrument form with its JSON both pasted and uploaded (the file
    /// itself at most 1 MB, checked by the page), with room for the multipart framing. The partner API and the
    /// language check set tighter limits of their own.
    /// </summary>
    public const int MaximumBodyBytes = 8 * 1024 * 1024;

    private static readonly string s_allowedMethods = string.Join(", ", HttpMethods.Get, HttpMethods.Head, HttpMethods.Post);

    /// <summary>Kestrel's body limit and the form reader's limits; no <c>Server</c> header names the web server.</summary>
    public static void AddSafeguardRequestLimits(this WebApplicationBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        builder.WebHost.ConfigureKestrel(kestrel =>
        {
            kestrel.AddServerHeader = false;
            kestrel.Limits.MaxRequestBodySize = MaximumBodyBytes;
        });
        builder.Services.Configure<FormOptions>(options =>
        {
            options.ValueLengthLimit = MaximumFieldBytes;
            options.ValueCountLimit = MaximumFieldCount;
            options.MultipartBodyLengthLimit = MaximumBodyBytes;
        });
    }

    /// <summary>
    /// Refuses, after routing (the page is known) and before authentication: a method other than GET, HEAD and POST
    /// (405); a POST to a page that has handlers but none for POST (405); a body declared larger than
    /// <see cref="MaximumBodyBytes"/> (413); a form over the field limits (413). A request re-executed to show an
    /// error page passes: it keeps the method and body that were refused.
    /// </summary>
    public static IApplicationBuilder UseSafeguardRequestLimits(this IApplicationBuilder app) =>
        app.Use(async (context, next) =>
        {
            if (context.Features.Get<IStatusCodeReExecuteFeature>() is not null || context.Features.Get<IExceptionHandlerFeature>() is not null)
            {
                await next();
                return;
            }
            var request = context.Request;
            var method = request.Method;
            if (!HttpMethods.IsGet(method) && !HttpMethods.IsHead(method) && !HttpMethods.IsPost(method))
            {
                if (HttpMethods.IsOptions(method) && context.Features.Get<IStatusCodePagesFeature>() is { } statusCodePages)
                {
                    // OPTIONS asks only which methods there are: the Allow header answers it. (Razor Pages would also
                    // answer an OPTIONS re-executed to the error page with an empty 200.)
                    statusCodePages.Enabled = false;
                }
                await RefuseAsync(context, StatusCodes.Status405MethodNotAllowed, "This address answers only GET, HEAD and POST.", s_allowedMethods);
                return;
            }
            var page = context.GetEndpoint()?.Metadata.GetMetadata<CompiledPageActionDescriptor>();
            if (HttpMethods.IsPost(method) && page is { HandlerMethods.Count: > 0 }
                && !page.HandlerMethods.Any(h => string.Equals(h.HttpMethod, HttpMethods.Post, StringComparison.OrdinalIgnoreCase)))
            {
                await RefuseAsync(context, StatusCodes.Status405MethodNotAllowed, "This page takes no form.", $"{HttpMethods.Get}, {HttpMethods.Head}");
                return;
            }
            if (request.ContentLength > MaximumBodyBytes)
            {
                await RefuseAsync(context, StatusCodes.Status413PayloadTooLarge, $"Send at most {MaximumBodyBytes / (1024 * 1024)} MB.");
                return;
            }
            if (page is not null && request.HasFormContentType)
            {
                // Read here, where going over a limit can be answered as such; the form is kept for the page.
                try
                {
                    await request.ReadFormAsync(context.RequestAborted);
                }
                catch (InvalidDataException)
                {
                    await RefuseAsync(context, StatusCodes.Status413PayloadTooLarge, "The form has too many fields or too long a field.");
                    return;
                }
                catch (BadHttpRequestException failure)
                {
                    await RefuseAsync(context, failure.StatusCode, "The form could not be read.");
                    return;
                }
            }
            await next();
        });

    /// <summary>
    /// A JSON body read by hand (the partner API, the language check), refused without reading it all when it is over
    /// <paramref name="maximumBytes"/>: null then. Kestrel's limit still applies to a body without a declared length.
    /// </summary>
    public static async Task<ReadOnlyMemory<byte>?> ReadBodyAsync(HttpRequest request, int maximumBytes, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        if (request.ContentLength > maximumBytes)
        {
            return null;
        }
        var buffer = new byte[maximumBytes + 1];
        var read = 0;
        int count;
        while (read < buffer.Length && (count = await request.Body.ReadAsync(buffer.AsMemory(read), cancellationToken)) > 0)
        {
            read += count;
        }
        if (read > maximumBytes)
        {
            return null; // (in a conditional with the buffer, null would become an empty body)
        }
        return buffer.AsMemory(0, read);
    }

    /// <summary>The status an unhandled exception is answered with: a request Kestrel could not read is the sender's fault.</summary>
    public static int StatusFor(Exception exception) =>
        exception is BadHttpRequestException { StatusCode: >= 400 and < 500 } bad ? bad.StatusCode : StatusCodes.Status500InternalServerError;

    /// <summary>
    /// Pages: the status alone, so that the status code pages show the ordinary error page. The partner API: problem
    /// details, as for its other errors.
    /// </summary>
    private static async Task RefuseAsync(HttpContext context, int status, string title, string? allow = null)
    {
        context.Response.StatusCode = status;
        if (allow is not null)
        {
            context.Response.Headers.Allow = allow;
        }
        if (PartnerApiEndpoints.IsApi(context.Request.Path) && context.RequestServices.GetService<IProblemDetailsService>() is { } problems)
        {
            await problems.TryWriteAsync(new ProblemDetailsContext { HttpContext = context, ProblemDetails = { Status = status, Title = title } });
        }
    }
}
