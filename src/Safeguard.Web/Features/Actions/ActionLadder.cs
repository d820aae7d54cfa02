using Safeguard.Core.Casework;
using Safeguard.Web.Data.Model;

namespace Safeguard.Web.Features.Actions;

/// <summary>Where an action stands on the escalation ladder now, and who is named at each step reached.</summary>
public sealed record ActionLadder(EscalationStatus Status, IReadOnlyList<(EscalationReached Step, IReadOnlyList<Guid> People)> Steps)
{
    public static ActionLadder For(CaseworkSchedule schedule, CaseAction action, EscalationRecipients staff, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(schedule);
        ArgumentNullException.ThrowIfNull(action);
        ArgumentNullException.ThrowIfNull(staff);
        var status = schedule.Escalation(action.Due, action.CompletedAt, now);
        return new ActionLadder(status, [.. status.Reached.Select(r => (r, staff.For(r.Level, action.OwnerUserId)))]);
    }

    /// <summary>The highest step above the owner at which <paramref name="user"/> is named, if the action has reached one.</summary>
    public EscalationLevel? EscalatedTo(Guid user) =>
        Steps.Where(s => s.Step.Level != EscalationLevel.Owner && s.People.Contains(user)).Select(s => (EscalationLevel?)s.Step.Level).LastOrDefault();

    public bool Overdue => Status.Overdue;

    public string Tag => Status switch
    {
        { Overdue: true, Current: > EscalationLevel.Owner } => "govuk-tag--red",
        { Overdue: true } => "govuk-tag--orange",
        { Current: EscalationLevel.Owner } => "govuk-tag--yellow",
        _ => "govuk-tag--blue",
    };

    public string Words(CaseAction action)
    {
        ArgumentNullException.ThrowIfNull(action);
        if (action.CompletedAt is not null)
        {
            return action.CompletedAt >= action.DueAt ? "Done late" : "Done";
        }
        return Status switch
        {
            { Overdue: true, Current: { } level and > EscalationLevel.Owner } => $"Overdue: with the {CaseworkText.Describe(level).ToLowerInvariant()}",
            { Overdue: true } => "Overdue",
            { Current: EscalationLevel.Owner } => "Due today",
            _ => "Open",
        };
    }
}
