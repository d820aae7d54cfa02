namespace Safeguard.Core.Validation;

/// <summary>
/// Something wrong with one value a person gave: the field it belongs to (as the form or file names it), a stable
/// code that code branches on (never the message's wording), and the words to show beside the field.
/// </summary>
public sealed record FieldError(string Field, string Code, string Message)
{
    /// <summary>The same error reported against another field name (a form's "Input.Phone" for a parser's "phone").</summary>
    public FieldError For(string field) => this with { Field = field };
}
