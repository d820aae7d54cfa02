using System.Security.Claims;
using Safeguard.Core;
using Safeguard.Web.Data.Model;

namespace Safeguard.Web.Auth;

/// <summary>The signed-in user as the pages need them, read from their claims.</summary>
public sealed record UserContext(Guid UserId, Id<Agency> AgencyId, string AgencyCode, Id<Team>? TeamId, string DisplayName, IReadOnlySet<string> Roles)
{
    public static UserContext From(ClaimsPrincipal principal)
    {
        ArgumentNullException.ThrowIfNull(principal);
        var userId = Guid.Parse(principal.FindFirstValue(ClaimTypes.NameIdentifier)
            ?? throw new InvalidOperationException("The principal has no user id."));
        var agency = Id<Agency>.Parse(principal.FindFirstValue(SafeguardClaims.AgencyId)
            ?? throw new InvalidOperationException("The principal has no agency."), null);
        Id<Team>? team = Id<Team>.TryParse(principal.FindFirstValue(SafeguardClaims.TeamId), null, out var t) ? t : null;
        var roles = principal.FindAll(ClaimTypes.Role).Select(c => c.Value).ToHashSet(StringComparer.Ordinal);
        return new UserContext(userId, agency, principal.FindFirstValue(SafeguardClaims.AgencyCode) ?? "",
            team, principal.FindFirstValue(SafeguardClaims.DisplayName) ?? "", roles);
    }

    public bool IsInRole(string role) => Roles.Contains(role);
}
