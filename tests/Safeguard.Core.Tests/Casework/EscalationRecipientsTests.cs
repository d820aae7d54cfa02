using Safeguard.Core.Casework;

namespace Safeguard.Core.Tests.Casework;

public class EscalationRecipientsTests
{
    private static readonly Guid s_council = G(100);
    private static readonly Guid s_youthProject = G(200);

    private static Guid G(int n) => new($"00000000-0000-0000-0000-{n:D12}");

    private static int N(Guid id) => int.Parse(id.ToString()[^12..], System.Globalization.CultureInfo.InvariantCulture);

    // A council with a full line (worker 1 -> team manager 2 -> head of service 3), a second team manager (4), a
    // senior manager elsewhere in the council (5); a youth project with a worker (11) and its manager (12) and no
    // senior manager; the partnership's business unit (21, 22).
    private static List<StaffMember> Staff(params int[] inactive)
    {
        List<StaffMember> staff =
        [
            new(G(1), s_council, G(2), false, false, false),
            new(G(2), s_council, G(3), true, false, false),
            new(G(3), s_council, null, false, true, false),
            new(G(4), s_council, G(5), true, false, false),
            new(G(5), s_council, null, false, true, false),
            new(G(6), s_council, G(6), false, false, false), // a line that loops on itself
            new(G(11), s_youthProject, G(12), false, false, false),
            new(G(12), s_youthProject, null, true, false, false),
            new(G(21), G(300), null, false, false, true),
            new(G(22), G(300), null, false, false, true),
        ];
        return [.. staff.Select(s => inactive.Contains(N(s.Id)) ? s with { IsActive = false } : s)];
    }

    [Theory]
    [InlineData("full line: owner", 1, EscalationLevel.Owner, "", "1")]
    [InlineData("full line: the owner's manager", 1, EscalationLevel.TeamManager, "", "2")]
    [InlineData("full line: up the line, not every senior manager", 1, EscalationLevel.SeniorManager, "", "3")]
    [InlineData("partnership", 1, EscalationLevel.Partnership, "", "21 22")]
    [InlineData("owner left: their manager is told at the owner step", 1, EscalationLevel.Owner, "1", "2")]
    [InlineData("manager left: the agency's other team managers", 1, EscalationLevel.TeamManager, "2", "4")]
    [InlineData("head of service left: the agency's senior managers", 1, EscalationLevel.SeniorManager, "3", "5")]
    [InlineData("a loop in the line stops; the agency's team managers", 6, EscalationLevel.TeamManager, "", "2 4")]
    [InlineData("youth project: its manager", 11, EscalationLevel.TeamManager, "", "12")]
    [InlineData("youth project has no senior manager: the partnership", 11, EscalationLevel.SeniorManager, "", "21 22")]
    [InlineData("youth project manager owns it: no manager above, so the senior step", 12, EscalationLevel.TeamManager, "", "21 22")]
    [InlineData("an owner Safeguard does not know: the partnership", 99, EscalationLevel.Owner, "", "21 22")]
    [InlineData("the partnership's staff all left: no one (reported by the caller)", 1, EscalationLevel.Partnership, "21 22", "")]
    public void Who_is_told(string scenario, int owner, EscalationLevel level, string inactive, string expected)
    {
        var gone = inactive.Split(' ', StringSplitOptions.RemoveEmptyEntries).Select(int.Parse).ToArray();
        var told = EscalationRecipients.For(level, G(owner), Staff(gone));
        var names = string.Join(' ', told.Select(N));
        Assert.True(expected == names, $"{scenario}: expected [{expected}], got [{names}]");
    }
}
