using System.Globalization;

namespace Safeguard.Core.Ledger;

/// <summary>
/// The text form of a chain's witness file, written outside the database by `safeguard ledger checkpoint`:
/// a header, then one line per entry (`sequence hash`), then after each checkpoint a line
/// `@checkpoint sequence hash time`. Append-only: each checkpoint adds the entries since the last one.
/// </summary>
public static class WitnessFormat
{
    public const string Header = "# safeguard chain witness v1";
    private const string CheckpointTag = "@checkpoint";

    public static string EntryLine(long sequence, string hash) =>
        string.Create(CultureInfo.InvariantCulture, $"{sequence} {hash}");

    public static string CheckpointLine(long sequence, string hash, DateTimeOffset at) =>
        string.Create(CultureInfo.InvariantCulture, $"{CheckpointTag} {sequence} {hash} {ChainHash.FormatInstant(at)}");

    /// <summary>The entry hashes in file order. Malformed lines throw, naming the line: a witness must not be guessed at.</summary>
    public static IEnumerable<KeyValuePair<long, string>> ReadEntries(IEnumerable<string> lines)
    {
        ArgumentNullException.ThrowIfNull(lines);
        var number = 0;
        long last = 0;
        foreach (var line in lines)
        {
            number++;
            if (line.Length == 0 || line[0] is '#' or '@')
            {
                continue;
            }
            var space = line.IndexOf(' ', StringComparison.Ordinal);
            if (space <= 0 || !long.TryParse(line.AsSpan(0, space), NumberStyles.None, CultureInfo.InvariantCulture, out var sequence) || line.Length - space - 1 != 64)
            {
                throw new FormatException($"witness line {number} is not 'sequence hash'");
            }
            if (sequence <= last)
            {
                throw new FormatException($"witness line {number} goes backwards (entry {sequence} after {last})");
            }
            last = sequence;
            yield return new KeyValuePair<long, string>(sequence, line[(space + 1)..]);
        }
    }

    /// <summary>The last checkpoint recorded in the file, if any.</summary>
    public static (long Sequence, string Hash)? LastCheckpoint(IEnumerable<string> lines)
    {
        ArgumentNullException.ThrowIfNull(lines);
        (long, string)? last = null;
        foreach (var line in lines)
        {
            if (!line.StartsWith(CheckpointTag, StringComparison.Ordinal))
            {
                continue;
            }
            var parts = line.Split(' ');
            if (parts.Length >= 3 && long.TryParse(parts[1], NumberStyles.None, CultureInfo.InvariantCulture, out var sequence))
            {
                last = (sequence, parts[2]);
            }
        }
        return last;
    }
}
