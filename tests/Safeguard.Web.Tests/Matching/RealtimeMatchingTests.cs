using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Safeguard.Core;
using Safeguard.Core.Matching;
using Safeguard.Web.Data;
using Safeguard.Web.Data.Model;
using Safeguard.Web.Demo;
using Safeguard.Web.Features.Matching;
using Safeguard.Web.Tests.Infrastructure;
using Sex = Safeguard.Web.Data.Model.Sex;

namespace Safeguard.Web.Tests.Matching;

/// <summary>
/// Real-time matching against the database, on both providers: keys derived in the save that changes a person,
/// candidates from one query, links and reviews by the intake rule, undo restoring both records exactly.
/// </summary>
public sealed class RealtimeMatchingTests
{
    public static TheoryData<DatabaseProvider> Providers => [DatabaseProvider.Postgres, DatabaseProvider.Sqlite];

    private const string AmberNhs = "9434765919";

    [Fact]
    public async Task A_stored_model_this_version_cannot_read_gives_way_to_the_shipped_default_and_intake_goes_on()
    {
        await using var server = await SafeguardServer.StartAsync(DatabaseProvider.Postgres, seed: false);
        await using var scope = server.Scope();
        var db = Db(scope);
        var models = server.Services.GetRequiredService<MatchModels>();
        var readable = new MatchModelVersion { CreatedAt = db.Now, TrainedOnRecords = 1000, Json = models.Default.ToJson() };
        db.MatchModelVersions.Add(readable);
        await db.SaveChangesAsync();
        Assert.Equal(readable.Id, (await models.CurrentAsync(db, CancellationToken.None)).Version);

        // Trained by an earlier version: the format it was written in is no longer read.
        var earlier = System.Text.RegularExpressions.Regex.Replace(models.Default.ToJson(), "\"format\"\\s*:\\s*2", "\"format\": 1");
        Assert.NotEqual(models.Default.ToJson(), earlier);
        var old = new MatchModelVersion { CreatedAt = db.Now.AddSeconds(1), TrainedOnRecords = 1000, Json = earlier };
        db.MatchModelVersions.Add(old);
        await db.SaveChangesAsync();
        var current = await models.CurrentAsync(db, CancellationToken.None);
        Assert.Null(current.Version);
        Assert.Same(models.Default, current.Model);
        Assert.Contains(server.Logs.Lines, l => l.Contains("cannot be read by this version", StringComparison.Ordinal));
    }

    [Theory]
    [MemberData(nameof(Providers))]
    public async Task Keys_are_written_with_the_person_superseded_when_the_record_changes_revived_when_it_changes_back_and_never_ledgered(DatabaseProvider provider)
    {
        await using var server = await SafeguardServer.StartAsync(provider, seed: false);
        await using var scope = server.Scope();
        var db = Db(scope);
        var agency = await AgencyAsync(db);
        var amber = await PersonAsync(db, agency, "Amber", "Lewis", new DateOnly(2011, 3, 27), Sex.Female, AmberNhs, ("14 Canal Street", "NB3 4QT"));

        var created = await LiveKeysAsync(db, amber);
        Assert.NotEmpty(created);
        var forms = MatchIndex.Forms(await db.People.AsNoTracking().SingleAsync(p => p.Id == amber), [], [], await db.PersonAddresses.AsNoTracking().Where(a => a.PersonId == amber).ToListAsync());
        Assert.Equal(MatchIndex.StoredKeys(forms).Order(), created.Order());
        Assert.Contains(MatchIndex.Hash($"nhs_number:{AmberNhs}"), created);
        Assert.Equal(forms, MatchIndex.Deserialize((await db.PersonMatchRecords.SingleAsync(r => r.PersonId == amber)).Forms));

        // A correction of the date of birth: keys built on the old date are superseded (kept), new ones added.
        var person = await db.People.SingleAsync(p => p.Id == amber);
        person.DateOfBirth = new DateOnly(2011, 3, 28);
        await db.SaveChangesAsync();
        var corrected = await LiveKeysAsync(db, amber);
        Assert.Contains(MatchIndex.Hash($"nhs_number:{AmberNhs}"), corrected);
        var dropped = created.Except(corrected).ToList();
        Assert.NotEmpty(dropped);
        Assert.All(await db.PersonMatchKeys.Where(k => k.PersonId == amber && dropped.Contains(k.Key)).ToListAsync(), k => Assert.NotNull(k.SupersededAt));

        // A name added to the record adds that name's keys; changing the date back revives the first keys.
        db.PersonNames.Add(new PersonName { PersonId = amber, Kind = PersonNameKind.KnownAs, Name = "Ambs", RecordedByAgencyId = agency, RecordedAt = db.Now });
        person.DateOfBirth = new DateOnly(2011, 3, 27);
        await db.SaveChangesAsync();
        var revived = await LiveKeysAsync(db, amber);
        Assert.Superset(created.ToHashSet(), revived.ToHashSet());
        Assert.True(revived.Count > created.Count);

        // Derived rows never reach the ledger; the person's own changes do.
        var types = await db.Ledger.Select(e => e.Type).Distinct().ToListAsync();
        Assert.Contains("Person.changed", types);
        Assert.DoesNotContain(types, t => t.StartsWith("PersonMatch", StringComparison.Ordinal));
    }

