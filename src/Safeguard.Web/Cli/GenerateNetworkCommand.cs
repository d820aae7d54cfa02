using System.Globalization;
using Safeguard.Core.Network;

namespace Safeguard.Web.Cli;

/// <summary>
/// `./safeguard generate network --persons N --out DIR [--seed S] [--groups G] [--busy-places B]`: a synthetic
/// town with planted groups, written as NODES.csv, LINKS.csv and TRUTH.csv (`group,id` for every planted
/// suspect and child) in DIR.
/// </summary>
public static class GenerateNetworkCommand
{
    public const string Usage = "Usage: ./safeguard generate network --persons N --out DIR [--seed 1] [--groups G] [--busy-places B]";

    public static int Run(string[] args, TextWriter stdout, TextWriter stderr)
    {
        ArgumentNullException.ThrowIfNull(args);
        ArgumentNullException.ThrowIfNull(stdout);
        ArgumentNullException.ThrowIfNull(stderr);
        var arguments = NetworkArguments.Parse(args, ["persons", "out", "seed", "groups", "busy-places"], stderr);
        if (arguments?.Required("out") is not { } directory || arguments.Required("persons") is null
            || !arguments.TryInt("persons", 0, 200, out var persons)
            || !arguments.TryInt("seed", 1, int.MinValue, out var seed)
            || !arguments.TryInt("groups", 0, 0, out var groups)
            || !arguments.TryInt("busy-places", 0, 1, out var busyPlaces))
        {
            stderr.WriteLine(Usage);
            return CommandLine.Usage;
        }
        var generated = NetworkGenerator.Generate(new GeneratorOptions
        {
            Persons = persons,
            Seed = seed,
            Groups = arguments.Optional("groups") is null ? null : groups,
            BusyPlaces = arguments.Optional("busy-places") is null ? null : busyPlaces,
        });
        var network = generated.Network;
        Directory.CreateDirectory(directory);
        using (var writer = NetworkCsv.CreateWriter(Path.Combine(directory, "NODES.csv")))
        {
            writer.WriteLine("id,kind,label,role");
            for (var v = 0; v < network.NodeCount; v++)
            {
                writer.WriteLine($"{network.Id(v)},{Vocabulary.Name(network.Kind(v))},{NetworkCsv.Field(network.Label(v))},{Vocabulary.Name(network.Role(v))}");
            }
        }
        using (var writer = NetworkCsv.CreateWriter(Path.Combine(directory, "LINKS.csv")))
        {
            writer.WriteLine("from,to,kind,date");
            for (var i = 0; i < network.LinkCount; i++)
            {
                var link = network.GetLink(i);
                var date = link.Date?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) ?? "";
                writer.WriteLine($"{network.Id(link.From)},{network.Id(link.To)},{Vocabulary.Name(link.Kind)},{date}");
            }
        }
        using (var writer = NetworkCsv.CreateWriter(Path.Combine(directory, "TRUTH.csv")))
        {
            writer.WriteLine("group,id");
            foreach (var (group, node) in generated.Truth)
            {
                writer.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{group},{network.Id(node)}"));
            }
        }
        stdout.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"Wrote {network.NodeCount} nodes, {network.LinkCount} links and {generated.Truth.Select(t => t.Group).Distinct().Count()} planted groups ({generated.Truth.Count} persons) to {directory}."));
        return CommandLine.Success;
    }
}
