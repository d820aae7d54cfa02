using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Safeguard.Web.Auth;
using Safeguard.Web.Data;
using Safeguard.Web.Data.Model;

namespace Safeguard.Web.Features.Admin;

/// <summary>The partnership administrator's list of accounts, where an account is switched off or on.</summary>
[Authorize(Policy = Policies.PartnershipAdmin)]
public sealed class UsersModel(SafeguardDbContext db, UserManager<AppUser> users) : PageModel
{
    public List<Row> Rows { get; private set; } = [];

    public sealed record Row(Guid Id, string Name, string Email, string Agency, IReadOnlyList<string> Roles, bool Active);

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        var people = await db.Users.AsNoTracking()
            .Join(db.Agencies, u => u.AgencyId, a => a.Id, (u, a) => new { u.Id, u.DisplayName, u.Email, Agency = a.Name, u.IsActive })
            .OrderBy(u => u.Agency).ThenBy(u => u.DisplayName).ToListAsync(cancellationToken);
        var roles = await db.UserRoles.AsNoTracking().Join(db.Roles, ur => ur.RoleId, r => r.Id, (ur, r) => new { ur.UserId, r.Name }).ToListAsync(cancellationToken);
        Rows = people.Select(u => new Row(u.Id, u.DisplayName, u.Email ?? "", u.Agency,
            roles.Where(r => r.UserId == u.Id).Select(r => r.Name ?? "").ToList(), u.IsActive)).ToList();
    }

    public async Task<IActionResult> OnPostSetActiveAsync(Guid id, bool active)
    {
        var user = await users.FindByIdAsync(id.ToString());
        if (user is null)
        {
            return NotFound();
        }
        if (user.Id == UserContext.From(User).UserId && !active)
        {
            return BadRequest();
        }
        user.IsActive = active;
        await users.UpdateAsync(user);
        // A new security stamp signs the user out everywhere within the validation interval.
        await users.UpdateSecurityStampAsync(user);
        return RedirectToPage();
    }
}
