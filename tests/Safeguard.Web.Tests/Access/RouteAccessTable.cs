using Safeguard.Core.Access;

namespace Safeguard.Web.Tests.Access;

/// <summary>
/// What every route answers, for every role, with and without a relationship to the child in the route.
/// <see cref="RouteAccessTests"/> fails the build if a route exists that is not in this table, or answers
/// anything other than what it says here. Adding a page means adding its row.
/// </summary>
public static class RouteAccessTable
{
    /// <summary>Redirected to the sign-in page.</summary>
    public const int SignIn = -302;

    public sealed record Expectation(int Anonymous, Func<string, bool, int> Signed)
    {
        public int For(string role, bool related) => Signed(role, related);
    }

    private static Expectation Everyone(int signedIn, int anonymous = SignIn) => new(anonymous, (_, _) => signedIn);

    private static Expectation ByRelationship(int related, int unrelated) => new(SignIn, (_, isRelated) => isRelated ? related : unrelated);

    private static Expectation OnlyRoles(int allowed, int others, params string[] roles) => new(SignIn, (role, _) => roles.Contains(role) ? allowed : others);

    private static readonly string[] s_managers = [Roles.TeamManager, Roles.SeniorManager];

    // Who may record a new person: everyone whose work brings them people, not the administrator or scrutineer.
    private static readonly string[] s_recorders = [Roles.Practitioner, Roles.TeamManager, Roles.SeniorManager, Roles.FrontDoor, Roles.IntelligenceAnalyst];

    /// <summary>Keyed "METHOD /route" or "METHOD /route?handler=Name", the route as written in the page.</summary>
    public static readonly IReadOnlyDictionary<string, Expectation> Rows = new Dictionary<string, Expectation>
    {
        ["GET /"] = Everyone(302),
        ["GET /home"] = Everyone(200),
        ["GET /error/{code:int?}"] = Everyone(404, anonymous: 404),
        ["POST /error/{code:int?}"] = Everyone(404, anonymous: 404),

        ["GET /account/sign-in"] = Everyone(200, anonymous: 200),
        ["POST /account/sign-in"] = Everyone(200, anonymous: 200),
        ["GET /account/two-factor"] = Everyone(302, anonymous: 302),
        ["POST /account/two-factor"] = Everyone(302, anonymous: 302),
        ["GET /account/locked-out"] = Everyone(200, anonymous: 200),
        ["GET /account/external-sign-in"] = Everyone(302, anonymous: 302),
        ["GET /account/external-sign-in?handler=Callback"] = Everyone(200, anonymous: 200),
        ["POST /account/external-sign-in"] = Everyone(404, anonymous: 404),
        ["GET /account/set-up-authenticator"] = Everyone(302),
        ["POST /account/set-up-authenticator"] = Everyone(200),
        ["GET /account/sign-out"] = Everyone(200),
        ["POST /account/sign-out"] = Everyone(302),

        ["GET /children"] = Everyone(200),
        ["POST /children"] = Everyone(200),
        ["GET /children/{id}"] = ByRelationship(related: 200, unrelated: 404),
        ["GET /children/{id}/chronology"] = ByRelationship(related: 200, unrelated: 404),
        ["GET /children/{id}/chronology/add"] = ByRelationship(related: 200, unrelated: 404),
        ["POST /children/{id}/chronology/add"] = ByRelationship(related: 200, unrelated: 404),
        ["GET /children/{id}/edit"] = ByRelationship(related: 200, unrelated: 404),
        ["POST /children/{id}/edit"] = ByRelationship(related: 200, unrelated: 404),
        ["GET /children/{id}/add/{what:regex(^(name|identifier|address|contact|vulnerability)$)}"] = ByRelationship(related: 200, unrelated: 404),
        ["POST /children/{id}/add/{what:regex(^(name|identifier|address|contact|vulnerability)$)}"] = ByRelationship(related: 200, unrelated: 404),
        // Without a relationship these are the way in; with one, they send the user to the record.
        ["GET /children/{id}/request-access"] = ByRelationship(related: 302, unrelated: 200),
        ["POST /children/{id}/request-access"] = ByRelationship(related: 302, unrelated: 200),
        ["GET /children/{id}/break-glass"] = ByRelationship(related: 302, unrelated: 200),
        ["POST /children/{id}/break-glass"] = ByRelationship(related: 302, unrelated: 200),
        // Managers of involved agencies see who viewed; scrutineers see it for any child.
        ["GET /children/{id}/who-viewed"] = new(SignIn, (role, related) =>
            role == Roles.Scrutineer || (related && s_managers.Contains(role)) ? 200 : 404),

        // A new person: the form, the check for people already held (200: the form comes back with its problems or
        // the likely matches), and creating after the user says it is none of them.
        ["GET /people/new"] = OnlyRoles(200, 403, s_recorders),
        ["POST /people/new"] = OnlyRoles(200, 403, s_recorders),
        ["POST /people/new?handler=Create"] = OnlyRoles(200, 403, s_recorders),
        // Possible matches are the front door's: both records side by side (docs/adr/0008). A post without a decision
        // comes back with its problems (200).
        ["GET /matching"] = OnlyRoles(200, 403, Roles.FrontDoor),
        ["GET /matching/{reviewId}"] = OnlyRoles(200, 403, Roles.FrontDoor),
        ["POST /matching/{reviewId}"] = OnlyRoles(200, 403, Roles.FrontDoor),
        ["GET /matching/links/{mergeId}/undo"] = OnlyRoles(200, 403, Roles.FrontDoor),
        ["POST /matching/links/{mergeId}/undo"] = OnlyRoles(200, 403, Roles.FrontDoor),

        ["GET /reviews"] = OnlyRoles(200, 403, s_managers),
        ["POST /reviews?handler=ReviewBreakGlass"] = OnlyRoles(404, 403, s_managers),
        ["POST /reviews?handler=DecideRequest"] = OnlyRoles(404, 403, s_managers),
        ["GET /audit/access-log"] = OnlyRoles(200, 403, Roles.Scrutineer),
        ["GET /admin/users"] = OnlyRoles(200, 403, Roles.PartnershipAdministrator),
        ["POST /admin/users?handler=SetActive"] = OnlyRoles(404, 403, Roles.PartnershipAdministrator),
    };

    /// <summary>Routes anyone may reach without signing in. Kept short on purpose; a test holds it to exactly this.</summary>
    public static readonly IReadOnlySet<string> AllowAnonymous = new HashSet<string>
    {
        "/account/sign-in", "/account/two-factor", "/account/locked-out", "/account/external-sign-in", "/error/{code:int?}",
    };
}
