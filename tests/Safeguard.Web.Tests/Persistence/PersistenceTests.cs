using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Time.Testing;
using Safeguard.Core;
using Safeguard.Core.Ledger;
using Safeguard.Web.Data;
using Safeguard.Web.Data.Model;
using Safeguard.Web.Ledger;
using Safeguard.Web.Tests.Infrastructure;

namespace Safeguard.Web.Tests.Persistence;

/// <summary>The same persistence behaviour on PostgreSQL (production) and SQLite (the embedded default).</summary>
public sealed class PersistenceTests
{
    public static TheoryData<DatabaseProvider> Providers => [DatabaseProvider.Postgres, DatabaseProvider.Sqlite];

    [Theory]
    [MemberData(nameof(Providers))]
    public async Task The_model_has_no_changes_missing_from_the_migrations(DatabaseProvider provider)
    {
        await using var server = await SafeguardServer.StartAsync(provider, seed: false);
        await using var scope = server.Scope();
        var db = scope.ServiceProvider.GetRequiredService<SafeguardDbContext>();
        Assert.False(db.Database.HasPendingModelChanges(), $"The {provider} migrations are behind the model: add a migration for both providers.");
        Assert.Empty(await db.Database.GetPendingMigrationsAsync());
    }

    [Theory]
    [MemberData(nameof(Providers))]
    public async Task Every_change_is_ledgered_with_before_and_after_in_the_same_save(DatabaseProvider provider)
    {
        await using var server = await SafeguardServer.StartAsync(provider, seed: false);
        await using var scope = server.Scope();
        var db = scope.ServiceProvider.GetRequiredService<SafeguardDbContext>();
        var agency = new Agency { Code = "CSC", Name = "Children's services", Kind = AgencyKind.ChildrensSocialCare };
        db.Agencies.Add(agency);
        var person = new Person { GivenName = "Amber", FamilyName = "Lewis", CreatedByAgencyId = agency.Id, CreatedAt = db.Now };
        db.People.Add(person);
        await db.SaveChangesAsync();
        person.FamilyName = "Lewis-Shaw";
        await db.SaveChangesAsync();

        var entries = await db.Ledger.AsNoTracking().Where(e => e.Stream == Person.PersonStream(person.Id)).OrderBy(e => e.Sequence).ToListAsync();
        Assert.Equal(["Person.added", "Person.changed"], entries.Select(e => e.Type));
        Assert.Contains("\"FamilyName\":{\"before\":\"Lewis\",\"after\":\"Lewis-Shaw\"}", entries[1].Payload, StringComparison.Ordinal);
        Assert.Equal("system/app", entries[1].Actor);
        Assert.DoesNotContain("GivenName", entries[1].Payload, StringComparison.Ordinal);
    }

    [Theory]
    [MemberData(nameof(Providers))]
    public async Task A_failed_save_leaves_neither_the_change_nor_a_ledger_entry(DatabaseProvider provider)
    {
        await using var server = await SafeguardServer.StartAsync(provider, seed: false);
        await using var scope = server.Scope();
        var db = scope.ServiceProvider.GetRequiredService<SafeguardDbContext>();
        db.Agencies.Add(new Agency { Code = "CSC", Name = "One", Kind = AgencyKind.Other });
        await db.SaveChangesAsync();
        var before = await db.Ledger.CountAsync();
        db.Agencies.Add(new Agency { Code = "CSC", Name = "Duplicate code", Kind = AgencyKind.Other });
        await Assert.ThrowsAsync<DbUpdateException>(() => db.SaveChangesAsync());
        db.ChangeTracker.Clear();
        Assert.Equal(before, await db.Ledger.CountAsync());
        Assert.Equal(1, await db.Agencies.CountAsync());
        // And the chain carries on intact after the failure.
        db.Agencies.Add(new Agency { Code = "POL", Name = "Police", Kind = AgencyKind.Police });
        await db.SaveChangesAsync();
        var verification = ChainVerifier.Verify(ChainReader.Ledger(db), ChainWitness.None);
        Assert.True(verification.IsIntact, verification.Explanation);
    }

