namespace Safeguard.Core.Intelligence;

/// <summary>One routing of an item to an agency, as the figures need it: the outcomes recorded on it (none yet, or several), and whether it is overdue now.</summary>
public sealed record RoutingFacts<TAgency>(TAgency Agency, IReadOnlyCollection<OutcomeKind> Outcomes, bool Overdue);

/// <summary>
/// How much of the information passed to one agency led to action. Each routing counts once, under the most
/// that came of it: <see cref="LedToAction"/> if any action was recorded, else <see cref="CorroboratedOnly"/> if it
/// was checked against what the agency holds, else <see cref="NoAction"/> for a recorded decision to take none;
/// <see cref="Awaiting"/> has nothing recorded yet, and <see cref="Overdue"/> is the part of it past its deadline.
/// </summary>
public sealed record AgencyResponse<TAgency>(TAgency Agency, int Routed, int LedToAction, int CorroboratedOnly, int NoAction, int Awaiting, int Overdue)
{
    /// <summary>Share of routed items that led to action, or null when nothing was routed.</summary>
    public double? ActionRate => Routed == 0 ? null : (double)LedToAction / Routed;
}

/// <summary>Suspects at each stage of disruption. Each stage counts suspects who reached it, so the numbers only fall from left to right.</summary>
public sealed record DisruptionFunnel(int Identified, int Disrupted, int Charged, int Convicted);

/// <summary>One identified suspect, as the funnel needs them.</summary>
public sealed record SuspectProgress(bool Disrupted, bool Charged, bool Convicted);

public static class IntelligenceFigures
{
    public static IReadOnlyList<AgencyResponse<TAgency>> ByAgency<TAgency>(IEnumerable<RoutingFacts<TAgency>> routings)
        where TAgency : notnull
    {
        ArgumentNullException.ThrowIfNull(routings);
        return [.. routings.GroupBy(r => r.Agency).Select(g => new AgencyResponse<TAgency>(
            g.Key,
            Routed: g.Count(),
            LedToAction: g.Count(r => r.Outcomes.Contains(OutcomeKind.ActionTaken)),
            CorroboratedOnly: g.Count(r => !r.Outcomes.Contains(OutcomeKind.ActionTaken) && r.Outcomes.Contains(OutcomeKind.Corroborated)),
            NoAction: g.Count(r => r.Outcomes.Count > 0 && r.Outcomes.All(o => o == OutcomeKind.NoAction)),
            Awaiting: g.Count(r => r.Outcomes.Count == 0),
            Overdue: g.Count(r => r.Outcomes.Count == 0 && r.Overdue)))];
    }

    /// <summary>
    /// The funnel. A conviction implies a charge, and a charge implies disruption (arrest and charge is a
    /// disruption tactic), so a suspect recorded as convicted counts at every stage even if the steps before
    /// were not recorded separately.
    /// </summary>
    public static DisruptionFunnel Funnel(IEnumerable<SuspectProgress> suspects)
    {
        ArgumentNullException.ThrowIfNull(suspects);
        int identified = 0, disrupted = 0, charged = 0, convicted = 0;
        foreach (var s in suspects)
        {
            identified++;
            convicted += s.Convicted ? 1 : 0;
            charged += s.Charged || s.Convicted ? 1 : 0;
            disrupted += s.Disrupted || s.Charged || s.Convicted ? 1 : 0;
        }
        return new DisruptionFunnel(identified, disrupted, charged, convicted);
    }
}