    [Theory]
    [MemberData(nameof(Providers))]
    public async Task Candidates_are_found_under_a_nickname_and_a_mistyped_date_ranked_with_their_explanation(DatabaseProvider provider)
    {
        await using var server = await SafeguardServer.StartAsync(provider, seed: false);
        await using var scope = server.Scope();
        var db = Db(scope);
        var agency = await AgencyAsync(db);
        var katherine = await PersonAsync(db, agency, "Katherine", "Doyle", new DateOnly(2012, 4, 11), Sex.Female, null, ("3 Mill Road", "NB2 8LP"));
        await PersonAsync(db, agency, "Jade", "Thornton", new DateOnly(2010, 9, 1), Sex.Female, null, ("Oakfield House", "NB1 7HD"));
        var sister = await PersonAsync(db, agency, "Megan", "Doyle", new DateOnly(2014, 6, 2), Sex.Female, null, ("3 Mill Road", "NB2 8LP"));

        var matching = scope.ServiceProvider.GetRequiredService<PersonMatching>();
        // Katie for Katherine, day and month typed the wrong way round, same address.
        var candidates = await matching.FindCandidatesAsync(new PersonRecord("new")
        {
            GivenName = "Katie",
            FamilyName = "Doyle",
            DateOfBirth = new DateOnly(2012, 11, 4),
            Address = "3 Mill Road",
            Postcode = "NB2 8LP",
        }, CancellationToken.None);

        var first = Assert.Single(candidates, c => c.Band == MatchBand.Certain);
        Assert.Equal(katherine, first.PersonId);
        Assert.Equal(katherine, candidates[0].PersonId);
        Assert.Equal("nickname or transliteration", first.Explanation.Single(f => f.Field == "given_name").Level);
        Assert.Equal("day and month swapped", first.Explanation.Single(f => f.Field == "date_of_birth").Level);
        Assert.DoesNotContain(candidates, c => c.PersonId == sister && c.Band == MatchBand.Certain);
        Assert.All(candidates, c => Assert.True(c.Probability >= MatchThresholds.Default.Possible));
        Assert.Equal(candidates.OrderByDescending(c => c.Probability).Select(c => c.PersonId), candidates.Select(c => c.PersonId));
    }

