using System.Globalization;
using System.Net;
using Microsoft.EntityFrameworkCore;
using Safeguard.Web.Data.Model;
using Safeguard.Web.Features.Concerns;
using Safeguard.Web.Tests.Infrastructure;

namespace Safeguard.Web.Tests.Access;

/// <summary>
/// Over-posting (issue 10, defect 9): a form may choose only among the ids the server offered that user for that
/// form, and a route's own values always win over a form field of the same name.
/// </summary>
public sealed class OverPostingTests : IAsyncLifetime
{
    private SafeguardServer _server = null!;

    public async Task InitializeAsync() => _server = await SafeguardServer.StartAsync(settings: new Dictionary<string, string?> { ["Casework:MonitorInterval"] = "0", ["Email:PollInterval"] = "0" });

    public async Task DisposeAsync() => await _server.DisposeAsync();

    [Fact]
    public async Task A_concern_about_someone_no_one_holds_is_not_linked_to_a_child_whose_id_was_posted_with_it()
    {
        var aisha = await _server.IdOfAsync("Aisha");
        using var reporter = await SignedInClient.SignInAsync(_server, "youth.worker");
        // What the old form carried: the child's id as "confirmed", and the details it was "offered" for.
        var detailsKey = string.Join('|', ConcernMatcher.FullName("Zorblat", "Quimby"), null, null);
        var sent = await reporter.PostFormAsync("/concerns/new", "/concerns/new",
            [.. ConcernFields("Zorblat", "Quimby", "Overposted child"), ("Input.ChildMatch", aisha.ToString()), ("Input.ChildMatchedFor", detailsKey)]);
        Assert.True(sent.StatusCode is HttpStatusCode.Redirect or HttpStatusCode.OK, $"answered {(int)sent.StatusCode}");

        var concern = await _server.WithDbAsync(db => db.Concerns.AsNoTracking().SingleOrDefaultAsync(c => c.ChildFamilyName == "Quimby"));
        if (concern is not null)
        {
            Assert.Null(concern.PersonId);
            Assert.NotEqual(ConcernMatch.ConfirmedByReporter, concern.Match);
        }
        Assert.False(await _server.WithDbAsync(db => db.Chronology.AnyAsync(e => e.PersonId == aisha && e.Kind == ChronologyKinds.Concern)));
    }

    [Fact]
    public async Task A_child_chosen_must_be_one_the_page_offered_that_reporter_for_those_details()
    {
        var amber = await _server.IdOfAsync("Amber");
        using var reporter = await SignedInClient.SignInAsync(_server, "youth.worker");
        var fields = ConcernFields("Aisha", "Khan", "Offered Aisha, chose Amber");
        var asked = await reporter.PostFormAsync("/concerns/new", "/concerns/new", fields);
        Assert.Equal(HttpStatusCode.OK, asked.StatusCode);
        var form = WebUtility.HtmlDecode(await asked.Content.ReadAsStringAsync());
        Assert.Contains("Is this the child you are worried about?", form, StringComparison.Ordinal);
        Assert.DoesNotContain(amber.ToString(), form, StringComparison.Ordinal);

        var chosen = await reporter.PostFormAsync("/concerns/new", "/concerns/new", [.. fields.Concat(HtmlForms.HiddenFields(form)).With(("Input.ChildMatch", amber.ToString()))]);
        Assert.Equal(HttpStatusCode.OK, chosen.StatusCode);
        var answer = WebUtility.HtmlDecode(await chosen.Content.ReadAsStringAsync());
        Assert.Contains("Choose one of the records Safeguard found, or say none of these is the child", answer, StringComparison.Ordinal);
        Assert.Contains("href=\"#Input_ChildMatch\"", answer, StringComparison.Ordinal);
        Assert.False(await _server.WithDbAsync(db => db.Concerns.AnyAsync(c => c.WhatHappened.StartsWith("Offered Aisha"))));
        Assert.False(await _server.WithDbAsync(db => db.Chronology.AnyAsync(e => e.PersonId == amber && e.Kind == ChronologyKinds.Concern)));
    }

    public static TheoryData<string> NotOffered => ["a child", "unknown"];

    [Theory]
    [MemberData(nameof(NotOffered))]
    public async Task An_adult_chosen_must_be_one_the_page_offered_and_anything_else_is_a_message_by_the_field(string what)
    {
        var id = what == "a child" ? (await _server.IdOfAsync("Aisha")).ToString() : Guid.NewGuid().ToString();
        using var reporter = await SignedInClient.SignInAsync(_server, "youth.worker");
        var fields = ConcernFields("Roxanne", "Overpost", $"Karen Lewis and {what}", adult: "Karen Lewis");
        var asked = await reporter.PostFormAsync("/concerns/new", "/concerns/new", fields);
        Assert.Equal(HttpStatusCode.OK, asked.StatusCode);
        var form = WebUtility.HtmlDecode(await asked.Content.ReadAsStringAsync());
        Assert.Contains("Is this adult someone Safeguard already knows?", form, StringComparison.Ordinal);

        var chosen = await reporter.PostFormAsync("/concerns/new", "/concerns/new", [.. fields.Concat(HtmlForms.HiddenFields(form)).With(("Input.Adults[0].Match", id))]);
        Assert.Equal(HttpStatusCode.OK, chosen.StatusCode);
        var answer = WebUtility.HtmlDecode(await chosen.Content.ReadAsStringAsync());
        Assert.Contains("Choose one of the people Safeguard found, or none of these", answer, StringComparison.Ordinal);
        Assert.Contains("href=\"#Input_Adults_0__Match\"", answer, StringComparison.Ordinal);
        Assert.False(await _server.WithDbAsync(db => db.Concerns.AnyAsync(c => c.ChildFamilyName == "Overpost")));
    }

