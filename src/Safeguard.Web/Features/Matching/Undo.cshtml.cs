using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Safeguard.Core;
using Safeguard.Web.Auth;
using Safeguard.Web.Data;
using Safeguard.Web.Data.Model;
using Safeguard.Web.Features.Shared;

namespace Safeguard.Web.Features.Matching;

/// <summary>
/// Undoing a link: the two records become two people again, exactly as they were, and matching remembers that they
/// are different. The undo and its reason are ledgered.
/// </summary>
[Authorize(Policy = Policies.FrontDoor)]
public sealed class UndoModel(SafeguardDbContext db, PersonMatching matching) : PageModel
{
    [BindProperty]
    public string? Reason { get; set; }

    public PersonMerge Merge { get; private set; } = null!;
    public string Survivor { get; private set; } = "";
    public string Merged { get; private set; } = "";

    public async Task<IActionResult> OnGetAsync(Id<PersonMerge> mergeId, CancellationToken cancellationToken) =>
        await LoadAsync(mergeId, cancellationToken) ? Page() : NotFound();

    public async Task<IActionResult> OnPostAsync(Id<PersonMerge> mergeId, CancellationToken cancellationToken)
    {
        if (!await LoadAsync(mergeId, cancellationToken))
        {
            return NotFound();
        }
        var reason = ModelState.RequiredText(Reason, nameof(Reason), "Enter why these are not the same person", 2000, "The reason");
        if (Merge.UndoneAt is not null)
        {
            ModelState.AddModelError(nameof(Reason), "This link has been undone already");
        }
        if (!ModelState.IsValid)
        {
            return Page();
        }
        var merge = await db.PersonMerges.SingleAsync(m => m.Id == mergeId, cancellationToken);
        await matching.UndoAsync(merge, reason!, UserContext.From(User).UserId, cancellationToken);
        TempData["Saved"] = $"{Survivor} and {Merged} are separate records again, as they were before the link. Matching will not link them again.";
        return Redirect("/matching");
    }

    private async Task<bool> LoadAsync(Id<PersonMerge> mergeId, CancellationToken cancellationToken)
    {
        var merge = await db.PersonMerges.AsNoTracking().SingleOrDefaultAsync(m => m.Id == mergeId, cancellationToken);
        if (merge is null)
        {
            return false;
        }
        Merge = merge;
        var names = await db.People.AsNoTracking().Where(p => p.Id == merge.SurvivorId || p.Id == merge.MergedId)
            .ToDictionaryAsync(p => p.Id, p => p.GivenName + " " + p.FamilyName, cancellationToken);
        (Survivor, Merged) = (names[merge.SurvivorId], names[merge.MergedId]);
        db.RecordAccess(Person.PersonStream(merge.SurvivorId), AccessActions.SeenInMatchQueue, IndexModel.AccessBasisName);
        db.RecordAccess(Person.PersonStream(merge.MergedId), AccessActions.SeenInMatchQueue, IndexModel.AccessBasisName);
        await db.SaveChangesAsync(cancellationToken);
        return true;
    }
}
