namespace Safeguard.Web;

/// <summary>
/// Headers on every response. The Content-Security-Policy allows no inline script or style at all, so an injected
/// script in a record cannot run; pages load their behaviour from /js and /lib only. Outside the demo, every response
/// over HTTPS tells the browser to use nothing else for a year (HSTS). The headers are added as the response starts,
/// so that error responses (whose headers the exception handler clears) carry them too.
/// </summary>
public static class SecurityHeaders
{
    public const string ContentSecurityPolicy =
        "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; font-src 'self'; " +
        "connect-src 'self'; form-action 'self'; frame-ancestors 'none'; base-uri 'none'; object-src 'none'";

    /// <summary>
    /// A year, without includeSubDomains: other services on the partnership's sibling host names are not Safeguard's to
    /// bind to HTTPS. Unlike the framework's UseHsts, loopback names are not excluded: the tests see what is deployed.
    /// </summary>
    public const string StrictTransportSecurity = "max-age=31536000";

    public static IApplicationBuilder UseSafeguardSecurityHeaders(this IApplicationBuilder app, bool strictTransportSecurity) =>
        app.Use(async (context, next) =>
        {
            context.Response.OnStarting(() =>
            {
                var headers = context.Response.Headers;
                headers.ContentSecurityPolicy = ContentSecurityPolicy;
                headers.XContentTypeOptions = "nosniff";
                headers.XFrameOptions = "DENY";
                headers["Referrer-Policy"] = "no-referrer";
                headers["Cross-Origin-Opener-Policy"] = "same-origin";
                headers["Permissions-Policy"] = "camera=(), microphone=(), geolocation=(), payment=()";
                if (strictTransportSecurity && context.Request.IsHttps)
                {
                    headers.StrictTransportSecurity = StrictTransportSecurity;
                }
                // Pages about children must never sit in a shared computer's cache or a proxy. Static assets
                // carry no personal data and may be cached.
                if (!IsStaticAsset(context.Request.Path))
                {
                    headers.CacheControl = "no-store";
                    headers.Pragma = "no-cache";
                }
                return Task.CompletedTask;
            });
            await next();
        });

    public static bool IsStaticAsset(PathString path) =>
        path.StartsWithSegments("/lib", StringComparison.Ordinal) || path.StartsWithSegments("/js", StringComparison.Ordinal)
        || path.StartsWithSegments("/css", StringComparison.Ordinal) || path.Equals("/favicon.ico", StringComparison.Ordinal);
}
