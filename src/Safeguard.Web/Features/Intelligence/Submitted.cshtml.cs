using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Safeguard.Web.Auth;
using Safeguard.Web.Data;
using Safeguard.Web.Data.Model;

namespace Safeguard.Web.Features.Intelligence;

/// <summary>What the user has given the intelligence unit, and whether it has been graded: a receipt, not the unit's assessment.</summary>
public sealed class SubmittedModel(SafeguardDbContext db) : PageModel
{
    public List<IntelligenceItem> Items { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        var user = UserContext.From(User);
        Items = await db.IntelligenceItems.AsNoTracking().Where(i => i.SubmittedByUserId == user.UserId)
            .OrderByDescending(i => i.SubmittedAt).ToListAsync(cancellationToken);
    }
}
