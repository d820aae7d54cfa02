using System.Globalization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.Mvc.Rendering;
using Microsoft.EntityFrameworkCore;
using Safeguard.Core;
using Safeguard.Core.Access;
using Safeguard.Core.Casework;
using Safeguard.Web.Auth;
using Safeguard.Web.Data;
using Safeguard.Web.Data.Model;
using Safeguard.Web.Features.Language;
using Safeguard.Web.Features.Matching;
using Safeguard.Web.Features.Shared;

namespace Safeguard.Web.Features.Concerns;

/// <summary>
/// Report a concern: any signed-in user of any agency. A validation error keeps everything typed. Before the concern
/// is sent, the child and the named adults are matched against existing records and the reporter confirms a match
/// or leaves it to the front door; possible matches are shown the way search shows them (name, date of birth, the
/// agencies that know the child), and each is logged as seen. Who was offered is held by the server
/// (<see cref="CandidateOffers"/>, one offer for the child and one for each adult): the form carries only the offers'
/// ids, and a choice counts only if that person was offered to this reporter for the details as they now stand.
/// </summary>
public sealed class ReportModel(SafeguardDbContext db, ChildAccessService access, ConcernIntake intake, ConcernMatcher matcher, LanguageReview language) : PageModel
{
    public const string Unsure = "unsure";
    public const string NoneOfThese = "none";

    [BindProperty]
    public ConcernInput Input { get; set; } = new();

    /// <summary>"add-adult" adds a block for another adult; anything else sends the concern.</summary>
    [BindProperty]
    public string? Command { get; set; }

    public List<SelectListItem> ChildCandidates { get; private set; } = [];
    public Dictionary<int, List<SelectListItem>> AdultCandidates { get; } = [];
    public bool AskingAboutMatches { get; private set; }

    public static List<SelectListItem> YesNo => [new("Yes", "yes"), new("No", "no")];

    public sealed class ConcernInput
    {
        public string? ChildGivenName { get; set; }
        public string? ChildFamilyName { get; set; }
        public DateInput ChildDateOfBirth { get; set; } = new();
        public string? ChildNhsNumber { get; set; }
        public string? ChildDescription { get; set; }
        public string? ChildAddressOrSchool { get; set; }
        /// <summary>A person id, <see cref="NoneOfThese"/> or <see cref="Unsure"/>; null until possible matches were shown.</summary>
        public string? ChildMatch { get; set; }
        /// <summary>The id of the offer of possible matches for the child (<see cref="CandidateOffer"/>): if the details change, matches are looked for again.</summary>
        public string? ChildOffer { get; set; }
        public string? WhatHappened { get; set; }
        public string? ChildsWords { get; set; }
        public DateInput OccurredOn { get; set; } = new();
        public string? OccurredTime { get; set; }
        public string? Location { get; set; }
        public string? ImmediateDanger { get; set; }
        public string? ImmediateActionTaken { get; set; }
        public List<AdultInput> Adults { get; set; } = [new()];
    }

    public sealed class AdultInput
    {
        public string? Name { get; set; }
        public string? Description { get; set; }
        public string? Vehicle { get; set; }
        public string? Registration { get; set; }
        public string? Phone { get; set; }
        public string? Places { get; set; }
        /// <summary>A person id or <see cref="NoneOfThese"/>; null until possible matches were shown.</summary>
        public string? Match { get; set; }
        /// <summary>The id of the offer of possible matches for this adult: if the name changes, matches are looked for again.</summary>
        public string? Offer { get; set; }
    }

