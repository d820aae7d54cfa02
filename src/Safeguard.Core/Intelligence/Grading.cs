namespace Safeguard.Core.Intelligence;

/// <summary>3x5x2, first dimension: how far the source can be relied on.</summary>
public enum SourceEvaluation
{
    Reliable = 1,
    Untested = 2,
    NotReliable = 3,
}

/// <summary>3x5x2, second dimension: how the source came to know the information.</summary>
public enum IntelligenceAssessment
{
    /// <summary>A: known directly to the source.</summary>
    A,

    /// <summary>B: known indirectly to the source but corroborated.</summary>
    B,

    /// <summary>C: known indirectly to the source.</summary>
    C,

    /// <summary>D: not known.</summary>
    D,

    /// <summary>E: suspected to be false.</summary>
    E,
}

/// <summary>3x5x2, third dimension: whether the information may be shared, and on what terms.</summary>
public enum HandlingCode
{
    /// <summary>P: lawful sharing permitted.</summary>
    P,

    /// <summary>C: lawful sharing permitted with conditions, which are stated.</summary>
    C,
}

/// <summary>What a recipient of handling-C intelligence may do with it.</summary>
public enum ActionCode
{
    /// <summary>A1: corroborate only; ask the originator before acting on it.</summary>
    A1,

    /// <summary>A2: covert action only; it may not be used as evidence.</summary>
    A2,

    /// <summary>A3: overt action permitted.</summary>
    A3,
}

/// <summary>Whether handling-C intelligence may be sanitised for partners without going back to the originator.</summary>
public enum SanitisationCode
{
    /// <summary>S1: may be sanitised without supervision.</summary>
    S1,

    /// <summary>S2: consult the originator before sanitising.</summary>
    S2,
}

public enum IntelligencePriority
{
    Low,

    /// <summary>Time-critical.</summary>
    Medium,

    /// <summary>Threat to life, serious harm, imminent risk.</summary>
    High,
}

/// <summary>
/// A 3x5x2 grade: source, assessment and handling, with the conditions stated when handling is C. Only
/// <see cref="Grading.Parse"/> makes one, so a grade that exists is a grade the scheme allows. Grades are
/// categories, never percentages.
/// </summary>
public sealed record Grade
{
    internal Grade(SourceEvaluation source, IntelligenceAssessment assessment, HandlingCode handling, ActionCode? action,
        SanitisationCode? sanitisation, string? conditions)
    {
        Source = source;
        Assessment = assessment;
        Handling = handling;
        Action = action;
        Sanitisation = sanitisation;
        Conditions = conditions;
    }

    public SourceEvaluation Source { get; }

    public IntelligenceAssessment Assessment { get; }

    public HandlingCode Handling { get; }

    /// <summary>Set exactly when <see cref="Handling"/> is C.</summary>
    public ActionCode? Action { get; }

    /// <summary>Set exactly when <see cref="Handling"/> is C.</summary>
    public SanitisationCode? Sanitisation { get; }

    /// <summary>Any further conditions in words (handling C only).</summary>
    public string? Conditions { get; }

    /// <summary>The grade as analysts write it: "2B P", or "1A C (A1, S2)".</summary>
    public override string ToString() =>
        Handling == HandlingCode.P
            ? $"{(int)Source}{Assessment} P"
            : $"{(int)Source}{Assessment} C ({Action}, {Sanitisation})";
}

/// <summary>One field of a grade that is outside the scheme, and why; the message lists the values allowed.</summary>
public sealed record GradingError(GradingField Field, string Message);

public enum GradingField
{
    Source,
    Assessment,
    Handling,
    Action,
    Sanitisation,
    Conditions,
}

/// <summary>
/// The 3x5x2 scheme (College of Policing) as rules: what each code means, and which combinations are allowed.
/// Handling P carries no conditions; handling C must state them, as an action code and a sanitisation code
/// (the two that Safeguard enforces), with any further conditions in words.
/// </summary>
public static class Grading
{
    public const int MaxConditionsLength = 1000;

    public static string Describe(SourceEvaluation source) => source switch
    {
        SourceEvaluation.Reliable => "Reliable",
        SourceEvaluation.Untested => "Untested",
        _ => "Not reliable",
    };

    public static string Describe(IntelligenceAssessment assessment) => assessment switch
    {
        IntelligenceAssessment.A => "Known directly to the source",
        IntelligenceAssessment.B => "Known indirectly to the source but corroborated",
        IntelligenceAssessment.C => "Known indirectly to the source",
        IntelligenceAssessment.D => "Not known",
        _ => "Suspected to be false",
    };

    public static string Describe(HandlingCode handling) => handling == HandlingCode.P
        ? "Lawful sharing permitted"
        : "Lawful sharing permitted with conditions";

    public static string Describe(ActionCode action) => action switch
    {
        ActionCode.A1 => "Corroborate only: ask the originator before acting",
        ActionCode.A2 => "Covert action only: not to be used as evidence",
        _ => "Overt action permitted",
    };

    public static string Describe(SanitisationCode sanitisation) => sanitisation == SanitisationCode.S1
        ? "May be sanitised without supervision"
        : "Consult the originator before sanitising";

    public static string Describe(IntelligencePriority priority) => priority switch
    {
        IntelligencePriority.High => "High: threat to life, serious harm or imminent risk",
        IntelligencePriority.Medium => "Medium: time-critical",
        _ => "Low",
    };

