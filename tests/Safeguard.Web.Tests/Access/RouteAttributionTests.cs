using System.Globalization;
using Microsoft.AspNetCore.Routing;
using Microsoft.EntityFrameworkCore;
using Safeguard.Core.Screening;
using Safeguard.Web.Data.Model;
using Safeguard.Web.Demo;
using Safeguard.Web.Features.Concerns;
using Safeguard.Web.Features.Shared;
using Safeguard.Web.Tests.Infrastructure;

namespace Safeguard.Web.Tests.Access;

/// <summary>
/// For every route that writes or logs, the rows written during the request name the signed-in user and their
/// agency. The routes come from the application's endpoints, held to <see cref="RouteAccessTable"/>: every POST is
/// performed by a demo user allowed to use it, with valid input where empty input would write nothing, and every
/// GET is opened by a demo user who may see it. At the end no row of the server names anything but a user, a
/// partner token, the system or the public sign-in page.
/// </summary>
public sealed class RouteAttributionTests : IAsyncLifetime
{
    private SafeguardServer _server = null!;

    public async Task InitializeAsync() => _server = await SafeguardServer.StartAsync(settings: new Dictionary<string, string?>
    {
        ["Casework:MonitorInterval"] = "0",
        ["Email:PollInterval"] = "0",
    });

    public async Task DisposeAsync() => await _server.DisposeAsync();

    /// <summary>
    /// POST routes that a signed-in member of staff cannot make write, and why; each is held elsewhere.
    /// </summary>
    private static readonly Dictionary<string, string> s_notWrittenByStaff = new()
    {
        ["POST /account/sign-in"] = "no one is signed in: AttributionTests holds that it writes as public/sign-in",
        ["POST /account/two-factor"] = "no one is signed in: written as public/sign-in, like the password step",
        ["POST /account/external-sign-in"] = "answers 404 unless an OpenID Connect provider is configured",
        ["POST /account/set-up-authenticator"] = "only for a user without a second factor; every demo user has one",
        ["POST /error/{code:int?}"] = "shows an error; writes nothing",
        ["POST /api/language/check"] = "checks wording; writes nothing",
        ["POST /api/v1/concerns"] = "a partner token, not a user: AttributionTests holds that it names the token and its agency",
    };

    private sealed record Step(string Route, string User, Func<string> Url, Func<(string Name, string Value)[]>? Fields = null, bool MustWrite = true);

