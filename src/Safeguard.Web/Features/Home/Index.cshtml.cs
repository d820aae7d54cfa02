using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Safeguard.Core;
using Safeguard.Web.Auth;
using Safeguard.Web.Data;
using Safeguard.Web.Data.Model;

namespace Safeguard.Web.Features.Home;

public sealed class IndexModel(SafeguardDbContext db, Core.Intelligence.IntelligenceSchedule schedule, Reviews.BreakGlassReviewing reviewing) : PageModel
{
    public new UserContext User { get; private set; } = null!;
    public string AgencyName { get; private set; } = "";
    public List<ChildLink> MyChildren { get; private set; } = [];
    public int PendingReviews { get; private set; }
    public Intelligence.IntelligenceHome Intelligence { get; private set; } = null!;

    public sealed record ChildLink(Id<Person> Id, string Name, string Reference, string Category);

    public async Task OnGetAsync()
    {
        User = UserContext.From(base.User);
        var userId = User.UserId;
        AgencyName = await db.Agencies.Where(a => a.Id == User.AgencyId).Select(a => a.Name).SingleAsync();
        MyChildren = await db.CaseAllocations.Where(a => a.UserId == userId && a.EndedAt == null)
            .Join(db.Cases.Where(c => c.ClosedAt == null), a => a.CaseId, c => c.Id, (a, c) => c)
            .Join(db.People, c => c.PersonId, p => p.Id, (c, p) => new { p.Id, p.GivenName, p.FamilyName, c.Reference, c.Category })
            .OrderBy(x => x.FamilyName).ThenBy(x => x.GivenName)
            .Select(x => new ChildLink(x.Id, x.GivenName + " " + x.FamilyName, x.Reference, x.Category))
            .ToListAsync();
        PendingReviews = (await reviewing.QueueForAsync(userId)).Count;
        Intelligence = await Features.Intelligence.IntelligenceHome.ForAsync(db, schedule, User);
    }
}
