using Microsoft.AspNetCore.Mvc.RazorPages;
using Safeguard.Core.Casework;
using Safeguard.Core.Intelligence;
using Safeguard.Web.Auth;
using Safeguard.Web.Data;
using Safeguard.Web.Features.Disruption;

namespace Safeguard.Web.Features.Intelligence;

/// <summary>
/// Work that has slipped and climbed the ladder to the user, or is theirs and overdue: intelligence the unit has
/// not graded and routed, intelligence an agency has not answered, and suspects not disrupted. No intelligence
/// content is shown here: the links lead to pages that apply the handling conditions.
/// </summary>
public sealed class EscalatedModel(SafeguardDbContext db, IntelligenceSchedule schedule) : PageModel
{
    public List<Row> Rows { get; private set; } = [];

    public sealed record Row(string What, string? Href, string Owner, string Status, EscalationLevel Level);

    public async Task OnGetAsync(CancellationToken cancellationToken) =>
        Rows = await ForAsync(db, schedule, UserContext.From(User), cancellationToken);

    /// <summary>Everything escalated to the user or overdue in their name, most escalated first.</summary>
    public static async Task<List<Row>> ForAsync(SafeguardDbContext db, IntelligenceSchedule schedule, UserContext user, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(user);
        var ladder = await Ladder.LoadAsync(db, cancellationToken);
        var rows = new List<Row>();
        void Add(IEnumerable<Guid> owners, EscalationStatus escalation, string what, string? href, string status)
        {
            if (escalation is { Overdue: true, Current: { } level } && ladder.Reached(owners, level).Contains(user.UserId))
            {
                rows.Add(new Row(what, href, string.Join(", ", owners.Select(ladder.Name).Order(StringComparer.Ordinal)), status, level));
            }
        }
        foreach (var w in await IntelligenceWork.LoadAsync(db, schedule, cancellationToken: cancellationToken))
        {
            if (!w.UnitStatus.Done)
            {
                Add(ladder.Analysts, w.UnitStatus.Escalation, $"Intelligence received {PoleText.Day(w.Item.SubmittedAt)} from {w.FromAgency}, not yet graded and routed",
                    IntelligenceAccess.IsUnit(user) ? $"/intelligence/{w.Item.Id}" : null, PoleText.Describe(w.UnitStatus));
            }
            foreach (var r in w.Routings.Where(r => !r.Status.Done))
            {
                Add([r.Owner], r.Status.Escalation, $"Intelligence routed to {r.Agency} on {PoleText.Day(r.RoutedAt)}, no action or decision recorded",
                    user.AgencyId == r.AgencyId || IntelligenceAccess.IsUnit(user) ? $"/intelligence/{w.Item.Id}" : null, PoleText.Describe(r.Status));
            }
        }
        var mayViewSuspects = await DisruptionWork.AccessAsync(db, user, cancellationToken) != DisruptionAccessLevel.None;
        foreach (var s in await DisruptionWork.LoadAsync(db, schedule, cancellationToken: cancellationToken))
        {
            if (s.Status.NotDisrupted && s.Status.Escalation is { } escalation && s.Owner is { } owner)
            {
                var mine = owner == user.UserId;
                Add([owner], escalation, mayViewSuspects || mine ? $"{s.Name}: identified, not disrupted" : "A suspect identified and not disrupted",
                    mayViewSuspects || mine ? $"/disruption/{s.PersonId}" : null, PoleText.Describe(s.Status.Due!.Value, escalation));
            }
        }
        return [.. rows.OrderByDescending(r => r.Level)];
    }
}
