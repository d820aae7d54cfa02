using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Safeguard.Core;
using Safeguard.Web.Auth;
using Safeguard.Web.Data;
using Safeguard.Web.Data.Model;
using Safeguard.Web.Features.Children;

namespace Safeguard.Web.Features.Voice;

/// <summary>Everything the child has said about their life and what they want, newest first.</summary>
public sealed class IndexModel(SafeguardDbContext db, ChildAccessService access) : PageModel
{
    public ChildHeader Header { get; private set; } = null!;
    public ChildVoiceSummary Summary { get; private set; } = null!;
    public List<ChildVoiceSummary.Said> All { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(Id<Person> id, CancellationToken cancellationToken)
    {
        if (await access.OpenAsync(id, AccessActions.ViewChildVoice, cancellationToken) is not { } opened)
        {
            return NotFound();
        }
        Header = ChildHeader.For(opened.Person, opened.Basis, "voice", db.Now, User);
        Summary = await ChildVoiceSummary.ForChildAsync(db, id, cancellationToken);
        All = await ChildVoiceSummary.Voices(db, id).ToListAsync(cancellationToken);
        return Page();
    }
}
