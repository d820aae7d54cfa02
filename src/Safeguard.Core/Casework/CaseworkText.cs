using System.Globalization;

namespace Safeguard.Core.Casework;

/// <summary>The plain words pages, notifications and the review chronology use for casework terms.</summary>
public static class CaseworkText
{
    public static string Describe(MeetingKind kind) => kind switch
    {
        MeetingKind.StrategyDiscussion => "Strategy discussion",
        MeetingKind.InitialConference => "Initial child protection conference",
        MeetingKind.ReviewConference => "Review child protection conference",
        _ => "Core group meeting",
    };

    public static string Describe(EscalationLevel level) => level switch
    {
        EscalationLevel.Owner => "Owner",
        EscalationLevel.TeamManager => "Team manager",
        EscalationLevel.SeniorManager => "Senior manager",
        _ => "Partnership",
    };

    public static string Describe(AttendanceStatus status) => status switch
    {
        AttendanceStatus.Attended => "Attended",
        AttendanceStatus.Apologies => "Sent apologies",
        _ => "No response",
    };

    public static string Describe(ShortfallKind kind) => kind switch
    {
        ShortfallKind.ConcernDecidedLate => "Concern decided late",
        ShortfallKind.ConcernNotDecided => "Concern not decided",
        ShortfallKind.ActionOverdue => "Action overdue",
        ShortfallKind.AgencyAbsent => "Meeting missed by an agency",
        ShortfallKind.RepeatedAbsence => "Meetings missed repeatedly",
        ShortfallKind.MeetingHeldLate => "Meeting held late",
        ShortfallKind.MeetingNotHeld => "Meeting not held",
        ShortfallKind.ReturnHomeInterviewLate => "Return home interview late",
        _ => "Return home interview not held",
    };

    /// <summary>A local date as the pages write it: "16 March 2026".</summary>
    public static string Date(DateOnly date) => date.ToString("d MMMM yyyy", CultureInfo.InvariantCulture);

    /// <summary>A local date and time: "16 March 2026 18:00".</summary>
    public static string DateTime(DateTimeOffset local) => local.ToString("d MMMM yyyy HH:mm", CultureInfo.InvariantCulture);
}
