using System.Net;
using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using Safeguard.Core;
using Safeguard.Web.Data;
using Safeguard.Web.Data.Model;
using Safeguard.Web.Features.Concerns;
using Safeguard.Web.Tests.Infrastructure;

namespace Safeguard.Web.Tests.Casework;

/// <summary>
/// Adults named in a concern are looked for by the matching engine, on what reporters know of them: a nickname, the
/// names the wrong way round, a phone number typed any way (at the front door: a reporter is matched on the name only).
/// The reporter may leave an adult to the front door, which matches them there; the change is in the concern's ledger
/// and everyone offered is logged as seen.
/// </summary>
public sealed partial class AdultMatchingTests : IAsyncLifetime
{
    private SafeguardServer _server = null!;
    private Id<Person> _william;
    private Id<Person> _boy;

    public async Task InitializeAsync()
    {
        _server = await SafeguardServer.StartAsync(settings: new Dictionary<string, string?> { ["Casework:MonitorInterval"] = "0", ["Email:PollInterval"] = "0" });
        await using var scope = _server.Scope();
        var db = scope.ServiceProvider.GetRequiredService<SafeguardDbContext>();
        var police = await db.Agencies.Where(a => a.Code == "POL").Select(a => a.Id).SingleAsync();
        var william = new Person { Kind = PersonKind.Adult, GivenName = "William", FamilyName = "Stott", DateOfBirth = new DateOnly(1979, 6, 14), Sex = Sex.Male, Phone = "07700 900461", CreatedByAgencyId = police, CreatedAt = db.Now };
        // A boy with the same name: never offered as the adult.
        var boy = new Person { Kind = PersonKind.Child, GivenName = "William", FamilyName = "Stott", DateOfBirth = new DateOnly(2012, 2, 3), Sex = Sex.Male, CreatedByAgencyId = police, CreatedAt = db.Now };
        db.People.AddRange(william, boy);
        await db.SaveChangesAsync();
        (_william, _boy) = (william.Id, boy.Id);
    }

    public async Task DisposeAsync() => await _server.DisposeAsync();

    [Theory]
    [InlineData("Bill Stott", null, "given name: nickname or transliteration")]
    [InlineData("Stott William", null, "given name: swapped with family name")]
    [InlineData("Billy", "+44 7700 900461", "phone: same")]
    [InlineData(null, "07700900461", "phone: same")]
    public async Task An_adult_is_found_by_what_a_reporter_knows_of_him(string? name, string? phone, string because)
    {
        var found = await CandidatesAsync(name, phone);
        var william = Assert.Single(found, c => c.Id == _william);
        Assert.StartsWith("Possibly the same person", william.Why, StringComparison.Ordinal);
        Assert.Contains(because, william.Why, StringComparison.Ordinal);
        Assert.DoesNotContain(found, c => c.Id == _boy);
    }

    [Fact]
    public async Task A_first_name_alone_finds_no_one_and_an_exact_name_is_found_even_with_another_phone_number()
    {
        Assert.Empty(await CandidatesAsync("Bill", null));
        Assert.Empty(await CandidatesAsync("William", null));
        var found = await CandidatesAsync("William Stott", "07700 900999");
        Assert.Contains(found, c => c.Id == _william && c.Why == "Same name");
        Assert.DoesNotContain(found, c => c.Id == _boy);
    }

