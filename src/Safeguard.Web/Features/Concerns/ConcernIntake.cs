using Microsoft.EntityFrameworkCore;
using Safeguard.Core;
using Safeguard.Core.Access;
using Safeguard.Core.Casework;
using Safeguard.Core.People;
using Safeguard.Web.Casework;
using Safeguard.Web.Data;
using Safeguard.Web.Data.Model;
using Safeguard.Web.Notifications;

namespace Safeguard.Web.Features.Concerns;

/// <summary>
/// Receiving a concern, the same way from the web form and the partner API: the checks (each problem named by
/// its field), the reference, the child's chronology when the child is known, and the front door told at once.
/// </summary>
public sealed class ConcernIntake(SafeguardDbContext db, Notifier notifier, CaseworkSchedule schedule)
{
    public const int MaximumAdults = 10;

    public sealed record Adult(string? Name, string? Description, string? Vehicle, string? Registration, string? Phone, string? Places, Id<Person>? PersonId = null)
    {
        public bool IsEmpty => new[] { Name, Description, Vehicle, Registration, Phone, Places }.All(string.IsNullOrWhiteSpace);
    }

    public sealed record Submission(
        string? ChildGivenName,
        string? ChildFamilyName,
        DateOnly? ChildDateOfBirth,
        string? ChildNhsNumber,
        string? ChildDescription,
        string? ChildAddressOrSchool,
        string? WhatHappened,
        string? ChildsWords,
        DateTimeOffset? OccurredAt,
        string? Location,
        bool? ImmediateDanger,
        string? ImmediateActionTaken,
        IReadOnlyList<Adult> Adults);

    /// <summary>Who reported: a signed-in user, or a partner system (with the person it names).</summary>
    public sealed record Reporter(Guid? UserId, Id<Agency> AgencyId, string? Name = null, string? Contact = null, Id<PartnerToken>? TokenId = null);

    /// <summary>A problem with what was entered, named by field: "ChildGivenName", "Adults[1].Phone".</summary>
    public sealed record Problem(string Field, string Message);

    private static readonly (string Field, string What, int Maximum, Func<Submission, string?> Value)[] s_texts =
    [
        (nameof(Submission.ChildGivenName), "The child's name", 200, s => s.ChildGivenName),
        (nameof(Submission.ChildFamilyName), "Last name", 200, s => s.ChildFamilyName),
        (nameof(Submission.ChildDescription), "The description", 1000, s => s.ChildDescription),
        (nameof(Submission.ChildAddressOrSchool), "Address or school", 500, s => s.ChildAddressOrSchool),
        (nameof(Submission.WhatHappened), "What you saw or heard", 8000, s => s.WhatHappened),
        (nameof(Submission.ChildsWords), "The child's own words", 4000, s => s.ChildsWords),
        (nameof(Submission.Location), "Where it happened", 500, s => s.Location),
        (nameof(Submission.ImmediateActionTaken), "What you have done", 2000, s => s.ImmediateActionTaken),
    ];

    private static readonly (string Field, string What, int Maximum, Func<Adult, string?> Value)[] s_adultTexts =
    [
        (nameof(Adult.Name), "Name", 200, a => a.Name),
        (nameof(Adult.Description), "Description", 1000, a => a.Description),
        (nameof(Adult.Vehicle), "Vehicle", 200, a => a.Vehicle),
        (nameof(Adult.Phone), "Phone number", 40, a => a.Phone),
        (nameof(Adult.Places), "Places", 1000, a => a.Places),
    ];

