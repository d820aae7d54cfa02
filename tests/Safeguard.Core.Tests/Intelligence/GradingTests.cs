using Safeguard.Core.Intelligence;

namespace Safeguard.Core.Tests.Intelligence;

public class GradingTests
{
    /// <summary>Every grade the scheme allows, written as analysts write it.</summary>
    public static TheoryData<string, string, string, string?, string?, string> Valid => new()
    {
        { "1", "A", "P", null, null, "1A P" },
        { "2", "b", "p", null, null, "2B P" },
        { " 3 ", "E", "P", "", "  ", "3E P" },
        { "1", "A", "C", "A1", "S1", "1A C (A1, S1)" },
        { "2", "C", "c", "a2", "s2", "2C C (A2, S2)" },
        { "3", "D", "C", "A3", "S1", "3D C (A3, S1)" },
    };

    [Theory]
    [MemberData(nameof(Valid))]
    public void Grades_inside_the_scheme_are_read_whatever_the_case_and_spacing(string source, string assessment, string handling, string? action, string? sanitisation, string written)
    {
        var (grade, errors) = Grading.Parse(source, assessment, handling, action, sanitisation);
        Assert.Empty(errors);
        Assert.Equal(written, grade!.ToString());
    }

    /// <summary>Each grade outside the scheme, the field blamed, and words the message must contain (the valid values).</summary>
    public static TheoryData<string?, string?, string?, string?, string?, string?, GradingField, string> Invalid => new()
    {
        { "4", "A", "P", null, null, null, GradingField.Source, "1 (reliable), 2 (untested) or 3 (not reliable), not '4'" },
        { "0", "A", "P", null, null, null, GradingField.Source, "not '0'" },
        { "1.5", "A", "P", null, null, null, GradingField.Source, "not '1.5'" },
        { "", "A", "P", null, null, null, GradingField.Source, "Choose the source evaluation: 1 (reliable)" },
        { "1", "F", "P", null, null, null, GradingField.Assessment, "A (known directly), B (known indirectly, corroborated), C (known indirectly), D (not known) or E (suspected false), not 'F'" },
        // An enum's number is not a code: "0" must not be read as A.
        { "1", "0", "P", null, null, null, GradingField.Assessment, "not '0'" },
        { "1", null, "P", null, null, null, GradingField.Assessment, "Choose the intelligence assessment" },
        { "1", "A", "X", null, null, null, GradingField.Handling, "P (lawful sharing permitted) or C (lawful sharing permitted with conditions), not 'X'" },
        { "1", "A", "", null, null, null, GradingField.Handling, "Choose the handling code" },
        { "1", "A", "P", "A1", null, null, GradingField.Action, "Handling P carries no action code" },
        { "1", "A", "P", null, "S1", null, GradingField.Sanitisation, "Handling P carries no sanitisation code" },
        { "1", "A", "P", null, null, "Not to be shared with schools", GradingField.Conditions, "Handling P carries no conditions" },
        { "1", "A", "C", null, "S1", null, GradingField.Action, "Handling C must state an action code: A1 (corroborate only), A2 (covert action only) or A3 (overt action permitted)" },
        { "1", "A", "C", "A1", null, null, GradingField.Sanitisation, "Handling C must state a sanitisation code: S1" },
        { "1", "A", "C", "A4", "S1", null, GradingField.Action, "A1 (corroborate only), A2 (covert action only) or A3 (overt action permitted), not 'A4'" },
        { "1", "A", "C", "A1", "S3", null, GradingField.Sanitisation, "S1 (may be sanitised without supervision) or S2 (consult the originator), not 'S3'" },
        { "1", "A", "C", "A1", "S1", new string('x', 1001), GradingField.Conditions, "1,000 characters or fewer" },
    };

    [Theory]
    [MemberData(nameof(Invalid))]
    public void Grades_outside_the_scheme_are_refused_with_the_valid_values_listed(string? source, string? assessment, string? handling, string? action,
        string? sanitisation, string? conditions, GradingField field, string expected)
    {
        var (grade, errors) = Grading.Parse(source, assessment, handling, action, sanitisation, conditions);
        Assert.Null(grade);
        var error = Assert.Single(errors);
        Assert.Equal(field, error.Field);
        Assert.Contains(expected, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Every_problem_is_reported_at_once()
    {
        var (grade, errors) = Grading.Parse("9", "Z", "C", null, null);
        Assert.Null(grade);
        Assert.Equal([GradingField.Source, GradingField.Assessment, GradingField.Action, GradingField.Sanitisation], errors.Select(e => e.Field));
    }

    [Fact]
    public void A_stored_grade_is_rebuilt_and_one_that_no_longer_makes_sense_is_not()
    {
        Assert.Equal("2B C (A3, S2)", Grading.FromStored(SourceEvaluation.Untested, IntelligenceAssessment.B, HandlingCode.C, ActionCode.A3, SanitisationCode.S2, null)!.ToString());
        Assert.Null(Grading.FromStored(SourceEvaluation.Untested, null, HandlingCode.P, null, null, null));
        Assert.Null(Grading.FromStored(SourceEvaluation.Untested, IntelligenceAssessment.B, HandlingCode.C, null, null, null));
    }
}
