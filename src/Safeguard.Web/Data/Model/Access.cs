using Safeguard.Core;

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
/// in the user's manager's review queue, so every use is seen by someone who can ask why.
/// </summary>
public sealed class BreakGlassAccess : ILedgerStream
{
    public Id<BreakGlassAccess> Id { get; init; } = Id<BreakGlassAccess>.New();
    public Id<Person> PersonId { get; set; }
    public Guid UserId { get; set; }
    public required string Reason { get; set; }
    public DateTimeOffset At { get; set; }
    public DateTimeOffset ExpiresAt { get; set; }
    /// <summary>The user's manager when the glass was broken: the reviewer, even if the line changes later.</summary>
    public Guid? ReviewerUserId { get; set; }
    public BreakGlassReview Review { get; set; }
    public Guid? ReviewedByUserId { get; set; }
    public DateTimeOffset? ReviewedAt { get; set; }
    public string? ReviewNote { get; set; }
    public string LedgerStream => Person.PersonStream(PersonId);
}
