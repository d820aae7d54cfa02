using System.Globalization;
using System.Net;
using Microsoft.EntityFrameworkCore;
using Safeguard.Web.Data.Model;
using Safeguard.Web.Demo;
using Safeguard.Web.Features.Children;
using Safeguard.Web.Tests.Infrastructure;

namespace Safeguard.Web.Tests.Access;

/// <summary>
/// Finding a child without a relationship to them (issue 10, defect 3): a few letters list only children the user
/// works with; any other child needs identifying (full name and exact date of birth, or NHS number) and then shows
/// only who knows them; every search is logged as a search, and every child shown as seen on their own record.
/// </summary>
public sealed class ChildSearchTests(SeededServerFixture fixture) : IClassFixture<SeededServerFixture>
{
    private static readonly string[] s_demoNames = ["Amber", "Lewis", "Ambs", "Jade", "Jayde", "Thornton", "Aisha", "Ayesha", "Khan", "Kayleigh", "Shaw", "Ewa", "Nowak", "Daniel", "Okoro"];

    private readonly SafeguardServer _server = fixture.Server;

    [Fact]
    public async Task Ten_two_letter_searches_by_someone_with_no_relationship_show_no_child_and_each_is_logged_as_a_search()
    {
        using var client = await SignedInClient.SignInAsync(_server, "licensing.officer");
        var officer = await UserIdAsync("licensing.officer");
        var children = await DemoChildrenAsync();
        Assert.True(children.Count >= 8, "the demo's children (and the police's records of two of them)");
        var before = await SequenceAsync();

        string[] searches = ["am", "ja", "ai", "ay", "ka", "ew", "da", "le", "th", "kh"];
        foreach (var term in searches)
        {
            var page = await SearchAsync(client, term);
            foreach (var name in s_demoNames)
            {
                Assert.DoesNotContain(name, page, StringComparison.Ordinal);
            }
            foreach (var child in children)
            {
                Assert.DoesNotContain($"/children/{child.Id}", page, StringComparison.Ordinal);
                if (child.DateOfBirth is { } born)
                {
                    Assert.DoesNotContain(born.ToString("d MMMM yyyy", CultureInfo.InvariantCulture), page, StringComparison.Ordinal);
                }
            }
            Assert.Contains("0 children you work with found", page, StringComparison.Ordinal);
        }

        // Read back: ten searches, each naming the officer and his agency, saying what kind of detail was given and
        // not what was typed; and no child written down as seen by him.
        var entries = await _server.WithDbAsync(db => db.AccessLog.AsNoTracking().Where(e => e.Sequence > before && e.Actor == $"user/{officer}").OrderBy(e => e.Sequence).ToListAsync());
        Assert.Equal(searches.Length, entries.Count);
        Assert.All(entries, e =>
        {
            Assert.Equal(SearchModel.SearchStream, e.Stream);
            Assert.Equal("search-children", e.Action);
            Assert.Equal("TXL", e.Agency);
            Assert.Equal("Searched with part of a name (2 characters), no date of birth, no NHS number. Listed 0 the user works with; no other child identified.", e.Reason);
        });
    }

