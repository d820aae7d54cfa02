using System.Security.Claims;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Safeguard.Web.Data;
using Safeguard.Web.Data.Model;

namespace Safeguard.Web.Auth;

/// <summary>Adds the user's agency, team and display name to their principal, read once at sign-in.</summary>
public sealed class SafeguardClaimsFactory(
    UserManager<AppUser> userManager,
    RoleManager<IdentityRole<Guid>> roleManager,
    IOptions<IdentityOptions> options,
    SafeguardDbContext db)
    : UserClaimsPrincipalFactory<AppUser, IdentityRole<Guid>>(userManager, roleManager, options)
{
    protected override async Task<ClaimsIdentity> GenerateClaimsAsync(AppUser user)
    {
        var identity = await base.GenerateClaimsAsync(user);
        var agency = await db.Agencies.AsNoTracking().SingleAsync(a => a.Id == user.AgencyId);
        identity.AddClaim(new Claim(SafeguardClaims.AgencyId, agency.Id.ToString()));
        identity.AddClaim(new Claim(SafeguardClaims.AgencyCode, agency.Code));
        identity.AddClaim(new Claim(SafeguardClaims.AgencyName, agency.Name));
        identity.AddClaim(new Claim(SafeguardClaims.DisplayName, user.DisplayName));
        if (user.TeamId is { } team)
        {
            identity.AddClaim(new Claim(SafeguardClaims.TeamId, team.ToString()));
        }
        return identity;
    }
}
