using Microsoft.EntityFrameworkCore;
using Safeguard.Core.Matching;
using Safeguard.Core.Matching.Synthetic;
using Safeguard.Web.Cli;
using Safeguard.Web.Data;
using Safeguard.Web.Data.Model;
using Safeguard.Web.Tests.Infrastructure;
using Safeguard.Web.Tests.Matching;
using Sex = Safeguard.Web.Data.Model.Sex;

namespace Safeguard.Web.Tests.Cli;

public sealed class MatchCommandTests
{
    public static TheoryData<DatabaseProvider> Providers => [DatabaseProvider.Postgres, DatabaseProvider.Sqlite];

    private static async Task<(int Exit, string Stdout, string Stderr)> RunAsync(params string[] args)
    {
        var stdout = new StringWriter();
        var stderr = new StringWriter();
        var exit = await CommandLine.RunAsync(["match", .. args], stdout, stderr);
        return (exit, stdout.ToString(), stderr.ToString());
    }

    [Theory]
    [InlineData(new string[0], "say what to do")]
    [InlineData(new[] { "rebuild" }, "unknown action 'rebuild'")]
    [InlineData(new[] { "train", "--minimum-records", "many" }, "--minimum-records needs a whole number")]
    [InlineData(new[] { "train", "--minimum-records" }, "--minimum-records needs a whole number")]
    public async Task A_wrong_command_line_is_a_usage_error_that_says_what_is_wrong(string[] args, string message)
    {
        var (exit, _, stderr) = await RunAsync(args);
        Assert.Equal(CommandLine.Usage, exit);
        Assert.Contains(message, stderr, StringComparison.Ordinal);
        Assert.Contains("Usage: ./safeguard match", stderr, StringComparison.Ordinal);
    }

    [Theory]
    [MemberData(nameof(Providers))]
    public async Task Reindex_revives_the_keys_train_refuses_too_few_people_then_stores_a_model_that_status_reports(DatabaseProvider provider)
    {
        await using var server = await SafeguardServer.StartAsync(provider, seed: false);
        // The server's data directory too: the verbs that write witness the chains there before they exit.
        string[] database = [$"--Database:Provider={provider}", $"--ConnectionStrings:Safeguard={server.ConnectionString}", $"--Safeguard:DataDirectory={server.DataDirectory}"];
        int people;
        int liveKeys;
        await using (var scope = server.Scope())
        {
            var db = RealtimeMatchingTests.Db(scope);
            var agency = await RealtimeMatchingTests.AgencyAsync(db);
            foreach (var generated in new PersonGenerator(5).Generate(150))
            {
                AddPerson(db, agency, generated.Record);
            }
            await db.SaveChangesAsync();
            people = await db.People.CountAsync();
            liveKeys = await db.PersonMatchKeys.CountAsync(k => k.SupersededAt == null);
            Assert.True(liveKeys > people * 5, $"{liveKeys} keys for {people} people");
            // As if the blocking rules had changed since the keys were written: none of them is live.
            await db.PersonMatchKeys.ExecuteUpdateAsync(s => s.SetProperty(k => k.SupersededAt, db.Now));
        }

        var reindex = await RunAsync(["reindex", .. database]);
        Assert.Equal(CommandLine.Success, reindex.Exit);
        Assert.Contains($"reindexed {people:N0} people", reindex.Stdout, StringComparison.Ordinal);
        Assert.Contains($"{liveKeys:N0} live keys", reindex.Stdout, StringComparison.Ordinal);

        var before = await RunAsync(["status", .. database]);
        Assert.Equal(CommandLine.Success, before.Exit);
        Assert.Contains("the shipped default", before.Stdout, StringComparison.Ordinal);
        Assert.Contains($"people: {people:N0}, indexed: {people:N0}, live keys: {liveKeys:N0}", before.Stdout, StringComparison.Ordinal);

        var refused = await RunAsync(["train", "--minimum-records", "100000", .. database]);
        Assert.Equal(CommandLine.Failure, refused.Exit);
        Assert.Contains("too few to estimate", refused.Stderr, StringComparison.Ordinal);

        var trained = await RunAsync(["train", "--minimum-records", "100", .. database]);
        Assert.Equal(CommandLine.Success, trained.Exit);
        Assert.Contains($"from {people:N0} people", trained.Stdout, StringComparison.Ordinal);
        await using (var scope = server.Scope())
        {
            var db = RealtimeMatchingTests.Db(scope);
            var version = await db.MatchModelVersions.AsNoTracking().SingleAsync();
            Assert.Equal(people, version.TrainedOnRecords);
            var model = MatchModel.FromJson(version.Json);
            Assert.InRange(model.Prior, 1e-9, 0.5);
            var status = await RunAsync(["status", .. database]);
            Assert.Contains($"model: {version.Id}", status.Stdout, StringComparison.Ordinal);
        }
    }

    private static void AddPerson(SafeguardDbContext db, Safeguard.Core.Id<Agency> agency, PersonRecord record)
    {
        var person = new Person
        {
            GivenName = record.GivenName ?? "Unknown",
            MiddleNames = record.MiddleNames,
            FamilyName = record.FamilyName ?? "Unknown",
            DateOfBirth = record.DateOfBirth,
            Sex = record.Sex switch { Core.Matching.Sex.Female => Sex.Female, Core.Matching.Sex.Male => Sex.Male, _ => Sex.NotRecorded },
            NhsNumber = Core.People.NhsNumber.Normalise(record.NhsNumber),
            Phone = record.Phone,
            CreatedByAgencyId = agency,
            CreatedAt = db.Now,
        };
        db.People.Add(person);
        if (record.Address is not null)
        {
            db.PersonAddresses.Add(new PersonAddress { PersonId = person.Id, Line1 = record.Address, Postcode = record.Postcode, RecordedByAgencyId = agency, RecordedAt = db.Now });
        }
    }
}
