using System.Security.Cryptography;
using Safeguard.Core.Ledger;

namespace Safeguard.Core.Tests.Ledger;

/// <summary>A witness is believed only as far as its signed checkpoints reach, and only with the right key.</summary>
public sealed class WitnessReaderTests : IDisposable
{
    private static readonly DateTimeOffset s_at = new(2026, 11, 23, 10, 0, 0, TimeSpan.Zero);
    private readonly ECDsa _key = ECDsa.Create(ECCurve.NamedCurves.nistP256);
    private readonly ECDsa _otherKey = ECDsa.Create(ECCurve.NamedCurves.nistP256);

    public void Dispose()
    {
        _key.Dispose();
        _otherKey.Dispose();
    }

    private static string HashOf(long sequence) => ChainHash.Compute(sequence, ChainHash.Genesis, [sequence.ToString(System.Globalization.CultureInfo.InvariantCulture)]);

    /// <summary>A witness as the writer makes it: checkpoints after entries 3, 5 and 8.</summary>
    private List<string> Witness(ECDsa? signer = null, string chain = "ledger", params long[] checkpoints)
    {
        signer ??= _key;
        checkpoints = checkpoints.Length == 0 ? [3, 5, 8] : checkpoints;
        var lines = new List<string> { WitnessFormat.Header(chain, WitnessFormat.KeyFingerprint(signer)) };
        using var digest = new WitnessDigest(ChainHash.Genesis);
        digest.Add(lines[0]);
        long sequence = 0;
        foreach (var head in checkpoints)
        {
            while (sequence < head)
            {
                sequence++;
                lines.Add(WitnessFormat.EntryLine(sequence, HashOf(sequence)));
                digest.Add(lines[^1]);
            }
            var unsigned = WitnessFormat.UnsignedCheckpoint(head, head == 0 ? ChainHash.Genesis : HashOf(head), s_at, digest.Current);
            lines.Add(WitnessFormat.CheckpointLine(unsigned, signer.SignData(WitnessFormat.SignedMessage(chain, unsigned), HashAlgorithmName.SHA256)));
            digest.Restart(unsigned.Split(' ')[4]);
        }
        return lines;
    }

    [Fact]
    public void A_witness_written_with_the_key_is_valid_to_its_last_checkpoint()
    {
        var lines = Witness();
        var reading = WitnessReader.Check(lines, "ledger", _key);
        Assert.True(reading.IsValid, reading.Explanation);
        Assert.Equal(8, reading.HeadSequence);
        Assert.Equal(HashOf(8), reading.HeadHash);
        Assert.Equal(lines.Count, reading.SignedLines);
        Assert.Equal(Enumerable.Range(1, 8).Select(i => HashOf(i)), WitnessReader.SignedEntries(lines, reading.SignedLines).Select(e => e.Value));
    }

    [Fact]
    public void A_witness_of_an_empty_chain_is_valid_at_entry_zero()
    {
        var reading = WitnessReader.Check(Witness(checkpoints: 0), "ledger", _key);
        Assert.True(reading.IsValid, reading.Explanation);
        Assert.Equal(0, reading.HeadSequence);
    }

    [Fact]
    public void Lines_after_the_last_checkpoint_are_not_believed()
    {
        var lines = Witness();
        lines.Add(WitnessFormat.EntryLine(9, HashOf(9)));
        var reading = WitnessReader.Check(lines, "ledger", _key);
        Assert.True(reading.IsValid, reading.Explanation);
        Assert.Equal(8, reading.HeadSequence);
        Assert.Equal(1, reading.UnsignedLines);
        Assert.DoesNotContain(WitnessReader.SignedEntries(lines, reading.SignedLines), e => e.Key == 9);
    }

    public static TheoryData<string, WitnessProblem> Forgeries => new()
    {
        { "edit an entry's hash", WitnessProblem.Altered },
        { "remove an entry line", WitnessProblem.Malformed },
        { "swap two entry lines", WitnessProblem.Malformed },
        { "remove entry and renumber", WitnessProblem.Altered },
        { "edit a checkpoint's head", WitnessProblem.BadSignature },
        { "edit a checkpoint's time", WitnessProblem.BadSignature },
        { "re-digest after editing an entry", WitnessProblem.BadSignature },
        { "remove every checkpoint", WitnessProblem.Altered },
        { "version 1, unsigned", WitnessProblem.Unsigned },
        { "another chain's witness", WitnessProblem.WrongChain },
        { "signed with another key", WitnessProblem.WrongKey },
        { "signed with another key, naming ours", WitnessProblem.BadSignature },
        { "garbage", WitnessProblem.Malformed },
    };

