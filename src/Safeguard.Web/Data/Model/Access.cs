using Safeguard.Core;
using Safeguard.Core.Access;
using Safeguard.Core.Casework;

namespace Safeguard.Web.Data.Model;

public enum AccessRequestStatus
{
    Pending,
    Approved,
    Refused,
}

/// <summary>A user with no relationship to a child asks for access; a manager of an involved agency decides.</summary>
public sealed class AccessRequest : ILedgerStream
{
    public Id<AccessRequest> Id { get; init; } = Id<AccessRequest>.New();
    public Id<Person> PersonId { get; set; }
    public Guid RequestedByUserId { get; set; }
    public required string Reason { get; set; }
    public DateTimeOffset RequestedAt { get; set; }
    public AccessRequestStatus Status { get; set; }
    public Guid? DecidedByUserId { get; set; }
    public DateTimeOffset? DecidedAt { get; set; }
    public string? DecisionNote { get; set; }
    public DateTimeOffset? ExpiresAt { get; set; }
    public string LedgerStream => Person.PersonStream(PersonId);
}

public enum BreakGlassReview
{
    Pending,
    Justified,
    NotJustified,
}

/// <summary>
/// Emergency access without a relationship, with a written reason. It opens the record for a few hours and lands
/// in a named reviewer's queue (<see cref="BreakGlassReviewers"/>), so every use is seen by someone who can ask why;
/// unreviewed past its due time it climbs the escalation ladder (<see cref="BreakGlassEscalation"/>).
/// </summary>
public sealed class BreakGlassAccess : ILedgerStream
{
    public Id<BreakGlassAccess> Id { get; init; } = Id<BreakGlassAccess>.New();
    public Id<Person> PersonId { get; set; }
    public Guid UserId { get; set; }
    public required string Reason { get; set; }
    public DateTimeOffset At { get; set; }
    public DateTimeOffset ExpiresAt { get; set; }
    /// <summary>
    /// The reviewer named when the glass was broken (the user's manager, else a senior manager of their agency, else the
    /// partnership's designated reviewer), who stays the reviewer even if the line changes later. Null only on
    /// break-glass recorded before reviewers were always named: those escalate straight to the partnership.
    /// </summary>
    public Guid? ReviewerUserId { get; set; }
    /// <summary>Why <see cref="ReviewerUserId"/> is the reviewer.</summary>
    public BreakGlassReviewerBasis? ReviewerBasis { get; set; }
    public BreakGlassReview Review { get; set; }
    public Guid? ReviewedByUserId { get; set; }
    public DateTimeOffset? ReviewedAt { get; set; }
    public string? ReviewNote { get; set; }
    public string LedgerStream => Person.PersonStream(PersonId);
}

/// <summary>
/// A step of the escalation ladder reached by a break-glass nobody has reviewed, recorded once, with who was told
/// (the ladder is computed from the break-glass, the timescale and the clock; these rows only say it was climbed).
/// </summary>
public sealed class BreakGlassEscalation : ILedgerStream
{
    public Id<BreakGlassEscalation> Id { get; init; } = Id<BreakGlassEscalation>.New();
    public Id<BreakGlassAccess> BreakGlassId { get; set; }
    public Id<Person> PersonId { get; set; }
    public EscalationLevel Level { get; set; }
    public DateTimeOffset ReachedAt { get; set; }
    public DateTimeOffset RecordedAt { get; set; }
    /// <summary>The users told, comma-separated ids (the names are in the notifications).</summary>
    public required string NotifiedUserIds { get; set; }
    public string LedgerStream => Person.PersonStream(PersonId);
}