    [Theory]
    [MemberData(nameof(Providers))]
    public async Task Deleting_a_record_is_refused_before_it_reaches_the_database(DatabaseProvider provider)
    {
        await using var server = await SafeguardServer.StartAsync(provider, seed: false);
        await using var scope = server.Scope();
        var db = scope.ServiceProvider.GetRequiredService<SafeguardDbContext>();
        var agency = new Agency { Code = "CSC", Name = "One", Kind = AgencyKind.Other };
        db.Agencies.Add(agency);
        await db.SaveChangesAsync();
        db.Agencies.Remove(agency);
        var refused = await Assert.ThrowsAsync<InvalidOperationException>(() => db.SaveChangesAsync());
        Assert.Contains("never deletes", refused.Message, StringComparison.Ordinal);
        db.ChangeTracker.Clear();
        Assert.Equal(1, await db.Agencies.CountAsync());
    }

    [Theory]
    [InlineData(DatabaseProvider.Postgres, "UPDATE ledger_entries SET \"Payload\" = 'x'")]
    [InlineData(DatabaseProvider.Postgres, "DELETE FROM ledger_entries")]
    [InlineData(DatabaseProvider.Postgres, "TRUNCATE ledger_entries")]
    [InlineData(DatabaseProvider.Postgres, "UPDATE access_log_entries SET \"Reason\" = 'x'")]
    [InlineData(DatabaseProvider.Postgres, "DELETE FROM access_log_entries")]
    [InlineData(DatabaseProvider.Postgres, "TRUNCATE access_log_entries")]
    [InlineData(DatabaseProvider.Sqlite, "UPDATE ledger_entries SET \"Payload\" = 'x'")]
    [InlineData(DatabaseProvider.Sqlite, "DELETE FROM ledger_entries")]
    [InlineData(DatabaseProvider.Sqlite, "UPDATE access_log_entries SET \"Reason\" = 'x'")]
    [InlineData(DatabaseProvider.Sqlite, "DELETE FROM access_log_entries")]
    public async Task The_database_itself_refuses_to_change_the_chains(DatabaseProvider provider, string sql)
    {
        await using var server = await SafeguardServer.StartAsync(provider, seed: false);
        await using var scope = server.Scope();
        var db = scope.ServiceProvider.GetRequiredService<SafeguardDbContext>();
        db.Agencies.Add(new Agency { Code = "CSC", Name = "One", Kind = AgencyKind.Other });
        db.RecordAccess("person/x", "view-record");
        await db.SaveChangesAsync();
        var refused = await Assert.ThrowsAnyAsync<System.Data.Common.DbException>(() => db.Database.ExecuteSqlRawAsync(sql));
        Assert.Contains("append-only", refused.Message, StringComparison.Ordinal);
        Assert.True(await db.Ledger.AnyAsync());
        Assert.True(await db.AccessLog.AnyAsync());
    }

    [Theory]
    [MemberData(nameof(Providers))]
    public async Task Typed_ids_and_instants_round_trip_to_the_microsecond(DatabaseProvider provider)
    {
        await using var server = await SafeguardServer.StartAsync(provider, seed: false);
        var at = ChainHash.TruncateToMicroseconds(new DateTimeOffset(2026, 3, 29, 1, 30, 15, 123, 456, TimeSpan.Zero));
        Id<Person> id;
        await using (var scope = server.Scope())
        {
            var db = scope.ServiceProvider.GetRequiredService<SafeguardDbContext>();
            var agency = new Agency { Code = "CSC", Name = "One", Kind = AgencyKind.Other };
            db.Agencies.Add(agency);
            var person = new Person { GivenName = "Ewa", FamilyName = "Nowak", DateOfBirth = new DateOnly(2012, 2, 29), CreatedByAgencyId = agency.Id, CreatedAt = at };
            id = person.Id;
            db.People.Add(person);
            await db.SaveChangesAsync();
        }
        await using (var scope = server.Scope())
        {
            var db = scope.ServiceProvider.GetRequiredService<SafeguardDbContext>();
            var read = await db.People.SingleAsync(p => p.Id == id);
            Assert.Equal(at, read.CreatedAt);
            Assert.Equal(new DateOnly(2012, 2, 29), read.DateOfBirth);
            Assert.True(await db.People.AnyAsync(p => p.CreatedAt > at.AddTicks(-10) && p.CreatedAt < at.AddTicks(10)));
        }
    }

