using System.Security.Claims;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.RateLimiting;
using Safeguard.Web.Auth;
using Safeguard.Web.Data.Model;

namespace Safeguard.Web.Features.Account.Public;

/// <summary>
/// Sign-in through the partnership's own identity provider (OpenID Connect). The account must already exist in
/// Safeguard with the same email, and the provider must confirm a second factor (amr "mfa"), or the partnership
/// must have declared in configuration that its provider always requires one.
/// </summary>
[EnableRateLimiting(RateLimits.SignIn)]
public sealed class ExternalSignInModel(SignInManager<AppUser> signIn, UserManager<AppUser> users, SignInAttempts attempts, IConfiguration configuration, IAuthenticationSchemeProvider schemes) : PageModel
{
    public string Problem { get; private set; } = "";

    public IActionResult OnGet() => RedirectToPage("/Account/Public/SignIn");

    public async Task<IActionResult> OnPostAsync(string? returnUrl)
    {
        if (await schemes.GetSchemeAsync(ExternalSignIn.Scheme) is null)
        {
            return NotFound();
        }
        var redirect = Url.Page("/Account/Public/ExternalSignIn", "Callback", new { returnUrl = SignInModel.SafeReturnUrl(returnUrl) });
        var properties = signIn.ConfigureExternalAuthenticationProperties(ExternalSignIn.Scheme, redirect);
        return Challenge(properties, ExternalSignIn.Scheme);
    }

    public async Task<IActionResult> OnGetCallbackAsync(string? returnUrl, CancellationToken cancellationToken)
    {
        var info = await signIn.GetExternalLoginInfoAsync();
        if (info is null)
        {
            Problem = "Your organisation's sign-in did not complete.";
            return Page();
        }
        var email = info.Principal.FindFirstValue("email") ?? info.Principal.FindFirstValue(ClaimTypes.Email);
        var user = email is null ? null : await users.FindByEmailAsync(email);
        var accountKey = email is null ? null : attempts.AccountKeyOf(email);
        if (user is null || !user.IsActive)
        {
            // Here the organisation has vouched for the person, so saying there is no account tells them nothing new.
            await attempts.RecordAsync(HttpContext, SecurityEventKind.SignInFailed, SecurityEventReason.OrganisationGaveNoKnownAccount, accountKey, user?.Id, cancellationToken);
            Problem = "There is no active Safeguard account for the email address your organisation gave. Ask the partnership's administrator.";
            return Page();
        }
        var providerConfirmedMfa = info.Principal.FindAll("amr").Any(c => c.Value is "mfa" or "otp" or "hwk" or "swk");
        if (!providerConfirmedMfa && !configuration.GetValue<bool>("Authentication:Oidc:ProviderAlwaysRequiresMfa"))
        {
            await attempts.RecordAsync(HttpContext, SecurityEventKind.SignInFailed, SecurityEventReason.OrganisationGaveNoSecondFactor, accountKey, user.Id, cancellationToken);
            Problem = "Your organisation's sign-in did not confirm a second factor, which Safeguard requires.";
            return Page();
        }
        await HttpContext.SignOutAsync(IdentityConstants.ExternalScheme);
        await signIn.SignInWithClaimsAsync(user, isPersistent: false, [new Claim("amr", Policies.MultiFactor), new Claim("idp", ExternalSignIn.Scheme)]);
        attempts.RememberDevice(HttpContext, user.Id);
        await attempts.RecordAsync(HttpContext, SecurityEventKind.SignedIn, SecurityEventReason.OrganisationAccount, accountKey, user.Id, cancellationToken);
        return LocalRedirect(SignInModel.SafeReturnUrl(returnUrl));
    }
}
