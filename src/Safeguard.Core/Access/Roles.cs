namespace Safeguard.Core.Access;

/// <summary>The roles of Safeguard's users. Each user belongs to one agency and holds one or more roles.</summary>
public static class Roles
{
    public const string Practitioner = "practitioner";
    public const string TeamManager = "team-manager";
    public const string SeniorManager = "senior-manager";
    public const string FrontDoor = "front-door";
    public const string IntelligenceAnalyst = "intelligence-analyst";
    public const string PartnershipAdministrator = "partnership-administrator";
    public const string Scrutineer = "scrutineer";
    /// <summary>
    /// The partnership's lead for child sexual exploitation: reviews children surfaced by the hidden-exploitation
    /// rules and any attempt to record a victim as a suspect or offender.
    /// </summary>
    public const string CseLead = "cse-lead";

    public static readonly IReadOnlyList<string> All =
        [Practitioner, TeamManager, SeniorManager, FrontDoor, IntelligenceAnalyst, PartnershipAdministrator, Scrutineer, CseLead];

    public static string Describe(string role) => role switch
    {
        Practitioner => "Practitioner",
        TeamManager => "Team manager",
        SeniorManager => "Senior manager",
        FrontDoor => "Front door (MASH) triage",
        IntelligenceAnalyst => "Intelligence analyst",
        PartnershipAdministrator => "Partnership administrator",
        Scrutineer => "Independent scrutineer",
        CseLead => "CSE lead",
        _ => role,
    };
}
