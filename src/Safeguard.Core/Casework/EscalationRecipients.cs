namespace Safeguard.Core.Casework;

/// <summary>One member of staff as the escalation rules see them: their agency, line manager and managerial roles.</summary>
public sealed record StaffMember(
    Guid Id,
    Guid AgencyId,
    Guid? ManagerId,
    bool IsTeamManager,
    bool IsSeniorManager,
    bool IsPartnership,
    bool IsActive = true);

/// <summary>
/// Who is told at each step of the escalation ladder, so that an action that slips always reaches a named person
/// even in an agency without a full management line (a small voluntary project has no head of service):
/// <list type="bullet">
/// <item>Owner: the owner; if their account is no longer active, the team manager step's people.</item>
/// <item>Team manager: the owner's line manager; if none is active, the agency's team managers; if it has none, the
/// senior manager step's people.</item>
/// <item>Senior manager: the first senior manager up the owner's line; else the agency's senior managers; if it has
/// none, the partnership.</item>
/// <item>Partnership: the partnership's staff (its business unit).</item>
/// </list>
/// Only active accounts are ever named. The list can be empty only at the partnership step, when the partnership
/// has no one to tell (a configuration problem the caller reports).
/// </summary>
public sealed class EscalationRecipients
{
    private readonly Dictionary<Guid, StaffMember> _byId;
    private readonly ILookup<Guid, StaffMember> _activeByAgency;
    private readonly List<Guid> _partnership;

    /// <summary>Indexes the staff once: the monitor and "my work" ask about every overdue action in one pass.</summary>
    public EscalationRecipients(IEnumerable<StaffMember> staff)
    {
        ArgumentNullException.ThrowIfNull(staff);
        _byId = staff.ToDictionary(s => s.Id);
        _activeByAgency = _byId.Values.Where(s => s.IsActive).ToLookup(s => s.AgencyId);
        _partnership = [.. _byId.Values.Where(s => s.IsActive && s.IsPartnership).Select(s => s.Id).Order()];
    }

    public static IReadOnlyList<Guid> For(EscalationLevel level, Guid ownerId, IReadOnlyCollection<StaffMember> staff) =>
        new EscalationRecipients(staff).For(level, ownerId);

    public IReadOnlyList<Guid> For(EscalationLevel level, Guid ownerId)
    {
        if (!_byId.TryGetValue(ownerId, out var owner))
        {
            // An owner Safeguard no longer knows has no line to follow: the partnership must find someone.
            return _partnership;
        }
        switch (level)
        {
            case EscalationLevel.Owner:
                return owner.IsActive ? [owner.Id] : For(EscalationLevel.TeamManager, ownerId);
            case EscalationLevel.TeamManager:
                if (owner.ManagerId is { } managerId && _byId.TryGetValue(managerId, out var manager) && manager.IsActive && manager.Id != owner.Id)
                {
                    return [manager.Id];
                }
                var teamManagers = InAgency(owner, s => s.IsTeamManager);
                return teamManagers.Count > 0 ? teamManagers : For(EscalationLevel.SeniorManager, ownerId);
            case EscalationLevel.SeniorManager:
                if (FirstUpTheLine(owner, s => s.IsSeniorManager) is { } senior)
                {
                    return [senior];
                }
                var seniorManagers = InAgency(owner, s => s.IsSeniorManager);
                return seniorManagers.Count > 0 ? seniorManagers : _partnership;
            default:
                return _partnership;
        }
    }

    private List<Guid> InAgency(StaffMember owner, Func<StaffMember, bool> role) =>
        [.. _activeByAgency[owner.AgencyId].Where(s => s.Id != owner.Id && role(s)).Select(s => s.Id).Order()];

    /// <summary>The first active member above the owner in the line who has the role (the line may contain a loop: it stops).</summary>
    private Guid? FirstUpTheLine(StaffMember owner, Func<StaffMember, bool> role)
    {
        var seen = new HashSet<Guid> { owner.Id };
        var current = owner;
        while (current.ManagerId is { } next && seen.Add(next) && _byId.TryGetValue(next, out var manager))
        {
            if (manager.IsActive && role(manager))
            {
                return manager.Id;
            }
            current = manager;
        }
        return null;
    }
}
