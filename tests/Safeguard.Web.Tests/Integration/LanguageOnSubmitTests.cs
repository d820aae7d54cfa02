using System.Globalization;
using System.Net;
using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using Safeguard.Core;
using Safeguard.Core.Casework;
using Safeguard.Core.Screening.Language;
using Safeguard.Web.Data;
using Safeguard.Web.Data.Model;
using Safeguard.Web.Demo;
using Safeguard.Web.Features.Shared;
using Safeguard.Web.Tests.Casework;
using Safeguard.Web.Tests.Infrastructure;

namespace Safeguard.Web.Tests.Integration;

/// <summary>
/// The language check on submit (issue 6) on the casework (issue 3) and intelligence (issue 5) forms: a flagged phrase
/// brings the form back once, with the advice beside the field and everything typed kept; the second submit saves
/// and counts the phrase as kept under the field's label. One server for the class: each test writes its own records.
/// </summary>
public sealed class LanguageOnSubmitTests(SeededServerFixture fixture) : IClassFixture<SeededServerFixture>
{
    private const string Flagged = "She keeps putting herself at risk by going to the flat.";
    private const string Rule = "putting-themselves-at-risk";
    private readonly SafeguardServer _server = fixture.Server;

    /// <summary>
    /// Posts the form, expects it back with the advice beside <paramref name="key"/> and nothing lost, checks nothing was
    /// saved, posts again with the hidden fields the page gave back, and expects the save and a "kept" outcome.
    /// </summary>
    private async Task<HttpResponseMessage> ReviewedThenSavedAsync(SignedInClient client, string url, string key, string label,
        (string, string)[] fields, Func<SafeguardDbContext, Task<bool>> saved)
    {
        var since = await _server.WithDbAsync(db => Task.FromResult(db.Now));
        var first = await client.PostFormAsync(url, url, fields);
        Assert.Equal(HttpStatusCode.OK, first.StatusCode);
        var html = await first.Content.ReadAsStringAsync();
        Assert.Contains("Check your wording before you save", html, StringComparison.Ordinal);
        Assert.Contains($"id=\"{FieldIds.For(key)}-language-check\"", html, StringComparison.Ordinal);
        Assert.Contains($">{label}</a>", html, StringComparison.Ordinal);
        foreach (var (_, value) in fields.Where(f => f.Item2.Length > 3))
        {
            Assert.Contains(WebUtility.HtmlEncode(value), html, StringComparison.Ordinal); // nothing typed is lost
        }
        Assert.False(await _server.WithDbAsync(saved));

        var shown = Regex.Match(html, $"name=\"language-shown\\.{Regex.Escape(key)}\" value=\"([^\"]*)\"").Groups[1].Value;
        Assert.Contains(Rule, shown.Split(' '));
        var second = await client.PostFormAsync(url, url, [.. fields, ($"language-shown.{key}", shown)]);
        Assert.Equal(HttpStatusCode.Redirect, second.StatusCode);
        Assert.True(await _server.WithDbAsync(saved));
        var outcomes = await _server.WithDbAsync(db => db.LanguageOutcomes.Where(o => o.At >= since && o.Field == label).ToListAsync());
        Assert.Equal([(Rule, LanguageOutcome.Kept)], outcomes.Select(o => (o.RuleId, o.Outcome)));
        return second;
    }

    [Fact]
    public async Task A_concern_is_checked_on_what_happened_but_never_on_the_childs_own_words()
    {
        using var youth = await SignedInClient.SignInAsync(_server, "youth.worker");
        var today = DateOnly.FromDateTime(UkTime.ToLocal(_server.Clock.GetUtcNow()).DateTime);
        const string ChildsWords = "He is my boyfriend, he buys me things.";
        (string, string)[] fields =
        [
            ("Input.ChildGivenName", "Tamsin"), ("Input.ChildFamilyName", "Languagecheck"),
            ("Input.OccurredOn.Day", today.Day.ToString(CultureInfo.InvariantCulture)), ("Input.OccurredOn.Month", today.Month.ToString(CultureInfo.InvariantCulture)),
            ("Input.OccurredOn.Year", today.Year.ToString(CultureInfo.InvariantCulture)),
            ("Input.WhatHappened", Flagged), ("Input.ChildsWords", ChildsWords), ("Input.ImmediateDanger", "no"), ("Command", "send"),
        ];
        Assert.NotEmpty(LanguageChecker.Default.Check(ChildsWords)); // the child's words would be flagged if they were checked

        var first = await youth.PostFormAsync("/concerns/new", "/concerns/new", fields);
        var html = await first.Content.ReadAsStringAsync();
        Assert.DoesNotContain("id=\"Input_ChildsWords-language-check\"", html, StringComparison.Ordinal);
        Assert.DoesNotContain("language-shown.Input.ChildsWords", html, StringComparison.Ordinal);

        await ReviewedThenSavedAsync(youth, "/concerns/new", "Input.WhatHappened", "Concern: what happened", fields,
            db => db.Concerns.AnyAsync(c => c.WhatHappened == Flagged && c.ChildsWords == ChildsWords));
    }

