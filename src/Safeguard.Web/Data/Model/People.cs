using Safeguard.Core;
using Safeguard.Core.People;

namespace Safeguard.Web.Data.Model;

public enum PersonKind
{
    Child,
    Adult,
}

public enum Sex
{
    NotRecorded,
    Female,
    Male,
    NotKnown,
}

/// <summary>
/// One person, known once across every agency: a child at the centre of a record, or an adult (a parent, a
/// contact, a person of concern). Edits are recorded in the ledger with the value before and after; list items
/// (names, addresses, identifiers) are ended or superseded, never removed.
/// </summary>
public sealed class Person : ILedgerStream
{
    public Id<Person> Id { get; init; } = Id<Person>.New();
    public PersonKind Kind { get; set; }
    public required string GivenName { get; set; }
    public string? MiddleNames { get; set; }
    public required string FamilyName { get; set; }
    public DateOnly? DateOfBirth { get; set; }
    public bool DateOfBirthIsEstimated { get; set; }
    public Sex Sex { get; set; }
    /// <summary>Ten digits, check digit validated; the consistent child identifier (Children Act 2004 s16LC).</summary>
    public string? NhsNumber { get; set; }
    public Ethnicity Ethnicity { get; set; }
    public string? Nationality { get; set; }
    public string? FirstLanguage { get; set; }
    public bool InterpreterNeeded { get; set; }
    /// <summary>The person's own phone number (a contact's number belongs to the contact).</summary>
    public string? Phone { get; set; }
    /// <summary>
    /// Set when this record was linked into another as one person: it keeps its id and all its data, and points to
    /// the survivor. Cleared when the link is undone (see <see cref="PersonMerge"/>).
    /// </summary>
    public Id<Person>? MergedIntoId { get; set; }
    public Id<Agency> CreatedByAgencyId { get; set; }
    public DateTimeOffset CreatedAt { get; set; }

    public List<PersonName> OtherNames { get; set; } = [];
    public List<PersonIdentifier> Identifiers { get; set; } = [];
    public List<PersonAddress> Addresses { get; set; } = [];
    public List<PersonContact> Contacts { get; set; } = [];
    public List<PersonVulnerability> Vulnerabilities { get; set; } = [];

    public string FullName => string.IsNullOrWhiteSpace(MiddleNames) ? $"{GivenName} {FamilyName}" : $"{GivenName} {MiddleNames} {FamilyName}";
    public string LedgerStream => PersonStream(Id);

    public static string PersonStream(Id<Person> id) => $"person/{id}";

    public int? AgeOn(DateOnly day)
    {
        if (DateOfBirth is not { } dob)
        {
            return null;
        }
        var age = day.Year - dob.Year;
        return dob.AddYears(age) > day ? age - 1 : age;
    }
}

public enum PersonNameKind
{
    KnownAs,
    Alias,
    PreviousName,
    AlternativeSpelling,
}

public sealed class PersonName : ILedgerStream
{
    public Id<PersonName> Id { get; init; } = Id<PersonName>.New();
    public Id<Person> PersonId { get; set; }
    public PersonNameKind Kind { get; set; }
    public required string Name { get; set; }
    public Id<Agency> RecordedByAgencyId { get; set; }
    public DateTimeOffset RecordedAt { get; set; }
    /// <summary>Set when the name was recorded in error; the row stays so the history stays.</summary>
    public DateTimeOffset? SupersededAt { get; set; }
    public string LedgerStream => Person.PersonStream(PersonId);
}

public enum IdentifierKind
{
    SchoolUniquePupilNumber,
    PolicePersonId,
    LocalAuthorityChildId,
    Other,
    /// <summary>A taxi (hackney carriage) driver's licence: its number. Licence holding is what licensing is told of.</summary>
    HackneyCarriageDriverLicence,
    /// <summary>A private hire driver's licence: its number.</summary>
    PrivateHireDriverLicence,
}

public sealed class PersonIdentifier : ILedgerStream
{
    public Id<PersonIdentifier> Id { get; init; } = Id<PersonIdentifier>.New();
    public Id<Person> PersonId { get; set; }
    public IdentifierKind Kind { get; set; }
    public required string Value { get; set; }
    public Id<Agency> RecordedByAgencyId { get; set; }
    public DateTimeOffset RecordedAt { get; set; }
    public DateTimeOffset? SupersededAt { get; set; }
    public string LedgerStream => Person.PersonStream(PersonId);
}

