using Microsoft.EntityFrameworkCore;
using Safeguard.Core;
using Safeguard.Core.Casework;
using Safeguard.Web.Data;
using Safeguard.Web.Data.Model;

namespace Safeguard.Web.Casework;

/// <summary>
/// Everything recorded about one child's casework — concerns and decisions, meetings with attendance, the plan,
/// actions, missing episodes — loaded once, with the facts Core's rules need. What is due, late or missed is never
/// stored: each page asks Core with these facts and the clock.
/// </summary>
public sealed class ChildCasework
{
    public required Id<Person> PersonId { get; init; }
    public required List<CaseMeeting> Meetings { get; init; }
    public required List<ChildProtectionPlan> Plans { get; init; }
    public required List<(Concern Concern, ConcernDecision? Decision)> Concerns { get; init; }
    public required List<CaseAction> Actions { get; init; }
    public required List<MissingEpisodeRecord> Episodes { get; init; }
    public required Dictionary<Id<Agency>, string> Agencies { get; init; }
    public required Dictionary<Guid, string> People { get; init; }

    public static async Task<ChildCasework> LoadAsync(SafeguardDbContext db, Id<Person> child, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(db);
        var meetings = await db.Meetings.AsNoTracking().Include(m => m.Invitations).Where(m => m.PersonId == child)
            .OrderBy(m => m.ScheduledFor).ToListAsync(cancellationToken);
        var plans = await db.ChildProtectionPlans.AsNoTracking().Where(p => p.PersonId == child).OrderBy(p => p.StartedAt).ToListAsync(cancellationToken);
        var concerns = await db.Concerns.AsNoTracking().Where(c => c.PersonId == child).OrderBy(c => c.ReceivedAt).ToListAsync(cancellationToken);
        var decisions = (await db.ConcernDecisions.AsNoTracking().Include(d => d.Sharing).Where(d => d.PersonId == child).ToListAsync(cancellationToken))
            .GroupBy(d => d.ConcernId).ToDictionary(g => g.Key, g => g.OrderByDescending(d => d.DecidedAt).First());
        var actions = await db.Actions.AsNoTracking().Where(a => a.PersonId == child).OrderBy(a => a.DueAt).ToListAsync(cancellationToken);
        var episodes = await db.MissingEpisodes.AsNoTracking().Where(e => e.PersonId == child).OrderBy(e => e.WentMissingAt).ToListAsync(cancellationToken);
        var userIds = actions.Select(a => a.OwnerUserId).Concat(meetings.Select(m => m.ArrangedByUserId)).Distinct().ToList();
        return new ChildCasework
        {
            PersonId = child,
            Meetings = meetings,
            Plans = plans,
            Concerns = [.. concerns.Select(c => (c, decisions.GetValueOrDefault(c.Id)))],
            Actions = actions,
            Episodes = episodes,
            Agencies = await db.Agencies.AsNoTracking().ToDictionaryAsync(a => a.Id, a => a.Name, cancellationToken),
            People = await db.Users.AsNoTracking().Where(u => userIds.Contains(u.Id)).ToDictionaryAsync(u => u.Id, u => u.DisplayName, cancellationToken),
        };
    }

    public IEnumerable<CaseMeeting> Held => Meetings.Where(m => m.Status == MeetingStatus.Held && m.HeldAt is not null).OrderBy(m => m.HeldAt);

    /// <summary>The plan now running, if any.</summary>
    public ChildProtectionPlan? CurrentPlan => Plans.LastOrDefault(p => p.EndedAt is null);

    public ChildProtectionHistory History
    {
        get
        {
            var lastStrategy = Held.LastOrDefault(m => m.Kind == MeetingKind.StrategyDiscussion);
            var latestPlan = Plans.LastOrDefault();
            return new ChildProtectionHistory(
                [.. Held.Select(m => new Meeting(m.Kind, m.HeldAt!.Value))],
                lastStrategy is { ConferenceNeeded: false } ? lastStrategy.HeldAt : null,
                latestPlan?.StartedAt,
                latestPlan?.EndedAt);
        }
    }

    /// <summary>When the standing return home interview for an episode was held: its action's completion.</summary>
    public CaseAction? InterviewFor(MissingEpisodeRecord episode) =>
        Actions.Where(a => a.MissingEpisodeId == episode.Id).OrderByDescending(a => a.AssignedAt).FirstOrDefault();

    public IEnumerable<MissingEpisode> MissingFacts => Episodes.Select(e => new MissingEpisode(e.WentMissingAt, e.ReturnedAt, InterviewFor(e)?.CompletedAt));

    public string OwnerName(Guid user) => People.GetValueOrDefault(user) ?? "a former member of staff";

    public ReviewFacts ReviewFacts()
    {
        var history = History;
        return new ReviewFacts(
            [.. Concerns.Select(c => new ConcernFact(c.Concern.Reference, c.Concern.ReceivedAt, c.Decision?.Facts))],
            [.. Actions.Select(a => new ActionFact(a.Title, OwnerName(a.OwnerUserId), a.Due, a.CompletedAt))],
            [.. Held.Select(m => new HeldMeetingFact(m.Kind, m.HeldAt!.Value, [.. m.Invitations
                .Where(i => i.Attendance is not null)
                .Select(i => new AgencyAttendance<string>(Agencies[i.AgencyId], i.Attendance!.Value, i.ApologyReason))]))],
            [.. MissingFacts],
            history.ConferenceNotNeededAt,
            history.PlanStartedAt,
            history.PlanEndedAt);
    }

    /// <summary>Agencies that missed consecutive meetings about this child: shown on the record and alerted.</summary>
    public IReadOnlyList<AbsenceAlert<string>> AbsenceAlerts(CaseworkSchedule schedule)
    {
        ArgumentNullException.ThrowIfNull(schedule);
        return schedule.RepeatedAbsences(ReviewFacts().Meetings.Select(m => new MeetingAttendance<string>(m.HeldAt, m.Invited)));
    }

    /// <summary>Strategy discussions prompted and not yet held.</summary>
    public IReadOnlyList<StrategyPrompt> StrategyDiscussionsOwed(CaseworkSchedule schedule) =>
        [.. ReviewShortfalls.StrategyDiscussionPrompts(schedule, ReviewFacts()).Where(p => p.HeldAt is null)];
}
