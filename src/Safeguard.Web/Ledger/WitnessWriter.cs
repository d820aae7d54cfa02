using Safeguard.Web.Data;

namespace Safeguard.Web.Ledger;

/// <summary>
/// Carries each chain's head to the witness within moments of the commit that wrote it: woken by every commit in this
/// instance, and at the latest every Ledger:CheckpointInterval (default 5 seconds; 0 turns it off) for entries written
/// by other instances or the command line. Commits that land while it writes are taken together in its next pass.
/// It never holds up a request: a save returns as soon as the database has committed.
/// </summary>
/// <remarks>
/// When a witness location cannot be written the application keeps serving: the entries are still chained in the
/// database, the writer catches the location up as soon as it is back, and meanwhile `ledger verify` counts the
/// entries after its last witnessed head. Stopping the recording of a child's safety for a missing mount would do
/// more harm than a longer window. The failure is logged as an error (the location and the exception's type: never
/// data from the database) when it starts, once a minute while it lasts, and when it ends.
/// </remarks>
public sealed class WitnessWriter(IServiceScopeFactory scopes, LedgerWitness witness, ChainCommits commits, IConfiguration configuration, TimeProvider time, ILogger<WitnessWriter> logger)
    : BackgroundService
{
    private static readonly TimeSpan s_repeatErrorsEvery = TimeSpan.FromMinutes(1);
    private readonly Dictionary<string, DateTimeOffset> _failingSince = new(StringComparer.Ordinal);
    private readonly Dictionary<string, DateTimeOffset> _lastLogged = new(StringComparer.Ordinal);

    public TimeSpan Interval { get; } = configuration.GetValue("Ledger:CheckpointInterval", TimeSpan.FromSeconds(5));

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (Interval <= TimeSpan.Zero)
        {
            return;
        }
        // Off the start-up path: the first pass witnesses whatever was written while no instance was running.
        await Task.Yield();
        try
        {
            while (true)
            {
                WitnessOnce();
                await commits.WaitAsync(Interval, time, stoppingToken);
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            // One last pass on the way down, so a clean shutdown leaves nothing unwitnessed.
            WitnessOnce();
        }
    }

    /// <summary>One pass over both chains and every location; failures are logged, never thrown.</summary>
    public void WitnessOnce()
    {
        try
        {
            using var scope = scopes.CreateScope();
            // It only reads the chains; named all the same, so nothing it might write could be attributed to a request.
            scope.ServiceProvider.GetRequiredService<CurrentActor>().ActAsSystem("ledger-witness");
            var db = scope.ServiceProvider.GetRequiredService<SafeguardDbContext>();
            foreach (var chain in Enum.GetValues<SafeguardDbContext.ChainName>())
            {
                foreach (var result in witness.Checkpoint(db, chain, CheckpointTrigger.Automatic))
                {
                    Report(result);
                }
            }
        }
        catch (Exception exception) when (exception is not OperationCanceledException)
        {
            // Only the exception type: a message could carry data from the database.
            logger.LogError("Witnessing the ledger failed with {ExceptionType}; it is retried every {Interval}", exception.GetType().Name, Interval);
        }
    }

    private void Report(CheckpointResult result)
    {
        var now = time.GetUtcNow();
        if (!result.Failed)
        {
            _lastLogged.Remove(result.Path);
            if (_failingSince.Remove(result.Path, out var since))
            {
                logger.LogInformation("The witness {Path} is being written again (it failed from {Since}); it now holds the {Chain} to entry {Head}",
                    result.Path, since, LedgerWitness.ChainLabel(result.Chain), result.HeadSequence);
            }
            return;
        }
        _failingSince.TryAdd(result.Path, now);
        if (_lastLogged.TryGetValue(result.Path, out var logged) && now - logged < s_repeatErrorsEvery)
        {
            return;
        }
        _lastLogged[result.Path] = now;
        // The message names the location, sequence numbers and the exception type: nothing from an entry.
        logger.LogError("The {Chain} could not be witnessed in {Location}: {Message}. The application keeps serving; entries written meanwhile are witnessed when this is resolved",
            LedgerWitness.ChainLabel(result.Chain), result.Location, result.Message);
    }
}
