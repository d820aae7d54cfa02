using System.Data.Common;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.EntityFrameworkCore.Storage.ValueConversion;

namespace Safeguard.Web.Data;

/// <summary>
/// SQLite, the embedded default. One writer at a time is SQLite's own rule: EF Core's transactions here begin
/// IMMEDIATE, taking the write lock before the ledger head is read, so appends cannot fork.
/// </summary>
public sealed class SqliteSafeguardDbContext(DbContextOptions<SqliteSafeguardDbContext> options, CurrentActor actor, TimeProvider time)
    : SafeguardDbContext(options, actor, time)
{
    protected override Task LockChainAsync(ChainName chain, CancellationToken cancellationToken) => Task.CompletedTask;

    public override IReadOnlyList<string> AppendOnlyTriggerSql() => SqliteAppendOnly.Sql;

    protected override void ConfigureConventions(ModelConfigurationBuilder configurationBuilder)
    {
        base.ConfigureConventions(configurationBuilder);
        // SQLite has no instant type, and EF's default text form cannot be ordered or compared in SQL.
        // UTC ticks keep full precision and sort correctly.
        configurationBuilder.Properties<DateTimeOffset>().HaveConversion<UtcTicksConverter>();
    }

    private sealed class UtcTicksConverter() : ValueConverter<DateTimeOffset, long>(
        instant => instant.UtcTicks,
        ticks => new DateTimeOffset(ticks, TimeSpan.Zero));
}

public static class SqliteAppendOnly
{
    public static readonly IReadOnlyList<string> Sql =
    [
        "CREATE TRIGGER ledger_entries_no_update BEFORE UPDATE ON ledger_entries BEGIN SELECT RAISE(ABORT, 'Safeguard: ledger_entries is append-only; UPDATE refused'); END;",
        "CREATE TRIGGER ledger_entries_no_delete BEFORE DELETE ON ledger_entries BEGIN SELECT RAISE(ABORT, 'Safeguard: ledger_entries is append-only; DELETE refused'); END;",
        "CREATE TRIGGER access_log_entries_no_update BEFORE UPDATE ON access_log_entries BEGIN SELECT RAISE(ABORT, 'Safeguard: access_log_entries is append-only; UPDATE refused'); END;",
        "CREATE TRIGGER access_log_entries_no_delete BEFORE DELETE ON access_log_entries BEGIN SELECT RAISE(ABORT, 'Safeguard: access_log_entries is append-only; DELETE refused'); END;",
    ];
}

/// <summary>
/// Durability on every connection: synchronous=FULL is a per-connection setting in SQLite, so it is set each time a
/// connection opens, with foreign keys and a busy timeout (writers wait for the lock instead of failing).
/// </summary>
public sealed class SqlitePragmas : DbConnectionInterceptor
{
    private const string Pragmas = "PRAGMA synchronous=FULL; PRAGMA foreign_keys=ON; PRAGMA busy_timeout=15000;";

    public override void ConnectionOpened(DbConnection connection, ConnectionEndEventData eventData)
    {
        using var command = connection.CreateCommand();
        command.CommandText = Pragmas;
        command.ExecuteNonQuery();
    }

    public override async Task ConnectionOpenedAsync(DbConnection connection, ConnectionEndEventData eventData, CancellationToken cancellationToken = default)
    {
        await using var command = connection.CreateCommand();
        command.CommandText = Pragmas;
        await command.ExecuteNonQueryAsync(cancellationToken);
    }
}

public sealed class SqliteDesignTimeFactory : IDesignTimeDbContextFactory<SqliteSafeguardDbContext>
{
    public SqliteSafeguardDbContext CreateDbContext(string[] args) =>
        new(new DbContextOptionsBuilder<SqliteSafeguardDbContext>().UseSqlite("Data Source=design.db").Options,
            CurrentActor.ForJob("design"), TimeProvider.System);
}
