using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.RateLimiting;
using Safeguard.Web.Auth;
using Safeguard.Web.Data.Model;

namespace Safeguard.Web.Features.Account.Public;

[EnableRateLimiting(RateLimits.SignIn)]
public sealed class SignInModel(SignInManager<AppUser> signIn, UserManager<AppUser> users, SignInAttempts attempts, IAuthenticationSchemeProvider schemes) : PageModel
{
    /// <summary>
    /// The one answer to every failed sign-in: wrong password, no such account, account switched off, or held back by
    /// the back-off. Which of them it was is for the security events, not for whoever is at the keyboard.
    /// </summary>
    public const string FailureMessage = "Enter a correct email address and password. After several attempts that do not match, Safeguard waits longer before it checks again";

    [BindProperty]
    public SignInInput Input { get; set; } = new();

    [BindProperty(SupportsGet = true)]
    public string? ReturnUrl { get; set; }

    public string? ExternalProviderName { get; private set; }

    public sealed class SignInInput
    {
        [Required(ErrorMessage = "Enter your email address")]
        [EmailAddress(ErrorMessage = "Enter an email address in the correct format, like name@example.org")]
        [StringLength(256, ErrorMessage = "Email address must be 256 characters or fewer")]
        public string? Email { get; set; }

        [Required(ErrorMessage = "Enter your password")]
        [StringLength(512, ErrorMessage = "Password must be 512 characters or fewer")]
        public string? Password { get; set; }
    }

    public async Task OnGetAsync()
    {
        // A fresh sign-in page ends any half-finished sign-in (password given, code not yet).
        await HttpContext.SignOutAsync(IdentityConstants.ExternalScheme);
        await LoadExternalProviderAsync();
    }

    /// <remarks>
    /// Every path that answers "no" does the same work: one lookup of the email, one read of recent attempts, one
    /// password hash (the account's, or a stand-in's), one security event. None of them answers sooner than a wrong
    /// password for a real account would, so timing does not list the accounts.
    /// </remarks>
    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        await LoadExternalProviderAsync();
        if (!ModelState.IsValid)
        {
            return Page();
        }
        var accountKey = attempts.AccountKeyOf(Input.Email!);
        var user = await users.FindByEmailAsync(Input.Email!);
        if (await attempts.HeldBackAsync(HttpContext, accountKey, user?.Id, cancellationToken) is { } backOff)
        {
            attempts.SpendPasswordCheckWork(Input.Password!);
            await attempts.RecordAsync(HttpContext, SecurityEventKind.HeldBack, SignInAttempts.ReasonFor(backOff), accountKey, user?.Id, cancellationToken);
            return Failed();
        }
        if (user is null || !user.IsActive)
        {
            attempts.SpendPasswordCheckWork(Input.Password!);
            await attempts.RecordAsync(HttpContext, SecurityEventKind.SignInFailed,
                user is null ? SecurityEventReason.NoSuchAccount : SecurityEventReason.AccountSwitchedOff, accountKey, user?.Id, cancellationToken);
            return Failed();
        }
        // Identity's lockout is not used: a hard lock is a tool for locking a named colleague out (docs/adr/0013).
        var result = await signIn.PasswordSignInAsync(user, Input.Password!, isPersistent: false, lockoutOnFailure: false);
        if (result.RequiresTwoFactor)
        {
            return RedirectToPage("/Account/Public/TwoFactor", new { ReturnUrl = SafeReturnUrl(ReturnUrl) });
        }
        if (result.Succeeded)
        {
            // Signed in with a password only: the one thing such a user may do is set up their second factor.
            await attempts.RecordAsync(HttpContext, SecurityEventKind.SignedIn, SecurityEventReason.PasswordOnlyAuthenticatorNotSetUp, accountKey, user.Id, cancellationToken);
            return RedirectToPage("/Account/SetUpAuthenticator", new { ReturnUrl = SafeReturnUrl(ReturnUrl) });
        }
        await attempts.RecordAsync(HttpContext, SecurityEventKind.SignInFailed, SecurityEventReason.WrongPassword, accountKey, user.Id, cancellationToken);
        return Failed();
    }

    private PageResult Failed()
    {
        ModelState.AddModelError("Input.Email", FailureMessage);
        return Page();
    }

    private async Task LoadExternalProviderAsync()
    {
        var scheme = await schemes.GetSchemeAsync(ExternalSignIn.Scheme);
        ExternalProviderName = scheme?.DisplayName;
    }

    /// <summary>Only paths within Safeguard: a return URL must never send a user to another site after sign-in.</summary>
    public static string SafeReturnUrl(string? returnUrl) =>
        !string.IsNullOrEmpty(returnUrl) && returnUrl.StartsWith('/') && !returnUrl.StartsWith("//", StringComparison.Ordinal) && !returnUrl.StartsWith("/\\", StringComparison.Ordinal)
            ? returnUrl
            : "/home";
}
