using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.Mvc.Rendering;
using Microsoft.EntityFrameworkCore;
using Safeguard.Core;
using Safeguard.Core.Intelligence;
using Safeguard.Web.Auth;
using Safeguard.Web.Data;
using Safeguard.Web.Data.Model;
using Safeguard.Web.Features.Intelligence;
using Safeguard.Web.Features.Language;
using Safeguard.Web.Features.Shared;

namespace Safeguard.Web.Features.Disruption;

/// <summary>
/// One suspect's disruption plan: its owner, the tactics chosen from the partnership's catalogue with their dates
/// and outcomes, and whether the suspect has been charged or convicted. Anything recorded here counts as activity.
/// </summary>
public sealed class PlanModel(SafeguardDbContext db, IntelligenceSchedule schedule, IntelligenceSettings settings, LanguageReview language) : PageModel
{
    public SuspectWork Suspect { get; private set; } = null!;
    public bool MayEdit { get; private set; }
    public Ladder Ladder { get; private set; } = null!;
    public List<SelectListItem> OwnerOptions { get; private set; } = [];
    public List<SelectListItem> TacticOptions => [new("Choose a tactic", ""), .. settings.Tactics.Select(t => new SelectListItem(t.Name, t.Code))];
    public static IReadOnlyList<SelectListItem> StatusOptions { get; } =
        [.. Enum.GetValues<TacticStatus>().Select(s => new SelectListItem(DisruptionTactics.Describe(s), s.ToString()))];
    public string TacticName(string code) => settings.TacticName(code);

    public List<SelectListItem> TacticsOnPlan => [.. (Suspect.Plan?.Tactics ?? []).OrderBy(t => t.RecordedAt)
        .Select(t => new SelectListItem($"{TacticName(t.TacticCode)} ({DisruptionTactics.Describe(t.Status).ToLowerInvariant()})", t.Id.ToString()))];

    [BindProperty] public string? Owner { get; set; }
    [BindProperty] public TacticInput NewTactic { get; set; } = new();
    [BindProperty] public TacticInput Update { get; set; } = new();
    [BindProperty] public DateInput ChargedOn { get; set; } = new();
    [BindProperty] public DateInput ConvictedOn { get; set; } = new();
    [BindProperty] public string? CloseReason { get; set; }

    public sealed class TacticInput
    {
        public string? Id { get; set; }
        public string? Tactic { get; set; }
        public string? Status { get; set; } = nameof(TacticStatus.Planned);
        public DateInput ReviewOn { get; set; } = new();
        public DateInput DoneOn { get; set; } = new();
        public string? Outcome { get; set; }
    }

    public async Task<IActionResult> OnGetAsync(Id<Person> id, CancellationToken cancellationToken) =>
        await OpenAsync(id, edit: false, cancellationToken) ?? await ShowAsync(cancellationToken);

    public async Task<IActionResult> OnPostCreatePlanAsync(Id<Person> id, CancellationToken cancellationToken)
    {
        if (await OpenAsync(id, edit: true, cancellationToken) is { } refused)
        {
            return refused;
        }
        if (Suspect.Plan is not null)
        {
            ModelState.AddModelError(nameof(Owner), "This suspect already has a plan");
        }
        var owner = await OwnerAsync(cancellationToken);
        if (!ModelState.IsValid)
        {
            return await ShowAsync(cancellationToken);
        }
        var user = UserContext.From(User);
        var now = db.Now;
        db.DisruptionPlans.Add(new DisruptionPlan { PersonId = id, OwnerUserId = owner!.Value, CreatedAt = now, CreatedByUserId = user.UserId, LastActivityAt = now });
        var subject = await db.IntelligenceSubjects.SingleAsync(s => s.PersonId == id, cancellationToken);
        subject.DisruptionOwnerUserId = owner;
        return await SavedAsync(id, "The disruption plan is made.", cancellationToken);
    }

