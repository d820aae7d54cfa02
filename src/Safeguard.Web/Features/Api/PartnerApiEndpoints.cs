using System.Globalization;
using System.Security.Claims;
using System.Text.Json;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.OpenApi;
using Microsoft.EntityFrameworkCore;
using Microsoft.OpenApi;
using Safeguard.Core;
using Safeguard.Core.Casework;
using Safeguard.Web.Auth;
using Safeguard.Web.Data;
using Safeguard.Web.Data.Model;
using Safeguard.Web.Features.Concerns;

namespace Safeguard.Web.Features.Api;

/// <summary>
/// The JSON API for partner systems (police, health and school record systems, a youth project's case system):
/// submit a concern, read its status and decision, list a user's due and overdue actions. Every call carries a
/// bearer token issued to one agency and sees only that agency's concerns and staff. Bad input answers RFC 7807
/// problem details naming each field; nothing is saved unless everything is valid. Described at /openapi/v1.json.
/// </summary>
public static class PartnerApiEndpoints
{
    public const string Prefix = "/api/v1";
    private const int MaximumBodyBytes = 256 * 1024;

    private static readonly JsonSerializerOptions s_json = new(JsonSerializerDefaults.Web);

    public static bool IsApi(PathString path) => path.StartsWithSegments(Prefix, StringComparison.OrdinalIgnoreCase);

