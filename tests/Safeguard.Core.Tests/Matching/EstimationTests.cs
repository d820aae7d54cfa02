using Safeguard.Core.Matching;
using Safeguard.Core.Matching.Synthetic;

namespace Safeguard.Core.Tests.Matching;

public class ExpectationMaximisationTests
{
    // Three comparisons with known m and u; the other seven are missing in every pair.
    private static readonly (int Comparison, double[] M, double[] U)[] s_truth =
    [
        (Comparisons.DateOfBirth, [0.80, 0.05, 0.07, 0.03, 0.05], [0.001, 0.0005, 0.01, 0.0005, 0.988]),
        (Comparisons.Sex, [0.97, 0.03], [0.5, 0.5]),
        (Comparisons.Email, [0.6, 0.3, 0.1], [0.002, 0.008, 0.99]),
    ];

    [Fact]
    public void Em_recovers_known_m_u_and_prior_from_unlabelled_comparison_vectors()
    {
        const double Prior = 0.3;
        const int Pairs = 400_000;
        var random = new Random(7);
        var patterns = new Dictionary<ulong, long>();
        Span<sbyte> levels = stackalloc sbyte[Comparisons.Count];
        for (var p = 0; p < Pairs; p++)
        {
            levels.Fill(Comparisons.Missing);
            var match = random.NextDouble() < Prior;
            foreach (var (comparison, m, u) in s_truth)
            {
                levels[comparison] = (sbyte)Draw(random, match ? m : u);
            }
            var packed = Comparisons.Pack(levels);
            patterns[packed] = patterns.GetValueOrDefault(packed) + 1;
        }

        var initialM = ModelEstimator.InitialM();
        var initialU = Comparisons.All.Select(d => Enumerable.Repeat(1.0 / d.Levels.Count, d.Levels.Count).ToArray()).ToArray();
        // Start u from "mostly disagree" so the classes begin apart, as random pairs give in practice.
        foreach (var (comparison, _, _) in s_truth)
        {
            var n = initialU[comparison].Length;
            initialU[comparison] = [.. Enumerable.Range(0, n).Select(l => l == n - 1 ? 0.9 : 0.1 / (n - 1))];
        }
        var result = ModelEstimator.ExpectationMaximisation(patterns, initialM, initialU, 0.1, Pairs, new ModelEstimator.EmSettings(EstimateU: true));

        Assert.True(result.Converged);
        Assert.Equal(Prior, result.Prior, 2);
        foreach (var (comparison, m, u) in s_truth)
        {
            for (var l = 0; l < m.Length; l++)
            {
                Assert.InRange(result.M[comparison][l], m[l] - 0.015, m[l] + 0.015);
                Assert.InRange(result.U[comparison][l], u[l] - 0.01, u[l] + 0.01);
            }
        }
    }

    [Fact]
    public void U_from_random_pairs_subtracts_the_expected_matches_and_never_reaches_zero()
    {
        long[][] counts = [.. Comparisons.All.Select(d => new long[d.Levels.Count])];
        counts[Comparisons.Sex][0] = 600;
        counts[Comparisons.Sex][1] = 400;
        var m = ModelEstimator.InitialM();
        m[Comparisons.Sex] = [1.0, 0.0];
        var u = ModelEstimator.UFromRandomPairs(counts, m, prior: 0.2);
        // 200 of the 1000 random pairs are expected to be matches, all agreeing: (600-200)/(400+400).
        Assert.Equal(0.5, u[Comparisons.Sex][0], 9);
        Assert.All(u.SelectMany(row => row), value => Assert.True(value > 0));
    }

    private static int Draw(Random random, double[] probabilities)
    {
        var roll = random.NextDouble();
        for (var i = 0; i < probabilities.Length; i++)
        {
            roll -= probabilities[i];
            if (roll < 0)
            {
                return i;
            }
        }
        return probabilities.Length - 1;
    }
}

public class BlockingTests
{
    [Fact]
    public void Keys_name_their_rule()
    {
        var keys = Blocking.BlockingKeys(new PersonRecord("a") { GivenName = "Katie", FamilyName = "Smith", DateOfBirth = new DateOnly(2011, 4, 3), Postcode = "S60 1AB", NhsNumber = "9434765919" });
        Assert.Contains("nhs_number:9434765919", keys);
        Assert.All(keys, k => Assert.Contains(k[..k.IndexOf(':', StringComparison.Ordinal)], Blocking.Rules.Select(r => r.Name)));
    }