    [Fact]
    public async Task Every_route_that_writes_or_logs_names_the_signed_in_user_and_their_agency()
    {
        var ids = await DemoIdsAsync();
        await using (var scope = _server.Scope())
        {
            var matcher = scope.ServiceProvider.GetRequiredService<ConcernMatcher>();
            ids["waitingChildOffered"] = (await matcher.ChildCandidatesAsync("Amber", "Lewis", null, null)).First().Id.ToString();
            ids["waitingAdultOffered"] = (await matcher.AdultCandidatesAsync("Darren Hale", null)).First().Id.ToString();
        }
        var values = new Dictionary<string, string>();
        var today = UkTime.DateOf(_server.Clock.GetUtcNow());
        (string, string)[] Date(string prefix, DateOnly day) =>
        [
            ($"{prefix}.Day", day.Day.ToString(CultureInfo.InvariantCulture)),
            ($"{prefix}.Month", day.Month.ToString(CultureInfo.InvariantCulture)),
            ($"{prefix}.Year", day.Year.ToString(CultureInfo.InvariantCulture)),
        ];
        string Id(string key) => ids.TryGetValue(key, out var id) ? id : values[key];

        // In order: later steps use what earlier ones made (a concern reported, then taken, linked, decided, countersigned).
        var steps = new List<Step>
        {
            new("POST /concerns/new", "youth.worker", () => "/concerns/new", () =>
            [
                ("Input.ChildGivenName", "Zara"), ("Input.ChildFamilyName", "Attribution"), .. Date("Input.OccurredOn", today),
                ("Input.WhatHappened", "Seen getting into a car with two older men outside the project."), ("Input.ImmediateDanger", "no"), ("Command", "send"),
            ]),
            new("GET /concerns/new", "youth.worker", () => "/concerns/new", MustWrite: false),
            new("GET /concerns", "youth.worker", () => "/concerns", MustWrite: false),
            new("GET /front-door", "mash.triage", () => "/front-door", MustWrite: false),
            new("GET /front-door/concerns/{concernId}", "mash.triage", () => $"/front-door/concerns/{Id("waiting")}", MustWrite: false),
            new("POST /front-door/concerns/{concernId}?handler=Take", "mash.triage", () => $"/front-door/concerns/{Id("waiting")}?handler=Take"),
            new("POST /front-door/concerns/{concernId}?handler=LinkAdult", "mash.triage", () => $"/front-door/concerns/{Id("waiting")}?handler=LinkAdult",
                () => [("adult", Id("waitingAdult")), ("person", Id("waitingAdultOffered"))]),
            new("POST /front-door/concerns/{concernId}?handler=Link", "mash.triage", () => $"/front-door/concerns/{Id("waiting")}?handler=Link", () => [("person", Id("waitingChildOffered"))]),
            new("POST /front-door/concerns/{concernId}?handler=NewRecord", "mash.triage", () => $"/front-door/concerns/{Id("reported")}?handler=NewRecord"),
            new("GET /front-door/concerns/{concernId}", "mash.triage", () => $"/front-door/concerns/{Id("reported")}"),
            new("GET /concerns/{concernId}", "youth.worker", () => $"/concerns/{Id("reported")}"),
            new("GET /front-door/concerns/{concernId}/decide", "mash.triage", () => $"/front-door/concerns/{Id("waiting")}/decide"),
            new("POST /front-door/concerns/{concernId}/decide", "mash.triage", () => $"/front-door/concerns/{Id("waiting")}/decide",
                () => [("Input.Outcome", "StrategyDiscussion"), ("Input.Rationale", "An adult collecting a girl from school in a private hire car: strategy discussion with police.")]),
            new("POST /front-door/concerns/{concernId}/decide", "mash.triage", () => $"/front-door/concerns/{Id("reported")}/decide",
                () => [("Input.Outcome", "NoFurtherAction"), ("Input.Rationale", "The older men were her uncles, checked with the family and the police.")]),
            new("GET /front-door/concerns/{concernId}/countersign", "csc.teammanager", () => $"/front-door/concerns/{Id("reported")}/countersign"),
            new("POST /front-door/concerns/{concernId}/countersign", "csc.teammanager", () => $"/front-door/concerns/{Id("reported")}/countersign", () => [("Agree", "yes")]),

            // A child's record, by the social worker allocated to Amber.
            new("POST /children", "csc.practitioner", () => "/children", () => [("Input.Name", "Amber Lewis")]),
            new("GET /children/{id}", "csc.practitioner", () => $"/children/{Id("amber")}"),
            new("GET /children/{id}/chronology", "csc.practitioner", () => $"/children/{Id("amber")}/chronology"),
            new("GET /children/{id}/chronology/add", "csc.practitioner", () => $"/children/{Id("amber")}/chronology/add"),
            new("POST /children/{id}/chronology/add", "csc.practitioner", () => $"/children/{Id("amber")}/chronology/add",
                () => [("Input.Kind", ChronologyKinds.CaseNote), .. Date("Input.Date", today), ("Input.Summary", "Home visit: Amber was at home with her mother.")]),
            new("GET /children/{id}/edit", "csc.practitioner", () => $"/children/{Id("amber")}/edit"),
            new("POST /children/{id}/edit", "csc.practitioner", () => $"/children/{Id("amber")}/edit"),
            new("GET /children/{id}/add/{what:regex(^(name|identifier|address|contact|vulnerability)$)}", "csc.practitioner", () => $"/children/{Id("amber")}/add/name"),
            new("POST /children/{id}/add/{what:regex(^(name|identifier|address|contact|vulnerability)$)}", "csc.practitioner", () => $"/children/{Id("amber")}/add/name"),
            new("GET /children/{id}/screening", "csc.practitioner", () => $"/children/{Id("amber")}/screening"),
            new("GET /children/{id}/screening/new", "csc.practitioner", () => $"/children/{Id("amber")}/screening/new"),
            new("POST /children/{id}/screening/new", "csc.practitioner", () => $"/children/{Id("amber")}/screening/new"),
            new("GET /children/{id}/screening/override", "csc.practitioner", () => $"/children/{Id("amber")}/screening/override", MustWrite: false),
            new("POST /children/{id}/screening/override", "csc.practitioner", () => $"/children/{Id("amber")}/screening/override"),
            new("GET /children/{id}/voice", "csc.practitioner", () => $"/children/{Id("amber")}/voice"),
            new("GET /children/{id}/voice/add", "csc.practitioner", () => $"/children/{Id("amber")}/voice/add"),
            new("POST /children/{id}/voice/add", "csc.practitioner", () => $"/children/{Id("amber")}/voice/add"),
            new("GET /children/{id}/chronology/review", "csc.practitioner", () => $"/children/{Id("amber")}/chronology/review"),
            new("GET /children/{id}/chronology/review?handler=Csv", "csc.practitioner", () => $"/children/{Id("amber")}/chronology/review?handler=Csv"),
            new("GET /children/{id}/chronology/review?handler=Pdf", "csc.practitioner", () => $"/children/{Id("amber")}/chronology/review?handler=Pdf"),
            new("GET /children/{id}/who-viewed", "csc.teammanager", () => $"/children/{Id("amber")}/who-viewed"),

            // Casework about Kayleigh, whose section 47 enquiry the same social worker holds.
            new("GET /children/{id}/meetings", "csc.practitioner", () => $"/children/{Id("kayleigh")}/meetings"),
            new("GET /children/{id}/meetings/new", "csc.practitioner", () => $"/children/{Id("kayleigh")}/meetings/new"),
            new("POST /children/{id}/meetings/new", "csc.practitioner", () => $"/children/{Id("kayleigh")}/meetings/new"),
            new("GET /children/{id}/meetings/{meetingId}", "csc.practitioner", () => $"/children/{Id("kayleigh")}/meetings/{Id("conference")}"),
            new("GET /children/{id}/meetings/{meetingId}/record", "csc.practitioner", () => $"/children/{Id("kayleigh")}/meetings/{Id("conference")}/record"),
            new("POST /children/{id}/meetings/{meetingId}/record", "csc.practitioner", () => $"/children/{Id("kayleigh")}/meetings/{Id("conference")}/record"),
            new("GET /children/{id}/actions", "csc.practitioner", () => $"/children/{Id("kayleigh")}/actions"),
            new("GET /children/{id}/actions/new", "csc.practitioner", () => $"/children/{Id("kayleigh")}/actions/new"),
            new("POST /children/{id}/actions/new", "csc.practitioner", () => $"/children/{Id("kayleigh")}/actions/new"),
            new("GET /actions/{actionId}", "csc.practitioner", () => $"/actions/{Id("visit")}"),
            new("POST /actions/{actionId}?handler=Complete", "csc.practitioner", () => $"/actions/{Id("visit")}?handler=Complete",
                () => [("CompletionNote", "Seen alone at home; she talked about school and her friends.")]),
            new("POST /actions/{actionId}?handler=Respond", "police.teammanager", () => $"/actions/{Id("policeCheck")}?handler=Respond",
                () => [("ResponseNote", "Checked with the officer: the address visit is booked for Thursday.")]),
            new("GET /children/{id}/missing", "csc.practitioner", () => $"/children/{Id("kayleigh")}/missing"),
            new("GET /children/{id}/missing/new", "csc.practitioner", () => $"/children/{Id("kayleigh")}/missing/new"),
            new("POST /children/{id}/missing/new", "csc.practitioner", () => $"/children/{Id("kayleigh")}/missing/new",
                () => [.. Date("Input.WentMissingOn", today), ("Input.WentMissingTime", "00:05"), ("Input.Circumstances", "Did not come home after the youth club."), ("Input.Returned", "no")]),
            new("GET /children/{id}/missing/{episodeId}/return", "csc.practitioner", () => $"/children/{Id("kayleigh")}/missing/{Id("episode")}/return"),
            new("POST /children/{id}/missing/{episodeId}/return", "csc.practitioner", () => $"/children/{Id("kayleigh")}/missing/{Id("episode")}/return"),

            // Without a relationship: asking for access, and breaking the glass, then their managers' reviews.
            new("GET /children/{id}/request-access", "csc.practitioner", () => $"/children/{Id("aisha")}/request-access", MustWrite: false),
            new("POST /children/{id}/request-access", "csc.practitioner", () => $"/children/{Id("aisha")}/request-access",
                () => [("Input.Reason", "Aisha's name came up at our strategy discussion about Kayleigh; I need to see her school's concerns.")]),
            new("GET /children/{id}/break-glass", "csc.practitioner", () => $"/children/{Id("ewa")}/break-glass", MustWrite: false),
            new("POST /children/{id}/break-glass", "csc.practitioner", () => $"/children/{Id("ewa")}/break-glass",
                () => [("Input.Reason", "Police at the door say Ewa is missing tonight and may be with an adult we know.")]),
            new("GET /reviews", "csc.teammanager", () => "/reviews", MustWrite: false),
            new("POST /reviews?handler=ReviewBreakGlass", "csc.teammanager", () => "/reviews?handler=ReviewBreakGlass",
                () => [("id", Id("breakGlass")), ("outcome", "Justified"), ("note", "The police asked; the right call.")]),
            new("POST /reviews?handler=DecideRequest", "school.head", () => "/reviews?handler=DecideRequest",
                () => [("id", Id("accessRequest")), ("approve", "true"), ("note", "Agreed: Aisha and Kayleigh go to the same parties.")]),

            // People, matching, hidden exploitation.
            new("GET /people/new", "csc.practitioner", () => "/people/new", MustWrite: false),
            new("POST /people/new", "csc.practitioner", () => "/people/new",
                () => [("Input.Kind", "Child"), ("Input.GivenName", "Amber"), ("Input.FamilyName", "Lewis"), ("Input.Sex", "Female"), ("Input.Involvement", "Friend of Kayleigh")]),
            new("POST /people/new?handler=Create", "csc.practitioner", () => "/people/new?handler=Create",
                () => [("Input.Kind", "Child"), ("Input.GivenName", "Quinn"), ("Input.FamilyName", "Attribution"), ("Input.Sex", "Female"), ("Input.Involvement", "Friend of Kayleigh")]),
            new("GET /matching", "mash.triage", () => "/matching"),
            new("GET /matching/{reviewId}", "mash.triage", () => $"/matching/{Id("matchReview")}"),
            new("POST /matching/{reviewId}", "mash.triage", () => $"/matching/{Id("matchReview")}",
                () => [("Input.Decision", "different"), ("Input.Reason", "Different dates of birth and schools: two girls.")]),
            new("GET /matching/links/{mergeId}/undo", "mash.triage", () => $"/matching/links/{Id("merge")}/undo"),
            new("POST /matching/links/{mergeId}/undo", "mash.triage", () => $"/matching/links/{Id("merge")}/undo",
                () => [("Reason", "The police's Jayde is a cousin, not Jade: different mothers.")]),
            new("GET /exploitation", "csc.cselead", () => "/exploitation"),
            new("GET /exploitation/{id}", "csc.cselead", () => $"/exploitation/{Id("daniel")}"),
            new("POST /exploitation/{id}", "csc.cselead", () => $"/exploitation/{Id("daniel")}",
                () => [("Input.Decision", "no-further-action"), ("Input.Rationale", "The adult is his uncle, known to the family; police have checked.")]),
            new("GET /exploitation/offender-reviews/{id}", "csc.cselead", () => $"/exploitation/offender-reviews/{Id("offenderReview")}"),
            new("POST /exploitation/offender-reviews/{id}", "csc.cselead", () => $"/exploitation/offender-reviews/{Id("offenderReview")}",
                () => [("Input.Outcome", "Agreed"), ("Input.Rationale", "Damage to property in a row with staff; no adult involved.")]),

            // Intelligence: a youth worker gives it, the unit grades, links and routes it, the police record an outcome.
            new("GET /intelligence/submit", "youth.worker", () => "/intelligence/submit", MustWrite: false),
            new("POST /intelligence/submit", "youth.worker", () => "/intelligence/submit",
                () => [("Input.Title", "Attribution: a black Audi at the project"), ("Input.Text", "The same black Audi waited outside the project on three evenings this week.")]),
            new("GET /intelligence", "police.analyst", () => "/intelligence", MustWrite: false),
            new("GET /intelligence/{id}", "police.analyst", () => $"/intelligence/{Id("item")}"),
            new("GET /intelligence/{id}/grade", "police.analyst", () => $"/intelligence/{Id("item")}/grade"),
            new("POST /intelligence/{id}/grade", "police.analyst", () => $"/intelligence/{Id("item")}/grade",
                () => [("Input.Source", "2"), ("Input.Assessment", "B"), ("Input.Handling", "P"), ("Input.Priority", "Medium")]),
            new("GET /intelligence/{id}/link", "police.analyst", () => $"/intelligence/{Id("item")}/link"),
            new("POST /intelligence/{id}/link?handler=AddPerson", "police.analyst", () => $"/intelligence/{Id("item")}/link?handler=AddPerson",
                () => [("NewPerson.GivenName", "Dean"), ("NewPerson.FamilyName", "Attribution"), ("NewPerson.Role", "Suspect"), ("NewPerson.LinkKind", "present-at")]),
            new("POST /intelligence/{id}/link?handler=AddVehicle", "police.analyst", () => $"/intelligence/{Id("item")}/link?handler=AddVehicle",
                () => [("NewVehicle.Registration", "NB21DXR"), ("NewVehicle.Description", "Black Audi A3"), ("NewVehicle.LinkKind", "present-at")]),
            new("POST /intelligence/{id}/link?handler=AddPhone", "police.analyst", () => $"/intelligence/{Id("item")}/link?handler=AddPhone",
                () => [("NewPhone.Number", "07700 900777"), ("NewPhone.LinkKind", "present-at")]),
            new("POST /intelligence/{id}/link?handler=AddOther", "police.analyst", () => $"/intelligence/{Id("item")}/link?handler=AddOther",
                () => [("NewOther.Kind", "SocialMedia"), ("NewOther.Value", "dean_attribution"), ("NewOther.LinkKind", "present-at")]),
            new("POST /intelligence/{id}/link?handler=AddPlace", "police.analyst", () => $"/intelligence/{Id("item")}/link?handler=AddPlace",
                () => [("NewPlace.Name", "Riverside Youth Project car park"), ("NewPlace.LinkKind", "located-at")]),
            new("POST /intelligence/{id}/link?handler=AddLink", "police.analyst", () => $"/intelligence/{Id("item")}/link?handler=AddLink",
                () => [("NewLink.From", Id("darren")), ("NewLink.To", Id("darren")), ("NewLink.LinkKind", "knows"), ("NewLink.Confidence", "Confirmed")]),
            new("POST /intelligence/{id}/link?handler=EventKind", "police.analyst", () => $"/intelligence/{Id("item")}/link?handler=EventKind", () => [("EventKind", "Sighting")]),
            new("GET /intelligence/{id}/route", "police.analyst", () => $"/intelligence/{Id("item")}/route"),
            new("POST /intelligence/{id}/route", "police.analyst", () => $"/intelligence/{Id("item")}/route", () => [("Input.Owner", Id("officer"))]),
            new("POST /intelligence/{id}?handler=Outcome", "police.officer", () => $"/intelligence/{Id("item")}?handler=Outcome",
                () => [("Input.Kind", "ActionTaken"), ("Input.Text", "Car stopped and the driver spoken to.")]),
            new("GET /intelligence/network/{id}", "police.analyst", () => $"/intelligence/network/{Id("amber")}"),
            new("GET /intelligence/groups", "police.analyst", () => "/intelligence/groups", MustWrite: false),
            new("GET /disruption/{id}", "police.analyst", () => $"/disruption/{Id("darren")}"),
            new("POST /disruption/{id}?handler=CreatePlan", "police.analyst", () => $"/disruption/{Id("lee")}?handler=CreatePlan", () => [("Owner", Id("officer"))]),
            new("POST /disruption/{id}?handler=AddTactic", "police.analyst", () => $"/disruption/{Id("darren")}?handler=AddTactic",
                () => [("NewTactic.Tactic", "ChildAbductionWarningNotice"), ("NewTactic.Status", "Planned"), .. Date("NewTactic.ReviewOn", today.AddDays(14))]),
            new("POST /disruption/{id}?handler=UpdateTactic", "police.analyst", () => $"/disruption/{Id("darren")}?handler=UpdateTactic",
                () => [("Update.Id", Id("tactic")), ("Update.Status", "Done"), .. Date("Update.DoneOn", today), ("Update.Outcome", "Closure notice granted by the magistrates.")]),
            new("POST /disruption/{id}?handler=Progress", "police.analyst", () => $"/disruption/{Id("darren")}?handler=Progress"),
            new("POST /disruption/{id}?handler=Close", "police.analyst", () => $"/disruption/{Id("darren")}?handler=Close"),
            // Last for Darren: once he is no longer a suspect, he has no disruption plan to show.
            new("POST /intelligence/network/{id}?handler=Role", "police.analyst", () => $"/intelligence/network/{Id("darren")}?handler=Role", () => [("Role", "Associate")]),

            // Licensing, administration, the user's own work; signing out last.
            new("GET /licensing/notices", "licensing.officer", () => "/licensing/notices"),
            new("POST /licensing/notices?handler=Acknowledge", "licensing.officer", () => "/licensing/notices?handler=Acknowledge",
                () => [("id", Id("notice")), ("note", "Licence suspended pending review.")]),
            new("POST /admin/screening-instruments", "partnership.admin", () => "/admin/screening-instruments",
                () => [("Input.Json", ScreeningJson.Write(DefaultInstrument.Instance with { Version = 2, RescreenMonths = 2 }))]),
            new("POST /admin/users?handler=SetActive", "partnership.admin", () => "/admin/users?handler=SetActive", () => [("id", Id("leaver")), ("active", "false")]),
            new("POST /my-work?handler=MarkRead", "mash.triage", () => "/my-work?handler=MarkRead"),
            new("GET /audit/access-log", "scrutineer", () => "/audit/access-log", MustWrite: false),
            new("POST /account/sign-out", "csc.practitioner", () => "/account/sign-out", MustWrite: false),
        };

        // Every POST route is performed here or said above why not; every GET is opened, here or by the sweep below.
        var served = ServedRoutes();
        var planned = steps.Select(s => s.Route).ToHashSet();
        Assert.Empty(served.Where(r => r.StartsWith("POST ", StringComparison.Ordinal) && !planned.Contains(r) && !s_notWrittenByStaff.ContainsKey(r)).Order());
        Assert.Empty(planned.Where(r => !RouteAccessTable.Rows.ContainsKey(r)).Order());
        foreach (var get in served.Where(r => r.StartsWith("GET ", StringComparison.Ordinal) && !planned.Contains(r)).Order())
        {
            if (SweepUrl(get, ids) is { } url)
            {
                steps.Insert(steps.Count - 1, new Step(get, "csc.practitioner", () => url, MustWrite: false));
            }
        }

        var clients = new Dictionary<string, SignedInClient>();
        var people = new Dictionary<string, ChainRows.Staff>();
        var failures = new List<string>();
        try
        {
            foreach (var step in steps)
            {
                if (!clients.TryGetValue(step.User, out var client))
                {
                    clients[step.User] = client = await SignedInClient.SignInAsync(_server, step.User);
                    people[step.User] = await ChainRows.UserAsync(_server, step.User);
                }
                var person = people[step.User];
                var url = step.Url();
                var heads = await ChainRows.HeadsAsync(_server);
                var response = step.Route.StartsWith("GET ", StringComparison.Ordinal)
                    ? await client.Http.GetAsync(url)
                    : await client.PostFormAsync(url, "/home", step.Fields?.Invoke() ?? []);
                var rows = await ChainRows.SinceAsync(_server, heads);
                var what = $"{step.Route} as {step.User} ({url}) answered {(int)response.StatusCode}";
                if ((int)response.StatusCode >= 500)
                {
                    failures.Add($"{what}: a server error");
                }
                if (step.MustWrite && rows.Count == 0)
                {
                    failures.Add($"{what}: wrote nothing, so who it names was not shown");
                }
                failures.AddRange(rows.Where(r => r.Actor != person.Actor || r.Agency != person.AgencyCode)
                    .Select(r => $"{what}: {r} instead of {person.Actor} ({person.AgencyCode})"));
                await NoteWhatWasMadeAsync(step, response, values);
            }
        }
        finally
        {
            foreach (var client in clients.Values)
            {
                client.Dispose();
            }
        }
        Assert.True(failures.Count == 0, string.Join("\n", failures));
        await ChainRows.AssertEveryActorIsAllowedAsync(_server);
    }

