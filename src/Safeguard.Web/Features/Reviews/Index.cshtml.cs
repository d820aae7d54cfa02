using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Safeguard.Core;
using Safeguard.Core.Access;
using Safeguard.Web.Auth;
using Safeguard.Web.Data;
using Safeguard.Web.Data.Model;

namespace Safeguard.Web.Features.Reviews;

/// <summary>
/// A manager's queue: their staff's break-glass access to review, and requests for access to children their agency
/// works with to decide. Each review and decision is ledgered.
/// </summary>
[Authorize(Policy = Policies.Managers)]
public sealed class IndexModel(SafeguardDbContext db) : PageModel
{
    public List<BreakGlassItem> BreakGlass { get; private set; } = [];
    public List<RequestItem> Requests { get; private set; } = [];

    public sealed record BreakGlassItem(Id<BreakGlassAccess> Id, string Who, string Child, DateTimeOffset At, string Reason, int Views);
    public sealed record RequestItem(Id<AccessRequest> Id, string Who, string Agency, string Child, DateTimeOffset At, string Reason);

    public async Task OnGetAsync(CancellationToken cancellationToken) => await LoadAsync(cancellationToken);

    public async Task<IActionResult> OnPostReviewBreakGlassAsync(Id<BreakGlassAccess> id, string? outcome, string? note, CancellationToken cancellationToken)
    {
        var me = UserContext.From(User);
        var item = await db.BreakGlass.SingleOrDefaultAsync(b => b.Id == id && b.ReviewerUserId == me.UserId && b.Review == BreakGlassReview.Pending, cancellationToken);
        if (item is null)
        {
            return NotFound();
        }
        if (!Enum.TryParse<BreakGlassReview>(outcome, out var review) || review == BreakGlassReview.Pending)
        {
            ModelState.AddModelError("", "Choose whether the emergency access was justified");
        }
        else if (review == BreakGlassReview.NotJustified && string.IsNullOrWhiteSpace(note))
        {
            ModelState.AddModelError("", "Enter a note saying why the emergency access was not justified");
        }
        if (!ModelState.IsValid)
        {
            await LoadAsync(cancellationToken);
            return Page();
        }
        item.Review = review;
        item.ReviewNote = note?.Trim();
        item.ReviewedByUserId = me.UserId;
        item.ReviewedAt = db.Now;
        await db.SaveChangesAsync(cancellationToken);
        return RedirectToPage();
    }

    public async Task<IActionResult> OnPostDecideRequestAsync(Id<AccessRequest> id, bool approve, string? note, CancellationToken cancellationToken)
    {
        var me = UserContext.From(User);
        var request = await db.AccessRequests.SingleOrDefaultAsync(r => r.Id == id && r.Status == AccessRequestStatus.Pending, cancellationToken);
        if (request is null || !await MyAgencyWorksWithAsync(request.PersonId, me, cancellationToken))
        {
            return NotFound();
        }
        var now = db.Now;
        request.Status = approve ? AccessRequestStatus.Approved : AccessRequestStatus.Refused;
        request.DecidedByUserId = me.UserId;
        request.DecidedAt = now;
        request.DecisionNote = note?.Trim();
        request.ExpiresAt = approve ? now + ChildRecordAccess.ApprovedRequestLasts : null;
        await db.SaveChangesAsync(cancellationToken);
        return RedirectToPage();
    }

    private Task<bool> MyAgencyWorksWithAsync(Id<Person> personId, UserContext me, CancellationToken cancellationToken) =>
        db.Cases.AnyAsync(c => c.PersonId == personId && c.AgencyId == me.AgencyId && c.ClosedAt == null, cancellationToken);

    private async Task LoadAsync(CancellationToken cancellationToken)
    {
        var me = UserContext.From(User);
        var pending = await db.BreakGlass.AsNoTracking().Where(b => b.ReviewerUserId == me.UserId && b.Review == BreakGlassReview.Pending)
            .Join(db.Users, b => b.UserId, u => u.Id, (b, u) => new { b, Who = u.DisplayName })
            .Join(db.People, x => x.b.PersonId, p => p.Id, (x, p) => new { x.b, x.Who, Child = p.GivenName + " " + p.FamilyName })
            .OrderBy(x => x.b.At).ToListAsync(cancellationToken);
        BreakGlass = [];
        foreach (var x in pending)
        {
            var stream = Person.PersonStream(x.b.PersonId);
            var actor = $"user/{x.b.UserId}";
            // Pages read on the strength of the break-glass: not the break-glass entry itself.
            var views = await db.AccessLog.CountAsync(e => e.Stream == stream && e.Actor == actor && e.Basis == nameof(AccessBasis.BreakGlass) && e.Action != AccessActions.BreakGlass
                && e.At >= x.b.At && e.At <= x.b.ExpiresAt, cancellationToken);
            BreakGlass.Add(new BreakGlassItem(x.b.Id, x.Who, x.Child, x.b.At, x.b.Reason, views));
        }
        var myChildren = db.Cases.Where(c => c.AgencyId == me.AgencyId && c.ClosedAt == null).Select(c => c.PersonId);
        Requests = await db.AccessRequests.AsNoTracking().Where(r => r.Status == AccessRequestStatus.Pending && myChildren.Contains(r.PersonId))
            .Join(db.Users, r => r.RequestedByUserId, u => u.Id, (r, u) => new { r, u.DisplayName, u.AgencyId })
            .Join(db.Agencies, x => x.AgencyId, a => a.Id, (x, a) => new { x.r, x.DisplayName, Agency = a.Name })
            .Join(db.People, x => x.r.PersonId, p => p.Id, (x, p) => new RequestItem(x.r.Id, x.DisplayName, x.Agency, p.GivenName + " " + p.FamilyName, x.r.RequestedAt, x.r.Reason))
            .ToListAsync(cancellationToken);
    }
}
