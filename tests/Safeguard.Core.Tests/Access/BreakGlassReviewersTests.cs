using Safeguard.Core.Access;
using Safeguard.Core.Casework;

namespace Safeguard.Core.Tests.Access;

public class BreakGlassReviewersTests
{
    private static readonly Guid s_council = G(100);
    private static readonly Guid s_health = G(200);
    private static readonly Guid s_partnership = G(300);

    private static Guid G(int n) => new($"00000000-0000-0000-0000-{n:D12}");

    private static int N(Guid id) => int.Parse(id.ToString()[^12..], System.Globalization.CultureInfo.InvariantCulture);

    // A council with a full line (worker 1 -> team manager 2 -> head of service 3) and a second head of service (5);
    // a health trust whose named nurse (12) manages a nurse (11) and has no manager and no senior manager; the
    // partnership's administrator (21) and scrutineer (22), who have no manager either.
    private static List<StaffMember> Staff(params int[] inactive)
    {
        List<StaffMember> staff =
        [
            new(G(1), s_council, G(2), false, false, false),
            new(G(2), s_council, G(3), true, false, false),
            new(G(3), s_council, null, false, true, false),
            new(G(5), s_council, null, false, true, false),
            new(G(11), s_health, G(12), false, false, false),
            new(G(12), s_health, null, true, false, false),
            new(G(21), s_partnership, null, false, false, true),
            new(G(22), s_partnership, null, false, false, false),
        ];
        return [.. staff.Select(s => inactive.Contains(N(s.Id)) ? s with { IsActive = false } : s)];
    }

    [Theory]
    [InlineData("a worker: their line manager", 1, "", "21 22", 2, BreakGlassReviewerBasis.LineManager)]
    [InlineData("a head of service: the agency's other senior manager", 3, "", "21 22", 5, BreakGlassReviewerBasis.AgencySeniorManager)]
    [InlineData("line manager left: the first senior manager up the line", 1, "2", "21 22", 3, BreakGlassReviewerBasis.AgencySeniorManager)]
    [InlineData("a manager of an agency with no senior manager: the partnership", 12, "", "21 22", 21, BreakGlassReviewerBasis.PartnershipReviewer)]
    [InlineData("the partnership's first reviewer is the user: the next one", 21, "", "21 22", 22, BreakGlassReviewerBasis.PartnershipReviewer)]
    [InlineData("the scrutineer: the administrator", 22, "", "21 22", 21, BreakGlassReviewerBasis.PartnershipReviewer)]
    [InlineData("the partnership's first reviewer left: the next one", 12, "21", "21 22", 22, BreakGlassReviewerBasis.PartnershipReviewer)]
    [InlineData("the only senior manager of the agency: never themselves", 5, "3", "21 22", 21, BreakGlassReviewerBasis.PartnershipReviewer)]
    [InlineData("a user Safeguard does not know: the partnership", 99, "", "21 22", 21, BreakGlassReviewerBasis.PartnershipReviewer)]
    public void The_reviewer_is_named_and_never_the_user(string scenario, int user, string inactive, string reviewers, int expected, BreakGlassReviewerBasis basis)
    {
        var gone = inactive.Split(' ', StringSplitOptions.RemoveEmptyEntries).Select(int.Parse).ToArray();
        var designated = reviewers.Split(' ', StringSplitOptions.RemoveEmptyEntries).Select(r => G(int.Parse(r, System.Globalization.CultureInfo.InvariantCulture))).ToList();
        var choice = BreakGlassReviewers.Choose(G(user), Staff(gone), designated);
        Assert.True(choice is not null, scenario);
        Assert.True(expected == N(choice.ReviewerId) && basis == choice.Basis, $"{scenario}: expected {expected} ({basis}), got {N(choice.ReviewerId)} ({choice.Basis})");
    }

    [Fact]
    public void A_partnership_that_designated_only_the_user_gets_no_reviewer_so_the_page_refuses()
    {
        Assert.Null(BreakGlassReviewers.Choose(G(21), Staff(), [G(21)]));
        Assert.Null(BreakGlassReviewers.Choose(G(12), Staff(21, 22), [G(21), G(22)]));
    }

    [Fact]
    public void A_user_who_manages_themselves_is_not_their_own_reviewer()
    {
        List<StaffMember> staff = [new(G(1), s_council, G(1), true, false, false), new(G(21), s_partnership, null, false, false, true)];
        Assert.Equal(new BreakGlassReviewerChoice(G(21), BreakGlassReviewerBasis.PartnershipReviewer), BreakGlassReviewers.Choose(G(1), staff, [G(21)]));
    }

    [Theory]
    [InlineData("the reviewer is the owner", EscalationLevel.Owner, 2, 1, "2")]
    [InlineData("then the reviewer's manager", EscalationLevel.TeamManager, 2, 1, "3")]
    [InlineData("a partnership reviewer with no line: the partnership's staff", EscalationLevel.TeamManager, 21, 12, "21")]
    [InlineData("never the user who broke the glass: the other designated reviewers", EscalationLevel.Partnership, 22, 21, "22")]
    [InlineData("a break-glass stored before reviewers were: the partnership", EscalationLevel.Owner, null, 1, "21")]
    public void Escalation_follows_the_reviewer_up_the_ladder_and_never_reaches_the_user(string scenario, EscalationLevel level, int? reviewer, int user, string expected)
    {
        var told = BreakGlassReviewers.EscalateTo(level, reviewer is { } r ? G(r) : null, G(user), new EscalationRecipients(Staff()), [G(21), G(22)]);
        var names = string.Join(' ', told.Select(N));
        Assert.True(expected == names, $"{scenario}: expected [{expected}], got [{names}]");
    }
}