    /// <summary>Ids the later steps need from what the earlier ones made.</summary>
    private async Task NoteWhatWasMadeAsync(Step step, HttpResponseMessage response, Dictionary<string, string> values)
    {
        switch (step.Route)
        {
            case "POST /concerns/new":
                values["reported"] = response.Headers.Location!.OriginalString.Split('/')[^1];
                break;
            case "POST /children/{id}/missing/new":
                values["episode"] = (await _server.WithDbAsync(db => db.MissingEpisodes.Where(e => e.Circumstances == "Did not come home after the youth club.").Select(e => e.Id).SingleAsync())).ToString();
                break;
            case "POST /children/{id}/request-access":
                values["accessRequest"] = (await _server.WithDbAsync(db => db.AccessRequests.OrderByDescending(r => r.RequestedAt).Select(r => r.Id).FirstAsync())).ToString();
                break;
            case "POST /children/{id}/break-glass":
                values["breakGlass"] = (await _server.WithDbAsync(db => db.BreakGlass.OrderByDescending(r => r.At).Select(r => r.Id).FirstAsync())).ToString();
                break;
            case "POST /intelligence/submit":
                values["item"] = (await _server.WithDbAsync(db => db.IntelligenceItems.Where(i => i.Title == "Attribution: a black Audi at the project").Select(i => i.Id).SingleAsync())).ToString();
                break;
            default:
                break;
        }
    }

