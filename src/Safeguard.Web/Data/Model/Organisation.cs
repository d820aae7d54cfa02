using Microsoft.AspNetCore.Identity;
using Safeguard.Core;

namespace Safeguard.Web.Data.Model;

public enum AgencyKind
{
    ChildrensSocialCare,
    Police,
    Health,
    Education,
    VoluntaryYouthProject,
    TaxiLicensing,
    Housing,
    Partnership,
    Other,
}

/// <summary>A partner agency. Voluntary projects and taxi licensing are full partners, not guests.</summary>
public sealed class Agency : ILedgerStream
{
    public Id<Agency> Id { get; init; } = Id<Agency>.New();
    /// <summary>Short code used in references and the ledger, e.g. "CSC", "POL".</summary>
    public required string Code { get; set; }
    public required string Name { get; set; }
    public AgencyKind Kind { get; set; }
    public string LedgerStream => $"agency/{Id}";
}

public sealed class Team : ILedgerStream
{
    public Id<Team> Id { get; init; } = Id<Team>.New();
    public Id<Agency> AgencyId { get; set; }
    public required string Name { get; set; }
    public string LedgerStream => $"agency/{AgencyId}";
}

/// <summary>A person who signs in. Each belongs to one agency, usually one team, and has a line manager.</summary>
public sealed class AppUser : IdentityUser<Guid>, ILedgerStream
{
    public required string DisplayName { get; set; }
    public Id<Agency> AgencyId { get; set; }
    public Id<Team>? TeamId { get; set; }
    /// <summary>Who reviews this user's break-glass access and receives their escalations.</summary>
    public Guid? ManagerId { get; set; }
    public string? JobTitle { get; set; }
    /// <summary>Accounts are disabled, never deleted: the ledger and the access log keep pointing at them.</summary>
    public bool IsActive { get; set; } = true;
    /// <summary>
    /// The time step of the last authenticator code accepted for this user: a code for this step or an earlier one is
    /// refused, so each code signs in once (see Core's Totp.Check).
    /// </summary>
    public long? LastAuthenticatorStep { get; set; }
    public string LedgerStream => $"user/{Id}";
}
