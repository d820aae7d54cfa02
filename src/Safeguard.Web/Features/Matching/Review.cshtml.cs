using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.Mvc.Rendering;
using Microsoft.EntityFrameworkCore;
using Safeguard.Core;
using Safeguard.Web.Auth;
using Safeguard.Web.Data;
using Safeguard.Web.Data.Model;
using Safeguard.Web.Features.Shared;

namespace Safeguard.Web.Features.Matching;

/// <summary>
/// One possible match: both records side by side, the score explained field by field with the current model, the
/// other records of each person if either is already linked with others, and the decision with a reason. Opening it
/// is written to both records' access logs; the decision is ledgered, and "same person" links them (undoable).
/// </summary>
[Authorize(Policy = Policies.FrontDoor)]
public sealed class ReviewModel(SafeguardDbContext db, PersonMatching matching) : PageModel
{
    [BindProperty]
    public DecisionInput Input { get; set; } = new();

    public PersonMatchReview Review { get; private set; } = null!;
    public RecordSummary Entered { get; private set; } = null!;
    public RecordSummary Candidate { get; private set; } = null!;
    public PersonMatching.Comparison Comparison { get; private set; } = null!;
    public Dictionary<Id<Person>, string> Names { get; private set; } = [];

    public List<SelectListItem> Decisions { get; } =
    [
        new("The same person: link the records", "same"),
        new("Different people: keep them apart", "different"),
    ];

    public sealed class DecisionInput
    {
        public string? Decision { get; set; }
        public string? Reason { get; set; }
    }

    public async Task<IActionResult> OnGetAsync(Id<PersonMatchReview> reviewId, CancellationToken cancellationToken) =>
        await LoadAsync(reviewId, cancellationToken) ? Page() : NotFound();

    public async Task<IActionResult> OnPostAsync(Id<PersonMatchReview> reviewId, CancellationToken cancellationToken)
    {
        if (!await LoadAsync(reviewId, cancellationToken))
        {
            return NotFound();
        }
        if (Input.Decision is not ("same" or "different"))
        {
            ModelState.AddModelError("Input.Decision", "Select whether these are the same person or different people");
        }
        var reason = ModelState.RequiredText(Input.Reason, "Input.Reason", "Enter the reason for your decision", 2000, "The reason");
        if (Review.Status != MatchReviewStatus.Pending)
        {
            ModelState.AddModelError("Input.Decision", "This pair has been decided already");
        }
        if (!ModelState.IsValid)
        {
            return Page();
        }
        var review = await db.PersonMatchReviews.SingleAsync(r => r.Id == reviewId, cancellationToken);
        var same = Input.Decision == "same";
        await matching.DecideAsync(review, same, reason!, UserContext.From(User).UserId, cancellationToken);
        TempData["Saved"] = same
            ? $"{Entered.Person.FullName} and {Candidate.Person.FullName} are now linked as one person. You can undo the link from this page."
            : $"{Entered.Person.FullName} and {Candidate.Person.FullName} are recorded as different people; matching will not put them together again.";
        return Redirect("/matching");
    }

    // Loads the pair and writes both records to the access log (saved before the page shows anything).
    private async Task<bool> LoadAsync(Id<PersonMatchReview> reviewId, CancellationToken cancellationToken)
    {
        var review = await db.PersonMatchReviews.AsNoTracking().SingleOrDefaultAsync(r => r.Id == reviewId, cancellationToken);
        if (review is null)
        {
            return false;
        }
        Review = review;
        Entered = await RecordSummary.LoadAsync(db, review.PersonId, cancellationToken);
        Candidate = await RecordSummary.LoadAsync(db, review.CandidateId, cancellationToken);
        Comparison = await matching.CompareAsync(review.PersonId, review.CandidateId, cancellationToken);
        var people = Comparison.Pairs.SelectMany(p => new[] { p.A, p.B }).Append(review.PersonId).Append(review.CandidateId).Distinct().ToList();
        Names = await db.People.AsNoTracking().Where(p => people.Contains(p.Id)).ToDictionaryAsync(p => p.Id, p => p.GivenName + " " + p.FamilyName, cancellationToken);
        foreach (var person in people)
        {
            db.RecordAccess(Person.PersonStream(person), AccessActions.MatchReview, IndexModel.AccessBasisName);
        }
        await db.SaveChangesAsync(cancellationToken);
        return true;
    }
}
