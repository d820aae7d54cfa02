using System.Xml.Linq;

namespace Safeguard.Core.Tests.Architecture;

/// <summary>Safeguard.Core holds the hard rules: it must stay free of packages, projects and I/O.</summary>
public class CorePurityTests
{
    [Fact]
    public void Core_project_has_no_package_or_project_references()
    {
        var project = XDocument.Load(Path.Combine(RepositoryRoot(), "src", "Safeguard.Core", "Safeguard.Core.csproj"));
        var references = project.Descendants()
            .Where(e => e.Name.LocalName is "PackageReference" or "ProjectReference" or "Reference" or "FrameworkReference")
            .Select(e => $"{e.Name.LocalName} {e.Attribute("Include")?.Value}")
            .ToList();
        Assert.Empty(references);
    }

    [Fact]
    public void Core_assembly_references_only_the_base_library()
    {
        var core = typeof(Safeguard.Core.Id<object>).Assembly;
        var foreign = core.GetReferencedAssemblies()
            .Select(a => a.Name!)
            .Where(name => !(name.StartsWith("System", StringComparison.Ordinal) || name is "netstandard" or "mscorlib"))
            .ToList();
        Assert.Empty(foreign);
    }

    [Fact]
    public void Core_does_not_touch_files_network_or_the_system_clock()
    {
        var sourceRoot = Path.Combine(RepositoryRoot(), "src", "Safeguard.Core");
        string[] forbidden = ["System.IO.File", "File.Open", "File.Read", "File.Write", "Directory.", "HttpClient", "DateTime.Now", "DateTime.UtcNow", "DateTimeOffset.Now", "DateTimeOffset.UtcNow", "Console."];
        var offences = Directory.EnumerateFiles(sourceRoot, "*.cs", SearchOption.AllDirectories)
            .Where(path => !path.Contains($"{Path.DirectorySeparatorChar}obj{Path.DirectorySeparatorChar}", StringComparison.Ordinal))
            .SelectMany(path => File.ReadLines(path).Select((line, i) => (path, line, number: i + 1)))
            .Where(x => forbidden.Any(f => x.line.Contains(f, StringComparison.Ordinal)) && !x.line.TrimStart().StartsWith("//", StringComparison.Ordinal))
            .Select(x => $"{Path.GetRelativePath(sourceRoot, x.path)}:{x.number}: {x.line.Trim()}")
            .ToList();
        Assert.Empty(offences);
    }

    internal static string RepositoryRoot()
    {
        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "Safeguard.slnx")))
        {
            dir = dir.Parent;
        }
        return dir?.FullName ?? throw new InvalidOperationException("Safeguard.slnx not found above the test binaries.");
    }
}
