namespace Safeguard.Core.Matching;

public enum Sex
{
    Female = 1,
    Male = 2,
    Other = 3,
}

/// <summary>
/// One agency's record of a person, already parsed: what the matcher compares. Every field but the id may be
/// missing; a missing field is no evidence either way. <see cref="Address"/> is the whole address line (house,
/// street, town) apart from the postcode.
/// </summary>
public sealed record PersonRecord(string Id)
{
    public string? GivenName { get; init; }
    public string? MiddleNames { get; init; }
    public string? FamilyName { get; init; }
    public DateOnly? DateOfBirth { get; init; }
    public Sex? Sex { get; init; }
    public string? NhsNumber { get; init; }
    /// <summary>Any other identifier the records share (a case number, FEBRL's soc_sec_id).</summary>
    public string? Identifier { get; init; }
    public string? Address { get; init; }
    public string? Postcode { get; init; }
    public string? Phone { get; init; }
    public string? Email { get; init; }
}