    [Theory]
    [MemberData(nameof(Forgeries))]
    public void A_witness_changed_without_the_key_is_rejected(string forgery, WitnessProblem expected)
    {
        var lines = Witness();
        string chain = "ledger";
        switch (forgery)
        {
            case "edit an entry's hash":
                lines[2] = WitnessFormat.EntryLine(2, new string('a', 64));
                break;
            case "remove an entry line":
                lines.RemoveAt(2);
                break;
            case "swap two entry lines":
                (lines[1], lines[2]) = (lines[2], lines[1]);
                break;
            case "remove entry and renumber":
                lines = [lines[0], WitnessFormat.EntryLine(1, HashOf(1)), WitnessFormat.EntryLine(2, HashOf(3)), WitnessFormat.EntryLine(3, HashOf(4)), lines[4]];
                break;
            case "edit a checkpoint's head":
                // The checkpoint after entry 5 made to claim that entry 5 has entry 4's hash.
                lines[7] = WithPart(lines[7], 2, HashOf(4));
                break;
            case "edit a checkpoint's time":
                lines[4] = WithPart(lines[4], 3, "2020-01-01T00:00:00.000000Z");
                break;
            case "re-digest after editing an entry":
                lines[2] = WitnessFormat.EntryLine(2, new string('a', 64));
                lines = RedigestedUpTo(lines, 4);
                break;
            case "remove every checkpoint":
                lines = lines.Where(l => !WitnessFormat.IsCheckpoint(l)).ToList();
                break;
            case "version 1, unsigned":
                lines = [WitnessFormat.Version1Header, .. lines.Skip(1).Where(l => !WitnessFormat.IsCheckpoint(l)), $"@checkpoint 8 {HashOf(8)} 2026-11-23T10:00:00.000000Z"];
                break;
            case "another chain's witness":
                chain = "access-log";
                break;
            case "signed with another key":
                lines = Witness(_otherKey);
                break;
            case "signed with another key, naming ours":
                lines = Witness(_otherKey);
                lines[0] = WitnessFormat.Header("ledger", WitnessFormat.KeyFingerprint(_key));
                lines = RedigestedUpTo(lines, 4, _otherKey);
                break;
            case "garbage":
                lines[3] = "not a witness line";
                break;
        }
        var reading = WitnessReader.Check(lines, chain, _key);
        Assert.Equal(expected, reading.Problem);
        Assert.False(reading.IsValid);
        Assert.NotEmpty(reading.Explanation);
    }

    private static string WithPart(string line, int index, string value)
    {
        var parts = line.Split(' ');
        parts[index] = value;
        return string.Join(' ', parts);
    }

    /// <summary>What a forger without the key can do: recompute the digest of the first checkpoint and re-sign it
    /// with a key they hold (by default one that is not ours).</summary>
    private List<string> RedigestedUpTo(List<string> lines, int checkpointLine, ECDsa? signer = null)
    {
        signer ??= _otherKey;
        using var digest = new WitnessDigest(ChainHash.Genesis);
        var start = 0;
        for (var i = 0; i < checkpointLine; i++)
        {
            if (WitnessFormat.IsCheckpoint(lines[i]))
            {
                digest.Restart(lines[i].Split(' ')[4]);
                start = i + 1;
                continue;
            }
            digest.Add(lines[i]);
        }
        Assert.True(start <= checkpointLine);
        var parts = lines[checkpointLine].Split(' ');
        var unsigned = string.Join(' ', parts[..4]) + " " + digest.Current;
        var copy = lines.ToList();
        copy[checkpointLine] = WitnessFormat.CheckpointLine(unsigned, signer.SignData(WitnessFormat.SignedMessage("ledger", unsigned), HashAlgorithmName.SHA256));
        return copy;
    }

    [Fact]
    public void A_witness_cut_back_to_an_earlier_checkpoint_is_still_valid_there_so_a_second_location_is_what_catches_it()
    {
        var lines = Witness();
        var reading = WitnessReader.Check(lines.Take(5).ToList(), "ledger", _key);
        Assert.True(reading.IsValid, reading.Explanation);
        Assert.Equal(3, reading.HeadSequence);
    }
}
