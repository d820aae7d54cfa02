using System.Globalization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.EntityFrameworkCore;
using Safeguard.Core;
using Safeguard.Core.Access;
using Safeguard.Core.Matching;
using Safeguard.Core.People;
using Safeguard.Web.Auth;
using Safeguard.Web.Data;
using Safeguard.Web.Data.Model;
using Safeguard.Web.Features.Shared;

namespace Safeguard.Web.Features.Children;

/// <summary>
/// Finding a child. Searches are posted, not put in the address, so children's names never sit in browser history
/// or server logs. Children the user works with (<see cref="ChildAccessService.RelatedPeopleAsync"/>) are found by
/// any part of a name, a date of birth or an NHS number, with their details. Any other child appears only when the
/// search identifies them (<see cref="IdentifyingSearch"/>: their NHS number, or their full name with their exact
/// date of birth), and then only as "known to" these agencies, with the way to ask for access or break the glass:
/// never their date of birth or anything else from the record. So nobody can list children by typing two letters,
/// and information still meets when someone who knows a child asks about them. Details that fit more than one such
/// child show neither. Every search is logged as a search (what was given, not the values; what came back) and
/// every child shown as seen in a search on their own record. Repeated searching is slowed by the rate limit on
/// POST /children (configured with the application's other limits, not here).
/// </summary>
[EnableRateLimiting(RateLimits.Search)]
public sealed class SearchModel(SafeguardDbContext db, ChildAccessService access) : PageModel
{
    /// <summary>The access log stream searches are written to (the actor column says who searched).</summary>
    public const string SearchStream = "children/search";

    private const int MaximumResults = 50;

    [BindProperty]
    public SearchInput Input { get; set; } = new();

    /// <summary>Children the user works with; null before a search.</summary>
    public List<Result>? Results { get; private set; }

    /// <summary>A child the user does not work with, identified by the search: only who knows them.</summary>
    public KnownChild? Identified { get; private set; }

    /// <summary>The identifying details fit more than one child the user does not work with: none is shown.</summary>
    public bool Ambiguous { get; private set; }

    public sealed class SearchInput
    {
        public string? Name { get; set; }
        public DateInput DateOfBirth { get; set; } = new();
        public string? NhsNumber { get; set; }
    }

    public sealed record Result(Id<Person> Id, string Name, DateOnly? DateOfBirth, IReadOnlyList<string> KnownTo);

    public sealed record KnownChild(Id<Person> Id, IReadOnlyList<string> KnownTo);

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

        // Children the user works with, by whatever was given.
        var related = await access.RelatedPeopleAsync(cancellationToken);
        List<Id<Person>> found = related.Count == 0 ? [] : await Matching(name, dateOfBirth, nhsNumber).Where(p => related.Contains(p.Id))
            .OrderBy(p => p.FamilyName).ThenBy(p => p.GivenName).Take(MaximumResults).Select(p => p.Id).ToListAsync(cancellationToken);
        // A record linked into another as the same person is found, and shown, as the survivor of the two.
        var roots = (await PersonClusters.RootsAsync(db, found, cancellationToken)).Values.ToHashSet();

        // Any other child only if the search identifies them.
        var identifiedRoots = (await PersonClusters.RootsAsync(db, await IdentifiedAsync(name, dateOfBirth, nhsNumber, cancellationToken), cancellationToken))
            .Values.Where(r => !roots.Contains(r)).ToHashSet();

        var bases = new Dictionary<Id<Person>, AccessBasis>();
        foreach (var root in identifiedRoots)
        {
            bases[root] = await access.BasisAsync(root, cancellationToken);
        }
        foreach (var root in roots)
        {
            // A link never widens access (docs/adr/0012): where the survivor is closed to the user but a record of
            // theirs was linked into it, that record is the one listed, and it opens as the user's own.
            var cluster = await access.ClusterAsync(root, cancellationToken);
            var listed = cluster.MaySee(root) ? root : cluster.Visible.FirstOrDefault(root);
            bases[listed] = cluster.BasisFor(listed);
        }
        // The relationship is decided by the same rule that opens the record: a child identified whom the user turns
        // out to work with is listed with them; one listed whom the rule does not open is treated as any other child.
        var shown = bases.Where(b => b.Value != AccessBasis.None).Select(b => b.Key).ToList();
        var others = bases.Where(b => b.Value == AccessBasis.None && identifiedRoots.Contains(b.Key)).Select(b => b.Key).ToList();