    /// <summary>Every problem with a submission, in the order of the form.</summary>
    public List<Problem> Validate(Submission submission)
    {
        ArgumentNullException.ThrowIfNull(submission);
        var problems = new List<Problem>();
        var now = db.Now;
        var today = schedule.Calendar.LocalDate(now);
        if (string.IsNullOrWhiteSpace(submission.ChildGivenName))
        {
            problems.Add(new(nameof(Submission.ChildGivenName), "Enter the child's first name, or the name they use"));
        }
        foreach (var (field, what, maximum, value) in s_texts)
        {
            var text = value(submission)?.Trim();
            if (text is not null && text.Length > maximum)
            {
                problems.Add(new(field, $"{what} must be {maximum:N0} characters or fewer; you have entered {text.Length:N0}"));
            }
        }
        if (submission.ChildDateOfBirth is { } born)
        {
            if (born > today)
            {
                problems.Add(new(nameof(Submission.ChildDateOfBirth), "Date of birth must be today or in the past"));
            }
            else if (born.AddYears(18) <= today)
            {
                problems.Add(new(nameof(Submission.ChildDateOfBirth), "Date of birth makes them 18 or over: Safeguard records concerns about children. Check the date, or leave it blank and describe their age"));
            }
        }
        if (!string.IsNullOrWhiteSpace(submission.ChildNhsNumber) && !(NhsNumber.Normalise(submission.ChildNhsNumber) is { } nhs && NhsNumber.IsValid(nhs)))
        {
            problems.Add(new(nameof(Submission.ChildNhsNumber), "Enter a valid NHS number: 10 digits, like 943 476 5919, or leave it blank"));
        }
        if (string.IsNullOrWhiteSpace(submission.WhatHappened))
        {
            problems.Add(new(nameof(Submission.WhatHappened), "Enter what you saw or heard"));
        }
        if (submission.OccurredAt is not { } occurred)
        {
            problems.Add(new(nameof(Submission.OccurredAt), "Enter when it happened"));
        }
        else if (occurred > now.AddMinutes(5))
        {
            problems.Add(new(nameof(Submission.OccurredAt), "When it happened must be now or in the past"));
        }
        else if (schedule.Calendar.LocalDate(occurred) < today.AddYears(-18))
        {
            problems.Add(new(nameof(Submission.OccurredAt), "When it happened must be within the last 18 years"));
        }
        if (submission.ImmediateDanger is null)
        {
            problems.Add(new(nameof(Submission.ImmediateDanger), "Select yes if the child is in immediate danger now"));
        }
        else if (submission.ImmediateDanger == true && string.IsNullOrWhiteSpace(submission.ImmediateActionTaken))
        {
            problems.Add(new(nameof(Submission.ImmediateActionTaken), "Say what you have done to keep the child safe. If you have not called 999, call now"));
        }
        if (submission.Adults.Count > MaximumAdults)
        {
            problems.Add(new(nameof(Submission.Adults), $"Enter at most {MaximumAdults} adults in one concern; put the rest in what you saw or heard"));
        }
        for (var i = 0; i < Math.Min(submission.Adults.Count, MaximumAdults); i++)
        {
            var adult = submission.Adults[i];
            foreach (var (field, what, maximum, value) in s_adultTexts)
            {
                var text = value(adult)?.Trim();
                if (text is not null && text.Length > maximum)
                {
                    problems.Add(new($"Adults[{i}].{field}", $"{what} must be {maximum:N0} characters or fewer; you have entered {text.Length:N0}"));
                }
            }
            if (!string.IsNullOrWhiteSpace(adult.Registration) && VehicleRegistration.Normalise(adult.Registration) is null)
            {
                problems.Add(new($"Adults[{i}].{nameof(Adult.Registration)}", "Enter the registration in letters and numbers, like NB19 ABC, or the part you saw, like NB19"));
            }
            if (!string.IsNullOrWhiteSpace(adult.Phone) && !IsPhoneNumber(adult.Phone))
            {
                problems.Add(new($"Adults[{i}].{nameof(Adult.Phone)}", "Enter a phone number in numbers, like 07700 900123"));
            }
        }
        return problems;
    }

