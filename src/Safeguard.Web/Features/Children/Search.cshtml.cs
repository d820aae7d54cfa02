using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.EntityFrameworkCore;
using Safeguard.Core;
using Safeguard.Core.Access;
using Safeguard.Core.People;
using Safeguard.Web.Auth;
using Safeguard.Web.Data;
using Safeguard.Web.Data.Model;
using Safeguard.Web.Features.Shared;

namespace Safeguard.Web.Features.Children;

/// <summary>
/// Finding a child. Searches are posted, not put in the address, so children's names never sit in browser history
/// or server logs. Anyone may learn that a child is known and to which agencies (that is how information meets);
/// only a relationship opens the record. Every child shown is written to the access log as seen in a search.
/// </summary>
[EnableRateLimiting(RateLimits.Search)]
public sealed class SearchModel(SafeguardDbContext db, ChildAccessService access) : PageModel
{
    private const int MaximumResults = 50;

    [BindProperty]
    public SearchInput Input { get; set; } = new();

    public List<Result>? Results { get; private set; }

    public sealed class SearchInput
    {
        public string? Name { get; set; }
        public DateInput DateOfBirth { get; set; } = new();
        public string? NhsNumber { get; set; }
    }

    public sealed record Result(Id<Person> Id, string Name, DateOnly? DateOfBirth, IReadOnlyList<string> KnownTo, bool CanOpen);

    public void OnGet()
    {
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        var name = Input.Name?.Trim() ?? "";
        DateOnly? dateOfBirth = null;
        if (!Input.DateOfBirth.IsEmpty)
        {
            if (Input.DateOfBirth.TryParse("Date of birth", out var date, out var error))
            {
                dateOfBirth = date;
            }
            else
            {
                ModelState.AddModelError("Input.DateOfBirth", error);
            }
        }
        string? nhsNumber = null;
        if (!string.IsNullOrWhiteSpace(Input.NhsNumber))
        {
            nhsNumber = NhsNumber.Normalise(Input.NhsNumber);
            if (nhsNumber is null || !NhsNumber.IsValid(nhsNumber))
            {
                ModelState.AddModelError("Input.NhsNumber", "Enter a valid NHS number: 10 digits, like 943 476 5919");
            }
        }
        if (name.Length > 200)
        {
            ModelState.AddModelError("Input.Name", "Name must be 200 characters or fewer");
        }
        if (ModelState.IsValid && name.Length < 2 && dateOfBirth is null && nhsNumber is null)
        {
            ModelState.AddModelError("Input.Name", "Enter at least 2 letters of a name, a date of birth or an NHS number");
        }
        if (!ModelState.IsValid)
        {
            return Page();
        }

        var query = db.People.AsNoTracking().Where(p => p.Kind == PersonKind.Child);
        if (nhsNumber is not null)
        {
            query = query.Where(p => p.NhsNumber == nhsNumber);
        }
        if (dateOfBirth is not null)
        {
            query = query.Where(p => p.DateOfBirth == dateOfBirth);
        }
        foreach (var word in name.Split(' ', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            var pattern = $"%{EscapeLike(word.ToLowerInvariant())}%";
#pragma warning disable CA1304, CA1311 // string.ToLower() here is translated to SQL lower(), not run in .NET
            query = query.Where(p => EF.Functions.Like(p.GivenName.ToLower(), pattern, "\\")
                || EF.Functions.Like(p.FamilyName.ToLower(), pattern, "\\")
                || db.PersonNames.Any(n => n.PersonId == p.Id && n.SupersededAt == null && EF.Functions.Like(n.Name.ToLower(), pattern, "\\")));
#pragma warning restore CA1304, CA1311
        }
        var found = await query.OrderBy(p => p.FamilyName).ThenBy(p => p.GivenName).Take(MaximumResults).Select(p => p.Id).ToListAsync(cancellationToken);
        // A record linked into another as the same person is found, and shown, as the survivor of the two.
        var roots = (await PersonClusters.RootsAsync(db, found, cancellationToken)).Values.Distinct().ToList();
        var people = await db.People.AsNoTracking().Where(p => roots.Contains(p.Id)).OrderBy(p => p.FamilyName).ThenBy(p => p.GivenName)
            .Select(p => new { p.Id, p.GivenName, p.FamilyName, p.DateOfBirth }).ToListAsync(cancellationToken);
        var knownTo = await access.KnownToAsync(people.Select(p => p.Id).ToList(), cancellationToken);

        Results = [];
        foreach (var person in people)
        {
            var basis = await access.LogSeenInSearchAsync(person.Id, cancellationToken);
            Results.Add(new Result(person.Id, $"{person.GivenName} {person.FamilyName}", person.DateOfBirth,
                knownTo.GetValueOrDefault(person.Id) ?? [], basis != AccessBasis.None));
        }
        await db.SaveChangesAsync(cancellationToken);
        return Page();
    }

    private static string EscapeLike(string text) =>
        text.Replace("\\", "\\\\", StringComparison.Ordinal).Replace("%", "\\%", StringComparison.Ordinal).Replace("_", "\\_", StringComparison.Ordinal);
}
