using System.Globalization;
using Safeguard.Core.Matching;

namespace Safeguard.Web.Cli;

/// <summary>A problem with one line of an input file; <see cref="Field"/> is null when the whole row is at fault.</summary>
public sealed record InputProblem(string File, int Line, string? Field, string Message, bool RowSkipped)
{
    public override string ToString() =>
        $"{File}:{Line}: {(Field is null ? "" : $"field {Field}: ")}{Message}{(RowSkipped ? "; row skipped" : "")}";
}

/// <summary>The whole file cannot be read as person records (no header, no id column, a bad --map).</summary>
public sealed class PersonCsvException(string message, bool usage) : Exception(message)
{
    /// <summary>True when the fix is on the command line (a --map), false when it is in the file.</summary>
    public bool Usage { get; } = usage;
}

/// <summary>
/// Reads person records from CSV with a header. Columns named like the fields are recognised, and so are
/// FEBRL's; --map names any other column's field (or "ignore"). Several columns may make up the address,
/// joined in file order. A bad row is reported and skipped, a bad value reported and treated as missing:
/// the rest of the file is still read.
/// </summary>
public static class PersonCsv
{
    public const string Ignore = "ignore";
    public const string AddressField = "address";

    public static IReadOnlyList<string> Fields { get; } =
        ["id", "given_name", "middle_names", "family_name", "date_of_birth", "sex", "nhs_number", "identifier", AddressField, "postcode", "phone", "email"];

    // FEBRL's column names, recognised without --map.
    private static readonly Dictionary<string, string> s_knownAliases = new(StringComparer.OrdinalIgnoreCase)
    {
        ["rec_id"] = "id",
        ["surname"] = "family_name",
        ["soc_sec_id"] = "identifier",
        ["street_number"] = AddressField,
        ["address_1"] = AddressField,
        ["address_2"] = AddressField,
        ["suburb"] = AddressField,
        ["state"] = AddressField,
    };

    public sealed record ReadResult(IReadOnlyList<PersonRecord> Records, IReadOnlyList<InputProblem> Problems);

    /// <param name="map">Column name (case-insensitive) → field or <see cref="Ignore"/>, from --map.</param>
    public static ReadResult Read(TextReader reader, string fileName, IReadOnlyDictionary<string, string> map)
    {
        ArgumentNullException.ThrowIfNull(reader);
        ArgumentNullException.ThrowIfNull(map);
        using var rows = new CsvReader(reader).ReadRows().GetEnumerator();
        if (!rows.MoveNext())
        {
            throw new PersonCsvException($"{fileName}: the file is empty; a header row is required.", usage: false);
        }
        var header = rows.Current;
        if (header.Problem is not null)
        {
            throw new PersonCsvException($"{fileName}:{header.Line}: the header is malformed: {header.Problem}.", usage: false);
        }
        var columns = ResolveColumns(header.Fields, fileName, map);
        var records = new List<PersonRecord>();
        var problems = new List<InputProblem>();
        var firstLineOfId = new Dictionary<string, int>(StringComparer.Ordinal);
        while (rows.MoveNext())
        {
            var row = rows.Current;
            if (row.Problem is not null)
            {
                problems.Add(new InputProblem(fileName, row.Line, null, $"malformed CSV: {row.Problem}", RowSkipped: true));
                continue;
            }
            if (row.Fields.Count != header.Fields.Count)
            {
                problems.Add(new InputProblem(fileName, row.Line, null, $"{row.Fields.Count} fields where the header has {header.Fields.Count}", RowSkipped: true));
                continue;
            }
            var record = ToRecord(row, columns, fileName, problems);
            if (record is null)
            {
                continue;
            }
            if (firstLineOfId.TryGetValue(record.Id, out var first))
            {
                problems.Add(new InputProblem(fileName, row.Line, "id", $"duplicate id '{record.Id}' (first on line {first})", RowSkipped: true));
                continue;
            }
            firstLineOfId[record.Id] = row.Line;
            records.Add(record);
        }
        return new ReadResult(records, problems);
    }

    private static string?[] ResolveColumns(IReadOnlyList<string> header, string fileName, IReadOnlyDictionary<string, string> map)
    {
        var names = header.Select(h => h.Trim()).ToArray();
        foreach (var column in map.Keys)
        {
            if (!names.Contains(column, StringComparer.OrdinalIgnoreCase))
            {
                throw new PersonCsvException($"{fileName}: --map names column '{column}', which is not in the header ({string.Join(", ", names)}).", usage: true);
            }
        }
        var fieldOf = new string?[names.Length];
        var columnOf = new Dictionary<string, string>(StringComparer.Ordinal);
        for (var i = 0; i < names.Length; i++)
        {
            var mapped = map.FirstOrDefault(p => string.Equals(p.Key, names[i], StringComparison.OrdinalIgnoreCase)).Value;
            var field = mapped
                ?? Fields.FirstOrDefault(f => string.Equals(f, names[i], StringComparison.OrdinalIgnoreCase))
                ?? s_knownAliases.GetValueOrDefault(names[i]);
            if (field is null or Ignore)
            {
                continue;
            }
            if (field != AddressField && columnOf.TryGetValue(field, out var other))
            {
                throw new PersonCsvException($"{fileName}: columns '{other}' and '{names[i]}' both give {field}; name one with --map {names[i]}={Ignore}.", usage: true);
            }
            columnOf[field] = names[i];
            fieldOf[i] = field;
        }
        if (!columnOf.ContainsKey("id"))
        {
            throw new PersonCsvException($"{fileName}: no id column (header: {string.Join(", ", names)}); name one with --map COLUMN=id.", usage: false);
        }
        return fieldOf;
    }

