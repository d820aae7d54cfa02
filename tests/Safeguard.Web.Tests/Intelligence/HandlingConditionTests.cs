using System.Net;
using Microsoft.EntityFrameworkCore;
using Safeguard.Core;
using Safeguard.Core.Intelligence;
using Safeguard.Web.Data;
using Safeguard.Web.Data.Model;
using Safeguard.Web.Tests.Infrastructure;

namespace Safeguard.Web.Tests.Intelligence;

/// <summary>
/// The server for the handling matrix: the demo partnership plus one item per handling case, each submitted by
/// the school's safeguarding lead and routed (directly in the database, as if before a re-grade) to the youth
/// project and/or the police. Every text carries its case code, so a page can be searched for what leaked.
/// </summary>
public sealed class HandlingFixture : IAsyncLifetime
{
    public SafeguardServer Server { get; private set; } = null!;
    public Dictionary<string, Id<IntelligenceItem>> Items { get; } = [];

    /// <summary>Code, grade (source, assessment, handling, action, sanitisation), sanitised version, originator consulted, agencies routed to.</summary>
    public static readonly (string Code, string? Grade, bool Sanitised, bool Consulted, string[] Routed)[] Cases =
    [
        ("UNGRADED", null, false, false, ["YTH", "POL"]),
        ("PLAIN", "2 B P", false, false, ["YTH", "POL"]),
        ("PSANITISED", "2 B P", true, false, ["YTH"]),
        ("CA3", "1 A C A3 S1", true, false, ["YTH", "POL"]),
        ("CA3BARE", "1 A C A3 S1", false, false, ["YTH"]),
        ("CS2WAIT", "1 A C A3 S2", true, false, ["YTH", "POL"]),
        ("CS2OK", "1 A C A3 S2", true, true, ["YTH"]),
        ("CA1", "2 C C A1 S1", true, false, ["YTH"]),
        ("CA2", "1 B C A2 S1", true, false, ["YTH", "POL"]),
    ];

    public async Task InitializeAsync()
    {
        Server = await SafeguardServer.StartAsync();
        await using var scope = Server.Scope();
        var db = scope.ServiceProvider.GetRequiredService<SafeguardDbContext>();
        var submitter = await db.Users.SingleAsync(u => u.UserName == Demo.DemoPartnership.EmailOf("school.dsl"));
        var owners = new Dictionary<string, AppUser>
        {
            ["YTH"] = await db.Users.SingleAsync(u => u.UserName == Demo.DemoPartnership.EmailOf("youth.manager")),
            ["POL"] = await db.Users.SingleAsync(u => u.UserName == Demo.DemoPartnership.EmailOf("police.officer")),
        };
        foreach (var (code, written, sanitised, consulted, routed) in Cases)
        {
            var item = new IntelligenceItem
            {
                SubmittedAt = db.Now,
                SubmittedByUserId = submitter.Id,
                SubmittedByAgencyId = submitter.AgencyId,
                Title = $"TITLE-{code}",
                Text = $"ORIGINAL-{code} with the source's name in it.",
                SanitisedText = sanitised ? $"SANITISED-{code} partners may read this." : null,
                OriginatorConsultedAt = consulted ? db.Now : null,
            };
            if (written is not null)
            {
                var p = written.Split(' ');
                var (grade, errors) = Grading.Parse(p[0], p[1], p[2], p.Length > 3 ? p[3] : null, p.Length > 4 ? p[4] : null);
                Assert.Empty(errors);
                (item.Source, item.Assessment, item.Handling, item.ActionCode, item.SanitisationCode) = (grade!.Source, grade.Assessment, grade.Handling, grade.Action, grade.Sanitisation);
                item.GradedAt = db.Now;
            }
            db.IntelligenceItems.Add(item);
            foreach (var agency in routed)
            {
                db.IntelligenceRoutings.Add(new IntelligenceRouting { ItemId = item.Id, AgencyId = owners[agency].AgencyId, OwnerUserId = owners[agency].Id, RoutedAt = db.Now, RoutedByUserId = owners["POL"].Id });
            }
            Items[code] = item.Id;
        }
        await db.SaveChangesAsync();
    }

