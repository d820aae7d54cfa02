using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Safeguard.Core;
using Safeguard.Web.Auth;
using Safeguard.Web.Data;
using Safeguard.Web.Data.Model;
using Safeguard.Web.Features.Shared;

namespace Safeguard.Web.Features.Licensing;

/// <summary>
/// Notices to the taxi licensing authority: a suspect holds a taxi or private hire licence or drives a licensed
/// vehicle. Every user of a licensing agency sees them until one records what licensing is doing about it.
/// </summary>
public sealed class NoticesModel(SafeguardDbContext db) : PageModel
{
    public List<NoticeRow> Waiting { get; private set; } = [];
    public List<NoticeRow> Acknowledged { get; private set; } = [];

    public sealed record NoticeRow(Id<LicensingNotice> Id, string Name, DateOnly? Born, string Licences, DateTimeOffset At, string? By, string? Note);

    public static Task<bool> IsLicensingAsync(SafeguardDbContext db, UserContext user, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(user);
        return db.Agencies.AnyAsync(a => a.Id == user.AgencyId && a.Kind == AgencyKind.TaxiLicensing, cancellationToken);
    }

    public async Task<IActionResult> OnGetAsync(CancellationToken cancellationToken)
    {
        if (!await IsLicensingAsync(db, UserContext.From(User), cancellationToken))
        {
            return Forbid();
        }
        await LoadAsync(cancellationToken);
        return Page();
    }

    public async Task<IActionResult> OnPostAcknowledgeAsync(Id<LicensingNotice> id, string? note, CancellationToken cancellationToken)
    {
        var user = UserContext.From(User);
        if (!await IsLicensingAsync(db, user, cancellationToken))
        {
            return Forbid();
        }
        var notice = await db.LicensingNotices.SingleOrDefaultAsync(n => n.Id == id && n.AcknowledgedAt == null, cancellationToken);
        if (notice is null)
        {
            return NotFound();
        }
        var text = ModelState.RequiredText(note, "note", "Enter what licensing is doing, for example a licensing review opened", 2000, "What licensing is doing");
        if (!ModelState.IsValid)
        {
            await LoadAsync(cancellationToken);
            return Page();
        }
        notice.AcknowledgedAt = db.Now;
        notice.AcknowledgedByUserId = user.UserId;
        notice.AcknowledgementNote = text;
        await db.SaveChangesAsync(cancellationToken);
        TempData["Saved"] = "The notice is acknowledged and what licensing is doing is recorded.";
        return Redirect("/licensing/notices");
    }

    private async Task LoadAsync(CancellationToken cancellationToken)
    {
        var rows = await db.LicensingNotices.AsNoTracking()
            .Join(db.People, n => n.PersonId, p => p.Id, (n, p) => new { n, Name = p.GivenName + " " + p.FamilyName, p.DateOfBirth })
            .OrderByDescending(x => x.n.CreatedAt).ToListAsync(cancellationToken);
        var users = await db.Users.AsNoTracking().ToDictionaryAsync(u => u.Id, u => u.DisplayName, cancellationToken);
        foreach (var x in rows)
        {
            db.RecordAccess(Person.PersonStream(x.n.PersonId), AccessActions.ViewLicensingNotice, "TaxiLicensing");
        }
        await db.SaveChangesAsync(cancellationToken);
        var all = rows.Select(x => new NoticeRow(x.n.Id, x.Name, x.DateOfBirth, x.n.Licences, x.n.CreatedAt,
            x.n.AcknowledgedByUserId is { } by ? users.GetValueOrDefault(by) : null, x.n.AcknowledgementNote)).ToList();
        Waiting = [.. all.Where(n => n.Note is null)];
        Acknowledged = [.. all.Where(n => n.Note is not null)];
    }
}
