using System.Security.Claims;
using Safeguard.Web.Auth;

namespace Safeguard.Web.Data;

/// <summary>
/// Who an entry in the ledger or the access log names, and their agency's code ("-" for none). The name is an id,
/// never a person's name (names change, ids do not), in one of four forms:
/// <list type="bullet">
/// <item>"user/{id}": a signed-in member of staff;</item>
/// <item>"partner-token/{id}": a partner system calling the JSON API with one of its agency's tokens;</item>
/// <item>"system/{job}": Safeguard itself, a scheduled job or a command-line verb naming what it is;</item>
/// <item>"public/{page}": someone not signed in, on one of the few public pages allowed to write (signing in).</item>
/// </list>
/// There is no "anonymous": a write nobody can be named for is refused (<see cref="UnattributedWriteException"/>).
/// </summary>
public sealed record Actor(string Name, string Agency, Guid? UserId)
{
    public const string NoAgency = "-";

    public static Actor System(string job)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(job);
        return new($"system/{job}", NoAgency, null);
    }

    public static Actor Public(string page) => new($"public/{page}", NoAgency, null);

    /// <summary>The signed-in user or partner token the principal stands for; null if it stands for nobody.</summary>
    public static Actor? Of(ClaimsPrincipal? principal)
    {
        if (principal?.Identity?.IsAuthenticated != true)
        {
            return null;
        }
        var agency = principal.FindFirstValue(SafeguardClaims.AgencyCode) ?? NoAgency;
        if (Guid.TryParse(principal.FindFirstValue(ClaimTypes.NameIdentifier), out var userId))
        {
            return new Actor($"user/{userId}", agency, userId);
        }
        if (Guid.TryParse(principal.FindFirstValue(PartnerTokenAuthentication.TokenIdClaim), out var tokenId))
        {
            return new Actor($"partner-token/{tokenId}", agency, null);
        }
        return null;
    }
}

/// <summary>
/// Works out the <see cref="Actor"/> at the moment something is written (the DbContext asks in every save), never
/// before. It used to be a snapshot taken when the scope first needed it; the cookie's security-stamp check and the
/// partner-token handler open the DbContext while authenticating, before the request's user is known, so every
/// entry of those requests was written as nobody. Reading the request's user when the entry is written cannot be
/// early.
/// <para>
/// In a request: the signed-in user (or partner token) at that moment; with nobody signed in, only the public pages
/// in <see cref="PublicWriters"/> may write (under their own name), and any other write is refused. Outside a request
/// (a scheduled job, a command-line verb, start-up, a test arranging data) the system is the actor: the code that
/// creates the scope names its job with <see cref="ActAsSystem"/>; unnamed, it is "system/" and the process's name
/// (Safeguard:SystemActor, which each command-line verb sets to "cli/{verb}"), or "system/app".
/// </para>
/// </summary>
public sealed class CurrentActor(IHttpContextAccessor http, IConfiguration configuration)
{
    /// <summary>What the host is called in the ledger when neither the scope nor the configuration names the job.</summary>
    public const string UnnamedSystemJob = "app";

    /// <summary>
    /// Public pages (no one signed in) that may write, and the name their entries carry. Only signing in writes here:
    /// Identity counts failed attempts, locks accounts out and resets the count, on the user's own stream.
    /// </summary>
    public static readonly IReadOnlyList<(PathString Path, Actor Actor)> PublicWriters =
    [
        ("/account/sign-in", Actor.Public("sign-in")),
        ("/account/two-factor", Actor.Public("sign-in")),
        ("/account/external-sign-in", Actor.Public("sign-in")),
    ];

    private Actor? _system;

    /// <summary>An actor for a context made by hand, outside the application's services (the EF design-time tools).</summary>
    public static CurrentActor ForJob(string job)
    {
        var actor = new CurrentActor(new HttpContextAccessor(), new ConfigurationBuilder().Build());
        actor.ActAsSystem(job);
        return actor;
    }

    /// <summary>
    /// Names the job this scope runs for ("system/{job}"). Only code that created the scope for a job of its own
    /// (a scheduled job, a verb, the key store) calls this; it wins over the request's user, so no page may.
    /// </summary>
    public void ActAsSystem(string job) => _system = Actor.System(job);

    /// <summary>Who is acting now. Throws <see cref="UnattributedWriteException"/> for a request by nobody outside the public pages.</summary>
    public Actor Now()
    {
        if (_system is { } job)
        {
            return job;
        }
        if (http.HttpContext is not { } context)
        {
            return Actor.System(configuration["Safeguard:SystemActor"] is { Length: > 0 } process ? process : UnnamedSystemJob);
        }
        if (Actor.Of(context.User) is { } signedIn)
        {
            return signedIn;
        }
        foreach (var (path, actor) in PublicWriters)
        {
            if (context.Request.Path.Equals(path, StringComparison.OrdinalIgnoreCase))
            {
                return actor;
            }
        }
        throw new UnattributedWriteException(context.Request.Method, context.Request.Path);
    }
}

/// <summary>A write in a request with nobody signed in, outside the public pages that may write: refused, never recorded as anonymous.</summary>
public sealed class UnattributedWriteException(string method, PathString path)
    : InvalidOperationException($"Refused to write for {method} {path}: nobody is signed in, and it is not a public page that may write.")
{
    public string Method { get; } = method;
    public PathString Path { get; } = path;
}
