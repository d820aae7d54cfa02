using Safeguard.Core;
using Safeguard.Core.Casework;

namespace Safeguard.Web.Data.Model;

/// <summary>How the child in a concern was matched to a record in Safeguard.</summary>
public enum ConcernMatch
{
    /// <summary>The reporter chose an existing record as they entered the concern.</summary>
    ConfirmedByReporter,

    /// <summary>Possible records were found and the reporter was not sure: the front door decides.</summary>
    LeftToFrontDoor,

    /// <summary>Nothing matched what the reporter entered: the front door links or creates the record.</summary>
    NoCandidates,
    LinkedByFrontDoor,
    NewRecordByFrontDoor,
}

/// <summary>
/// A concern about a child, from any user of any partner agency or a partner system. Never deleted: what the
/// reporter entered stays exactly as entered, and the front door's work on it (owner, link to the child, decision)
/// is recorded beside it. Until it is linked to a child, its ledger stream is its own.
/// </summary>
public sealed class Concern : ILedgerStream
{
    public Id<Concern> Id { get; init; } = Id<Concern>.New();

    /// <summary>"REF-2026-000123": the year of receipt and a per-year number no two instances can both issue.</summary>
    public required string Reference { get; set; }
    public DateTimeOffset ReceivedAt { get; set; }

    /// <summary>The signed-in reporter; null when a partner system submitted it.</summary>
    public Guid? ReportedByUserId { get; set; }
    public Id<Agency> ReporterAgencyId { get; set; }
    /// <summary>Who reported, as a partner system named them (name and role).</summary>
    public string? ReporterName { get; set; }
    public string? ReporterContact { get; set; }
    public Id<PartnerToken>? PartnerTokenId { get; set; }

    public required string ChildGivenName { get; set; }
    public string? ChildFamilyName { get; set; }
    public DateOnly? ChildDateOfBirth { get; set; }
    public string? ChildNhsNumber { get; set; }
    /// <summary>Age, appearance, nicknames: what a youth worker or a driver knows when they do not know a date of birth.</summary>
    public string? ChildDescription { get; set; }
    public string? ChildAddressOrSchool { get; set; }

    public Id<Person>? PersonId { get; set; }
    public ConcernMatch Match { get; set; }

    public required string WhatHappened { get; set; }
    public string? ChildsWords { get; set; }
    public DateTimeOffset? OccurredAt { get; set; }
    public string? Location { get; set; }
    public bool ImmediateDanger { get; set; }
    /// <summary>What the reporter already did about the danger (called 999, stayed with the child).</summary>
    public string? ImmediateActionTaken { get; set; }

    /// <summary>The front door worker who owns the decision.</summary>
    public Guid? OwnerUserId { get; set; }
    public DateTimeOffset? OwnerAssignedAt { get; set; }

    public List<ConcernAdult> Adults { get; set; } = [];

    public string ChildName => string.IsNullOrWhiteSpace(ChildFamilyName) ? ChildGivenName : $"{ChildGivenName} {ChildFamilyName}";
    public string LedgerStream => PersonId is { } person ? Person.PersonStream(person) : ConcernStream(Id);

    public static string ConcernStream(Id<Concern> id) => $"concern/{id}";
}

/// <summary>An adult the reporter saw or heard of: whatever they could give, kept as given.</summary>
public sealed class ConcernAdult : ILedgerStream
{
    public Id<ConcernAdult> Id { get; init; } = Id<ConcernAdult>.New();
    public Id<Concern> ConcernId { get; set; }
    public int Position { get; set; }
    public string? Name { get; set; }
    public string? Description { get; set; }
    public string? Vehicle { get; set; }
    /// <summary>Upper case without spaces ("NB19ABC"), so the same car is found however it was typed.</summary>
    public string? VehicleRegistration { get; set; }
    public string? Phone { get; set; }
    public string? Places { get; set; }
    /// <summary>An existing person's record the reporter or the front door matched this adult to.</summary>
    public Id<Person>? PersonId { get; set; }
    public string LedgerStream => Concern.ConcernStream(ConcernId);
}

/// <summary>
/// The front door's decision on a concern, with its rationale. "No further action" stands only once a team manager
/// countersigns it; a refused countersignature sends the concern back to the queue (the decision stays, marked).
/// </summary>
public sealed class ConcernDecision : ILedgerStream
{
    public Id<ConcernDecision> Id { get; init; } = Id<ConcernDecision>.New();
    public Id<Concern> ConcernId { get; set; }
    public Id<Person> PersonId { get; set; }
    public ConcernOutcome Outcome { get; set; }
    public required string Rationale { get; set; }
    public Guid DecidedByUserId { get; set; }
    public DateTimeOffset DecidedAt { get; set; }
    public bool NeedsCountersignature { get; set; }
    public Guid? CountersignedByUserId { get; set; }
    public DateTimeOffset? CountersignedAt { get; set; }
    public bool CountersignRefused { get; set; }
    public string? CountersignNote { get; set; }
    public List<ConcernSharing> Sharing { get; set; } = [];
    public string LedgerStream => Person.PersonStream(PersonId);

