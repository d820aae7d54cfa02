using System.ComponentModel.DataAnnotations;
using System.Security.Claims;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.RateLimiting;
using Safeguard.Web.Auth;
using Safeguard.Web.Data.Model;
using Safeguard.Web.Features.Account.Public;

namespace Safeguard.Web.Features.Account;

/// <summary>The one page a user signed in with only a password may reach: setting up their second factor.</summary>
[Authorize(Policy = Policies.PasswordOnly)]
[EnableRateLimiting(RateLimits.SecondFactor)]
public sealed class SetUpAuthenticatorModel(UserManager<AppUser> users, SignInManager<AppUser> signIn, SignInAttempts attempts) : PageModel
{
    [BindProperty]
    public CodeInput Input { get; set; } = new();

    [BindProperty(SupportsGet = true)]
    public string? ReturnUrl { get; set; }

    public string FormattedKey { get; private set; } = "";

    public sealed class CodeInput
    {
        [Required(ErrorMessage = "Enter the 6-digit code from your authenticator app")]
        [RegularExpression(@"^\s*\d{3}\s?\d{3}\s*$", ErrorMessage = "The code must be 6 digits")]
        public string? Code { get; set; }
    }

    public async Task<IActionResult> OnGetAsync()
    {
        var user = await users.GetUserAsync(User);
        if (user is null)
        {
            return RedirectToPage("/Account/Public/SignIn");
        }
        if (user.TwoFactorEnabled && User.HasClaim("amr", Policies.MultiFactor))
        {
            return LocalRedirect(SignInModel.SafeReturnUrl(ReturnUrl));
        }
        await LoadKeyAsync(user);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        var user = await users.GetUserAsync(User);
        if (user is null)
        {
            return RedirectToPage("/Account/Public/SignIn");
        }
        await LoadKeyAsync(user);
        if (!ModelState.IsValid)
        {
            return Page();
        }
        var code = Input.Code!.Replace(" ", "", StringComparison.Ordinal).Trim();
        var accountKey = attempts.AccountKeyOf(user.Email ?? "");
        if (!await users.VerifyTwoFactorTokenAsync(user, users.Options.Tokens.AuthenticatorTokenProvider, code))
        {
            await attempts.RecordAsync(HttpContext, SecurityEventKind.SecondFactorFailed, SecurityEventReason.WrongCode, accountKey, user.Id, cancellationToken);
            ModelState.AddModelError("Input.Code", TwoFactorModel.FailureMessage);
            return Page();
        }
        await users.SetTwoFactorEnabledAsync(user, true);
        await signIn.SignInWithClaimsAsync(user, isPersistent: false, [new Claim("amr", Policies.MultiFactor)]);
        attempts.RememberDevice(HttpContext, user.Id);
        await attempts.RecordAsync(HttpContext, SecurityEventKind.SignedIn, SecurityEventReason.AuthenticatorSetUp, accountKey, user.Id, cancellationToken);
        return LocalRedirect(SignInModel.SafeReturnUrl(ReturnUrl));
    }

    private async Task LoadKeyAsync(AppUser user)
    {
        var key = await users.GetAuthenticatorKeyAsync(user);
        if (string.IsNullOrEmpty(key))
        {
            await users.ResetAuthenticatorKeyAsync(user);
            key = await users.GetAuthenticatorKeyAsync(user) ?? "";
            // A new key renews the security stamp, which would end this very session at its next request.
            await signIn.RefreshSignInAsync(user);
        }
        FormattedKey = string.Join(' ', key.Chunk(4).Select(c => new string(c))).ToLowerInvariant();
    }
}