    [Theory]
    [MemberData(nameof(Providers))]
    public async Task A_certain_match_is_linked_a_possible_one_queued_once_and_a_decision_of_different_people_is_remembered(DatabaseProvider provider)
    {
        await using var server = await SafeguardServer.StartAsync(provider, seed: false);
        await using var scope = server.Scope();
        var db = Db(scope);
        var matching = scope.ServiceProvider.GetRequiredService<PersonMatching>();
        var agency = await AgencyAsync(db);
        var amber = await PersonAsync(db, agency, "Amber", "Lewis", new DateOnly(2011, 3, 27), Sex.Female, AmberNhs, ("14 Canal Street", "NB3 4QT"));
        server.Clock.Advance(TimeSpan.FromMinutes(1));

        // The same child recorded again by another agency: linked into the first record, which keeps its place in front.
        var again = await PersonAsync(db, agency, "Amber", "Lewis", new DateOnly(2011, 3, 27), Sex.Female, AmberNhs, ("14 Canal St", "NB3 4QT"));
        Assert.Equal(MatchBand.Certain, (await matching.CompareAsync(again, amber, CancellationToken.None)).Best.Band);
        var linked = await matching.MatchOnIntakeAsync(again, CancellationToken.None);
        Assert.Equal(amber, linked.LinkedInto);
        Assert.Empty(linked.Reviews);
        Assert.Equal(amber, (await db.People.AsNoTracking().SingleAsync(p => p.Id == again)).MergedIntoId);
        var merge = await db.PersonMerges.SingleAsync();
        Assert.Equal((amber, again, MergeMethod.Automatic), (merge.SurvivorId, merge.MergedId, merge.Method));
        Assert.True(await db.Ledger.AnyAsync(e => e.Stream == Person.PersonStream(again) && e.Type == "Person.changed" && e.Payload.Contains("MergedIntoId")));
        Assert.True(await db.Ledger.AnyAsync(e => e.Stream == Person.PersonStream(amber) && e.Type == "PersonMerge.added"));

        // One digit off in the date, another address, no NHS number: possibly her. Queued, and not twice.
        var maybe = await PersonAsync(db, agency, "Amber", "Lewis", new DateOnly(2011, 3, 28), Sex.Female, null, ("7 Station Road", "NB9 1AA"));
        Assert.Equal(MatchBand.Possible, (await matching.CompareAsync(maybe, amber, CancellationToken.None)).Best.Band);
        var queued = await matching.MatchOnIntakeAsync(maybe, CancellationToken.None);
        Assert.Null(queued.LinkedInto);
        var review = Assert.Single(queued.Reviews);
        Assert.Equal((maybe, ReviewReason.Possible, MatchReviewStatus.Pending), (review.PersonId, review.Reason, review.Status));
        Assert.Contains(review.CandidateId, new[] { amber, again });
        Assert.Empty((await matching.MatchOnIntakeAsync(maybe, CancellationToken.None)).Reviews);

        // Different people: matching leaves the pair alone from now on.
        await matching.DecideAsync(await db.PersonMatchReviews.SingleAsync(), samePerson: false, "Different mothers; Amber at NB9 is a year 7 pupil at another school.", Guid.NewGuid(), CancellationToken.None);
        var after = await matching.MatchOnIntakeAsync(maybe, CancellationToken.None);
        Assert.Null(after.LinkedInto);
        Assert.Empty(after.Reviews);
        Assert.Equal(1, await db.PersonMatchReviews.CountAsync());

        // Someone unlike anyone held: nothing happens.
        var jade = await PersonAsync(db, agency, "Jade", "Thornton", new DateOnly(2010, 9, 1), Sex.Female, null, ("Oakfield House", "NB1 7HD"));
        var nothing = await matching.MatchOnIntakeAsync(jade, CancellationToken.None);
        Assert.Equal((null, 0), (nothing.LinkedInto, nothing.Reviews.Count));
    }

    [Theory]
    [MemberData(nameof(Providers))]
    public async Task Over_linking_through_chains_goes_to_review_in_both_shapes(DatabaseProvider provider)
    {
        await using var server = await SafeguardServer.StartAsync(provider, seed: false);
        await using var scope = server.Scope();
        var db = Db(scope);
        var matching = scope.ServiceProvider.GetRequiredService<PersonMatching>();
        var agency = await AgencyAsync(db);
        var born = new DateOnly(2010, 5, 1);
        // Two people held apart: one name and birthday, but different NHS numbers and sexes.
        var a = await PersonAsync(db, agency, "Kayleigh", "Shaw", born, Sex.Female, DemoPartnership.TestNhsNumber(101), ("21 Park Lane", "NB4 2QQ"));
        var c = await PersonAsync(db, agency, "Kayleigh", "Shaw", born, Sex.Male, DemoPartnership.TestNhsNumber(202), ("5 Hill Street", "NB6 3RT"));
        Assert.Equal(MatchBand.NoMatch, (await matching.CompareAsync(a, c, CancellationToken.None)).Best.Band);

        // B has both addresses: certain with each of them. Linking would join A and C through B (A~B, B~C, A≁C).
        var b = await PersonAsync(db, agency, "Kayleigh", "Shaw", born, Sex.NotRecorded, null, ("21 Park Lane", "NB4 2QQ"), ("5 Hill Street", "NB6 3RT"));
        Assert.Equal(MatchBand.Certain, (await matching.CompareAsync(b, a, CancellationToken.None)).Best.Band);
        Assert.Equal(MatchBand.Certain, (await matching.CompareAsync(b, c, CancellationToken.None)).Best.Band);
        var result = await matching.MatchOnIntakeAsync(b, CancellationToken.None);
        Assert.Null(result.LinkedInto);
        Assert.Equal([ReviewReason.SeveralCertain, ReviewReason.SeveralCertain], result.Reviews.Select(r => r.Reason));
        Assert.Equal(new[] { a, c }.OrderBy(p => p.Value), result.Reviews.Select(r => r.CandidateId).OrderBy(p => p.Value));
        Assert.False(await db.PersonMerges.AnyAsync());

        // The other shape: F is linked into E automatically (the only certain person); then G arrives, certain with
        // F's second address but nothing like E. Linking G would put E and G together through F.
        var chloe = new DateOnly(2009, 8, 14);
        var e = await PersonAsync(db, agency, "Chloe", "Grant", chloe, Sex.Female, DemoPartnership.TestNhsNumber(303), ("9 Wharf Road", "NB5 1XY"));
        var f = await PersonAsync(db, agency, "Chloe", "Grant", chloe, Sex.NotRecorded, null, ("9 Wharf Road", "NB5 1XY"), ("40 Quarry Lane", "NB7 4GH"));
        Assert.Equal(e, (await matching.MatchOnIntakeAsync(f, CancellationToken.None)).LinkedInto);
        var g = await PersonAsync(db, agency, "Chloe", "Grant", chloe, Sex.Male, DemoPartnership.TestNhsNumber(404), ("40 Quarry Lane", "NB7 4GH"));
        Assert.Equal(MatchBand.NoMatch, (await matching.CompareAsync(g, e, CancellationToken.None)).Best.Band);
        Assert.Equal(MatchBand.Certain, (await matching.CompareAsync(g, f, CancellationToken.None)).Best.Band);
        var chain = await matching.MatchOnIntakeAsync(g, CancellationToken.None);
        Assert.Null(chain.LinkedInto);
        var review = Assert.Single(chain.Reviews);
        Assert.Equal(ReviewReason.Chain, review.Reason);
        Assert.Equal(f, review.CandidateId);
        Assert.Null((await db.People.AsNoTracking().SingleAsync(p => p.Id == g)).MergedIntoId);
    }

