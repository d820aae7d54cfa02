using System.ComponentModel.DataAnnotations;
using System.Security.Claims;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.RateLimiting;
using Safeguard.Core.Access;
using Safeguard.Web.Auth;
using Safeguard.Web.Data.Model;

namespace Safeguard.Web.Features.Account.Public;

/// <summary>
/// The second step: the code from the user's authenticator app. Each code signs in once, within one step of now
/// (<see cref="SingleUseAuthenticatorTokenProvider"/>); failures count towards the same back-off as passwords.
/// </summary>
[EnableRateLimiting(RateLimits.SecondFactor)]
public sealed class TwoFactorModel(SignInManager<AppUser> signIn, UserManager<AppUser> users, SignInAttempts attempts, SingleUseAuthenticatorTokenProvider codes) : PageModel
{
    public const string FailureMessage = "The code is not correct or has expired. Enter the code your app shows now";

    [BindProperty]
    public CodeInput Input { get; set; } = new();

    [BindProperty(SupportsGet = true)]
    public string? ReturnUrl { get; set; }

    public sealed class CodeInput
    {
        [Required(ErrorMessage = "Enter the 6-digit code from your authenticator app")]
        [RegularExpression(@"^\s*\d{3}\s?\d{3}\s*$", ErrorMessage = "The code must be 6 digits")]
        public string? Code { get; set; }
    }

    public async Task<IActionResult> OnGetAsync() =>
        await signIn.GetTwoFactorAuthenticationUserAsync() is null ? RedirectToPage("/Account/Public/SignIn") : Page();

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        var user = await signIn.GetTwoFactorAuthenticationUserAsync();
        if (user is null || !user.IsActive)
        {
            return RedirectToPage("/Account/Public/SignIn");
        }
        if (!ModelState.IsValid)
        {
            return Page();
        }
        var accountKey = attempts.AccountKeyOf(user.Email ?? "");
        if (await attempts.HeldBackAsync(HttpContext, accountKey, user.Id, cancellationToken) is { } backOff)
        {
            await attempts.RecordAsync(HttpContext, SecurityEventKind.HeldBack, SignInAttempts.ReasonFor(backOff), accountKey, user.Id, cancellationToken);
            return Failed();
        }
        var code = Input.Code!.Replace(" ", "", StringComparison.Ordinal).Trim();
        if (await users.VerifyTwoFactorTokenAsync(user, users.Options.Tokens.AuthenticatorTokenProvider, code))
        {
            // As Identity's two-factor sign-in does, without its lockout: the half-finished sign-in ends, the session
            // starts with the second factor claimed.
            await HttpContext.SignOutAsync(IdentityConstants.TwoFactorUserIdScheme);
            await signIn.SignInWithClaimsAsync(user, isPersistent: false, [new Claim("amr", Policies.MultiFactor)]);
            attempts.RememberDevice(HttpContext, user.Id);
            await attempts.RecordAsync(HttpContext, SecurityEventKind.SignedIn, SecurityEventReason.PasswordAndCode, accountKey, user.Id, cancellationToken);
            return LocalRedirect(SignInModel.SafeReturnUrl(ReturnUrl));
        }
        var reused = (await codes.CheckAsync(users, user, code)).Outcome == TotpOutcome.AlreadyUsed;
        await attempts.RecordAsync(HttpContext, SecurityEventKind.SecondFactorFailed,
            reused ? SecurityEventReason.CodeAlreadyUsed : SecurityEventReason.WrongCode, accountKey, user.Id, cancellationToken);
        return Failed();
    }

    private PageResult Failed()
    {
        ModelState.AddModelError("Input.Code", FailureMessage);
        return Page();
    }
}
