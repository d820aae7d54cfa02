using Microsoft.EntityFrameworkCore;
using Safeguard.Core;
using Safeguard.Core.Access;
using Safeguard.Core.Casework;
using Safeguard.Web.Auth;
using Safeguard.Web.Casework;
using Safeguard.Web.Data;
using Safeguard.Web.Data.Model;
using Safeguard.Web.Features.Actions;
using Safeguard.Web.Features.Shared;

namespace Safeguard.Web.Features.MyWork;

/// <summary>One line of work: what, where to do it, and how urgent.</summary>
public sealed record MyWorkItem(string Text, string Href, string? Detail = null, string? Tag = null, string? TagClass = null);

/// <summary>A section of "my work". <see cref="Items"/> empty shows <see cref="Empty"/>.</summary>
public sealed record MyWorkSection(string Id, string Title, string Empty, IReadOnlyList<MyWorkItem> Items);

/// <summary>What a section's query may use: the database, the signed-in user, the clock and the casework rules.</summary>
public sealed record MyWorkContext(SafeguardDbContext Db, UserContext User, DateTimeOffset Now, CaseworkSchedule Schedule, IServiceProvider Services);

/// <summary>A query for one section: null when the section does not apply to this user (e.g. the front door's queue).</summary>
public delegate Task<MyWorkSection?> MyWorkQuery(MyWorkContext context, CancellationToken cancellationToken);

/// <summary>
/// The sections of "my work", in the order shown. To add one, write a <see cref="MyWorkQuery"/> (here or beside its
/// feature) and add it to <see cref="All"/>: nothing else changes.
/// </summary>
public static class MyWorkSections
{
    public static readonly IReadOnlyList<MyWorkQuery> All =
    [
        ConcernsToDecideAsync,
        CountersignaturesAsync,
        EscalationsToAnswerAsync,
        EmergencyAccessToReviewAsync,
        ActionsAsync,
        MeetingsAsync,
        Screening.RescreeningDue.MyWorkSectionAsync,
        ConcernsReportedAsync,
    ];

    private static string Date(DateOnly date) => CaseworkText.Date(date);

    public static async Task<MyWorkSection?> ConcernsToDecideAsync(MyWorkContext context, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(context);
        if (!context.User.IsInRole(Roles.FrontDoor))
        {
            return null;
        }
        var db = context.Db;
        var me = context.User.UserId;
        var open = await db.Concerns.AsNoTracking()
            .Where(c => (c.OwnerUserId == null || c.OwnerUserId == me)
                && !db.ConcernDecisions.Any(d => d.ConcernId == c.Id && !d.CountersignRefused))
            .ToListAsync(cancellationToken);
        var byId = open.ToDictionary(c => c.Id);
        var order = FrontDoorRules.QueueOrder(open.Select(c => new QueuedConcern<Id<Concern>>(c.Id, c.ReceivedAt, c.ImmediateDanger)));
        var items = order.Select(id => byId[id]).Select(c =>
        {
            var status = FrontDoorRules.Status(context.Schedule, c.ReceivedAt, null, context.Now);
            var overdue = status.State == ConcernState.DecisionOverdue;
            return new MyWorkItem($"{c.Reference}: {c.ChildName}", $"/front-door/concerns/{c.Id}",
                $"{(c.OwnerUserId is null ? "Not yet taken. " : "")}Decision due by {Date(status.Deadline.Date)}.",
                c.ImmediateDanger ? "Immediate danger" : overdue ? "Overdue" : null,
                c.ImmediateDanger || overdue ? "govuk-tag--red" : null);
        }).ToList();
        return new("concerns-to-decide", "Concerns to decide", "No concern is waiting for you or unowned.", items);
    }

    public static async Task<MyWorkSection?> CountersignaturesAsync(MyWorkContext context, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(context);
        if (!context.User.IsInRole(Roles.TeamManager) && !context.User.IsInRole(Roles.SeniorManager))
        {
            return null;
        }
        var db = context.Db;
        var me = context.User;
        var waiting = await db.ConcernDecisions.AsNoTracking()
            .Where(d => d.NeedsCountersignature && d.CountersignedAt == null && !d.CountersignRefused && d.DecidedByUserId != me.UserId)
            .Join(db.Users.Where(u => u.AgencyId == me.AgencyId), d => d.DecidedByUserId, u => u.Id, (d, u) => new { d.ConcernId, d.DecidedAt, Decider = u.DisplayName })
            .Join(db.Concerns, x => x.ConcernId, c => c.Id, (x, c) => new { x.ConcernId, x.DecidedAt, x.Decider, c.Reference })
            .OrderBy(x => x.DecidedAt).ToListAsync(cancellationToken);
        return new("countersign", "Decisions to countersign", "No decision is waiting for your countersignature.",
            [.. waiting.Select(w => new MyWorkItem($"No further action on {w.Reference}", $"/front-door/concerns/{w.ConcernId}/countersign", $"Decided by {w.Decider}."))]);
    }

