using Safeguard.Core;
using Safeguard.Core.Intelligence;
using Safeguard.Core.Network;

namespace Safeguard.Web.Data.Model;

/// <summary>
/// A piece of information given to the police intelligence unit by anyone in any agency: what was seen or heard,
/// where and when, and who and what was involved, in the submitter's words. The unit grades it (3x5x2), writes a
/// sanitised version where partners need one (the original is kept), links it to POLE records and routes it.
/// Its ledger stream is its own, not a child's: what partners may see of it is governed by its handling code.
/// </summary>
public sealed class IntelligenceItem : ILedgerStream
{
    public Id<IntelligenceItem> Id { get; init; } = Id<IntelligenceItem>.New();
    public DateTimeOffset SubmittedAt { get; set; }
    public Guid SubmittedByUserId { get; set; }
    public Id<Agency> SubmittedByAgencyId { get; set; }
    /// <summary>In a few words, what it is about (the submitter's).</summary>
    public required string Title { get; set; }
    /// <summary>The original text. Never changed after submission; partners see <see cref="SanitisedText"/>.</summary>
    public required string Text { get; set; }
    /// <summary>When it happened, if known: a date, and a time if one was given (<see cref="OccurredTimeKnown"/>).</summary>
    public DateTimeOffset? OccurredAt { get; set; }
    public bool OccurredTimeKnown { get; set; }
    public string? Place { get; set; }
    public string? PeopleMentioned { get; set; }
    /// <summary>Registration marks as the submitter gave them, each checked and shown in standard form.</summary>
    public string? VehiclesMentioned { get; set; }
    public string? PhonesMentioned { get; set; }
    /// <summary>A child the submitter's agency works with, when the information is about them.</summary>
    public Id<Person>? ChildId { get; set; }

    public SourceEvaluation? Source { get; set; }
    public IntelligenceAssessment? Assessment { get; set; }
    public HandlingCode? Handling { get; set; }
    public ActionCode? ActionCode { get; set; }
    public SanitisationCode? SanitisationCode { get; set; }
    public string? HandlingConditions { get; set; }
    public IntelligencePriority Priority { get; set; } = IntelligencePriority.Medium;
    public DateTimeOffset? GradedAt { get; set; }
    public Guid? GradedByUserId { get; set; }

    public string? SanitisedText { get; set; }
    public DateTimeOffset? SanitisedAt { get; set; }
    /// <summary>For S2: when the originator was consulted about the sanitised version, and what they said.</summary>
    public DateTimeOffset? OriginatorConsultedAt { get; set; }
    public string? OriginatorConsultedNote { get; set; }

    /// <summary>The event this item records in the POLE picture (a sighting, an incident), made when it is first linked.</summary>
    public Id<PoleEvent>? EventId { get; set; }

    public string LedgerStream => ItemStream(Id);

    public static string ItemStream(Id<IntelligenceItem> id) => $"intelligence/{id}";

    public Grade? Grade => Grading.FromStored(Source, Assessment, Handling, ActionCode, SanitisationCode, HandlingConditions);

    public ItemHandling HandlingFacts => new(Grade, SanitisedText is not null,
        Core.Intelligence.Handling.SanitisedCleared(Grade, SanitisedText is not null, OriginatorConsultedAt is not null));
}

/// <summary>An item passed to an agency, with the person there who owns the response.</summary>
public sealed class IntelligenceRouting : ILedgerStream
{
    public Id<IntelligenceRouting> Id { get; init; } = Id<IntelligenceRouting>.New();
    public Id<IntelligenceItem> ItemId { get; set; }
    public Id<Agency> AgencyId { get; set; }
    public Guid OwnerUserId { get; set; }
    public DateTimeOffset RoutedAt { get; set; }
    public Guid RoutedByUserId { get; set; }
    public string? Note { get; set; }
    public string LedgerStream => IntelligenceItem.ItemStream(ItemId);
}

