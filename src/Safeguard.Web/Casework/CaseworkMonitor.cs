using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Safeguard.Core.Access;
using Safeguard.Core.Casework;
using Safeguard.Web.Data;
using Safeguard.Web.Data.Model;
using Safeguard.Web.Features.Reviews;
using Safeguard.Web.Notifications;

namespace Safeguard.Web.Casework;

/// <summary>
/// Notices, every Casework:MonitorInterval (default 5 minutes; 0 turns it off), the escalation steps overdue actions
/// and unreviewed break-glass have reached and concerns whose decision deadline has passed, records each step in the
/// ledger once and tells the people at that step. Pages never depend on it: they compute due, overdue and the current step from the stored
/// facts and the clock. Running it twice, late, or on two instances at once records and tells each step once
/// (unique keys; a lost race is skipped).
/// </summary>
public sealed class CaseworkMonitor(IServiceScopeFactory scopes, IConfiguration configuration, TimeProvider time, ILogger<CaseworkMonitor> logger)
    : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var interval = configuration.GetValue("Casework:MonitorInterval", TimeSpan.FromMinutes(5));
        if (interval <= TimeSpan.Zero)
        {
            return;
        }
        using var timer = new PeriodicTimer(interval, time);
        while (await timer.WaitForNextTickAsync(stoppingToken))
        {
            try
            {
                await RunOnceAsync(stoppingToken);
            }
            catch (Exception exception) when (exception is not OperationCanceledException)
            {
                logger.LogError("The casework monitor failed with {ExceptionType}", exception.GetType().Name);
            }
        }
    }

    /// <summary>One pass; returns how many escalation steps it recorded.</summary>
    public async Task<int> RunOnceAsync(CancellationToken cancellationToken = default)
    {
        using var scope = scopes.CreateScope();
        scope.ServiceProvider.GetRequiredService<CurrentActor>().ActAsSystem("casework-monitor");
        var db = scope.ServiceProvider.GetRequiredService<SafeguardDbContext>();
        var schedule = scope.ServiceProvider.GetRequiredService<CaseworkSchedule>();
        var notifier = scope.ServiceProvider.GetRequiredService<Notifier>();
        var now = db.Now;
        var staff = await StaffDirectory.LoadAsync(db, cancellationToken);

        // The owner's step is reached at the start of the due date, before the deadline itself: look a day ahead.
        var horizon = now.AddDays(2);
        var open = await db.Actions.AsNoTracking().Where(a => a.CompletedAt == null && a.DueAt <= horizon).ToListAsync(cancellationToken);
        var recorded = 0;
        foreach (var action in open)
        {
            var status = schedule.Escalation(action.Due, null, now);
            var done = await db.ActionEscalations.Where(e => e.ActionId == action.Id).Select(e => e.Level).ToListAsync(cancellationToken);
            foreach (var step in status.Reached.Where(r => !done.Contains(r.Level)))
            {
                var told = staff.For(step.Level, action.OwnerUserId);
                if (told.Count == 0)
                {
                    logger.LogError("Escalation of action {ActionId} to {Level} has no one to tell: the partnership has no active administrator", action.Id, step.Level);
                }
                db.ActionEscalations.Add(new ActionEscalation
                {
                    ActionId = action.Id,
                    PersonId = action.PersonId,
                    Level = step.Level,
                    ReachedAt = step.At,
                    RecordedAt = now,
                    NotifiedUserIds = string.Join(',', told),
                });
                var due = CaseworkText.Date(action.DueDate);
                var (text, subject) = step.Level == EscalationLevel.Owner
                    ? ($"Your action \"{action.Title}\" is due by {due}.", "an action you own is due")
                    : ($"Escalated to you ({CaseworkText.Describe(step.Level).ToLowerInvariant()}): the action \"{action.Title}\" was due by {due} and is not done.", "an overdue action has been escalated to you");
                await notifier.NotifyAsync(told, $"escalation/{action.Id}/{step.Level}", text, $"/actions/{action.Id}", subject, cancellationToken);
                if (await TrySaveAsync(db, cancellationToken))
                {
                    recorded++;
                }
            }
        }

        recorded += await EscalateUnreviewedBreakGlassAsync(db, scope.ServiceProvider.GetRequiredService<BreakGlassReviewing>(), schedule, notifier, staff, now, cancellationToken);
        await NoticeOverdueConcernsAsync(db, schedule, notifier, now, cancellationToken);
        return recorded;
    }

    /// <summary>
    /// A break-glass nobody has reviewed climbs the actions' ladder from its review's due time, with its reviewer as
    /// the owner: the reviewer is reminded on the due date, then their manager, a senior manager and the partnership
    /// are told, each step recorded once. The user who broke the glass is never told to review themselves.
    /// </summary>
    private async Task<int> EscalateUnreviewedBreakGlassAsync(SafeguardDbContext db, BreakGlassReviewing reviewing, CaseworkSchedule schedule, Notifier notifier,
        EscalationRecipients staff, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var pending = await db.BreakGlass.AsNoTracking().Where(b => b.Review == BreakGlassReview.Pending).ToListAsync(cancellationToken);
        if (pending.Count == 0)
        {
            return 0;
        }
        var partnership = await reviewing.PartnershipReviewersAsync(cancellationToken);
        var names = await db.Users.AsNoTracking().Select(u => new { u.Id, u.DisplayName }).ToDictionaryAsync(u => u.Id, u => u.DisplayName, cancellationToken);
        var recorded = 0;
        foreach (var breakGlass in pending)
        {
            var due = reviewing.DueOf(breakGlass);
            var status = schedule.Escalation(due, null, now);
            if (status.Reached.Count == 0)
            {
                continue;
            }
            var done = await db.BreakGlassEscalations.Where(e => e.BreakGlassId == breakGlass.Id).Select(e => e.Level).ToListAsync(cancellationToken);
            foreach (var step in status.Reached.Where(r => !done.Contains(r.Level)))
            {
                var told = BreakGlassReviewers.EscalateTo(step.Level, breakGlass.ReviewerUserId, breakGlass.UserId, staff, partnership);
                if (told.Count == 0)
                {
                    logger.LogError("Escalation of break-glass {BreakGlassId} to {Level} has no one to tell: the partnership has no reviewer other than the user", breakGlass.Id, step.Level);
                }
                db.BreakGlassEscalations.Add(new BreakGlassEscalation
                {
                    BreakGlassId = breakGlass.Id,
                    PersonId = breakGlass.PersonId,
                    Level = step.Level,
                    ReachedAt = step.At,
                    RecordedAt = now,
                    NotifiedUserIds = string.Join(',', told),
                });
                // The child is not named: those told may have no relationship with them; the review page names them.
                var who = names.GetValueOrDefault(breakGlass.UserId, "A user");
                var reviewer = breakGlass.ReviewerUserId is { } id ? names.GetValueOrDefault(id, "its reviewer") : "its reviewer";
                var by = CaseworkText.Date(due.Date);
                var (text, subject) = step.Level == EscalationLevel.Owner && breakGlass.ReviewerUserId is not null
                    ? ($"Emergency access by {who} is waiting for your review, due by {by}.", "emergency access is waiting for your review")
                    : ($"Escalated to you ({CaseworkText.Describe(step.Level).ToLowerInvariant()}): emergency access by {who} was due for review by {reviewer} by {by} and has not been reviewed.",
                        "an unreviewed emergency access has been escalated to you");
                await notifier.NotifyAsync(told, $"break-glass-escalation/{breakGlass.Id}/{step.Level}", text, "/reviews", subject, cancellationToken);
                if (await TrySaveAsync(db, cancellationToken))
                {
                    recorded++;
                }
            }
        }
        return recorded;
    }

    /// <summary>
    /// A concern past its decision deadline is told to its owner and to the front door's managers, once. (The
    /// queue already shows it as overdue; this makes sure a named manager hears of it even if nobody looks.)
    /// </summary>
    private static async Task NoticeOverdueConcernsAsync(SafeguardDbContext db, CaseworkSchedule schedule, Notifier notifier, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var since = now.AddDays(-30);
        var undecided = await db.Concerns.AsNoTracking()
            .Where(c => c.ReceivedAt >= since && !db.ConcernDecisions.Any(d => d.ConcernId == c.Id && !d.CountersignRefused))
            .Select(c => new { c.Id, c.Reference, c.ReceivedAt, c.OwnerUserId }).ToListAsync(cancellationToken);
        var overdue = undecided.Where(c => FrontDoorRules.Status(schedule, c.ReceivedAt, null, now).State == ConcernState.DecisionOverdue).ToList();
        if (overdue.Count == 0)
        {
            return;
        }
        var frontDoor = await StaffDirectory.WithRoleAsync(db, Roles.FrontDoor, cancellationToken: cancellationToken);
        var managers = await db.Users.Where(u => frontDoor.Contains(u.Id) && u.ManagerId != null).Select(u => u.ManagerId!.Value).Distinct().ToListAsync(cancellationToken);
        foreach (var concern in overdue)
        {
            var due = schedule.ReferralDecisionDue(concern.ReceivedAt);
            var told = concern.OwnerUserId is { } owner ? managers.Append(owner) : managers;
            await notifier.NotifyAsync(told, $"concern-overdue/{concern.Id}",
                string.Create(CultureInfo.InvariantCulture, $"Concern {concern.Reference} has no decision and was due by {CaseworkText.Date(due.Date)}."),
                $"/front-door/concerns/{concern.Id}", "a concern's decision is overdue", cancellationToken);
            await TrySaveAsync(db, cancellationToken);
        }
    }

    /// <summary>Saves; a unique-key conflict means another instance recorded the same step first, which is fine.</summary>
    private static async Task<bool> TrySaveAsync(SafeguardDbContext db, CancellationToken cancellationToken)
    {
        try
        {
            await db.SaveChangesAsync(cancellationToken);
            return true;
        }
        catch (DbUpdateException)
        {
            db.ChangeTracker.Clear();
            return false;
        }
    }
}
