using System.Globalization;
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
/// Anyone in any agency gives information to the police intelligence unit: a youth worker's note of a car, a
/// school's concern, a licensing complaint. Registration marks and phone numbers are checked as typed; the unit
/// does the rest (grading, linking, routing).
/// </summary>
public sealed class SubmitModel(SafeguardDbContext db, LanguageReview language) : PageModel
{
    [BindProperty]
    public SubmitInput Input { get; set; } = new();

    public List<SelectListItem> ChildOptions { get; private set; } = [];

    public sealed class SubmitInput
    {
        public string? Title { get; set; }
        public string? Text { get; set; }
        public DateInput Date { get; set; } = new();
        public string? Time { get; set; }
        public string? Place { get; set; }
        public string? People { get; set; }
        public string? Vehicles { get; set; }
        public string? Phones { get; set; }
        public string? ChildId { get; set; }
    }

    public async Task OnGetAsync(CancellationToken cancellationToken) => await LoadAsync(cancellationToken);

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        var user = UserContext.From(User);
        var now = db.Now;
        var title = ModelState.RequiredText(Input.Title, "Input.Title", "Enter a few words saying what this is about", 200, "What this is about");
        var text = ModelState.RequiredText(Input.Text, "Input.Text", "Enter what you saw or heard", 8000, "What you saw or heard");
        var (occurredAt, timeKnown) = When(now);
        var place = ModelState.OptionalText(Input.Place, "Input.Place", 300, "Where it happened");
        var people = ModelState.OptionalText(Input.People, "Input.People", 2000, "People involved");
        var vehicles = Listed(Input.Vehicles, "Input.Vehicles", "registration mark", PoleKeys.RegistrationMark);
        var phones = Listed(Input.Phones, "Input.Phones", "phone number", PoleKeys.Phone);
        Id<Person>? childId = null;
        if (!string.IsNullOrEmpty(Input.ChildId))
        {
            var children = await MyChildrenAsync(user, cancellationToken);
            if (Id<Person>.TryParse(Input.ChildId, null, out var chosen) && children.Any(c => c.Id == chosen))
            {
                childId = chosen;
            }
            else
            {
                ModelState.AddModelError("Input.ChildId", "Choose a child your agency works with, or leave this blank");
            }
        }
        if (!language.ReadyToSave(ModelState, new LanguageField("Input.Text", text, "Intelligence: what was seen or heard")))
        {
            await LoadAsync(cancellationToken);
            return Page();
        }

        var item = new IntelligenceItem
        {
            SubmittedAt = now,
            SubmittedByUserId = user.UserId,
            SubmittedByAgencyId = user.AgencyId,
            Title = title!,
            Text = text!,
            OccurredAt = occurredAt,
            OccurredTimeKnown = timeKnown,
            Place = place,
            PeopleMentioned = people,
            VehiclesMentioned = vehicles,
            PhonesMentioned = phones,
            ChildId = childId,
        };
        db.IntelligenceItems.Add(item);
        if (childId is { } child)
        {
            // The child's chronology says that information went to the intelligence unit, and nothing of what it
            // says: what partners may read of it is decided by its handling code once it is graded.
            db.Chronology.Add(new ChronologyEntry
            {
                PersonId = child,
                AgencyId = user.AgencyId,
                RecordedByUserId = user.UserId,
                Kind = ChronologyKinds.Intelligence,
                OccurredAt = occurredAt ?? now,
                RecordedAt = now,
                Summary = $"{user.DisplayName} passed information to the police intelligence unit. Its content is held by the unit and shared under its handling code.",
                Source = $"intelligence/{item.Id}",
            });
        }
        await db.SaveChangesAsync(cancellationToken);
        TempData["Saved"] = "Thank you. The intelligence unit has your information and will grade it and decide who needs to act.";
        return Redirect("/intelligence/submitted");
    }

    private (DateTimeOffset? At, bool TimeKnown) When(DateTimeOffset now)
    {
        if (Input.Date.IsEmpty)
        {
            if (!string.IsNullOrWhiteSpace(Input.Time))
            {
                ModelState.AddModelError("Input.Date", "Enter the date as well as the time");
            }
            return (null, false);
        }
        if (!Input.Date.TryParse("The date", out var date, out var error))
        {
            ModelState.AddModelError("Input.Date", error);
            return (null, false);
        }
        var time = TimeOnly.MinValue;
        var timeKnown = !string.IsNullOrWhiteSpace(Input.Time);
        if (timeKnown && !TimeOnly.TryParseExact(Input.Time!.Trim(), ["H:mm", "HH:mm", "H.mm", "HH.mm"], CultureInfo.InvariantCulture, DateTimeStyles.None, out time))
        {
            ModelState.AddModelError("Input.Time", "Enter the time on the 24-hour clock, like 21:40");
            return (null, false);
        }
        var at = UkTime.ToUtc(date, time);
        if (at > now)
        {
            ModelState.AddModelError("Input.Date", "The date must be today or in the past");
        }
        return (at, timeKnown);
    }

    /// <summary>A comma-separated list, each entry checked and put in standard form; errors name the entry.</summary>
    private string? Listed(string? typed, string key, string what, Func<string, PoleKey> normalise)
    {
        if (string.IsNullOrWhiteSpace(typed))
        {
            return null;
        }
        var shown = new List<string>();
        foreach (var entry in typed.Split([',', ';', '\n'], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            var key1 = normalise(entry);
            if (!key1.IsValid)
            {
                ModelState.AddModelError(key, $"'{entry}' is not a {what}: {key1.Error}");
                return null;
            }
            shown.Add(key1.Display!);
        }
        var joined = string.Join(", ", shown.Distinct(StringComparer.Ordinal));
        if (joined.Length > 500)
        {
            ModelState.AddModelError(key, $"Give at most a few {what}s here; put the rest in what you saw or heard");
            return null;
        }
        return joined.Length == 0 ? null : joined;
    }

    private async Task LoadAsync(CancellationToken cancellationToken)
    {
        var children = await MyChildrenAsync(UserContext.From(User), cancellationToken);
        ChildOptions = [new("Not about a particular child", ""), .. children.Select(c => new SelectListItem(c.Name, c.Id.ToString()))];
    }

    /// <summary>Children the user's agency has an open case with: the ones they may name here.</summary>
    private async Task<List<(Id<Person> Id, string Name)>> MyChildrenAsync(UserContext user, CancellationToken cancellationToken)
    {
        var children = await db.Cases.AsNoTracking().Where(c => c.AgencyId == user.AgencyId && c.ClosedAt == null)
            .Join(db.People, c => c.PersonId, p => p.Id, (c, p) => new { p.Id, p.GivenName, p.FamilyName })
            .Distinct()
            .ToListAsync(cancellationToken);
        return [.. children.OrderBy(p => p.FamilyName, StringComparer.Ordinal).ThenBy(p => p.GivenName, StringComparer.Ordinal)
            .Select(p => (p.Id, $"{p.GivenName} {p.FamilyName}"))];
    }
}