public sealed class PersonAddress : ILedgerStream
{
    public Id<PersonAddress> Id { get; init; } = Id<PersonAddress>.New();
    public Id<Person> PersonId { get; set; }
    public required string Line1 { get; set; }
    public string? Line2 { get; set; }
    public string? Town { get; set; }
    public string? Postcode { get; set; }
    public DateOnly? From { get; set; }
    public DateOnly? To { get; set; }
    public Id<Agency> RecordedByAgencyId { get; set; }
    public DateTimeOffset RecordedAt { get; set; }
    public DateTimeOffset? SupersededAt { get; set; }
    public string LedgerStream => Person.PersonStream(PersonId);
    public string OneLine => string.Join(", ", new[] { Line1, Line2, Town, Postcode }.Where(p => !string.IsNullOrWhiteSpace(p)));
}

public sealed class PersonContact : ILedgerStream
{
    public Id<PersonContact> Id { get; init; } = Id<PersonContact>.New();
    public Id<Person> PersonId { get; set; }
    public required string Name { get; set; }
    public required string Relationship { get; set; }
    public string? Phone { get; set; }
    public bool HasParentalResponsibility { get; set; }
    /// <summary>Set when the contact is also a person in Safeguard (a parent with their own record).</summary>
    public Id<Person>? ContactPersonId { get; set; }
    public Id<Agency> RecordedByAgencyId { get; set; }
    public DateTimeOffset RecordedAt { get; set; }
    public DateTimeOffset? SupersededAt { get; set; }
    public string LedgerStream => Person.PersonStream(PersonId);
}

public enum VulnerabilityKind
{
    DomesticAbuseAtHome,
    ParentalMentalIllHealth,
    ParentalSubstanceMisuse,
    OwnMentalOrEmotionalHealth,
    InCare,
    LearningDisability,
    PriorAbuse,
    EstrangedFromFamily,
    Other,
}

public sealed class PersonVulnerability : ILedgerStream
{
    public Id<PersonVulnerability> Id { get; init; } = Id<PersonVulnerability>.New();
    public Id<Person> PersonId { get; set; }
    public VulnerabilityKind Kind { get; set; }
    public string? Notes { get; set; }
    public Id<Agency> RecordedByAgencyId { get; set; }
    public DateTimeOffset RecordedAt { get; set; }
    /// <summary>When the vulnerability no longer applies (a child leaves care); the row stays.</summary>
    public DateTimeOffset? EndedAt { get; set; }
    public string LedgerStream => Person.PersonStream(PersonId);
}

public static class PeopleText
{
    public static string Describe(VulnerabilityKind kind) => kind switch
    {
        VulnerabilityKind.DomesticAbuseAtHome => "Domestic abuse at home",
        VulnerabilityKind.ParentalMentalIllHealth => "Parental mental ill-health",
        VulnerabilityKind.ParentalSubstanceMisuse => "Parental substance misuse",
        VulnerabilityKind.OwnMentalOrEmotionalHealth => "Own mental or emotional health",
        VulnerabilityKind.InCare => "In care (looked after)",
        VulnerabilityKind.LearningDisability => "Learning disability",
        VulnerabilityKind.PriorAbuse => "Prior abuse",
        VulnerabilityKind.EstrangedFromFamily => "Estranged from family",
        _ => "Other",
    };

    public static string Describe(IdentifierKind kind) => kind switch
    {
        IdentifierKind.SchoolUniquePupilNumber => "School unique pupil number",
        IdentifierKind.PolicePersonId => "Police person id",
        IdentifierKind.LocalAuthorityChildId => "Local authority child id",
        IdentifierKind.HackneyCarriageDriverLicence => "Taxi (hackney carriage) driver licence",
        IdentifierKind.PrivateHireDriverLicence => "Private hire driver licence",
        _ => "Other identifier",
    };

    public static string Describe(PersonNameKind kind) => kind switch
    {
        PersonNameKind.KnownAs => "Known as",
        PersonNameKind.Alias => "Alias",
        PersonNameKind.PreviousName => "Previous name",
        _ => "Alternative spelling",
    };

    public static string Describe(Sex sex) => sex switch
    {
        Sex.Female => "Female",
        Sex.Male => "Male",
        Sex.NotKnown => "Not known",
        _ => "Not recorded",
    };
}
