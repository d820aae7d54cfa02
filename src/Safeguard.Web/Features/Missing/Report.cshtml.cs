using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.Mvc.Rendering;
using Safeguard.Core;
using Safeguard.Web.Auth;
using Safeguard.Web.Casework;
using Safeguard.Web.Data;
using Safeguard.Web.Data.Model;
using Safeguard.Web.Features.Language;
using Safeguard.Web.Features.Shared;

namespace Safeguard.Web.Features.Missing;

/// <summary>Report that a child went missing, and, if they are already back, their return (which sets the return home interview going).</summary>
public sealed class ReportModel(SafeguardDbContext db, ChildAccessService access, MissingWork work, LanguageReview language) : PageModel
{
    [BindProperty]
    public EpisodeInput Input { get; set; } = new();

    public string ChildName { get; private set; } = "";
    public Id<Person> ChildId { get; private set; }
    public List<SelectListItem> OwnerOptions { get; private set; } = [];

    public static List<SelectListItem> YesNo => [new("Yes", "yes"), new("No, still missing", "no")];

    public sealed class EpisodeInput
    {
        public DateInput WentMissingOn { get; set; } = new();
        public string? WentMissingTime { get; set; }
        public string? Circumstances { get; set; }
        public string? Returned { get; set; }
        public MissingWork.ReturnInput Return { get; set; } = new();
    }

    public async Task<IActionResult> OnGetAsync(Id<Person> id, CancellationToken cancellationToken)
    {
        if (await LoadAsync(id, cancellationToken) is not { } owner)
        {
            return NotFound();
        }
        Input.Return.InterviewOwner = owner;
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(Id<Person> id, CancellationToken cancellationToken)
    {
        if (await LoadAsync(id, cancellationToken) is null)
        {
            return NotFound();
        }
        var wentMissing = MissingWork.ReadMoment(ModelState, Input.WentMissingOn, Input.WentMissingTime, "Input.WentMissingOn", "Input.WentMissingTime", "Date they went missing", db.Now);
        var circumstances = ModelState.RequiredText(Input.Circumstances, "Input.Circumstances", "Enter what is known: where they were last seen, who with, who reported it", 8000, "What is known");
        if (Input.Returned is not ("yes" or "no"))
        {
            ModelState.AddModelError("Input.Returned", "Choose whether the child has come back");
        }
        var back = Input.Returned == "yes" && wentMissing is { } from ? await work.ReadReturnAsync(ModelState, Input.Return, from, cancellationToken) : null;
        if (!language.ReadyToSave(ModelState,
            new LanguageField("Input.Circumstances", circumstances, "Missing: what is known"), new LanguageField("Input.Return.ReturnDetails", back?.Details, "Missing: the return")))
        {
            return Page();
        }
        var me = access.User;
        var episode = new MissingEpisodeRecord
        {
            PersonId = id,
            WentMissingAt = wentMissing!.Value,
            Circumstances = circumstances!,
            ReportedByUserId = me.UserId,
            ReportedByAgencyId = me.AgencyId,
            ReportedAt = db.Now,
        };
        db.MissingEpisodes.Add(episode);
        Chronicle.Add(db, id, me.AgencyId, me.UserId, ChronologyKinds.MissingEpisode, episode.WentMissingAt, $"Went missing. {circumstances}", $"missing/{episode.Id}");
        if (back is { } r)
        {
            await work.RecordReturnAsync(episode, r.ReturnedAt, r.Details, r.Owner, me, ChildName, cancellationToken);
        }
        await work.PromptStrategyDiscussionIfRepeatedAsync(episode, ChildName, cancellationToken);
        await db.SaveChangesAsync(cancellationToken);
        TempData["Saved"] = back is null ? "The missing episode is recorded. Record the return when the child is found." : "The missing episode and the return are recorded; the return home interview is due.";
        return Redirect($"/children/{id}/missing");
    }

    /// <summary>Null if the user may not record for this child; otherwise the default interview owner (may be empty).</summary>
    private async Task<string?> LoadAsync(Id<Person> id, CancellationToken cancellationToken)
    {
        var person = await access.OpenForWriteAsync(id, cancellationToken);
        if (person is null)
        {
            return null;
        }
        await db.SaveChangesAsync(cancellationToken);
        ChildId = id;
        ChildName = person.FullName;
        var (options, owner) = await work.InterviewOwnersAsync(id, cancellationToken);
        OwnerOptions = options;
        return owner ?? "";
    }
}