    public async Task DisposeAsync() => await Server.DisposeAsync();
}

/// <summary>
/// Handling conditions, enforced: routes × roles × handling codes. The expectations are written out by hand
/// from the rules in docs/intelligence.md (not computed by the code under test): E everything (the unit),
/// W the submitter's own words only, O the original, S the sanitised version only, - nothing at all (404).
/// </summary>
public sealed class HandlingConditionTests(HandlingFixture fixture) : IClassFixture<HandlingFixture>
{
    private readonly SafeguardServer _server = fixture.Server;

    private static readonly string[] s_viewers = ["police.analyst", "school.dsl", "youth.worker", "youth.manager", "police.officer", "csc.practitioner", "scrutineer"];
    private static readonly string[] s_agencies = ["POL", "EDU", "YTH", "YTH", "POL", "CSC", "NSP"];

    /// <summary>What each viewer sees of each case: one letter per viewer, in the order of <see cref="s_viewers"/>.</summary>
    private static readonly Dictionary<string, string> s_expected = new()
    {
        // Never graded, so never really routed: the unit and the submitter only.
        ["UNGRADED"] = "EW-----",
        // P without a sanitised version: partners and police read the original.
        ["PLAIN"] = "EWOOO--",
        // P with a sanitised version: partners read that; the police were not sent it.
        ["PSANITISED"] = "EWSS---",
        // C: partners only ever read the sanitised version; the police read the original.
        ["CA3"] = "EWSSO--",
        // C with no sanitised version: nothing for partners, even though it was routed to them.
        ["CA3BARE"] = "EW-----",
        // S2 before the originator is consulted: nothing for partners; the police still read the original.
        ["CS2WAIT"] = "EW--O--",
        ["CS2OK"] = "EWSS---",
        ["CA1"] = "EWSS---",
        // A2, covert only: police only, whatever was routed before.
        ["CA2"] = "EW--O--",
    };

    public static TheoryData<string> Viewers()
    {
        var data = new TheoryData<string>();
        foreach (var viewer in s_viewers)
        {
            data.Add(viewer);
        }
        return data;
    }

    [Theory]
    [MemberData(nameof(Viewers))]
    public async Task Each_viewer_reads_only_the_version_the_handling_code_allows_on_every_route(string viewer)
    {
        var column = Array.IndexOf(s_viewers, viewer);
        using var client = await SignedInClient.SignInAsync(_server, viewer);
        var received = await client.Http.GetStringAsync("/intelligence/received");
        var failures = new List<string>();
        foreach (var (code, _, _, _, routed) in HandlingFixture.Cases)
        {
            var id = fixture.Items[code];
            var expected = s_expected[code][column];
            var response = await client.Http.GetAsync($"/intelligence/{id}");
            var page = await response.Content.ReadAsStringAsync();
            void Expect(bool ok, string what)
            {
                if (!ok)
                {
                    failures.Add($"{viewer} {code} ({expected}): {what}");
                }
            }
            Expect(response.StatusCode == (expected == '-' ? HttpStatusCode.NotFound : HttpStatusCode.OK), $"GET /intelligence/{{id}} answered {(int)response.StatusCode}");
            var original = page.Contains($"ORIGINAL-{code}", StringComparison.Ordinal);
            var sanitised = page.Contains($"SANITISED-{code}", StringComparison.Ordinal);
            var title = page.Contains($"TITLE-{code}", StringComparison.Ordinal);
            switch (expected)
            {
                case 'E':
                    Expect(original && title, "the unit must read the original");
                    Expect(page.Contains("Mark Fenton", StringComparison.Ordinal), "the unit must see who gave it");
                    break;
                case 'W':
                    Expect(original && title && !sanitised, "the submitter reads their own words and nothing else");
                    Expect(!page.Contains("Graded ", StringComparison.Ordinal), "the submitter is not shown the grade");
                    break;
                case 'O':
                    Expect(original && !sanitised, "the original, not the sanitised version");
                    Expect(!page.Contains("Mark Fenton", StringComparison.Ordinal), "never who the source is");
                    break;
                case 'S':
                    Expect(sanitised && !original && !title, "the sanitised version only: not the original text, not its title");
                    Expect(!page.Contains("Mark Fenton", StringComparison.Ordinal), "never who the source is");
                    break;
                default:
                    Expect(!original && !sanitised && !title, "nothing at all");
                    break;
            }
            var listed = received.Contains($"/intelligence/{id}", StringComparison.Ordinal);
            // Listed for the agency it was routed to, when the agency may see it.
            Expect(listed == (routed.Contains(s_agencies[column]) && expected != '-'), $"listed on /intelligence/received: {listed}");
            Expect(!received.Contains($"ORIGINAL-{code}", StringComparison.Ordinal) && (expected != 'S' || !received.Contains($"TITLE-{code}", StringComparison.Ordinal)),
                "the received list shows no original text, and no original title to those who get the sanitised version");

            var grade = await client.Http.GetAsync($"/intelligence/{id}/grade");
            Expect(grade.StatusCode == (viewer == "police.analyst" ? HttpStatusCode.OK : HttpStatusCode.Forbidden), $"GET grade answered {(int)grade.StatusCode}");
        }
        Assert.Empty(failures);
    }