    [Fact]
    public async Task A_reporter_is_not_told_whose_phone_number_they_typed_the_front_door_is()
    {
        using var reporter = await SignedInClient.SignInAsync(_server, "youth.worker");
        var sent = await reporter.PostFormAsync("/concerns/new", "/concerns/new", ConcernFields("Phone-Testcase", "Bill", "07700 900461"));
        Assert.Equal(HttpStatusCode.Redirect, sent.StatusCode); // sent at once: nobody offered
        var concernId = await _server.WithDbAsync(db => db.Concerns.Where(c => c.ChildFamilyName == "Phone-Testcase").Select(c => c.Id).SingleAsync());
        using var triage = await SignedInClient.SignInAsync(_server, "mash.triage");
        var shown = WebUtility.HtmlDecode(await triage.Http.GetStringAsync($"/front-door/concerns/{concernId}"));
        Assert.Contains(" adult 1 to William Stott</span>", shown, StringComparison.Ordinal);
        Assert.Contains("phone: same", shown, StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_adult_the_reporter_left_to_the_front_door_is_matched_there_in_the_ledger_and_everyone_offered_is_logged()
    {
        using var reporter = await SignedInClient.SignInAsync(_server, "youth.worker");
        var fields = ConcernFields("Unmatched-Testcase", "Bill Stott", "07700 900 461");

        // The reporter is asked whether Bill is someone Safeguard knows, and is not sure.
        var asked = await reporter.PostFormAsync("/concerns/new", "/concerns/new", fields);
        Assert.Equal(HttpStatusCode.OK, asked.StatusCode);
        var form = WebUtility.HtmlDecode(await asked.Content.ReadAsStringAsync());
        Assert.Contains("Is this adult someone Safeguard already knows?", form, StringComparison.Ordinal);
        Assert.Contains("William Stott", form, StringComparison.Ordinal);
        var offer = Offer().Match(form).Groups[1].Value;
        var sent = await reporter.PostFormAsync("/concerns/new", "/concerns/new",
            [.. fields, ("Input.Adults[0].Offer", offer), ("Input.Adults[0].Match", ReportModel.NoneOfThese)]);
        Assert.Equal(HttpStatusCode.Redirect, sent.StatusCode);
        var concernId = await _server.WithDbAsync(db => db.Concerns.Where(c => c.ChildFamilyName == "Unmatched-Testcase").Select(c => c.Id).SingleAsync());
        var adult = await _server.WithDbAsync(db => db.ConcernAdults.SingleAsync(a => a.ConcernId == concernId));
        Assert.Null(adult.PersonId);

        // The front door sees him offered, and matches him.
        using var triage = await SignedInClient.SignInAsync(_server, "mash.triage");
        var page = $"/front-door/concerns/{concernId}";
        var seenBefore = await SeenCountAsync();
        var shown = WebUtility.HtmlDecode(await triage.Http.GetStringAsync(page));
        Assert.Contains("Adults Safeguard may already know", shown, StringComparison.Ordinal);
        Assert.Contains("Adult 1: Bill Stott, phone 07700 900 461", shown, StringComparison.Ordinal);
        Assert.Contains(" adult 1 to William Stott</span>", shown, StringComparison.Ordinal);
        Assert.True(await SeenCountAsync() > seenBefore);

        // A child is never an adult's record, and an adult already matched is not matched again.
        Assert.Equal(HttpStatusCode.NotFound, (await triage.PostFormAsync($"{page}?handler=LinkAdult", page, ("adult", adult.Id.ToString()), ("person", _boy.ToString()))).StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, (await triage.PostFormAsync($"{page}?handler=LinkAdult", page, ("adult", adult.Id.ToString()), ("person", _william.ToString()))).StatusCode);
        Assert.Equal(_william, await _server.WithDbAsync(db => db.ConcernAdults.Where(a => a.Id == adult.Id).Select(a => a.PersonId).SingleAsync()));
        Assert.True(await _server.WithDbAsync(db => db.Ledger.AnyAsync(e => e.Stream == Concern.ConcernStream(concernId) && e.Type == "ConcernAdult.changed" && e.Payload.Contains(_william.ToString()))));
        Assert.Equal(HttpStatusCode.NotFound, (await triage.PostFormAsync($"{page}?handler=LinkAdult", page, ("adult", adult.Id.ToString()), ("person", _william.ToString()))).StatusCode);
        var after = WebUtility.HtmlDecode(await triage.Http.GetStringAsync(page));
        Assert.DoesNotContain("Adults Safeguard may already know", after, StringComparison.Ordinal);
        Assert.Contains("Matched to a record Safeguard holds", after, StringComparison.Ordinal);
    }

    private (string, string)[] ConcernFields(string childFamilyName, string adultName, string adultPhone)
    {
        var today = DateOnly.FromDateTime(Features.Shared.UkTime.ToLocal(_server.Clock.GetUtcNow()).DateTime);
        return
        [
            ("Input.ChildGivenName", "Roxanne"), ("Input.ChildFamilyName", childFamilyName),
            ("Input.OccurredOn.Day", today.Day.ToString(System.Globalization.CultureInfo.InvariantCulture)),
            ("Input.OccurredOn.Month", today.Month.ToString(System.Globalization.CultureInfo.InvariantCulture)),
            ("Input.OccurredOn.Year", today.Year.ToString(System.Globalization.CultureInfo.InvariantCulture)),
            ("Input.WhatHappened", "Roxanne said Bill gives her lifts and texts her from a new number."), ("Input.ImmediateDanger", "no"),
            ("Input.Adults[0].Name", adultName), ("Input.Adults[0].Phone", adultPhone), ("Command", "send"),
        ];
    }

    private async Task<List<ConcernMatcher.Candidate>> CandidatesAsync(string? name, string? phone)
    {
        await using var scope = _server.Scope();
        return await scope.ServiceProvider.GetRequiredService<ConcernMatcher>().AdultCandidatesAsync(name, phone);
    }

    private Task<int> SeenCountAsync() =>
        _server.WithDbAsync(db => db.AccessLog.CountAsync(e => e.Stream == Person.PersonStream(_william) && e.Action == Auth.AccessActions.SeenInSearch));

    [GeneratedRegex("name=\"Input.Adults\\[0\\].Offer\" value=\"([^\"]*)\"")]
    private static partial Regex Offer();
}
