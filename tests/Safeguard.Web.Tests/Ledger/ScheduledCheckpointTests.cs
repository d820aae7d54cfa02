using Safeguard.Web.Data;
using Safeguard.Web.Ledger;
using Safeguard.Web.Tests.Infrastructure;

namespace Safeguard.Web.Tests.Ledger;

public sealed class ScheduledCheckpointTests
{
    [Fact]
    public async Task The_application_checkpoints_both_chains_on_its_schedule()
    {
        await using var server = await SafeguardServer.StartAsync(seed: true, settings: new Dictionary<string, string?> { ["Ledger:CheckpointInterval"] = "00:10:00" });
        var witness = server.Services.GetRequiredService<LedgerWitness>();
        var path = witness.PathOf(SafeguardDbContext.ChainName.Ledger);
        Assert.False(File.Exists(path));

        server.Clock.Advance(TimeSpan.FromMinutes(10));
        var deadline = DateTime.UtcNow.AddSeconds(20);
        while (!(File.Exists(path) && File.ReadAllText(path).Contains("@checkpoint", StringComparison.Ordinal)) && DateTime.UtcNow < deadline)
        {
            await Task.Delay(100);
        }
        var lines = File.ReadAllLines(path);
        Assert.Contains(lines, l => l.StartsWith("@checkpoint ", StringComparison.Ordinal));
        Assert.True(lines.Count(l => !l.StartsWith('#') && !l.StartsWith('@')) > 100, "every seeded ledger entry is witnessed");
        Assert.True(File.Exists(witness.PathOf(SafeguardDbContext.ChainName.AccessLog)));
    }
}
