using Microsoft.EntityFrameworkCore;
using Safeguard.Core;
using Safeguard.Web.Data;
using Safeguard.Web.Data.Model;

namespace Safeguard.Web.Features.Voice;

/// <summary>
/// The child's own words and wishes for the top of a page about them — the record, and every meeting's papers
/// (<c>&lt;partial name="/Features/Voice/_ChildVoice.cshtml" model="await ChildVoiceSummary.ForChildAsync(db, id)" /&gt;</c>,
/// loaded by the page after it has opened the record through <c>ChildAccessService</c>) — and whether anyone has
/// yet seen the child alone (a chronology entry of kind <see cref="ChronologyKinds.SeenAlone"/>).
/// </summary>
public sealed record ChildVoiceSummary(Id<Person> PersonId, string GivenName, IReadOnlyList<ChildVoiceSummary.Said> Latest, int Total, DateTimeOffset? LastSeenAlone, string? LastSeenAloneBy)
{
    public const int Shown = 3;

    public sealed record Said(DateOnly On, string Words, string? Wishes, string HowHeard, string HeardBy, string Agency);

    public bool SeenAlone => LastSeenAlone is not null;

    public static async Task<ChildVoiceSummary> ForChildAsync(SafeguardDbContext db, Id<Person> personId, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(db);
        var givenName = await db.People.Where(p => p.Id == personId).Select(p => p.GivenName).SingleAsync(cancellationToken);
        var said = await Voices(db, personId).Take(Shown).ToListAsync(cancellationToken);
        var total = await db.ChildVoices.CountAsync(v => v.PersonId == personId && v.SupersededAt == null, cancellationToken);
        var seenAlone = await db.Chronology.Where(e => e.PersonId == personId && e.Kind == ChronologyKinds.SeenAlone && e.SupersededById == null)
            .OrderByDescending(e => e.OccurredAt)
            .Join(db.Agencies, e => e.AgencyId, a => a.Id, (e, a) => new { e.OccurredAt, a.Name })
            .FirstOrDefaultAsync(cancellationToken);
        return new ChildVoiceSummary(personId, givenName, said, total, seenAlone?.OccurredAt, seenAlone?.Name);
    }

    /// <summary>Every entry in force, newest first, with who heard it.</summary>
    public static IQueryable<Said> Voices(SafeguardDbContext db, Id<Person> personId)
    {
        ArgumentNullException.ThrowIfNull(db);
        return db.ChildVoices.AsNoTracking().Where(v => v.PersonId == personId && v.SupersededAt == null)
            .OrderByDescending(v => v.SaidOn).ThenByDescending(v => v.RecordedAt)
            .Join(db.Users, v => v.RecordedByUserId, u => u.Id, (v, u) => new { v, u.DisplayName })
            .Join(db.Agencies, x => x.v.AgencyId, a => a.Id, (x, a) => new Said(x.v.SaidOn, x.v.Words, x.v.Wishes, x.v.HowHeard, x.DisplayName, a.Name));
    }
}
