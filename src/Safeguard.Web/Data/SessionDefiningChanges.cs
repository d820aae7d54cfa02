using System.Security.Cryptography;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Safeguard.Web.Data.Model;

namespace Safeguard.Web.Data;

/// <summary>
/// A change to who a user is ends every session they hold. Before a save, every existing user whose agency, team,
/// roles, claims, sign-in name, password or active state is changing gets a new security stamp, which
/// <see cref="Auth.EveryRequestSessionCheck"/> compares on every request. Done here, in the save, so that every way of
/// making such a change (an administration page, a command-line verb, one written later) ends sessions without
/// having to remember to; Identity's UserManager renews the stamp for a password but not for roles, and knows
/// nothing of agencies and teams.
/// </summary>
public static class SessionDefiningChanges
{
    private static readonly HashSet<string> s_userProperties =
    [
        nameof(AppUser.AgencyId),
        nameof(AppUser.TeamId),
        nameof(AppUser.IsActive),
        nameof(AppUser.PasswordHash),
        nameof(AppUser.UserName),
        nameof(AppUser.NormalizedUserName),
        nameof(AppUser.Email),
        nameof(AppUser.NormalizedEmail),
    ];

    public static async Task RenewSecurityStampsAsync(SafeguardDbContext db, CancellationToken cancellationToken)
    {
        var changed = new HashSet<Guid>();
        foreach (var entry in db.ChangeTracker.Entries())
        {
            switch (entry.Entity)
            {
                case AppUser user when entry.State == EntityState.Modified
                    && entry.Properties.Any(p => p.IsModified && s_userProperties.Contains(p.Metadata.Name) && !Equals(p.OriginalValue, p.CurrentValue)):
                    changed.Add(user.Id);
                    break;
                case IdentityUserRole<Guid> role when entry.State is EntityState.Added or EntityState.Deleted:
                    changed.Add(role.UserId);
                    break;
                case IdentityUserClaim<Guid> claim when entry.State is EntityState.Added or EntityState.Deleted or EntityState.Modified:
                    changed.Add(claim.UserId);
                    break;
                default:
                    break;
            }
        }
        foreach (var id in changed)
        {
            // A user created in this same save has no session yet.
            var user = await db.Users.FindAsync([id], cancellationToken);
            if (user is not null && db.Entry(user).State != EntityState.Added)
            {
                user.SecurityStamp = Convert.ToHexString(RandomNumberGenerator.GetBytes(20));
            }
        }
    }
}
