using System.Security.Cryptography;
using Safeguard.Core.Ledger;
using Safeguard.Web.Cli;
using Safeguard.Web.Data;
using Safeguard.Web.Ledger;
using Safeguard.Web.Tests.Infrastructure;
using static Safeguard.Web.Tests.Ledger.ChainTampering;
using ChainName = Safeguard.Web.Data.SafeguardDbContext.ChainName;

namespace Safeguard.Web.Tests.Ledger;

/// <summary>The witness key: kept outside the database, owner-only, and the only thing that can sign a witness.</summary>
public sealed class WitnessKeyTests
{
    [Fact]
    public async Task The_first_checkpoint_creates_a_key_readable_by_its_owner_only_and_names_it_in_the_witness()
    {
        await using var server = await SafeguardServer.StartAsync(seed: false);
        await LedgerTamperingTests.AddPeopleAsync(server, 2);
        var keyPath = Path.Combine(server.DataDirectory, "witness-key.pem");
        Assert.False(File.Exists(keyPath));

        Assert.Equal(CommandLine.Success, (await CliAsync(server, "checkpoint")).Exit);

        if (!OperatingSystem.IsWindows())
        {
            Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite, File.GetUnixFileMode(keyPath));
        }
        using var key = ECDsa.Create();
        key.ImportFromPem(await File.ReadAllTextAsync(keyPath));
        using var published = ECDsa.Create();
        published.ImportFromPem(await File.ReadAllTextAsync(Path.Combine(server.DataDirectory, "witness-key.pub.pem")));
        Assert.Equal(key.ExportSubjectPublicKeyInfo(), published.ExportSubjectPublicKeyInfo());
        var header = File.ReadLines(WitnessFile(Path.Combine(server.DataDirectory, "witness"), ChainName.Ledger)).First();
        Assert.Equal(WitnessFormat.Header("ledger", WitnessFormat.KeyFingerprint(key)), header);
    }

    public static TheoryData<string> OtherKeyForgeries => ["naming the forger's key", "claiming the real key"];

    /// <summary>
    /// The attacker rewrites entries with recomputed hashes and writes a witness to match, correctly formed and
    /// signed, but with a key of their own: the installation's key is not in the database for them to take.
    /// </summary>
    [Theory]
    [MemberData(nameof(OtherKeyForgeries))]
    public async Task A_witness_signed_with_any_other_key_is_rejected(string forgery)
    {
        await using var server = await SafeguardServer.StartAsync(seed: false);
        await LedgerTamperingTests.AddPeopleAsync(server, 10);
        Assert.Equal(CommandLine.Success, (await CliAsync(server, "checkpoint")).Exit);
        await ApplyAsync(server, ChainName.Ledger, Tampering.DeleteWithRecomputedHashes, 4);
        List<ChainRow> rows;
        await using (var scope = server.Scope())
        {
            rows = ChainReader.Ledger(scope.ServiceProvider.GetRequiredService<SafeguardDbContext>()).ToList();
        }
        using var real = ECDsa.Create();
        real.ImportFromPem(await File.ReadAllTextAsync(Path.Combine(server.DataDirectory, "witness-key.pem")));
        using var forger = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        var named = forgery == "claiming the real key" ? real : forger;
        var lines = new List<string> { WitnessFormat.Header("ledger", WitnessFormat.KeyFingerprint(named)) };
        lines.AddRange(rows.Select(r => WitnessFormat.EntryLine(r.Sequence, r.Hash)));
        using var digest = new WitnessDigest(ChainHash.Genesis);
        lines.ForEach(digest.Add);
        var unsigned = WitnessFormat.UnsignedCheckpoint(rows[^1].Sequence, rows[^1].Hash, DateTimeOffset.UtcNow, digest.Current);
        lines.Add(WitnessFormat.CheckpointLine(unsigned, forger.SignData(WitnessFormat.SignedMessage("ledger", unsigned), HashAlgorithmName.SHA256)));
        await File.WriteAllLinesAsync(WitnessFile(Path.Combine(server.DataDirectory, "witness"), ChainName.Ledger), lines);

        var (exit, output) = await CliAsync(server, "verify");
        Assert.Equal(CommandLine.Failure, exit);
        Assert.Contains(forgery == "claiming the real key"
            ? "ledger: FAILED: the checkpoint on line"
            : $"ledger: FAILED: the witness names key {WitnessFormat.KeyFingerprint(forger)}, but the witness key is {WitnessFormat.KeyFingerprint(real)}", output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_verifier_needs_only_the_public_key_and_fails_without_any_key()
    {
        await using var server = await SafeguardServer.StartAsync(seed: false);
        await LedgerTamperingTests.AddPeopleAsync(server, 3);
        Assert.Equal(CommandLine.Success, (await CliAsync(server, "checkpoint")).Exit);
        var publicKey = Path.Combine(server.DataDirectory, "verifier.pub.pem");
        File.Move(Path.Combine(server.DataDirectory, "witness-key.pub.pem"), publicKey);
        File.Move(Path.Combine(server.DataDirectory, "witness-key.pem"), Path.Combine(server.DataDirectory, "kept-elsewhere.pem"));

        var withPublicKey = await CliAsync(server, "verify", $"--Ledger:WitnessPublicKeyPath={publicKey}");
        Assert.Equal(CommandLine.Success, withPublicKey.Exit);
        Assert.Contains($"ledger: {await HeadAsync(server, ChainName.Ledger)} entries intact", withPublicKey.Output, StringComparison.Ordinal);

        var (exit, output) = await CliAsync(server, "verify");
        Assert.Equal(CommandLine.Failure, exit);
        Assert.Contains("ledger: FAILED: there is no witness key", output, StringComparison.Ordinal);
    }
}
