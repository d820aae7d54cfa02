using Microsoft.EntityFrameworkCore;
using Safeguard.Core.Access;
using Safeguard.Core.Calendar;
using Safeguard.Core.Casework;
using Safeguard.Web.Casework;
using Safeguard.Web.Data;
using Safeguard.Web.Data.Model;

namespace Safeguard.Web.Features.Reviews;

/// <summary>
/// The partnership's designated reviewers of emergency access, for users with nobody above them in their own line or
/// agency (heads of service, managers of small agencies, the partnership's own staff):
/// <code>
/// "Access": { "BreakGlassReviewers": [ "partnership-administrator", "scrutineer", "named.person@partnership.example" ] }
/// </code>
/// In order of preference; each entry is a role (held by someone in the partnership's own agency) or one account's
/// email address. The first active one who is not the user reviews. The default names the partnership administrator,
/// then the independent scrutineer, so that the administrator's own use of the glass is reviewed by someone else.
/// A list that names no one, or a role Safeguard does not have, stops the application starting.
/// </summary>
public sealed class BreakGlassReviewerSettings
{
    public const string Section = "Access:BreakGlassReviewers";

    public static readonly IReadOnlyList<string> Defaults = [Roles.PartnershipAdministrator, Roles.Scrutineer];

    private BreakGlassReviewerSettings(IReadOnlyList<string> entries) => Entries = entries;

    /// <summary>Role names and email addresses, first choice first.</summary>
    public IReadOnlyList<string> Entries { get; }

    public static BreakGlassReviewerSettings From(IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        var section = configuration.GetSection(Section);
        var entries = section.Exists()
            ? section.GetChildren().Select(c => c.Value?.Trim()).Where(v => !string.IsNullOrEmpty(v)).Select(v => v!).ToList()
            : [.. Defaults];
        var problems = entries.Where(e => !e.Contains('@', StringComparison.Ordinal) && !Roles.All.Contains(e))
            .Select(e => $"{Section} names '{e}', which is neither a role ({string.Join(", ", Roles.All)}) nor an email address.").ToList();
        if (entries.Count == 0)
        {
            problems.Add($"{Section} names no one: emergency access by a user with no manager would reach no reviewer.");
        }
        if (problems.Count > 0)
        {
            throw new InvalidOperationException("The break-glass reviewers cannot be used:\n" + string.Join("\n", problems));
        }
        return new BreakGlassReviewerSettings(entries);
    }
}

/// <summary>
/// Reviewing emergency access: naming the reviewer when the glass is broken, the queue each user sees (their own
/// reviews, and others' that have escalated to them), and who the ladder tells when a review slips. The ladder is
/// the overdue actions' one (<see cref="CaseworkSchedule.Escalation"/>), counted from the review's due time
/// (<see cref="CaseworkTimescales.BreakGlassReview"/>), with the reviewer as the owner.
/// </summary>
public sealed class BreakGlassReviewing(SafeguardDbContext db, CaseworkSchedule schedule, BreakGlassReviewerSettings settings)
{
    /// <summary>A break-glass waiting for review in one user's queue.</summary>
    /// <param name="EscalatedAs">Null when the user is the named reviewer; else the step at which it reached them.</param>
    public sealed record QueueItem(BreakGlassAccess BreakGlass, Deadline Due, EscalationStatus Status, EscalationLevel? EscalatedAs);

    /// <summary>The reviewer for a break-glass by <paramref name="userId"/> now; null if the partnership has designated no one else.</summary>
    public async Task<BreakGlassReviewerChoice?> ChooseAsync(Guid userId, CancellationToken cancellationToken = default)
    {
        var staff = await StaffDirectory.MembersAsync(db, cancellationToken);
        return BreakGlassReviewers.Choose(userId, staff, await PartnershipReviewersAsync(cancellationToken));
    }

    public Deadline DueOf(BreakGlassAccess breakGlass)
    {
        ArgumentNullException.ThrowIfNull(breakGlass);
        return schedule.BreakGlassReviewDue(breakGlass.At);
    }

    /// <summary>
    /// The partnership's designated reviewers, active accounts only, in the configured order: for a role, its holders
    /// in the partnership's own agency by name; for an email address, that account, whatever its agency.
    /// </summary>
    public async Task<List<Guid>> PartnershipReviewersAsync(CancellationToken cancellationToken = default)
    {
        var reviewers = new List<Guid>();
        foreach (var entry in settings.Entries)
        {
            List<Guid> found;
            if (entry.Contains('@', StringComparison.Ordinal))
            {
                var normalised = entry.ToUpperInvariant();
                found = await db.Users.Where(u => u.IsActive && u.NormalizedEmail == normalised).Select(u => u.Id).ToListAsync(cancellationToken);
            }
            else
            {
                var partnership = db.Agencies.Where(a => a.Kind == AgencyKind.Partnership).Select(a => a.Id);
                var holders = await StaffDirectory.WithRoleAsync(db, entry, cancellationToken: cancellationToken);
                found = (await db.Users.Where(u => holders.Contains(u.Id) && partnership.Contains(u.AgencyId))
                    .Select(u => new { u.Id, u.DisplayName }).ToListAsync(cancellationToken))
                    .OrderBy(u => u.DisplayName, StringComparer.Ordinal).ThenBy(u => u.Id).Select(u => u.Id).ToList();
            }
            reviewers.AddRange(found.Where(id => !reviewers.Contains(id)));
        }
        return reviewers;
    }

    /// <summary>
    /// Break-glass waiting for <paramref name="userId"/>'s review: those naming them as reviewer, and those whose
    /// review has slipped up the ladder to them. Never the user's own use of the glass.
    /// </summary>
    public async Task<List<QueueItem>> QueueForAsync(Guid userId, CancellationToken cancellationToken = default)
    {
        var pending = await db.BreakGlass.AsNoTracking().Where(b => b.Review == BreakGlassReview.Pending && b.UserId != userId)
            .OrderBy(b => b.At).ToListAsync(cancellationToken);
        if (pending.Count == 0)
        {
            return [];
        }
        var now = db.Now;
        var ladder = await StaffDirectory.LoadAsync(db, cancellationToken);
        var partnership = await PartnershipReviewersAsync(cancellationToken);
        var queue = new List<QueueItem>();
        foreach (var item in pending)
        {
            var due = DueOf(item);
            var status = schedule.Escalation(due, null, now);
            if (item.ReviewerUserId == userId)
            {
                queue.Add(new QueueItem(item, due, status, null));
                continue;
            }
            // The highest step reached that names the user. A break-glass stored without a reviewer has no owner to
            // wait for: its owner step already names the partnership.
            EscalationLevel? reachedUser = null;
            foreach (var step in status.Reached.Where(r => r.Level > EscalationLevel.Owner || item.ReviewerUserId is null))
            {
                if (BreakGlassReviewers.EscalateTo(step.Level, item.ReviewerUserId, item.UserId, ladder, partnership).Contains(userId))
                {
                    reachedUser = step.Level;
                }
            }
            if (reachedUser is not null)
            {
                queue.Add(new QueueItem(item, due, status, reachedUser));
            }
        }
        return queue;
    }
}
