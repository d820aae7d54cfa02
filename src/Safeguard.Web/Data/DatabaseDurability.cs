using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage;

namespace Safeguard.Web.Data;

/// <summary>
/// Checked at start-up: a safeguarding record that was acknowledged must survive a power cut. SQLite must be in WAL
/// mode with synchronous=FULL; PostgreSQL must have fsync on and synchronous_commit not off.
/// </summary>
public static class DatabaseDurability
{
    /// <summary>Returns the problems found; empty when the database is durable.</summary>
    public static async Task<IReadOnlyList<string>> CheckAsync(SafeguardDbContext db, CancellationToken cancellationToken = default)
    {
        var problems = new List<string>();
        await db.Database.OpenConnectionAsync(cancellationToken);
        try
        {
            if (db is SqliteSafeguardDbContext)
            {
                // WAL is a property of the database file: set it once, here, then check it took.
                var journal = await ScalarAsync(db, "PRAGMA journal_mode=WAL;", cancellationToken);
                var synchronous = await ScalarAsync(db, "PRAGMA synchronous;", cancellationToken);
                if (!string.Equals(journal, "wal", StringComparison.OrdinalIgnoreCase))
                {
                    problems.Add($"SQLite journal_mode is '{journal}', not WAL.");
                }
                if (synchronous != "2" && synchronous != "3")
                {
                    problems.Add($"SQLite synchronous is {synchronous}, not FULL (2).");
                }
            }
            else
            {
                var fsync = await ScalarAsync(db, "SHOW fsync;", cancellationToken);
                var synchronousCommit = await ScalarAsync(db, "SHOW synchronous_commit;", cancellationToken);
                if (!string.Equals(fsync, "on", StringComparison.OrdinalIgnoreCase))
                {
                    problems.Add($"PostgreSQL fsync is '{fsync}', not on.");
                }
                if (string.Equals(synchronousCommit, "off", StringComparison.OrdinalIgnoreCase))
                {
                    problems.Add("PostgreSQL synchronous_commit is off: acknowledged records could be lost.");
                }
            }
        }
        finally
        {
            await db.Database.CloseConnectionAsync();
        }
        return problems;
    }

    private static async Task<string> ScalarAsync(SafeguardDbContext db, string sql, CancellationToken cancellationToken)
    {
        await using var command = db.Database.GetDbConnection().CreateCommand();
        command.CommandText = sql;
        command.Transaction = db.Database.CurrentTransaction?.GetDbTransaction();
        var value = await command.ExecuteScalarAsync(cancellationToken);
        return Convert.ToString(value, System.Globalization.CultureInfo.InvariantCulture) ?? "";
    }
}
