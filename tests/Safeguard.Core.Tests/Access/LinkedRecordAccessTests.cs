using Safeguard.Core.Access;

namespace Safeguard.Core.Tests.Access;

public class LinkedRecordAccessTests
{
    // Records are named by letters; E is the child already held, D a duplicate, the rest other records.
    private const int A = 1, A1 = 2, B = 3, B1 = 4, D = 5, E = 6, F = 7, G = 8;

    private static readonly DateTimeOffset s_start = new(2026, 11, 1, 9, 0, 0, TimeSpan.Zero);

    private static RecordLink<int> Link(int merged, int survivor, int minute, bool survivorJoined = false) =>
        new(merged, survivor, s_start.AddMinutes(minute), survivorJoined);

    private static readonly Dictionary<string, RecordLink<int>[]> s_clusters = new()
    {
        // The duplicate, created later, linked into the child already held.
        ["duplicate"] = [Link(D, E, 5)],
        // An older record edited until it matched: the child already held is pointed at it, but the older record joined.
        ["older record edited"] = [Link(E, D, 5, survivorJoined: true)],
        // Two clusters joined: B's (with B1) joined A's (with A1).
        ["two clusters"] = [Link(A1, A, 1), Link(B1, B, 2), Link(B, A, 3)],
        // A1 linked into A after B's cluster had joined.
        ["links out of order"] = [Link(B, A, 3), Link(A1, A, 5)],
        // D joined E, then F joined.
        ["a record linked later"] = [Link(D, E, 5), Link(F, E, 7)],
        // Two links at one instant: which came first is not known.
        ["same instant"] = [Link(D, E, 5), Link(F, E, 5)],
        // The older record D joined E's child (edited), then F joined the two.
        ["survivor joined then another"] = [Link(E, D, 5, survivorJoined: true), Link(F, D, 7)],
    };

    public static TheoryData<string, int, int, bool> Reach => new()
    {
        { "duplicate", E, D, true },
        { "duplicate", D, E, false },
        { "duplicate", D, D, true },
        { "older record edited", E, D, true },
        { "older record edited", D, E, false },
        { "two clusters", A, B1, true },
        { "two clusters", A1, B, true },
        { "two clusters", A1, B1, true },
        { "two clusters", B, B1, true },
        { "two clusters", B, A, false },
        { "two clusters", B, A1, false },
        { "two clusters", B1, B, false },
        { "two clusters", B1, A, false },
        { "links out of order", B, A1, true },
        { "links out of order", A1, B, false },
        { "links out of order", A, A1, true },
        { "a record linked later", D, F, true },
        { "a record linked later", F, D, false },
        { "a record linked later", E, F, true },
        { "same instant", D, F, false },
        { "same instant", F, D, false },
        { "same instant", E, F, true },
        { "survivor joined then another", E, F, true },
        { "survivor joined then another", D, F, true },
        { "survivor joined then another", D, E, false },
        { "survivor joined then another", F, E, false },
        { "survivor joined then another", F, D, false },
        { "duplicate", D, G, false },
    };

    [Theory]
    [MemberData(nameof(Reach))]
    public void Work_on_a_record_covers_the_records_that_joined_after_it_was_there(string cluster, int from, int to, bool reaches) =>
        Assert.Equal(reaches, LinkedRecordAccess.Reaches(s_clusters[cluster], from, to));

    public static TheoryData<string, int[], int?> Firsts => new()
    {
        { "duplicate", [E, D], E },
        { "older record edited", [D, E], E },
        { "two clusters", [A, A1, B, B1], A },
        { "links out of order", [A, A1, B], A },
        { "survivor joined then another", [D, E, F], E },
        { "same instant", [E, D, F], E },
        { "one record", [G], G },
    };

    [Theory]
    [MemberData(nameof(Firsts))]
    public void The_first_record_is_the_one_whose_work_covers_the_whole_cluster(string cluster, int[] members, int? first) =>
        Assert.Equal(first, LinkedRecordAccess.First(s_clusters.GetValueOrDefault(cluster) ?? [], members));

    private static ClusterRelationships<int> With(int[]? allocated = null, int[]? team = null, int[]? agency = null, int[]? approved = null, bool breakGlass = false, bool frontDoor = false) =>
        new((allocated ?? []).ToHashSet(), (team ?? []).ToHashSet(), (agency ?? []).ToHashSet(), (approved ?? []).ToHashSet(), breakGlass, frontDoor);

    public static TheoryData<string, ClusterRelationships<int>, int, AccessBasis> Bases => new()
    {
        // The agency that recorded the duplicate sees it, not the child already held; the child's workers see both.
        { "duplicate's agency on its own record", With(agency: [D]), D, AccessBasis.AgencyInvolvement },
        { "duplicate's agency on the child", With(agency: [D]), E, AccessBasis.None },
        { "duplicate's worker on the child", With(allocated: [D], team: [D], agency: [D]), E, AccessBasis.None },
        { "child's worker on the duplicate", With(allocated: [E]), D, AccessBasis.Allocated },
        { "child's team on the duplicate", With(team: [E]), D, AccessBasis.TeamAllocated },
        { "child's agency on the duplicate", With(agency: [E]), D, AccessBasis.AgencyInvolvement },
        // A manager approved a request for a record: it covers what that record's work covers.
        { "approved for the child", With(approved: [E]), D, AccessBasis.ApprovedRequest },
        { "approved for the duplicate only", With(approved: [D]), E, AccessBasis.None },
        // Reviewed emergency access and the front door's role cover the cluster.
        { "break-glass", With(breakGlass: true), E, AccessBasis.BreakGlass },
        { "front door working with the duplicate", With(agency: [D], frontDoor: true), E, AccessBasis.AgencyInvolvement },
        { "front door role alone", With(frontDoor: true), E, AccessBasis.None },
        { "no relationship", With(), D, AccessBasis.None },
    };

    [Theory]
    [MemberData(nameof(Bases))]
    public void A_relationship_covers_the_records_its_rule_says(string why, ClusterRelationships<int> relationships, int record, AccessBasis basis)
    {
        var facts = LinkedRecordAccess.FactsFor(s_clusters["duplicate"], relationships, record);
        Assert.True(basis == ChildRecordAccess.Decide(facts), why);
    }
}
