using System.Diagnostics.CodeAnalysis;

namespace Safeguard.Core;

/// <summary>
/// A typed identifier: a GUID (version 7, so ids sort by creation time) tagged with the kind of thing it
/// names, so a case id cannot be passed where a person id is expected. EF Core stores it as its GUID through
/// one generic converter; routes bind it through <see cref="IParsable{TSelf}"/>.
/// </summary>
public readonly record struct Id<T> : IParsable<Id<T>>
{
    public Id(Guid value) => Value = value;

    public Guid Value { get; }

    // Version 7 GUIDs carry a timestamp for ordering only; no domain decision reads it.
    public static Id<T> New() => new(Guid.CreateVersion7());

    public static Id<T> Parse(string s, IFormatProvider? provider) => new(Guid.Parse(s, provider));

    public static bool TryParse([NotNullWhen(true)] string? s, IFormatProvider? provider, out Id<T> result)
    {
        if (Guid.TryParse(s, provider, out var guid))
        {
            result = new Id<T>(guid);
            return true;
        }
        result = default;
        return false;
    }

    public override string ToString() => Value.ToString();
}
