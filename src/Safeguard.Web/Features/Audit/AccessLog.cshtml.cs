using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.Mvc.Rendering;
using Microsoft.EntityFrameworkCore;
using Safeguard.Core.Access;
using Safeguard.Web.Auth;
using Safeguard.Web.Data;
using Safeguard.Web.Features.Children;

namespace Safeguard.Web.Features.Audit;

/// <summary>The partnership-wide access log, for independent scrutineers.</summary>
[Authorize(Policy = Policies.Scrutineers)]
public sealed class AccessLogModel(SafeguardDbContext db) : PageModel
{
    [BindProperty(SupportsGet = true)]
    public string? Only { get; set; } = "all";

    public List<SelectListItem> Filters { get; } = [new("Everything", "all"), new("Emergency access only", "break-glass")];
    public List<(WhoViewedModel.Row Row, string? PersonId)> Rows { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        var query = db.AccessLog.AsNoTracking();
        if (Only == "break-glass")
        {
            query = query.Where(e => e.Basis == nameof(AccessBasis.BreakGlass));
        }
        var entries = await query.OrderByDescending(e => e.Sequence).Take(300).ToListAsync(cancellationToken);
        var rows = await AccessLogRows.DescribeAsync(db, entries, cancellationToken);
        Rows = entries.Zip(rows, (e, r) => (r, e.Stream.StartsWith("person/", StringComparison.Ordinal) ? e.Stream[7..] : null)).ToList();
    }
}
