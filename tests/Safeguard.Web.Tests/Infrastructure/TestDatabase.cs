using Microsoft.Data.Sqlite;
using Npgsql;
using Safeguard.Web.Data;

namespace Safeguard.Web.Tests.Infrastructure;

/// <summary>A fresh, empty database for one test class: a new database on the test PostgreSQL cluster, or a new SQLite file.</summary>
public sealed class TestDatabase : IAsyncDisposable
{
    private readonly string? _postgresName;
    private readonly string? _sqliteDirectory;

    private TestDatabase(DatabaseProvider provider, string connectionString, string? postgresName, string? sqliteDirectory)
    {
        Provider = provider;
        ConnectionString = connectionString;
        _postgresName = postgresName;
        _sqliteDirectory = sqliteDirectory;
    }

    public DatabaseProvider Provider { get; }
    public string ConnectionString { get; }

    public static async Task<TestDatabase> CreateAsync(DatabaseProvider provider)
    {
        if (provider == DatabaseProvider.Sqlite)
        {
            var directory = Path.Combine(Path.GetTempPath(), "safeguard-tests", Guid.NewGuid().ToString("N"));
            Directory.CreateDirectory(directory);
            var connection = new SqliteConnectionStringBuilder { DataSource = Path.Combine(directory, "safeguard.db"), Pooling = false }.ToString();
            return new TestDatabase(provider, connection, null, directory);
        }
        var name = $"sg_test_{Guid.NewGuid():N}";
        await using (var admin = new NpgsqlConnection(TestEnvironment.PostgresAdminConnectionString))
        {
            await admin.OpenAsync();
            await using var create = admin.CreateCommand();
            create.CommandText = $"CREATE DATABASE {name}";
            await create.ExecuteNonQueryAsync();
        }
        var builder = new NpgsqlConnectionStringBuilder(TestEnvironment.PostgresAdminConnectionString) { Database = name };
        return new TestDatabase(provider, builder.ToString(), name, null);
    }

    public async ValueTask DisposeAsync()
    {
        if (_postgresName is not null)
        {
            NpgsqlConnection.ClearAllPools();
            await using var admin = new NpgsqlConnection(TestEnvironment.PostgresAdminConnectionString);
            await admin.OpenAsync();
            await using var drop = admin.CreateCommand();
            drop.CommandText = $"DROP DATABASE IF EXISTS {_postgresName} WITH (FORCE)";
            await drop.ExecuteNonQueryAsync();
        }
        if (_sqliteDirectory is not null)
        {
            SqliteConnection.ClearAllPools();
            try
            {
                Directory.Delete(_sqliteDirectory, recursive: true);
            }
            catch (IOException)
            {
                // A file still open on a slow shutdown: the temp directory is cleaned by the OS.
            }
        }
    }
}