/// <summary>
/// What became of an item: an action, a corroboration or a decision to take no action, recorded by an agency it
/// was routed to (<see cref="RoutingId"/> set) or by the intelligence unit itself.
/// </summary>
public sealed class IntelligenceOutcome : ILedgerStream
{
    public Id<IntelligenceOutcome> Id { get; init; } = Id<IntelligenceOutcome>.New();
    public Id<IntelligenceItem> ItemId { get; set; }
    public Id<IntelligenceRouting>? RoutingId { get; set; }
    public Id<Agency> AgencyId { get; set; }
    public OutcomeKind Kind { get; set; }
    public required string Text { get; set; }
    public DateTimeOffset RecordedAt { get; set; }
    public Guid RecordedByUserId { get; set; }
    public string LedgerStream => IntelligenceItem.ItemStream(ItemId);
}

/// <summary>A POLE record an item is about, and for a person their role in this piece of intelligence.</summary>
public sealed class IntelligenceReference : ILedgerStream
{
    public Id<IntelligenceReference> Id { get; init; } = Id<IntelligenceReference>.New();
    public Id<IntelligenceItem> ItemId { get; set; }
    public Guid NodeId { get; set; }
    public NodeKind NodeKind { get; set; }
    /// <summary>Victim, suspect, associate or unknown in this item; <see cref="PersonRole.None"/> for anything but a person.</summary>
    public PersonRole Role { get; set; }
    public DateTimeOffset RecordedAt { get; set; }
    public Guid RecordedByUserId { get; set; }
    public DateTimeOffset? SupersededAt { get; set; }
    public string LedgerStream => IntelligenceItem.ItemStream(ItemId);
}

/// <summary>
/// A person as the intelligence picture sees them: their role across all the intelligence (the analyst's
/// current assessment; each item keeps its own in <see cref="IntelligenceReference"/>), when they were first
/// identified as a suspect, and who is responsible for disrupting them. Person rows themselves carry no role.
/// </summary>
public sealed class IntelligenceSubject : ILedgerStream
{
    public Id<IntelligenceSubject> Id { get; init; } = Id<IntelligenceSubject>.New();
    public Id<Person> PersonId { get; set; }
    public PersonRole Role { get; set; }
    public DateTimeOffset RoleSetAt { get; set; }
    public Guid RoleSetByUserId { get; set; }
    /// <summary>When first recorded as a suspect: the disruption clock starts here.</summary>
    public DateTimeOffset? IdentifiedAt { get; set; }
    /// <summary>Who must see that a suspect is disrupted (a plan's owner once there is a plan).</summary>
    public Guid? DisruptionOwnerUserId { get; set; }
    public string LedgerStream => Person.PersonStream(PersonId);
}

/// <summary>A vehicle, phone, online account or document, found again by its normalised <see cref="Key"/>.</summary>
public sealed class PoleObject : ILedgerStream
{
    public Id<PoleObject> Id { get; init; } = Id<PoleObject>.New();
    /// <summary>Vehicle, Phone, Account or Document.</summary>
    public NodeKind Kind { get; set; }
    /// <summary>See <see cref="PoleKeys"/>: "NB19ABC", "+447700900123", "snapchat:handle", "passport:123".</summary>
    public required string Key { get; set; }
    public required string Label { get; set; }
    public string? Description { get; set; }
    public VehicleLicence Licence { get; set; }
    /// <summary>The licence plate number a licensed vehicle carries.</summary>
    public string? LicenceNumber { get; set; }
    public DateTimeOffset RecordedAt { get; set; }
    public Id<Agency> RecordedByAgencyId { get; set; }
    public string LedgerStream => $"pole/{Id}";
}

public enum PlaceKind
{
    Address,
    Flat,
    Takeaway,
    Hotel,
    Park,
    TaxiOffice,
    TaxiRank,
    School,
    ShoppingCentre,
    BusStation,
    RailwayStation,
    Pub,
    Shop,
    Other,
}

public sealed class PoleLocation : ILedgerStream
{
    public Id<PoleLocation> Id { get; init; } = Id<PoleLocation>.New();
    public PlaceKind Kind { get; set; }
    /// <summary>See <see cref="PoleKeys.Place"/>.</summary>
    public required string Key { get; set; }
    public required string Name { get; set; }
    public string? Postcode { get; set; }
    public DateTimeOffset RecordedAt { get; set; }
    public Id<Agency> RecordedByAgencyId { get; set; }
    public string LedgerStream => $"pole/{Id}";
}