    [Theory]
    [MemberData(nameof(Providers))]
    public async Task Undoing_a_link_restores_both_records_exactly_and_they_are_not_linked_again(DatabaseProvider provider)
    {
        await using var server = await SafeguardServer.StartAsync(provider, seed: false);
        await using var scope = server.Scope();
        var db = Db(scope);
        var matching = scope.ServiceProvider.GetRequiredService<PersonMatching>();
        var agency = await AgencyAsync(db);
        var amber = await PersonAsync(db, agency, "Amber", "Lewis", new DateOnly(2011, 3, 27), Sex.Female, AmberNhs, ("14 Canal Street", "NB3 4QT"));
        db.PersonNames.Add(new PersonName { PersonId = amber, Kind = PersonNameKind.KnownAs, Name = "Ambs", RecordedByAgencyId = agency, RecordedAt = db.Now });
        db.Cases.Add(new ChildCase { PersonId = amber, AgencyId = agency, Reference = "T-1", Category = "Child protection", OpenedAt = db.Now });
        await db.SaveChangesAsync();
        server.Clock.Advance(TimeSpan.FromMinutes(1));
        var again = await PersonAsync(db, agency, "Amber", "Lewis", new DateOnly(2011, 3, 27), Sex.Female, AmberNhs, ("14 Canal Street", "NB3 4QT"));
        db.PersonIdentifiers.Add(new PersonIdentifier { PersonId = again, Kind = IdentifierKind.PolicePersonId, Value = "NB-77812", RecordedByAgencyId = agency, RecordedAt = db.Now });
        await db.SaveChangesAsync();

        var before = (await SnapshotAsync(db, amber), await SnapshotAsync(db, again));
        var linked = await matching.MatchOnIntakeAsync(again, CancellationToken.None);
        Assert.Equal(amber, linked.LinkedInto);
        Assert.NotEqual(before.Item2, await SnapshotAsync(db, again));
        Assert.Equal(before.Item1, await SnapshotAsync(db, amber));

        await matching.UndoAsync(await db.PersonMerges.SingleAsync(), "Police record is a cousin with the same name, checked with the officer.", Guid.NewGuid(), CancellationToken.None);
        Assert.Equal(before, (await SnapshotAsync(db, amber), await SnapshotAsync(db, again)));
        var merge = await db.PersonMerges.AsNoTracking().SingleAsync();
        Assert.NotNull(merge.UndoneAt);
        Assert.True(await db.Ledger.AnyAsync(e => e.Type == "PersonMerge.changed" && e.Payload.Contains("UndoReason")));

        // Matching again links nothing and queues nothing: the undo is a decision that they are different people.
        var rematch = await matching.MatchOnIntakeAsync(again, CancellationToken.None);
        Assert.Equal((null, 0), (rematch.LinkedInto, rematch.Reviews.Count));
        await Assert.ThrowsAsync<InvalidOperationException>(() => matching.UndoAsync(merge, "again", Guid.NewGuid(), CancellationToken.None));
    }