    [Fact]
    public async Task The_front_doors_reasons_for_a_decision_are_checked()
    {
        using var reporter = await SignedInClient.SignInAsync(_server, "school.dsl");
        var id = (await CaseworkTestData.ReportAsync(reporter, _server, "Rosa", "Collected from the school gate by an adult she did not name.")).Split('/')[^1];
        using var triage = await SignedInClient.SignInAsync(_server, "mash.triage");
        var page = $"/front-door/concerns/{id}";
        Assert.Equal(HttpStatusCode.Redirect, (await triage.PostFormAsync($"{page}?handler=Take", page)).StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, (await triage.PostFormAsync($"{page}?handler=NewRecord", page)).StatusCode);
        var concern = Id<Concern>.Parse(id, null);

        await ReviewedThenSavedAsync(triage, $"{page}/decide", "Input.Rationale", "Front door: reasons for the decision",
            [("Input.Outcome", "Assessment"), ("Input.Rationale", Flagged)],
            db => db.ConcernDecisions.AnyAsync(d => d.ConcernId == concern && d.Rationale == Flagged));
    }

    [Fact]
    public async Task A_missing_episode_and_completing_its_return_interview_are_checked()
    {
        var jade = await _server.IdOfAsync("Jade");
        using var worker = await SignedInClient.SignInAsync(_server, "csc.practitioner2");
        var owner = await _server.WithDbAsync(db => db.Users.Where(u => u.UserName == DemoPartnership.EmailOf("csc.practitioner2")).Select(u => u.Id).SingleAsync());
        var went = UkTime.ToLocal(_server.Clock.GetUtcNow().AddHours(-20));
        var back = UkTime.ToLocal(_server.Clock.GetUtcNow().AddHours(-2));
        const string Details = "Found at the flat on Mill Road with two adults.";
        var report = $"/children/{jade}/missing/new";
        await ReviewedThenSavedAsync(worker, report, "Input.Circumstances", "Missing: what is known",
            [
                ("Input.WentMissingOn.Day", went.Day.ToString(CultureInfo.InvariantCulture)), ("Input.WentMissingOn.Month", went.Month.ToString(CultureInfo.InvariantCulture)),
                ("Input.WentMissingOn.Year", went.Year.ToString(CultureInfo.InvariantCulture)), ("Input.WentMissingTime", went.ToString("HH:mm", CultureInfo.InvariantCulture)),
                ("Input.Circumstances", Flagged), ("Input.Returned", "yes"),
                ("Input.Return.ReturnedOn.Day", back.Day.ToString(CultureInfo.InvariantCulture)), ("Input.Return.ReturnedOn.Month", back.Month.ToString(CultureInfo.InvariantCulture)),
                ("Input.Return.ReturnedOn.Year", back.Year.ToString(CultureInfo.InvariantCulture)), ("Input.Return.ReturnedTime", back.ToString("HH:mm", CultureInfo.InvariantCulture)),
                ("Input.Return.ReturnDetails", Details), ("Input.Return.InterviewOwner", owner.ToString()),
            ],
            db => db.MissingEpisodes.AnyAsync(e => e.PersonId == jade && e.Circumstances == Flagged && e.ReturnDetails == Details));

        var episode = await _server.WithDbAsync(db => db.MissingEpisodes.Where(e => e.Circumstances == Flagged).Select(e => e.Id).SingleAsync());
        var action = await _server.WithDbAsync(db => db.Actions.Where(a => a.MissingEpisodeId == episode).Select(a => a.Id).SingleAsync());
        var page = $"/actions/{action}";
        var first = await worker.PostFormAsync($"{page}?handler=Complete", page, ("CompletionNote", Flagged));
        Assert.Equal(HttpStatusCode.OK, first.StatusCode);
        var html = await first.Content.ReadAsStringAsync();
        Assert.Contains("id=\"CompletionNote-language-check\"", html, StringComparison.Ordinal);
        Assert.Contains("putting herself at risk by going to the flat.</textarea>", html, StringComparison.Ordinal);
        Assert.Equal(2, html.Split("Check your wording before you save").Length); // only the form that was posted
        Assert.Null(await _server.WithDbAsync(db => db.Actions.Where(a => a.Id == action).Select(a => a.CompletedAt).SingleAsync()));
        var saved = await worker.PostFormAsync($"{page}?handler=Complete", page, ("CompletionNote", "Jade spoke about the adults at the flat."), ("language-shown.CompletionNote", Rule));
        Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);
        Assert.NotNull(await _server.WithDbAsync(db => db.Actions.Where(a => a.Id == action).Select(a => a.CompletedAt).SingleAsync()));
        Assert.Contains((Rule, LanguageOutcome.Changed),
            await _server.WithDbAsync(db => db.LanguageOutcomes.Where(o => o.Field == "Action: what was done").Select(o => new ValueTuple<string, LanguageOutcome>(o.RuleId, o.Outcome)).ToListAsync()));
    }

    [Fact]
    public async Task A_meetings_decisions_are_checked()
    {
        var kayleigh = await _server.IdOfAsync("Kayleigh");
        var (meeting, invitation) = await _server.WithDbAsync(async db =>
        {
            var worker = await db.Users.SingleAsync(u => u.Email == DemoPartnership.EmailOf("csc.practitioner"));
            var arranged = new CaseMeeting
            {
                PersonId = kayleigh,
                Kind = MeetingKind.StrategyDiscussion,
                ScheduledFor = db.Now.AddHours(-3),
                ArrangedByUserId = worker.Id,
                ArrangedAt = db.Now.AddDays(-1),
                Status = MeetingStatus.Scheduled,
            };
            arranged.Invitations.Add(new MeetingInvitation { MeetingId = arranged.Id, PersonId = kayleigh, AgencyId = worker.AgencyId, InvitedUserId = worker.Id, InvitedAt = db.Now.AddDays(-1) });
            db.Meetings.Add(arranged);
            await db.SaveChangesAsync();
            return (arranged.Id, arranged.Invitations[0].Id);
        });
        using var worker = await SignedInClient.SignInAsync(_server, "csc.practitioner");
        var held = UkTime.ToLocal(_server.Clock.GetUtcNow().AddHours(-3));
        await ReviewedThenSavedAsync(worker, $"/children/{kayleigh}/meetings/{meeting}/record", "Input.Decisions", "Meeting: decisions",
            [
                ("Input.HeldOn.Day", held.Day.ToString(CultureInfo.InvariantCulture)), ("Input.HeldOn.Month", held.Month.ToString(CultureInfo.InvariantCulture)),
                ("Input.HeldOn.Year", held.Year.ToString(CultureInfo.InvariantCulture)), ("Input.HeldTime", held.ToString("HH:mm", CultureInfo.InvariantCulture)),
                ("Input.Attendance[0].InvitationId", invitation.ToString()), ("Input.Attendance[0].Status", "Attended"), ("Input.Attendance[0].AttendedBy", "Sam Carter"),
                ("Input.Decisions", Flagged), ("Input.ConferenceNeeded", "no"),
            ],
            db => db.Meetings.AnyAsync(m => m.Id == meeting && m.Decisions == Flagged));
    }

    [Fact]
    public async Task Intelligence_submitted_by_a_partner_is_checked()
    {
        using var youth = await SignedInClient.SignInAsync(_server, "youth.worker");
        await ReviewedThenSavedAsync(youth, "/intelligence/submit", "Input.Text", "Intelligence: what was seen or heard",
            [("Input.Title", "Silver car at the project, language check"), ("Input.Text", Flagged)],
            db => db.IntelligenceItems.AnyAsync(i => i.Title == "Silver car at the project, language check" && i.Text == Flagged));
    }

    [Fact]
    public async Task A_disruption_tactics_outcome_is_checked_and_its_section_comes_back_open()
    {
        var darren = await _server.IdOfAsync("Darren");
        using var officer = await SignedInClient.SignInAsync(_server, "police.officer");
        var page = $"/disruption/{darren}";
        var first = await officer.PostFormAsync($"{page}?handler=AddTactic", page,
            ("NewTactic.Tactic", "child-abduction-warning-notice"), ("NewTactic.Status", "Planned"), ("NewTactic.Outcome", Flagged));
        Assert.Equal(HttpStatusCode.OK, first.StatusCode);
        var html = await first.Content.ReadAsStringAsync();
        Assert.Contains("id=\"NewTactic_Outcome-language-check\"", html, StringComparison.Ordinal);
        Assert.Equal(2, html.Split("Check your wording before you save").Length);
        Assert.False(await _server.WithDbAsync(db => db.PlannedTactics.AnyAsync(t => t.Outcome == Flagged)));
        var saved = await officer.PostFormAsync($"{page}?handler=AddTactic", page,
            ("NewTactic.Tactic", "child-abduction-warning-notice"), ("NewTactic.Status", "Planned"), ("NewTactic.Outcome", Flagged), ("language-shown.NewTactic.Outcome", Rule));
        Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);
        Assert.True(await _server.WithDbAsync(db => db.PlannedTactics.AnyAsync(t => t.PersonId == darren && t.Outcome == Flagged)));
        Assert.Contains((Rule, LanguageOutcome.Kept),
            await _server.WithDbAsync(db => db.LanguageOutcomes.Where(o => o.Field == "Disruption: tactic outcome").Select(o => new ValueTuple<string, LanguageOutcome>(o.RuleId, o.Outcome)).ToListAsync()));
    }
}
