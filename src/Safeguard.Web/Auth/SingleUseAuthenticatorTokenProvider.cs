using Microsoft.AspNetCore.Identity;
using Safeguard.Core.Access;
using Safeguard.Web.Data.Model;

namespace Safeguard.Web.Auth;

/// <summary>
/// Authenticator codes as Safeguard accepts them, in place of Identity's provider (which accepts two steps either
/// side of now, and the same code as often as it is sent): one step either side, each code once. The step of each
/// accepted code is saved on the user before the code counts, under the user row's concurrency stamp, so two requests
/// racing with the same code cannot both win. Time comes from the injected clock.
/// </summary>
public sealed class SingleUseAuthenticatorTokenProvider(TimeProvider time) : IUserTwoFactorTokenProvider<AppUser>
{
    public async Task<bool> CanGenerateTwoFactorTokenAsync(UserManager<AppUser> manager, AppUser user)
    {
        ArgumentNullException.ThrowIfNull(manager);
        return !string.IsNullOrWhiteSpace(await manager.GetAuthenticatorKeyAsync(user));
    }

    /// <summary>The code is made by the user's app, never sent by Safeguard.</summary>
    public Task<string> GenerateAsync(string purpose, UserManager<AppUser> manager, AppUser user) => Task.FromResult(string.Empty);

    public async Task<bool> ValidateAsync(string purpose, string token, UserManager<AppUser> manager, AppUser user)
    {
        ArgumentNullException.ThrowIfNull(manager);
        ArgumentNullException.ThrowIfNull(user);
        if (await CheckAsync(manager, user, token) is not { Outcome: TotpOutcome.Accepted, Step: { } step })
        {
            return false;
        }
        user.LastAuthenticatorStep = step;
        return (await manager.UpdateAsync(user)).Succeeded;
    }

    /// <summary>What <paramref name="code"/> is for <paramref name="user"/> now, without using it up.</summary>
    public async Task<TotpCheck> CheckAsync(UserManager<AppUser> manager, AppUser user, string code)
    {
        ArgumentNullException.ThrowIfNull(manager);
        ArgumentNullException.ThrowIfNull(user);
        var key = await manager.GetAuthenticatorKeyAsync(user);
        if (string.IsNullOrWhiteSpace(key) || string.IsNullOrEmpty(code))
        {
            return new TotpCheck(TotpOutcome.Wrong, null);
        }
        return Totp.Check(Totp.DecodeBase32(key), code, time.GetUtcNow(), user.LastAuthenticatorStep);
    }
}
