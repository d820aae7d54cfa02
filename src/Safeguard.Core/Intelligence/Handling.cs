namespace Safeguard.Core.Intelligence;

/// <summary>What a viewer may see of an intelligence item, from least to most.</summary>
public enum ItemVisibility
{
    /// <summary>Not even that the item exists (the page answers 404).</summary>
    None,

    /// <summary>The submitter's own words and where the item stands; not the grade, the routing or anything added.</summary>
    OwnSubmission,

    /// <summary>The sanitised version the intelligence unit prepared for partners, with the grade and conditions.</summary>
    Sanitised,

    /// <summary>The original text, with the grade and conditions (police recipients, and partners for handling P without a sanitised version).</summary>
    Original,

    /// <summary>Everything, including who the source is: the intelligence unit.</summary>
    Everything,
}

/// <summary>What a recipient records to say what became of an item.</summary>
public enum OutcomeKind
{
    /// <summary>Action was taken on it: what counts as "led to action".</summary>
    ActionTaken,

    /// <summary>Checked against what the agency holds: corroborated or not, and fed back.</summary>
    Corroborated,

    /// <summary>A recorded decision to take no action, with the reason.</summary>
    NoAction,
}

/// <summary>The item's side of the rules: its grade (null until graded) and the state of its sanitised version.</summary>
/// <param name="SanitisedCleared">The sanitised version may be released: always true for S1 once written; for S2
/// only once the originator has been consulted and that is recorded.</param>
public sealed record ItemHandling(Grade? Grade, bool HasSanitisedVersion, bool SanitisedCleared);

/// <summary>The viewer's side: their role and their agency's relation to the item.</summary>
public sealed record Viewer(bool IsIntelligenceUnit, bool IsSubmitter, bool RoutedToViewersAgency, bool ViewersAgencyIsPolice);

/// <summary>What the viewer sees, which outcomes they may record, and the instruction shown with the item.</summary>
public sealed record ItemView(ItemVisibility Visibility, IReadOnlyList<OutcomeKind> MayRecord, string? Instruction)
{
    public bool MayRecordOutcome => MayRecord.Count > 0;
}

/// <summary>
/// Handling conditions, enforced: who sees which version of an item and what they may do with it, decided on
/// every read from the grade as it stands now (a re-grade takes effect at once, even for items already routed),
/// and which routings the grade allows. docs/intelligence.md sets the rules out as a table.
/// </summary>
public static class Handling
{
    private static readonly OutcomeKind[] s_all = [OutcomeKind.ActionTaken, OutcomeKind.Corroborated, OutcomeKind.NoAction];
    private static readonly OutcomeKind[] s_corroborateOnly = [OutcomeKind.Corroborated, OutcomeKind.NoAction];

    public static ItemView View(ItemHandling item, Viewer viewer)
    {
        ArgumentNullException.ThrowIfNull(item);
        ArgumentNullException.ThrowIfNull(viewer);
        if (viewer.IsIntelligenceUnit)
        {
            // The unit closes items it does not route with a decision of its own.
            return new ItemView(ItemVisibility.Everything, s_all, item.Grade is { } g ? Instruction(g, viewer) : null);
        }
        var routed = viewer.RoutedToViewersAgency && item.Grade is { } grade ? RoutedView(item, grade, viewer) : null;
        if (routed is not null)
        {
            return routed;
        }
        return viewer.IsSubmitter
            ? new ItemView(ItemVisibility.OwnSubmission, [], null)
            : new ItemView(ItemVisibility.None, [], null);
    }

    private static ItemView? RoutedView(ItemHandling item, Grade grade, Viewer viewer)
    {
        var outcomes = grade.Action == ActionCode.A1 ? s_corroborateOnly : s_all;
        var instruction = Instruction(grade, viewer);
        if (viewer.ViewersAgencyIsPolice)
        {
            return new ItemView(ItemVisibility.Original, outcomes, instruction);
        }
        if (grade.Handling == HandlingCode.P)
        {
            return new ItemView(item.HasSanitisedVersion && item.SanitisedCleared ? ItemVisibility.Sanitised : ItemVisibility.Original, outcomes, instruction);
        }
        // Handling C outside the police: only a released sanitised version, and never covert-only intelligence.
        if (grade.Action == ActionCode.A2 || !item.HasSanitisedVersion || !item.SanitisedCleared)
        {
            return null;
        }
        return new ItemView(ItemVisibility.Sanitised, outcomes, instruction);
    }

    private static string? Instruction(Grade grade, Viewer viewer) => grade.Action switch
    {
        ActionCode.A1 => "A1: corroborate only. Do not act on this information without asking the intelligence unit first; record what you found.",
        ActionCode.A2 => viewer.IsIntelligenceUnit || viewer.ViewersAgencyIsPolice
            ? "A2: covert action only. This information must not be used as evidence or disclosed."
            : null,
        ActionCode.A3 => "A3: overt action permitted.",
        _ => null,
    };

    /// <summary>
    /// Why the item may not be routed to an agency under its grade, or empty when it may. Every reason names
    /// the rule and what would satisfy it.
    /// </summary>
    public static IReadOnlyList<string> RoutingProblems(ItemHandling item, string agencyName, bool agencyIsPolice)
    {
        ArgumentNullException.ThrowIfNull(item);
        if (item.Grade is not { } grade)
        {
            return ["Grade the intelligence before routing it"];
        }
        if (agencyIsPolice || grade.Handling == HandlingCode.P)
        {
            return [];
        }
        var problems = new List<string>();
        if (grade.Action == ActionCode.A2)
        {
            problems.Add($"A2 allows covert action only, which only police can take: {agencyName} cannot receive it. Route it to a police agency, or change the action code");
        }
        if (!item.HasSanitisedVersion)
        {
            problems.Add($"Handling C: partners see only a sanitised version. Write one before routing to {agencyName}");
        }
        else if (!item.SanitisedCleared)
        {
            problems.Add($"S2: consult the originator about the sanitised version and record that you did before routing to {agencyName}");
        }
        return problems;
    }

    /// <summary>Why a viewer may not record this outcome, or null when they may.</summary>
    public static string? OutcomeProblem(ItemView view, OutcomeKind outcome)
    {
        ArgumentNullException.ThrowIfNull(view);
        if (view.MayRecord.Contains(outcome))
        {
            return null;
        }
        return view.MayRecordOutcome
            ? "A1: corroborate only. Ask the intelligence unit before acting; record what you found as corroboration, or a decision to take no action"
            : "You cannot record an outcome for this intelligence";
    }

    /// <summary>Whether a sanitised version may be released: S2 needs the originator consulted first.</summary>
    public static bool SanitisedCleared(Grade? grade, bool hasSanitisedVersion, bool originatorConsulted) =>
        hasSanitisedVersion && (grade?.Sanitisation != SanitisationCode.S2 || originatorConsulted);
}
