using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Safeguard.Core;
using Safeguard.Core.Casework;
using Safeguard.Web.Auth;
using Safeguard.Web.Casework;
using Safeguard.Web.Data;
using Safeguard.Web.Data.Model;
using Safeguard.Web.Features.Children;

namespace Safeguard.Web.Features.Actions;

/// <summary>A child's actions: each with its owner, due date and where it stands on the escalation ladder now.</summary>
public sealed class IndexModel(SafeguardDbContext db, ChildAccessService access, CaseworkSchedule schedule) : PageModel
{
    public ChildHeader Header { get; private set; } = null!;
    public List<(CaseAction Action, ActionLadder Ladder, string Owner)> Open { get; private set; } = [];
    public List<(CaseAction Action, ActionLadder Ladder, string Owner)> Done { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(Id<Person> id, CancellationToken cancellationToken)
    {
        if (await access.OpenAsync(id, AccessActions.ViewCasework, cancellationToken) is not { } opened)
        {
            return NotFound();
        }
        var now = db.Now;
        Header = ChildHeader.For(opened.Person, opened.Basis, "actions", now, User);
        var casework = await ChildCasework.LoadAsync(db, id, cancellationToken);
        var staff = await StaffDirectory.LoadAsync(db, cancellationToken);
        var rows = casework.Actions.Select(a => (a, ActionLadder.For(schedule, a, staff, now), casework.OwnerName(a.OwnerUserId))).ToList();
        Open = [.. rows.Where(r => r.a.CompletedAt is null).OrderBy(r => r.a.DueAt)];
        Done = [.. rows.Where(r => r.a.CompletedAt is not null).OrderByDescending(r => r.a.CompletedAt)];
        return Page();
    }
}
