using Microsoft.EntityFrameworkCore;
using Safeguard.Core;
using Safeguard.Core.Matching;
using Safeguard.Web.Data;
using Safeguard.Web.Data.Model;

namespace Safeguard.Web.Features.Matching;

/// <summary>
/// The model the application scores with: the latest version trained from the store (`./safeguard match train`), or,
/// until there is one, the default shipped inside the assembly (docs/adr/0008). Every call asks the database which
/// version is latest, so every instance uses the same one; the parsed model is kept per version id, which is the only
/// matching state held in memory.
/// </summary>
public sealed class MatchModels(ILogger<MatchModels> logger)
{
    public const string DefaultResource = "Safeguard.Web.default-match-model.json";

    private readonly Lazy<MatchModel> _default = new(LoadDefault);
    private Loaded? _loaded;

    /// <param name="Version">The trained version; null for the shipped default.</param>
    public sealed record Current(Id<MatchModelVersion>? Version, MatchModel Model);

    /// <param name="Readable">False when the stored model could not be read and the default stands in for it.</param>
    private sealed record Loaded(Id<MatchModelVersion> Version, MatchModel Model, bool Readable = true);

    public MatchModel Default => _default.Value;

    public async Task<Current> CurrentAsync(SafeguardDbContext db, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(db);
        var latest = await db.MatchModelVersions.AsNoTracking().OrderByDescending(v => v.CreatedAt).ThenByDescending(v => v.Id)
            .Select(v => (Id<MatchModelVersion>?)v.Id).FirstOrDefaultAsync(cancellationToken);
        if (latest is not { } version)
        {
            return new Current(null, Default);
        }
        if (Volatile.Read(ref _loaded) is { } loaded && loaded.Version == version)
        {
            return new Current(loaded.Readable ? version : null, loaded.Model);
        }
        var json = await db.MatchModelVersions.AsNoTracking().Where(v => v.Id == version).Select(v => v.Json).SingleAsync(cancellationToken);
        MatchModel model;
        try
        {
            model = MatchModel.FromJson(json);
        }
        catch (FormatException e)
        {
            // A model trained by an earlier version (another format or other comparison levels): intake must go on,
            // so the shipped default is used until the partnership trains again (README: match train).
            logger.LogWarning("Stored matching model {Version} cannot be read by this version ({Reason}); using the shipped default until `match train` is run", version, e.Message);
            Volatile.Write(ref _loaded, new Loaded(version, Default, Readable: false));
            return new Current(null, Default);
        }
        Volatile.Write(ref _loaded, new Loaded(version, model));
        return new Current(version, model);
    }

    private static MatchModel LoadDefault()
    {
        using var stream = typeof(MatchModels).Assembly.GetManifestResourceStream(DefaultResource)
            ?? throw new InvalidOperationException($"The default matching model ({DefaultResource}) is missing from the assembly.");
        using var reader = new StreamReader(stream);
        return MatchModel.FromJson(reader.ReadToEnd());
    }
}
