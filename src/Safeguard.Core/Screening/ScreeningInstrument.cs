using System.Globalization;

namespace Safeguard.Core.Screening;

/// <summary>Points for an item by how recently it last happened: within <see cref="WithinMonths"/> months of the screening (inclusive), or at any time when null.</summary>
public sealed record RecencyPoints(int Points, int? WithinMonths = null);

public sealed record ScreeningDomain(string Id, string Name);

/// <summary>
/// One question of an instrument. Points are tiers tried in order (most recent first); the first window the
/// item's most recent occurrence falls in gives its points, none gives 0. A high-risk item present for a young
/// child is a potential sign of exploitation whatever the score.
/// </summary>
public sealed record ScreeningItem(string Id, string DomainId, string Text, IReadOnlyList<RecencyPoints> Points, bool HighRisk = false);

/// <summary>A rule that sets the band to at least <see cref="BandId"/> when any of its items is present, whatever the score.</summary>
public sealed record AutomaticRule(string Id, string Description, IReadOnlyList<string> AnyOfItems, string BandId);

/// <summary>A band of scores, <see cref="MinScore"/> to <see cref="MaxScore"/> inclusive; the top band is open (<see cref="MaxScore"/> null).</summary>
public sealed record ScreeningBand(string Id, string Name, int MinScore, int? MaxScore)
{
    public bool Contains(int score) => score >= MinScore && (MaxScore is null || score <= MaxScore);

    public override string ToString() => MaxScore is { } max
        ? $"'{Id}' ({MinScore}–{max})"
        : $"'{Id}' ({MinScore}+)";
}

