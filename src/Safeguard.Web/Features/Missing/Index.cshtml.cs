using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Safeguard.Core;
using Safeguard.Core.Casework;
using Safeguard.Web.Auth;
using Safeguard.Web.Casework;
using Safeguard.Web.Data;
using Safeguard.Web.Data.Model;
using Safeguard.Web.Features.Children;

namespace Safeguard.Web.Features.Missing;

/// <summary>A child's missing episodes: each return home interview's state (due, overdue, held in time or late), and any repeat-missing pattern.</summary>
public sealed class IndexModel(SafeguardDbContext db, ChildAccessService access, CaseworkSchedule schedule) : PageModel
{
    public ChildHeader Header { get; private set; } = null!;
    public ChildCasework Casework { get; private set; } = null!;
    public IReadOnlyList<RepeatMissingTrigger> Repeats { get; private set; } = [];
    public DateTimeOffset Now { get; private set; }

    public async Task<IActionResult> OnGetAsync(Id<Person> id, CancellationToken cancellationToken)
    {
        if (await access.OpenAsync(id, AccessActions.ViewCasework, cancellationToken) is not { } opened)
        {
            return NotFound();
        }
        Now = db.Now;
        Header = ChildHeader.For(opened.Person, opened.Basis, "missing", Now, User);
        Casework = await ChildCasework.LoadAsync(db, id, cancellationToken);
        Repeats = schedule.RepeatMissing(Casework.MissingFacts);
        return Page();
    }

    public ReturnHomeInterviewStatus Interview(MissingEpisodeRecord episode) =>
        schedule.ReturnHomeInterview(new MissingEpisode(episode.WentMissingAt, episode.ReturnedAt, Casework.InterviewFor(episode)?.CompletedAt), Now);

    public static string Words(ReturnHomeInterviewState state) => state switch
    {
        ReturnHomeInterviewState.StillMissing => "Still missing",
        ReturnHomeInterviewState.Due => "Interview due",
        ReturnHomeInterviewState.Overdue => "Interview overdue",
        ReturnHomeInterviewState.HeldInTime => "Interview held in time",
        _ => "Interview held late",
    };

    public static string Tag(ReturnHomeInterviewState state) => state switch
    {
        ReturnHomeInterviewState.StillMissing => "govuk-tag--red",
        ReturnHomeInterviewState.Overdue => "govuk-tag--red",
        ReturnHomeInterviewState.HeldLate => "govuk-tag--orange",
        ReturnHomeInterviewState.HeldInTime => "govuk-tag--green",
        _ => "govuk-tag--yellow",
    };
}