    public ConcernDecisionFacts Facts => new(Outcome, DecidedAt, CountersignedAt, CountersignRefused);
}

/// <summary>Whether a decision was shared with an agency. Sharing is the default; not sharing needs a reason.</summary>
public sealed class ConcernSharing : ILedgerStream
{
    public Id<ConcernSharing> Id { get; init; } = Id<ConcernSharing>.New();
    public Id<ConcernDecision> DecisionId { get; set; }
    public Id<Person> PersonId { get; set; }
    public Id<Agency> AgencyId { get; set; }
    public bool Shared { get; set; }
    public string? ReasonNotShared { get; set; }
    public string LedgerStream => Person.PersonStream(PersonId);
}

/// <summary>The last reference number issued for a prefix and year. Updated with the record that takes the number.</summary>
public sealed class ReferenceCounter
{
    public required string Prefix { get; set; }
    public int Year { get; set; }
    public long Last { get; set; }
}

public enum MeetingStatus
{
    Scheduled,
    Held,
    Cancelled,
}

/// <summary>A strategy discussion, child protection conference or core group about one child.</summary>
public sealed class CaseMeeting : ILedgerStream
{
    public Id<CaseMeeting> Id { get; init; } = Id<CaseMeeting>.New();
    public Id<Person> PersonId { get; set; }
    public MeetingKind Kind { get; set; }
    public DateTimeOffset ScheduledFor { get; set; }
    public string? Location { get; set; }
    public Guid ArrangedByUserId { get; set; }
    public DateTimeOffset ArrangedAt { get; set; }
    public MeetingStatus Status { get; set; }
    public DateTimeOffset? HeldAt { get; set; }
    /// <summary>What the meeting decided, in its own words.</summary>
    public string? Decisions { get; set; }
    public Guid? RecordedByUserId { get; set; }
    public DateTimeOffset? RecordedAt { get; set; }
    /// <summary>Strategy discussion: whether an initial child protection conference is needed.</summary>
    public bool? ConferenceNeeded { get; set; }
    public string? CancelledReason { get; set; }
    public List<MeetingInvitation> Invitations { get; set; } = [];
    public string LedgerStream => Person.PersonStream(PersonId);
}

/// <summary>An agency invited to a meeting (optionally a named person), and whether it came.</summary>
public sealed class MeetingInvitation : ILedgerStream
{
    public Id<MeetingInvitation> Id { get; init; } = Id<MeetingInvitation>.New();
    public Id<CaseMeeting> MeetingId { get; set; }
    public Id<Person> PersonId { get; set; }
    public Id<Agency> AgencyId { get; set; }
    public Guid? InvitedUserId { get; set; }
    public DateTimeOffset InvitedAt { get; set; }
    /// <summary>Null until the meeting's attendance is recorded.</summary>
    public AttendanceStatus? Attendance { get; set; }
    public string? ApologyReason { get; set; }
    public string? AttendedBy { get; set; }
    public string LedgerStream => Person.PersonStream(PersonId);
}

/// <summary>A child protection plan: made at an initial conference, reviewed at review conferences, ended by one.</summary>
public sealed class ChildProtectionPlan : ILedgerStream
{
    public Id<ChildProtectionPlan> Id { get; init; } = Id<ChildProtectionPlan>.New();
    public Id<Person> PersonId { get; set; }
    public Id<CaseMeeting> StartedByMeetingId { get; set; }
    public DateTimeOffset StartedAt { get; set; }
    /// <summary>What must change for the child to be safe, and how: revised at each review (the ledger keeps every version).</summary>
    public required string Plan { get; set; }
    public Id<CaseMeeting>? EndedByMeetingId { get; set; }
    public DateTimeOffset? EndedAt { get; set; }
    public string LedgerStream => Person.PersonStream(PersonId);
}

/// <summary>
/// An action with one owner and a due date, created by a decision, a meeting or a missing episode (the return home
/// interview). Completing it needs a note of what was done. Overdue and escalation are computed from
/// <see cref="DueAt"/>, <see cref="CompletedAt"/> and the clock; <see cref="ActionEscalation"/> rows only record
/// that the ladder was climbed and who was told.
/// </summary>
public sealed class CaseAction : ILedgerStream
{
    public Id<CaseAction> Id { get; init; } = Id<CaseAction>.New();
    public Id<Person> PersonId { get; set; }
    public required string Title { get; set; }
    public string? Detail { get; set; }
    public Guid OwnerUserId { get; set; }
    public Id<Agency> OwnerAgencyId { get; set; }
    /// <summary>The local date it is due by.</summary>
    public DateOnly DueDate { get; set; }
    /// <summary>The instant it becomes overdue: the end of <see cref="DueDate"/>, or an exact time (72 hours after a return).</summary>
    public DateTimeOffset DueAt { get; set; }
    public Guid AssignedByUserId { get; set; }
    public DateTimeOffset AssignedAt { get; set; }
    public Id<CaseMeeting>? MeetingId { get; set; }
    public Id<ConcernDecision>? DecisionId { get; set; }
    public Id<MissingEpisodeRecord>? MissingEpisodeId { get; set; }
    public DateTimeOffset? CompletedAt { get; set; }
    public Guid? CompletedByUserId { get; set; }
    public string? CompletionNote { get; set; }
    public string LedgerStream => Person.PersonStream(PersonId);

