using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.Mvc.Rendering;
using Microsoft.EntityFrameworkCore;
using Safeguard.Core;
using Safeguard.Web.Auth;
using Safeguard.Web.Data;
using Safeguard.Web.Data.Model;
using Safeguard.Web.Features.Language;

namespace Safeguard.Web.Features.Missing;

/// <summary>Record that a missing child has come back: the return home interview becomes an owned action, due 72 hours after the return.</summary>
public sealed class ReturnModel(SafeguardDbContext db, ChildAccessService access, MissingWork work, LanguageReview language) : PageModel
{
    [BindProperty]
    public ReturnPageInput Input { get; set; } = new();

    public string ChildName { get; private set; } = "";
    public MissingEpisodeRecord Episode { get; private set; } = null!;
    public List<SelectListItem> OwnerOptions { get; private set; } = [];

    public sealed class ReturnPageInput
    {
        public MissingWork.ReturnInput Return { get; set; } = new();
    }

    public async Task<IActionResult> OnGetAsync(Id<Person> id, Id<MissingEpisodeRecord> episodeId, CancellationToken cancellationToken)
    {
        if (await LoadAsync(id, episodeId, cancellationToken) is not { } owner)
        {
            return NotFound();
        }
        Input.Return.InterviewOwner = owner;
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(Id<Person> id, Id<MissingEpisodeRecord> episodeId, CancellationToken cancellationToken)
    {
        if (await LoadAsync(id, episodeId, cancellationToken) is null)
        {
            return NotFound();
        }
        var read = await work.ReadReturnAsync(ModelState, Input.Return, Episode.WentMissingAt, cancellationToken);
        if (!language.ReadyToSave(ModelState, new LanguageField("Input.Return.ReturnDetails", read?.Details ?? Input.Return.ReturnDetails, "Missing: the return")) || read is not { } back)
        {
            return Page();
        }
        var episode = await db.MissingEpisodes.SingleAsync(e => e.Id == episodeId, cancellationToken);
        await work.RecordReturnAsync(episode, back.ReturnedAt, back.Details, back.Owner, access.User, ChildName, cancellationToken);
        await db.SaveChangesAsync(cancellationToken);
        TempData["Saved"] = $"The return is recorded. The return home interview is {back.Owner.DisplayName}'s.";
        return Redirect($"/children/{id}/missing");
    }

    private async Task<string?> LoadAsync(Id<Person> id, Id<MissingEpisodeRecord> episodeId, CancellationToken cancellationToken)
    {
        var person = await access.OpenForWriteAsync(id, cancellationToken);
        if (person is null)
        {
            return null;
        }
        await db.SaveChangesAsync(cancellationToken);
        var episode = await db.MissingEpisodes.AsNoTracking().SingleOrDefaultAsync(e => e.Id == episodeId && e.PersonId == id && e.ReturnedAt == null, cancellationToken);
        if (episode is null)
        {
            return null;
        }
        Episode = episode;
        ChildName = person.FullName;
        var (options, owner) = await work.InterviewOwnersAsync(id, cancellationToken);
        OwnerOptions = options;
        return owner ?? "";
    }
}
