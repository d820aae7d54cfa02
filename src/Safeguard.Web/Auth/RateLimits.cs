using System.Globalization;
using System.Security.Claims;
using System.Text.Json;
using System.Threading.RateLimiting;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.RateLimiting;
using Safeguard.Web.Features.Api;

namespace Safeguard.Web.Auth;

/// <summary>
/// Request rate limits (ASP.NET Core's rate limiter): how fast anything may be tried at all, per client address, user
/// or partner token, on the endpoints worth hammering. Over the limit, the answer is 429 with Retry-After (a page for
/// people, a problem document for the JSON API). Each limit is a fixed window, configurable as
/// <c>RateLimits:{policy}:PermitLimit</c> and <c>RateLimits:{policy}:Window</c>. The limiter's counts are kept in
/// each instance's memory: behind a load balancer each instance allows the limit (docs/adr/0014); the sign-in
/// back-off, which decides whether an attempt is checked at all, is in the database (docs/adr/0013).
/// </summary>
public static class RateLimits
{
    /// <summary>Posting the sign-in form (and starting an organisation sign-in), per client address.</summary>
    public const string SignIn = "sign-in";
    /// <summary>Posting an authenticator code (the second step, and setting one up), per client address.</summary>
    public const string SecondFactor = "second-factor";
    /// <summary>Searching for a child (POST /children), per signed-in user.</summary>
    public const string Search = "search";
    /// <summary>The partner API: per token; requests without a valid token (guesses) per client address.</summary>
    public const string PartnerApi = "partner-api";
    /// <summary>Pages anyone may use without signing in (the OpenAPI description now; public reporting later), per client address.</summary>
    public const string Public = "public";

    /// <summary>The partner API's limit for requests without a valid token, configured under this name.</summary>
    public const string PartnerApiUnauthenticated = "partner-api-unauthenticated";

    public static readonly IReadOnlyList<string> All = [SignIn, SecondFactor, Search, PartnerApi, PartnerApiUnauthenticated, Public];

    /// <summary>Limits when configuration says nothing: generous for a person or a partner system at work, a wall for a script.</summary>
    public static readonly IReadOnlyDictionary<string, (int PermitLimit, TimeSpan Window)> Defaults = new Dictionary<string, (int, TimeSpan)>
    {
        // Per address: an office behind one address signs in through the same limit, so it is not tight; the back-off
        // is what stops guessing. Partnerships with many staff behind one address may raise it.
        [SignIn] = (30, TimeSpan.FromMinutes(1)),
        [SecondFactor] = (30, TimeSpan.FromMinutes(1)),
        [Search] = (30, TimeSpan.FromMinutes(1)),
        [PartnerApi] = (300, TimeSpan.FromMinutes(1)),
        [PartnerApiUnauthenticated] = (20, TimeSpan.FromMinutes(1)),
        [Public] = (60, TimeSpan.FromMinutes(1)),
    };

    /// <summary>Where the middleware that reads the partner token early leaves the token's id for the limiter.</summary>
    private const string PartnerTokenItem = "Safeguard.RateLimits.PartnerTokenId";

    public static void AddSafeguardRateLimits(this IServiceCollection services, IConfiguration configuration)
    {
        var limits = All.ToDictionary(name => name, name => Read(configuration, name));
        services.AddRateLimiter(options =>
        {
            options.RejectionStatusCode = StatusCodes.Status429TooManyRequests;
            options.OnRejected = RejectAsync;
            options.AddPolicy(SignIn, http => PostsPer(SignIn, ClientOf(http), http, limits[SignIn]));
            options.AddPolicy(SecondFactor, http => PostsPer(SecondFactor, ClientOf(http), http, limits[SecondFactor]));
            options.AddPolicy(Search, http => PostsPer(Search, http.User.FindFirstValue(ClaimTypes.NameIdentifier) ?? ClientOf(http), http, limits[Search]));
            options.AddPolicy(PartnerApi, http => http.Items[PartnerTokenItem] is string token
                ? Window($"{PartnerApi}:{token}", limits[PartnerApi])
                : Window($"{PartnerApiUnauthenticated}:{ClientOf(http)}", limits[PartnerApiUnauthenticated]));
            options.AddPolicy(Public, http => Window($"{Public}:{ClientOf(http)}", limits[Public]));
        });
    }

    /// <summary>
    /// Reads the partner token before the limiter runs, so a call is counted against its token and a guess against
    /// its address. (The API's own authorization then reuses the same result: a handler authenticates once a request.)
    /// </summary>
    public static void UsePartnerTokenForRateLimits(this IApplicationBuilder app) =>
        app.UseWhen(http => PartnerApiEndpoints.IsApi(http.Request.Path), api => api.Use(async (http, next) =>
        {
            var result = await http.AuthenticateAsync(PartnerTokenAuthentication.SchemeName);
            if (result.Principal?.FindFirstValue(PartnerTokenAuthentication.TokenIdClaim) is { } token)
            {
                http.Items[PartnerTokenItem] = token;
            }
            await next(http);
        }));

    private static (int PermitLimit, TimeSpan Window) Read(IConfiguration configuration, string name)
    {
        var section = configuration.GetSection($"RateLimits:{name}");
        var (permits, window) = Defaults[name];
        return (section.GetValue("PermitLimit", permits), section.GetValue("Window", window));
    }

    private static string ClientOf(HttpContext http) => http.Connection.RemoteIpAddress?.ToString() ?? "unknown";

    /// <summary>Only posts count: opening a form is free, sending it is what is limited.</summary>
    private static RateLimitPartition<string> PostsPer(string policy, string key, HttpContext http, (int PermitLimit, TimeSpan Window) limit) =>
        HttpMethods.IsGet(http.Request.Method) || HttpMethods.IsHead(http.Request.Method)
            ? RateLimitPartition.GetNoLimiter("reads")
            : Window($"{policy}:{key}", limit);

    private static RateLimitPartition<string> Window(string key, (int PermitLimit, TimeSpan Window) limit) =>
        RateLimitPartition.GetFixedWindowLimiter(key, _ => new FixedWindowRateLimiterOptions
        {
            PermitLimit = limit.PermitLimit,
            Window = limit.Window,
            QueueLimit = 0,
        });

    private static async ValueTask RejectAsync(OnRejectedContext context, CancellationToken cancellationToken)
    {
        var http = context.HttpContext;
        var wait = context.Lease.TryGetMetadata(MetadataName.RetryAfter, out var retryAfter) ? retryAfter : TimeSpan.FromMinutes(1);
        var seconds = Math.Max(1, (int)Math.Ceiling(wait.TotalSeconds));
        http.Response.StatusCode = StatusCodes.Status429TooManyRequests;
        http.Response.Headers.RetryAfter = seconds.ToString(CultureInfo.InvariantCulture);
        if (http.Request.Path.StartsWithSegments("/api", StringComparison.OrdinalIgnoreCase))
        {
            http.Response.ContentType = "application/problem+json";
            await http.Response.WriteAsync(JsonSerializer.Serialize(new
            {
                type = "https://tools.ietf.org/html/rfc6585#section-4",
                title = "Too many requests",
                status = StatusCodes.Status429TooManyRequests,
                detail = $"Too many requests in a short time. Try again in {seconds} seconds.",
            }), cancellationToken);
        }
        // People get the error page for 429 (re-executed by the status code pages), with the Retry-After header kept.
    }
}