    [Theory]
    [MemberData(nameof(Providers))]
    public async Task The_durability_check_passes_on_a_durable_database_and_names_what_is_not(DatabaseProvider provider)
    {
        await using var server = await SafeguardServer.StartAsync(provider, seed: false);
        await using var scope = server.Scope();
        var db = scope.ServiceProvider.GetRequiredService<SafeguardDbContext>();
        Assert.Empty(await DatabaseDurability.CheckAsync(db));

        await db.Database.OpenConnectionAsync();
        var weaken = provider == DatabaseProvider.Postgres ? "SET synchronous_commit = off" : "PRAGMA synchronous = NORMAL";
        await db.Database.ExecuteSqlRawAsync(weaken);
        var problems = await DatabaseDurability.CheckAsync(db);
        Assert.Contains(problems, p => p.Contains("synchronous", StringComparison.Ordinal));
        await db.Database.CloseConnectionAsync();
    }

    [Fact]
    public async Task Two_application_instances_writing_at_once_never_fork_the_chain()
    {
        await using var server = await SafeguardServer.StartAsync(DatabaseProvider.Postgres, seed: false);
        await using var other = await SecondInstanceAsync(server);
        Id<Agency> agencyId;
        await using (var scope = server.Scope())
        {
            var db = scope.ServiceProvider.GetRequiredService<SafeguardDbContext>();
            var agency = new Agency { Code = "CSC", Name = "One", Kind = AgencyKind.Other };
            db.Agencies.Add(agency);
            await db.SaveChangesAsync();
            agencyId = agency.Id;
        }
        const int WritesPerWriter = 60;
        async Task WriteAsync(IServiceProvider services, string name)
        {
            for (var i = 0; i < WritesPerWriter; i++)
            {
                await using var scope = services.CreateAsyncScope();
                var db = scope.ServiceProvider.GetRequiredService<SafeguardDbContext>();
                db.People.Add(new Person { GivenName = $"{name}{i}", FamilyName = "Writer", CreatedByAgencyId = agencyId, CreatedAt = db.Now });
                db.RecordAccess($"person/{name}{i}", "view-record");
                await db.SaveChangesAsync();
            }
        }
        await Task.WhenAll(
            Task.Run(() => WriteAsync(server.Services, "a")), Task.Run(() => WriteAsync(server.Services, "b")),
            Task.Run(() => WriteAsync(other.Services, "c")), Task.Run(() => WriteAsync(other.Services, "d")));

        await using var check = server.Scope();
        var checkDb = check.ServiceProvider.GetRequiredService<SafeguardDbContext>();
        var ledger = ChainVerifier.Verify(ChainReader.Ledger(checkDb), ChainWitness.None);
        var access = ChainVerifier.Verify(ChainReader.AccessLog(checkDb), ChainWitness.None);
        Assert.True(ledger.IsIntact, ledger.Explanation);
        Assert.True(access.IsIntact, access.Explanation);
        Assert.Equal(4 * WritesPerWriter, await checkDb.People.CountAsync());
        Assert.Equal(4 * WritesPerWriter, access.EntriesChecked);
    }

    /// <summary>A second, separately built instance of the application on the same PostgreSQL database.</summary>
    private static async Task<WebApplication> SecondInstanceAsync(SafeguardServer server)
    {
        var builder = SafeguardApp.CreateBuilder([], new Dictionary<string, string?>
        {
            ["Database:Provider"] = "Postgres",
            ["ConnectionStrings:Safeguard"] = server.ConnectionString,
            ["Ledger:CheckpointInterval"] = "0",
            ["Logging:LogLevel:Default"] = "Warning",
        });
        builder.Services.AddSingleton<TimeProvider>(new FakeTimeProvider(DateTimeOffset.UtcNow));
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        var app = SafeguardApp.BuildPipeline(builder);
        await app.StartAsync();
        return app;
    }
}
