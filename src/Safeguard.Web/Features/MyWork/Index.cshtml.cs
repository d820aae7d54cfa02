using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Safeguard.Core.Casework;
using Safeguard.Web.Auth;
using Safeguard.Web.Data;
using Safeguard.Web.Data.Model;

namespace Safeguard.Web.Features.MyWork;

/// <summary>
/// Everything waiting for the signed-in user, whatever their agency: concerns to decide, decisions to countersign,
/// escalations to answer, their actions, meetings, the concerns they reported, and their unread notifications.
/// Built from <see cref="MyWorkSections.All"/>; every state is computed from the stored facts and the clock.
/// </summary>
public sealed class IndexModel(SafeguardDbContext db, CaseworkSchedule schedule, IServiceProvider services) : PageModel
{
    public List<MyWorkSection> Sections { get; private set; } = [];
    public List<Notification> Unread { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        var context = new MyWorkContext(db, UserContext.From(User), db.Now, schedule, services);
        foreach (var query in MyWorkSections.All)
        {
            if (await query(context, cancellationToken) is { } section)
            {
                Sections.Add(section);
            }
        }
        var me = context.User.UserId;
        Unread = await db.Notifications.AsNoTracking().Where(n => n.RecipientUserId == me && n.ReadAt == null)
            .OrderByDescending(n => n.CreatedAt).Take(50).ToListAsync(cancellationToken);
    }

    /// <summary>Marks every unread notification read (they stay in the ledger and the table).</summary>
    public async Task<IActionResult> OnPostMarkReadAsync(CancellationToken cancellationToken)
    {
        var me = UserContext.From(User).UserId;
        var now = db.Now;
        foreach (var notification in await db.Notifications.Where(n => n.RecipientUserId == me && n.ReadAt == null).ToListAsync(cancellationToken))
        {
            notification.ReadAt = now;
        }
        await db.SaveChangesAsync(cancellationToken);
        return RedirectToPage();
    }
}
