using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Safeguard.Core;
using Safeguard.Core.Casework;
using Safeguard.Web.Auth;
using Safeguard.Web.Casework;
using Safeguard.Web.Data;
using Safeguard.Web.Data.Model;
using Safeguard.Web.Features.Children;

namespace Safeguard.Web.Features.Meetings;

/// <summary>
/// A child's meetings and plan: what is due next under the statutory timescales (and whether it is overdue), the
/// meetings arranged and held with each agency's attendance, and agencies that keep missing them.
/// </summary>
public sealed class IndexModel(SafeguardDbContext db, ChildAccessService access, CaseworkSchedule schedule) : PageModel
{
    public ChildHeader Header { get; private set; } = null!;
    public ChildCasework Casework { get; private set; } = null!;
    public IReadOnlyList<MeetingDue> Due { get; private set; } = [];
    public IReadOnlyList<StrategyPrompt> StrategyOwed { get; private set; } = [];
    public IReadOnlyList<AbsenceAlert<string>> Absences { get; private set; } = [];
    public DateTimeOffset Now { get; private set; }

    public async Task<IActionResult> OnGetAsync(Id<Person> id, CancellationToken cancellationToken)
    {
        if (await access.OpenAsync(id, AccessActions.ViewCasework, cancellationToken) is not { } opened)
        {
            return NotFound();
        }
        Now = db.Now;
        Header = ChildHeader.For(opened.Person, opened.Basis, "meetings", Now, User);
        Casework = await ChildCasework.LoadAsync(db, id, cancellationToken);
        Due = schedule.ChildProtectionMeetingsDue(Casework.History);
        StrategyOwed = Casework.StrategyDiscussionsOwed(schedule);
        Absences = Casework.AbsenceAlerts(schedule);
        return Page();
    }

    public string Attendance(CaseMeeting meeting) => string.Join("; ", meeting.Invitations
        .OrderBy(i => Casework.Agencies[i.AgencyId], StringComparer.Ordinal)
        .Select(i => $"{Casework.Agencies[i.AgencyId]}: {(i.Attendance is { } a ? CaseworkText.Describe(a) : "not recorded")}{(i.ApologyReason is null ? "" : $" ({i.ApologyReason})")}"));
}
