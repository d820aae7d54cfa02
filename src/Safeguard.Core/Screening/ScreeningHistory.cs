namespace Safeguard.Core.Screening;

/// <summary>
/// One entry in a child's screening history: a scored screening, or a professional override of the latest one.
/// <see cref="Band"/> is the band in force from this entry on; <see cref="OverrideRationale"/> is set only for
/// overrides.
/// </summary>
public sealed record ScreeningEntry(DateTimeOffset At, string By, ScreeningResult Result, ScreeningBand Band, string? OverrideRationale)
{
    public bool IsOverride => OverrideRationale is not null;
}

/// <summary>
/// A child's screenings in the order they were made. Adding a screening or an override appends a new entry and
/// returns a new history: nothing earlier is changed, so the history shows what was believed when.
/// </summary>
public sealed record ScreeningHistory(IReadOnlyList<ScreeningEntry> Entries)
{
    public static ScreeningHistory Empty { get; } = new([]);

    public ScreeningEntry? Current => Entries.Count == 0 ? null : Entries[^1];

    /// <summary>When the next screening is due: from the latest scored screening (an override does not move it).</summary>
    public DateOnly? RescreenDue => Current?.Result.RescreenDue;

    public ScreeningHistory Add(ScreeningResult result, DateTimeOffset at, string by)
    {
        ArgumentNullException.ThrowIfNull(result);
        return new([.. Entries, new ScreeningEntry(at, by, result, result.Band, null)]);
    }

    /// <summary>
    /// Problems with overriding the current band: there must be a screening, the band must exist in the instrument
    /// it was scored with and differ from the band in force, and a rationale must be given.
    /// </summary>
    public IReadOnlyList<string> CheckOverride(ScreeningInstrument instrument, string bandId, string? rationale)
    {
        ArgumentNullException.ThrowIfNull(instrument);
        var problems = new List<string>();
        if (Current is not { } current)
        {
            problems.Add("There is no screening to override.");
            return problems;
        }
        if (instrument.Id != current.Result.InstrumentId || instrument.Version != current.Result.InstrumentVersion)
        {
            problems.Add($"The screening was scored with {current.Result.InstrumentId} version {current.Result.InstrumentVersion}, not {instrument.Id} version {instrument.Version}.");
        }
        else if (instrument.FindBand(bandId) is null)
        {
            problems.Add($"There is no band '{bandId}' in {instrument.Id} version {instrument.Version}.");
        }
        else if (current.Band.Id == bandId)
        {
            problems.Add($"The band is already '{bandId}': an override must change it.");
        }
        if (string.IsNullOrWhiteSpace(rationale))
        {
            problems.Add("An override needs a rationale: record the professional judgement that changes the band.");
        }
        return problems;
    }

    /// <summary>Overrides the band by professional judgement. Throws <see cref="ArgumentException"/> with every problem <see cref="CheckOverride"/> finds.</summary>
    public ScreeningHistory Override(ScreeningInstrument instrument, string bandId, string rationale, DateTimeOffset at, string by)
    {
        var problems = CheckOverride(instrument, bandId, rationale);
        if (problems.Count > 0)
        {
            throw new ArgumentException(string.Join(" ", problems), nameof(rationale));
        }
        var current = Current!;
        return new([.. Entries, new ScreeningEntry(at, by, current.Result, instrument.FindBand(bandId)!, rationale.Trim())]);
    }
}