    public void OnGet()
    {
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        if (Input.Adults.Count == 0)
        {
            Input.Adults.Add(new AdultInput());
        }
        if (Command == "add-adult")
        {
            if (Input.Adults.Count < ConcernIntake.MaximumAdults)
            {
                Input.Adults.Add(new AdultInput());
            }
            return Page();
        }

        var submission = ReadSubmission();
        foreach (var problem in intake.Validate(submission))
        {
            ModelState.AddModelError(InputKey(problem.Field), problem.Message);
        }
        // The offers the form names, if they were made to this reporter for the details as they now stand; a choice
        // must be someone in its offer (never any id the form carries, nor a child as an adult).
        var user = access.User;
        var childOffer = await CandidateOffers.FindAsync(db, Input.ChildOffer, user.UserId, CandidateOfferPurpose.ConcernChild, ChildKey(submission), cancellationToken);
        if (childOffer is not null && Input.ChildMatch is { } childChoice && childChoice is not (NoneOfThese or Unsure) && ChosenFrom(childOffer, childChoice) is null)
        {
            ModelState.AddModelError("Input.ChildMatch", "Choose one of the records Safeguard found, or say none of these is the child");
        }
        var adultOffers = new List<CandidateOffer?>();
        for (var i = 0; i < Input.Adults.Count; i++)
        {
            var adult = Input.Adults[i];
            var offer = await CandidateOffers.FindAsync(db, adult.Offer, user.UserId, CandidateOfferPurpose.ConcernAdult, AdultKey(adult), cancellationToken);
            adultOffers.Add(offer);
            if (offer is not null && adult.Match is { } adultChoice && adultChoice != NoneOfThese && ChosenFrom(offer, adultChoice) is null)
            {
                ModelState.AddModelError($"Input.Adults[{i}].Match", "Choose one of the people Safeguard found, or none of these");
            }
        }
        if (!ModelState.IsValid)
        {
            await ShowMatchesAgainAsync(submission, childOffer, adultOffers, cancellationToken);
            return Page();
        }

        // Ask about possible matches once for the details as they now stand; ask again if the details changed.
        if (childOffer is null || Input.ChildMatch is null)
        {
            var candidates = await ChildCandidatesAsync(submission, cancellationToken);
            if (candidates.Count > 0)
            {
                AskingAboutMatches = true;
                Input.ChildMatch = null;
                ModelState.Remove("Input.ChildMatch");
            }
            else
            {
                Input.ChildMatch = NoneOfThese;
            }
        }
        for (var i = 0; i < Input.Adults.Count; i++)
        {
            var adult = Input.Adults[i];
            if (adultOffers[i] is null || adult.Match is null)
            {
                if (await AdultCandidatesAsync(i, adult, cancellationToken) > 0)
                {
                    AskingAboutMatches = true;
                    adult.Match = null;
                    ModelState.Remove($"Input.Adults[{i}].Match");
                }
                else
                {
                    adult.Match = NoneOfThese;
                }
            }
        }
        if (AskingAboutMatches)
        {
            await db.SaveChangesAsync(cancellationToken); // the candidates shown, in the access log
            return Page();
        }
        // The reporter's own words are checked once the matches are settled (the child's words are not: they are quoted).
        if (!language.ReadyToSave(ModelState,
            new LanguageField("Input.WhatHappened", submission.WhatHappened, "Concern: what happened"),
            new LanguageField("Input.ImmediateActionTaken", submission.ImmediateDanger == true ? submission.ImmediateActionTaken : null, "Concern: what was done to keep the child safe")))
        {
            return Page();
        }

        var (childId, match) = Input.ChildMatch switch
        {
            NoneOfThese when childOffer is null => ((Id<Person>?)null, ConcernMatch.NoCandidates),
            NoneOfThese or Unsure => (null, ConcernMatch.LeftToFrontDoor),
            var chosen when childOffer is not null && ChosenFrom(childOffer, chosen) is { } id => (id, ConcernMatch.ConfirmedByReporter),
            _ => (null, ConcernMatch.LeftToFrontDoor),
        };
        var adults = submission.Adults.Select((a, i) => a with { PersonId = adultOffers[i] is { } offer ? ChosenFrom(offer, Input.Adults[i].Match) : null }).ToList();
        var concern = await intake.RecordAsync(submission with { Adults = adults }, new ConcernIntake.Reporter(user.UserId, user.AgencyId), childId, match, cancellationToken);
        TempData["Saved"] = $"Your concern has been sent to the front door. Your reference is {concern.Reference}.";
        return Redirect($"/concerns/{concern.Id}");
    }

    private ConcernIntake.Submission ReadSubmission()
    {
        DateOnly? born = null;
        if (!Input.ChildDateOfBirth.IsEmpty)
        {
            if (Input.ChildDateOfBirth.TryParse("Date of birth", out var date, out var error))
            {
                born = date;
            }
            else
            {
                ModelState.AddModelError("Input.ChildDateOfBirth", error);
            }
        }
        DateTimeOffset? occurred = null;
        if (!Input.OccurredOn.IsEmpty)
        {
            if (Input.OccurredOn.TryParse("Date it happened", out var date, out var error))
            {
                var time = TimeOnly.MinValue;
                if (!string.IsNullOrWhiteSpace(Input.OccurredTime) && !TimeInput.TryParse(Input.OccurredTime, out time))
                {
                    ModelState.AddModelError("Input.OccurredTime", "Enter the time on the 24-hour clock, like 21:40, or leave it blank");
                }
                occurred = UkTime.ToUtc(date, time);
            }
            else
            {
                ModelState.AddModelError("Input.OccurredOn", error);
            }
        }
        bool? danger = Input.ImmediateDanger switch { "yes" => true, "no" => false, _ => null };
        return new ConcernIntake.Submission(
            Input.ChildGivenName, Input.ChildFamilyName, born, Input.ChildNhsNumber, Input.ChildDescription, Input.ChildAddressOrSchool,
            Input.WhatHappened, Input.ChildsWords, occurred, Input.Location, danger, Input.ImmediateActionTaken,
            [.. Input.Adults.Select(a => new ConcernIntake.Adult(a.Name, a.Description, a.Vehicle, a.Registration, a.Phone, a.Places))]);
    }

    /// <summary>The model-state key of an intake field (the API names the same fields its own way).</summary>
    private static string InputKey(string field) => field switch
    {
        nameof(ConcernIntake.Submission.ChildDateOfBirth) => "Input.ChildDateOfBirth",
        nameof(ConcernIntake.Submission.OccurredAt) => "Input.OccurredOn",
        nameof(ConcernIntake.Submission.Adults) => "Input.Adults[0].Name",
        _ => $"Input.{field}",
    };

