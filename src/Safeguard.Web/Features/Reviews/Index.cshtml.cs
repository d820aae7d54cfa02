using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Safeguard.Core;
using Safeguard.Core.Access;
using Safeguard.Core.Casework;
using Safeguard.Web.Auth;
using Safeguard.Web.Data;
using Safeguard.Web.Data.Model;

namespace Safeguard.Web.Features.Reviews;

/// <summary>
/// A reviewer's queue: break-glass access naming them as reviewer, or escalated to them because its reviewer has not
/// reviewed it in time (<see cref="BreakGlassReviewing"/>); and, for managers, requests for access to children their
/// agency works with to decide. Anyone may be a break-glass reviewer (the partnership designates its own), so the
/// page is open to every signed-in user and shows each only what is theirs. Each review and decision is ledgered.
/// </summary>
public sealed class IndexModel(SafeguardDbContext db, BreakGlassReviewing reviewing) : PageModel
{
    public List<BreakGlassItem> BreakGlass { get; private set; } = [];
    public List<RequestItem> Requests { get; private set; } = [];
    public bool IsManager { get; private set; }

    public sealed record BreakGlassItem(Id<BreakGlassAccess> Id, string Who, string Child, DateTimeOffset At, string Reason, int Views,
        DateOnly Due, string? Tag, string? WhyYou);
    public sealed record RequestItem(Id<AccessRequest> Id, string Who, string Agency, string Child, DateTimeOffset At, string Reason);

    public async Task OnGetAsync(CancellationToken cancellationToken) => await LoadAsync(cancellationToken);

    public async Task<IActionResult> OnPostReviewBreakGlassAsync(Id<BreakGlassAccess> id, string? outcome, string? note, CancellationToken cancellationToken)
    {
        var me = UserContext.From(User);
        // Only a break-glass in the user's own queue: theirs to review, or escalated to them. Anything else is 404, so
        // nobody can learn which ids exist, and nobody ever reviews their own use of the glass.
        var queued = (await reviewing.QueueForAsync(me.UserId, cancellationToken)).Any(q => q.BreakGlass.Id == id);
        var item = queued ? await db.BreakGlass.SingleOrDefaultAsync(b => b.Id == id && b.Review == BreakGlassReview.Pending, cancellationToken) : null;
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
        if (!IsManagerRole(me))
        {
            return Forbid();
        }
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

    private static bool IsManagerRole(UserContext user) => user.IsInRole(Roles.TeamManager) || user.IsInRole(Roles.SeniorManager);

    private async Task LoadAsync(CancellationToken cancellationToken)
    {
        var me = UserContext.From(User);
        IsManager = IsManagerRole(me);
        var queue = await reviewing.QueueForAsync(me.UserId, cancellationToken);
        var userIds = queue.Select(q => q.BreakGlass.UserId).Distinct().ToList();
        var who = await db.Users.AsNoTracking().Where(u => userIds.Contains(u.Id)).ToDictionaryAsync(u => u.Id, u => u.DisplayName, cancellationToken);
        var personIds = queue.Select(q => q.BreakGlass.PersonId).Distinct().ToList();
        var children = await db.People.AsNoTracking().Where(p => personIds.Contains(p.Id))
            .ToDictionaryAsync(p => p.Id, p => p.GivenName + " " + p.FamilyName, cancellationToken);
        BreakGlass = [];
        foreach (var (b, due, status, escalatedAs) in queue)
        {
            var stream = Person.PersonStream(b.PersonId);
            var actor = $"user/{b.UserId}";
            // Pages read on the strength of the break-glass: not the break-glass entry itself.
            var views = await db.AccessLog.CountAsync(e => e.Stream == stream && e.Actor == actor && e.Basis == nameof(AccessBasis.BreakGlass) && e.Action != AccessActions.BreakGlass
                && e.At >= b.At && e.At <= b.ExpiresAt, cancellationToken);
            var tag = status switch
            {
                { Overdue: true } => "Overdue",
                { Current: EscalationLevel.Owner } => "Due today",
                _ => null,
            };
            var whyYou = escalatedAs is { } level
                ? $"Escalated to you as {CaseworkText.Describe(level).ToLowerInvariant()}: the named reviewer has not reviewed it."
                : b.ReviewerBasis switch
                {
                    BreakGlassReviewerBasis.AgencySeniorManager => "You are a senior manager of their agency and they have no line manager.",
                    BreakGlassReviewerBasis.PartnershipReviewer => "You are the partnership's reviewer: nobody in their own line or agency can review it.",
                    _ => null,
                };
            BreakGlass.Add(new BreakGlassItem(b.Id, who.GetValueOrDefault(b.UserId) ?? "Unknown user", children.GetValueOrDefault(b.PersonId) ?? "", b.At, b.Reason, views,
                due.Date, tag, whyYou));
        }
        if (!IsManager)
        {
            Requests = [];
            return;
        }
        var myChildren = db.Cases.Where(c => c.AgencyId == me.AgencyId && c.ClosedAt == null).Select(c => c.PersonId);
        Requests = await db.AccessRequests.AsNoTracking().Where(r => r.Status == AccessRequestStatus.Pending && myChildren.Contains(r.PersonId))
            .Join(db.Users, r => r.RequestedByUserId, u => u.Id, (r, u) => new { r, u.DisplayName, u.AgencyId })
            .Join(db.Agencies, x => x.AgencyId, a => a.Id, (x, a) => new { x.r, x.DisplayName, Agency = a.Name })
            .Join(db.People, x => x.r.PersonId, p => p.Id, (x, p) => new RequestItem(x.r.Id, x.DisplayName, x.Agency, p.GivenName + " " + p.FamilyName, x.r.RequestedAt, x.r.Reason))
            .ToListAsync(cancellationToken);
    }
}