    /// <summary>Ids of the demo partnership's records that the steps act on.</summary>
    private async Task<Dictionary<string, string>> DemoIdsAsync() => await _server.WithDbAsync(async db =>
    {
        async Task<string> Child(string given) => (await db.People.Where(p => p.GivenName == given && p.Kind == PersonKind.Child && p.MergedIntoId == null).Select(p => p.Id).SingleAsync()).ToString();
        async Task<string> Adult(string given) => (await db.People.Where(p => p.GivenName == given && p.Kind == PersonKind.Adult).Select(p => p.Id).FirstAsync()).ToString();
        async Task<string> User(string key) => (await db.Users.Where(u => u.Email == DemoPartnership.EmailOf(key)).Select(u => u.Id).SingleAsync()).ToString();
        var kayleigh = await db.People.Where(p => p.GivenName == "Kayleigh").Select(p => p.Id).SingleAsync();
        // The front door links only a person it offers for the concern, so the waiting concern names a child and an
        // adult Safeguard holds, and the steps link the ones the server's own matcher offers.
        var waiting = await db.Concerns.Include(c => c.Adults).SingleAsync(c => c.ChildGivenName == "Chloe");
        var amber = await db.People.SingleAsync(p => p.GivenName == "Amber" && p.Kind == PersonKind.Child && p.MergedIntoId == null);
        (waiting.ChildGivenName, waiting.ChildFamilyName, waiting.ChildDateOfBirth) = (amber.GivenName, amber.FamilyName, amber.DateOfBirth);
        waiting.Adults.Single().Name = "Darren Hale";
        await db.SaveChangesAsync();
        return new Dictionary<string, string>
        {
            ["amber"] = await Child("Amber"),
            ["kayleigh"] = kayleigh.ToString(),
            ["aisha"] = await Child("Aisha"),
            ["ewa"] = await Child("Ewa"),
            ["daniel"] = await Child("Daniel"),
            ["darren"] = await Adult("Darren"),
            ["lee"] = await Adult("Lee"),
            ["officer"] = await User("police.officer"),
            ["leaver"] = await User("licensing.manager"),
            ["waiting"] = waiting.Id.ToString(),
            ["waitingAdult"] = waiting.Adults.Single().Id.ToString(),
            ["conference"] = (await db.Meetings.Where(m => m.PersonId == kayleigh && m.Kind == Core.Casework.MeetingKind.InitialConference).Select(m => m.Id).SingleAsync()).ToString(),
            ["visit"] = (await db.Actions.Where(a => a.PersonId == kayleigh && a.Title.StartsWith("Visit Kayleigh")).Select(a => a.Id).SingleAsync()).ToString(),
            ["policeCheck"] = (await db.Actions.Where(a => a.PersonId == kayleigh && a.Title.StartsWith("Check the Mill Road")).Select(a => a.Id).SingleAsync()).ToString(),
            ["matchReview"] = (await db.PersonMatchReviews.Where(r => r.Status == MatchReviewStatus.Pending).Select(r => r.Id).FirstAsync()).ToString(),
            ["merge"] = (await db.PersonMerges.Where(m => m.UndoneAt == null).Select(m => m.Id).FirstAsync()).ToString(),
            ["offenderReview"] = (await db.OffenderReviews.Select(r => r.Id).FirstAsync()).ToString(),
            ["tactic"] = (await db.PlannedTactics.Where(t => t.TacticCode == "premises-closure").Select(t => t.Id).FirstAsync()).ToString(),
            ["notice"] = (await db.LicensingNotices.Select(n => n.Id).FirstAsync()).ToString(),
        };
    });

