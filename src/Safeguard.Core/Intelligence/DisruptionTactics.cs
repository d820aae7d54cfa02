namespace Safeguard.Core.Intelligence;

/// <summary>A disruption tactic a plan may use: a stable code (stored on plans) and the name shown.</summary>
public sealed record DisruptionTactic(string Code, string Name);

public enum TacticStatus
{
    Planned,
    InProgress,

    /// <summary>Carried out (the notice served, the order made, the review held): the suspect has been disrupted.</summary>
    Done,

    /// <summary>Decided against or not possible, with the reason in the outcome.</summary>
    NotPursued,
}

/// <summary>
/// The catalogue of disruption tactics, from the Home Office child exploitation disruption toolkit and local
/// guidance (shared/domain/REFERENCE.md). A partnership replaces or extends it in configuration
/// (Disruption:Tactics); codes stored on plans must stay in the catalogue for as long as plans use them.
/// </summary>
public static class DisruptionTactics
{
    public static IReadOnlyList<DisruptionTactic> Defaults { get; } =
    [
        new("child-abduction-warning-notice", "Child Abduction Warning Notice"),
        new("letter-to-person-of-concern", "Letter to a person of concern"),
        new("sexual-risk-order", "Sexual Risk Order"),
        new("sexual-harm-prevention-order", "Sexual Harm Prevention Order"),
        new("premises-closure", "Closure notice or order for premises"),
        new("hotel-notice", "Hotel and guest-information notice"),
        new("slavery-trafficking-order", "Slavery and Trafficking Prevention or Risk Order"),
        new("criminal-behaviour-order", "Criminal Behaviour Order"),
        new("community-protection-notice", "Community Protection Notice"),
        new("civil-injunction", "Civil injunction"),
        new("child-protection-recovery", "Police protection or recovery order for the child"),
        new("licensing-review", "Taxi or premises licensing review"),
        new("arrest-and-charge", "Arrest and prosecution"),
    ];

    /// <summary>Every problem with a configured catalogue; empty when it can be used.</summary>
    public static IReadOnlyList<string> Validate(IReadOnlyList<DisruptionTactic> catalogue)
    {
        ArgumentNullException.ThrowIfNull(catalogue);
        var problems = new List<string>();
        if (catalogue.Count == 0)
        {
            problems.Add("The disruption tactics catalogue is empty: plans need tactics to choose from.");
        }
        var seen = new HashSet<string>(StringComparer.Ordinal);
        for (var i = 0; i < catalogue.Count; i++)
        {
            var tactic = catalogue[i];
            if (string.IsNullOrWhiteSpace(tactic.Code) || !tactic.Code.All(c => char.IsAsciiLetterLower(c) || char.IsAsciiDigit(c) || c == '-'))
            {
                problems.Add($"Tactic {i + 1} has code '{tactic.Code}': codes are lower-case letters, digits and hyphens.");
            }
            else if (!seen.Add(tactic.Code))
            {
                problems.Add($"Tactic code '{tactic.Code}' appears more than once.");
            }
            if (string.IsNullOrWhiteSpace(tactic.Name))
            {
                problems.Add($"Tactic {i + 1} ('{tactic.Code}') has no name.");
            }
        }
        return problems;
    }

    public static string Describe(TacticStatus status) => status switch
    {
        TacticStatus.Planned => "Planned",
        TacticStatus.InProgress => "In progress",
        TacticStatus.Done => "Done",
        _ => "Not pursued",
    };
}
