using Safeguard.Core;
using Safeguard.Core.Screening.Language;

namespace Safeguard.Web.Data.Model;

/// <summary>
/// One version of a screening instrument, stored as the JSON a partnership wrote (validated by Core before it is
/// accepted). Versions are added, never changed: results keep the id and version they were scored with. The
/// newest version added is the one new screenings use.
/// </summary>
public sealed class ScreeningInstrumentVersion : ILedgerStream
{
    public Id<ScreeningInstrumentVersion> Id { get; init; } = Id<ScreeningInstrumentVersion>.New();
    public required string InstrumentId { get; init; }
    public int Version { get; init; }
    public required string Name { get; init; }
    public required string Json { get; init; }
    public DateTimeOffset AddedAt { get; init; }
    /// <summary>Null for the default instrument Safeguard seeds itself.</summary>
    public Guid? AddedByUserId { get; init; }
    public string LedgerStream => $"screening-instrument/{InstrumentId}";
}

public enum ScreeningEntryKind
{
    Screening,
    Override,
}

/// <summary>
/// One entry of a child's screening history: a scored screening, or a professional override of the band in force.
/// Rows are appended, never changed, so the history shows what was believed when. The scored result (with its
/// per-item explanations) is kept as Core's JSON; the columns beside it are what lists and queues ask for.
/// </summary>
public sealed class ChildScreening : ILedgerStream
{
    public Id<ChildScreening> Id { get; init; } = Id<ChildScreening>.New();
    public Id<Person> PersonId { get; init; }
    public ScreeningEntryKind Kind { get; init; }
    public required string InstrumentId { get; init; }
    public int InstrumentVersion { get; init; }
    public DateOnly ScreenedOn { get; init; }
    public int Score { get; init; }
    public int EvidenceScore { get; init; }
    public int ProfessionalConcernScore { get; init; }
    /// <summary>The band in force from this entry on (for an override, the band chosen).</summary>
    public required string BandId { get; init; }
    public required string BandName { get; init; }
    /// <summary>The band's place among the instrument's bands, 0 for the lowest: "low" is 0, "mild or above" is 1 or more.</summary>
    public int BandRank { get; init; }
    public bool PotentialSign { get; init; }
    public DateOnly RescreenDue { get; init; }
    /// <summary>Core's <c>ScreeningResult</c> as JSON (for an override, the result it overrides).</summary>
    public required string ResultJson { get; init; }
    /// <summary>The answers as given, as JSON: item, present, when it last happened, evidence or professional concern.</summary>
    public required string AnswersJson { get; init; }
    /// <summary>What the child said and what worried the screener (a scored screening), in the screener's words.</summary>
    public string? Notes { get; init; }
    public string? OverrideRationale { get; init; }
    public Id<Agency> AgencyId { get; init; }
    public Guid RecordedByUserId { get; init; }
    public DateTimeOffset RecordedAt { get; init; }
    public string LedgerStream => Person.PersonStream(PersonId);
}

/// <summary>
/// A phrase of the language bank that a writer was shown, and whether they kept or changed it. The partnership counts
/// these by team, for training: the text is in the record itself and is not stored again, and the writer is not
/// named here.
/// </summary>
public sealed class LanguageFlagOutcome : ILedgerStream
{
    public Id<LanguageFlagOutcome> Id { get; init; } = Id<LanguageFlagOutcome>.New();
    public required string RuleId { get; init; }
    /// <summary>Which field of which form, as the page names it ("Chronology: what happened").</summary>
    public required string Field { get; init; }
    public LanguageOutcome Outcome { get; init; }
    public Id<Agency> AgencyId { get; init; }
    public Id<Team>? TeamId { get; init; }
    public DateTimeOffset At { get; init; }
    public string LedgerStream => $"language/{AgencyId}";
}

public enum ExploitationAlertStatus
{
    /// <summary>Surfaced, waiting for the CSE lead.</summary>
    Open,

    /// <summary>The CSE lead has asked for a screening (and opened a case so it can be done).</summary>
    Screening,

    /// <summary>The CSE lead decided no further action, with a rationale.</summary>
    NoFurtherAction,
}

/// <summary>
/// A child the hidden-exploitation rules surfaced to the CSE lead's queue: written the first time the rules
/// surface them (and again if new evidence brings them back after a decision), so the partnership can count how
/// many children were found this way and what screening then found.
/// </summary>
public sealed class ExploitationAlert : ILedgerStream
{
    public Id<ExploitationAlert> Id { get; init; } = Id<ExploitationAlert>.New();
    public Id<Person> PersonId { get; init; }
    public DateTimeOffset SurfacedAt { get; init; }
    /// <summary>The indicators found when surfaced, ids separated by spaces.</summary>
    public required string Indicators { get; init; }
    public ExploitationAlertStatus Status { get; set; }
    public Guid? DecidedByUserId { get; set; }
    public DateTimeOffset? DecidedAt { get; set; }
    public string? Rationale { get; set; }
    public string LedgerStream => Person.PersonStream(PersonId);
}

public enum OffenderReviewStatus
{
    Pending,
    Agreed,
    Declined,
}

/// <summary>
/// An attempt to record a child who is a victim or possible victim as a suspect or offender (an arrest), held until
/// the CSE lead reviews it. Only when the lead agrees, with a rationale, is the record written to the chronology.
/// </summary>
public sealed class OffenderRecordReview : ILedgerStream
{
    public Id<OffenderRecordReview> Id { get; init; } = Id<OffenderRecordReview>.New();
    public Id<Person> PersonId { get; init; }
    public Id<Agency> AgencyId { get; init; }
    public Guid RequestedByUserId { get; init; }
    public DateTimeOffset RequestedAt { get; init; }
    public required string Kind { get; init; }
    public DateTimeOffset OccurredAt { get; init; }
    public required string Summary { get; init; }
    /// <summary>Why the child counted as a victim or possible victim when the attempt was made.</summary>
    public required string VictimReasons { get; init; }
    public OffenderReviewStatus Status { get; set; }
    public Guid? ReviewedByUserId { get; set; }
    public DateTimeOffset? ReviewedAt { get; set; }
    public string? Rationale { get; set; }
    /// <summary>The chronology entry written when the lead agreed.</summary>
    public Id<ChronologyEntry>? ChronologyEntryId { get; set; }
    public string LedgerStream => Person.PersonStream(PersonId);
}

/// <summary>
/// The child's own words and wishes, dated and attributed to whoever heard them, shown at the top of the record and
/// in meeting papers. The words are the child's and are kept as said (not language-checked); a correction
/// supersedes an entry, it is never edited.
/// </summary>
public sealed class ChildVoice : ILedgerStream
{
    public Id<ChildVoice> Id { get; init; } = Id<ChildVoice>.New();
    public Id<Person> PersonId { get; init; }
    public DateOnly SaidOn { get; init; }
    public required string Words { get; init; }
    public string? Wishes { get; init; }
    public required string HowHeard { get; init; }
    /// <summary>The practitioner's note on the setting and what they understood (language-checked).</summary>
    public string? Context { get; init; }
    public Id<Agency> AgencyId { get; init; }
    public Guid RecordedByUserId { get; init; }
    public DateTimeOffset RecordedAt { get; init; }
    public DateTimeOffset? SupersededAt { get; set; }
    public string LedgerStream => Person.PersonStream(PersonId);
}
