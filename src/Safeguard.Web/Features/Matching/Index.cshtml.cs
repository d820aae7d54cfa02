using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Safeguard.Core;
using Safeguard.Core.Matching;
using Safeguard.Web.Auth;
using Safeguard.Web.Data;
using Safeguard.Web.Data.Model;

namespace Safeguard.Web.Features.Matching;

/// <summary>
/// The front door's queue of possible matches, and the links made recently (automatic or reviewed) with a way to
/// undo each. Front-door triage reviews matches because deciding needs both records side by side, and the front door
/// is the partnership's team whose work is to look across agencies' records; a practitioner related to one of the
/// two children would otherwise see the other child's details without a relationship (docs/adr/0008). Every child
/// named here is written to the access log as seen.
/// </summary>
[Authorize(Policy = Policies.FrontDoor)]
public sealed class IndexModel(SafeguardDbContext db) : PageModel
{
    /// <summary>Links this recent are listed with an undo; older ones are undone from the record's history.</summary>
    public static readonly TimeSpan RecentLinks = TimeSpan.FromDays(30);

    public const string AccessBasisName = "FrontDoor";

    public List<PendingRow> Pending { get; private set; } = [];
    public List<LinkRow> Links { get; private set; } = [];

    public sealed record PendingRow(Id<PersonMatchReview> Id, string Person, DateOnly? PersonBorn, string Candidate, DateOnly? CandidateBorn, double Probability, ReviewReason Reason, DateTimeOffset At);
    public sealed record LinkRow(Id<PersonMerge> Id, string Survivor, string Merged, MergeMethod Method, double Probability, DateTimeOffset At);

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        var pending = await db.PersonMatchReviews.AsNoTracking().Where(r => r.Status == MatchReviewStatus.Pending)
            .OrderByDescending(r => r.Probability).ThenBy(r => r.CreatedAt).Take(200)
            .Join(db.People, r => r.PersonId, p => p.Id, (r, p) => new { r, Person = p.GivenName + " " + p.FamilyName, PersonBorn = p.DateOfBirth })
            .Join(db.People, x => x.r.CandidateId, p => p.Id, (x, p) => new { x.r, x.Person, x.PersonBorn, Candidate = p.GivenName + " " + p.FamilyName, CandidateBorn = p.DateOfBirth })
            .ToListAsync(cancellationToken);
        Pending = [.. pending.Select(x => new PendingRow(x.r.Id, x.Person, x.PersonBorn, x.Candidate, x.CandidateBorn, x.r.Probability, x.r.Reason, x.r.CreatedAt))];
        var since = db.Now - RecentLinks;
        var links = await db.PersonMerges.AsNoTracking().Where(m => m.UndoneAt == null && m.At >= since).OrderByDescending(m => m.At)
            .Join(db.People, m => m.SurvivorId, p => p.Id, (m, p) => new { m, Survivor = p.GivenName + " " + p.FamilyName })
            .Join(db.People, x => x.m.MergedId, p => p.Id, (x, p) => new { x.m, x.Survivor, Merged = p.GivenName + " " + p.FamilyName })
            .ToListAsync(cancellationToken);
        Links = [.. links.Select(x => new LinkRow(x.m.Id, x.Survivor, x.Merged, x.m.Method, x.m.Probability, x.m.At))];
        var shown = pending.SelectMany(x => new[] { x.r.PersonId, x.r.CandidateId }).Concat(links.SelectMany(x => new[] { x.m.SurvivorId, x.m.MergedId })).Distinct();
        foreach (var person in shown)
        {
            db.RecordAccess(Person.PersonStream(person), AccessActions.SeenInMatchQueue, AccessBasisName);
        }
        await db.SaveChangesAsync(cancellationToken);
    }
}
