using Microsoft.EntityFrameworkCore;
using Safeguard.Core;
using Safeguard.Web.Data;
using Safeguard.Web.Data.Model;

namespace Safeguard.Web.Features.Matching;

/// <summary>One record's identifying details, as a reviewer compares them side by side with another's.</summary>
public sealed record RecordSummary(
    Person Person,
    IReadOnlyList<PersonName> Names,
    IReadOnlyList<PersonIdentifier> Identifiers,
    IReadOnlyList<PersonAddress> Addresses,
    string CreatedBy,
    IReadOnlyList<string> KnownTo)
{
    /// <summary>The record alone (not its cluster): a reviewer compares records, and sees the cluster's other records listed.</summary>
    public static async Task<RecordSummary> LoadAsync(SafeguardDbContext db, Id<Person> id, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(db);
        var person = await db.People.AsNoTracking().SingleAsync(p => p.Id == id, cancellationToken);
        var names = await db.PersonNames.AsNoTracking().Where(n => n.PersonId == id && n.SupersededAt == null).OrderBy(n => n.RecordedAt).ToListAsync(cancellationToken);
        var identifiers = await db.PersonIdentifiers.AsNoTracking().Where(n => n.PersonId == id && n.SupersededAt == null).ToListAsync(cancellationToken);
        var addresses = await db.PersonAddresses.AsNoTracking().Where(n => n.PersonId == id && n.SupersededAt == null).ToListAsync(cancellationToken);
        var createdBy = await db.Agencies.Where(a => a.Id == person.CreatedByAgencyId).Select(a => a.Name).SingleAsync(cancellationToken);
        var knownTo = await db.Cases.Where(c => c.PersonId == id).Join(db.Agencies, c => c.AgencyId, a => a.Id, (c, a) => a.Name).Distinct().ToListAsync(cancellationToken);
        return new RecordSummary(person, names, identifiers, [.. addresses.OrderByDescending(a => a.From ?? DateOnly.MinValue)], createdBy, [.. knownTo.Order(StringComparer.Ordinal)]);
    }
}
