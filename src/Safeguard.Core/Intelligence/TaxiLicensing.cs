using Safeguard.Core.Network;

namespace Safeguard.Core.Intelligence;

/// <summary>The licences a taxi licensing authority issues to vehicles: the plate on the car.</summary>
public enum VehicleLicence
{
    None,
    HackneyCarriage,
    PrivateHire,
}

/// <summary>
/// Taxis and private hire cars took children from one place to another, and licensing never heard. A suspect
/// who holds a taxi or private hire driver's licence, or who owns or uses a licensed vehicle, is notified to the
/// licensing authority (the 2025 national audit's recommendation on taxi licensing).
/// </summary>
public static class TaxiLicensing
{
    /// <summary>The links between a person and a vehicle by which the person can be said to drive it.</summary>
    public static bool IsDriving(LinkKind kind) => kind is LinkKind.Owns or LinkKind.Uses;

    public static bool NoticeNeeded(PersonRole role, bool holdsDriverLicence, IEnumerable<LinkKind> linksToLicensedVehicles)
    {
        ArgumentNullException.ThrowIfNull(linksToLicensedVehicles);
        return role == PersonRole.Suspect && (holdsDriverLicence || linksToLicensedVehicles.Any(IsDriving));
    }

    public static string Describe(VehicleLicence licence) => licence switch
    {
        VehicleLicence.HackneyCarriage => "Hackney carriage (taxi)",
        VehicleLicence.PrivateHire => "Private hire vehicle",
        _ => "Not licensed",
    };
}
