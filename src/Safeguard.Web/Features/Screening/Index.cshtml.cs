using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Safeguard.Core;
using Safeguard.Core.Screening;
using Safeguard.Web.Auth;
using Safeguard.Web.Data;
using Safeguard.Web.Data.Model;
using Safeguard.Web.Features.Children;
using Safeguard.Web.Features.Exploitation;
using Safeguard.Web.Features.Shared;

namespace Safeguard.Web.Features.Screening;

/// <summary>
/// A child's CSE screening: the band in force, the score and how it was reached item by item, the automatic rules
/// and overrides, when re-screening is due, every earlier entry, and what agencies have recorded that the rules read
/// as signs of exploitation.
/// </summary>
public sealed class IndexModel(SafeguardDbContext db, ChildAccessService access, HiddenExploitationReader exploitation) : PageModel
{
    public ChildHeader Header { get; private set; } = null!;
    public List<ScreeningRows.Entry> Entries { get; private set; } = [];
    public ScreeningRows.Entry? Current => Entries.Count == 0 ? null : Entries[^1];
    /// <summary>The scored screening the band in force rests on (the current entry, or the one an override changed).</summary>
    public ScreeningRows.Entry? Scored => Entries.LastOrDefault(e => e.Row.Kind == ScreeningEntryKind.Screening);
    public ExploitationAssessment? Recorded { get; private set; }
    public DateOnly Today { get; private set; }

    public async Task<IActionResult> OnGetAsync(Id<Person> id, CancellationToken cancellationToken)
    {
        if (await access.OpenAsync(id, AccessActions.ViewScreening, cancellationToken) is not { } opened)
        {
            return NotFound();
        }
        Header = ChildHeader.For(opened.Person, opened.Basis, "screening", db.Now, User);
        Today = UkTime.DateOf(db.Now);
        Entries = await ScreeningRows.ForChildAsync(db, id, cancellationToken);
        // What agencies recorded, read from the linked records the user may see: a link opens nothing else.
        Recorded = (await exploitation.AssessRecordsAsync(id, opened.Cluster.Visible, Today, cancellationToken))?.Assessment;
        return Page();
    }
}
