using Microsoft.AspNetCore.Mvc;
using Safeguard.Core;
using Safeguard.Core.Casework;
using Safeguard.Web.Casework;
using Safeguard.Web.Data;
using Safeguard.Web.Data.Model;

namespace Safeguard.Web.Features.Children;

/// <summary>
/// At the top of a child's record, what needs attention in their casework: agencies that keep missing the child's
/// meetings, a repeat-missing pattern, meetings and return home interviews overdue, overdue actions. Computed from
/// the stored facts and the clock (the page that includes it has already checked and logged access).
/// </summary>
public sealed class CaseworkAlertsViewComponent(SafeguardDbContext db, CaseworkSchedule schedule) : ViewComponent
{
    public async Task<IViewComponentResult> InvokeAsync(Id<Person> child)
    {
        var casework = await ChildCasework.LoadAsync(db, child, HttpContext.RequestAborted);
        var now = db.Now;
        var alerts = new List<string>();
        foreach (var absence in casework.AbsenceAlerts(schedule).Where(a => a.Continuing))
        {
            alerts.Add($"{absence.Agency} has missed the last {absence.Absences.Count} meetings about this child it was invited to.");
        }
        if (schedule.RepeatMissing(casework.MissingFacts) is { Count: > 0 } repeats && casework.StrategyDiscussionsOwed(schedule).Count > 0)
        {
            var repeat = repeats[^1];
            alerts.Add($"Missing {repeat.Episodes.Count} times within {schedule.Timescales.RepeatMissingWindowDays} days: a strategy discussion is prompted.");
        }
        foreach (var owed in casework.StrategyDiscussionsOwed(schedule).Where(p => p.Due.HasPassed(now)))
        {
            alerts.Add($"A strategy discussion was due by {CaseworkText.Date(owed.Due.Date)} (after {owed.Why}) and has not been held.");
        }
        foreach (var due in schedule.ChildProtectionMeetingsDue(casework.History).Where(d => d.Due.HasPassed(now)))
        {
            alerts.Add($"{CaseworkText.Describe(due.Kind)} was due by {CaseworkText.Date(due.Due.Date)} and has not been held.");
        }
        var overdue = casework.Actions.Count(a => a.CompletedAt is null && a.Due.HasPassed(now));
        if (overdue > 0)
        {
            alerts.Add(overdue == 1 ? "1 action is overdue." : $"{overdue} actions are overdue.");
        }
        return View("/Features/Children/_CaseworkAlerts.cshtml", (child, alerts));
    }
}