    private static string ChildKey(ConcernIntake.Submission s) =>
        string.Join('|', ConcernMatcher.FullName(s.ChildGivenName, s.ChildFamilyName), s.ChildDateOfBirth?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
            Core.People.NhsNumber.Normalise(s.ChildNhsNumber));

    /// <summary>What an adult was matched on (their name): asked again when it changes.</summary>
    private static string AdultKey(AdultInput adult) => ConcernMatcher.FullName(adult.Name, null) ?? "";

    /// <summary>After an error, the choices already offered are offered again (looked for afresh, as a new offer).</summary>
    private async Task ShowMatchesAgainAsync(ConcernIntake.Submission submission, CandidateOffer? childOffer, List<CandidateOffer?> adultOffers, CancellationToken cancellationToken)
    {
        if (childOffer is not null)
        {
            await ChildCandidatesAsync(submission, cancellationToken);
        }
        for (var i = 0; i < Input.Adults.Count; i++)
        {
            if (adultOffers[i] is not null)
            {
                await AdultCandidatesAsync(i, Input.Adults[i], cancellationToken);
            }
        }
        await db.SaveChangesAsync(cancellationToken);
    }

    /// <summary>The person chosen, if they are one the offer offered; null for anything else.</summary>
    private static Id<Person>? ChosenFrom(CandidateOffer offer, string? choice) =>
        Id<Person>.TryParse(choice, null, out var id) && offer.PeopleOffered.Contains(id) ? id : null;

    // Looks for the child, shows who was found (each logged as seen) and records the offer; the page's save writes both.
    private async Task<List<ConcernMatcher.Candidate>> ChildCandidatesAsync(ConcernIntake.Submission submission, CancellationToken cancellationToken)
    {
        var candidates = await matcher.ChildCandidatesAsync(submission.ChildGivenName, submission.ChildFamilyName, submission.ChildDateOfBirth, submission.ChildNhsNumber, cancellationToken);
        var knownTo = await access.KnownToAsync([.. candidates.Select(c => c.Id)], cancellationToken);
        var bases = await LogSeenAsync(candidates, cancellationToken);
        // A child the reporter has no relationship with is named, with who knows them, but not their date of birth.
        ChildCandidates = [.. candidates.Select(c => new SelectListItem(Describe(c, knownTo.GetValueOrDefault(c.Id), bases[c.Id] != AccessBasis.None), c.Id.ToString()))];
        Input.ChildOffer = null;
        if (ChildCandidates.Count > 0)
        {
            ChildCandidates.Add(new SelectListItem("None of these", NoneOfThese));
            ChildCandidates.Add(new SelectListItem("I am not sure: leave it to the front door", Unsure));
            Input.ChildOffer = CandidateOffers.Record(db, access.User.UserId, CandidateOfferPurpose.ConcernChild, ChildKey(submission), [.. candidates.Select(c => c.Id)]).Id.ToString();
        }
        return candidates;
    }

    private async Task<int> AdultCandidatesAsync(int index, AdultInput adult, CancellationToken cancellationToken)
    {
        // On the name only: a reporter who typed a phone number would otherwise be told whose number it is. The
        // front door, whose job that is, matches on the phone number too (docs/adr/0009).
        var candidates = await matcher.AdultCandidatesAsync(adult.Name, phone: null, cancellationToken);
        adult.Offer = null;
        if (candidates.Count > 0)
        {
            AdultCandidates[index] = [.. candidates.Select(c => new SelectListItem(Describe(c, null), c.Id.ToString())), new("None of these, or I am not sure", NoneOfThese)];
            adult.Offer = CandidateOffers.Record(db, access.User.UserId, CandidateOfferPurpose.ConcernAdult, AdultKey(adult), [.. candidates.Select(c => c.Id)]).Id.ToString();
        }
        await LogSeenAsync(candidates, cancellationToken);
        return candidates.Count;
    }

    private async Task<Dictionary<Id<Person>, AccessBasis>> LogSeenAsync(List<ConcernMatcher.Candidate> candidates, CancellationToken cancellationToken)
    {
        var bases = new Dictionary<Id<Person>, AccessBasis>();
        foreach (var candidate in candidates)
        {
            bases[candidate.Id] = await access.LogSeenInSearchAsync(candidate.Id, cancellationToken);
        }
        return bases;
    }

    private static string Describe(ConcernMatcher.Candidate candidate, List<string>? knownTo, bool showBirth = true)
    {
        var born = showBirth && candidate.DateOfBirth is { } d ? $", born {CaseworkText.Date(d)}" : "";
        var known = knownTo is { Count: > 0 } ? $"; known to {string.Join(", ", knownTo)}" : "";
        return $"{candidate.Name}{born}{known} ({candidate.Why.ToLowerInvariant()})";
    }
}
