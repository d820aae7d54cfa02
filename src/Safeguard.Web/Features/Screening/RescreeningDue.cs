using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Safeguard.Core;
using Safeguard.Web.Data;
using Safeguard.Web.Data.Model;
using Safeguard.Web.Features.MyWork;
using Safeguard.Web.Features.Shared;

namespace Safeguard.Web.Features.Screening;

/// <summary>
/// Children a user works with whose CSE re-screening is due (or due within <see cref="Soon"/>): the date the
/// newest entry of their screening history sets (screening date + the instrument's re-screen months). Written as
/// one query, shown as a section of "my work" (<see cref="MyWorkSectionAsync"/>).
/// </summary>
public static class RescreeningDue
{
    public static readonly TimeSpan Soon = TimeSpan.FromDays(14);

    public sealed record Item(Id<Person> PersonId, string Name, DateOnly Due, string BandName, int BandRank, bool Overdue);

    public static async Task<List<Item>> ForUserAsync(SafeguardDbContext db, Guid userId, DateOnly today, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(db);
        var mine = db.CaseAllocations.Where(a => a.UserId == userId && a.EndedAt == null)
            .Join(db.Cases.Where(c => c.ClosedAt == null), a => a.CaseId, c => c.Id, (a, c) => c.PersonId).Distinct();
        var latest = await db.Screenings.AsNoTracking().Where(s => mine.Contains(s.PersonId))
            .Select(s => new { s.PersonId, s.RecordedAt, s.RescreenDue, s.BandName, s.BandRank }).ToListAsync(cancellationToken);
        var horizon = today.AddDays(Soon.Days);
        var due = latest.GroupBy(s => s.PersonId).Select(g => g.MaxBy(s => s.RecordedAt)!).Where(s => s.RescreenDue <= horizon).ToList();
        var ids = due.Select(d => d.PersonId).ToList();
        var names = await db.People.AsNoTracking().Where(p => ids.Contains(p.Id)).ToDictionaryAsync(p => p.Id, p => p.GivenName + " " + p.FamilyName, cancellationToken);
        return [.. due.Select(d => new Item(d.PersonId, names[d.PersonId], d.RescreenDue, d.BandName, d.BandRank, d.RescreenDue <= today)).OrderBy(i => i.Due)];
    }

    /// <summary>The "my work" section: each child the user works with who is due, or soon due, a re-screening.</summary>
    public static async Task<MyWorkSection?> MyWorkSectionAsync(MyWorkContext context, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(context);
        var due = await ForUserAsync(context.Db, context.User.UserId, UkTime.DateOf(context.Now), cancellationToken);
        var items = due.Select(d => new MyWorkItem($"Re-screen {d.Name}", $"/children/{d.PersonId}/screening/new",
            $"Due {d.Due.ToString("d MMM yyyy", CultureInfo.InvariantCulture)}, last screened {d.BandName.ToLowerInvariant()}.",
            d.Overdue ? "Due now" : null, d.Overdue ? "govuk-tag--red" : null)).ToList();
        return new("rescreening", "Re-screening due", "No child you work with is due a CSE re-screening in the next two weeks.", items);
    }
}
