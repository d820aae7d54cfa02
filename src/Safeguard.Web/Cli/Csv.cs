using System.Text;

namespace Safeguard.Web.Cli;

/// <summary>
/// RFC 4180 CSV, read row by row with the line each row starts on, so every problem can name its line.
/// Fields are trimmed of surrounding spaces (FEBRL separates fields with ", "); quotes protect commas,
/// doubled quotes and line breaks inside a field.
/// </summary>
public sealed class CsvReader(TextReader reader)
{
    private readonly TextReader _reader = reader;
    private int _lineNumber;

    /// <summary>A row, the line it starts on, and a problem when the row is malformed (its fields are then unreliable).</summary>
    public readonly record struct Row(int Line, IReadOnlyList<string> Fields, string? Problem);

    public IEnumerable<Row> ReadRows()
    {
        string? line;
        while ((line = _reader.ReadLine()) is not null)
        {
            _lineNumber++;
            var startLine = _lineNumber;
            if (line.Length == 0)
            {
                continue;
            }
            var fields = new List<string>();
            var field = new StringBuilder();
            var inQuotes = false;
            var quoted = false;
            string? problem = null;
            var i = 0;
            while (true)
            {
                if (i >= line.Length)
                {
                    if (!inQuotes)
                    {
                        break;
                    }
                    // A quoted field continues on the next line.
                    var next = _reader.ReadLine();
                    if (next is null)
                    {
                        problem = "a quoted field is not closed before the end of the file";
                        break;
                    }
                    _lineNumber++;
                    field.Append('\n');
                    line = next;
                    i = 0;
                    continue;
                }
                var c = line[i];
                if (inQuotes)
                {
                    if (c == '"')
                    {
                        if (i + 1 < line.Length && line[i + 1] == '"')
                        {
                            field.Append('"');
                            i += 2;
                            continue;
                        }
                        inQuotes = false;
                    }
                    else
                    {
                        field.Append(c);
                    }
                    i++;
                    continue;
                }
                if (c == ',')
                {
                    fields.Add(Finish(field, quoted));
                    field.Clear();
                    quoted = false;
                }
                else if (c == '"' && field.ToString().Trim().Length == 0 && !quoted)
                {
                    field.Clear();
                    inQuotes = true;
                    quoted = true;
                }
                else if (c == '"')
                {
                    problem ??= $"a quote appears inside an unquoted field (column {fields.Count + 1})";
                    field.Append(c);
                }
                else if (quoted && !char.IsWhiteSpace(c))
                {
                    problem ??= $"text follows a closing quote (column {fields.Count + 1})";
                    field.Append(c);
                }
                else
                {
                    field.Append(c);
                }
                i++;
            }
            fields.Add(Finish(field, quoted));
            yield return new Row(startLine, fields, problem);
        }
    }

    private static string Finish(StringBuilder field, bool quoted) => quoted ? field.ToString() : field.ToString().Trim();

    /// <summary>Quotes a value for CSV output when it needs it.</summary>
    public static string Escape(string? value)
    {
        if (string.IsNullOrEmpty(value))
        {
            return "";
        }
        return value.AsSpan().IndexOfAny(",\"\r\n") >= 0 ? $"\"{value.Replace("\"", "\"\"", StringComparison.Ordinal)}\"" : value;
    }
}