/// <summary>
/// A screening tool as data that a partnership can adapt: a new version is a new instrument, and results keep the
/// id and version they were scored with. Use <see cref="Validate"/> before accepting one.
/// </summary>
/// <param name="YoungChildMaxAge">A child of this age or under with any high-risk item present shows a potential sign.</param>
/// <param name="RescreenMonths">Re-screening is due this many months after a screening.</param>
public sealed record ScreeningInstrument(
    string Id,
    int Version,
    string Name,
    IReadOnlyList<ScreeningDomain> Domains,
    IReadOnlyList<ScreeningItem> Items,
    IReadOnlyList<AutomaticRule> AutomaticRules,
    IReadOnlyList<ScreeningBand> Bands,
    int YoungChildMaxAge = 13,
    int RescreenMonths = 3)
{
    /// <summary>Bands from lowest to highest score.</summary>
    public IEnumerable<ScreeningBand> BandsInOrder => Bands.OrderBy(b => b.MinScore);

    public ScreeningBand BandFor(int score) => Bands.First(b => b.Contains(score));

    public ScreeningBand? FindBand(string id) => Bands.FirstOrDefault(b => b.Id == id);

    public ScreeningItem? FindItem(string id) => Items.FirstOrDefault(i => i.Id == id);

    /// <summary>Every problem that stops this instrument being used, each naming what is wrong; empty when valid.</summary>
    public IReadOnlyList<string> Validate()
    {
        var problems = new List<string>();
        if (string.IsNullOrWhiteSpace(Id))
        {
            problems.Add("The instrument has no id.");
        }
        if (string.IsNullOrWhiteSpace(Name))
        {
            problems.Add("The instrument has no name.");
        }
        if (Version < 1)
        {
            problems.Add($"Version {Version} is not valid: versions start at 1.");
        }
        if (YoungChildMaxAge is < 0 or > 17)
        {
            problems.Add($"The young-child age {YoungChildMaxAge} is not a child's age (0 to 17).");
        }
        if (RescreenMonths < 1)
        {
            problems.Add($"Re-screening every {RescreenMonths} months is not possible: it must be at least 1.");
        }
        if (Domains is null || Items is null || AutomaticRules is null || Bands is null)
        {
            problems.Add("The instrument must list domains, items, automatic rules and bands (each may be empty only where said).");
            return problems;
        }

        AddDuplicates(problems, "domain", Domains.Select(d => d.Id));
        AddDuplicates(problems, "item", Items.Select(i => i.Id));
        AddDuplicates(problems, "automatic rule", AutomaticRules.Select(r => r.Id));
        AddDuplicates(problems, "band", Bands.Select(b => b.Id));

        var domainIds = Domains.Select(d => d.Id).ToHashSet(StringComparer.Ordinal);
        if (Items.Count == 0)
        {
            problems.Add("The instrument has no items.");
        }
        foreach (var item in Items)
        {
            ValidateItem(item, domainIds, problems);
        }

        var itemIds = Items.Select(i => i.Id).ToHashSet(StringComparer.Ordinal);
        var bandIds = Bands.Select(b => b.Id).ToHashSet(StringComparer.Ordinal);
        foreach (var rule in AutomaticRules)
        {
            if (rule.AnyOfItems is null || rule.AnyOfItems.Count == 0)
            {
                problems.Add($"Automatic rule '{rule.Id}' names no items.");
            }
            foreach (var unknown in (rule.AnyOfItems ?? []).Where(id => !itemIds.Contains(id)))
            {
                problems.Add($"Automatic rule '{rule.Id}' refers to unknown item '{unknown}'.");
            }
            if (!bandIds.Contains(rule.BandId))
            {
                problems.Add($"Automatic rule '{rule.Id}' refers to unknown band '{rule.BandId}'.");
            }
        }

        ValidateBands(problems);
        return problems;
    }

    private static void ValidateItem(ScreeningItem item, HashSet<string> domainIds, List<string> problems)
    {
        if (string.IsNullOrWhiteSpace(item.Id))
        {
            problems.Add($"An item has no id (text: '{item.Text}').");
        }
        if (string.IsNullOrWhiteSpace(item.Text))
        {
            problems.Add($"Item '{item.Id}' has no text.");
        }
        if (!domainIds.Contains(item.DomainId))
        {
            problems.Add($"Item '{item.Id}' refers to unknown domain '{item.DomainId}'.");
        }
        if (item.Points is null || item.Points.Count == 0)
        {
            problems.Add($"Item '{item.Id}' has no points.");
            return;
        }
        for (var i = 0; i < item.Points.Count; i++)
        {
            var tier = item.Points[i];
            if (tier.Points < 0)
            {
                problems.Add($"Item '{item.Id}' gives {tier.Points} points: points cannot be negative.");
            }
            if (tier.WithinMonths is < 1)
            {
                problems.Add($"Item '{item.Id}' has a recency window of {tier.WithinMonths} months: it must be at least 1.");
            }
            if (tier.WithinMonths is null && i < item.Points.Count - 1)
            {
                problems.Add($"Item '{item.Id}' has an 'any time' tier before other tiers: it must come last.");
            }
            if (i > 0 && tier.WithinMonths is { } window && item.Points[i - 1].WithinMonths is { } previous && window <= previous)
            {
                problems.Add($"Item '{item.Id}' has recency windows out of order: {previous} months then {window} months.");
            }
        }
    }

    private void ValidateBands(List<string> problems)
    {
        var bands = BandsInOrder.ToList();
        if (bands.Count == 0)
        {
            problems.Add("The instrument has no bands.");
            return;
        }
        foreach (var band in bands.Where(b => b.MaxScore < b.MinScore))
        {
            problems.Add($"Band {band} ends before it starts.");
        }
        if (bands[0].MinScore != 0)
        {
            problems.Add($"Bands leave a gap: no band for scores 0–{bands[0].MinScore - 1}.");
        }
        for (var i = 1; i < bands.Count; i++)
        {
            var previous = bands[i - 1];
            var band = bands[i];
            if (previous.MaxScore is not { } previousMax)
            {
                problems.Add($"Band {previous} is open-ended but band {band} comes after it: they overlap.");
            }
            else if (band.MinScore <= previousMax)
            {
                problems.Add($"Band {previous} overlaps band {band}.");
            }
            else if (band.MinScore > previousMax + 1)
            {
                problems.Add($"Bands leave a gap: no band for scores {(previousMax + 1).ToString(CultureInfo.InvariantCulture)}–{(band.MinScore - 1).ToString(CultureInfo.InvariantCulture)}.");
            }
        }
        if (bands[^1].MaxScore is { } top)
        {
            problems.Add($"Bands leave a gap: no band for scores above {top} (the top band must be open-ended).");
        }
    }

    private static void AddDuplicates(List<string> problems, string kind, IEnumerable<string> ids)
    {
        foreach (var id in ids.GroupBy(id => id, StringComparer.Ordinal).Where(g => g.Count() > 1).Select(g => g.Key))
        {
            problems.Add($"The {kind} id '{id}' is used more than once.");
        }
    }
}