    public static async Task<MyWorkSection?> ActionsAsync(MyWorkContext context, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(context);
        var db = context.Db;
        var me = context.User.UserId;
        var mine = await db.Actions.AsNoTracking().Where(a => a.OwnerUserId == me && a.CompletedAt == null).OrderBy(a => a.DueAt)
            .Join(db.People, a => a.PersonId, p => p.Id, (a, p) => new { Action = a, Child = p.GivenName + " " + p.FamilyName })
            .ToListAsync(cancellationToken);
        var items = mine.Select(x =>
        {
            var status = context.Schedule.Escalation(x.Action.Due, null, context.Now);
            var (tag, css) = status switch
            {
                { Overdue: true, Current: { } level and > EscalationLevel.Owner } => ($"Overdue: with your {CaseworkText.Describe(level).ToLowerInvariant()}", "govuk-tag--red"),
                { Overdue: true } => ("Overdue", "govuk-tag--red"),
                { Current: EscalationLevel.Owner } => ("Due today", "govuk-tag--yellow"),
                _ => ((string?)null, (string?)null),
            };
            var due = x.Action.MissingEpisodeId is null ? Date(x.Action.DueDate) : CaseworkText.DateTime(UkTime.ToLocal(x.Action.DueAt));
            return new MyWorkItem($"{x.Action.Title} ({x.Child})", $"/actions/{x.Action.Id}", $"Due by {due}.", tag, css);
        }).ToList();
        return new("actions", "Your actions", "You have no open actions.", items);
    }

    public static async Task<MyWorkSection?> EscalationsToAnswerAsync(MyWorkContext context, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(context);
        var db = context.Db;
        var me = context.User.UserId;
        var overdue = await db.Actions.AsNoTracking().Where(a => a.CompletedAt == null && a.DueAt <= context.Now)
            .Join(db.People, a => a.PersonId, p => p.Id, (a, p) => new { Action = a, Child = p.GivenName + " " + p.FamilyName })
            .ToListAsync(cancellationToken);
        if (overdue.Count == 0)
        {
            return new("escalations", "Escalations to answer", "Nothing has been escalated to you.", []);
        }
        var staff = await StaffDirectory.LoadAsync(db, cancellationToken);
        var ids = overdue.Select(o => o.Action.Id).ToList();
        var answered = (await db.ActionResponses.AsNoTracking().Where(r => r.ByUserId == me && ids.Contains(r.ActionId)).ToListAsync(cancellationToken))
            .ToLookup(r => r.ActionId);
        var owners = await ConcernsNames(db, overdue.Select(o => o.Action.OwnerUserId), cancellationToken);
        var items = new List<MyWorkItem>();
        foreach (var o in overdue.OrderBy(o => o.Action.DueAt))
        {
            var ladder = ActionLadder.For(context.Schedule, o.Action, staff, context.Now);
            if (ladder.EscalatedTo(me) is not { } level)
            {
                continue;
            }
            var reachedAt = ladder.Steps.Single(s => s.Step.Level == level).Step.At;
            if (answered[o.Action.Id].Any(r => r.At >= reachedAt))
            {
                continue;
            }
            items.Add(new MyWorkItem($"{o.Action.Title} ({o.Child})", $"/actions/{o.Action.Id}",
                $"{owners.GetValueOrDefault(o.Action.OwnerUserId)}'s action, due by {Date(o.Action.DueDate)}, is with you as {CaseworkText.Describe(level).ToLowerInvariant()}.",
                "Escalated", "govuk-tag--red"));
        }
        return new("escalations", "Escalations to answer", "Nothing has been escalated to you.", items);
    }

