using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.Mvc.Rendering;
using Microsoft.EntityFrameworkCore;
using Safeguard.Core;
using Safeguard.Core.Intelligence;
using Safeguard.Core.Network;
using Safeguard.Web.Auth;
using Safeguard.Web.Data;
using Safeguard.Web.Data.Model;
using Safeguard.Web.Features.Language;
using Safeguard.Web.Features.Shared;

namespace Safeguard.Web.Features.Intelligence;

/// <summary>
/// One intelligence item, as much of it as the reader's role and agency are allowed under its handling code, and
/// the place to record what became of it: an action, a corroboration or a decision to take no action.
/// </summary>
public sealed class ItemModel(SafeguardDbContext db, IntelligenceSchedule schedule, LanguageReview language) : PageModel
{
    public const int MaximumOutcomeLength = 4000;

    public OpenedItem Opened { get; private set; } = null!;
    public string SubmittedBy { get; private set; } = "";
    public string? ChildName { get; private set; }
    public WorkStatus UnitStatus { get; private set; } = null!;
    public List<RoutingRow> Routings { get; private set; } = [];
    public List<OutcomeRow> Outcomes { get; private set; } = [];
    public List<ReferenceRow> References { get; private set; } = [];
    public List<SelectListItem> OutcomeOptions { get; private set; } = [];

    [BindProperty]
    public OutcomeInput Input { get; set; } = new();

    public sealed class OutcomeInput
    {
        public string? Kind { get; set; }
        public string? Text { get; set; }
    }

    public sealed record RoutingRow(string Agency, string Owner, DateTimeOffset RoutedAt, WorkStatus Status, bool Mine, string? Note);
    public sealed record OutcomeRow(string Agency, string By, OutcomeKind Kind, string Text, DateTimeOffset At);
    public sealed record ReferenceRow(Guid NodeId, string Label, NodeKind Kind, PersonRole Role);

    public async Task<IActionResult> OnGetAsync(Id<IntelligenceItem> id, CancellationToken cancellationToken)
    {
        if (await IntelligenceAccess.OpenAsync(db, UserContext.From(User), id, cancellationToken: cancellationToken) is not { } opened)
        {
            return NotFound();
        }
        await db.SaveChangesAsync(cancellationToken);
        await LoadAsync(opened, cancellationToken);
        return Page();
    }

    public async Task<IActionResult> OnPostOutcomeAsync(Id<IntelligenceItem> id, CancellationToken cancellationToken)
    {
        var user = UserContext.From(User);
        if (await IntelligenceAccess.OpenAsync(db, user, id, cancellationToken: cancellationToken) is not { } opened)
        {
            return NotFound();
        }
        // Only the agency it was routed to, or the unit itself, records what became of it.
        if (opened.Routing is null && !opened.IsUnit)
        {
            return NotFound();
        }
        if (!Enum.TryParse(Input.Kind, out OutcomeKind kind) || !Enum.IsDefined(kind))
        {
            ModelState.AddModelError("Input.Kind", "Choose what became of this information");
        }
        else if (Handling.OutcomeProblem(opened.View, kind) is { } problem)
        {
            ModelState.AddModelError("Input.Kind", problem);
        }
        var text = ModelState.RequiredText(Input.Text, "Input.Text",
            kind == OutcomeKind.NoAction ? "Enter the reason for taking no action" : "Enter what was done", MaximumOutcomeLength, "What was done");
        if (!language.ReadyToSave(ModelState, new LanguageField("Input.Text", text, "Intelligence: what was done")))
        {
            await db.SaveChangesAsync(cancellationToken);
            await LoadAsync(opened, cancellationToken);
            return Page();
        }
        db.IntelligenceOutcomes.Add(new IntelligenceOutcome
        {
            ItemId = id,
            RoutingId = opened.Routing?.Id,
            AgencyId = user.AgencyId,
            Kind = kind,
            Text = text!,
            RecordedAt = db.Now,
            RecordedByUserId = user.UserId,
        });
        await db.SaveChangesAsync(cancellationToken);
        TempData["Saved"] = "What became of this information is recorded.";
        return Redirect($"/intelligence/{id}");
    }

    private async Task LoadAsync(OpenedItem opened, CancellationToken cancellationToken)
    {
        Opened = opened;
        var item = opened.Item;
        OutcomeOptions = [.. opened.View.MayRecord.Select(k => new SelectListItem(PoleText.Describe(k), k.ToString()))];
        SubmittedBy = await db.Users.Where(u => u.Id == item.SubmittedByUserId)
            .Join(db.Agencies, u => u.AgencyId, a => a.Id, (u, a) => u.DisplayName + ", " + a.Name).SingleAsync(cancellationToken);
        if (item.ChildId is { } child)
        {
            ChildName = await db.People.Where(p => p.Id == child).Select(p => p.GivenName + " " + p.FamilyName).SingleAsync(cancellationToken);
        }
        var work = (await IntelligenceWork.LoadAsync(db, schedule, item.Id, cancellationToken)).Single();
        var owners = work.Routings.Select(r => r.Owner).ToList();
        var ownerNames = await db.Users.Where(u => owners.Contains(u.Id)).ToDictionaryAsync(u => u.Id, u => u.DisplayName, cancellationToken);
        var notes = await db.IntelligenceRoutings.Where(r => r.ItemId == item.Id && r.Note != null).ToDictionaryAsync(r => r.Id, r => r.Note, cancellationToken);
        UnitStatus = work.UnitStatus;
        Routings = [.. work.Routings.Select(r => new RoutingRow(r.Agency, ownerNames.GetValueOrDefault(r.Owner, "a former user"), r.RoutedAt, r.Status,
            r.Id == opened.Routing?.Id, notes.GetValueOrDefault(r.Id)))];
        var outcomes = await db.IntelligenceOutcomes.AsNoTracking().Where(o => o.ItemId == item.Id)
            .Join(db.Agencies, o => o.AgencyId, a => a.Id, (o, a) => new { o, Agency = a.Name })
            .Join(db.Users, x => x.o.RecordedByUserId, u => u.Id, (x, u) => new { x.o, x.Agency, By = u.DisplayName })
            .OrderBy(x => x.o.RecordedAt).ToListAsync(cancellationToken);
        // The unit sees every outcome; an agency sees its own.
        Outcomes = [.. outcomes.Where(o => opened.IsUnit || o.o.AgencyId == opened.Routing?.AgencyId)
            .Select(o => new OutcomeRow(o.Agency, o.By, o.o.Kind, o.o.Text, o.o.RecordedAt))];
        if (opened.IsUnit)
        {
            var references = await db.IntelligenceReferences.AsNoTracking().Where(r => r.ItemId == item.Id && r.SupersededAt == null).ToListAsync(cancellationToken);
            var network = await PoleGraph.NodesAsync(db, references.ToDictionary(r => r.NodeId, r => r.NodeKind), cancellationToken);
            References = [.. references.Where(r => network.ContainsKey(r.NodeId))
                .Select(r => new ReferenceRow(r.NodeId, network[r.NodeId].Label, r.NodeKind, r.Role))];
        }
    }
}
