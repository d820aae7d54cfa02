using Microsoft.AspNetCore.Identity;
using Safeguard.Web.Data.Model;

namespace Safeguard.Web.Tests.Infrastructure;

/// <summary>
/// Identity's own password hasher, counting the passwords it checks: how a test sees, without timing anything, that a
/// sign-in that fails early still does the hashing work a real account's check does.
/// </summary>
public sealed class CountingPasswordHasher : IPasswordHasher<AppUser>
{
    private readonly PasswordHasher<AppUser> _real = new();
    private int _checked;

    public int Checked => Volatile.Read(ref _checked);

    public string HashPassword(AppUser user, string password) => _real.HashPassword(user, password);

    public PasswordVerificationResult VerifyHashedPassword(AppUser user, string hashedPassword, string providedPassword)
    {
        Interlocked.Increment(ref _checked);
        return _real.VerifyHashedPassword(user, hashedPassword, providedPassword);
    }
}
