using Microsoft.EntityFrameworkCore;
using Safeguard.Core;
using Safeguard.Core.Casework;
using Safeguard.Web.Auth;
using Safeguard.Web.Casework;
using Safeguard.Web.Data;
using Safeguard.Web.Data.Model;

namespace Safeguard.Web.Demo;

/// <summary>
/// Casework history for the demo partnership, relative to the moment of seeding: a concern waiting at the front door
/// (from taxi licensing, about a girl nobody knows yet), Kayleigh Shaw's concern decided, her strategy discussion
/// held without the police and an initial conference arranged, an action gone overdue and escalated, Jade Thornton's
/// missing episodes with one return home interview late, and the Riverside Youth Project's API token. Amber Lewis's
/// record is left as the foundation seeds it.
/// </summary>
public static class DemoCasework
{
    /// <summary>The Riverside Youth Project's demo API token (demo mode only; README.md shows it).</summary>
    public const string RiversideToken = "sgp_demo_riverside_youth_project_2026";

    public static async Task SeedAsync(SafeguardDbContext db, CaseworkSchedule schedule, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(schedule);
        var now = db.Now;
        var agencies = await db.Agencies.ToDictionaryAsync(a => a.Code, cancellationToken);
        var users = await db.Users.ToDictionaryAsync(u => u.Email!.Split('@')[0], cancellationToken);
        var kayleigh = await db.People.SingleAsync(p => p.GivenName == "Kayleigh" && p.FamilyName == "Shaw", cancellationToken);
        var jade = await db.People.SingleAsync(p => p.GivenName == "Jade" && p.FamilyName == "Thornton", cancellationToken);
        var year = schedule.Calendar.LocalDate(now).Year;

        db.PartnerTokens.Add(new PartnerToken { AgencyId = agencies["YTH"].Id, Name = "Riverside case system (demo)", TokenHash = PartnerTokenAuthentication.Hash(RiversideToken), CreatedAt = now });

        // Waiting at the front door: a taxi licensing officer's concern about a girl no agency knows yet.
        var waiting = Concern(agencies["TXL"].Id, users["licensing.officer"].Id, now.AddHours(-3), "Chloe", null,
            "A girl of about 14 in school uniform was collected from outside Northbridge Academy by a private hire car with no passengers booked. The driver told her to sit in the front.",
            "Outside Northbridge Academy, Mill Road");
        waiting.ChildDescription = "About 14, long dark hair, Northbridge Academy uniform";
        waiting.Match = ConcernMatch.NoCandidates;
        waiting.Adults.Add(new ConcernAdult { ConcernId = waiting.Id, Position = 1, Name = null, Description = "Man in his 40s, grey hoodie", Vehicle = "Silver Toyota Prius, private hire plate 1142", VehicleRegistration = "NB19KXT" });
        db.Concerns.Add(waiting);
        await ReferenceNumbers.SaveWithNextAsync(db, "REF", year, r => waiting.Reference = r, cancellationToken);

        // Kayleigh: the youth worker's concern, decided strategy discussion in time.
        var received = now.AddDays(-12);
        var concern = Concern(agencies["YTH"].Id, users["youth.worker"].Id, received, "Kayleigh", "Shaw",
            "Kayleigh was dropped at the project by a man in a black Audi who gave her cash. She said he is 'a friend of a friend' and takes her to parties at a flat on Mill Road.",
            "Riverside Youth Project car park");
        concern.PersonId = kayleigh.Id;
        concern.Match = ConcernMatch.ConfirmedByReporter;
        concern.ChildsWords = "He looks after me. He says I don't need anyone else.";
        concern.OwnerUserId = users["mash.triage"].Id;
        concern.OwnerAssignedAt = received.AddHours(1);
        concern.Adults.Add(new ConcernAdult { ConcernId = concern.Id, Position = 1, Name = "Dean", Description = "About 30, tattoo on his neck", Vehicle = "Black Audi A3", VehicleRegistration = "NB21DXR", Phone = "07700 900777", Places = "Flat above the takeaway, Mill Road" });
        db.Concerns.Add(concern);
        var entry = Chronicle.Add(db, kayleigh.Id, agencies["YTH"].Id, users["youth.worker"].Id, ChronologyKinds.Concern, received, "", $"concern/{concern.Id}");
        await ReferenceNumbers.SaveWithNextAsync(db, "REF", year, r =>
        {
            concern.Reference = r;
            entry.Summary = Features.Concerns.ConcernIntake.ChronologySummary(concern, agencies["YTH"].Name);
        }, cancellationToken);

        var decidedAt = received.AddHours(3);
        var decision = new ConcernDecision
        {
            ConcernId = concern.Id,
            PersonId = kayleigh.Id,
            Outcome = ConcernOutcome.StrategyDiscussion,
            Rationale = "An adult giving a 16-year-old cash and taking her to parties at an address linked to other concerns: significant harm is suspected. Strategy discussion with police, health and the youth project.",
            DecidedByUserId = users["mash.triage"].Id,
            DecidedAt = decidedAt,
        };
        foreach (var code in new[] { "YTH", "CSC" })
        {
            decision.Sharing.Add(new ConcernSharing { DecisionId = decision.Id, PersonId = kayleigh.Id, AgencyId = agencies[code].Id, Shared = true });
        }
        db.ConcernDecisions.Add(decision);
        Chronicle.Add(db, kayleigh.Id, agencies["CSC"].Id, users["mash.triage"].Id, ChronologyKinds.Decision, decidedAt,
            $"Front door decision on concern {concern.Reference}: {FrontDoorRules.Describe(decision.Outcome)}. Reasons: {decision.Rationale}", $"decision/{decision.Id}");
        OpenCase(db, kayleigh.Id, agencies["CSC"].Id, users["csc.practitioner"], "CSC-DEMO-KS", "Section 47 enquiry", decidedAt);

        // The strategy discussion, held without the police (no response), and the conference it called for.
        var strategyAt = received.AddDays(1).AddHours(2);
        var strategy = Meeting(kayleigh.Id, MeetingKind.StrategyDiscussion, strategyAt, users["csc.practitioner"].Id, decidedAt);
        strategy.Status = MeetingStatus.Held;
        strategy.HeldAt = strategyAt;
        strategy.ConferenceNeeded = true;
        strategy.Decisions = "Section 47 enquiries to start. Police to check the Mill Road address and the Audi. Initial child protection conference needed.";
        strategy.RecordedByUserId = users["csc.practitioner"].Id;
        strategy.RecordedAt = strategyAt.AddHours(2);
        Invite(strategy, agencies["CSC"].Id, users["csc.practitioner"].Id, AttendanceStatus.Attended, now);
        Invite(strategy, agencies["YTH"].Id, users["youth.worker"].Id, AttendanceStatus.Attended, now);
        Invite(strategy, agencies["POL"].Id, null, AttendanceStatus.NoResponse, now);
        db.Meetings.Add(strategy);
        Chronicle.Add(db, kayleigh.Id, agencies["CSC"].Id, users["csc.practitioner"].Id, ChronologyKinds.Meeting, strategyAt,
            $"Strategy discussion held. Attended: Northbridge Children's Social Care, Riverside Youth Project. Did not attend: Northbridge Police (no response). Decisions: {strategy.Decisions}", $"meeting/{strategy.Id}");
        var conferenceDue = schedule.ChildProtectionMeetingsDue(new([new Meeting(MeetingKind.StrategyDiscussion, strategyAt)])).Single();
        var conference = Meeting(kayleigh.Id, MeetingKind.InitialConference, schedule.Calendar.StartOfDay(conferenceDue.Due.Date).AddHours(10), users["csc.practitioner"].Id, strategyAt);
        conference.Location = "Northbridge Civic Centre, room 4";
        foreach (var code in new[] { "CSC", "YTH", "POL", "HLT", "EDU" })
        {
            Invite(conference, agencies[code].Id, code == "CSC" ? users["csc.practitioner"].Id : null, null, now);
        }
        db.Meetings.Add(conference);

        // Actions from the strategy discussion: the police check has gone overdue and climbed the ladder.
        var overdueDate = schedule.Calendar.LastWorkingDayOnOrBefore(schedule.Calendar.LocalDate(now.AddDays(-8)));
        db.Actions.Add(Action(kayleigh.Id, "Check the Mill Road address and the black Audi NB21 DXR", users["police.officer"], overdueDate, schedule, users["csc.practitioner"].Id, strategyAt, strategy.Id));
        db.Actions.Add(Action(kayleigh.Id, "Visit Kayleigh at home and see her alone", users["csc.practitioner"], schedule.Calendar.NextWorkingDayOnOrAfter(schedule.Calendar.LocalDate(now.AddDays(3))), schedule, users["csc.practitioner"].Id, strategyAt, strategy.Id));

        // Jade: two missing episodes; the first return home interview held late, the second not yet held.
        var first = Episode(jade.Id, agencies["CSC"].Id, users["csc.practitioner2"].Id, now.AddDays(-20), now.AddDays(-19), "Did not return to Oakfield after school. Reported to police by the home.", "Found by police at a house on Canal Street with two adult men.");
        var second = Episode(jade.Id, agencies["CSC"].Id, users["csc.practitioner2"].Id, now.AddDays(-6), now.AddDays(-5), "Left Oakfield at 19:00 in a taxi; not back by curfew.", "Came back by taxi at 07:30; would not say where she had been.");
        db.MissingEpisodes.AddRange(first, second);
        foreach (var (episode, completedAfter) in new[] { (first, (TimeSpan?)TimeSpan.FromDays(4)), (second, null) })
        {
            var due = schedule.Calendar.Due(episode.ReturnedAt!.Value, schedule.Timescales.ReturnHomeInterview);
            var worker = users["csc.practitioner2"].Id;
            Chronicle.Add(db, jade.Id, agencies["CSC"].Id, worker, ChronologyKinds.MissingEpisode, episode.WentMissingAt, $"Went missing. {episode.Circumstances}", $"missing/{episode.Id}");
            Chronicle.Add(db, jade.Id, agencies["CSC"].Id, worker, ChronologyKinds.ReturnedFromMissing, episode.ReturnedAt!.Value, $"Returned. {episode.ReturnDetails}", $"missing/{episode.Id}/return");
            db.Actions.Add(new CaseAction
            {
                PersonId = jade.Id,
                Title = "Return home interview",
                OwnerUserId = users["csc.practitioner2"].Id,
                OwnerAgencyId = agencies["CSC"].Id,
                DueDate = due.Date,
                DueAt = due.EndsAt,
                AssignedByUserId = users["csc.practitioner2"].Id,
                AssignedAt = episode.ReturnedAt.Value,
                MissingEpisodeId = episode.Id,
                CompletedAt = episode.ReturnedAt + completedAfter,
                CompletedByUserId = completedAfter is null ? null : users["csc.practitioner2"].Id,
                CompletionNote = completedAfter is null ? null : "Jade talked about 'parties' at Canal Street and an older man who pays for taxis. Shared with police.",
            });
        }
        await db.SaveChangesAsync(cancellationToken);
    }

