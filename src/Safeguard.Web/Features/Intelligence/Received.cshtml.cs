using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Safeguard.Core.Intelligence;
using Safeguard.Web.Auth;
using Safeguard.Web.Data;

namespace Safeguard.Web.Features.Intelligence;

/// <summary>
/// Intelligence the unit has passed to the user's agency, each with its owner and deadline. Only what the
/// handling code lets the agency see is listed, decided again on every read.
/// </summary>
public sealed class ReceivedModel(SafeguardDbContext db, IntelligenceSchedule schedule) : PageModel
{
    public List<Row> Rows { get; private set; } = [];
    public string AgencyName { get; private set; } = "";

    public sealed record Row(ItemWork Work, RoutingWork Routing, string Title, string Owner);

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        var user = UserContext.From(User);
        AgencyName = await db.Agencies.Where(a => a.Id == user.AgencyId).Select(a => a.Name).SingleAsync(cancellationToken);
        var police = await IntelligenceAccess.IsPoliceAsync(db, user.AgencyId, cancellationToken);
        var work = await IntelligenceWork.LoadAsync(db, schedule, cancellationToken: cancellationToken);
        var ladder = await Ladder.LoadAsync(db, cancellationToken);
        foreach (var w in work)
        {
            if (w.Routings.FirstOrDefault(r => r.AgencyId == user.AgencyId) is not { } routing)
            {
                continue;
            }
            var view = Handling.View(w.Item.HandlingFacts, new Viewer(IntelligenceAccess.IsUnit(user), w.Item.SubmittedByUserId == user.UserId, true, police));
            if (view.Visibility is ItemVisibility.None)
            {
                continue;
            }
            Rows.Add(new Row(w, routing, OpenedItem.TitleFor(w.Item, view.Visibility), ladder.Name(routing.Owner)));
        }
        Rows = [.. Rows.OrderBy(r => r.Routing.Status.Done).ThenByDescending(r => r.Routing.Status.Overdue).ThenBy(r => r.Routing.RoutedAt)];
    }
}
