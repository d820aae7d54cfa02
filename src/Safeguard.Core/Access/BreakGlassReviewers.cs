using Safeguard.Core.Casework;

namespace Safeguard.Core.Access;

/// <summary>Why a break-glass went to its reviewer.</summary>
public enum BreakGlassReviewerBasis
{
    /// <summary>The user's line manager.</summary>
    LineManager,

    /// <summary>The user has no active line manager: a senior manager of their own agency.</summary>
    AgencySeniorManager,

    /// <summary>Nobody in the user's own line or agency: the partnership's designated reviewer.</summary>
    PartnershipReviewer,
}

/// <summary>The named reviewer of one break-glass, and why it is them.</summary>
public sealed record BreakGlassReviewerChoice(Guid ReviewerId, BreakGlassReviewerBasis Basis);

/// <summary>
/// Who reviews a break-glass. Emergency access without a relationship is only safe if someone who can ask "why?"
/// always sees it, and that someone is never the user: heads of service, managers of small agencies and the
/// partnership's own staff have no line manager, and their use of the glass must land somewhere too.
/// <list type="number">
/// <item>the user's line manager, if active;</item>
/// <item>else a senior manager of the user's agency (the first up the user's line, else the first in
/// <c>staff</c> order);</item>
/// <item>else the partnership's designated reviewers, in the order the partnership configured them.</item>
/// </list>
/// Only active accounts are named, and never the user. Null only when the partnership has designated nobody else:
/// the caller must refuse to open the record unreviewed and say who to call.
/// </summary>
public static class BreakGlassReviewers
{
    /// <param name="userId">The user breaking the glass.</param>
    /// <param name="staff">Every account (as the escalation rules see them), in a stable order.</param>
    /// <param name="partnershipReviewers">The partnership's designated reviewers, first choice first.</param>
    public static BreakGlassReviewerChoice? Choose(Guid userId, IReadOnlyCollection<StaffMember> staff, IReadOnlyList<Guid> partnershipReviewers)
    {
        ArgumentNullException.ThrowIfNull(staff);
        ArgumentNullException.ThrowIfNull(partnershipReviewers);
        var byId = new Dictionary<Guid, StaffMember>();
        foreach (var member in staff)
        {
            byId.TryAdd(member.Id, member);
        }
        bool Eligible(Guid id) => id != userId && byId.TryGetValue(id, out var member) && member.IsActive;

        if (byId.TryGetValue(userId, out var user))
        {
            if (user.ManagerId is { } managerId && Eligible(managerId))
            {
                return new(managerId, BreakGlassReviewerBasis.LineManager);
            }
            if (FirstSeniorUpTheLine(user, byId) is { } senior && Eligible(senior))
            {
                return new(senior, BreakGlassReviewerBasis.AgencySeniorManager);
            }
            if (staff.FirstOrDefault(s => s.AgencyId == user.AgencyId && s.IsSeniorManager && Eligible(s.Id)) is { } agencySenior)
            {
                return new(agencySenior.Id, BreakGlassReviewerBasis.AgencySeniorManager);
            }
        }
        return partnershipReviewers.Where(Eligible).Select(id => new BreakGlassReviewerChoice(id, BreakGlassReviewerBasis.PartnershipReviewer)).FirstOrDefault();
    }

    /// <summary>
    /// Who is told when an unreviewed break-glass reaches a step of the escalation ladder: the people the ladder names
    /// for an action owned by the reviewer (the owner step is the reviewer), never the user who broke the glass. If
    /// that leaves nobody (the user was the partnership's only administrator), the partnership's designated reviewers
    /// other than the user. Empty only when the partnership has designated no one else.
    /// </summary>
    /// <param name="reviewerId">The stored reviewer; null for a break-glass recorded before reviewers were stored,
    /// which the ladder sends straight to the partnership.</param>
    public static IReadOnlyList<Guid> EscalateTo(EscalationLevel level, Guid? reviewerId, Guid userId, EscalationRecipients ladder, IReadOnlyList<Guid> partnershipReviewers)
    {
        ArgumentNullException.ThrowIfNull(ladder);
        ArgumentNullException.ThrowIfNull(partnershipReviewers);
        var told = ladder.For(level, reviewerId ?? Guid.Empty).Where(id => id != userId).ToList();
        return told.Count > 0 ? told : [.. partnershipReviewers.Where(id => id != userId).Distinct()];
    }

    private static Guid? FirstSeniorUpTheLine(StaffMember user, Dictionary<Guid, StaffMember> byId)
    {
        var seen = new HashSet<Guid> { user.Id };
        var current = user;
        while (current.ManagerId is { } next && seen.Add(next) && byId.TryGetValue(next, out var manager))
        {
            if (manager.IsActive && manager.IsSeniorManager && manager.AgencyId == user.AgencyId)
            {
                return manager.Id;
            }
            current = manager;
        }
        return null;
    }
}
