using System.Data.Common;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace Safeguard.Web.Data;

/// <summary>
/// Tells the witness writer, as each transaction commits, that a chain may have grown, so the new head reaches the
/// witness within moments of the commit instead of at the next poll. Only a hint: signals coalesce, and entries
/// written by other instances or the command line are picked up by the writer's poll.
/// </summary>
public sealed class ChainCommits : DbTransactionInterceptor, IDisposable
{
    private readonly SemaphoreSlim _signal = new(0, 1);
    private long _count;

    /// <summary>Commits seen by this process: the command line witnesses at exit only when it wrote something.</summary>
    public long Count => Interlocked.Read(ref _count);

    public override void TransactionCommitted(DbTransaction transaction, TransactionEndEventData eventData) => Signal();

    public override Task TransactionCommittedAsync(DbTransaction transaction, TransactionEndEventData eventData, CancellationToken cancellationToken = default)
    {
        Signal();
        return Task.CompletedTask;
    }

    /// <summary>Waits for a commit since the last wait, or for <paramref name="timeout"/> on <paramref name="time"/>.</summary>
    public async Task WaitAsync(TimeSpan timeout, TimeProvider time, CancellationToken cancellationToken)
    {
        using var either = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        var committed = _signal.WaitAsync(either.Token);
        var elapsed = Task.Delay(timeout, time, either.Token);
        await Task.WhenAny(committed, elapsed);
        await either.CancelAsync();
        cancellationToken.ThrowIfCancellationRequested();
    }

    public void Dispose() => _signal.Dispose();

    private void Signal()
    {
        Interlocked.Increment(ref _count);
        if (_signal.CurrentCount == 0)
        {
            try
            {
                _signal.Release();
            }
            catch (SemaphoreFullException)
            {
                // Another commit signalled at the same moment: one wake-up serves both.
            }
        }
    }
}
