namespace Safeguard.Web;

/// <summary>
/// Headers on every response. The Content-Security-Policy allows no inline script or style at all, so an injected
/// script in a record cannot run; pages load their behaviour from /js and /lib only.
/// </summary>
public static class SecurityHeaders
{
    public const string ContentSecurityPolicy =
        "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; font-src 'self'; " +
        "connect-src 'self'; form-action 'self'; frame-ancestors 'none'; base-uri 'none'; object-src 'none'";

    public static IApplicationBuilder UseSafeguardSecurityHeaders(this IApplicationBuilder app) =>
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
