using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Safeguard.Core;
using Safeguard.Web.Auth;
using Safeguard.Web.Data;
using Safeguard.Web.Data.Model;
using Safeguard.Web.Features.Voice;

namespace Safeguard.Web.Features.Children;

public sealed class RecordModel(SafeguardDbContext db, ChildAccessService access) : PageModel
{
    public ChildHeader Header { get; private set; } = null!;
    public List<PersonName> Names { get; private set; } = [];
    public List<PersonIdentifier> Identifiers { get; private set; } = [];
    public List<PersonAddress> Addresses { get; private set; } = [];
    public List<PersonContact> Contacts { get; private set; } = [];
    public List<PersonVulnerability> Vulnerabilities { get; private set; } = [];
    public List<CaseSummary> Cases { get; private set; } = [];
    public ChildVoiceSummary? Voice { get; private set; }
    public ChildScreening? Screening { get; private set; }
    public List<LinkedRecord> Linked { get; private set; } = [];
    public int PossibleMatches { get; private set; }

    /// <summary>
    /// Set when records of this child held by others are linked with this one but closed to the user: the record to
    /// ask for, and who knows the child (what search would show).
    /// </summary>
    public ClosedRecords? Closed { get; private set; }

    public sealed record ClosedRecords(Id<Person> AskFor, IReadOnlyList<string> KnownTo);

    public sealed record CaseSummary(string Agency, string Category, string Reference, string? Lead);

    /// <summary>A record linked into this one as the same person: what it said, and when and how it was linked.</summary>
    public sealed record LinkedRecord(string Name, DateOnly? DateOfBirth, string? NhsNumber, string RecordedBy, DateTimeOffset LinkedAt, bool Automatic);

    public async Task<IActionResult> OnGetAsync(Id<Person> id, CancellationToken cancellationToken)
    {
        if (await access.OpenAsync(id, AccessActions.ViewRecord, cancellationToken) is not { } opened)
        {
            return NotFound();
        }
        Header = ChildHeader.For(opened.Person, opened.Basis, "record", db.Now, User);
        if (opened.Person.Kind == PersonKind.Child)
        {
            Voice = await ChildVoiceSummary.ForChildAsync(db, id, cancellationToken);
            Screening = await db.Screenings.AsNoTracking().Where(s => s.PersonId == id).OrderByDescending(s => s.RecordedAt).FirstOrDefaultAsync(cancellationToken);
        }
        // The combined record: everything recorded on the records linked with this one as the same person that the
        // user may see. A link never opens another agency's record to them: they are told it exists and how to ask.
        var cluster = opened.Cluster.Visible;
        if (opened.Cluster.HidesSome)
        {
            var askFor = opened.Cluster.First;
            Closed = new ClosedRecords(askFor, (await access.KnownToAsync([askFor], cancellationToken)).GetValueOrDefault(askFor) ?? []);
        }
        Names = await db.PersonNames.AsNoTracking().Where(n => cluster.Contains(n.PersonId) && n.SupersededAt == null).OrderBy(n => n.RecordedAt).ToListAsync(cancellationToken);
        Identifiers = await db.PersonIdentifiers.AsNoTracking().Where(n => cluster.Contains(n.PersonId) && n.SupersededAt == null).ToListAsync(cancellationToken);
        Addresses = await db.PersonAddresses.AsNoTracking().Where(n => cluster.Contains(n.PersonId) && n.SupersededAt == null).ToListAsync(cancellationToken);
        Addresses = [.. Addresses.OrderByDescending(a => a.From ?? DateOnly.MinValue)];
        Contacts = await db.PersonContacts.AsNoTracking().Where(n => cluster.Contains(n.PersonId) && n.SupersededAt == null).ToListAsync(cancellationToken);
        Vulnerabilities = await db.PersonVulnerabilities.AsNoTracking().Where(n => cluster.Contains(n.PersonId) && n.EndedAt == null).ToListAsync(cancellationToken);
        Linked = await db.PersonMerges.AsNoTracking().Where(m => m.UndoneAt == null && cluster.Contains(m.MergedId) && m.MergedId != id)
            .Join(db.People, m => m.MergedId, p => p.Id, (m, p) => new { m, p })
            .Join(db.Agencies, x => x.p.CreatedByAgencyId, a => a.Id, (x, a) => new LinkedRecord(
                x.p.GivenName + " " + x.p.FamilyName, x.p.DateOfBirth, x.p.NhsNumber, a.Name, x.m.At, x.m.Method == MergeMethod.Automatic))
            .ToListAsync(cancellationToken);
        PossibleMatches = await db.PersonMatchReviews.CountAsync(r => r.Status == MatchReviewStatus.Pending
            && (cluster.Contains(r.PersonId) || cluster.Contains(r.CandidateId)), cancellationToken);
        var cases = await db.Cases.AsNoTracking().Where(c => cluster.Contains(c.PersonId) && c.ClosedAt == null)
            .Join(db.Agencies, c => c.AgencyId, a => a.Id, (c, a) => new { c.Id, Agency = a.Name, c.Category, c.Reference })
            .ToListAsync(cancellationToken);
        var caseIds = cases.Select(c => c.Id).ToList();
        var leads = await db.CaseAllocations.AsNoTracking().Where(a => caseIds.Contains(a.CaseId) && a.IsLead && a.EndedAt == null)
            .Join(db.Users, a => a.UserId, u => u.Id, (a, u) => new { a.CaseId, u.DisplayName }).ToListAsync(cancellationToken);
        Cases = cases.Select(c => new CaseSummary(c.Agency, c.Category, c.Reference, leads.FirstOrDefault(l => l.CaseId == c.Id)?.DisplayName))
            .OrderBy(c => c.Agency, StringComparer.Ordinal).ToList();
        return Page();
    }
}
