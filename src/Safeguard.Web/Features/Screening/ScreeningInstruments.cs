using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Safeguard.Core.Screening;
using Safeguard.Web.Data;
using Safeguard.Web.Data.Model;

namespace Safeguard.Web.Features.Screening;

/// <summary>
/// The screening instruments stored in the database: versions are added (validated by Core), never changed, and
/// new screenings use the newest version added. The default instrument is stored the first time one is needed, so
/// every screening names an instrument version that is in the database.
/// </summary>
public sealed class ScreeningInstruments(SafeguardDbContext db)
{
    public async Task<ScreeningInstrument> CurrentAsync(CancellationToken cancellationToken = default)
    {
        var newest = await db.ScreeningInstruments.AsNoTracking().OrderByDescending(i => i.AddedAt).ThenByDescending(i => i.Version)
            .Select(i => i.Json).FirstOrDefaultAsync(cancellationToken);
        if (newest is not null)
        {
            return Parse(newest);
        }
        var instrument = DefaultInstrument.Instance;
        db.ScreeningInstruments.Add(Row(instrument, ScreeningJson.Write(instrument), null));
        await db.SaveChangesAsync(cancellationToken);
        return instrument;
    }

    /// <summary>The version a screening was scored with.</summary>
    public async Task<ScreeningInstrument?> FindAsync(string instrumentId, int version, CancellationToken cancellationToken = default)
    {
        var json = await db.ScreeningInstruments.AsNoTracking().Where(i => i.InstrumentId == instrumentId && i.Version == version)
            .Select(i => i.Json).SingleOrDefaultAsync(cancellationToken);
        return json is null ? null : Parse(json);
    }

    /// <summary>
    /// Adds a version from a partnership's JSON, or returns every problem: what Core's validation finds, and a
    /// version that is not newer than the ones stored for the same instrument id. Saves when it adds.
    /// </summary>
    public async Task<(ScreeningInstrument? Added, IReadOnlyList<string> Problems)> AddAsync(string json, Guid addedBy, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(json);
        var (instrument, problems) = ScreeningJson.ReadInstrument(json);
        if (instrument is null)
        {
            return (null, problems);
        }
        await CurrentAsync(cancellationToken); // the default is stored before anything replaces it
        var highest = await db.ScreeningInstruments.Where(i => i.InstrumentId == instrument.Id).MaxAsync(i => (int?)i.Version, cancellationToken);
        if (highest >= instrument.Version)
        {
            return (null, [$"Version {instrument.Version} of '{instrument.Id}' is not new: version {highest} is stored. Give this version a higher number."]);
        }
        db.ScreeningInstruments.Add(Row(instrument, json, addedBy));
        await db.SaveChangesAsync(cancellationToken);
        return (instrument, []);
    }

    /// <summary>A stored instrument: it validated when it was added, so it reads.</summary>
    public static ScreeningInstrument Parse(string json) =>
        JsonSerializer.Deserialize<ScreeningInstrument>(json, ScreeningJson.Options) ?? throw new InvalidOperationException("A stored instrument is empty.");

    private ScreeningInstrumentVersion Row(ScreeningInstrument instrument, string json, Guid? addedBy) => new()
    {
        InstrumentId = instrument.Id,
        Version = instrument.Version,
        Name = instrument.Name,
        Json = json,
        AddedAt = db.Now,
        AddedByUserId = addedBy,
    };
}
