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
    private static readonly string[] s_oversight = [Roles.IntelligenceAnalyst, Roles.TeamManager, Roles.SeniorManager, Roles.PartnershipAdministrator, Roles.Scrutineer];
    private static readonly string[] s_disruption = [Roles.IntelligenceAnalyst, Roles.SeniorManager, Roles.PartnershipAdministrator, Roles.Scrutineer];

    // Who may record a new person: everyone whose work brings them people, not the administrator or scrutineer.
    private static readonly string[] s_recorders = [Roles.Practitioner, Roles.TeamManager, Roles.SeniorManager, Roles.FrontDoor, Roles.IntelligenceAnalyst];

    /// <summary>Keyed "METHOD /route" or "METHOD /route?handler=Name", the route as written in the page.</summary>
    public static readonly IReadOnlyDictionary<string, Expectation> Rows = new Dictionary<string, Expectation>
    {
        ["GET /"] = Everyone(302),
        ["GET /home"] = Everyone(200),
        // The error page is shown only to a request re-executed there; asked for directly, it is not found.
        ["GET /error/{code:int?}"] = Everyone(404, anonymous: 404),

        ["GET /account/sign-in"] = Everyone(200, anonymous: 200),
        ["POST /account/sign-in"] = Everyone(200, anonymous: 200),
        ["GET /account/two-factor"] = Everyone(302, anonymous: 302),
        ["POST /account/two-factor"] = Everyone(302, anonymous: 302),
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

        // Issue 6: screening, the child's voice, hidden exploitation, the language check, what the partnership learns.
        ["POST /api/language/check"] = Everyone(200, anonymous: 401),
        ["GET /children/{id}/screening"] = ByRelationship(related: 200, unrelated: 404),
        ["GET /children/{id}/screening/new"] = ByRelationship(related: 200, unrelated: 404),
        ["POST /children/{id}/screening/new"] = ByRelationship(related: 200, unrelated: 404),
        ["GET /children/{id}/screening/override"] = ByRelationship(related: 200, unrelated: 404),
        ["POST /children/{id}/screening/override"] = ByRelationship(related: 200, unrelated: 404),
        ["GET /children/{id}/voice"] = ByRelationship(related: 200, unrelated: 404),
        ["GET /children/{id}/voice/add"] = ByRelationship(related: 200, unrelated: 404),
        ["POST /children/{id}/voice/add"] = ByRelationship(related: 200, unrelated: 404),
        ["GET /admin/screening-instruments"] = OnlyRoles(200, 403, Roles.PartnershipAdministrator),
        ["POST /admin/screening-instruments"] = OnlyRoles(200, 403, Roles.PartnershipAdministrator),
        ["GET /exploitation"] = OnlyRoles(200, 403, Roles.CseLead),
        // The CSE lead sees a child here only while they are surfaced (the route table's children are not).
        ["GET /exploitation/{id}"] = OnlyRoles(404, 403, Roles.CseLead),
        ["POST /exploitation/{id}"] = OnlyRoles(404, 403, Roles.CseLead),
        ["GET /exploitation/offender-reviews/{id}"] = OnlyRoles(404, 403, Roles.CseLead),
        ["POST /exploitation/offender-reviews/{id}"] = OnlyRoles(404, 403, Roles.CseLead),
        ["GET /partnership/learning"] = OnlyRoles(200, 403, Roles.SeniorManager, Roles.PartnershipAdministrator, Roles.Scrutineer, Roles.CseLead),
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

        // Anyone may be named to review a break-glass (the partnership designates reviewers for those with no
        // manager), so the queue is open to all and shows each their own; deciding requests is for managers.
        ["GET /reviews"] = Everyone(200),
        ["POST /reviews?handler=ReviewBreakGlass"] = Everyone(404),
        ["POST /reviews?handler=DecideRequest"] = OnlyRoles(404, 403, s_managers),
        // Casework (issue 3). Anyone may report a concern and see their own; the front door decides; a manager of
        // the decider's agency countersigns "no further action". The related concern has a pending "no further
        // action"; the unrelated one is undecided and about a child only health knows.
        ["GET /concerns/new"] = Everyone(200),
        ["POST /concerns/new"] = Everyone(200),
        ["GET /concerns"] = Everyone(200),
        ["GET /concerns/{concernId}"] = new(SignIn, (role, related) => related || role == Roles.FrontDoor ? 200 : 404),
        ["GET /front-door"] = OnlyRoles(200, 403, Roles.FrontDoor),
        ["GET /front-door/concerns/{concernId}"] = OnlyRoles(200, 403, Roles.FrontDoor),
        ["POST /front-door/concerns/{concernId}?handler=Take"] = OnlyRoles(302, 403, Roles.FrontDoor),
        ["POST /front-door/concerns/{concernId}?handler=Link"] = OnlyRoles(404, 403, Roles.FrontDoor),
        ["POST /front-door/concerns/{concernId}?handler=NewRecord"] = OnlyRoles(404, 403, Roles.FrontDoor),
        ["POST /front-door/concerns/{concernId}?handler=LinkAdult"] = OnlyRoles(404, 403, Roles.FrontDoor),
        ["GET /front-door/concerns/{concernId}/decide"] = new(SignIn, (role, related) => role != Roles.FrontDoor ? 403 : related ? 302 : 200),
        ["POST /front-door/concerns/{concernId}/decide"] = new(SignIn, (role, related) => role != Roles.FrontDoor ? 403 : related ? 302 : 200),
        ["GET /front-door/concerns/{concernId}/countersign"] = new(SignIn, (role, related) => !s_managers.Contains(role) ? 403 : related ? 200 : 404),
        ["POST /front-door/concerns/{concernId}/countersign"] = new(SignIn, (role, related) => !s_managers.Contains(role) ? 403 : related ? 200 : 404),
        ["GET /children/{id}/meetings"] = ByRelationship(related: 200, unrelated: 404),
        ["GET /children/{id}/meetings/new"] = ByRelationship(related: 200, unrelated: 404),
        ["POST /children/{id}/meetings/new"] = ByRelationship(related: 200, unrelated: 404),
        ["GET /children/{id}/meetings/{meetingId}"] = ByRelationship(related: 200, unrelated: 404),
        ["GET /children/{id}/meetings/{meetingId}/record"] = ByRelationship(related: 200, unrelated: 404),
        ["POST /children/{id}/meetings/{meetingId}/record"] = ByRelationship(related: 200, unrelated: 404),
        ["GET /children/{id}/actions"] = ByRelationship(related: 200, unrelated: 404),
        ["GET /children/{id}/actions/new"] = ByRelationship(related: 200, unrelated: 404),
        ["POST /children/{id}/actions/new"] = ByRelationship(related: 200, unrelated: 404),
        // An action is seen by its owner, its assigner, the managers it reached and workers with the child; the
        // fixture's owner is a youth worker, so the route users see it only through the related child.
        ["GET /actions/{actionId}"] = ByRelationship(related: 200, unrelated: 404),
        ["POST /actions/{actionId}?handler=Complete"] = ByRelationship(related: 200, unrelated: 404),
        ["POST /actions/{actionId}?handler=Respond"] = ByRelationship(related: 403, unrelated: 404),
        ["GET /children/{id}/missing"] = ByRelationship(related: 200, unrelated: 404),
        ["GET /children/{id}/missing/new"] = ByRelationship(related: 200, unrelated: 404),
        ["POST /children/{id}/missing/new"] = ByRelationship(related: 200, unrelated: 404),
        ["GET /children/{id}/missing/{episodeId}/return"] = ByRelationship(related: 200, unrelated: 404),
        ["POST /children/{id}/missing/{episodeId}/return"] = ByRelationship(related: 200, unrelated: 404),
        ["GET /children/{id}/chronology/review"] = ByRelationship(related: 200, unrelated: 404),
        ["GET /children/{id}/chronology/review?handler=Csv"] = ByRelationship(related: 200, unrelated: 404),
        ["GET /children/{id}/chronology/review?handler=Pdf"] = ByRelationship(related: 200, unrelated: 404),
        ["GET /my-work"] = Everyone(200),
        ["POST /my-work?handler=MarkRead"] = Everyone(302),
        // The partner API answers bearer tokens only: a browser session is not a token (no cookie-driven calls).
        ["POST /api/v1/concerns"] = Everyone(401, anonymous: 401),
        ["GET /api/v1/concerns/{reference}"] = Everyone(401, anonymous: 401),
        ["GET /api/v1/users/{email}/actions"] = Everyone(401, anonymous: 401),
        ["GET /openapi/{documentName}.json"] = Everyone(200, anonymous: 200),

        ["GET /audit/access-log"] = OnlyRoles(200, 403, Roles.Scrutineer),
        ["GET /admin/users"] = OnlyRoles(200, 403, Roles.PartnershipAdministrator),
        ["GET /admin/security-events"] = OnlyRoles(200, 403, Roles.PartnershipAdministrator),
        ["POST /admin/users?handler=SetActive"] = OnlyRoles(404, 403, Roles.PartnershipAdministrator),

        // Intelligence. Anyone gives information and sees what was passed to their agency; the unit (analysts)
        // grades, links and routes. The {id} here is a child, not an item, so item pages answer 404 to those
        // allowed in: what each version of an item shows to whom, under each handling code, is held by
        // Intelligence/HandlingConditionTests (routes x roles x handling codes).
        ["GET /intelligence"] = OnlyRoles(200, 403, Roles.IntelligenceAnalyst),
        ["GET /intelligence/submit"] = Everyone(200),
        ["POST /intelligence/submit"] = Everyone(200),
        ["GET /intelligence/submitted"] = Everyone(200),
        ["GET /intelligence/received"] = Everyone(200),
        ["GET /intelligence/escalated"] = Everyone(200),
        ["GET /intelligence/responses"] = OnlyRoles(200, 403, s_oversight),
        ["GET /intelligence/{id}"] = Everyone(404),
        ["POST /intelligence/{id}?handler=Outcome"] = Everyone(404),
        ["GET /intelligence/{id}/grade"] = OnlyRoles(404, 403, Roles.IntelligenceAnalyst),
        ["POST /intelligence/{id}/grade"] = OnlyRoles(404, 403, Roles.IntelligenceAnalyst),
        ["GET /intelligence/{id}/link"] = OnlyRoles(404, 403, Roles.IntelligenceAnalyst),
        ["POST /intelligence/{id}/link?handler=AddPerson"] = OnlyRoles(404, 403, Roles.IntelligenceAnalyst),
        ["POST /intelligence/{id}/link?handler=AddVehicle"] = OnlyRoles(404, 403, Roles.IntelligenceAnalyst),
        ["POST /intelligence/{id}/link?handler=AddPhone"] = OnlyRoles(404, 403, Roles.IntelligenceAnalyst),
        ["POST /intelligence/{id}/link?handler=AddOther"] = OnlyRoles(404, 403, Roles.IntelligenceAnalyst),
        ["POST /intelligence/{id}/link?handler=AddPlace"] = OnlyRoles(404, 403, Roles.IntelligenceAnalyst),
        ["POST /intelligence/{id}/link?handler=AddLink"] = OnlyRoles(404, 403, Roles.IntelligenceAnalyst),
        ["POST /intelligence/{id}/link?handler=EventKind"] = OnlyRoles(404, 403, Roles.IntelligenceAnalyst),
        ["GET /intelligence/{id}/route"] = OnlyRoles(404, 403, Roles.IntelligenceAnalyst),
        ["POST /intelligence/{id}/route"] = OnlyRoles(404, 403, Roles.IntelligenceAnalyst),
        // A child with a record is a person the network can be drawn around, even with no links yet.
        ["GET /intelligence/network/{id}"] = OnlyRoles(200, 403, Roles.IntelligenceAnalyst),
        ["POST /intelligence/network/{id}?handler=Role"] = OnlyRoles(200, 403, Roles.IntelligenceAnalyst),
        ["GET /intelligence/groups"] = OnlyRoles(200, 403, Roles.IntelligenceAnalyst),
        ["GET /intelligence/groups/{id}"] = OnlyRoles(404, 403, Roles.IntelligenceAnalyst),

        // Disruption: the unit and the police change plans; senior managers and the partnership see them. The
        // route table's users are all in children's social care, and its child is no suspect (404).
        ["GET /disruption"] = OnlyRoles(200, 403, s_disruption),
        ["GET /disruption/{id}"] = OnlyRoles(404, 403, s_disruption),
        ["POST /disruption/{id}?handler=CreatePlan"] = OnlyRoles(404, 403, s_disruption),
        ["POST /disruption/{id}?handler=AddTactic"] = OnlyRoles(404, 403, s_disruption),
        ["POST /disruption/{id}?handler=UpdateTactic"] = OnlyRoles(404, 403, s_disruption),
        ["POST /disruption/{id}?handler=Progress"] = OnlyRoles(404, 403, s_disruption),
        ["POST /disruption/{id}?handler=Close"] = OnlyRoles(404, 403, s_disruption),

        // Licensing notices are for users of a taxi licensing agency only, whatever their role.
        ["GET /licensing/notices"] = Everyone(403),
        ["POST /licensing/notices?handler=Acknowledge"] = Everyone(403),
    };

    /// <summary>Routes anyone may reach without signing in. Kept short on purpose; a test holds it to exactly this.</summary>
    public static readonly IReadOnlySet<string> AllowAnonymous = new HashSet<string>
    {
        "/account/sign-in", "/account/two-factor", "/account/external-sign-in", "/error/{code:int?}",
        // The API's description: partners' developers read it before they have a token. It holds no data.
        "/openapi/{documentName}.json",
    };
}