    /// <summary>
    /// Break-glass waiting for the user's review: as the named reviewer, or escalated to them. Shown only to those who
    /// have one, since most users are never a reviewer. The child is not named here: the review page names them.
    /// </summary>
    public static async Task<MyWorkSection?> EmergencyAccessToReviewAsync(MyWorkContext context, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(context);
        var reviewing = context.Services.GetRequiredService<Reviews.BreakGlassReviewing>();
        var queue = await reviewing.QueueForAsync(context.User.UserId, cancellationToken);
        if (queue.Count == 0)
        {
            return null;
        }
        var userIds = queue.Select(q => q.BreakGlass.UserId).Distinct().ToList();
        var names = await context.Db.Users.AsNoTracking().Where(u => userIds.Contains(u.Id)).ToDictionaryAsync(u => u.Id, u => u.DisplayName, cancellationToken);
        var items = queue.Select(q =>
        {
            var (tag, css) = q switch
            {
                { EscalatedAs: { } level } => ($"Escalated to you as {CaseworkText.Describe(level).ToLowerInvariant()}", "govuk-tag--red"),
                { Status.Overdue: true } => ("Overdue", "govuk-tag--red"),
                { Status.Current: EscalationLevel.Owner } => ("Due today", "govuk-tag--yellow"),
                _ => ((string?)null, (string?)null),
            };
            return new MyWorkItem($"Emergency access by {names.GetValueOrDefault(q.BreakGlass.UserId)}", "/reviews",
                $"Used {CaseworkText.DateTime(UkTime.ToLocal(q.BreakGlass.At))}. Review due by {Date(q.Due.Date)}.", tag, css);
        }).ToList();
        return new("emergency-access", "Emergency access to review", "No emergency access is waiting for your review.", items);
    }

    public static async Task<MyWorkSection?> MeetingsAsync(MyWorkContext context, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(context);
        var db = context.Db;
        var me = context.User;
        var isManager = me.IsInRole(Roles.TeamManager) || me.IsInRole(Roles.SeniorManager);
        var meetings = await db.Meetings.AsNoTracking().Where(m => m.Status == MeetingStatus.Scheduled)
            .Where(m => m.ArrangedByUserId == me.UserId || m.Invitations.Any(i => i.InvitedUserId == me.UserId || (i.InvitedUserId == null && isManager && i.AgencyId == me.AgencyId)))
            .Join(db.People, m => m.PersonId, p => p.Id, (m, p) => new { Meeting = m, Child = p.GivenName + " " + p.FamilyName })
            .OrderBy(x => x.Meeting.ScheduledFor).ToListAsync(cancellationToken);
        var items = meetings.Select(x =>
        {
            var past = x.Meeting.ScheduledFor < context.Now;
            return new MyWorkItem($"{CaseworkText.Describe(x.Meeting.Kind)} about {x.Child}", $"/children/{x.Meeting.PersonId}/meetings/{x.Meeting.Id}",
                $"{CaseworkText.DateTime(UkTime.ToLocal(x.Meeting.ScheduledFor))}{(x.Meeting.Location is null ? "" : $", {x.Meeting.Location}")}.",
                past && x.Meeting.ArrangedByUserId == me.UserId ? "To record" : null, past ? "govuk-tag--yellow" : null);
        }).ToList();
        return new("meetings", "Meetings to attend or record", "You have no meetings coming up.", items);
    }

    public static async Task<MyWorkSection?> ConcernsReportedAsync(MyWorkContext context, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(context);
        var db = context.Db;
        var me = context.User.UserId;
        var since = context.Now.AddDays(-30);
        var concerns = await db.Concerns.AsNoTracking().Where(c => c.ReportedByUserId == me && c.ReceivedAt >= since)
            .OrderByDescending(c => c.ReceivedAt).ToListAsync(cancellationToken);
        var ids = concerns.Select(c => c.Id).ToList();
        var decisions = (await db.ConcernDecisions.AsNoTracking().Where(d => ids.Contains(d.ConcernId)).ToListAsync(cancellationToken))
            .GroupBy(d => d.ConcernId).ToDictionary(g => g.Key, g => g.OrderByDescending(d => d.DecidedAt).First());
        var items = concerns.Select(c =>
        {
            var decision = decisions.GetValueOrDefault(c.Id) is { CountersignRefused: false } d ? d : null;
            var status = FrontDoorRules.Status(context.Schedule, c.ReceivedAt, decision?.Facts, context.Now);
            var words = status.State == ConcernState.Decided ? FrontDoorRules.Describe(decision!.Outcome) : FrontDoorRules.Describe(status.State);
            return new MyWorkItem($"{c.Reference}: {c.ChildName}", $"/concerns/{c.Id}", $"Reported {CaseworkText.DateTime(UkTime.ToLocal(c.ReceivedAt))}.", words,
                status.State == ConcernState.Decided ? "govuk-tag--green" : "govuk-tag--blue");
        }).ToList();
        return new("reported", "Concerns you reported in the last 30 days", "You have not reported a concern in the last 30 days.", items);
    }

    private static Task<Dictionary<Guid, string>> ConcernsNames(SafeguardDbContext db, IEnumerable<Guid> ids, CancellationToken cancellationToken) =>
        Concerns.ConcernView.NamesAsync(db, ids.Cast<Guid?>(), cancellationToken);
}
