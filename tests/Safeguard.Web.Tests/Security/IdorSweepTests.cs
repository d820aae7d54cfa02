using System.Collections.Concurrent;
using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Security.Cryptography;
using System.Text;
using System.Text.RegularExpressions;
using Safeguard.Core.Access;
using Safeguard.Web.Tests.Access;
using Safeguard.Web.Tests.Infrastructure;
using Xunit.Abstractions;

namespace Safeguard.Web.Tests.Security;

/// <summary>
/// The access sweep: every route of the route table that takes an id, GET and POST (with a valid antiforgery token),
/// as every signed-in user of every agency but the canary's, for the canaries' ids (each id in its own place and in
/// every other id's place) and for ids that do not exist. Nothing answered to these users may name a canary (body,
/// headers, redirect); an id that exists must be answered exactly as one that does not (404, or the role's 403, byte
/// for byte once per-request tokens and ids are taken out). Where a role is meant to reach any id, the exemption is
/// listed below with its reason; an exemption no request uses fails the test, so the list cannot go stale.
/// </summary>
public sealed partial class IdorSweepTests(IdorSweepFixture fixture, ITestOutputHelper output) : IClassFixture<IdorSweepFixture>
{
    /// <summary>At least this many requests, or the sweep has lost its reach.</summary>
    private const int MinimumRequests = 10_000;

    /// <summary>
    /// Canaries of other kinds tried in each place, per user: rotating through the users, every canary is tried in
    /// every place (18 users x 2 is more than the canaries).
    /// </summary>
    private const int OtherKindsPerUser = 2;

    /// <summary>Concurrent requests: enough to keep two cores busy, few enough not to exhaust the database pool.</summary>
    private const int Concurrency = 12;

    /// <summary>
    /// Roles (and agencies) that reach any id of a route by design. Their answers for the canaries' own ids are not
    /// compared with a missing id's; POSTs are not sent to those ids (they could change the canaries: a front door
    /// "take" opens a case), and ids that do not exist must still be answered 404.
    /// </summary>
    private static readonly Exemption[] s_exemptions =
    [
        new(@"^(GET|POST) /children/\{id\}/(request-access|break-glass)$", _ => true, IdKind.Child,
            "The way in from search results: names the child and the agencies that know them, which search shows anyone (DESIGN: anyone sees that a child is known and may ask for access)."),
        new(@"^(GET|POST) /(concerns|front-door/concerns)/\{concernId\}", u => u.Role == Roles.FrontDoor, IdKind.Concern,
            "The front door triages every concern of the partnership."),
        new(@"^(GET|POST) /matching/", u => u.Role == Roles.FrontDoor, IdKind.MatchReview | IdKind.Merge,
            "Possible matches and links are the front door's to decide and undo (docs/adr/0008)."),
        new(@"^(GET|POST) /intelligence/\{id\}", u => u.Role == Roles.IntelligenceAnalyst, IdKind.Item,
            "The intelligence unit grades, links and routes every item."),
        new(@"^(GET|POST) /intelligence/(network|groups)/\{id\}", u => u.Role == Roles.IntelligenceAnalyst, IdKind.Node | IdKind.Child | IdKind.Suspect,
            "The intelligence unit sees the whole network: any person or thing in it can be charted."),
        new(@"^(GET|POST) /disruption/\{id\}", u => u.Role is Roles.IntelligenceAnalyst or Roles.SeniorManager or Roles.PartnershipAdministrator or Roles.Scrutineer, IdKind.Suspect,
            "The unit changes disruption plans; senior managers and the partnership oversee every plan."),
        new(@"^(GET|POST) /disruption/\{id\}", u => u.Agency == "POL", IdKind.Suspect,
            "The police change disruption plans, whatever their role (DisruptionWork.AccessAsync)."),
        new(@"^GET /children/\{id\}/who-viewed$", u => u.Role == Roles.Scrutineer, IdKind.Child,
            "Independent scrutineers read who viewed any child's record."),
        new(@"^(GET|POST) /exploitation/\{id\}$", u => u.Role == Roles.CseLead, IdKind.Child,
            "The CSE lead reads the evidence that surfaced a child, without a relationship (the canary child is surfaced by its missing episodes)."),
        new(@"^(GET|POST) /exploitation/offender-reviews/\{id\}$", u => u.Role == Roles.CseLead, IdKind.OffenderReview,
            "The CSE lead decides whether a possible victim may be recorded as an offender, whoever recorded it."),
        new(@"^POST /admin/users\?handler=SetActive$", u => u.Role == Roles.PartnershipAdministrator, IdKind.User,
            "The partnership administrator manages every account."),
        new(@"^POST /licensing/notices\?handler=Acknowledge$", u => u.Agency == "TXL", IdKind.LicensingNotice,
            "Taxi licensing is told of every licensed suspect, whoever linked them."),
    ];