    [Theory]
    [MemberData(nameof(Viewers))]
    public async Task Only_those_routed_or_the_unit_record_outcomes_and_A1_refuses_action(string viewer)
    {
        var column = Array.IndexOf(s_viewers, viewer);
        using var client = await SignedInClient.SignInAsync(_server, viewer);
        var failures = new List<string>();
        foreach (var (code, _, _, _, _) in HandlingFixture.Cases)
        {
            var id = fixture.Items[code];
            var expected = s_expected[code][column];
            var response = await client.PostFormAsync($"/intelligence/{id}?handler=Outcome", "/home",
                ("Input.Kind", nameof(OutcomeKind.ActionTaken)), ("Input.Text", $"{viewer} acted on {code}"));
            var status = (int)response.StatusCode;
            var want = expected switch
            {
                '-' or 'W' => 404,
                // A1 for anyone routed: action is refused with the reason, on the page (200).
                'O' or 'S' when code == "CA1" => 200,
                _ => 302,
            };
            if (status != want)
            {
                failures.Add($"{viewer} {code} ({expected}): POST outcome answered {status}, expected {want}");
            }
            if (want == 200 && !(await response.Content.ReadAsStringAsync()).Contains("A1: corroborate only", StringComparison.Ordinal))
            {
                failures.Add($"{viewer} {code}: the refusal must say why (A1)");
            }
        }
        Assert.Empty(failures);

        await using var scope = _server.Scope();
        var db = scope.ServiceProvider.GetRequiredService<SafeguardDbContext>();
        var user = await db.Users.SingleAsync(u => u.UserName == Demo.DemoPartnership.EmailOf(viewer));
        var cases = fixture.Items.Values.ToList();
        var recorded = await db.IntelligenceOutcomes.Where(o => o.RecordedByUserId == user.Id && cases.Contains(o.ItemId)).Select(o => o.ItemId).ToListAsync();
        var allowed = HandlingFixture.Cases.Where(c => s_expected[c.Code][column] is 'E' or 'O' or 'S' && (c.Code != "CA1" || s_expected[c.Code][column] == 'E'))
            .Select(c => fixture.Items[c.Code]).ToHashSet();
        // Exactly the allowed ones were recorded, and nothing else.
        Assert.Equal(allowed.Select(a => a.Value).Order(), recorded.Select(r => r.Value).Order());
    }
}