    private static PersonRecord? ToRecord(CsvReader.Row row, string?[] fieldOf, string fileName, List<InputProblem> problems)
    {
        var values = new Dictionary<string, string>(StringComparer.Ordinal);
        var address = new List<string>();
        for (var i = 0; i < fieldOf.Length; i++)
        {
            var value = row.Fields[i].Trim();
            if (fieldOf[i] is not { } field || value.Length == 0)
            {
                continue;
            }
            if (field == AddressField)
            {
                address.Add(value);
            }
            else
            {
                values[field] = value;
            }
        }
        if (!values.TryGetValue("id", out var id))
        {
            problems.Add(new InputProblem(fileName, row.Line, "id", "the id is empty", RowSkipped: true));
            return null;
        }
        var nhs = values.GetValueOrDefault("nhs_number");
        if (nhs is not null && Core.People.NhsNumber.ValidDigitsIn(nhs) is null)
        {
            problems.Add(new InputProblem(fileName, row.Line, "nhs_number", $"'{nhs}' is not a valid NHS number (ten digits with a modulus-11 check digit); it is evidence of nothing", RowSkipped: false));
        }
        return new PersonRecord(id)
        {
            GivenName = values.GetValueOrDefault("given_name"),
            MiddleNames = values.GetValueOrDefault("middle_names"),
            FamilyName = values.GetValueOrDefault("family_name"),
            DateOfBirth = ParseDate(values.GetValueOrDefault("date_of_birth"), row.Line, fileName, problems),
            Sex = ParseSex(values.GetValueOrDefault("sex"), row.Line, fileName, problems),
            NhsNumber = nhs,
            Identifier = values.GetValueOrDefault("identifier"),
            Address = address.Count == 0 ? null : string.Join(' ', address),
            Postcode = values.GetValueOrDefault("postcode"),
            Phone = values.GetValueOrDefault("phone"),
            Email = values.GetValueOrDefault("email"),
        };
    }

    /// <summary>yyyy-mm-dd, yyyymmdd or dd/mm/yyyy; anything else, or a day that does not exist, is reported and missing.</summary>
    public static DateOnly? ParseDate(string? value, int line, string fileName, List<InputProblem> problems)
    {
        ArgumentNullException.ThrowIfNull(problems);
        if (value is null)
        {
            return null;
        }
        if (!TrySplitDate(value, out var year, out var month, out var day))
        {
            problems.Add(new InputProblem(fileName, line, "date_of_birth", $"'{value}' is not a date in yyyy-mm-dd, yyyymmdd or dd/mm/yyyy form; treated as missing", RowSkipped: false));
            return null;
        }
        if (year is < 1880 or > 2100 || month is < 1 or > 12 || day < 1 || day > DateTime.DaysInMonth(year, month))
        {
            problems.Add(new InputProblem(fileName, line, "date_of_birth", $"'{value}' is an impossible date; treated as missing", RowSkipped: false));
            return null;
        }
        return new DateOnly(year, month, day);
    }

    private static bool TrySplitDate(string value, out int year, out int month, out int day)
    {
        year = month = day = 0;
        var v = value.Trim();
        var culture = CultureInfo.InvariantCulture;
        if (v.Length == 10 && v[4] == '-' && v[7] == '-')
        {
            return int.TryParse(v.AsSpan(0, 4), NumberStyles.None, culture, out year)
                && int.TryParse(v.AsSpan(5, 2), NumberStyles.None, culture, out month)
                && int.TryParse(v.AsSpan(8, 2), NumberStyles.None, culture, out day);
        }
        if (v.Length == 8 && v.All(char.IsAsciiDigit))
        {
            return int.TryParse(v.AsSpan(0, 4), NumberStyles.None, culture, out year)
                && int.TryParse(v.AsSpan(4, 2), NumberStyles.None, culture, out month)
                && int.TryParse(v.AsSpan(6, 2), NumberStyles.None, culture, out day);
        }
        var parts = v.Split('/');
        return parts.Length == 3 && parts[0].Length is 1 or 2 && parts[1].Length is 1 or 2 && parts[2].Length == 4
            && int.TryParse(parts[0], NumberStyles.None, culture, out day)
            && int.TryParse(parts[1], NumberStyles.None, culture, out month)
            && int.TryParse(parts[2], NumberStyles.None, culture, out year);
    }

    private static Sex? ParseSex(string? value, int line, string fileName, List<InputProblem> problems)
    {
        switch (value?.Trim().ToLowerInvariant())
        {
            case null or "" or "u" or "unknown" or "not known" or "not recorded" or "not stated":
                return null;
            case "m" or "male" or "boy" or "man":
                return Sex.Male;
            case "f" or "female" or "girl" or "woman":
                return Sex.Female;
            case "x" or "o" or "other" or "i" or "indeterminate" or "non-binary" or "nonbinary":
                return Sex.Other;
            default:
                problems.Add(new InputProblem(fileName, line, "sex", $"'{value}' is not a recognised sex; treated as missing", RowSkipped: false));
                return null;
        }
    }
}