public enum PoleEventKind
{
    Sighting,
    Incident,
    MissingEpisode,
    Arrest,
}

public sealed class PoleEvent : ILedgerStream
{
    public Id<PoleEvent> Id { get; init; } = Id<PoleEvent>.New();
    public PoleEventKind Kind { get; set; }
    public DateTimeOffset? OccurredAt { get; set; }
    public required string Summary { get; set; }
    public Id<IntelligenceItem>? ItemId { get; set; }
    public DateTimeOffset RecordedAt { get; set; }
    public Id<Agency> RecordedByAgencyId { get; set; }
    public string LedgerStream => $"pole/{Id}";
}

/// <summary>
/// A typed, dated link between any two POLE records (persons are <see cref="Person"/> rows; the ends are ids
/// of their kind). Undirected for analysis. Ended by <see cref="SupersededAt"/>, never removed.
/// </summary>
public sealed class PoleLink : ILedgerStream
{
    public Id<PoleLink> Id { get; init; } = Id<PoleLink>.New();
    public Guid FromId { get; set; }
    public NodeKind FromKind { get; set; }
    public Guid ToId { get; set; }
    public NodeKind ToKind { get; set; }
    public LinkKind Kind { get; set; }
    public DateOnly? Date { get; set; }
    public LinkConfidence Confidence { get; set; }
    /// <summary>The intelligence the link was recorded from.</summary>
    public Id<IntelligenceItem>? ItemId { get; set; }
    public DateTimeOffset RecordedAt { get; set; }
    public Guid RecordedByUserId { get; set; }
    public DateTimeOffset? SupersededAt { get; set; }
    public string LedgerStream => $"pole/{FromId}";
}

/// <summary>How one identified suspect is to be disrupted: an owner, tactics, and what came of them.</summary>
public sealed class DisruptionPlan : ILedgerStream
{
    public Id<DisruptionPlan> Id { get; init; } = Id<DisruptionPlan>.New();
    public Id<Person> PersonId { get; set; }
    public Guid OwnerUserId { get; set; }
    public DateTimeOffset CreatedAt { get; set; }
    public Guid CreatedByUserId { get; set; }
    /// <summary>The latest thing recorded on the plan: what "no activity" is measured from.</summary>
    public DateTimeOffset LastActivityAt { get; set; }
    public DateOnly? ChargedOn { get; set; }
    public DateOnly? ConvictedOn { get; set; }
    public DateTimeOffset? ClosedAt { get; set; }
    public string? ClosedReason { get; set; }
    public List<PlannedTactic> Tactics { get; set; } = [];
    public string LedgerStream => Person.PersonStream(PersonId);
}

/// <summary>One tactic from the catalogue on a plan, with its dates and outcome.</summary>
public sealed class PlannedTactic : ILedgerStream
{
    public Id<PlannedTactic> Id { get; init; } = Id<PlannedTactic>.New();
    public Id<DisruptionPlan> PlanId { get; set; }
    public Id<Person> PersonId { get; set; }
    public required string TacticCode { get; set; }
    public TacticStatus Status { get; set; }
    public DateOnly? ReviewOn { get; set; }
    public DateOnly? DoneOn { get; set; }
    public string? Outcome { get; set; }
    public DateTimeOffset RecordedAt { get; set; }
    public Guid RecordedByUserId { get; set; }
    public DateTimeOffset UpdatedAt { get; set; }
    public string LedgerStream => Person.PersonStream(PersonId);
}

/// <summary>
/// A notice to the taxi licensing authority that a suspect holds or drives under a taxi or private hire licence.
/// Shown to every user of a licensing agency until one of them acknowledges it. Carries no intelligence: who,
/// which licence, and whom to ask.
/// </summary>
public sealed class LicensingNotice : ILedgerStream
{
    public Id<LicensingNotice> Id { get; init; } = Id<LicensingNotice>.New();
    public Id<Person> PersonId { get; set; }
    public required string Licences { get; set; }
    public DateTimeOffset CreatedAt { get; set; }
    public DateTimeOffset? AcknowledgedAt { get; set; }
    public Guid? AcknowledgedByUserId { get; set; }
    public string? AcknowledgementNote { get; set; }
    public string LedgerStream => Person.PersonStream(PersonId);
}