    public async Task<IActionResult> OnPostAddTacticAsync(Id<Person> id, CancellationToken cancellationToken)
    {
        if (await OpenAsync(id, edit: true, cancellationToken) is { } refused)
        {
            return refused;
        }
        var plan = await PlanOrErrorAsync(nameof(NewTactic) + ".Tactic", cancellationToken);
        var input = NewTactic;
        var code = settings.Tactics.FirstOrDefault(t => t.Code == input.Tactic)?.Code;
        if (code is null)
        {
            ModelState.AddModelError($"{nameof(NewTactic)}.Tactic", "Choose a tactic from the list");
        }
        var (status, review, done, outcome) = ReadTactic(input, nameof(NewTactic));
        if (!language.ReadyToSave(ModelState, new LanguageField($"{nameof(NewTactic)}.Outcome", outcome, "Disruption: tactic outcome")))
        {
            return await ShowAsync(cancellationToken);
        }
        var user = UserContext.From(User);
        var now = db.Now;
        plan!.Tactics.Add(new PlannedTactic
        {
            PlanId = plan.Id,
            PersonId = id,
            TacticCode = code!,
            Status = status!.Value,
            ReviewOn = review,
            DoneOn = done,
            Outcome = outcome,
            RecordedAt = now,
            RecordedByUserId = user.UserId,
            UpdatedAt = now,
        });
        plan.LastActivityAt = now;
        return await SavedAsync(id, $"{settings.TacticName(code!)} is added to the plan.", cancellationToken);
    }

    public async Task<IActionResult> OnPostUpdateTacticAsync(Id<Person> id, CancellationToken cancellationToken)
    {
        if (await OpenAsync(id, edit: true, cancellationToken) is { } refused)
        {
            return refused;
        }
        var plan = await PlanOrErrorAsync($"{nameof(Update)}.Status", cancellationToken);
        var tactic = plan?.Tactics.FirstOrDefault(t => t.Id.ToString() == Update.Id);
        if (plan is not null && tactic is null)
        {
            return NotFound();
        }
        var (status, review, done, outcome) = ReadTactic(Update, nameof(Update));
        if (!language.ReadyToSave(ModelState, new LanguageField($"{nameof(Update)}.Outcome", outcome, "Disruption: tactic outcome")))
        {
            return await ShowAsync(cancellationToken);
        }
        var now = db.Now;
        tactic!.Status = status!.Value;
        tactic.ReviewOn = review;
        tactic.DoneOn = done;
        tactic.Outcome = outcome;
        tactic.UpdatedAt = now;
        plan!.LastActivityAt = now;
        return await SavedAsync(id, $"{settings.TacticName(tactic.TacticCode)} is updated.", cancellationToken);
    }

    public async Task<IActionResult> OnPostProgressAsync(Id<Person> id, CancellationToken cancellationToken)
    {
        if (await OpenAsync(id, edit: true, cancellationToken) is { } refused)
        {
            return refused;
        }
        var plan = await PlanOrErrorAsync(nameof(ChargedOn), cancellationToken);
        var today = DateOnly.FromDateTime(UkTime.ToLocal(db.Now).DateTime);
        var charged = ModelState.OptionalPastDate(ChargedOn, nameof(ChargedOn), "The date charged", today);
        var convicted = ModelState.OptionalPastDate(ConvictedOn, nameof(ConvictedOn), "The date convicted", today);
        if (charged is null && convicted is null && ModelState.IsValid)
        {
            ModelState.AddModelError(nameof(ChargedOn), "Enter the date the suspect was charged, or convicted");
        }
        if (charged is { } c && convicted is { } v && v < c)
        {
            ModelState.AddModelError(nameof(ConvictedOn), "The date convicted must be on or after the date charged");
        }
        if (!ModelState.IsValid)
        {
            return await ShowAsync(cancellationToken);
        }
        plan!.ChargedOn = charged ?? plan.ChargedOn;
        plan.ConvictedOn = convicted ?? plan.ConvictedOn;
        plan.LastActivityAt = db.Now;
        return await SavedAsync(id, "The charge or conviction is recorded.", cancellationToken);
    }

    public async Task<IActionResult> OnPostCloseAsync(Id<Person> id, CancellationToken cancellationToken)
    {
        if (await OpenAsync(id, edit: true, cancellationToken) is { } refused)
        {
            return refused;
        }
        var plan = await PlanOrErrorAsync(nameof(CloseReason), cancellationToken);
        var reason = ModelState.RequiredText(CloseReason, nameof(CloseReason), "Enter why the plan is closing", 1000, "The reason");
        if (plan?.ClosedAt is not null)
        {
            ModelState.AddModelError(nameof(CloseReason), "The plan is already closed");
        }
        if (!language.ReadyToSave(ModelState, new LanguageField(nameof(CloseReason), reason, "Disruption: why the plan closed")))
        {
            return await ShowAsync(cancellationToken);
        }
        var now = db.Now;
        plan!.ClosedAt = now;
        plan.ClosedReason = reason;
        plan.LastActivityAt = now;
        return await SavedAsync(id, "The plan is closed.", cancellationToken);
    }

