using Safeguard.Core.Ledger;

namespace Safeguard.Core.Tests.Ledger;

public sealed class ChainVerifierTests
{
    private static List<ChainRow> Chain(int length, Func<long, string?>? payload = null)
    {
        var rows = new List<ChainRow>();
        var previous = ChainHash.Genesis;
        for (long sequence = 1; sequence <= length; sequence++)
        {
            string?[] fields = [payload?.Invoke(sequence) ?? $"entry {sequence}"];
            var hash = ChainHash.Compute(sequence, previous, fields);
            rows.Add(new ChainRow(sequence, previous, hash, fields));
            previous = hash;
        }
        return rows;
    }

    private static ChainWitness WitnessOf(IReadOnlyList<ChainRow> rows, string name, long upTo) =>
        new(upTo, rows.Where(r => r.Sequence <= upTo).Select(r => KeyValuePair.Create(r.Sequence, r.Hash)).ToList(), name);

    [Fact]
    public void Every_witness_must_agree_and_the_disagreement_is_named()
    {
        var truth = Chain(10);
        var rewritten = Chain(10, s => s >= 6 ? $"rewritten {s}" : null);
        var result = ChainVerifier.Verify(rewritten, [WitnessOf(truth, "/here", 10), WitnessOf(rewritten, "/elsewhere", 10)]);
        Assert.Equal(ChainFault.DiffersFromCheckpoint, result.Fault);
        Assert.Equal(6, result.FirstBadSequence);
        Assert.Equal("entry 6 differs from what /here witnessed: the chain was rewritten from here (/elsewhere witnessed the database's hash: the witness locations disagree)", result.Explanation);
    }

    [Fact]
    public void The_chain_must_reach_the_furthest_witnessed_head()
    {
        var truth = Chain(10);
        var result = ChainVerifier.Verify(truth.Take(7), [WitnessOf(truth, "/here", 5), WitnessOf(truth, "/elsewhere", 9)]);
        Assert.Equal(ChainFault.Truncated, result.Fault);
        Assert.Equal(8, result.FirstBadSequence);
        Assert.Equal("the chain ends at entry 7 but /elsewhere witnessed it reach entry 9", result.Explanation);
    }

    [Fact]
    public void A_chain_that_matches_every_witness_is_intact_even_past_the_witnessed_heads()
    {
        var truth = Chain(12);
        var result = ChainVerifier.Verify(truth, [WitnessOf(truth, "/here", 10), WitnessOf(truth, "/elsewhere", 8)]);
        Assert.True(result.IsIntact, result.Explanation);
        Assert.Equal(12, result.EntriesChecked);
    }

    [Fact]
    public void With_no_witness_the_chain_is_checked_on_its_own()
    {
        var rows = Chain(5);
        rows[2] = rows[2] with { Fields = ["edited"] };
        var result = ChainVerifier.Verify(rows, []);
        Assert.Equal(ChainFault.ContentAltered, result.Fault);
        Assert.Equal(3, result.FirstBadSequence);
    }
}