    /// <summary>
    /// Records a valid submission and saves it with its reference: the concern, the adults, the child's chronology if
    /// the child is known, and a notification to every front door worker.
    /// </summary>
    public async Task<Concern> RecordAsync(Submission submission, Reporter reporter, Id<Person>? childId, ConcernMatch match, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(submission);
        ArgumentNullException.ThrowIfNull(reporter);
        var now = db.Now;
        var concern = new Concern
        {
            Reference = "",
            ReceivedAt = now,
            ReportedByUserId = reporter.UserId,
            ReporterAgencyId = reporter.AgencyId,
            ReporterName = Trimmed(reporter.Name),
            ReporterContact = Trimmed(reporter.Contact),
            PartnerTokenId = reporter.TokenId,
            ChildGivenName = submission.ChildGivenName!.Trim(),
            ChildFamilyName = Trimmed(submission.ChildFamilyName),
            ChildDateOfBirth = submission.ChildDateOfBirth,
            ChildNhsNumber = NhsNumber.Normalise(submission.ChildNhsNumber),
            ChildDescription = Trimmed(submission.ChildDescription),
            ChildAddressOrSchool = Trimmed(submission.ChildAddressOrSchool),
            PersonId = childId,
            Match = match,
            WhatHappened = submission.WhatHappened!.Trim(),
            ChildsWords = Trimmed(submission.ChildsWords),
            OccurredAt = submission.OccurredAt,
            Location = Trimmed(submission.Location),
            ImmediateDanger = submission.ImmediateDanger == true,
            ImmediateActionTaken = submission.ImmediateDanger == true ? Trimmed(submission.ImmediateActionTaken) : null,
        };
        var position = 0;
        foreach (var adult in submission.Adults.Where(a => !a.IsEmpty))
        {
            concern.Adults.Add(new ConcernAdult
            {
                ConcernId = concern.Id,
                Position = ++position,
                Name = Trimmed(adult.Name),
                Description = Trimmed(adult.Description),
                Vehicle = Trimmed(adult.Vehicle),
                VehicleRegistration = VehicleRegistration.Normalise(adult.Registration),
                Phone = Trimmed(adult.Phone),
                Places = Trimmed(adult.Places),
                PersonId = adult.PersonId,
            });
        }
        db.Concerns.Add(concern);

        var agencyName = await db.Agencies.Where(a => a.Id == reporter.AgencyId).Select(a => a.Name).SingleAsync(cancellationToken);
        var entry = childId is { } child
            ? Chronicle.Add(db, child, reporter.AgencyId, reporter.UserId ?? Chronicle.PartnerSystem, ChronologyKinds.Concern,
                concern.OccurredAt ?? now, "", $"concern/{concern.Id}")
            : null;

        var due = schedule.ReferralDecisionDue(now);
        var frontDoor = await StaffDirectory.WithRoleAsync(db, Roles.FrontDoor, cancellationToken: cancellationToken);
        var danger = concern.ImmediateDanger ? " The reporter says the child is in immediate danger." : "";
        await notifier.NotifyAsync(frontDoor, $"concern-new/{concern.Id}",
            $"New concern from {agencyName}: a decision is due by {CaseworkText.Date(due.Date)}.{danger}",
            $"/front-door/concerns/{concern.Id}",
            concern.ImmediateDanger ? "a new concern needs a decision (immediate danger)" : "a new concern needs a decision",
            cancellationToken);

        var year = schedule.Calendar.LocalDate(now).Year;
        await ReferenceNumbers.SaveWithNextAsync(db, "REF", year, reference =>
        {
            concern.Reference = reference;
            entry?.Summary = Chronicle.Fit(ChronologySummary(concern, agencyName));
        }, cancellationToken);
        return concern;
    }

    /// <summary>What the chronology says about a concern: who reported it, the danger, what was seen, the child's words.</summary>
    public static string ChronologySummary(Concern concern, string agencyName)
    {
        ArgumentNullException.ThrowIfNull(concern);
        var danger = concern.ImmediateDanger ? " The child was said to be in immediate danger." : "";
        var words = concern.ChildsWords is null ? "" : $" The child said: \"{concern.ChildsWords}\"";
        return $"Concern {concern.Reference} reported by {agencyName}.{danger} {concern.WhatHappened}{words}";
    }

    private static string? Trimmed(string? text) => string.IsNullOrWhiteSpace(text) ? null : text.Trim();

    private static bool IsPhoneNumber(string text)
    {
        var digits = 0;
        foreach (var c in text.Trim())
        {
            if (char.IsAsciiDigit(c))
            {
                digits++;
            }
            else if (c is not (' ' or '+' or '(' or ')' or '-'))
            {
                return false;
            }
        }
        return digits is >= 6 and <= 15;
    }
}
