using Microsoft.EntityFrameworkCore;
using Safeguard.Core.Access;
using Safeguard.Core.Casework;
using Safeguard.Web.Data;

namespace Safeguard.Web.Casework;

/// <summary>Every account with its agency, line manager and managerial roles, indexed for the escalation rules.</summary>
public static class StaffDirectory
{
    public static async Task<EscalationRecipients> LoadAsync(SafeguardDbContext db, CancellationToken cancellationToken = default) =>
        new(await MembersAsync(db, cancellationToken));

    /// <summary>Every account as the escalation rules see them, in a stable order (by name, then id).</summary>
    public static async Task<List<StaffMember>> MembersAsync(SafeguardDbContext db, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(db);
        var roles = (await db.UserRoles.Join(db.Roles, ur => ur.RoleId, r => r.Id, (ur, r) => new { ur.UserId, r.Name })
            .ToListAsync(cancellationToken))
            .ToLookup(r => r.UserId, r => r.Name);
        var users = await db.Users.AsNoTracking().Select(u => new { u.Id, u.AgencyId, u.ManagerId, u.IsActive, u.DisplayName }).ToListAsync(cancellationToken);
        return [.. users.OrderBy(u => u.DisplayName, StringComparer.Ordinal).ThenBy(u => u.Id).Select(u => new StaffMember(
            u.Id,
            u.AgencyId.Value,
            u.ManagerId,
            roles[u.Id].Contains(Roles.TeamManager),
            roles[u.Id].Contains(Roles.SeniorManager),
            roles[u.Id].Contains(Roles.PartnershipAdministrator),
            u.IsActive))];
    }

    /// <summary>Active users holding <paramref name="role"/>, optionally only in one agency.</summary>
    public static async Task<List<Guid>> WithRoleAsync(SafeguardDbContext db, string role, Core.Id<Data.Model.Agency>? agency = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(db);
        var query = db.UserRoles.Join(db.Roles.Where(r => r.Name == role), ur => ur.RoleId, r => r.Id, (ur, r) => ur.UserId)
            .Join(db.Users.Where(u => u.IsActive), id => id, u => u.Id, (id, u) => u);
        if (agency is { } only)
        {
            query = query.Where(u => u.AgencyId == only);
        }
        return await query.Select(u => u.Id).Distinct().ToListAsync(cancellationToken);
    }
}
