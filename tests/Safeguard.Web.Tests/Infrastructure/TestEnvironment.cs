namespace Safeguard.Web.Tests.Infrastructure;

/// <summary>
/// What the tests need from the machine: a real PostgreSQL (started by ./build.sh test) and a real Chromium.
/// A missing one is a failure with a message saying how to get it, never a silent skip.
/// </summary>
public static class TestEnvironment
{
    public static string PostgresAdminConnectionString =>
        Environment.GetEnvironmentVariable("SAFEGUARD_TEST_POSTGRES") is { Length: > 0 } value
            ? value
            : throw new InvalidOperationException(
                "SAFEGUARD_TEST_POSTGRES is not set. Run the tests with ./build.sh test, which starts a throwaway PostgreSQL cluster and sets it.");

    public static string ChromiumPath
    {
        get
        {
            var path = Environment.GetEnvironmentVariable("SAFEGUARD_CHROMIUM") ?? "/usr/bin/chromium";
            return File.Exists(path)
                ? path
                : throw new InvalidOperationException($"Chromium not found at {path}. Run the tests with ./build.sh test, which installs Debian's chromium.");
        }
    }

    public static string RepositoryRoot
    {
        get
        {
            var dir = new DirectoryInfo(AppContext.BaseDirectory);
            while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "Safeguard.slnx")))
            {
                dir = dir.Parent;
            }
            return dir?.FullName ?? throw new InvalidOperationException("Safeguard.slnx not found above the test binaries.");
        }
    }
}