    private static Concern Concern(Id<Agency> agency, Guid reporter, DateTimeOffset at, string given, string? family, string what, string where) => new()
    {
        Reference = "",
        ReceivedAt = at,
        ReportedByUserId = reporter,
        ReporterAgencyId = agency,
        ChildGivenName = given,
        ChildFamilyName = family,
        WhatHappened = what,
        OccurredAt = at.AddHours(-1),
        Location = where,
    };

    private static CaseMeeting Meeting(Id<Person> child, MeetingKind kind, DateTimeOffset at, Guid arrangedBy, DateTimeOffset arrangedAt) => new()
    {
        PersonId = child,
        Kind = kind,
        ScheduledFor = at,
        ArrangedByUserId = arrangedBy,
        ArrangedAt = arrangedAt,
        Status = MeetingStatus.Scheduled,
    };

    private static void Invite(CaseMeeting meeting, Id<Agency> agency, Guid? user, AttendanceStatus? attendance, DateTimeOffset at) =>
        meeting.Invitations.Add(new MeetingInvitation { MeetingId = meeting.Id, PersonId = meeting.PersonId, AgencyId = agency, InvitedUserId = user, InvitedAt = at, Attendance = attendance });

    private static CaseAction Action(Id<Person> child, string title, AppUser owner, DateOnly due, CaseworkSchedule schedule, Guid by, DateTimeOffset at, Id<CaseMeeting> meeting) => new()
    {
        PersonId = child,
        Title = title,
        OwnerUserId = owner.Id,
        OwnerAgencyId = owner.AgencyId,
        DueDate = due,
        DueAt = schedule.Calendar.EndOf(due).EndsAt,
        AssignedByUserId = by,
        AssignedAt = at,
        MeetingId = meeting,
    };

    private static MissingEpisodeRecord Episode(Id<Person> child, Id<Agency> agency, Guid by, DateTimeOffset went, DateTimeOffset back, string circumstances, string details) => new()
    {
        PersonId = child,
        WentMissingAt = went,
        Circumstances = circumstances,
        ReportedByUserId = by,
        ReportedByAgencyId = agency,
        ReportedAt = went.AddHours(2),
        ReturnedAt = back,
        ReturnDetails = details,
        ReturnRecordedByUserId = by,
    };

    private static void OpenCase(SafeguardDbContext db, Id<Person> child, Id<Agency> agency, AppUser worker, string reference, string category, DateTimeOffset at)
    {
        var opened = new ChildCase { PersonId = child, AgencyId = agency, Reference = reference, Category = category, OpenedAt = at };
        opened.Allocations.Add(new CaseAllocation { CaseId = opened.Id, PersonId = child, UserId = worker.Id, TeamId = worker.TeamId, IsLead = true, AllocatedAt = at });
        db.Cases.Add(opened);
    }
}
