using Microsoft.AspNetCore.Authorization;
using Safeguard.Core.Access;

namespace Safeguard.Web.Auth;

/// <summary>
/// Authorization policies. The fallback, applied to every endpoint that does not say otherwise, is "signed in with
/// a second factor": a user who has given only a password may reach nothing but the page that sets up their
/// authenticator.
/// </summary>
public static class Policies
{
    /// <summary>Signed in with a password, second factor not yet set up: the authenticator set-up page only.</summary>
    public const string PasswordOnly = "password-only";
    public const string Managers = "managers";
    public const string Scrutiny = "scrutiny";
    public const string PartnershipAdmin = "partnership-admin";
    public const string CseLead = "cse-lead";
    /// <summary>What the partnership learns from the language check and hidden exploitation (figures, no children named).</summary>
    public const string PartnershipLearning = "partnership-learning";
    public const string FrontDoor = "front-door";
    /// <summary>Partner systems calling the JSON API with a bearer token scoped to one agency.</summary>
    public const string PartnerApi = "partner-api";
    public const string IntelligenceUnit = "intelligence-unit";
    /// <summary>Those who hold agencies to account for what they do with intelligence: managers, the unit, the partnership.</summary>
    public const string IntelligenceOversight = "intelligence-oversight";

    /// <summary>The "amr" claim value Identity adds after a second factor (and OIDC sign-in maps from the IdP).</summary>
    public const string MultiFactor = "mfa";

    public static AuthorizationPolicy SignedInWithSecondFactor { get; } = new AuthorizationPolicyBuilder()
        .RequireAuthenticatedUser()
        .RequireClaim("amr", MultiFactor)
        .Build();

    public static void Add(AuthorizationOptions options)
    {
        options.FallbackPolicy = SignedInWithSecondFactor;
        options.DefaultPolicy = SignedInWithSecondFactor;
        options.AddPolicy(PasswordOnly, p => p.RequireAuthenticatedUser());
        options.AddPolicy(Managers, p => p.Combine(SignedInWithSecondFactor).RequireRole(Roles.TeamManager, Roles.SeniorManager));
        options.AddPolicy(Scrutiny, p => p.Combine(SignedInWithSecondFactor).RequireRole(Roles.Scrutineer, Roles.TeamManager, Roles.SeniorManager));
        options.AddPolicy(PartnershipAdmin, p => p.Combine(SignedInWithSecondFactor).RequireRole(Roles.PartnershipAdministrator));
        options.AddPolicy(CseLead, p => p.Combine(SignedInWithSecondFactor).RequireRole(Roles.CseLead));
        options.AddPolicy(PartnershipLearning, p => p.Combine(SignedInWithSecondFactor)
            .RequireRole(Roles.SeniorManager, Roles.PartnershipAdministrator, Roles.Scrutineer, Roles.CseLead));
        options.AddPolicy(FrontDoor, p => p.Combine(SignedInWithSecondFactor).RequireRole(Roles.FrontDoor));
        options.AddPolicy(PartnerApi, p => p.AddAuthenticationSchemes(PartnerTokenAuthentication.SchemeName).RequireAuthenticatedUser()
            .RequireClaim(PartnerTokenAuthentication.TokenIdClaim));
        options.AddPolicy(IntelligenceUnit, p => p.Combine(SignedInWithSecondFactor).RequireRole(Roles.IntelligenceAnalyst));
        options.AddPolicy(IntelligenceOversight, p => p.Combine(SignedInWithSecondFactor).RequireRole(
            Roles.IntelligenceAnalyst, Roles.TeamManager, Roles.SeniorManager, Roles.PartnershipAdministrator, Roles.Scrutineer));
    }
}
