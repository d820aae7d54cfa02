using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Safeguard.Core.Screening.Language;
using Safeguard.Web.Auth;
using Safeguard.Web.Data;
using Safeguard.Web.Data.Model;
using Safeguard.Web.Features.Exploitation;
using Safeguard.Web.Features.Shared;

namespace Safeguard.Web.Features.Partnership;

/// <summary>
/// What the partnership learns (figures only, no child or practitioner named): how often each phrase of the language
/// bank is shown to writers and kept or changed, by team, for training; and how many children the hidden-exploitation
/// rules surfaced and what screening then found.
/// </summary>
[Authorize(Policy = Policies.PartnershipLearning)]
public sealed class LearningModel(SafeguardDbContext db, LanguageChecker checker, HiddenExploitationReader exploitation) : PageModel
{
    public sealed record PhraseRow(string RuleId, string Phrase, int Shown, int Kept, int Changed)
    {
        public int KeptPercent => Shown == 0 ? 0 : (int)Math.Round(100.0 * Kept / Shown);
    }

    public sealed record TeamRows(string Team, IReadOnlyList<PhraseRow> Rows);

    public sealed record Found(string Band, int BandRank, int Children);

    public List<PhraseRow> Partnership { get; private set; } = [];
    public List<TeamRows> Teams { get; private set; } = [];
    public DateTimeOffset? CountingSince { get; private set; }

    public int ChildrenSurfaced { get; private set; }
    public int WaitingNow { get; private set; }
    public int ScreeningAsked { get; private set; }
    public int NoFurtherAction { get; private set; }
    public int FiledUnderOtherLabels { get; private set; }
    public int NotYetScreened { get; private set; }
    public List<Found> ScreeningFound { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        var phrases = checker.Bank.Rules.ToDictionary(r => r.Id, r => r.Phrase, StringComparer.Ordinal);
        var outcomes = await db.LanguageOutcomes.AsNoTracking()
            .GroupBy(o => new { o.AgencyId, o.TeamId, o.RuleId, o.Outcome })
            .Select(g => new { g.Key.AgencyId, g.Key.TeamId, g.Key.RuleId, g.Key.Outcome, Count = g.Count() })
            .ToListAsync(cancellationToken);
        CountingSince = await db.LanguageOutcomes.MinAsync(o => (DateTimeOffset?)o.At, cancellationToken);
        var teamNames = await db.Teams.AsNoTracking().Join(db.Agencies, t => t.AgencyId, a => a.Id, (t, a) => new { t.Id, Name = t.Name + ", " + a.Name })
            .ToDictionaryAsync(t => t.Id, t => t.Name, cancellationToken);
        var agencyNames = await db.Agencies.AsNoTracking().ToDictionaryAsync(a => a.Id, a => a.Name, cancellationToken);

        List<PhraseRow> Rows(IEnumerable<(string RuleId, LanguageOutcome Outcome, int Count)> counts) => [.. counts
            .GroupBy(c => c.RuleId)
            .Select(g => new PhraseRow(g.Key, phrases.GetValueOrDefault(g.Key, g.Key), g.Sum(c => c.Count),
                g.Where(c => c.Outcome == LanguageOutcome.Kept).Sum(c => c.Count), g.Where(c => c.Outcome == LanguageOutcome.Changed).Sum(c => c.Count)))
            .OrderByDescending(r => r.Shown).ThenBy(r => r.Phrase, StringComparer.Ordinal)];

        Partnership = Rows(outcomes.Select(o => (o.RuleId, o.Outcome, o.Count)));
        Teams = [.. outcomes
            .GroupBy(o => o.TeamId is { } team ? teamNames.GetValueOrDefault(team, "A team") : $"No team, {agencyNames.GetValueOrDefault(o.AgencyId, "an agency")}")
            .Select(g => new TeamRows(g.Key, Rows(g.Select(o => (o.RuleId, o.Outcome, o.Count)))))
            .OrderBy(t => t.Team, StringComparer.Ordinal)];

        // Hidden exploitation: the queue is brought up to date first, so the figures do not wait for the lead to look.
        await exploitation.SurfacedAsync(UkTime.DateOf(db.Now), cancellationToken);
        await db.SaveChangesAsync(cancellationToken);
        var alerts = await db.ExploitationAlerts.AsNoTracking().ToListAsync(cancellationToken);
        ChildrenSurfaced = alerts.Select(a => a.PersonId).Distinct().Count();
        WaitingNow = alerts.Count(a => a.DecidedAt is null);
        ScreeningAsked = alerts.Count(a => a.Status == ExploitationAlertStatus.Screening);
        NoFurtherAction = alerts.Count(a => a.Status == ExploitationAlertStatus.NoFurtherAction);
        FiledUnderOtherLabels = alerts.Where(a => a.Indicators.Split(' ').Contains("other-label")).Select(a => a.PersonId).Distinct().Count();

        // What screening found: each surfaced child's first scored screening after they were first surfaced.
        var firstSurfaced = alerts.GroupBy(a => a.PersonId).ToDictionary(g => g.Key, g => g.Min(a => a.SurfacedAt));
        var ids = firstSurfaced.Keys.ToList();
        var screenings = await db.Screenings.AsNoTracking().Where(s => ids.Contains(s.PersonId) && s.Kind == ScreeningEntryKind.Screening)
            .Select(s => new { s.PersonId, s.RecordedAt, s.BandName, s.BandRank }).ToListAsync(cancellationToken);
        var found = firstSurfaced
            .Select(kv => screenings.Where(s => s.PersonId == kv.Key && s.RecordedAt >= kv.Value).MinBy(s => s.RecordedAt))
            .ToList();
        NotYetScreened = found.Count(f => f is null);
        ScreeningFound = [.. found.Where(f => f is not null).GroupBy(f => (f!.BandName, f.BandRank))
            .Select(g => new Found(g.Key.BandName, g.Key.BandRank, g.Count())).OrderBy(f => f.BandRank)];
    }
}
