using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Safeguard.Core;
using Safeguard.Core.Access;
using Safeguard.Web.Auth;
using Safeguard.Web.Data;
using Safeguard.Web.Data.Model;

namespace Safeguard.Web.Features.Children;

/// <summary>
/// Who has viewed a child's record: for managers of agencies working with the child, and for independent
/// scrutineers (who need no relationship: checking everyone's access is their job). Reading it is logged too.
/// </summary>
public sealed class WhoViewedModel(SafeguardDbContext db, ChildAccessService access) : PageModel
{
    public ChildHeader? Header { get; private set; }
    public string Name { get; private set; } = "";
    public List<Row> Rows { get; private set; } = [];

    public sealed record Row(DateTimeOffset At, string Who, string Agency, string Action, string? Basis, string? Reason);

    public async Task<IActionResult> OnGetAsync(Id<Person> id, CancellationToken cancellationToken)
    {
        var person = await db.People.AsNoTracking().SingleOrDefaultAsync(p => p.Id == id, cancellationToken);
        var cluster = await access.ClusterAsync(id, cancellationToken);
        var basis = cluster.BasisFor(id);
        var roles = Roles.All.Where(User.IsInRole).ToList();
        if (person is null || !ChildRecordAccess.MaySeeWhoViewed(roles, basis))
        {
            return NotFound();
        }
        db.RecordAccess(Person.PersonStream(id), AccessActions.ViewWhoViewed, basis.ToString());
        await db.SaveChangesAsync(cancellationToken);
        Name = person.FullName;
        if (basis != AccessBasis.None)
        {
            Header = ChildHeader.For(person, basis, "who-viewed", db.Now, User);
        }
        // Views of the records linked with this one as the same person: those the manager may see (a link opens no other
        // agency's record, nor who read it); every one of them for a scrutineer, whose job is to check everyone.
        var records = roles.Contains(Roles.Scrutineer) ? cluster.Members : cluster.Visible;
        var streams = records.Select(Person.PersonStream).ToList();
        var entries = await db.AccessLog.AsNoTracking().Where(e => streams.Contains(e.Stream))
            .OrderByDescending(e => e.Sequence).Take(500).ToListAsync(cancellationToken);
        Rows = await AccessLogRows.DescribeAsync(db, entries, cancellationToken);
        return Page();
    }
}

/// <summary>Turns access log entries into rows naming the person and agency behind each actor id.</summary>
public static class AccessLogRows
{
    public static async Task<List<WhoViewedModel.Row>> DescribeAsync(SafeguardDbContext db, List<AccessLogEntry> entries, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(entries);
        var userIds = entries.Select(e => e.Actor.StartsWith("user/", StringComparison.Ordinal) && Guid.TryParse(e.Actor[5..], out var g) ? g : Guid.Empty)
            .Where(g => g != Guid.Empty).Distinct().ToList();
        var users = await db.Users.AsNoTracking().Where(u => userIds.Contains(u.Id))
            .Join(db.Agencies, u => u.AgencyId, a => a.Id, (u, a) => new { u.Id, u.DisplayName, Agency = a.Name })
            .ToDictionaryAsync(u => $"user/{u.Id}", cancellationToken);
        return entries.Select(e => users.TryGetValue(e.Actor, out var u)
                ? new WhoViewedModel.Row(e.At, u.DisplayName, u.Agency, e.Action, e.Basis, e.Reason)
                : new WhoViewedModel.Row(e.At, e.Actor, e.Agency, e.Action, e.Basis, e.Reason))
            .ToList();
    }
}
