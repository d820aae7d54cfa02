using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;
using Safeguard.Web.Data.Model;

namespace Safeguard.Web.Auth;

/// <summary>
/// Checks the session cookie against the database on every request: the user must still exist, still be active, and
/// still hold the security stamp the cookie was issued with. Signing out, being switched off, and any change to the
/// user's roles, agency, team, sign-in name or password give the user a new stamp (see
/// <see cref="Data.SessionDefiningChanges"/>), so every copy of an old cookie stops working at its next request.
/// Identity's own validator checks only every few minutes and never looks at <see cref="AppUser.IsActive"/>; a saved
/// cookie replayed after sign-out must not open a child's record for those minutes.
/// </summary>
/// <remarks>
/// The principal is not rebuilt from the database: while the stamp is unchanged nothing in it can have changed, and
/// rebuilding would drop the claims the database does not know (the second factor's "amr", the identity provider).
/// The check costs one lookup of the user by id.
/// </remarks>
public sealed class EveryRequestSessionCheck(IOptions<SecurityStampValidatorOptions> options, SignInManager<AppUser> signIn, ILoggerFactory logger)
    : SecurityStampValidator<AppUser>(options, signIn, logger)
{
    public override async Task ValidateAsync(CookieValidatePrincipalContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var user = await VerifySecurityStamp(context.Principal);
        if (user is { IsActive: true })
        {
            return;
        }
        context.RejectPrincipal();
        await SignInManager.SignOutAsync();
    }
}