    /// <summary>A GET route the steps do not open, with demo ids filled in; null for one that needs an id of its own kind.</summary>
    private static string? SweepUrl(string key, Dictionary<string, string> ids)
    {
        var route = key["GET ".Length..];
        var handler = route.Contains("?handler=", StringComparison.Ordinal) ? route[route.IndexOf('?', StringComparison.Ordinal)..] : "";
        route = handler.Length > 0 ? route[..route.IndexOf('?', StringComparison.Ordinal)] : route;
        var path = route
            .Replace("{code:int?}", "404", StringComparison.Ordinal)
            .Replace("{documentName}", "v1", StringComparison.Ordinal)
            .Replace("{reference}", "REF-2026-000001", StringComparison.Ordinal)
            .Replace("{email}", DemoPartnership.EmailOf("youth.worker"), StringComparison.Ordinal)
            .Replace("{id}", ids["amber"], StringComparison.Ordinal);
        return path.Contains('{', StringComparison.Ordinal) ? null : path + handler;
    }

    private List<string> ServedRoutes()
    {
        var routes = new List<string>();
        foreach (var endpoint in _server.Services.GetRequiredService<EndpointDataSource>().Endpoints.OfType<RouteEndpoint>())
        {
            var route = "/" + endpoint.RoutePattern.RawText?.TrimStart('/');
            var page = endpoint.Metadata.GetMetadata<Microsoft.AspNetCore.Mvc.RazorPages.CompiledPageActionDescriptor>();
            var handlers = page?.HandlerMethods.Select(h => (Method: h.HttpMethod.ToUpperInvariant(), Name: (string?)h.Name)).ToList() ?? [];
            if (page is null && endpoint.Metadata.GetMetadata<HttpMethodMetadata>() is { } methods)
            {
                handlers.AddRange(methods.HttpMethods.Select(m => (Method: m.ToUpperInvariant(), Name: (string?)null)));
            }
            if (handlers.Count == 0)
            {
                handlers.Add((Method: "GET", Name: null));
            }
            routes.AddRange(handlers.Distinct().Select(h => $"{h.Method} {route}{(h.Name is null ? "" : $"?handler={h.Name}")}"));
        }
        return routes.Distinct().ToList();
    }
}