    /// <summary>
    /// Reads a grade as typed or chosen (codes as analysts write them: "2", "b", "C", "a1", "S2"). Returns the
    /// grade, or every problem at once, each naming its field and listing the values the scheme allows.
    /// </summary>
    public static (Grade? Grade, IReadOnlyList<GradingError> Errors) Parse(string? source, string? assessment, string? handling,
        string? action = null, string? sanitisation = null, string? conditions = null)
    {
        var errors = new List<GradingError>();
        var sourceValue = ParseSource(source, errors);
        var assessmentValue = ParseCode<IntelligenceAssessment>(assessment, GradingField.Assessment, "Intelligence assessment",
            "A (known directly), B (known indirectly, corroborated), C (known indirectly), D (not known) or E (suspected false)", errors);
        var handlingValue = ParseCode<HandlingCode>(handling, GradingField.Handling, "Handling code",
            "P (lawful sharing permitted) or C (lawful sharing permitted with conditions)", errors);
        var actionValue = ParseOptionalCode<ActionCode>(action, GradingField.Action, "Action code",
            "A1 (corroborate only), A2 (covert action only) or A3 (overt action permitted)", errors);
        var sanitisationValue = ParseOptionalCode<SanitisationCode>(sanitisation, GradingField.Sanitisation, "Sanitisation code",
            "S1 (may be sanitised without supervision) or S2 (consult the originator)", errors);
        var conditionsText = string.IsNullOrWhiteSpace(conditions) ? null : conditions.Trim();
        if (conditionsText is { Length: > MaxConditionsLength })
        {
            errors.Add(new(GradingField.Conditions, $"Conditions must be {MaxConditionsLength:N0} characters or fewer"));
        }

        switch (handlingValue)
        {
            case HandlingCode.P:
                if (actionValue is not null || !string.IsNullOrWhiteSpace(action))
                {
                    errors.Add(new(GradingField.Action, "Handling P carries no action code: remove it, or choose handling C to set conditions"));
                }
                if (sanitisationValue is not null || !string.IsNullOrWhiteSpace(sanitisation))
                {
                    errors.Add(new(GradingField.Sanitisation, "Handling P carries no sanitisation code: remove it, or choose handling C to set conditions"));
                }
                if (conditionsText is not null)
                {
                    errors.Add(new(GradingField.Conditions, "Handling P carries no conditions: remove them, or choose handling C"));
                }
                break;
            case HandlingCode.C:
                if (string.IsNullOrWhiteSpace(action))
                {
                    errors.Add(new(GradingField.Action, "Handling C must state an action code: A1 (corroborate only), A2 (covert action only) or A3 (overt action permitted)"));
                }
                if (string.IsNullOrWhiteSpace(sanitisation))
                {
                    errors.Add(new(GradingField.Sanitisation, "Handling C must state a sanitisation code: S1 (may be sanitised without supervision) or S2 (consult the originator)"));
                }
                break;
            default:
                break;
        }

        if (errors.Count > 0)
        {
            return (null, errors);
        }
        return (new Grade(sourceValue!.Value, assessmentValue!.Value, handlingValue!.Value, actionValue, sanitisationValue, conditionsText), []);
    }

    private static SourceEvaluation? ParseSource(string? text, List<GradingError> errors)
    {
        const string Valid = "1 (reliable), 2 (untested) or 3 (not reliable)";
        var trimmed = text?.Trim();
        if (string.IsNullOrEmpty(trimmed))
        {
            errors.Add(new(GradingField.Source, $"Choose the source evaluation: {Valid}"));
            return null;
        }
        if (trimmed is "1" or "2" or "3")
        {
            return (SourceEvaluation)(trimmed[0] - '0');
        }
        errors.Add(new(GradingField.Source, $"Source evaluation must be {Valid}, not '{trimmed}'"));
        return null;
    }

    private static T? ParseCode<T>(string? text, GradingField field, string name, string valid, List<GradingError> errors)
        where T : struct, Enum
    {
        var trimmed = text?.Trim();
        if (string.IsNullOrEmpty(trimmed))
        {
            errors.Add(new(field, $"Choose the {name.ToLowerInvariant()}: {valid}"));
            return null;
        }
        return ParseOptionalCode<T>(trimmed, field, name, valid, errors);
    }

    private static T? ParseOptionalCode<T>(string? text, GradingField field, string name, string valid, List<GradingError> errors)
        where T : struct, Enum
    {
        var trimmed = text?.Trim();
        if (string.IsNullOrEmpty(trimmed))
        {
            return null;
        }
        // Only the names themselves: Enum.TryParse would also take numbers ("0" as A), which are not codes.
        foreach (var value in Enum.GetValues<T>())
        {
            if (string.Equals(value.ToString(), trimmed, StringComparison.OrdinalIgnoreCase))
            {
                return value;
            }
        }
        errors.Add(new(field, $"{name} must be {valid}, not '{trimmed}'"));
        return null;
    }

    /// <summary>Rebuilds a grade from stored codes (which were valid when stored); null if they no longer make one.</summary>
    public static Grade? FromStored(SourceEvaluation? source, IntelligenceAssessment? assessment, HandlingCode? handling,
        ActionCode? action, SanitisationCode? sanitisation, string? conditions)
    {
        if (source is null || assessment is null || handling is null)
        {
            return null;
        }
        var (grade, _) = Parse(((int)source.Value).ToString(System.Globalization.CultureInfo.InvariantCulture), assessment.ToString(),
            handling.ToString(), action?.ToString(), sanitisation?.ToString(), conditions);
        return grade;
    }
}