    [Fact]
    public async Task The_front_door_links_a_concern_only_to_a_child_its_page_offers()
    {
        var aisha = await _server.IdOfAsync("Aisha");
        // The licensing officer's concern about "Chloe", whom no agency knows: nobody is offered for it.
        var chloe = await _server.WithDbAsync(db => db.Concerns.Where(c => c.ChildGivenName == "Chloe").Select(c => c.Id).SingleAsync());
        using var triage = await SignedInClient.SignInAsync(_server, "mash.triage");
        var page = $"/front-door/concerns/{chloe}";
        Assert.DoesNotContain(aisha.ToString(), await triage.Http.GetStringAsync(page), StringComparison.Ordinal);
        var linked = await triage.PostFormAsync($"{page}?handler=Link", page, ("person", aisha.ToString()));
        Assert.Equal(HttpStatusCode.NotFound, linked.StatusCode);
        Assert.Null(await _server.WithDbAsync(db => db.Concerns.Where(c => c.Id == chloe).Select(c => c.PersonId).SingleAsync()));
    }

    public static TheoryData<string> RouteNames => ["id", "Id", "ID"];

    [Theory]
    [MemberData(nameof(RouteNames))]
    public async Task A_form_field_named_like_the_route_id_does_not_move_a_write_to_another_child(string field)
    {
        var amber = await _server.IdOfAsync("Amber");
        var daniel = await _server.IdOfAsync("Daniel");
        var summary = $"Route wins over a form field named {field}.";
        var today = DateOnly.FromDateTime(Features.Shared.UkTime.ToLocal(_server.Clock.GetUtcNow()).DateTime);
        // Sam works with Amber and (through his agency) with Daniel: he may write on both, and must write where he aimed.
        using var sam = await SignedInClient.SignInAsync(_server, "csc.practitioner");
        var posted = await sam.PostFormAsync($"/children/{amber}/chronology/add", $"/children/{amber}/chronology/add",
            (field, daniel.ToString()), ("Input.Kind", ChronologyKinds.CaseNote), ("Input.Date.Day", Number(today.Day)), ("Input.Date.Month", Number(today.Month)),
            ("Input.Date.Year", Number(today.Year)), ("Input.Summary", summary));
        Assert.Equal(HttpStatusCode.Redirect, posted.StatusCode);
        var written = await _server.WithDbAsync(db => db.Chronology.Where(e => e.Summary == summary).Select(e => e.PersonId).ToListAsync());
        Assert.Equal([amber], written);
    }

    [Fact]
    public async Task A_form_field_named_like_the_route_concern_id_does_not_move_a_write_to_another_concern()
    {
        var (aimed, other) = await _server.WithDbAsync(async db =>
        {
            var reporter = await db.Users.SingleAsync(u => u.Email == Demo.DemoPartnership.EmailOf("youth.worker"));
            Concern New(string name) => new() { Reference = $"REF-TEST-{name}", ReceivedAt = db.Now, ReportedByUserId = reporter.Id, ReporterAgencyId = reporter.AgencyId, ChildGivenName = name, WhatHappened = "Route test." };
            var a = New("Aimed");
            var b = New("Other");
            db.Concerns.AddRange(a, b);
            await db.SaveChangesAsync();
            return (a.Id, b.Id);
        });
        using var triage = await SignedInClient.SignInAsync(_server, "mash.triage");
        var page = $"/front-door/concerns/{aimed}";
        var taken = await triage.PostFormAsync($"{page}?handler=Take", page, ("concernId", other.ToString()), ("ConcernId", other.ToString()));
        Assert.Equal(HttpStatusCode.Redirect, taken.StatusCode);
        Assert.Equal(page, taken.Headers.Location?.OriginalString);
        var owners = await _server.WithDbAsync(db => db.Concerns.Where(c => c.Id == aimed || c.Id == other).ToDictionaryAsync(c => c.Id, c => c.OwnerUserId));
        Assert.NotNull(owners[aimed]);
        Assert.Null(owners[other]);
    }

    private (string, string)[] ConcernFields(string given, string family, string what, string? adult = null)
    {
        var today = DateOnly.FromDateTime(Features.Shared.UkTime.ToLocal(_server.Clock.GetUtcNow()).DateTime);
        return
        [
            ("Input.ChildGivenName", given), ("Input.ChildFamilyName", family),
            ("Input.OccurredOn.Day", Number(today.Day)), ("Input.OccurredOn.Month", Number(today.Month)), ("Input.OccurredOn.Year", Number(today.Year)),
            ("Input.WhatHappened", what), ("Input.ImmediateDanger", "no"), ("Input.Adults[0].Name", adult ?? ""), ("Command", "send"),
        ];
    }

    private static string Number(int n) => n.ToString(CultureInfo.InvariantCulture);
}
