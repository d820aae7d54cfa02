using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;

namespace Safeguard.Web.Data;

public enum DatabaseProvider
{
    Sqlite,
    Postgres,
}

/// <summary>
/// Chooses the database from configuration: `Database:Provider` (Sqlite, the default, or Postgres) and
/// `ConnectionStrings:Safeguard`. With no connection string, SQLite uses `safeguard.db` in the data directory.
/// </summary>
public static class DatabaseSetup
{
    public static DatabaseProvider ProviderFrom(IConfiguration configuration)
    {
        var name = configuration["Database:Provider"];
        if (string.IsNullOrWhiteSpace(name))
        {
            return DatabaseProvider.Sqlite;
        }
        return Enum.TryParse<DatabaseProvider>(name, ignoreCase: true, out var provider)
            ? provider
            : throw new InvalidOperationException($"Database:Provider must be Sqlite or Postgres, not '{name}'.");
    }

    public static void AddSafeguardDatabase(this IServiceCollection services, IConfiguration configuration, string dataDirectory)
    {
        var provider = ProviderFrom(configuration);
        // One per application: the witness writer waits on the commits it signals.
        services.AddSingleton<ChainCommits>();
        var connectionString = configuration.GetConnectionString("Safeguard");
        switch (provider)
        {
            case DatabaseProvider.Postgres:
                if (string.IsNullOrWhiteSpace(connectionString))
                {
                    throw new InvalidOperationException("Database:Provider is Postgres but ConnectionStrings:Safeguard is not set.");
                }
                services.AddDbContext<SafeguardDbContext, PostgresSafeguardDbContext>((sp, options) =>
                    options.UseNpgsql(connectionString).AddInterceptors(sp.GetRequiredService<ChainCommits>()));
                break;
            default:
                if (string.IsNullOrWhiteSpace(connectionString))
                {
                    Directory.CreateDirectory(dataDirectory);
                    connectionString = new SqliteConnectionStringBuilder
                    {
                        DataSource = Path.Combine(dataDirectory, "safeguard.db"),
                        Pooling = true,
                    }.ToString();
                }
                services.AddDbContext<SafeguardDbContext, SqliteSafeguardDbContext>((sp, options) =>
                    options.UseSqlite(connectionString).AddInterceptors(new SqlitePragmas(), sp.GetRequiredService<ChainCommits>()));
                break;
        }
    }
}
