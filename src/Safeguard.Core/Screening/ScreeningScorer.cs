namespace Safeguard.Core.Screening;

/// <summary>Whether an answer rests on evidence or on professional concern ("gut feeling"); recorded separately.</summary>
public enum EvidenceBasis
{
    Evidence,
    ProfessionalConcern,
}

/// <summary>
/// The answer to one item. An item not answered, or answered not present, scores nothing. <see cref="MostRecent"/>
/// is when it last happened; when it is not known, the item is scored as recent (the child is believed: not
/// knowing when must not lower the score).
/// </summary>
public sealed record ScreeningAnswer(string ItemId, bool Present, DateOnly? MostRecent = null, EvidenceBasis Basis = EvidenceBasis.Evidence);

/// <summary>What one present item added to the score, and why, so the page can explain the result.</summary>
public sealed record ItemContribution(string ItemId, string DomainId, string Text, int Points, EvidenceBasis Basis, DateOnly? MostRecent, string Explanation);

public sealed record TriggeredRule(string RuleId, string Description, string BandId, IReadOnlyList<string> ItemIds);

/// <summary>
/// A scored screening. <see cref="Score"/> counts evidence and professional concern alike;
/// <see cref="EvidenceScore"/> and <see cref="ProfessionalConcernScore"/> split it so the page shows how much rests
/// on each. <see cref="Band"/> is <see cref="ScoreBand"/> raised by any automatic rule. <see cref="PotentialSign"/>
/// is true for a child at or under the instrument's young-child age with any high-risk item present.
/// </summary>
public sealed record ScreeningResult(
    string InstrumentId,
    int InstrumentVersion,
    DateOnly ScreenedOn,
    int AgeInYears,
    int Score,
    int EvidenceScore,
    int ProfessionalConcernScore,
    ScreeningBand ScoreBand,
    ScreeningBand Band,
    IReadOnlyList<TriggeredRule> AutomaticRules,
    IReadOnlyList<ItemContribution> Contributions,
    bool PotentialSign,
    IReadOnlyList<string> HighRiskItemsPresent,
    DateOnly RescreenDue);

public static class ScreeningScorer
{
    /// <summary>
    /// Problems with scoring these answers: an instrument that does not validate, answers to unknown or repeated
    /// items, dates after the screening, an age that is not a child's.
    /// </summary>
    public static IReadOnlyList<string> CheckAnswers(ScreeningInstrument instrument, IEnumerable<ScreeningAnswer> answers, int ageInYears, DateOnly screenedOn)
    {
        ArgumentNullException.ThrowIfNull(instrument);
        ArgumentNullException.ThrowIfNull(answers);
        var problems = new List<string>(instrument.Validate());
        if (ageInYears is < 0 or > 17)
        {
            problems.Add($"Age {ageInYears} is not a child's age (0 to 17).");
        }
        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (var answer in answers)
        {
            if (instrument.FindItem(answer.ItemId) is null)
            {
                problems.Add($"The answer to '{answer.ItemId}' is for an item that {instrument.Id} version {instrument.Version} does not have.");
            }
            if (!seen.Add(answer.ItemId))
            {
                problems.Add($"Item '{answer.ItemId}' is answered more than once.");
            }
            if (answer.Present && answer.MostRecent > screenedOn)
            {
                problems.Add($"Item '{answer.ItemId}' last happened on {answer.MostRecent:yyyy-MM-dd}, after the screening date {screenedOn:yyyy-MM-dd}.");
            }
        }
        return problems;
    }

    /// <summary>Scores answers. Throws <see cref="ArgumentException"/> with every problem when <see cref="CheckAnswers"/> finds any.</summary>
    public static ScreeningResult Score(ScreeningInstrument instrument, IReadOnlyCollection<ScreeningAnswer> answers, int ageInYears, DateOnly screenedOn)
    {
        var problems = CheckAnswers(instrument, answers, ageInYears, screenedOn);
        if (problems.Count > 0)
        {
            throw new ArgumentException(string.Join(" ", problems), nameof(answers));
        }

        var answered = answers.Where(a => a.Present).ToDictionary(a => a.ItemId, StringComparer.Ordinal);
        var contributions = instrument.Items
            .Where(item => answered.ContainsKey(item.Id))
            .Select(item => Contribution(item, answered[item.Id], screenedOn))
            .ToList();
        var presentIds = contributions.Select(c => c.ItemId).ToHashSet(StringComparer.Ordinal);
        var score = contributions.Sum(c => c.Points);
        var scoreBand = instrument.BandFor(score);

        var triggered = instrument.AutomaticRules
            .Where(r => r.AnyOfItems.Any(presentIds.Contains))
            .Select(r => new TriggeredRule(r.Id, r.Description, r.BandId, [.. r.AnyOfItems.Where(presentIds.Contains)]))
            .ToList();
        // Automatic rules raise the band, never lower it.
        var band = triggered
            .Select(r => instrument.FindBand(r.BandId)!)
            .Append(scoreBand)
            .MaxBy(b => b.MinScore)!;

        var highRisk = instrument.Items.Where(i => i.HighRisk && presentIds.Contains(i.Id)).Select(i => i.Id).ToList();
        return new ScreeningResult(
            instrument.Id,
            instrument.Version,
            screenedOn,
            ageInYears,
            score,
            contributions.Where(c => c.Basis == EvidenceBasis.Evidence).Sum(c => c.Points),
            contributions.Where(c => c.Basis == EvidenceBasis.ProfessionalConcern).Sum(c => c.Points),
            scoreBand,
            band,
            triggered,
            contributions,
            PotentialSign: ageInYears <= instrument.YoungChildMaxAge && highRisk.Count > 0,
            highRisk,
            RescreenDue(instrument, screenedOn));
    }

    public static DateOnly RescreenDue(ScreeningInstrument instrument, DateOnly screenedOn)
    {
        ArgumentNullException.ThrowIfNull(instrument);
        return screenedOn.AddMonths(instrument.RescreenMonths);
    }

    /// <summary>A child's age in whole years on a date. Someone born on 29 February is a year older on 1 March in other years (as in English law).</summary>
    public static int AgeOn(DateOnly dateOfBirth, DateOnly on)
    {
        var age = on.Year - dateOfBirth.Year;
        var birthdayNotYetReached = on.Month < dateOfBirth.Month || (on.Month == dateOfBirth.Month && on.Day < dateOfBirth.Day);
        return birthdayNotYetReached ? age - 1 : age;
    }

    private static ItemContribution Contribution(ScreeningItem item, ScreeningAnswer answer, DateOnly screenedOn)
    {
        var (points, explanation) = PointsFor(item, answer.MostRecent, screenedOn);
        return new ItemContribution(item.Id, item.DomainId, item.Text, points, answer.Basis, answer.MostRecent, explanation);
    }

    private static (int Points, string Explanation) PointsFor(ScreeningItem item, DateOnly? mostRecent, DateOnly screenedOn)
    {
        var first = item.Points[0];
        if (mostRecent is null && first.WithinMonths is not null)
        {
            return (first.Points, $"{first.Points} (when it last happened is not known, so it counts as within {first.WithinMonths} months)");
        }
        foreach (var tier in item.Points)
        {
            if (tier.WithinMonths is not { } months)
            {
                return (tier.Points, $"{tier.Points}");
            }
            if (mostRecent >= screenedOn.AddMonths(-months))
            {
                return (tier.Points, $"{tier.Points} (last happened within {months} months)");
            }
        }
        return (0, $"0 (last happened more than {item.Points[^1].WithinMonths} months ago)");
    }
}