    [Theory]
    [InlineData("Katie", "Smith", "2011-04-03", "Katherine", "Smith", "2011-04-03")] // nickname
    [InlineData("Mohammed", "Khan", "2011-04-03", "Muhammad", "Khan", "2011-04-03")] // transliteration
    [InlineData("Amelia", "Smith", "2011-04-03", "Smith", "Amelia", "2011-04-03")] // swapped names
    [InlineData("Amelia", "Smith", "2011-04-03", "Amelia", "Smith", "2011-03-04")] // day and month swapped
    [InlineData("Amelia", "Smith", "2011-04-03", "Amelia", "Jones", "2011-04-03")] // step-parent's surname
    [InlineData("Amelia", "Smith", "2011-04-03", "Amelya", "Smyth", "2011-04-03")] // spelt by ear
    public void Records_of_one_person_share_a_key_despite_the_usual_errors(string givenA, string familyA, string dobA, string givenB, string familyB, string dobB)
    {
        var a = Blocking.BlockingKeys(new PersonRecord("a") { GivenName = givenA, FamilyName = familyA, DateOfBirth = DateOnly.Parse(dobA, System.Globalization.CultureInfo.InvariantCulture) });
        var b = Blocking.BlockingKeys(new PersonRecord("b") { GivenName = givenB, FamilyName = familyB, DateOfBirth = DateOnly.Parse(dobB, System.Globalization.CultureInfo.InvariantCulture) });
        Assert.NotEmpty(a.Intersect(b));
    }

    [Fact]
    public void Strangers_share_no_key()
    {
        var a = Blocking.BlockingKeys(new PersonRecord("a") { GivenName = "Amelia", FamilyName = "Smith", DateOfBirth = new DateOnly(2011, 4, 3), Postcode = "S60 1AB" });
        var b = Blocking.BlockingKeys(new PersonRecord("b") { GivenName = "Kwame", FamilyName = "Mensah", DateOfBirth = new DateOnly(2015, 9, 21), Postcode = "M1 1AE" });
        Assert.Empty(a.Intersect(b));
    }
}

public class LinkerTests
{
    [Fact]
    public void Deduplicating_generated_agency_records_finds_most_people_without_labels()
    {
        var generated = new PersonGenerator(seed: 3).Generate(3000).ToList();
        var result = Linker.Deduplicate([.. generated.Select(g => g.Record)], new LinkageOptions { RandomPairs = 200_000 });

        var truePairs = generated.Select((g, i) => (g.PersonId, i)).GroupBy(x => x.PersonId)
            .Sum(g => (long)g.Count() * (g.Count() - 1) / 2);
        var correct = result.Matches.Count(p => generated[p.A].PersonId == generated[p.B].PersonId);
        var precision = (double)correct / result.Matches.Count;
        var recall = (double)correct / truePairs;
        Assert.True(precision > 0.9, $"precision {precision:F3}");
        Assert.True(recall > 0.85, $"recall {recall:F3}");
        Assert.All(result.Matches, p => Assert.True(p.A < p.B && p.Probability >= result.Threshold));
    }

    [Fact]
    public void Linking_pairs_only_across_the_two_inputs()
    {
        var people = new PersonGenerator(seed: 5).Generate(400).ToList();
        var left = people.Where((_, i) => i % 2 == 0).ToList();
        var right = people.Where((_, i) => i % 2 == 1).ToList();
        var result = Linker.Link([.. left.Select(g => g.Record)], [.. right.Select(g => g.Record)], new LinkageOptions { RandomPairs = 50_000 });
        Assert.NotEmpty(result.Matches);
        Assert.All(result.Matches, p => Assert.True(p.A < left.Count && p.B < right.Count));
        Assert.True(result.Matches.Count(p => left[p.A].PersonId == right[p.B].PersonId) > 0.8 * result.Matches.Count);
    }

    [Fact]
    public void The_generator_is_deterministic_and_every_record_has_a_person()
    {
        var first = new PersonGenerator(9).Generate(200).ToList();
        var second = new PersonGenerator(9).Generate(200).ToList();
        Assert.Equal(first, second);
        Assert.Equal(200, first.Select(g => g.PersonId).Distinct().Count());
        // Health records carry valid NHS numbers, apart from the few the generator mistypes on purpose.
        var health = first.Where(g => g.Source == "health" && g.Record.NhsNumber is not null).ToList();
        Assert.True(health.Count(g => Core.People.NhsNumber.ValidDigitsIn(g.Record.NhsNumber) is not null) >= 0.9 * health.Count);
    }
}
