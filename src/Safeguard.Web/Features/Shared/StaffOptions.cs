using Microsoft.AspNetCore.Mvc.Rendering;
using Microsoft.EntityFrameworkCore;
using Safeguard.Web.Data;

namespace Safeguard.Web.Features.Shared;

/// <summary>Every active user as a choice ("Name (job, agency)"), by agency then name: for giving work to one person.</summary>
public static class StaffOptions
{
    public static async Task<List<SelectListItem>> EveryoneAsync(SafeguardDbContext db, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(db);
        var users = await db.Users.AsNoTracking().Where(u => u.IsActive)
            .Join(db.Agencies, u => u.AgencyId, a => a.Id, (u, a) => new { u.Id, u.DisplayName, u.JobTitle, Agency = a.Name })
            .ToListAsync(cancellationToken);
        return
        [
            new("Choose a person", ""),
            .. users.OrderBy(u => u.Agency, StringComparer.Ordinal).ThenBy(u => u.DisplayName, StringComparer.Ordinal)
                .Select(u => new SelectListItem($"{u.DisplayName} ({u.JobTitle}, {u.Agency})", u.Id.ToString())),
        ];
    }
}
