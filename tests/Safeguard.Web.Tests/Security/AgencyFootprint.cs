using System.Globalization;
using System.Net;
using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using Safeguard.Core;
using Safeguard.Web.Data.Model;
using Safeguard.Web.Demo;
using Safeguard.Web.Features.Shared;
using Safeguard.Web.Tests.Infrastructure;

namespace Safeguard.Web.Tests.Security;

/// <summary>
/// What the field is and the most characters its form accepts: the footprint asks its text source for one value per
/// field, so the same footprint carries canary names (the access sweep) or hostile text (the rendering tests).
/// </summary>
internal delegate string FieldText(string field, int maximumLength);

/// <summary>
/// Everything one agency's staff record about a child only that agency works with, stored through the pages they use
/// (HTTP forms, signed in with password and authenticator code): the record and what is added to it, the chronology,
/// the child's words, a screening, a meeting and its decisions, an action, two missing episodes and a return, an
/// arrest held for the CSE lead, a concern; and information passed to the intelligence unit, which grades and routes
/// it, links the child, a suspect and what was seen, and plans the suspect's disruption. Ids are read back from the
/// database only where a page does not name them in its redirect.
/// </summary>
internal sealed partial record AgencyFootprint(
    Id<Person> Child,
    Id<Concern> Concern,
    Id<CaseMeeting> Meeting,
    Id<CaseAction> Action,
    Id<MissingEpisodeRecord> Episode,
    Id<IntelligenceItem> Item,
    Id<Person> Suspect,
    Id<OffenderRecordReview> OffenderReview,
    IReadOnlyList<Guid> NetworkThings)
{
    /// <summary>The youth project's worker records; its manager owns what is assigned; the police analyst is the unit.</summary>
    public const string Worker = "youth.worker";
    public const string Manager = "youth.manager";
    public const string Analyst = "police.analyst";

    public static async Task<AgencyFootprint> RecordAsync(SafeguardServer server, FieldText text)
    {
        ArgumentNullException.ThrowIfNull(server);
        ArgumentNullException.ThrowIfNull(text);
        using var worker = await SignedInClient.SignInAsync(server, Worker);
        var today = UkTime.DateOf(server.Clock.GetUtcNow());
        var yesterday = today.AddDays(-1);
        var manager = await UserIdAsync(server, Manager);
        var youthProject = await server.WithDbAsync(db => db.Agencies.Where(a => a.Code == "YTH").Select(a => a.Id).SingleAsync());

        var child = await NewChildAsync(worker, text);
        var record = $"/children/{child}";

        await PostAsync(worker, $"{record}/add/name", [("Input.NameKind", "KnownAs"), ("Input.Text", text("Known as", 200))]);
        await PostAsync(worker, $"{record}/add/identifier", [("Input.IdentifierKind", "Other"), ("Input.Text", text("Identifier", 100))]);
        await PostAsync(worker, $"{record}/add/address", [("Input.Text", text("Address line 1", 200)), ("Input.Line2", text("Address line 2", 200)),
            ("Input.Town", text("Town", 100))]);
        await PostAsync(worker, $"{record}/add/contact", [("Input.Text", text("Contact's name", 200)), ("Input.Relationship", text("Contact's relationship", 100)),
            ("Input.Phone", text("Contact's phone", 40))]);
        await PostAsync(worker, $"{record}/add/vulnerability", [("Input.VulnerabilityKind", "DomesticAbuseAtHome"), ("Input.Text", text("Vulnerability notes", 2000))]);
        await PostAsync(worker, $"{record}/edit", [("Input.GivenName", text("Child's first name, corrected", 200)), ("Input.FamilyName", text("Child's family name, corrected", 200)),
            .. Date("Input.DateOfBirth", today.AddYears(-14)), ("Input.Sex", "Female"), ("Input.Ethnicity", "NotKnown"),
            ("Input.Nationality", text("Nationality", 100)), ("Input.FirstLanguage", text("First language", 100)), ("Input.Phone", text("Phone, corrected", 40))]);
        await PostAsync(worker, $"{record}/chronology/add", [("Input.Kind", ChronologyKinds.CaseNote), .. Date("Input.Date", yesterday), ("Input.Time", "14:00"),
            ("Input.Summary", text("Chronology entry", 8000))]);
        await PostAsync(worker, $"{record}/voice/add", [.. Date("Input.SaidOn", yesterday), ("Input.Words", text("Child's words", 4000)),
            ("Input.Wishes", text("Child's wishes", 4000)), ("Input.HowHeard", "Seen alone"), ("Input.Context", text("Practitioner's note on the child's words", 4000))]);
        var screening = await worker.Http.GetStringAsync($"{record}/screening/new");
        await PostAsync(worker, $"{record}/screening/new", [("Input.InstrumentId", Hidden(screening, "Input.InstrumentId")),
            ("Input.InstrumentVersion", Hidden(screening, "Input.InstrumentVersion")), ("Input.Notes", text("Screening notes", 4000))]);

        // A meeting of the youth project alone (inviting others would tell them of the child), held yesterday.
        var arranged = await PostAsync(worker, $"{record}/meetings/new", [("Input.Kind", "StrategyDiscussion"), .. Date("Input.Date", yesterday),
            ("Input.Time", "10:00"), ("Input.Location", text("Meeting place", 500)), ("Input.Agencies", youthProject.ToString())]);
        var meeting = Id<CaseMeeting>.Parse(Redirected(arranged, $"{record}/meetings/"), null);
        var invitation = await server.WithDbAsync(db => db.Meetings.Where(m => m.Id == meeting).SelectMany(m => m.Invitations).Select(i => i.Id).SingleAsync());
        await PostAsync(worker, $"{record}/meetings/{meeting}/record", [.. Date("Input.HeldOn", yesterday), ("Input.HeldTime", "10:00"),
            ("Input.Attendance[0].InvitationId", invitation.ToString()), ("Input.Attendance[0].Agency", "Riverside Youth Project"),
            ("Input.Attendance[0].Status", "Attended"), ("Input.Attendance[0].AttendedBy", text("Who attended", 200)),
            ("Input.Decisions", text("Meeting decisions", 16000)), ("Input.ConferenceNeeded", "no")]);
        await PostAsync(worker, $"{record}/actions/new", [("Input.Source", $"meeting:{meeting}"), ("Input.Title", text("Action title", 300)),
            ("Input.Detail", text("Action detail", 4000)), ("Input.Owner", manager.ToString()), .. Date("Input.Due", today.AddDays(7))]);
        var action = await server.WithDbAsync(db => db.Actions.Where(a => a.PersonId == child && a.MeetingId == meeting).Select(a => a.Id).SingleAsync());
        using (var owner = await SignedInClient.SignInAsync(server, Manager))
        {
            await PostAsync(owner, $"/actions/{action}?handler=Complete", [("CompletionNote", text("What was done", 8000))]);
        }

        // Two missing episodes (the second still open, then its return): with the intelligence passed on below, they
        // surface the child to the CSE lead (the screening found no risk), so an arrest recorded last is held for the
        // CSE lead's review instead of entering the chronology.
        foreach (var daysAgo in new[] { 9, 2 })
        {
            await PostAsync(worker, $"{record}/missing/new", [.. Date("Input.WentMissingOn", today.AddDays(-daysAgo)), ("Input.WentMissingTime", "20:00"),
                ("Input.Circumstances", text("Missing: what is known", 8000)), ("Input.Returned", "no")]);
        }
        var episode = await server.WithDbAsync(db => db.MissingEpisodes.Where(e => e.PersonId == child).OrderByDescending(e => e.WentMissingAt).Select(e => e.Id).FirstAsync());
        await PostAsync(worker, $"{record}/missing/{episode}/return", [.. Date("Input.Return.ReturnedOn", today.AddDays(-1)), ("Input.Return.ReturnedTime", "09:00"),
            ("Input.Return.ReturnDetails", text("Where they were found", 8000)), ("Input.Return.InterviewOwner", manager.ToString())]);
        // A concern about the child under other names (so the reporter is not asked which held child it is), with an adult.
        var concern = await PostAsync(worker, "/concerns/new", [("Input.ChildGivenName", text("Concern: child's first name", 200)), ("Input.ChildFamilyName", text("Concern: child's family name", 200)),
            ("Input.ChildDescription", text("Concern: child's description", 2000)), ("Input.ChildAddressOrSchool", text("Concern: address or school", 500)),
            .. Date("Input.OccurredOn", yesterday), ("Input.OccurredTime", "21:40"), ("Input.Location", text("Concern: where", 500)),
            ("Input.WhatHappened", text("Concern: what happened", 8000)), ("Input.ChildsWords", text("Concern: child's words", 4000)),
            ("Input.ImmediateDanger", "yes"), ("Input.ImmediateActionTaken", text("Concern: what was done", 4000)),
            ("Input.Adults[0].Name", text("Concern: adult's name", 200)), ("Input.Adults[0].Description", text("Concern: adult's description", 2000)),
            ("Input.Adults[0].Vehicle", text("Concern: adult's vehicle", 200)), ("Input.Adults[0].Places", text("Concern: adult's places", 500)),
            ("Command", "send")]);
        var concernId = Id<Concern>.Parse(Redirected(concern, "/concerns/"), null);

        // Information to the intelligence unit about the child; the unit grades it (partners see a sanitised version),
        // routes it back to the youth project, and links the child, a suspect and what was seen.
        var title = text("Intelligence title", 200);
        await PostAsync(worker, "/intelligence/submit", [("Input.Title", title), ("Input.Text", text("Intelligence text", 8000)),
            .. Date("Input.Date", yesterday), ("Input.Time", "22:15"), ("Input.Place", text("Intelligence place", 300)),
            ("Input.People", text("Intelligence people", 2000)), ("Input.ChildId", child.ToString())]);
        var item = await server.WithDbAsync(db => db.IntelligenceItems.Where(i => i.ChildId == child).Select(i => i.Id).SingleAsync());
        using var analyst = await SignedInClient.SignInAsync(server, Analyst);
        var analystId = await UserIdAsync(server, Analyst);
        var unit = $"/intelligence/{item}";
        await PostAsync(analyst, $"{unit}/grade", [("Input.Source", "1"), ("Input.Assessment", "B"), ("Input.Handling", "C"), ("Input.Action", "A3"),
            ("Input.Sanitisation", "S1"), ("Input.Priority", "High"), ("Input.Sanitised", text("Intelligence sanitised", 8000))]);
        await PostAsync(analyst, $"{unit}/route", [("Input.Owner", manager.ToString()), ("Input.Note", text("Intelligence note for the owner", 1000))]);
        await PostAsync(analyst, $"{unit}/link?handler=AddPerson", [("NewPerson.GivenName", "Unknown"), ("NewPerson.FamilyName", "Unknown"),
            ("NewPerson.MatchId", child.ToString()), ("NewPerson.Role", "Victim"), ("NewPerson.LinkKind", "present-at"), ("NewPerson.Confidence", "Confirmed")]);
        var suspectGiven = text("Suspect's first name", 200);
        await PostAsync(analyst, $"{unit}/link?handler=AddPerson", [("NewPerson.GivenName", suspectGiven), ("NewPerson.FamilyName", text("Suspect's family name", 200)),
            ("NewPerson.MatchId", "new"), ("NewPerson.Role", "Suspect"),
            ("NewPerson.Licence", "PrivateHireDriverLicence"), ("NewPerson.LicenceNumber", text("Licence number", 100)), ("NewPerson.LinkKind", "present-at"), ("NewPerson.Confidence", "Confirmed")]);
        await PostAsync(analyst, $"{unit}/link?handler=AddPlace", [("NewPlace.Name", text("Place seen", 300)), ("NewPlace.Kind", "Flat"),
            ("NewPlace.LinkKind", "located-at"), ("NewPlace.Confidence", "Confirmed")]);
        await PostAsync(analyst, $"{unit}/link?handler=AddOther", [("NewOther.Kind", "Account"), ("NewOther.Qualifier", text("Online platform", 100)),
            ("NewOther.Value", Handle(text("Online account", 100))), ("NewOther.LinkKind", "present-at"), ("NewOther.Confidence", "Confirmed")]);
        var suspect = await server.WithDbAsync(db => db.IntelligenceSubjects.Where(s => s.Role == Core.Network.PersonRole.Suspect)
            .Join(db.People.Where(p => p.GivenName == suspectGiven.Trim()), s => s.PersonId, p => p.Id, (s, p) => p.Id).SingleAsync());
        var plan = $"/disruption/{suspect}";
        await PostAsync(analyst, $"{plan}?handler=CreatePlan", [("Owner", analystId.ToString())]);
        await PostAsync(analyst, $"{plan}?handler=AddTactic", [("NewTactic.Tactic", "child-abduction-warning-notice"), ("NewTactic.Status", "InProgress"),
            ("NewTactic.Outcome", text("Tactic outcome", 2000))]);
        var arrest = await worker.PostFormAsync($"{record}/chronology/add", "/home", [("Input.Kind", ChronologyKinds.Arrest), .. Date("Input.Date", yesterday),
            ("Input.Time", "23:00"), ("Input.Summary", text("Arrest held for review", 8000))]);
        Assert.Equal(HttpStatusCode.Redirect, arrest.StatusCode);
        var offenderReview = await server.WithDbAsync(db => db.OffenderReviews.Where(r => r.PersonId == child).Select(r => r.Id).SingleAsync());

        var things = await server.WithDbAsync(db => db.IntelligenceReferences.Where(r => r.ItemId == item).Select(r => r.NodeId).Distinct().ToListAsync());
        return new AgencyFootprint(child, concernId, meeting, action, episode, item, suspect, offenderReview, things);
    }

    /// <summary>
    /// A child recorded through the page that first checks for people already held (the worker says it is none of
    /// them) and opens the agency's work with them.
    /// </summary>
    public static async Task<Id<Person>> NewChildAsync(SignedInClient worker, FieldText text)
    {
        ArgumentNullException.ThrowIfNull(worker);
        ArgumentNullException.ThrowIfNull(text);
        var born = DateOnly.FromDateTime(DateTime.UtcNow).AddYears(-14);
        var created = await PostAsync(worker, "/people/new", [("Input.Kind", "Child"), ("Input.GivenName", text("Child's first name", 200)), ("Input.MiddleNames", text("Child's middle names", 200)),
            ("Input.FamilyName", text("Child's family name", 200)), .. Date("Input.DateOfBirth", born), ("Input.Sex", "Female"),
            ("Input.Phone", text("Child's phone", 40)), ("Input.AddressLine1", text("Child's address", 200)), ("Input.Town", text("Child's town", 100)),
            ("Input.Involvement", text("Agency's work", 100))]);
        if (created.StatusCode == HttpStatusCode.OK)
        {
            var page = await created.Content.ReadAsStringAsync();
            var shown = ShownField().Matches(page).Select(m => ("Shown", m.Groups[1].Value));
            var fields = HiddenField().Matches(page).Where(m => m.Groups[1].Value.StartsWith("Input.", StringComparison.Ordinal))
                .Select(m => (m.Groups[1].Value, WebUtility.HtmlDecode(m.Groups[2].Value)));
            created = await PostAsync(worker, "/people/new?handler=Create", [.. fields, .. shown]);
        }
        return Id<Person>.Parse(Redirected(created, "/children/"), null);
    }

    /// <summary>Posts a form with a fresh antiforgery token and requires the page to accept it (a redirect).</summary>
    private static async Task<HttpResponseMessage> PostAsync(SignedInClient client, string url, (string Name, string Value)[] fields)
    {
        var response = await client.PostFormAsync(url, "/home", fields);
        if (response.StatusCode is not (HttpStatusCode.Redirect or HttpStatusCode.OK) || (response.StatusCode == HttpStatusCode.OK && !url.StartsWith("/people/new", StringComparison.Ordinal)))
        {
            var page = await response.Content.ReadAsStringAsync();
            var errors = string.Join("; ", ErrorMessage().Matches(page).Select(m => WebUtility.HtmlDecode(Regex.Replace(m.Groups[1].Value, "<[^>]+>", "").Trim())));
            Assert.Fail($"POST {url} answered {(int)response.StatusCode}: {errors}");
        }
        return response;
    }

    private static string Redirected(HttpResponseMessage response, string prefix)
    {
        var location = response.Headers.Location?.OriginalString ?? "";
        Assert.StartsWith(prefix, location, StringComparison.Ordinal);
        return location[prefix.Length..].Split('?', '/')[0];
    }

    private static (string, string)[] Date(string name, DateOnly date) =>
    [
        ($"{name}.Day", date.Day.ToString(CultureInfo.InvariantCulture)),
        ($"{name}.Month", date.Month.ToString(CultureInfo.InvariantCulture)),
        ($"{name}.Year", date.Year.ToString(CultureInfo.InvariantCulture)),
    ];

    private static string Hidden(string page, string name) =>
        WebUtility.HtmlDecode(Regex.Match(page, $"name=\"{Regex.Escape(name)}\"[^>]*value=\"([^\"]*)\"").Groups[1].Value);

    /// <summary>An account handle has no spaces: what the text source gave, with its spaces taken out.</summary>
    private static string Handle(string text) => string.Concat(text.Where(c => !char.IsWhiteSpace(c)));

    public static Task<Guid> UserIdAsync(SafeguardServer server, string user) =>
        server.WithDbAsync(db => db.Users.Where(u => u.Email == DemoPartnership.EmailOf(user)).Select(u => u.Id).SingleAsync());

    [GeneratedRegex("<input type=\"hidden\" name=\"([^\"]+)\" value=\"([^\"]*)\"")]
    private static partial Regex HiddenField();

    [GeneratedRegex("name=\"Shown\" value=\"([^\"]+)\"")]
    private static partial Regex ShownField();

    [GeneratedRegex("<p id=\"[^\"]*-error\" class=\"govuk-error-message\">(.*?)</p>", RegexOptions.Singleline)]
    private static partial Regex ErrorMessage();
}
