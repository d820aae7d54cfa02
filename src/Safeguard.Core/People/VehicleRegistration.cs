namespace Safeguard.Core.People;

/// <summary>
/// Vehicle registration marks as reporters type them ("nb19 abc", "NB19-ABC"): kept in one form, upper case letters
/// and digits only, so the same car is found however it was written. Partial marks are kept too (a youth worker
/// may catch only "NB19"): anything of 2 to 8 letters and digits is accepted, since a partial mark is still
/// evidence worth linking.
/// </summary>
public static class VehicleRegistration
{
    /// <summary>The mark in its one form, or null if it has characters a registration never has, or is too short or long.</summary>
    public static string? Normalise(string? input)
    {
        if (string.IsNullOrWhiteSpace(input))
        {
            return null;
        }
        var kept = new List<char>(input.Length);
        foreach (var c in input.Trim())
        {
            if (c is ' ' or '-')
            {
                continue;
            }
            if (!char.IsAsciiLetterOrDigit(c))
            {
                return null;
            }
            kept.Add(char.ToUpperInvariant(c));
        }
        return kept.Count is >= 2 and <= 8 ? new string([.. kept]) : null;
    }
}
