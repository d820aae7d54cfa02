using Safeguard.Core;
using Safeguard.Web.Data;
using Safeguard.Web.Data.Model;

namespace Safeguard.Web.Casework;

/// <summary>Writes what casework records into the child's multi-agency chronology, in the same save.</summary>
public static class Chronicle
{
    /// <summary>Partner systems have no user: their entries are recorded by "nobody", with their agency.</summary>
    public static readonly Guid PartnerSystem = Guid.Empty;

    public static ChronologyEntry Add(SafeguardDbContext db, Id<Person> person, Id<Agency> agency, Guid recordedBy, string kind, DateTimeOffset occurredAt, string summary, string source)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(summary);
        return db.Chronology.Add(new ChronologyEntry
        {
            PersonId = person,
            AgencyId = agency,
            RecordedByUserId = recordedBy,
            Kind = kind,
            OccurredAt = occurredAt,
            RecordedAt = db.Now,
            Summary = Fit(summary),
            Source = source,
        }).Entity;
    }

    /// <summary>The chronology holds 8,000 characters an entry; longer text is cut with a pointer to the full record.</summary>
    public static string Fit(string summary) =>
        summary.Length <= 8000 ? summary : string.Concat(summary.AsSpan(0, 7950), " … (continues in the full record)");
}
