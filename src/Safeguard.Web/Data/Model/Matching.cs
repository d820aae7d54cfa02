using Safeguard.Core;
using Safeguard.Core.Matching;

namespace Safeguard.Web.Data.Model;

/// <summary>
/// One blocking key of one person (a 64-bit hash of a <see cref="Blocking.BlockingKeys(PersonRecord)"/> string):
/// the candidates for a new record are the people sharing any of its keys. Derived data, recomputed from the
/// person's ledgered fields on every save that changes them (<see cref="MatchIndex"/>) and by `./safeguard match
/// reindex`, so it is not ledgered (docs/adr/0008). Never deleted: a key the record no longer gives is superseded.
/// </summary>
public sealed class PersonMatchKey
{
    public Id<Person> PersonId { get; set; }
    public long Key { get; set; }
    public DateTimeOffset AddedAt { get; set; }
    public DateTimeOffset? SupersededAt { get; set; }
}

/// <summary>
/// The person as the matcher compares them: the forms of their record (the main details, then each other name,
/// address and identifier in turn), as JSON, so that one indexed query returns every candidate ready to score.
/// Derived data like <see cref="PersonMatchKey"/>, and not ledgered.
/// </summary>
public sealed class PersonMatchRecord
{
    public Id<Person> PersonId { get; set; }
    public required string Forms { get; set; }
    public DateTimeOffset UpdatedAt { get; set; }
}

/// <summary>
/// A matching model estimated from the people in the store by `./safeguard match train`. The application scores with
/// the latest; until one is trained it uses the shipped default (docs/adr/0008). Ledgered: which parameters linked
/// two records is part of the record.
/// </summary>
public sealed class MatchModelVersion : ILedgerStream
{
    public Id<MatchModelVersion> Id { get; init; } = Id<MatchModelVersion>.New();
    public DateTimeOffset CreatedAt { get; set; }
    /// <summary>How many records (one per person held) the parameters were estimated from.</summary>
    public int TrainedOnRecords { get; set; }
    public required string Json { get; set; }
    public string LedgerStream => "matching/models";
}

public enum MatchReviewStatus
{
    Pending,
    SamePerson,
    DifferentPeople,
    /// <summary>Closed without a decision because the two were linked by another route meanwhile.</summary>
    Withdrawn,
}

/// <summary>
/// A pair that real-time matching could not settle: possibly the same person, or certain but argued against by a
/// chain (see <see cref="IntakeDecision"/>). The front door decides, with a reason; "same person" merges them.
/// </summary>
public sealed class PersonMatchReview : ILedgerStream
{
    public Id<PersonMatchReview> Id { get; init; } = Id<PersonMatchReview>.New();
    /// <summary>The record entered or edited when the match was found.</summary>
    public Id<Person> PersonId { get; set; }
    /// <summary>The record already held that it may be.</summary>
    public Id<Person> CandidateId { get; set; }
    public double Probability { get; set; }
    public ReviewReason Reason { get; set; }
    /// <summary>The model that scored the pair; null for the shipped default.</summary>
    public Id<MatchModelVersion>? ModelVersionId { get; set; }
    public DateTimeOffset CreatedAt { get; set; }
    public MatchReviewStatus Status { get; set; }
    public Guid? DecidedByUserId { get; set; }
    public DateTimeOffset? DecidedAt { get; set; }
    public string? DecisionReason { get; set; }
    public Id<PersonMerge>? MergeId { get; set; }
    public string LedgerStream => Person.PersonStream(PersonId);
}

public enum MergeMethod
{
    /// <summary>Certain at intake, and no chain against it.</summary>
    Automatic,
    /// <summary>A reviewer decided "same person".</summary>
    Reviewed,
}

/// <summary>
/// Two records linked as one person. Nothing of either record changes: the merged record keeps its id and all its
/// data and points to the survivor (<see cref="Person.MergedIntoId"/>). Undoing clears the pointer and records who
/// undid it and why; the two records are then exactly as they were.
/// </summary>
public sealed class PersonMerge : ILedgerStream
{
    public Id<PersonMerge> Id { get; init; } = Id<PersonMerge>.New();
    public Id<Person> SurvivorId { get; set; }
    public Id<Person> MergedId { get; set; }
    public MergeMethod Method { get; set; }
    public double Probability { get; set; }
    public Id<MatchModelVersion>? ModelVersionId { get; set; }
    public Id<PersonMatchReview>? ReviewId { get; set; }
    public string? Reason { get; set; }
    public DateTimeOffset At { get; set; }
    /// <summary>
    /// Which side was the newcomer: false when the merged record's side joined the child already held (the usual
    /// case: a record entered later); true when the survivor's side did (an older record edited until it matched).
    /// A link never widens access: work on a record covers only records that joined after it was there (docs/adr/0012).
    /// </summary>
    public bool SurvivorJoined { get; set; }
    /// <summary>Who linked them: the reviewer, or the user whose entry triggered an automatic link (null for the system).</summary>
    public Guid? ByUserId { get; set; }
    public DateTimeOffset? UndoneAt { get; set; }
    public Guid? UndoneByUserId { get; set; }
    public string? UndoReason { get; set; }
    public string LedgerStream => Person.PersonStream(SurvivorId);
}

public enum CandidateOfferPurpose
{
    /// <summary>Recording a new person: the records they may already be.</summary>
    NewPerson,
    /// <summary>Reporting a concern: the records the child may be.</summary>
    ConcernChild,
    /// <summary>Reporting a concern: the records one named adult may be.</summary>
    ConcernAdult,
}

/// <summary>
/// The people a page offered one user as possible matches for what they typed. The form carries only this offer's id:
/// a choice, or a "none of these", counts only for people the server itself offered that user for that question, so
/// a form cannot name any id it likes or skip the check (issue 10). Ledgered like every write; what the people were
/// found for is kept as a hash, so details typed and never saved are not kept in the ledger.
/// </summary>
public sealed class CandidateOffer : ILedgerStream
{
    public Id<CandidateOffer> Id { get; init; } = Id<CandidateOffer>.New();
    public Guid UserId { get; set; }
    public CandidateOfferPurpose Purpose { get; set; }
    /// <summary>A hash of the details the people were found for: different details are a different question.</summary>
    public required string OfferedFor { get; set; }
    /// <summary>The people offered, their ids separated by spaces, in the order shown.</summary>
    public required string People { get; set; }
    public DateTimeOffset OfferedAt { get; set; }
    public string LedgerStream => $"user/{UserId}/offers";

    public IReadOnlyList<Id<Person>> PeopleOffered =>
        [.. People.Split(' ', StringSplitOptions.RemoveEmptyEntries).Select(p => Id<Person>.Parse(p, System.Globalization.CultureInfo.InvariantCulture))];
}
