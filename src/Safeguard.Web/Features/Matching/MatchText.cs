using System.Globalization;
using Safeguard.Core.Matching;
using Safeguard.Web.Auth;

namespace Safeguard.Web.Features.Matching;

/// <summary>How matching's results read on the pages.</summary>
public static class MatchText
{
    /// <summary>What matching did after a save, to follow the page's "saved" message (empty when it did nothing).</summary>
    public static string Outcome(PersonMatching.IntakeResult result)
    {
        ArgumentNullException.ThrowIfNull(result);
        if (result.LinkedInto is not null)
        {
            return " Matching found that another record already held is this same person: the two are now linked and shown together. The front door can undo the link.";
        }
        return result.Reviews.Count switch
        {
            0 => "",
            1 => " Matching found a record that may be the same person; the front door will check it.",
            var n => $" Matching found {n} records that may be the same person; the front door will check them.",
        };
    }

    /// <summary>
    /// <see cref="Outcome"/> as the signed-in user may be told it: when the record was linked with a child whose
    /// records are closed to them, they are told the child appears to be known to another agency and how to ask,
    /// and are shown nothing of that child (a link never widens access: docs/adr/0012).
    /// </summary>
    public static async Task<string> OutcomeForAsync(PersonMatching.IntakeResult result, ChildAccessService access, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(result);
        ArgumentNullException.ThrowIfNull(access);
        if (result.LinkedInto is not null && (await access.ClusterAsync(result.PersonId, cancellationToken)).HidesSome)
        {
            return " This person appears to be known to another agency: matching linked your record with theirs as the same person, and their records stay closed to you. Your record says how to ask for access.";
        }
        return Outcome(result);
    }

    public static string Field(string field) => field switch
    {
        "given_name" => "First name",
        "family_name" => "Family name",
        "middle_names" => "Middle names",
        "date_of_birth" => "Date of birth",
        "sex" => "Sex",
        "location" => "Address",
        "nhs_number" => "NHS number",
        "identifier" => "Identifier",
        "phone" => "Phone",
        "email" => "Email",
        Matcher.HouseholdField => "Household",
        _ => field,
    };

    public static string Likelihood(MatchBand band) => band switch
    {
        MatchBand.Certain => "Almost certainly the same person",
        MatchBand.Possible => "Possibly the same person",
        _ => "Probably not the same person",
    };

    public static string Reason(ReviewReason reason) => reason switch
    {
        ReviewReason.SeveralCertain => "Matches more than one person held separately: linking would join them",
        ReviewReason.Chain => "Matches one record of this person but not another of their records",
        ReviewReason.Disputed => "Certain, but whoever entered the record said it is someone else",
        _ => "Possibly the same person",
    };

    /// <summary>What agreed between the two records, without the other record's values: for users who may not see it.</summary>
    public static IReadOnlyList<string> Agreements(IEnumerable<FieldEvidence> fields) =>
        [.. fields.Where(f => f.Weight > 0 && f.Field != Matcher.HouseholdField).OrderByDescending(f => f.Weight).Select(f => $"{Field(f.Field)}: {f.Level}")];

    public static string Percent(double probability) => probability switch
    {
        >= 0.9999 => "over 99.99%",
        < 0.0001 => "under 0.01%",
        _ => probability.ToString("P2", CultureInfo.InvariantCulture),
    };

    public static string Bits(double weight) => weight.ToString("+0.0;−0.0;0", CultureInfo.InvariantCulture);
}
