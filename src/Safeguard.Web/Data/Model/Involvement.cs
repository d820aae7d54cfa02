using Safeguard.Core;

namespace Safeguard.Web.Data.Model;

/// <summary>
/// An agency's open piece of work with a child (a social care case, a school's safeguarding file, a youth project's
/// keyworking). Practitioners are allocated to it; while it is open, the agency has a legitimate relationship.
/// </summary>
public sealed class ChildCase : ILedgerStream
{
    public Id<ChildCase> Id { get; init; } = Id<ChildCase>.New();
    public Id<Person> PersonId { get; set; }
    public Id<Agency> AgencyId { get; set; }
    /// <summary>Human-facing reference, e.g. "CSC-2026-000042".</summary>
    public required string Reference { get; set; }
    /// <summary>What the agency filed it under ("Child protection", "Behaviour", "Substance misuse"...).</summary>
    public required string Category { get; set; }
    public string? Summary { get; set; }
    public DateTimeOffset OpenedAt { get; set; }
    public DateTimeOffset? ClosedAt { get; set; }
    public List<CaseAllocation> Allocations { get; set; } = [];
    public string LedgerStream => Person.PersonStream(PersonId);
}

public sealed class CaseAllocation : ILedgerStream
{
    public Id<CaseAllocation> Id { get; init; } = Id<CaseAllocation>.New();
    public Id<ChildCase> CaseId { get; set; }
    public Id<Person> PersonId { get; set; }
    public Guid UserId { get; set; }
    public Id<Team>? TeamId { get; set; }
    public bool IsLead { get; set; }
    public DateTimeOffset AllocatedAt { get; set; }
    public DateTimeOffset? EndedAt { get; set; }
    public string LedgerStream => Person.PersonStream(PersonId);
}

/// <summary>
/// Something an agency recorded about a child, shown in the multi-agency chronology. Features that record things
/// (concerns, meetings, missing episodes) add an entry here in the same save, so the chronology writes itself.
/// </summary>
public sealed class ChronologyEntry : ILedgerStream
{
    public Id<ChronologyEntry> Id { get; init; } = Id<ChronologyEntry>.New();
    public Id<Person> PersonId { get; set; }
    public Id<Agency> AgencyId { get; set; }
    public Guid RecordedByUserId { get; set; }
    /// <summary>One of <see cref="ChronologyKinds"/>.</summary>
    public required string Kind { get; set; }
    public DateTimeOffset OccurredAt { get; set; }
    public DateTimeOffset RecordedAt { get; set; }
    public required string Summary { get; set; }
    /// <summary>The record this entry stands for, when another feature wrote it (e.g. "concern/{id}").</summary>
    public string? Source { get; set; }
    /// <summary>Set when the entry was recorded in error; a correcting entry is added and both stay.</summary>
    public Id<ChronologyEntry>? SupersededById { get; set; }
    public string LedgerStream => Person.PersonStream(PersonId);
}

public static class ChronologyKinds
{
    public const string Contact = "Contact";
    public const string HomeVisit = "Home visit";
    public const string SeenAlone = "Child seen alone";
    public const string CaseNote = "Case note";
    public const string CaseOpened = "Case opened";
    public const string CaseClosed = "Case closed";
    public const string SchoolAbsence = "School absence";
    public const string Exclusion = "Exclusion";
    public const string MissingEpisode = "Missing episode";
    public const string Arrest = "Arrest";
    public const string PoliceIncident = "Police incident";
    public const string HealthAttendance = "Health attendance";
    public const string SexualHealthAttendance = "Sexual health attendance";
    public const string EmergencyDepartment = "Emergency department attendance";
    public const string Concern = "Concern";
    public const string Decision = "Decision";
    public const string Meeting = "Meeting";
    public const string Intelligence = "Intelligence";
    public const string Screening = "Screening";
    public const string ReturnedFromMissing = "Returned from missing";
    public const string ReturnHomeInterview = "Return home interview";
    public const string ActionCompleted = "Action completed";

    /// <summary>The kinds a practitioner may record by hand; the rest are written by the features that own them.</summary>
    public static readonly IReadOnlyList<string> Recordable =
    [
        Contact, HomeVisit, SeenAlone, CaseNote, SchoolAbsence, Exclusion, Arrest, PoliceIncident,
        HealthAttendance, SexualHealthAttendance, EmergencyDepartment,
    ];
}
