using System.Security.Claims;
using Safeguard.Web.Auth;

namespace Safeguard.Web.Data;

/// <summary>
/// Who is making the change or the read being written to the ledger or access log: a signed-in user with their
/// agency, or the system itself (a command-line verb, a scheduled job). Resolved once per request or command.
/// </summary>
public sealed class CurrentActor
{
    private CurrentActor(string actor, string agency, Guid? userId)
    {
        Actor = actor;
        Agency = agency;
        UserId = userId;
    }

    /// <summary>"user/{id}" or "system/{what}" — never a name: names change, ids do not.</summary>
    public string Actor { get; }
    /// <summary>The agency's code, or "-" for the system.</summary>
    public string Agency { get; }
    public Guid? UserId { get; }

    public static CurrentActor System(string what) => new($"system/{what}", "-", null);

    public static CurrentActor Anonymous { get; } = new("anonymous", "-", null);

    public static CurrentActor From(ClaimsPrincipal? principal)
    {
        if (principal?.Identity?.IsAuthenticated != true || !Guid.TryParse(principal.FindFirstValue(ClaimTypes.NameIdentifier), out var userId))
        {
            return Anonymous;
        }
        return new CurrentActor($"user/{userId}", principal.FindFirstValue(SafeguardClaims.AgencyCode) ?? "-", userId);
    }
}
