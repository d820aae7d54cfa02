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

    public static readonly IReadOnlyList<string> All =
        [Practitioner, TeamManager, SeniorManager, FrontDoor, IntelligenceAnalyst, PartnershipAdministrator, Scrutineer];

    public static string Describe(string role) => role switch
    {
        Practitioner => "Practitioner",
        TeamManager => "Team manager",
        SeniorManager => "Senior manager",
        FrontDoor => "Front door (MASH) triage",
        IntelligenceAnalyst => "Intelligence analyst",
        PartnershipAdministrator => "Partnership administrator",
        Scrutineer => "Independent scrutineer",
        _ => role,
    };
}
