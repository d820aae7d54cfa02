using System.Security.Claims;
using System.Security.Cryptography;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using Microsoft.AspNetCore.Authentication;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Safeguard.Web.Data;

namespace Safeguard.Web.Auth;

/// <summary>
/// Bearer tokens for partner systems (`Authorization: Bearer sgp_...`). A token belongs to one agency; only its
/// SHA-256 hash is stored, so a copy of the database gives no one a working token. Revoked tokens stop working at
/// once (every request looks the hash up). Failures answer 401 with a problem document, never a sign-in redirect.
/// </summary>
public sealed class PartnerTokenAuthentication(
    IOptionsMonitor<AuthenticationSchemeOptions> options, ILoggerFactory logger, UrlEncoder encoder, SafeguardDbContext db)
    : AuthenticationHandler<AuthenticationSchemeOptions>(options, logger, encoder)
{
    public const string SchemeName = "PartnerToken";
    public const string TokenIdClaim = "safeguard:partner-token-id";

    /// <summary>Tokens start with this, so a leaked one is recognisable (e.g. by secret scanners).</summary>
    public const string Prefix = "sgp_";

    public static string Hash(string token) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(token)));

    /// <summary>A new token: the prefix and 32 random bytes, base64url. Shown once; store only <see cref="Hash"/>.</summary>
    public static string NewToken() => Prefix + Base64UrlEncode(RandomNumberGenerator.GetBytes(32));

    private static string Base64UrlEncode(byte[] bytes) =>
        Convert.ToBase64String(bytes).TrimEnd('=').Replace('+', '-').Replace('/', '_');

    protected override async Task<AuthenticateResult> HandleAuthenticateAsync()
    {
        var header = Request.Headers.Authorization.ToString();
        if (!header.StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase))
        {
            return AuthenticateResult.NoResult();
        }
        var token = header["Bearer ".Length..].Trim();
        if (!token.StartsWith(Prefix, StringComparison.Ordinal) || token.Length > 200)
        {
            return AuthenticateResult.Fail("Not a Safeguard partner token.");
        }
        var hash = Hash(token);
        var found = await db.PartnerTokens.AsNoTracking().Where(t => t.TokenHash == hash && t.RevokedAt == null)
            .Join(db.Agencies, t => t.AgencyId, a => a.Id, (t, a) => new { t.Id, t.Name, AgencyId = a.Id, a.Code, AgencyName = a.Name })
            .SingleOrDefaultAsync(Context.RequestAborted);
        if (found is null)
        {
            return AuthenticateResult.Fail("Unknown or revoked token.");
        }
        var identity = new ClaimsIdentity(
        [
            new Claim(TokenIdClaim, found.Id.ToString()),
            new Claim(ClaimTypes.Name, found.Name),
            new Claim(SafeguardClaims.AgencyId, found.AgencyId.ToString()),
            new Claim(SafeguardClaims.AgencyCode, found.Code),
            new Claim(SafeguardClaims.AgencyName, found.AgencyName),
        ], SchemeName);
        return AuthenticateResult.Success(new AuthenticationTicket(new ClaimsPrincipal(identity), SchemeName));
    }

    protected override Task HandleChallengeAsync(AuthenticationProperties properties)
    {
        Response.Headers.WWWAuthenticate = "Bearer realm=\"safeguard\"";
        return WriteProblemAsync(StatusCodes.Status401Unauthorized, "A partner token is needed",
            "Send `Authorization: Bearer <token>` with a current token issued to your agency.");
    }

    protected override Task HandleForbiddenAsync(AuthenticationProperties properties) =>
        WriteProblemAsync(StatusCodes.Status403Forbidden, "Not allowed for this token", "The token's agency may not do this.");

    private Task WriteProblemAsync(int status, string title, string detail)
    {
        Response.StatusCode = status;
        Response.ContentType = "application/problem+json";
        return Response.WriteAsync(JsonSerializer.Serialize(new { type = $"https://tools.ietf.org/html/rfc9110#section-15.5.{(status == 401 ? 2 : 4)}", title, status, detail }));
    }
}
