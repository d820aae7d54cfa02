using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Safeguard.Web.Auth;
using Safeguard.Web.Data.Model;

namespace Safeguard.Web.Features.Account;

[Authorize(Policy = Policies.PasswordOnly)]
public sealed class SignOutModel(SignInManager<AppUser> signIn, UserManager<AppUser> users) : PageModel
{
    public void OnGet()
    {
    }

    public async Task<IActionResult> OnPostAsync()
    {
        // A new stamp ends this session everywhere: a copy of the cookie (saved, stolen, left in another browser)
        // is refused at its next request, not only the browser that pressed the button.
        if (await users.GetUserAsync(User) is { } user)
        {
            await users.UpdateSecurityStampAsync(user);
        }
        await signIn.SignOutAsync();
        return RedirectToPage("/Account/Public/SignIn");
    }
}