        var people = await db.People.AsNoTracking().Where(p => shown.Contains(p.Id)).OrderBy(p => p.FamilyName).ThenBy(p => p.GivenName)
            .Select(p => new { p.Id, p.GivenName, p.FamilyName, p.DateOfBirth }).ToListAsync(cancellationToken);
        var knownTo = await access.KnownToAsync([.. shown, .. others], cancellationToken);
        Results = [];
        foreach (var person in people)
        {
            access.LogSeenInSearch(person.Id, bases[person.Id]);
            Results.Add(new Result(person.Id, $"{person.GivenName} {person.FamilyName}", person.DateOfBirth, knownTo.GetValueOrDefault(person.Id) ?? []));
        }
        if (others.Count == 1)
        {
            var child = others[0];
            access.LogSeenInSearch(child, AccessBasis.None);
            Identified = new KnownChild(child, knownTo.GetValueOrDefault(child) ?? []);
        }
        Ambiguous = others.Count > 1;
        db.RecordAccess(SearchStream, AccessActions.SearchChildren, reason: Describe(name, dateOfBirth, nhsNumber, Results.Count, others.Count));
        await db.SaveChangesAsync(cancellationToken);
        return Page();
    }

    /// <summary>Children's records matching everything given: any part of a name, the exact date of birth, the NHS number.</summary>
    private IQueryable<Person> Matching(string name, DateOnly? dateOfBirth, string? nhsNumber)
    {
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
        return query;
    }

    /// <summary>
    /// Children's records the search identifies, whoever holds them: with an NHS number, the record with that number
    /// (and whatever else was given); otherwise, with a full name and an exact date of birth, the records born that day
    /// that the name names, by their own name or another they hold.
    /// </summary>
    private async Task<List<Id<Person>>> IdentifiedAsync(string name, DateOnly? dateOfBirth, string? nhsNumber, CancellationToken cancellationToken)
    {
        if (nhsNumber is not null)
        {
            return await Matching(name, dateOfBirth, nhsNumber).Take(MaximumResults).Select(p => p.Id).ToListAsync(cancellationToken);
        }
        if (dateOfBirth is not { } born || !IdentifyingSearch.IsFullName(name))
        {
            return [];
        }
        var sameDay = await db.People.AsNoTracking().Where(p => p.Kind == PersonKind.Child && p.DateOfBirth == born)
            .Select(p => new { p.Id, p.GivenName, p.FamilyName }).ToListAsync(cancellationToken);
        var ids = sameDay.Select(p => p.Id).ToList();
        var otherNames = (await db.PersonNames.AsNoTracking().Where(n => ids.Contains(n.PersonId) && n.SupersededAt == null)
            .Select(n => new { n.PersonId, n.Name }).ToListAsync(cancellationToken)).ToLookup(n => n.PersonId, n => n.Name);
        var variants = NameVariants.Default;
        return [.. sameDay.Where(p => IdentifyingSearch.Names(name, p.GivenName, p.FamilyName, variants)
            || otherNames[p.Id].Any(other => IdentifyingSearch.NamesThrough(name, other, p.FamilyName, variants))).Select(p => p.Id)];
    }

    /// <summary>
    /// What the access log keeps of a search: which kinds of detail were given and what came back, never the name,
    /// date or number typed (a name searched for may belong to no child Safeguard holds, and the log is never erased).
    /// </summary>
    private static string Describe(string name, DateOnly? dateOfBirth, string? nhsNumber, int listed, int others)
    {
        var words = TextNormaliser.Tokens(TextNormaliser.Name(name)).Length;
        var named = name.Length == 0 ? "no name"
            : words >= 2 ? string.Create(CultureInfo.InvariantCulture, $"a name of {words} words")
            : string.Create(CultureInfo.InvariantCulture, $"part of a name ({name.Length} characters)");
        var identified = others switch
        {
            0 => "no other child identified",
            1 => "1 other child identified (shown as known, without details)",
            _ => string.Create(CultureInfo.InvariantCulture, $"{others} other children fit the details (none shown)"),
        };
        return string.Create(CultureInfo.InvariantCulture,
            $"Searched with {named}, {(dateOfBirth is null ? "no date of birth" : "a date of birth")}, {(nhsNumber is null ? "no NHS number" : "an NHS number")}. Listed {listed} the user works with; {identified}.");
    }

    private static string EscapeLike(string text) =>
        text.Replace("\\", "\\\\", StringComparison.Ordinal).Replace("%", "\\%", StringComparison.Ordinal).Replace("_", "\\_", StringComparison.Ordinal);
}
