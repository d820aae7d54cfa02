using System.Globalization;
using Safeguard.Core.Calendar;
using Safeguard.Core.Casework;
using Safeguard.Core.Intelligence;
using Safeguard.Core.Network;
using Safeguard.Web.Data.Model;

namespace Safeguard.Web.Features.Intelligence;

/// <summary>How intelligence and POLE values read on a page.</summary>
public static class PoleText
{
    public static string Describe(PlaceKind kind) => kind switch
    {
        PlaceKind.TaxiOffice => "Taxi office",
        PlaceKind.TaxiRank => "Taxi rank",
        PlaceKind.ShoppingCentre => "Shopping centre",
        PlaceKind.BusStation => "Bus station",
        PlaceKind.RailwayStation => "Railway station",
        _ => kind.ToString(),
    };

    public static string Describe(PoleEventKind kind) => kind == PoleEventKind.MissingEpisode ? "Missing episode" : kind.ToString();

    public static string Describe(NodeKind kind) => kind switch
    {
        NodeKind.Account => "Online account",
        _ => kind.ToString(),
    };

    public static string Describe(PersonRole role) => role == PersonRole.None ? "" : role.ToString();

    /// <summary>A link kind as a phrase between two names: "Amber Lewis travelled in NB19 ABC".</summary>
    public static string Describe(LinkKind kind) => Vocabulary.Name(kind).Replace('-', ' ');

    public static string Describe(LinkConfidence confidence) => confidence.ToString();

    public static string Describe(OutcomeKind kind) => kind switch
    {
        OutcomeKind.ActionTaken => "Action taken",
        OutcomeKind.Corroborated => "Checked and fed back (corroboration)",
        _ => "Decision: no action",
    };

    public static string When(DateTimeOffset at) => Shared.UkTime.ToLocal(at).ToString("d MMM yyyy HH:mm", CultureInfo.InvariantCulture);

    public static string Day(DateTimeOffset at) => Shared.UkTime.ToLocal(at).ToString("d MMM yyyy", CultureInfo.InvariantCulture);

    public static string Day(DateOnly date) => date.ToString("d MMM yyyy", CultureInfo.InvariantCulture);

    public static string Describe(EscalationLevel level) => level switch
    {
        EscalationLevel.Owner => "owner",
        EscalationLevel.TeamManager => "team manager",
        EscalationLevel.SeniorManager => "senior manager",
        _ => "partnership",
    };

    /// <summary>Where a piece of work stands, in words: "Due by 20 Mar 2026", "Overdue: was due by 20 Mar 2026; escalated to the senior manager".</summary>
    public static string Describe(WorkStatus status)
    {
        ArgumentNullException.ThrowIfNull(status);
        if (status.Done)
        {
            return status.DoneLate ? $"Done late, {Day(status.DoneAt!.Value)} (was due by {Day(status.Due.Date)})" : $"Done, {Day(status.DoneAt!.Value)}";
        }
        return Describe(status.Due, status.Escalation);
    }

    public static string Describe(Deadline due, EscalationStatus escalation)
    {
        ArgumentNullException.ThrowIfNull(escalation);
        if (!escalation.Overdue)
        {
            return $"Due by {Day(due.Date)}";
        }
        return escalation.Current is { } level and not EscalationLevel.Owner
            ? $"Overdue: was due by {Day(due.Date)}; escalated to the {Describe(level)}"
            : $"Overdue: was due by {Day(due.Date)}";
    }
}
