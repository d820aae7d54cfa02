using System.Globalization;
using Safeguard.Core.Matching;
using Safeguard.Core.Matching.Synthetic;

namespace Safeguard.Web.Cli;

/// <summary>
/// `./safeguard generate persons --count N --out DIR [--seed S]`: fictional people as several agencies would
/// hold them, in DIR/persons.csv (one row per agency record, with a source column), and the truth in
/// DIR/truth.csv (id,person_id: records with one person_id are one person).
/// </summary>
public static class GenerateCommand
{
    public const string Usage = """
        Usage: ./safeguard generate persons --count N --out DIR [--seed S]

          --count N   number of fictional people (each is known to one to four agencies: about 2 records each)
          --out DIR   writes DIR/persons.csv (the agencies' records) and DIR/truth.csv (id,person_id)
          --seed S    a different set of people (default 1); the same seed gives the same files
        """;

    public static int Run(string[] args, TextWriter stdout, TextWriter stderr)
    {
        ArgumentNullException.ThrowIfNull(args);
        ArgumentNullException.ThrowIfNull(stdout);
        ArgumentNullException.ThrowIfNull(stderr);
        if (args is not ["persons", .. var options])
        {
            stderr.WriteLine(args.Length == 0 ? "generate: say what to generate: persons." : $"generate: unknown kind '{args[0]}'; only 'persons' is known.");
            stderr.WriteLine(Usage);
            return CommandLine.Usage;
        }
        int? count = null;
        var seed = 1;
        string? output = null;
        for (var i = 0; i < options.Length; i++)
        {
            var value = i + 1 < options.Length ? options[i + 1] : null;
            switch (options[i])
            {
                case "--count" when int.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out var n) && n > 0:
                    count = n;
                    i++;
                    break;
                case "--seed" when int.TryParse(value, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var s):
                    seed = s;
                    i++;
                    break;
                case "--out" when value is not null:
                    output = value;
                    i++;
                    break;
                default:
                    stderr.WriteLine($"generate persons: bad or incomplete option '{options[i]}'.");
                    stderr.WriteLine(Usage);
                    return CommandLine.Usage;
            }
        }
        if (count is null || output is null)
        {
            stderr.WriteLine("generate persons: --count and --out are required.");
            stderr.WriteLine(Usage);
            return CommandLine.Usage;
        }

        Directory.CreateDirectory(output);
        var records = 0;
        using (var persons = new StreamWriter(Path.Combine(output, "persons.csv")))
        using (var truth = new StreamWriter(Path.Combine(output, "truth.csv")))
        {
            persons.WriteLine("id,source,given_name,middle_names,family_name,date_of_birth,sex,nhs_number,address,postcode,phone,email");
            truth.WriteLine("id,person_id");
            foreach (var generated in new PersonGenerator(seed).Generate(count.Value))
            {
                var r = generated.Record;
                string?[] fields =
                [
                    r.Id, generated.Source, r.GivenName, r.MiddleNames, r.FamilyName, FormatDate(r.DateOfBirth, generated.Source),
                    r.Sex switch { Sex.Female => "F", Sex.Male => "M", Sex.Other => "X", _ => null },
                    r.NhsNumber, r.Address, r.Postcode, r.Phone, r.Email,
                ];
                persons.WriteLine(string.Join(',', fields.Select(CsvReader.Escape)));
                truth.Write(r.Id);
                truth.Write(',');
                truth.WriteLine(generated.PersonId);
                records++;
            }
        }
        stdout.WriteLine($"wrote {records:N0} records of {count.Value:N0} people to {Path.Combine(output, "persons.csv")}, truth in {Path.Combine(output, "truth.csv")}");
        return CommandLine.Success;
    }

    // Agencies write dates their own way; the police and schools here use the British day-first form.
    private static string? FormatDate(DateOnly? date, string source) =>
        date?.ToString(source is "police" or "school" ? "dd/MM/yyyy" : "yyyy-MM-dd", CultureInfo.InvariantCulture);
}