    [Fact]
    public async Task A_child_the_user_works_with_is_still_found_by_part_of_a_name_with_details_and_no_other_child_is()
    {
        using var client = await SignedInClient.SignInAsync(_server, "csc.practitioner");
        var amber = await ChildAsync("Amber");
        var ewa = await ChildAsync("Ewa");

        // Children's social care works with Amber: two letters find her, with her date of birth.
        var page = await SearchAsync(client, "am");
        Assert.Contains("Amber Lewis", page, StringComparison.Ordinal);
        Assert.Contains(amber.DateOfBirth!.Value.ToString("d MMMM yyyy", CultureInfo.InvariantCulture), page, StringComparison.Ordinal);
        Assert.Contains($"/children/{amber.Id}\"", page, StringComparison.Ordinal);

        // Only health knows Ewa: two letters of her name find nothing.
        page = await SearchAsync(client, "ew");
        Assert.DoesNotContain("Nowak", page, StringComparison.Ordinal);
        Assert.DoesNotContain(ewa.Id.ToString(), page, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_full_name_and_exact_date_of_birth_say_which_agencies_know_the_child_and_nothing_else()
    {
        using var client = await SignedInClient.SignInAsync(_server, "licensing.officer");
        var officer = await UserIdAsync("licensing.officer");
        var aisha = await ChildAsync("Aisha");
        var born = aisha.DateOfBirth!.Value;
        var before = await SequenceAsync();

        var page = await SearchAsync(client, "Aisha Khan", born);
        Assert.Contains("is known to: <strong>Northbridge Schools</strong>", page, StringComparison.Ordinal);
        Assert.Contains($"/children/{aisha.Id}/request-access", page, StringComparison.Ordinal);
        Assert.Contains($"/children/{aisha.Id}/break-glass", page, StringComparison.Ordinal);
        Assert.DoesNotContain($"/children/{aisha.Id}\"", page, StringComparison.Ordinal);
        Assert.DoesNotContain(born.ToString("d MMMM yyyy", CultureInfo.InvariantCulture), page, StringComparison.Ordinal);
        Assert.DoesNotContain("Behaviour", page, StringComparison.Ordinal); // the school's case
        Assert.DoesNotContain("bus station", page, StringComparison.Ordinal); // the school's chronology

        // The spelling health recorded, and the NHS number alone, identify her too.
        Assert.Contains($"/children/{aisha.Id}/request-access", await SearchAsync(client, "Ayesha Khan", born), StringComparison.Ordinal);
        Assert.Contains($"/children/{aisha.Id}/request-access", await SearchAsync(client, "", nhsNumber: aisha.NhsNumber), StringComparison.Ordinal);

        // Not identifying: no date of birth, part of a name, a date of birth alone, a date a day out.
        foreach (var (name, date) in new (string, DateOnly?)[] { ("Aisha Khan", null), ("Aisha Kh", born), ("", born), ("Aisha", born), ("Aisha Khan", born.AddDays(1)) })
        {
            page = await SearchAsync(client, name, date);
            Assert.DoesNotContain(aisha.Id.ToString(), page, StringComparison.Ordinal);
            Assert.DoesNotContain("Northbridge Schools", page, StringComparison.Ordinal);
        }

        // Read back: Aisha's own record says the officer saw her in a search, with no relationship, three times;
        // the searches' stream says what kind of detail each search gave.
        var stream = Person.PersonStream(aisha.Id);
        var entries = await _server.WithDbAsync(db => db.AccessLog.AsNoTracking().Where(e => e.Sequence > before && e.Actor == $"user/{officer}").OrderBy(e => e.Sequence).ToListAsync());
        var seen = entries.Where(e => e.Stream == stream).ToList();
        Assert.Equal(3, seen.Count);
        Assert.All(seen, e => Assert.Equal(("seen-in-search", "None"), (e.Action, e.Basis)));
        var searches = entries.Where(e => e.Stream == SearchModel.SearchStream).Select(e => e.Reason).ToList();
        Assert.Equal(8, searches.Count);
        Assert.Equal("Searched with a name of 2 words, a date of birth, no NHS number. Listed 0 the user works with; 1 other child identified (shown as known, without details).", searches[0]);
        Assert.Equal("Searched with no name, no date of birth, an NHS number. Listed 0 the user works with; 1 other child identified (shown as known, without details).", searches[2]);
        Assert.All(searches, reason => Assert.DoesNotContain("Aisha", reason!, StringComparison.OrdinalIgnoreCase));
        Assert.All(searches, reason => Assert.DoesNotContain(born.Year.ToString(CultureInfo.InvariantCulture), reason!, StringComparison.Ordinal));
        Assert.DoesNotContain(entries, e => e.Stream.StartsWith("person/", StringComparison.Ordinal) && e.Stream != stream);
    }

    [Fact]
    public async Task Identifying_details_that_fit_two_children_show_neither()
    {
        // Two children of the same name and birthday, each known to a different agency, neither to licensing.
        var born = new DateOnly(2012, 2, 29);
        var (first, second) = await _server.WithDbAsync(async db =>
        {
            var health = await db.Agencies.SingleAsync(a => a.Code == "HLT");
            var school = await db.Agencies.SingleAsync(a => a.Code == "EDU");
            Person Twin(Agency agency)
            {
                var child = new Person { Kind = PersonKind.Child, GivenName = "Zofia", FamilyName = "Quill", DateOfBirth = born, CreatedByAgencyId = agency.Id, CreatedAt = db.Now };
                db.People.Add(child);
                db.Cases.Add(new ChildCase { PersonId = child.Id, AgencyId = agency.Id, Reference = $"T-{child.Id}"[..20], Category = "Test", OpenedAt = db.Now });
                return child;
            }
            var (a, b) = (Twin(health), Twin(school));
            await db.SaveChangesAsync();
            return (a.Id, b.Id);
        });
        using var client = await SignedInClient.SignInAsync(_server, "licensing.officer");

        var page = await SearchAsync(client, "Zofia Quill", born);
        Assert.Contains("More than one child fits the details you gave, so none is shown.", page, StringComparison.Ordinal);
        Assert.DoesNotContain(first.ToString(), page, StringComparison.Ordinal);
        Assert.DoesNotContain(second.ToString(), page, StringComparison.Ordinal);
        Assert.DoesNotContain("Northbridge Health NHS Trust", page, StringComparison.Ordinal);
        Assert.DoesNotContain("Northbridge Schools", page, StringComparison.Ordinal);
        Assert.DoesNotContain("29 February 2012", page, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Possible_matches_when_recording_a_person_do_not_show_the_date_of_birth_of_a_child_the_user_does_not_work_with()
    {
        using var client = await SignedInClient.SignInAsync(_server, "csc.practitioner");
        var ewa = await ChildAsync("Ewa");
        var born = ewa.DateOfBirth!.Value;
        var response = await client.PostFormAsync("/people/new", "/people/new",
            ("Input.Kind", "Child"), ("Input.GivenName", "Ewa"), ("Input.FamilyName", "Nowak"), ("Input.Sex", "Female"),
            ("Input.DateOfBirth.Day", born.Day.ToString(CultureInfo.InvariantCulture)), ("Input.DateOfBirth.Month", born.Month.ToString(CultureInfo.InvariantCulture)),
            ("Input.DateOfBirth.Year", born.Year.ToString(CultureInfo.InvariantCulture)), ("Input.Involvement", "Child in need"));
        var page = await response.Content.ReadAsStringAsync();
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("Check whether we already hold this person", page, StringComparison.Ordinal);
        Assert.Contains($"/children/{ewa.Id}/request-access", page, StringComparison.Ordinal);
        Assert.Contains("Northbridge Health NHS Trust", page, StringComparison.Ordinal);
        Assert.DoesNotContain(born.ToString("d MMMM yyyy", CultureInfo.InvariantCulture), page, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Possible_matches_when_reporting_a_concern_do_not_show_the_date_of_birth_of_a_child_the_reporter_does_not_work_with()
    {
        using var client = await SignedInClient.SignInAsync(_server, "licensing.officer");
        var ewa = await ChildAsync("Ewa");
        var born = ewa.DateOfBirth!.Value;
        var yesterday = DateOnly.FromDateTime(_server.Clock.GetUtcNow().UtcDateTime).AddDays(-1);
        var response = await client.PostFormAsync("/concerns/new", "/concerns/new",
            ("Input.OccurredOn.Day", yesterday.Day.ToString(CultureInfo.InvariantCulture)), ("Input.OccurredOn.Month", yesterday.Month.ToString(CultureInfo.InvariantCulture)),
            ("Input.OccurredOn.Year", yesterday.Year.ToString(CultureInfo.InvariantCulture)),
            ("Input.ChildGivenName", "Ewa"), ("Input.ChildFamilyName", "Nowak"),
            ("Input.ChildDateOfBirth.Day", born.Day.ToString(CultureInfo.InvariantCulture)), ("Input.ChildDateOfBirth.Month", born.Month.ToString(CultureInfo.InvariantCulture)),
            ("Input.ChildDateOfBirth.Year", born.Year.ToString(CultureInfo.InvariantCulture)),
            ("Input.WhatHappened", "Seen getting into a private hire car outside the Mill Road takeaway at 01:30 with two adult men."), ("Input.ImmediateDanger", "no"));
        var page = await response.Content.ReadAsStringAsync();
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("Is this the child you are worried about?", page, StringComparison.Ordinal);
        Assert.Contains("Ewa Nowak", page, StringComparison.Ordinal);
        Assert.DoesNotContain($"born {Core.Casework.CaseworkText.Date(born)}", page, StringComparison.Ordinal);
        Assert.DoesNotContain(Core.Casework.CaseworkText.Date(born), page, StringComparison.Ordinal);
    }

    private async Task<long> SequenceAsync() => await _server.WithDbAsync(async db => await db.AccessLog.MaxAsync(e => (long?)e.Sequence) ?? 0);

    private Task<Guid> UserIdAsync(string user) =>
        _server.WithDbAsync(db => db.Users.Where(u => u.Email == DemoPartnership.EmailOf(user)).Select(u => u.Id).SingleAsync());

    private Task<Person> ChildAsync(string givenName) =>
        _server.WithDbAsync(db => db.People.AsNoTracking().SingleAsync(p => p.GivenName == givenName && p.Kind == PersonKind.Child));

    private Task<List<Person>> DemoChildrenAsync() =>
        _server.WithDbAsync(db => db.People.AsNoTracking().Where(p => p.Kind == PersonKind.Child).ToListAsync());

    private static async Task<string> SearchAsync(SignedInClient client, string name, DateOnly? dateOfBirth = null, string? nhsNumber = null)
    {
        var response = await client.PostFormAsync("/children", "/children",
            ("Input.Name", name),
            ("Input.DateOfBirth.Day", dateOfBirth?.Day.ToString(CultureInfo.InvariantCulture) ?? ""),
            ("Input.DateOfBirth.Month", dateOfBirth?.Month.ToString(CultureInfo.InvariantCulture) ?? ""),
            ("Input.DateOfBirth.Year", dateOfBirth?.Year.ToString(CultureInfo.InvariantCulture) ?? ""),
            ("Input.NhsNumber", nhsNumber ?? ""));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return await response.Content.ReadAsStringAsync();
    }
}
