using Microsoft.EntityFrameworkCore;
using Safeguard.Core;
using Safeguard.Core.Access;
using Safeguard.Core.Intelligence;
using Safeguard.Core.Network;
using Safeguard.Web.Auth;
using Safeguard.Web.Data;
using Safeguard.Web.Data.Model;
using Safeguard.Web.Features.Intelligence;

namespace Safeguard.Web.Features.Disruption;

/// <summary>One identified suspect and where their disruption stands now.</summary>
public sealed record SuspectWork(Id<Person> PersonId, string Name, DateTimeOffset IdentifiedAt, Guid? Owner, DisruptionPlan? Plan, DisruptionStatus Status)
{
    public bool Disrupted => Plan?.Tactics.Any(t => t.Status == TacticStatus.Done) == true;

    public SuspectProgress Progress => new(Disrupted, Plan?.ChargedOn is not null, Plan?.ConvictedOn is not null);
}

public enum DisruptionAccessLevel
{
    None,

    /// <summary>Sees suspects, plans and owners: to hold the owners to account (senior managers, the partnership, scrutiny).</summary>
    View,

    /// <summary>Makes and changes plans: the intelligence unit and the police.</summary>
    Edit,
}

/// <summary>
/// Every identified suspect's disruption, computed from the stored facts and the clock on each read, and who
/// may see and change it. Names of suspects go no further than the police, the intelligence unit and those
/// who hold the partnership to account.
/// </summary>
public static class DisruptionWork
{
    public static async Task<List<SuspectWork>> LoadAsync(SafeguardDbContext db, IntelligenceSchedule schedule, Id<Person>? only = null,
        CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(schedule);
        var now = db.Now;
        var suspects = await db.IntelligenceSubjects.AsNoTracking()
            .Where(s => s.Role == PersonRole.Suspect && s.IdentifiedAt != null && (only == null || s.PersonId == only))
            .Join(db.People, s => s.PersonId, p => p.Id, (s, p) => new { s, Name = p.GivenName + " " + p.FamilyName })
            .ToListAsync(cancellationToken);
        var ids = suspects.Select(s => s.s.PersonId).ToList();
        var plans = await db.DisruptionPlans.AsNoTracking().Include(p => p.Tactics).Where(p => ids.Contains(p.PersonId))
            .ToDictionaryAsync(p => p.PersonId, cancellationToken);
        return [.. suspects.Select(x =>
        {
            var plan = plans.GetValueOrDefault(x.s.PersonId);
            var status = schedule.Disruption(new DisruptionFacts(x.s.IdentifiedAt!.Value, plan?.CreatedAt, plan?.LastActivityAt, plan?.ClosedAt), now);
            return new SuspectWork(x.s.PersonId, x.Name, x.s.IdentifiedAt.Value, plan?.OwnerUserId ?? x.s.DisruptionOwnerUserId, plan, status);
        }).OrderBy(s => s.Name, StringComparer.Ordinal)];
    }

    public static async Task<DisruptionAccessLevel> AccessAsync(SafeguardDbContext db, UserContext user, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(user);
        if (IntelligenceAccess.IsUnit(user) || await IntelligenceAccess.IsPoliceAsync(db, user.AgencyId, cancellationToken))
        {
            return DisruptionAccessLevel.Edit;
        }
        return user.IsInRole(Roles.SeniorManager) || user.IsInRole(Roles.PartnershipAdministrator) || user.IsInRole(Roles.Scrutineer)
            ? DisruptionAccessLevel.View
            : DisruptionAccessLevel.None;
    }
}
