using Safeguard.Web.Data;

namespace Safeguard.Web.Ledger;

/// <summary>
/// Writes checkpoints on a schedule (Ledger:CheckpointInterval, default 15 minutes; 0 turns it off), so the window
/// in which a rewrite of the newest entries could go unnoticed stays short even if nobody runs the command.
/// </summary>
public sealed class ScheduledCheckpoints(IServiceScopeFactory scopes, LedgerWitness witness, IConfiguration configuration, TimeProvider time, ILogger<ScheduledCheckpoints> logger)
    : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var interval = configuration.GetValue("Ledger:CheckpointInterval", TimeSpan.FromMinutes(15));
        if (interval <= TimeSpan.Zero)
        {
            return;
        }
        using var timer = new PeriodicTimer(interval, time);
        while (await timer.WaitForNextTickAsync(stoppingToken))
        {
            try
            {
                using var scope = scopes.CreateScope();
                scope.ServiceProvider.GetRequiredService<CurrentActor>().ActAsSystem("ledger-checkpoint");
                var db = scope.ServiceProvider.GetRequiredService<SafeguardDbContext>();
                foreach (var chain in Enum.GetValues<SafeguardDbContext.ChainName>())
                {
                    var result = witness.Checkpoint(db, chain);
                    if (!result.Written)
                    {
                        logger.LogError("Scheduled checkpoint of the {Chain} refused: {Message}", chain, result.Message);
                    }
                }
            }
            catch (Exception exception) when (exception is not OperationCanceledException)
            {
                // Only the exception type: a message could carry data from the database.
                logger.LogError("Scheduled checkpoint failed with {ExceptionType}", exception.GetType().Name);
            }
        }
    }
}
