using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Safeguard.Core;
using Safeguard.Core.Access;
using Safeguard.Web.Auth;
using Safeguard.Web.Data;
using Safeguard.Web.Data.Model;
using Safeguard.Web.Features.Shared;

namespace Safeguard.Web.Features.Children;

public sealed class RequestAccessModel(SafeguardDbContext db, ChildAccessService access) : PageModel
{
    [BindProperty]
    public ReasonInput Input { get; set; } = new();

    public Id<Person> Id { get; private set; }
    public string Name { get; private set; } = "";
    public IReadOnlyList<string> KnownTo { get; private set; } = [];
    public bool Pending { get; private set; }

    public sealed class ReasonInput
    {
        public string? Reason { get; set; }
    }

    public async Task<IActionResult> OnGetAsync(Id<Person> id, CancellationToken cancellationToken) =>
        await LoadAsync(id, cancellationToken) ?? Page();

    public async Task<IActionResult> OnPostAsync(Id<Person> id, CancellationToken cancellationToken)
    {
        if (await LoadAsync(id, cancellationToken) is { } early)
        {
            return early;
        }
        if (Pending)
        {
            return Page();
        }
        var reason = ModelState.AccessReason(Input.Reason, "Input.Reason", "Enter why you need access", "say what your work with this child is");
        if (!ModelState.IsValid)
        {
            return Page();
        }
        db.AccessRequests.Add(new AccessRequest
        {
            PersonId = id,
            RequestedByUserId = access.User.UserId,
            Reason = reason,
            RequestedAt = db.Now,
            Status = AccessRequestStatus.Pending,
        });
        db.RecordAccess(Person.PersonStream(id), AccessActions.RequestAccess, nameof(AccessBasis.None), reason);
        await db.SaveChangesAsync(cancellationToken);
        return Redirect($"/children/{id}/request-access");
    }

    private async Task<IActionResult?> LoadAsync(Id<Person> id, CancellationToken cancellationToken)
    {
        // Children only: this is the way in from search, which finds children only. An adult's name (a suspect the
        // intelligence unit linked) must not be told to whoever holds their id: answered as an id that does not exist.
        var person = await db.People.AsNoTracking().Where(p => p.Id == id && p.Kind == PersonKind.Child).Select(p => new { p.GivenName, p.FamilyName }).SingleOrDefaultAsync(cancellationToken);
        if (person is null)
        {
            return NotFound();
        }
        if (await access.BasisAsync(id, cancellationToken) != AccessBasis.None)
        {
            return Redirect($"/children/{id}");
        }
        Id = id;
        Name = $"{person.GivenName} {person.FamilyName}";
        KnownTo = (await access.KnownToAsync([id], cancellationToken)).GetValueOrDefault(id) ?? [];
        var userId = access.User.UserId;
        Pending = await db.AccessRequests.AnyAsync(r => r.PersonId == id && r.RequestedByUserId == userId && r.Status == AccessRequestStatus.Pending, cancellationToken);
        return null;
    }
}