    /// <summary>Null when the user may go on; otherwise the answer (403 for a role without access, 404 for someone who is not a suspect).</summary>
    private async Task<IActionResult?> OpenAsync(Id<Person> id, bool edit, CancellationToken cancellationToken)
    {
        var user = UserContext.From(User);
        var access = await DisruptionWork.AccessAsync(db, user, cancellationToken);
        var suspect = (await DisruptionWork.LoadAsync(db, schedule, id, cancellationToken)).SingleOrDefault();
        var owner = suspect?.Owner == user.UserId;
        if (access == DisruptionAccessLevel.None && !owner)
        {
            return Forbid();
        }
        if (suspect is null)
        {
            return NotFound();
        }
        Suspect = suspect;
        MayEdit = access == DisruptionAccessLevel.Edit || owner;
        if (edit && !MayEdit)
        {
            return Forbid();
        }
        db.RecordAccess(Person.PersonStream(id), AccessActions.ViewDisruptionPlan, access.ToString());
        return null;
    }

    private async Task<DisruptionPlan?> PlanOrErrorAsync(string key, CancellationToken cancellationToken)
    {
        var plan = await db.DisruptionPlans.Include(p => p.Tactics).SingleOrDefaultAsync(p => p.PersonId == Suspect.PersonId, cancellationToken);
        if (plan is null)
        {
            ModelState.AddModelError(key, "Make a plan first");
        }
        return plan;
    }

    private async Task<Guid?> OwnerAsync(CancellationToken cancellationToken)
    {
        if (Guid.TryParse(Owner, out var id) && await db.Users.AnyAsync(u => u.Id == id && u.IsActive, cancellationToken))
        {
            return id;
        }
        ModelState.AddModelError(nameof(Owner), "Choose who owns the plan");
        return null;
    }

    private (TacticStatus? Status, DateOnly? Review, DateOnly? Done, string? Outcome) ReadTactic(TacticInput input, string form)
    {
        TacticStatus? status = Enum.TryParse<TacticStatus>(input.Status, out var s) && Enum.IsDefined(s) ? s : null;
        if (status is null)
        {
            ModelState.AddModelError($"{form}.Status", "Choose where the tactic stands");
        }
        DateOnly? review = null;
        if (!input.ReviewOn.IsEmpty)
        {
            if (input.ReviewOn.TryParse("The review date", out var r, out var error))
            {
                review = r;
            }
            else
            {
                ModelState.AddModelError($"{form}.ReviewOn", error);
            }
        }
        var today = DateOnly.FromDateTime(UkTime.ToLocal(db.Now).DateTime);
        var done = ModelState.OptionalPastDate(input.DoneOn, $"{form}.DoneOn", "The date it was done", today);
        if (status == TacticStatus.Done && done is null && input.DoneOn.IsEmpty)
        {
            ModelState.AddModelError($"{form}.DoneOn", "Enter the date it was done");
        }
        var outcome = ModelState.OptionalText(input.Outcome, $"{form}.Outcome", 2000, "The outcome");
        if (status == TacticStatus.NotPursued && outcome is null)
        {
            ModelState.AddModelError($"{form}.Outcome", "Enter why the tactic is not being pursued");
        }
        return (status, review, done, outcome);
    }


    private async Task<IActionResult> SavedAsync(Id<Person> id, string message, CancellationToken cancellationToken)
    {
        await db.SaveChangesAsync(cancellationToken);
        TempData["Saved"] = message;
        return Redirect($"/disruption/{id}");
    }

    private async Task<IActionResult> ShowAsync(CancellationToken cancellationToken)
    {
        await db.SaveChangesAsync(cancellationToken);
        Ladder = await Ladder.LoadAsync(db, cancellationToken);
        var users = await db.Users.AsNoTracking().Where(u => u.IsActive)
            .Join(db.Agencies, u => u.AgencyId, a => a.Id, (u, a) => new { u.Id, u.DisplayName, Agency = a.Name }).ToListAsync(cancellationToken);
        Owner ??= Suspect.Owner?.ToString();
        OwnerOptions = [new("Choose an owner", ""), .. users.OrderBy(u => u.Agency, StringComparer.Ordinal).ThenBy(u => u.DisplayName, StringComparer.Ordinal)
            .Select(u => new SelectListItem($"{u.Agency}: {u.DisplayName}", u.Id.ToString()))];
        return Page();
    }
}
