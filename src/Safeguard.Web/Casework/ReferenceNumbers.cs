using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Safeguard.Web.Data;
using Safeguard.Web.Data.Model;

namespace Safeguard.Web.Casework;

/// <summary>
/// Human-facing references such as "REF-2026-000123": a prefix, the UK year and a per-year number. The number is
/// taken from a counter row saved in the same transaction as the record that carries it, with the counter's value
/// as a concurrency token: if another instance took the same number first, the save fails as a whole and is retried
/// with the next one. No number is issued twice, and a failed save issues none.
/// </summary>
public static class ReferenceNumbers
{
    private const int Attempts = 20;

    public static string Format(string prefix, int year, long number) =>
        string.Create(CultureInfo.InvariantCulture, $"{prefix}-{year}-{number:D6}");

    /// <summary>Saves the pending changes with the next reference, given to <paramref name="assign"/> before each attempt.</summary>
    public static async Task<string> SaveWithNextAsync(SafeguardDbContext db, string prefix, int year, Action<string> assign, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(assign);
        for (var attempt = 1; ; attempt++)
        {
            var counter = await db.ReferenceCounters.SingleOrDefaultAsync(c => c.Prefix == prefix && c.Year == year, cancellationToken);
            if (counter is null)
            {
                counter = new ReferenceCounter { Prefix = prefix, Year = year, Last = 0 };
                db.ReferenceCounters.Add(counter);
            }
            counter.Last++;
            var reference = Format(prefix, year, counter.Last);
            assign(reference);
            try
            {
                await db.SaveChangesAsync(cancellationToken);
                return reference;
            }
            catch (DbUpdateException failure) when (attempt < Attempts && failure.Entries.Any(e => e.Entity is ReferenceCounter))
            {
                // Another save took this number (or created this year's counter) first: forget ours and read theirs.
                // A lost race on the counter is the only failure worth retrying; anything else is a real error.
                db.Entry(counter).State = EntityState.Detached;
            }
        }
    }
}
