using Safeguard.Core.Network;

namespace Safeguard.Core.Screening;

/// <summary>
/// How a child's link in the intelligence graph (issue 5) reads to the hidden-exploitation rules: the label of the
/// <see cref="FactSource.Intelligence"/> fact it gives, which <see cref="DefaultHiddenExploitationRules"/> counts as
/// the significant indicator "intelligence".
/// </summary>
public static class IntelligenceLinkFacts
{
    public const string AdultOfConcern = "adult-of-concern";
    public const string VehicleOfConcern = "vehicle-of-concern";
    public const string LocationOfConcern = "location-of-concern";

    /// <summary>
    /// The label for a child's link to a record of <paramref name="otherKind"/>, or null when the link is no sign of
    /// exploitation: a person who is not a suspect, a phone or an account, the child's school, or a place the child
    /// lives at or was reported at.
    /// </summary>
    public static string? Label(NodeKind otherKind, LinkKind link, bool otherIsSuspect, bool otherIsSchool) => otherKind switch
    {
        NodeKind.Person when otherIsSuspect => AdultOfConcern,
        NodeKind.Vehicle => VehicleOfConcern,
        NodeKind.Location when !otherIsSchool && link is not (LinkKind.LivesAt or LinkKind.ReportedAt) => LocationOfConcern,
        _ => null,
    };
}