    public Core.Calendar.Deadline Due => new(DueDate, DueAt);
}

/// <summary>A step of the escalation ladder reached by an overdue action, recorded when Safeguard noticed it.</summary>
public sealed class ActionEscalation : ILedgerStream
{
    public Id<ActionEscalation> Id { get; init; } = Id<ActionEscalation>.New();
    public Id<CaseAction> ActionId { get; set; }
    public Id<Person> PersonId { get; set; }
    public EscalationLevel Level { get; set; }
    public DateTimeOffset ReachedAt { get; set; }
    public DateTimeOffset RecordedAt { get; set; }
    /// <summary>The users told, comma-separated ids (the names are in the notifications).</summary>
    public required string NotifiedUserIds { get; set; }
    public string LedgerStream => Person.PersonStream(PersonId);
}

/// <summary>A note on an action: a manager answering an escalation (perhaps handing it to someone else) or the owner's progress.</summary>
public sealed class ActionResponse : ILedgerStream
{
    public Id<ActionResponse> Id { get; init; } = Id<ActionResponse>.New();
    public Id<CaseAction> ActionId { get; set; }
    public Id<Person> PersonId { get; set; }
    public Guid ByUserId { get; set; }
    public DateTimeOffset At { get; set; }
    /// <summary>The step the action had reached when this was written.</summary>
    public EscalationLevel? AtLevel { get; set; }
    public required string Note { get; set; }
    public Guid? ReassignedToUserId { get; set; }
    public string LedgerStream => Person.PersonStream(PersonId);
}

/// <summary>A child reported missing, and their return. The return home interview is an action linked to it.</summary>
public sealed class MissingEpisodeRecord : ILedgerStream
{
    public Id<MissingEpisodeRecord> Id { get; init; } = Id<MissingEpisodeRecord>.New();
    public Id<Person> PersonId { get; set; }
    public DateTimeOffset WentMissingAt { get; set; }
    public required string Circumstances { get; set; }
    public Guid ReportedByUserId { get; set; }
    public Id<Agency> ReportedByAgencyId { get; set; }
    public DateTimeOffset ReportedAt { get; set; }
    public DateTimeOffset? ReturnedAt { get; set; }
    /// <summary>Where the child was found, who with, how they came back.</summary>
    public string? ReturnDetails { get; set; }
    public Guid? ReturnRecordedByUserId { get; set; }
    public string LedgerStream => Person.PersonStream(PersonId);
}

/// <summary>Something a user should know or do, shown in the app; an email says only that there is something to see.</summary>
public sealed class Notification : ILedgerStream
{
    public Id<Notification> Id { get; init; } = Id<Notification>.New();
    public Guid RecipientUserId { get; set; }
    /// <summary>What the notification is about ("escalation/{action}/{level}"): one notification per key per user, however often it is noticed.</summary>
    public required string Key { get; set; }
    public required string Text { get; set; }
    public string? Link { get; set; }
    public DateTimeOffset CreatedAt { get; set; }
    public DateTimeOffset? ReadAt { get; set; }
    public string LedgerStream => $"user/{RecipientUserId}";
}

/// <summary>
/// An email waiting to be sent, written in the same transaction as the event it reports. The sender marks it sent,
/// or records the failure and tries again later; nothing is lost if the mail server is down.
/// </summary>
public sealed class OutboxEmail : ILedgerStream
{
    public Id<OutboxEmail> Id { get; init; } = Id<OutboxEmail>.New();
    public Id<Notification>? NotificationId { get; set; }
    public required string To { get; set; }
    public required string Subject { get; set; }
    public required string Body { get; set; }
    public DateTimeOffset CreatedAt { get; set; }
    public int Attempts { get; set; }
    public DateTimeOffset NextAttemptAt { get; set; }
    public DateTimeOffset? LastAttemptAt { get; set; }
    public string? LastError { get; set; }
    public DateTimeOffset? SentAt { get; set; }
    /// <summary>Bumped by every attempt: two instances cannot both claim one message.</summary>
    public int Version { get; set; }
    public string LedgerStream => $"email/{Id}";
}

/// <summary>
/// A partner system's key to the API, scoped to one agency. Only the SHA-256 hash of the token is stored: the token
/// itself is shown once, when it is issued.
/// </summary>
public sealed class PartnerToken : ILedgerStream
{
    public Id<PartnerToken> Id { get; init; } = Id<PartnerToken>.New();
    public Id<Agency> AgencyId { get; set; }
    public required string Name { get; set; }
    public required string TokenHash { get; set; }
    public DateTimeOffset CreatedAt { get; set; }
    public DateTimeOffset? RevokedAt { get; set; }
    public string LedgerStream => $"agency/{AgencyId}";
}
