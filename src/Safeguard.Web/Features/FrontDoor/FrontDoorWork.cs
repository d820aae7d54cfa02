using Microsoft.EntityFrameworkCore;
using Safeguard.Web.Auth;
using Safeguard.Web.Casework;
using Safeguard.Web.Data;
using Safeguard.Web.Data.Model;

namespace Safeguard.Web.Features.FrontDoor;

/// <summary>What the front door's pages share.</summary>
public static class FrontDoorWork
{
    public const string ContactCategory = "Front door contact";

    /// <summary>
    /// Once a concern has both an owner and a child, the front door works with that child: its agency opens a
    /// "front door contact" (unless it already has a case open), allocated to the owner, which is the legitimate
    /// relationship that lets the owner read the child's record while deciding.
    /// </summary>
    public static async Task EnsureContactCaseAsync(SafeguardDbContext db, Concern concern, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(concern);
        if (concern.PersonId is not { } child || concern.OwnerUserId is not { } owner)
        {
            return;
        }
        var user = await db.Users.AsNoTracking().SingleAsync(u => u.Id == owner, cancellationToken);
        if (await db.Cases.AnyAsync(c => c.PersonId == child && c.AgencyId == user.AgencyId && c.ClosedAt == null, cancellationToken))
        {
            return;
        }
        var now = db.Now;
        var contact = new ChildCase
        {
            PersonId = child,
            AgencyId = user.AgencyId,
            Reference = concern.Reference,
            Category = ContactCategory,
            Summary = $"Opened by the front door to decide concern {concern.Reference}.",
            OpenedAt = now,
        };
        contact.Allocations.Add(new CaseAllocation { CaseId = contact.Id, PersonId = child, UserId = owner, TeamId = user.TeamId, IsLead = true, AllocatedAt = now });
        db.Cases.Add(contact);
    }

    /// <summary>Closes the front door contact for a concern, when the decision is that nothing more is done.</summary>
    public static async Task CloseContactCaseAsync(SafeguardDbContext db, Concern concern, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(concern);
        var contact = await db.Cases.Include(c => c.Allocations)
            .SingleOrDefaultAsync(c => c.Reference == concern.Reference && c.Category == ContactCategory && c.ClosedAt == null, cancellationToken);
        if (contact is null)
        {
            return;
        }
        var now = db.Now;
        contact.ClosedAt = now;
        foreach (var allocation in contact.Allocations.Where(a => a.EndedAt == null))
        {
            allocation.EndedAt = now;
        }
    }

    public static bool IsFrontDoor(UserContext user) => user.IsInRole(Core.Access.Roles.FrontDoor);

    /// <summary>The open cases' lead workers of each agency involved with a child: who hears of decisions and meetings.</summary>
    public static async Task<Dictionary<Core.Id<Agency>, List<Guid>>> LeadWorkersAsync(SafeguardDbContext db, Core.Id<Person> child, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(db);
        var leads = await db.Cases.Where(c => c.PersonId == child && c.ClosedAt == null)
            .Join(db.CaseAllocations.Where(a => a.EndedAt == null && a.IsLead), c => c.Id, a => a.CaseId, (c, a) => new { c.AgencyId, a.UserId })
            .ToListAsync(cancellationToken);
        return leads.GroupBy(l => l.AgencyId).ToDictionary(g => g.Key, g => g.Select(l => l.UserId).Distinct().ToList());
    }

    /// <summary>The agency's team managers, when it has no lead worker for the child: someone must hear.</summary>
    public static async Task<List<Guid>> AgencyContactsAsync(SafeguardDbContext db, Dictionary<Core.Id<Agency>, List<Guid>> leads, Core.Id<Agency> agency, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(leads);
        return leads.TryGetValue(agency, out var workers) && workers.Count > 0
            ? workers
            : await StaffDirectory.WithRoleAsync(db, Core.Access.Roles.TeamManager, agency, cancellationToken);
    }
}
