using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.Mvc.Rendering;
using Microsoft.EntityFrameworkCore;
using Safeguard.Core;
using Safeguard.Web.Auth;
using Safeguard.Web.Data;
using Safeguard.Web.Data.Model;

namespace Safeguard.Web.Features.Children;

/// <summary>The multi-agency chronology: what every agency recorded, newest first, filterable by agency and kind.</summary>
public sealed class ChronologyModel(SafeguardDbContext db, ChildAccessService access) : PageModel
{
    [BindProperty(SupportsGet = true)]
    public string? Agency { get; set; }

    [BindProperty(SupportsGet = true)]
    public string? Kind { get; set; }

    public ChildHeader Header { get; private set; } = null!;
    public List<Row> Entries { get; private set; } = [];
    public List<SelectListItem> AgencyOptions { get; private set; } = [];
    public List<SelectListItem> KindOptions { get; private set; } = [];

    public sealed record Row(DateTimeOffset OccurredAt, string Agency, string Kind, string Summary, string RecordedBy);

    public async Task<IActionResult> OnGetAsync(Id<Person> id, CancellationToken cancellationToken)
    {
        if (await access.OpenAsync(id, AccessActions.ViewChronology, cancellationToken) is not { } opened)
        {
            return NotFound();
        }
        Header = ChildHeader.For(opened.Person, opened.Basis, "chronology", db.Now, User);
        // What every agency recorded on the linked records of this child that the user may see.
        var cluster = opened.Cluster.Visible;
        var all = await db.Chronology.AsNoTracking().Where(e => cluster.Contains(e.PersonId) && e.SupersededById == null)
            .Join(db.Agencies, e => e.AgencyId, a => a.Id, (e, a) => new { e, AgencyCode = a.Code, AgencyName = a.Name })
            .GroupJoin(db.Users, x => x.e.RecordedByUserId, u => u.Id, (x, u) => new { x.e, x.AgencyCode, x.AgencyName, Users = u })
            .SelectMany(x => x.Users.DefaultIfEmpty(), (x, u) => new { x.e, x.AgencyCode, x.AgencyName, RecordedBy = u == null ? "" : u.DisplayName })
            .ToListAsync(cancellationToken);
        AgencyOptions = [new("All agencies", ""), .. all.Select(x => (x.AgencyCode, x.AgencyName)).Distinct().OrderBy(a => a.AgencyName, StringComparer.Ordinal).Select(a => new SelectListItem(a.AgencyName, a.AgencyCode))];
        KindOptions = [new("All kinds", ""), .. all.Select(x => x.e.Kind).Distinct().Order(StringComparer.Ordinal).Select(k => new SelectListItem(k, k))];
        Entries = all
            .Where(x => string.IsNullOrEmpty(Agency) || x.AgencyCode == Agency)
            .Where(x => string.IsNullOrEmpty(Kind) || x.e.Kind == Kind)
            .OrderByDescending(x => x.e.OccurredAt)
            .Select(x => new Row(x.e.OccurredAt, x.AgencyName, x.e.Kind, x.e.Summary, x.RecordedBy))
            .ToList();
        return Page();
    }
}
