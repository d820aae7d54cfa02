using Microsoft.AspNetCore.Authorization;
using Safeguard.Core.Access;

namespace Safeguard.Web.Auth;

/// <summary>
/// Authorization policies. The fallback, applied to every endpoint that does not say otherwise, is "signed in with
/// a second factor": a user who has given only a password may reach nothing but the page that sets up their
/// authenticator. A page that names a policy replaces the fallback, so every named policy here is built on the
/// second-factor policy (<see cref="RolesWithSecondFactor"/>), and pages never use <c>[Authorize(Roles = ...)]</c>,
/// which would replace it with a bare role check: a password-only session holding the role would get in. The route
/// table tests hold every endpoint to this.
/// </summary>
public static class Policies
{
    /// <summary>Signed in with a password, second factor not yet set up: the authenticator set-up page only.</summary>
    public const string PasswordOnly = "password-only";
    public const string Managers = "managers";
    /// <summary>Those whose work brings them people to record: not the administrator, the scrutineer or the CSE lead.</summary>
    public const string Recorders = "recorders";
    /// <summary>Independent scrutineers only: the partnership-wide access log.</summary>
    public const string Scrutineers = "scrutineers";
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
        // The two exceptions: a password-only session may set up its authenticator and sign out; partner systems
        // present a token (their own scheme), not a person's session.
        options.AddPolicy(PasswordOnly, p => p.RequireAuthenticatedUser());
        options.AddPolicy(PartnerApi, p => p.AddAuthenticationSchemes(PartnerTokenAuthentication.SchemeName).RequireAuthenticatedUser()
            .RequireClaim(PartnerTokenAuthentication.TokenIdClaim));

        options.AddPolicy(Managers, RolesWithSecondFactor(Roles.TeamManager, Roles.SeniorManager));
        options.AddPolicy(Recorders, RolesWithSecondFactor(Roles.Practitioner, Roles.TeamManager, Roles.SeniorManager, Roles.FrontDoor, Roles.IntelligenceAnalyst));
        options.AddPolicy(Scrutiny, RolesWithSecondFactor(Roles.Scrutineer, Roles.TeamManager, Roles.SeniorManager));
        options.AddPolicy(Scrutineers, RolesWithSecondFactor(Roles.Scrutineer));
        options.AddPolicy(PartnershipAdmin, RolesWithSecondFactor(Roles.PartnershipAdministrator));
        options.AddPolicy(CseLead, RolesWithSecondFactor(Roles.CseLead));
        options.AddPolicy(PartnershipLearning, RolesWithSecondFactor(Roles.SeniorManager, Roles.PartnershipAdministrator, Roles.Scrutineer, Roles.CseLead));
        options.AddPolicy(FrontDoor, RolesWithSecondFactor(Roles.FrontDoor));
        options.AddPolicy(IntelligenceUnit, RolesWithSecondFactor(Roles.IntelligenceAnalyst));
        options.AddPolicy(IntelligenceOversight, RolesWithSecondFactor(
            Roles.IntelligenceAnalyst, Roles.TeamManager, Roles.SeniorManager, Roles.PartnershipAdministrator, Roles.Scrutineer));
    }

    /// <summary>Any of <paramref name="roles"/>, and signed in with a second factor: the only way a role policy is made.</summary>
    private static AuthorizationPolicy RolesWithSecondFactor(params string[] roles) =>
        new AuthorizationPolicyBuilder().Combine(SignedInWithSecondFactor).RequireRole(roles).Build();
}
