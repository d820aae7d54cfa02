using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Safeguard.Core;
using Safeguard.Web.Auth;
using Safeguard.Web.Data;
using Safeguard.Web.Data.Model;
using Safeguard.Web.Features.Children;
using Safeguard.Web.Features.Voice;

namespace Safeguard.Web.Features.Meetings;

/// <summary>One meeting's papers: the child's own words, who was invited and who came, what it decided, and the actions it gave owners.</summary>
public sealed class MeetingModel(SafeguardDbContext db, ChildAccessService access) : PageModel
{
    public ChildHeader Header { get; private set; } = null!;
    public CaseMeeting Meeting { get; private set; } = null!;
    public Dictionary<Id<Agency>, string> Agencies { get; private set; } = [];
    public Dictionary<Guid, string> People { get; private set; } = [];
    public List<CaseAction> Actions { get; private set; } = [];
    public ChildProtectionPlan? PlanStarted { get; private set; }
    public ChildProtectionPlan? PlanEnded { get; private set; }
    public DateTimeOffset Now { get; private set; }

    /// <summary>The child's own words and wishes, at the top of the meeting's papers (issue 6).</summary>
    public ChildVoiceSummary? Voice { get; private set; }

    public async Task<IActionResult> OnGetAsync(Id<Person> id, Id<CaseMeeting> meetingId, CancellationToken cancellationToken)
    {
        if (await access.OpenAsync(id, AccessActions.ViewCasework, cancellationToken) is not { } opened)
        {
            return NotFound();
        }
        var meeting = await db.Meetings.AsNoTracking().Include(m => m.Invitations).SingleOrDefaultAsync(m => m.Id == meetingId && m.PersonId == id, cancellationToken);
        if (meeting is null)
        {
            return NotFound();
        }
        Now = db.Now;
        Header = ChildHeader.For(opened.Person, opened.Basis, "meetings", Now, User);
        Meeting = meeting;
        if (opened.Person.Kind == PersonKind.Child)
        {
            Voice = await ChildVoiceSummary.ForChildAsync(db, id, cancellationToken);
        }
        Agencies = await db.Agencies.AsNoTracking().ToDictionaryAsync(a => a.Id, a => a.Name, cancellationToken);
        Actions = await db.Actions.AsNoTracking().Where(a => a.MeetingId == meetingId).OrderBy(a => a.DueAt).ToListAsync(cancellationToken);
        PlanStarted = await db.ChildProtectionPlans.AsNoTracking().SingleOrDefaultAsync(p => p.StartedByMeetingId == meetingId, cancellationToken);
        PlanEnded = await db.ChildProtectionPlans.AsNoTracking().SingleOrDefaultAsync(p => p.EndedByMeetingId == meetingId, cancellationToken);
        var users = meeting.Invitations.Select(i => i.InvitedUserId).OfType<Guid>().Concat(Actions.Select(a => a.OwnerUserId)).Append(meeting.ArrangedByUserId).ToList();
        if (meeting.RecordedByUserId is { } recorder)
        {
            users.Add(recorder);
        }
        People = await db.Users.AsNoTracking().Where(u => users.Contains(u.Id)).ToDictionaryAsync(u => u.Id, u => u.DisplayName, cancellationToken);
        return Page();
    }
}