    [Theory]
    [MemberData(nameof(Providers))]
    public async Task The_latest_trained_model_is_used_and_the_shipped_default_until_there_is_one(DatabaseProvider provider)
    {
        await using var server = await SafeguardServer.StartAsync(provider, seed: false);
        await using var scope = server.Scope();
        var db = Db(scope);
        var models = scope.ServiceProvider.GetRequiredService<MatchModels>();
        var first = await models.CurrentAsync(db, CancellationToken.None);
        Assert.Null(first.Version);
        Assert.Same(models.Default, first.Model);

        var trained = models.Default.WithThresholds(new MatchThresholds(0.9, 0.9999, 0.2));
        db.MatchModelVersions.Add(new MatchModelVersion { CreatedAt = db.Now, TrainedOnRecords = 10, Json = trained.ToJson() });
        await db.SaveChangesAsync();
        var current = await models.CurrentAsync(db, CancellationToken.None);
        Assert.NotNull(current.Version);
        Assert.Equal(0.9999, current.Model.Thresholds.Certain);
        Assert.Same(current.Model, (await models.CurrentAsync(db, CancellationToken.None)).Model);
        Assert.True(await db.Ledger.AnyAsync(e => e.Stream == "matching/models"));
    }

    public static SafeguardDbContext Db(AsyncServiceScope scope) => scope.ServiceProvider.GetRequiredService<SafeguardDbContext>();

    public static async Task<Id<Agency>> AgencyAsync(SafeguardDbContext db)
    {
        var agency = new Agency { Code = "CSC", Name = "Children's social care", Kind = AgencyKind.ChildrensSocialCare };
        db.Agencies.Add(agency);
        await db.SaveChangesAsync();
        return agency.Id;
    }

    public static async Task<Id<Person>> PersonAsync(SafeguardDbContext db, Id<Agency> agency, string given, string family, DateOnly? born, Sex sex, string? nhs, params (string Line, string Postcode)[] addresses)
    {
        var person = new Person { Kind = PersonKind.Child, GivenName = given, FamilyName = family, DateOfBirth = born, Sex = sex, NhsNumber = nhs, CreatedByAgencyId = agency, CreatedAt = db.Now };
        db.People.Add(person);
        for (var i = 0; i < addresses.Length; i++)
        {
            db.PersonAddresses.Add(new PersonAddress
            {
                PersonId = person.Id,
                Line1 = addresses[i].Line,
                Town = "Northbridge",
                Postcode = addresses[i].Postcode,
                From = new DateOnly(2020 + i, 1, 1),
                RecordedByAgencyId = agency,
                RecordedAt = db.Now,
            });
        }
        await db.SaveChangesAsync();
        return person.Id;
    }

    private static async Task<List<long>> LiveKeysAsync(SafeguardDbContext db, Id<Person> person) =>
        await db.PersonMatchKeys.AsNoTracking().Where(k => k.PersonId == person && k.SupersededAt == null).Select(k => k.Key).ToListAsync();

    /// <summary>Everything stored about a person and by them, as text: two snapshots are equal when nothing changed.</summary>
    private static async Task<string> SnapshotAsync(SafeguardDbContext db, Id<Person> id)
    {
        var parts = new object[]
        {
            await db.People.AsNoTracking().SingleAsync(p => p.Id == id),
            await db.PersonNames.AsNoTracking().Where(x => x.PersonId == id).OrderBy(x => x.Id).ToListAsync(),
            await db.PersonIdentifiers.AsNoTracking().Where(x => x.PersonId == id).OrderBy(x => x.Id).ToListAsync(),
            await db.PersonAddresses.AsNoTracking().Where(x => x.PersonId == id).OrderBy(x => x.Id).ToListAsync(),
            await db.PersonContacts.AsNoTracking().Where(x => x.PersonId == id).OrderBy(x => x.Id).ToListAsync(),
            await db.PersonVulnerabilities.AsNoTracking().Where(x => x.PersonId == id).OrderBy(x => x.Id).ToListAsync(),
            await db.Cases.AsNoTracking().Where(x => x.PersonId == id).OrderBy(x => x.Id).ToListAsync(),
            await db.Chronology.AsNoTracking().Where(x => x.PersonId == id).OrderBy(x => x.Id).ToListAsync(),
            await db.PersonMatchKeys.AsNoTracking().Where(x => x.PersonId == id).OrderBy(x => x.Key).Select(x => new { x.Key, x.SupersededAt }).ToListAsync(),
        };
        return JsonSerializer.Serialize(parts);
    }
}
