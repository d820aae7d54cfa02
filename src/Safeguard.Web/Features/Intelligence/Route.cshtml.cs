using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.Mvc.Rendering;
using Microsoft.EntityFrameworkCore;
using Safeguard.Core;
using Safeguard.Core.Intelligence;
using Safeguard.Web.Auth;
using Safeguard.Web.Data;
using Safeguard.Web.Data.Model;
using Safeguard.Web.Features.Language;
using Safeguard.Web.Features.Shared;

namespace Safeguard.Web.Features.Intelligence;

/// <summary>
/// The intelligence unit passes a graded item to an agency, naming the person there who owns the response.
/// The handling code decides which agencies may have it: covert-only intelligence goes to police alone, and
/// partners receive handling-C intelligence only as a released sanitised version.
/// </summary>
[Authorize(Policy = Policies.IntelligenceUnit)]
public sealed class RouteModel(SafeguardDbContext db, IntelligenceSchedule schedule, LanguageReview language) : PageModel
{
    public IntelligenceItem Item { get; private set; } = null!;
    public List<SelectListItem> OwnerOptions { get; private set; } = [];
    public List<(string Agency, string Owner, WorkStatus Status)> Routed { get; private set; } = [];

    [BindProperty]
    public RouteInput Input { get; set; } = new();

    public sealed class RouteInput
    {
        public string? Owner { get; set; }
        public string? Note { get; set; }
    }

    public async Task<IActionResult> OnGetAsync(Id<IntelligenceItem> id, CancellationToken cancellationToken)
    {
        if (await IntelligenceAccess.OpenAsync(db, UserContext.From(User), id, cancellationToken: cancellationToken) is not { IsUnit: true } opened)
        {
            return NotFound();
        }
        Item = opened.Item;
        await db.SaveChangesAsync(cancellationToken);
        await LoadAsync(cancellationToken);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(Id<IntelligenceItem> id, CancellationToken cancellationToken)
    {
        var user = UserContext.From(User);
        if (await IntelligenceAccess.OpenAsync(db, user, id, cancellationToken: cancellationToken) is not { IsUnit: true } opened)
        {
            return NotFound();
        }
        Item = opened.Item;
        var owner = Guid.TryParse(Input.Owner, out var ownerId)
            ? await db.Users.AsNoTracking().Where(u => u.Id == ownerId && u.IsActive)
                .Join(db.Agencies, u => u.AgencyId, a => a.Id, (u, a) => new { u.Id, u.DisplayName, Agency = a }).SingleOrDefaultAsync(cancellationToken)
            : null;
        if (owner is null)
        {
            ModelState.AddModelError("Input.Owner", "Choose who will own the response");
        }
        else
        {
            // One message for the field: a field shows one error, and every reason must be seen.
            if (Handling.RoutingProblems(Item.HandlingFacts, owner.Agency.Name, owner.Agency.Kind == AgencyKind.Police) is { Count: > 0 } problems)
            {
                ModelState.AddModelError("Input.Owner", string.Join(". ", problems));
            }
            if (await db.IntelligenceRoutings.AnyAsync(r => r.ItemId == id && r.AgencyId == owner.Agency.Id, cancellationToken))
            {
                ModelState.AddModelError("Input.Owner", $"This intelligence has already been routed to {owner.Agency.Name}");
            }
        }
        var note = ModelState.OptionalText(Input.Note, "Input.Note", 1000, "The note");
        if (!language.ReadyToSave(ModelState, new LanguageField("Input.Note", note, "Intelligence: note for the owner")))
        {
            await db.SaveChangesAsync(cancellationToken);
            await LoadAsync(cancellationToken);
            return Page();
        }
        db.IntelligenceRoutings.Add(new IntelligenceRouting
        {
            ItemId = id,
            AgencyId = owner!.Agency.Id,
            OwnerUserId = owner.Id,
            RoutedAt = db.Now,
            RoutedByUserId = user.UserId,
            Note = note,
        });
        // MERGE (casework notifications): tell the owner a routed item is waiting, in this same save.
        await db.SaveChangesAsync(cancellationToken);
        TempData["Saved"] = $"Routed to {owner.Agency.Name}; {owner.DisplayName} owns the response.";
        return Redirect($"/intelligence/{id}/route");
    }

    private async Task LoadAsync(CancellationToken cancellationToken)
    {
        var users = await db.Users.AsNoTracking().Where(u => u.IsActive)
            .Join(db.Agencies, u => u.AgencyId, a => a.Id, (u, a) => new { u.Id, u.DisplayName, u.JobTitle, Agency = a.Name })
            .ToListAsync(cancellationToken);
        OwnerOptions = [new("Choose an owner", ""), .. users.OrderBy(u => u.Agency, StringComparer.Ordinal).ThenBy(u => u.DisplayName, StringComparer.Ordinal)
            .Select(u => new SelectListItem($"{u.Agency}: {u.DisplayName}{(u.JobTitle is null ? "" : $", {u.JobTitle}")}", u.Id.ToString()))];
        var work = (await IntelligenceWork.LoadAsync(db, schedule, Item.Id, cancellationToken)).Single();
        var names = users.ToDictionary(u => u.Id, u => u.DisplayName);
        Routed = [.. work.Routings.Select(r => (r.Agency, names.GetValueOrDefault(r.Owner, "a former user"), r.Status))];
    }
}
