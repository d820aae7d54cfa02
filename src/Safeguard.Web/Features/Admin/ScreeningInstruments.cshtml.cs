using System.Text;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Safeguard.Web.Auth;
using Safeguard.Web.Data;
using Safeguard.Web.Features.Screening;

namespace Safeguard.Web.Features.Admin;

/// <summary>
/// The partnership administrator adds a version of the screening instrument by pasting or uploading its JSON. A
/// version that does not validate is refused with every problem named; one that does is used for every screening
/// from then on. Versions are never changed or removed: old screenings keep the version they were scored with.
/// </summary>
[Authorize(Policy = Policies.PartnershipAdmin)]
public sealed class ScreeningInstrumentsModel(SafeguardDbContext db, ScreeningInstruments instruments) : PageModel
{
    public const int MaximumJsonLength = 1_000_000;

    [BindProperty]
    public InstrumentInput Input { get; set; } = new();

    public List<Row> Versions { get; private set; } = [];

    public sealed record Row(string InstrumentId, int Version, string Name, DateTimeOffset AddedAt, string AddedBy, string Json, bool InUse);

    public sealed class InstrumentInput
    {
        public string? Json { get; set; }
        public IFormFile? File { get; set; }
    }

    public async Task OnGetAsync(CancellationToken cancellationToken) => await LoadAsync(cancellationToken);

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        var json = Input.Json;
        if (Input.File is { Length: > 0 } file)
        {
            if (file.Length > MaximumJsonLength)
            {
                ModelState.AddModelError("Input.File", $"The file must be smaller than {MaximumJsonLength / 1000:N0} KB");
            }
            else
            {
                using var reader = new StreamReader(file.OpenReadStream(), Encoding.UTF8);
                json = await reader.ReadToEndAsync(cancellationToken);
            }
        }
        if (ModelState.IsValid && string.IsNullOrWhiteSpace(json))
        {
            ModelState.AddModelError("Input.Json", "Paste the instrument's JSON, or choose a file");
        }
        if (ModelState.IsValid)
        {
            var (added, problems) = await instruments.AddAsync(json!, UserContext.From(User).UserId, cancellationToken);
            if (added is not null)
            {
                TempData["Saved"] = $"Version {added.Version} of {added.Name} is stored and will be used for every screening from now on.";
                return RedirectToPage();
            }
            foreach (var problem in problems)
            {
                ModelState.AddModelError("Input.Json", problem);
            }
        }
        await LoadAsync(cancellationToken);
        return Page();
    }

    private async Task LoadAsync(CancellationToken cancellationToken)
    {
        await instruments.CurrentAsync(cancellationToken);
        var rows = await db.ScreeningInstruments.AsNoTracking()
            .GroupJoin(db.Users, i => i.AddedByUserId, u => u.Id, (i, u) => new { i, u })
            .SelectMany(x => x.u.DefaultIfEmpty(), (x, u) => new { x.i, By = u == null ? null : u.DisplayName })
            .OrderByDescending(x => x.i.AddedAt).ThenByDescending(x => x.i.Version).ToListAsync(cancellationToken);
        Versions = [.. rows.Select((x, n) => new Row(x.i.InstrumentId, x.i.Version, x.i.Name, x.i.AddedAt, x.By ?? "Safeguard (the default)", x.i.Json, n == 0))];
    }
}
