using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;

namespace Safeguard.Web.Data;

/// <summary>PostgreSQL, the production database. Appends are serialised with a transaction-scoped advisory lock.</summary>
public sealed class PostgresSafeguardDbContext(DbContextOptions<PostgresSafeguardDbContext> options, CurrentActor actor, TimeProvider time)
    : SafeguardDbContext(options, actor, time)
{
    // Arbitrary but fixed keys: every instance of Safeguard on one database must use the same ones.
    private const long LedgerLockKey = 0x5346_4C45_4447_0001;
    private const long AccessLogLockKey = 0x5346_4C45_4447_0002;

    protected override async Task LockChainAsync(ChainName chain, CancellationToken cancellationToken)
    {
        var key = chain == ChainName.Ledger ? LedgerLockKey : AccessLogLockKey;
        await Database.ExecuteSqlAsync($"SELECT pg_advisory_xact_lock({key})", cancellationToken);
    }

    public override IReadOnlyList<string> AppendOnlyTriggerSql() => PostgresAppendOnly.Sql;
}

public static class PostgresAppendOnly
{
    public static readonly IReadOnlyList<string> Sql =
    [
        """
        CREATE OR REPLACE FUNCTION safeguard_refuse_change() RETURNS trigger LANGUAGE plpgsql AS $$
        BEGIN
            RAISE EXCEPTION 'Safeguard: % is append-only; % refused', TG_TABLE_NAME, TG_OP;
        END $$;
        """,
        "CREATE TRIGGER ledger_entries_append_only BEFORE UPDATE OR DELETE ON ledger_entries FOR EACH ROW EXECUTE FUNCTION safeguard_refuse_change();",
        "CREATE TRIGGER ledger_entries_no_truncate BEFORE TRUNCATE ON ledger_entries FOR EACH STATEMENT EXECUTE FUNCTION safeguard_refuse_change();",
        "CREATE TRIGGER access_log_entries_append_only BEFORE UPDATE OR DELETE ON access_log_entries FOR EACH ROW EXECUTE FUNCTION safeguard_refuse_change();",
        "CREATE TRIGGER access_log_entries_no_truncate BEFORE TRUNCATE ON access_log_entries FOR EACH STATEMENT EXECUTE FUNCTION safeguard_refuse_change();",
    ];
}

/// <summary>Lets `dotnet ef migrations add` build the PostgreSQL model without a running database.</summary>
public sealed class PostgresDesignTimeFactory : IDesignTimeDbContextFactory<PostgresSafeguardDbContext>
{
    public PostgresSafeguardDbContext CreateDbContext(string[] args) =>
        new(new DbContextOptionsBuilder<PostgresSafeguardDbContext>()
                .UseNpgsql("Host=localhost;Database=safeguard_design", o => o.MigrationsAssembly(typeof(PostgresSafeguardDbContext).Assembly.FullName))
                .Options,
            CurrentActor.ForJob("design"), TimeProvider.System);
}
