using System.Globalization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.Mvc.Rendering;
using Safeguard.Core;
using Safeguard.Core.Screening;
using Safeguard.Web.Auth;
using Safeguard.Web.Data;
using Safeguard.Web.Data.Model;
using Safeguard.Web.Features.Exploitation;
using Safeguard.Web.Features.Language;
using Safeguard.Web.Features.Shared;

namespace Safeguard.Web.Features.Children;

/// <summary>A practitioner adds an event to the child's chronology: a visit, an absence, an incident.</summary>
/// <remarks>
/// A child who is a victim or possible victim of exploitation cannot be recorded as an offender (an arrest) here:
/// the record is held for the CSE lead's review and written to the chronology only if they agree.
/// </remarks>
public sealed class RecordEventModel(SafeguardDbContext db, ChildAccessService access, LanguageReview language, HiddenExploitationReader exploitation) : PageModel
{
    public const int MaximumSummaryLength = 8000;

    [BindProperty]
    public EventInput Input { get; set; } = new();

    public string Name { get; private set; } = "";
    public List<SelectListItem> KindOptions { get; } =
        [new("Choose a kind of event", ""), .. ChronologyKinds.Recordable.Select(k => new SelectListItem(k, k))];

    public sealed class EventInput
    {
        public string? Kind { get; set; }
        public DateInput Date { get; set; } = new();
        public string? Time { get; set; }
        public string? Summary { get; set; }
    }

    public async Task<IActionResult> OnGetAsync(Id<Person> id, CancellationToken cancellationToken)
    {
        var person = await access.OpenForWriteAsync(id, cancellationToken);
        if (person is null)
        {
            return NotFound();
        }
        await db.SaveChangesAsync(cancellationToken);
        Name = person.FullName;
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(Id<Person> id, CancellationToken cancellationToken)
    {
        var person = await access.OpenForWriteAsync(id, cancellationToken);
        if (person is null)
        {
            return NotFound();
        }
        Name = person.FullName;
        var now = db.Now;
        if (string.IsNullOrEmpty(Input.Kind) || !ChronologyKinds.Recordable.Contains(Input.Kind))
        {
            ModelState.AddModelError("Input.Kind", "Choose what kind of event this was");
        }
        DateTimeOffset occurredAt = default;
        if (!Input.Date.TryParse("The date", out var date, out var dateError))
        {
            ModelState.AddModelError("Input.Date", dateError);
        }
        else
        {
            var time = TimeOnly.MinValue;
            if (!string.IsNullOrWhiteSpace(Input.Time) && !TimeOnly.TryParseExact(Input.Time.Trim(), ["H:mm", "HH:mm", "H.mm", "HH.mm"], CultureInfo.InvariantCulture, DateTimeStyles.None, out time))
            {
                ModelState.AddModelError("Input.Time", "Enter the time on the 24-hour clock, like 21:40");
            }
            occurredAt = UkTime.ToUtc(date, time);
            if (occurredAt > now)
            {
                ModelState.AddModelError("Input.Date", "The date must be today or in the past");
            }
            else if (person.DateOfBirth is { } born && date < born)
            {
                ModelState.AddModelError("Input.Date", "The date must be after the child was born");
            }
        }
        var summary = Input.Summary?.Trim() ?? "";
        if (summary.Length == 0)
        {
            ModelState.AddModelError("Input.Summary", "Enter what happened");
        }
        else if (summary.Length > MaximumSummaryLength)
        {
            ModelState.AddModelError("Input.Summary", $"What happened must be {MaximumSummaryLength:N0} characters or fewer; you have entered {summary.Length:N0}");
        }
        if (!language.ReadyToSave(ModelState, new LanguageField("Input.Summary", summary, "Chronology: what happened")))
        {
            await db.SaveChangesAsync(cancellationToken);
            return Page();
        }
        var user = access.User;
        if (VictimThenOffender.RecordsAsOffender(Input.Kind!)
            && await exploitation.VictimReasonsAsync(id, UkTime.DateOf(now), cancellationToken) is { Count: > 0 } reasons)
        {
            db.OffenderReviews.Add(new OffenderRecordReview
            {
                PersonId = id,
                AgencyId = user.AgencyId,
                RequestedByUserId = user.UserId,
                RequestedAt = now,
                Kind = Input.Kind!,
                OccurredAt = occurredAt,
                Summary = summary,
                VictimReasons = string.Join(" ", reasons),
                Status = OffenderReviewStatus.Pending,
            });
            await db.SaveChangesAsync(cancellationToken);
            TempData["Saved"] = $"{person.GivenName} is recorded as a victim or possible victim of exploitation, so this {Input.Kind!.ToLowerInvariant()} is held for the CSE lead's review. It will show in the chronology only if they agree.";
            return Redirect($"/children/{id}/chronology");
        }
        db.Chronology.Add(new ChronologyEntry
        {
            PersonId = id,
            AgencyId = user.AgencyId,
            RecordedByUserId = user.UserId,
            Kind = Input.Kind!,
            OccurredAt = occurredAt,
            RecordedAt = now,
            Summary = summary,
        });
        await db.SaveChangesAsync(cancellationToken);
        TempData["Saved"] = "The event was added to the chronology.";
        return Redirect($"/children/{id}/chronology");
    }
}