    public static void Map(WebApplication app)
    {
        ArgumentNullException.ThrowIfNull(app);
        var api = app.MapGroup(Prefix).RequireAuthorization(Policies.PartnerApi).RequireRateLimiting(RateLimits.PartnerApi).WithTags("Partner API");
        api.MapPost("/concerns", SubmitConcernAsync)
            .WithName("SubmitConcern")
            .WithSummary("Submit a concern about a child")
            .WithDescription("Records a concern from the token's agency. The front door decides within 1 working day; read the decision with the reference returned.")
            // The body is read by hand (size limit, field-by-field problems), so it is described here rather than bound:
            // a declared JSON body would make routing refuse other content types before the token is even checked.
            .AddOpenApiOperationTransformer(async (operation, context, cancellationToken) =>
            {
                var schema = await context.GetOrCreateSchemaAsync(typeof(ConcernSubmission), null, cancellationToken);
                operation.RequestBody = new OpenApiRequestBody
                {
                    Required = true,
                    Content = new Dictionary<string, OpenApiMediaType> { ["application/json"] = new() { Schema = schema } },
                };
            })
            .Produces<ConcernStatus>(StatusCodes.Status201Created)
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status401Unauthorized)
            .ProducesProblem(StatusCodes.Status413PayloadTooLarge);
        api.MapGet("/concerns/{reference}", ReadConcernAsync)
            .WithName("ReadConcern")
            .WithSummary("Read a concern's status and decision")
            .WithDescription("Only concerns submitted by the token's agency (through the API or by its staff) are found.")
            .ProducesProblem(StatusCodes.Status404NotFound);
        api.MapGet("/users/{email}/actions", ListActionsAsync)
            .WithName("ListUserActions")
            .WithSummary("List a user's open actions, due and overdue")
            .WithDescription("The user must belong to the token's agency. Each action says whether it is due, due today or overdue and how far it has escalated.")
            .ProducesProblem(StatusCodes.Status404NotFound);
    }

    public static void ConfigureOpenApi(OpenApiOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        options.ShouldInclude = description => description.RelativePath?.StartsWith(Prefix[1..], StringComparison.OrdinalIgnoreCase) == true;
        options.AddDocumentTransformer((document, _, _) =>
        {
            document.Info = new OpenApiInfo
            {
                Title = "Safeguard partner API",
                Version = "v1",
                Description = "For partner agencies' systems. Authenticate with `Authorization: Bearer <token>`; a token belongs to one agency. "
                    + "Errors are RFC 7807 problem details; validation errors list each field.",
            };
            document.Components ??= new OpenApiComponents();
            document.Components.SecuritySchemes = new Dictionary<string, IOpenApiSecurityScheme>
            {
                ["partnerToken"] = new OpenApiSecurityScheme
                {
                    Type = SecuritySchemeType.Http,
                    Scheme = "bearer",
                    Description = "A partner token (sgp_...) issued to your agency with `./safeguard partner-token issue`.",
                },
            };
            document.Security = [new OpenApiSecurityRequirement { [new OpenApiSecuritySchemeReference("partnerToken", document)] = [] }];
            return Task.CompletedTask;
        });
    }

    public sealed record ReporterDetails(string? Name, string? Role, string? Contact);

    public sealed record ChildDetails(string? GivenName, string? FamilyName, string? DateOfBirth, string? NhsNumber, string? Description, string? AddressOrSchool);

    public sealed record AdultDetails(string? Name, string? Description, string? Vehicle, string? Registration, string? Phone, string? Places);

    /// <summary>A concern as a partner system sends it. Dates are ISO 8601: dateOfBirth "2012-03-27", occurredAt "2026-03-13T21:40:00Z".</summary>
    public sealed record ConcernSubmission(
        ReporterDetails? Reporter,
        ChildDetails? Child,
        string? WhatHappened,
        string? ChildsWords,
        string? OccurredAt,
        string? Location,
        bool? ImmediateDanger,
        string? ImmediateActionTaken,
        IReadOnlyList<AdultDetails>? Adults);

    public sealed record DecisionDetails(string Outcome, string OutcomeText, DateTimeOffset DecidedAt, bool DecidedLate, string? Rationale);

    /// <summary>Where a concern stands. <c>status</c> is AwaitingDecision, DecisionOverdue, AwaitingCountersignature or Decided.</summary>
    public sealed record ConcernStatus(string Reference, DateTimeOffset ReceivedAt, string DecisionDueBy, DateTimeOffset DecisionDeadline, string Status, DecisionDetails? Decision);

    /// <summary>An open action. <c>status</c> is Open, DueToday or Overdue; <c>escalatedTo</c> the highest step reached above the owner.</summary>
    public sealed record ActionSummary(Guid Id, string Title, string ChildName, string DueBy, DateTimeOffset DueAt, string Status, string? EscalatedTo, string Link);

    private static async Task<Results<Created<ConcernStatus>, ValidationProblem, ProblemHttpResult>> SubmitConcernAsync(
        HttpRequest request, ClaimsPrincipal token, SafeguardDbContext db, ConcernIntake intake, ConcernMatcher matcher, CaseworkSchedule schedule, CancellationToken cancellationToken)
    {
        if (await RequestLimits.ReadBodyAsync(request, MaximumBodyBytes, cancellationToken) is not { } json)
        {
            return TooLarge();
        }
        var (body, unreadable) = ReadSubmission(json);
        if (unreadable is not null)
        {
            return TypedResults.ValidationProblem(unreadable);
        }
        if (body is null)
        {
            return TypedResults.ValidationProblem(new Dictionary<string, string[]> { ["body"] = ["Send the concern as a JSON object."] });
        }

        var errors = new Dictionary<string, List<string>>();
        void Add(string field, string message)
        {
            if (!errors.TryGetValue(field, out var list))
            {
                errors[field] = list = [];
            }
            list.Add(message);
        }
        if (string.IsNullOrWhiteSpace(body.Reporter?.Name))
        {
            Add("reporter.name", "Give the name of the person reporting, so the front door can ask them more.");
        }
        if (body.Reporter?.Name?.Length > 150 || body.Reporter?.Role?.Length > 45 || body.Reporter?.Contact?.Length > 200)
        {
            Add("reporter", "Reporter name must be 150 characters or fewer, role 45, contact 200.");
        }
        DateOnly? born = null;
        if (!string.IsNullOrWhiteSpace(body.Child?.DateOfBirth))
        {
            if (DateOnly.TryParseExact(body.Child.DateOfBirth, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date))
            {
                born = date;
            }
            else
            {
                Add("child.dateOfBirth", "Write the date of birth as yyyy-MM-dd, like 2012-03-27.");
            }
        }
        DateTimeOffset? occurred = null;
        if (!string.IsNullOrWhiteSpace(body.OccurredAt))
        {
            if (DateTimeOffset.TryParse(body.OccurredAt, CultureInfo.InvariantCulture, DateTimeStyles.None, out var at)
                && body.OccurredAt.Length >= 16 && body.OccurredAt.Contains('T', StringComparison.Ordinal) && (body.OccurredAt.EndsWith('Z') || body.OccurredAt[^6] is '+' or '-'))
            {
                occurred = at.ToUniversalTime();
            }
            else
            {
                Add("occurredAt", "Write when it happened as an ISO 8601 date and time with a zone, like 2026-03-13T21:40:00Z.");
            }
        }
        var submission = new ConcernIntake.Submission(
            body.Child?.GivenName, body.Child?.FamilyName, born, body.Child?.NhsNumber, body.Child?.Description, body.Child?.AddressOrSchool,
            body.WhatHappened, body.ChildsWords, occurred, body.Location, body.ImmediateDanger, body.ImmediateActionTaken,
            [.. (body.Adults ?? []).Select(a => new ConcernIntake.Adult(a.Name, a.Description, a.Vehicle, a.Registration, a.Phone, a.Places))]);
        foreach (var problem in intake.Validate(submission))
        {
            if (problem.Field == nameof(ConcernIntake.Submission.OccurredAt) && errors.ContainsKey("occurredAt"))
            {
                continue; // already said why: it could not be read
            }
            Add(FieldName(problem.Field), problem.Message);
        }
        if (errors.Count > 0)
        {
            return TypedResults.ValidationProblem(errors.ToDictionary(e => e.Key, e => e.Value.ToArray()), title: "The concern was not saved: correct these fields and send it again.");
        }

        // A partner system cannot confirm a match: possible records are left to the front door.
        var candidates = await matcher.ChildCandidatesAsync(submission.ChildGivenName, submission.ChildFamilyName, born, submission.ChildNhsNumber, cancellationToken);
        var reporterName = body.Reporter!.Role is { Length: > 0 } role ? $"{body.Reporter.Name!.Trim()} ({role.Trim()})" : body.Reporter.Name!.Trim();
        var concern = await intake.RecordAsync(submission,
            new ConcernIntake.Reporter(null, AgencyOf(token), reporterName, body.Reporter.Contact, Id<PartnerToken>.Parse(token.FindFirstValue(PartnerTokenAuthentication.TokenIdClaim)!, null)),
            null, candidates.Count > 0 ? ConcernMatch.LeftToFrontDoor : ConcernMatch.NoCandidates, cancellationToken);
        return TypedResults.Created($"{Prefix}/concerns/{concern.Reference}", Status(concern, null, schedule, db.Now, AgencyOf(token)));
    }

    private static async Task<Results<Ok<ConcernStatus>, ProblemHttpResult>> ReadConcernAsync(
        string reference, ClaimsPrincipal token, SafeguardDbContext db, CaseworkSchedule schedule, CancellationToken cancellationToken)
    {
        var agency = AgencyOf(token);
        var concern = await db.Concerns.AsNoTracking().SingleOrDefaultAsync(c => c.Reference == reference && c.ReporterAgencyId == agency, cancellationToken);
        if (concern is null)
        {
            return TypedResults.Problem(statusCode: StatusCodes.Status404NotFound, title: "No such concern from your agency",
                detail: $"No concern with reference '{reference}' was submitted by your agency.");
        }
        var decision = await ConcernView.Latest(db.ConcernDecisions.AsNoTracking().Include(d => d.Sharing).Where(d => d.ConcernId == concern.Id), cancellationToken);
        return TypedResults.Ok(Status(concern, decision, schedule, db.Now, agency));
    }

    private static async Task<Results<Ok<List<ActionSummary>>, ProblemHttpResult>> ListActionsAsync(
        string email, ClaimsPrincipal token, SafeguardDbContext db, CaseworkSchedule schedule, CancellationToken cancellationToken)
    {
        var agency = AgencyOf(token);
        var normalised = email.Trim().ToUpperInvariant();
        var user = await db.Users.AsNoTracking().SingleOrDefaultAsync(u => u.NormalizedEmail == normalised && u.AgencyId == agency, cancellationToken);
        if (user is null)
        {
            return TypedResults.Problem(statusCode: StatusCodes.Status404NotFound, title: "No such user in your agency",
                detail: "The email address is not that of a member of staff of the token's agency.");
        }
        var now = db.Now;
        var actions = await db.Actions.AsNoTracking().Where(a => a.OwnerUserId == user.Id && a.CompletedAt == null).OrderBy(a => a.DueAt)
            .Join(db.People, a => a.PersonId, p => p.Id, (a, p) => new { Action = a, Child = p.GivenName + " " + p.FamilyName })
            .ToListAsync(cancellationToken);
        return TypedResults.Ok(actions.Select(x =>
        {
            var status = schedule.Escalation(x.Action.Due, null, now);
            var state = status.Overdue ? "Overdue" : status.Current == EscalationLevel.Owner ? "DueToday" : "Open";
            var escalated = status.Current is { } level and > EscalationLevel.Owner ? level.ToString() : null;
            return new ActionSummary(x.Action.Id.Value, x.Action.Title, x.Child, x.Action.DueDate.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
                x.Action.DueAt, state, escalated, $"/actions/{x.Action.Id}");
        }).ToList());
    }

    private static ConcernStatus Status(Concern concern, ConcernDecision? decision, CaseworkSchedule schedule, DateTimeOffset now, Id<Agency> reader)
    {
        var standing = decision is { CountersignRefused: false } ? decision : null;
        var status = FrontDoorRules.Status(schedule, concern.ReceivedAt, standing?.Facts, now);
        var withheld = standing?.Sharing.Any(s => s.AgencyId == reader && !s.Shared) == true;
        return new ConcernStatus(concern.Reference, concern.ReceivedAt, status.Deadline.Date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture), status.Deadline.EndsAt,
            status.State.ToString(),
            standing is null ? null : new DecisionDetails(standing.Outcome.ToString(), FrontDoorRules.Describe(standing.Outcome), standing.DecidedAt, status.DecidedLate,
                withheld ? null : standing.Rationale));
    }

    private static Id<Agency> AgencyOf(ClaimsPrincipal token) => Id<Agency>.Parse(token.FindFirstValue(SafeguardClaims.AgencyId)!, null);

    /// <summary>
    /// Why the body cannot be read as a concern, field by field, or null when it can. The serializer's own messages
    /// name .NET types ("could not be converted to System.Nullable`1[System.Boolean]"): a partner is told instead which
    /// field is wrong and what it must be.
    /// </summary>
    private static (ConcernSubmission? Body, Dictionary<string, string[]>? Problems) ReadSubmission(ReadOnlyMemory<byte> json)
    {
        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(json);
        }
        catch (JsonException failure)
        {
            var where = failure.LineNumber is { } line ? $" (line {line + 1}, byte {failure.BytePositionInLine + 1})" : "";
            return (null, new() { ["body"] = [$"The body is not valid JSON{where}. Send the concern as one JSON object."] });
        }
        using (document)
        {
            try
            {
                return (document.Deserialize<ConcernSubmission>(s_json), null);
            }
            catch (JsonException failure)
            {
                var field = failure.Path is { Length: > 2 } path && path.StartsWith("$.", StringComparison.Ordinal) ? path[2..] : "body";
                return (null, new() { [field] = [$"{(field == "body" ? "The body" : field)} must be {ExpectedShape(field)}."] });
            }
        }
    }

    /// <summary>What a field of <see cref="ConcernSubmission"/> holds, in JSON's words.</summary>
    private static string ExpectedShape(string field) => field.ToLowerInvariant() switch
    {
        "body" => "one JSON object",
        "reporter" or "child" => "an object",
        "adults" => "a list of objects, one for each adult",
        "immediatedanger" => "true or false",
        var adult when adult.StartsWith("adults[", StringComparison.Ordinal) && adult.EndsWith(']') => "an object",
        _ => "text, in quotes",
    };

    private static ProblemHttpResult TooLarge() =>
        TypedResults.Problem(statusCode: StatusCodes.Status413PayloadTooLarge, title: "The concern is too large",
            detail: $"Send at most {MaximumBodyBytes / 1024} KB; put attachments in your own system and describe them.");

    /// <summary>The intake's field names as the JSON names them: "ChildGivenName" is "child.givenName", "Adults[1].Phone" is "adults[1].phone".</summary>
    private static string FieldName(string field) => field switch
    {
        _ when field.StartsWith("Child", StringComparison.Ordinal) && field != nameof(ConcernIntake.Submission.ChildsWords) => "child." + Camel(field["Child".Length..]),
        _ when field.StartsWith("Adults", StringComparison.Ordinal) => string.Join('.', field.Split('.').Select(Camel)),
        _ => Camel(field),
    };

    private static string Camel(string name) => name.Length == 0 ? name : char.ToLowerInvariant(name[0]) + name[1..];
}
