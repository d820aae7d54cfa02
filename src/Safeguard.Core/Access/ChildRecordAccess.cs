namespace Safeguard.Core.Access;

/// <summary>What is known, at the moment of a request, about one user's relationship to one child.</summary>
public sealed record RelationshipFacts(
    bool AllocatedToChildsCase,
    bool TeamAllocatedToChildsCase,
    bool AgencyHasOpenInvolvement,
    bool HasApprovedAccessRequest,
    bool HasActiveBreakGlass);

public enum AccessBasis
{
    /// <summary>No legitimate relationship: the user may learn only that the child is known, and to which agencies.</summary>
    None,
    Allocated,
    TeamAllocated,
    AgencyInvolvement,
    ApprovedRequest,
    BreakGlass,
}

/// <summary>
/// Who may open a child's record. Access follows a legitimate relationship, not rank: a senior manager with no
/// involvement has no more right to browse a child's life than anyone else. Without one, a user sees only that the
/// child is known and to which agencies, and may ask for access or break the glass with a written reason, which
/// their manager reviews.
/// </summary>
public static class ChildRecordAccess
{
    public static AccessBasis Decide(RelationshipFacts facts)
    {
        ArgumentNullException.ThrowIfNull(facts);
        if (facts.AllocatedToChildsCase)
        {
            return AccessBasis.Allocated;
        }
        if (facts.TeamAllocatedToChildsCase)
        {
            return AccessBasis.TeamAllocated;
        }
        if (facts.AgencyHasOpenInvolvement)
        {
            return AccessBasis.AgencyInvolvement;
        }
        if (facts.HasApprovedAccessRequest)
        {
            return AccessBasis.ApprovedRequest;
        }
        return facts.HasActiveBreakGlass ? AccessBasis.BreakGlass : AccessBasis.None;
    }

    /// <summary>
    /// Recording in a child's record (notes, corrections) needs a working relationship. Breaking the glass is for
    /// reading in an emergency; it does not make the reader one of the child's workers.
    /// </summary>
    public static bool MayWrite(AccessBasis basis) =>
        basis is AccessBasis.Allocated or AccessBasis.TeamAllocated or AccessBasis.AgencyInvolvement or AccessBasis.ApprovedRequest;

    /// <summary>How long a break-glass opens the record before the user must give a new reason.</summary>
    public static readonly TimeSpan BreakGlassLasts = TimeSpan.FromHours(8);

    /// <summary>How long an approved access request lasts before it must be asked for again.</summary>
    public static readonly TimeSpan ApprovedRequestLasts = TimeSpan.FromDays(30);

    /// <summary>A break-glass reason must say why, not just tick a box.</summary>
    public const int MinimumReasonLength = 20;

    /// <summary>
    /// Who may see the list of everyone who opened a child's record: managers with a relationship to the child
    /// (so they can check their own staff) and independent scrutineers (whose job is to check everyone).
    /// </summary>
    public static bool MaySeeWhoViewed(IReadOnlyCollection<string> roles, AccessBasis basis)
    {
        ArgumentNullException.ThrowIfNull(roles);
        if (roles.Contains(Roles.Scrutineer))
        {
            return true;
        }
        var isManager = roles.Contains(Roles.TeamManager) || roles.Contains(Roles.SeniorManager);
        return isManager && basis is AccessBasis.Allocated or AccessBasis.TeamAllocated or AccessBasis.AgencyInvolvement;
    }
}
