using System.Globalization;
using Safeguard.Core.Network;

namespace Safeguard.Web.Cli;

/// <summary>`--name value` options for the network verbs, checked against the names a verb accepts.</summary>
internal sealed class NetworkArguments
{
    private readonly Dictionary<string, string> _values;
    private readonly TextWriter _stderr;

    private NetworkArguments(Dictionary<string, string> values, TextWriter stderr)
    {
        _values = values;
        _stderr = stderr;
    }

    /// <summary>The link filter options every analysis verb takes.</summary>
    public static readonly string[] FilterOptions = ["from", "to", "kinds", "min-confidence"];

    /// <summary>Parses `--name value` pairs; null (after a message) when a name is unknown, repeated or has no value.</summary>
    public static NetworkArguments? Parse(string[] args, IEnumerable<string> allowed, TextWriter stderr)
    {
        var names = allowed.ToHashSet(StringComparer.Ordinal);
        var values = new Dictionary<string, string>(StringComparer.Ordinal);
        for (var i = 0; i < args.Length; i += 2)
        {
            var name = args[i].StartsWith("--", StringComparison.Ordinal) ? args[i][2..] : null;
            if (name is null || !names.Contains(name))
            {
                stderr.WriteLine($"Unknown option '{args[i]}'. Options: {string.Join(" ", names.Select(n => "--" + n))}");
                return null;
            }
            if (i + 1 >= args.Length)
            {
                stderr.WriteLine($"Option --{name} needs a value.");
                return null;
            }
            if (!values.TryAdd(name, args[i + 1]))
            {
                stderr.WriteLine($"Option --{name} is given twice.");
                return null;
            }
        }
        return new NetworkArguments(values, stderr);
    }

    public string? Optional(string name) => _values.GetValueOrDefault(name);

    /// <summary>The value of a required option, or null after saying it is missing.</summary>
    public string? Required(string name)
    {
        if (!_values.TryGetValue(name, out var value))
        {
            _stderr.WriteLine($"Missing option --{name}.");
        }
        return value;
    }

    /// <summary>An integer option at least <paramref name="minimum"/>; false after a message when it is not one.</summary>
    public bool TryInt(string name, int fallback, int minimum, out int value)
    {
        value = fallback;
        if (!_values.TryGetValue(name, out var text))
        {
            return true;
        }
        if (int.TryParse(text, NumberStyles.Integer, CultureInfo.InvariantCulture, out value) && value >= minimum)
        {
            return true;
        }
        _stderr.WriteLine($"Option --{name} must be a whole number of at least {minimum}, not '{text}'.");
        return false;
    }

    public bool TryDouble(string name, double fallback, out double value)
    {
        value = fallback;
        if (!_values.TryGetValue(name, out var text))
        {
            return true;
        }
        if (double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out value) && value >= 0 && double.IsFinite(value))
        {
            return true;
        }
        _stderr.WriteLine($"Option --{name} must be a number of at least 0, not '{text}'.");
        return false;
    }

    /// <summary>The link filter from --from, --to, --kinds and --min-confidence; null filter when none is given.</summary>
    public bool TryFilter(out LinkFilter? filter)
    {
        filter = null;
        if (!FilterOptions.Any(_values.ContainsKey))
        {
            return true;
        }
        if (!TryDate("from", out var from) || !TryDate("to", out var to))
        {
            return false;
        }
        HashSet<LinkKind>? kinds = null;
        if (_values.TryGetValue("kinds", out var kindList))
        {
            kinds = [];
            foreach (var name in kindList.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries))
            {
                if (!Vocabulary.TryParse(name, out LinkKind kind))
                {
                    _stderr.WriteLine($"Unknown link kind '{name}' in --kinds (expected: {string.Join(", ", Vocabulary.LinkKindNames)}).");
                    return false;
                }
                kinds.Add(kind);
            }
        }
        var confidence = LinkConfidence.Unconfirmed;
        if (_values.TryGetValue("min-confidence", out var confidenceText) && !Vocabulary.TryParse(confidenceText, out confidence))
        {
            _stderr.WriteLine($"Unknown confidence '{confidenceText}' (expected: {string.Join(", ", Vocabulary.ConfidenceNames)}).");
            return false;
        }
        filter = new LinkFilter { From = from, To = to, Kinds = kinds, MinimumConfidence = confidence };
        return true;
    }

    private bool TryDate(string name, out DateOnly? date)
    {
        date = null;
        if (!_values.TryGetValue(name, out var text))
        {
            return true;
        }
        if (NetworkCsv.TryParseDate(text, out var day))
        {
            date = day;
            return true;
        }
        _stderr.WriteLine($"Option --{name} must be a date YYYY-MM-DD, not '{text}'.");
        return false;
    }
}
