using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Safeguard.Web.Auth;
using Safeguard.Web.Data.Model;

namespace Safeguard.Web.Features.Account.Public;

public sealed class SignInModel(SignInManager<AppUser> signIn, UserManager<AppUser> users, IAuthenticationSchemeProvider schemes) : PageModel
{
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

    public async Task<IActionResult> OnPostAsync()
    {
        await LoadExternalProviderAsync();
        if (!ModelState.IsValid)
        {
            return Page();
        }
        var user = await users.FindByEmailAsync(Input.Email!);
        if (user is null || !user.IsActive)
        {
            return Failed();
        }
        var result = await signIn.PasswordSignInAsync(user, Input.Password!, isPersistent: false, lockoutOnFailure: true);
        if (result.IsLockedOut)
        {
            return RedirectToPage("/Account/Public/LockedOut");
        }
        if (result.RequiresTwoFactor)
        {
            return RedirectToPage("/Account/Public/TwoFactor", new { ReturnUrl = SafeReturnUrl(ReturnUrl) });
        }
        if (result.Succeeded)
        {
            // Signed in with a password only: the one thing such a user may do is set up their second factor.
            return RedirectToPage("/Account/SetUpAuthenticator", new { ReturnUrl = SafeReturnUrl(ReturnUrl) });
        }
        return Failed();
    }

    private PageResult Failed()
    {
        // One message for every failure, so the page does not reveal which email addresses have accounts.
        ModelState.AddModelError("Input.Email", "Enter a correct email address and password");
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