    /// <summary>Routes with an id that the sweep does not send, each with why.</summary>
    private static readonly Dictionary<string, string> s_notSwept = new()
    {
        ["GET /api/v1/concerns/{reference}"] = "The partner API answers bearer tokens only; a browser session gets 401 before any lookup (RouteAccessTests), and its rate limiter is not to be hammered.",
        ["GET /api/v1/users/{email}/actions"] = "The partner API answers bearer tokens only; a browser session gets 401 before any lookup (RouteAccessTests), and its rate limiter is not to be hammered.",
    };

    /// <summary>
    /// Known leaks in areas other helpers are fixing: "METHOD /route|role|what" → what leaks. The coordinator empties
    /// this list after merging; a listed case that no longer fails fails the test, so fixed leaks are taken off.
    /// </summary>
    private static readonly Dictionary<string, string> s_knownFailures = new();

    private readonly IdorSweepFixture _fixture = fixture;

    [Fact]
    public async Task No_unrelated_user_learns_anything_of_the_canaries_from_any_route_with_an_id()
    {
        var (requests, unsent) = Plan(out var unclassified);
        Assert.True(unclassified.Count == 0, "Routes with an id the sweep cannot place; give each an id kind or a reason in s_notSwept:\n" + string.Join("\n", unclassified));
        Assert.True(requests.Count >= MinimumRequests, $"The sweep planned only {requests.Count} requests");

        var results = new ConcurrentBag<Answer>();
        var bodies = new ConcurrentDictionary<string, string>();
        var cpu = Process.GetCurrentProcess().TotalProcessorTime;
        var watch = Stopwatch.StartNew();
        await Parallel.ForEachAsync(requests, new ParallelOptions { MaxDegreeOfParallelism = Concurrency }, async (request, cancellationToken) =>
            results.Add(await SendAsync(request, bodies, cancellationToken)));
        watch.Stop();
        cpu = Process.GetCurrentProcess().TotalProcessorTime - cpu;
        // CPU time of this process (client and server; PostgreSQL is another process) says what the sweep costs
        // whatever else the machine is doing; the wall-clock time depends on that.
        output.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"{results.Count} requests ({requests.Select(r => r.Route.Key).Distinct().Count()} routes x {_fixture.Users.Count} users, {Concurrency} at a time) in {watch.Elapsed.TotalSeconds:F1} s ({results.Count / watch.Elapsed.TotalSeconds:F0} per second), {cpu.TotalSeconds:F1} s of CPU in the test process; load average {LoadAverage()}"));
        output.WriteLine(string.Join(", ", results.GroupBy(r => r.Status).OrderBy(g => g.Key).Select(g => $"{g.Count()} x {g.Key}")));

        var failures = new List<string>();
        var usedExemptions = new HashSet<Exemption>();
        foreach (var group in results.GroupBy(r => (r.Request.Route.Key, r.Request.User.Email, r.Request.Reference)))
        {
            var missing = group.Where(a => a.Request.Existing is null).ToList();
            var reference = missing[0];
            var user = reference.Request.User;
            var what = $"{group.Key.Key} as {user.Role} ({user.Email})";
            if (missing.Any(a => a.Fingerprint != reference.Fingerprint))
            {
                failures.Add($"{what}: two ids that do not exist were answered differently ({string.Join(", ", missing.Select(m => m.Status).Distinct())})");
            }
            var expected = ExpectedForMissing(reference.Request.Route, user);
            if (!expected.Contains(reference.Status))
            {
                failures.Add($"{what}: an id that does not exist answered {reference.Status} {reference.Location}, expected {string.Join(" or ", expected)}");
            }
            foreach (var answer in group)
            {
                if (answer.Canary is { } leak && answer.Request.Exemption is null)
                {
                    Fail(failures, answer, $"{what}: {answer.Request.Method} {answer.Request.Url} ({answer.Request.Existing}) answered {answer.Status} naming canary {leak}: {Around(bodies, answer, leak)}");
                }
                if (answer.Request.Existing is not { } existing)
                {
                    continue;
                }
                if (answer.Request.Exemption is { } exemption)
                {
                    if (answer.Fingerprint != reference.Fingerprint)
                    {
                        usedExemptions.Add(exemption);
                    }
                    if (answer.Status >= 500)
                    {
                        failures.Add($"{what}: {answer.Request.Url} ({existing}) failed with {answer.Status}");
                    }
                    continue;
                }
                if (answer.Fingerprint != reference.Fingerprint)
                {
                    Fail(failures, answer, $"{what}: {answer.Request.Method} {answer.Request.Url} ({existing}) answered {answer.Status} {answer.Location} ({answer.Length} bytes), " +
                        $"an id that does not exist {reference.Status} {reference.Location} ({reference.Length} bytes){Difference(bodies, reference, answer)}");
                }
            }
        }
        var knownStillFailing = failures.Where(f => f.StartsWith("KNOWN ", StringComparison.Ordinal)).Distinct().ToList();
        var unexpected = failures.Where(f => !f.StartsWith("KNOWN ", StringComparison.Ordinal)).Distinct().ToList();
        foreach (var known in knownStillFailing)
        {
            output.WriteLine(known);
        }
        Assert.True(unexpected.Count == 0, $"{unexpected.Count} failures:\n{string.Join("\n", unexpected.Take(80))}");
        var fixedKnown = s_knownFailures.Keys.Where(k => !knownStillFailing.Any(f => f.StartsWith($"KNOWN {k}:", StringComparison.Ordinal))).ToList();
        Assert.True(fixedKnown.Count == 0, "Known failures that no longer fail (take them off s_knownFailures):\n" + string.Join("\n", fixedKnown));
        // An exemption is needed if a GET it covers got more than a missing id gets; one that covers POSTs only
        // (nothing to read) if the sweep held back a POST for it.
        var gets = requests.Where(r => r.Method == "GET").Select(r => r.Route.Key).ToHashSet();
        var stale = s_exemptions.Where(e => gets.Any(e.MatchesRoute) ? !usedExemptions.Contains(e) : !unsent.Contains(e)).Select(e => e.Route).ToList();
        Assert.True(stale.Count == 0, "Exemptions that no request needed (the role got what a missing id gets; remove them, or the sweep no longer reaches their routes):\n" + string.Join("\n", stale));
    }

    /// <summary>
    /// Timing: the same user asks for canaries and for ids that do not exist, one request at a time, alternating
    /// (in a random order within each pair), after a warm-up. The medians must agree within a bound wide enough for a
    /// loaded two-core machine (the larger of 10 ms and half the slower median): this catches a page that does the
    /// work of showing a record before refusing it, not a microsecond's difference. The figures are written out for
    /// docs/benchmarks/access-sweep.md.
    /// </summary>
    [Fact]
    public async Task An_id_that_exists_is_refused_as_quickly_as_one_that_does_not()
    {
        const int Pairs = 40;
        const int WarmUp = 5;
        var user = _fixture.Users.Single(u => u.Email.StartsWith("health.nurse@", StringComparison.Ordinal));
        var f = _fixture.Footprint;
        (string Route, Guid Existing)[] routes =
        [
            ("/children/{0}", f.Child.Value),
            ("/children/{0}/chronology/review", f.Child.Value),
            ("/concerns/{0}", f.Concern.Value),
            ("/actions/{0}", f.Action.Value),
            ("/intelligence/{0}", f.Item.Value),
            ("/children/" + f.Child + "/meetings/{0}", f.Meeting.Value),
        ];
        var random = new Random(7);
        var failures = new List<string>();
        foreach (var (route, existing) in routes)
        {
            var times = new Dictionary<bool, List<double>> { [true] = [], [false] = [] };
            for (var pair = 0; pair < WarmUp + Pairs; pair++)
            {
                foreach (var exists in random.Next(2) == 0 ? new[] { true, false } : [false, true])
                {
                    var url = string.Format(CultureInfo.InvariantCulture, route, exists ? existing : Guid.CreateVersion7());
                    var watch = Stopwatch.StartNew();
                    using var response = await user.Client.Http.GetAsync(url);
                    _ = await response.Content.ReadAsByteArrayAsync();
                    watch.Stop();
                    Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
                    if (pair >= WarmUp)
                    {
                        times[exists].Add(watch.Elapsed.TotalMilliseconds);
                    }
                }
            }
            var (withRecord, without) = (Median(times[true]), Median(times[false]));
            var bound = Math.Max(10, Math.Max(withRecord, without) / 2);
            output.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"GET {route}: median {withRecord:F1} ms for a canary, {without:F1} ms for a missing id ({Pairs} each, interleaved); bound {bound:F1} ms"));
            if (Math.Abs(withRecord - without) > bound)
            {
                failures.Add(string.Create(CultureInfo.InvariantCulture, $"GET {route}: {withRecord:F1} ms for a canary, {without:F1} ms for a missing id"));
            }
        }
        output.WriteLine($"load average {LoadAverage()}");
        Assert.True(failures.Count == 0, "Existing ids take measurably longer to refuse:\n" + string.Join("\n", failures));
    }

    private static double Median(List<double> values)
    {
        var sorted = values.Order().ToList();
        return sorted.Count % 2 == 1 ? sorted[sorted.Count / 2] : (sorted[(sorted.Count / 2) - 1] + sorted[sorted.Count / 2]) / 2;
    }

    private static string LoadAverage() => File.Exists("/proc/loadavg") ? File.ReadAllText("/proc/loadavg").Trim() : "unknown";

    private static void Fail(List<string> failures, Answer answer, string message)
    {
        var key = $"{answer.Request.Route.Key}|{answer.Request.User.Role}|";
        var known = s_knownFailures.Keys.FirstOrDefault(k => k.StartsWith(key, StringComparison.Ordinal) && message.Contains(k[key.Length..], StringComparison.Ordinal));
        failures.Add(known is null ? message : $"KNOWN {known}: {message}");
    }

    /// <summary>A route's answer to an id that does not exist: 404, or 403 where the table shuts the role out of the route whatever the id.</summary>
    private static int[] ExpectedForMissing(ServedRoute route, SweepUser user)
    {
        // The route table's users are all in children's social care; two routes open by agency, whatever the role.
        if (route.Key.StartsWith("POST /licensing/notices", StringComparison.Ordinal))
        {
            return user.Agency == "TXL" ? [404] : [403];
        }
        if (route.Route.StartsWith("/disruption/", StringComparison.Ordinal) && user.Agency == "POL")
        {
            return [404];
        }
        return RouteAccessTable.Rows[route.Key].For(user.Role, related: false) == 403 ? [403] : [404];
    }

    [Flags]
    public enum IdKind
    {
        None = 0,
        Child = 1,
        Suspect = 2,
        Node = 4,
        Item = 8,
        OffenderReview = 16,
        Concern = 32,
        Meeting = 64,
        Action = 128,
        Episode = 256,
        MatchReview = 512,
        Merge = 1024,
        BreakGlass = 2048,
        AccessRequest = 4096,
        User = 8192,
        LicensingNotice = 16384,
    }

    public sealed record Exemption(string Route, Func<SweepUser, bool> Applies, IdKind Kinds, string Reason)
    {
        private readonly Regex _route = new(Route, RegexOptions.CultureInvariant);

        public bool MatchesRoute(string routeKey) => _route.IsMatch(routeKey);

        public bool Covers(string routeKey, SweepUser user, IdKind kind) => _route.IsMatch(routeKey) && Applies(user) && Kinds.HasFlag(kind);
    }

    /// <summary>One canary id: what it is, so an exemption can say which kinds it covers.</summary>
    public sealed record Canary(IdKind Kind, string Name, Guid Id)
    {
        public override string ToString() => $"{Name} {Id}";
    }

    /// <summary>One request: its url, who sends it, and which missing-id answers it is compared with.</summary>
    public sealed record Request(ServedRoute Route, SweepUser User, string Method, string Url, Canary? Existing, string Reference, Exemption? Exemption);

    public sealed record Answer(Request Request, int Status, string? Location, int Length, string Fingerprint, string? Canary);

    private IReadOnlyList<Canary> Canaries()
    {
        var f = _fixture.Footprint;
        List<Canary> canaries =
        [
            new(IdKind.Child, "canary child", f.Child.Value),
            new(IdKind.Child, "canary possible match", _fixture.PossibleMatch.Value),
            new(IdKind.Child, "canary linked record", _fixture.LinkedRecord.Value),
            new(IdKind.Suspect, "canary suspect", f.Suspect.Value),
            new(IdKind.Item, "canary intelligence", f.Item.Value),
            new(IdKind.Concern, "canary concern", f.Concern.Value),
            new(IdKind.Meeting, "canary meeting", f.Meeting.Value),
            new(IdKind.Action, "canary action", f.Action.Value),
            new(IdKind.Episode, "canary missing episode", f.Episode.Value),
            new(IdKind.MatchReview, "canary match review", _fixture.MatchReview.Value),
            new(IdKind.Merge, "canary link", _fixture.Merge.Value),
            new(IdKind.BreakGlass, "canary break-glass", _fixture.BreakGlass.Value),
            new(IdKind.AccessRequest, "canary access request", _fixture.AccessRequest.Value),
            new(IdKind.User, "canary outsider account", _fixture.Outsider),
            new(IdKind.LicensingNotice, "canary licensing notice", _fixture.LicensingNotice.Value),
            new(IdKind.OffenderReview, "canary offender review", f.OffenderReview.Value),
            .. f.NetworkThings.Where(t => t != f.Child.Value && t != f.Suspect.Value).Select(t => new Canary(IdKind.Node, "canary network node", t)),
        ];
        return canaries;
    }

    /// <summary>What an id in this place of this route is: the route table's names, read as the pages read them.</summary>
    private static IdKind KindOf(ServedRoute route, string parameter) => parameter switch
    {
        "concernId" => IdKind.Concern,
        "meetingId" => IdKind.Meeting,
        "actionId" => IdKind.Action,
        "episodeId" => IdKind.Episode,
        "reviewId" => IdKind.MatchReview,
        "mergeId" => IdKind.Merge,
        "id" when route.Route.StartsWith("/children/", StringComparison.Ordinal) => IdKind.Child,
        "id" when route.Route.StartsWith("/exploitation/offender-reviews/", StringComparison.Ordinal) => IdKind.OffenderReview,
        "id" when route.Route.StartsWith("/exploitation/", StringComparison.Ordinal) => IdKind.Child,
        "id" when route.Route.StartsWith("/intelligence/network/", StringComparison.Ordinal) || route.Route.StartsWith("/intelligence/groups/", StringComparison.Ordinal) => IdKind.Node,
        "id" when route.Route.StartsWith("/intelligence/", StringComparison.Ordinal) => IdKind.Item,
        "id" when route.Route.StartsWith("/disruption/", StringComparison.Ordinal) => IdKind.Suspect,
        "id" when route.Key == "POST /reviews?handler=ReviewBreakGlass" => IdKind.BreakGlass,
        "id" when route.Key == "POST /reviews?handler=DecideRequest" => IdKind.AccessRequest,
        "id" when route.Key == "POST /admin/users?handler=SetActive" => IdKind.User,
        "id" when route.Key == "POST /licensing/notices?handler=Acknowledge" => IdKind.LicensingNotice,
        _ => IdKind.None,
    };

    /// <summary>Route values that are not ids, filled the same for every request.</summary>
    private static readonly Dictionary<string, string> s_fixedValues = new()
    {
        ["{what:regex(^(name|identifier|address|contact|vulnerability)$)}"] = "name",
        ["{code:int?}"] = "404",
        ["{documentName}"] = "v1",
    };

    /// <summary>
    /// The requests: for every route with an id and every user, the canaries of that place's kind, two canaries of
    /// other kinds (rotating by user, so every canary is tried in every place across the users), three ids that do not
    /// exist, and for a route with two ids, each canary beside an id that does not exist and beside the user's own
    /// child. Shuffled (the same way each run) so existing and missing ids interleave.
    /// </summary>
    private (List<Request> Requests, HashSet<Exemption> Unsent) Plan(out List<string> unclassified)
    {
        unclassified = [];
        var unsent = new HashSet<Exemption>();
        var canaries = Canaries();
        var requests = new List<Request>();
        var random = new Random(20261124);
        foreach (var route in ServedRoutes.Of(_fixture.Server.Services))
        {
            var routeParameters = RouteParameter().Matches(route.Route).Select(m => m.Value).Where(p => !s_fixedValues.ContainsKey(p)).Select(p => p.Trim('{', '}').Split(':')[0]).ToList();
            var queryParameters = route.HandlerParameters.Where(p => p == "id" && !routeParameters.Contains(p)).ToList();
            var slots = routeParameters.Concat(queryParameters).ToList();
            if (slots.Count == 0)
            {
                continue;
            }
            if (s_notSwept.ContainsKey(route.Key))
            {
                continue;
            }
            var kinds = slots.Select(s => KindOf(route, s)).ToList();
            if (kinds.Contains(IdKind.None))
            {
                unclassified.Add($"{route.Key} ({string.Join(", ", slots)})");
                continue;
            }
            var userIndex = 0;
            foreach (var user in _fixture.Users)
            {
                userIndex++;
                var fills = new List<(Guid[] Values, Canary? Existing, string Reference)>();
                Guid Missing() => Guid.CreateVersion7();
                for (var i = 0; i < 3; i++)
                {
                    fills.Add(([.. slots.Select(_ => Missing())], null, "missing"));
                }
                for (var slot = 0; slot < slots.Count; slot++)
                {
                    var own = kinds[slot] != IdKind.Child && kinds.Contains(IdKind.Child) && user.OwnChild is { } child ? child.Value : (Guid?)null;
                    var natural = canaries.Where(c => c.Kind == kinds[slot]).ToList();
                    var others = canaries.Where(c => c.Kind != kinds[slot]).ToList();
                    var chosen = natural.Concat(Enumerable.Range(0, OtherKindsPerUser).Select(k => others[(userIndex * OtherKindsPerUser + k + slot) % others.Count])).ToList();
                    foreach (var canary in chosen)
                    {
                        // The canary in this place; every other place holds an id that does not exist, or the user's own child.
                        Guid[] values = [.. slots.Select((_, s) => s == slot ? canary.Id : Missing())];
                        fills.Add((values, canary, "missing"));
                        if (own is { } ownChild && canary.Kind == kinds[slot])
                        {
                            var withOwn = slots.Select((_, s) => s == slot ? canary.Id : kinds[s] == IdKind.Child ? ownChild : Missing()).ToArray();
                            fills.Add((withOwn, canary, "own child"));
                        }
                    }
                    if (own is { } ownReference)
                    {
                        for (var i = 0; i < 2; i++)
                        {
                            fills.Add(([.. slots.Select((_, s) => kinds[s] == IdKind.Child ? ownReference : Missing())], null, "own child"));
                        }
                    }
                }
                foreach (var (values, existing, reference) in fills)
                {
                    var exemption = existing is null ? null : s_exemptions.FirstOrDefault(e => e.Covers(route.Key, user, existing.Kind));
                    if (exemption is not null && route.Method != "GET")
                    {
                        // Not sent: an exempt role's POST could change the canaries (see s_exemptions).
                        unsent.Add(exemption);
                        continue;
                    }
                    requests.Add(new Request(route, user, route.Method, Url(route, slots, routeParameters.Count, values), existing, reference, exemption));
                }
            }
        }
        return ([.. requests.OrderBy(_ => random.Next())], unsent);
    }

    private static string Url(ServedRoute route, List<string> slots, int inRoute, Guid[] values)
    {
        var path = route.Route;
        foreach (var (pattern, value) in s_fixedValues)
        {
            path = path.Replace(pattern, value, StringComparison.Ordinal);
        }
        for (var i = 0; i < inRoute; i++)
        {
            path = Regex.Replace(path, $@"\{{{slots[i]}(:[^}}]*)?\}}", values[i].ToString());
        }
        var query = new List<string>();
        if (route.Handler is not null)
        {
            query.Add($"handler={route.Handler}");
        }
        for (var i = inRoute; i < slots.Count; i++)
        {
            query.Add($"{slots[i]}={values[i]}");
        }
        return query.Count == 0 ? path : $"{path}?{string.Join('&', query)}";
    }

    private async Task<Answer> SendAsync(Request request, ConcurrentDictionary<string, string> bodies, CancellationToken cancellationToken)
    {
        using var message = new HttpRequestMessage(new HttpMethod(request.Method), request.Url);
        if (request.Method != "GET")
        {
            message.Content = SignedInClient.Form(request.User.Token);
        }
        using var response = await request.User.Client.Http.SendAsync(message, cancellationToken);
        var body = await response.Content.ReadAsStringAsync(cancellationToken);
        var headers = response.Headers.Concat(response.Content.Headers).Where(h => h.Key is not ("Date" or "Content-Length"))
            .OrderBy(h => h.Key, StringComparer.Ordinal).Select(h => $"{h.Key}: {Normalise(string.Join(", ", h.Value))}");
        var normalised = string.Join("\n", headers) + "\n\n" + Normalise(body);
        var fingerprint = Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(normalised)));
        bodies.TryAdd(fingerprint, normalised);
        var headerText = string.Join("\n", response.Headers.Concat(response.Content.Headers).Select(h => $"{h.Key}: {string.Join(", ", h.Value)}"));
        return new Answer(request, (int)response.StatusCode, response.Headers.Location?.OriginalString, body.Length, fingerprint, CanaryIn(headerText) ?? CanaryIn(body));
    }

    /// <summary>The first canary named in the text (the secret and the field number after it), if any.</summary>
    private string? CanaryIn(string text)
    {
        var at = text.IndexOf(_fixture.Secret, StringComparison.OrdinalIgnoreCase);
        return at < 0 ? null : CanaryName().Match(text, at).Value;
    }

    /// <summary>What differs per request and means nothing: antiforgery tokens and ids (the url's own ids echoed back).</summary>
    private static string Normalise(string text) => Volatile().Replace(text, m => m.Groups[1].Success ? m.Groups[1].Value + "TOKEN" : "ID");

    private static string Around(ConcurrentDictionary<string, string> bodies, Answer answer, string leak)
    {
        var text = bodies.GetValueOrDefault(answer.Fingerprint) ?? "";
        var at = text.IndexOf(leak, StringComparison.OrdinalIgnoreCase);
        return at < 0 ? "(in a header)" : Regex.Replace(text[Math.Max(0, at - 160)..Math.Min(text.Length, at + 80)], @"\s+", " ");
    }

    private static string Difference(ConcurrentDictionary<string, string> bodies, Answer expected, Answer actual)
    {
        var a = bodies.GetValueOrDefault(expected.Fingerprint) ?? "";
        var b = bodies.GetValueOrDefault(actual.Fingerprint) ?? "";
        var at = 0;
        while (at < a.Length && at < b.Length && a[at] == b[at])
        {
            at++;
        }
        string Excerpt(string s) => Regex.Replace(s[Math.Max(0, at - 60)..Math.Min(s.Length, at + 100)], @"\s+", " ");
        return $"; first difference: «{Excerpt(a)}» / «{Excerpt(b)}»";
    }

    [GeneratedRegex(@"\{[^}]+\}")]
    private static partial Regex RouteParameter();

    /// <summary>An antiforgery token's value (group 1 is what comes before it), or an id.</summary>
    [GeneratedRegex("(name=\"__RequestVerificationToken\" type=\"hidden\" value=\")[^\"]+|[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}")]
    private static partial Regex Volatile();

    [GeneratedRegex(@"\G\w+")]
    private static partial Regex CanaryName();
}
