using Microsoft.EntityFrameworkCore;
using Safeguard.Core.Access;
using Safeguard.Core.Casework;
using Safeguard.Web.Data;

namespace Safeguard.Web.Features.Intelligence;

/// <summary>
/// Who stands on each rung of the escalation ladder for a piece of work: its owners, their line managers, those
/// managers' managers, and the partnership's administrators. Built from the users' recorded line management, so
/// an escalation reaches the people actually responsible for the owner.
/// </summary>
public sealed class Ladder
{
    private readonly Dictionary<Guid, (string Name, Guid? Manager)> _users;
    private readonly List<Guid> _partnership;

    private Ladder(Dictionary<Guid, (string Name, Guid? Manager)> users, List<Guid> partnership, List<Guid> analysts)
    {
        _users = users;
        _partnership = partnership;
        Analysts = analysts;
    }

    /// <summary>The intelligence unit: the owners of every item not yet graded and routed or decided.</summary>
    public IReadOnlyList<Guid> Analysts { get; }

    public static async Task<Ladder> LoadAsync(SafeguardDbContext db, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(db);
        var users = await db.Users.AsNoTracking().Where(u => u.IsActive)
            .Select(u => new { u.Id, u.DisplayName, u.ManagerId }).ToListAsync(cancellationToken);
        async Task<List<Guid>> InRole(string role) => await db.UserRoles.Join(db.Roles.Where(r => r.Name == role), ur => ur.RoleId, r => r.Id, (ur, r) => ur.UserId)
            .Join(db.Users.Where(u => u.IsActive), id => id, u => u.Id, (id, u) => id).ToListAsync(cancellationToken);
        return new Ladder(users.ToDictionary(u => u.Id, u => (u.DisplayName, u.ManagerId)),
            await InRole(Roles.PartnershipAdministrator), await InRole(Roles.IntelligenceAnalyst));
    }

    public string Name(Guid user) => _users.TryGetValue(user, out var u) ? u.Name : "a former user";

    /// <summary>Everyone the work has reached: the owners, and each rung up to <paramref name="level"/>.</summary>
    public HashSet<Guid> Reached(IEnumerable<Guid> owners, EscalationLevel? level)
    {
        ArgumentNullException.ThrowIfNull(owners);
        var reached = owners.ToHashSet();
        var rung = reached.ToList();
        foreach (var step in new[] { EscalationLevel.TeamManager, EscalationLevel.SeniorManager })
        {
            if (level is null || level < step)
            {
                return reached;
            }
            rung = [.. rung.Select(u => _users.TryGetValue(u, out var x) ? x.Manager : null).OfType<Guid>().Distinct()];
            reached.UnionWith(rung);
        }
        if (level >= EscalationLevel.Partnership)
        {
            reached.UnionWith(_partnership);
        }
        return reached;
    }
}
