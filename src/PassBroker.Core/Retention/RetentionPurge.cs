using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using PassBroker.Core.Errors;

namespace PassBroker.Core.Retention;

/// <summary>
/// Deletes what PassBroker no longer needs once its retention ran out (<see cref="RetentionOptions"/>): ended sign-ins
/// and their code rows, ended play leases, expired permits and profile copies, and devices that never signed in.
/// The Functions app runs it on a timer, the DevHost in a background service; both call <see cref="RunAsync"/>.
/// <list type="bullet">
/// <item>Bounded: each run deletes at most <see cref="RetentionOptions.MaxRowsPerRun"/> rows per kind, and the next run
/// carries on from where this one stopped (per instance; another instance simply starts from the beginning).</item>
/// <item>Safe to repeat and to run on several instances at once: a row is deleted only if it still has the version it
/// was listed with, so a row renewed meanwhile (a lease, a permit, a device that just signed in) is kept, and a row
/// someone else deleted first is just counted.</item>
/// <item>A storage failure stops that kind for this run only: it is logged, and the next run tries again.</item>
/// </list>
/// </summary>
public sealed class RetentionPurge(IRetentionStore store, IOptions<RetentionOptions> options, TimeProvider time, ILogger<RetentionPurge> logger)
{
    /// <summary>Pages one kind may read per run: a filtered scan may answer empty pages while it walks the table.</summary>
    internal const int MaxPagesPerRun = 20;

    private readonly Dictionary<RetainedData, string> _continuations = [];
    private readonly SemaphoreSlim _oneRunAtATime = new(1, 1);

    /// <summary>One run over every kind; a run already going on this instance makes this one a no-op.</summary>
    public async Task<PurgeReport> RunAsync(CancellationToken cancellationToken)
    {
        if (!await _oneRunAtATime.WaitAsync(TimeSpan.Zero, cancellationToken))
        {
            return new PurgeReport([]);
        }
        try
        {
            var now = time.GetUtcNow();
            var results = new List<PurgeResult>();
            foreach (var kind in Enum.GetValues<RetainedData>())
            {
                results.Add(await PurgeAsync(kind, now - options.Value.For(kind), cancellationToken));
            }
            return new PurgeReport(results);
        }
        finally
        {
            _oneRunAtATime.Release();
        }
    }

    private async Task<PurgeResult> PurgeAsync(RetainedData kind, DateTimeOffset cutoff, CancellationToken cancellationToken)
    {
        var result = new PurgeResult(kind);
        _continuations.TryGetValue(kind, out var continuation);
        try
        {
            var budget = options.Value.MaxRowsPerRun;
            for (var pages = 0; pages < MaxPagesPerRun && budget > 0; pages++)
            {
                var page = await store.ListExpiredAsync(kind, cutoff, continuation, budget, cancellationToken);
                foreach (var row in page.Rows)
                {
                    result = result.Add(await store.DeleteAsync(row, cancellationToken));
                }
                budget -= page.Rows.Count;
                continuation = page.Continuation;
                if (continuation is null)
                {
                    break;
                }
            }
            // Where the next run carries on: past the rows this one saw (those that changed were kept on purpose), or
            // from the beginning once the table was read to its end.
            Remember(kind, continuation);
            result = result with { Complete = continuation is null };
            if (result.Deleted + result.Changed > 0)
            {
                logger.PurgeDone(kind, result.Deleted, result.Changed, result.AlreadyGone, result.Complete);
            }
        }
        catch (StoreUnavailableException e)
        {
            logger.PurgeStoreUnavailable(kind, e.Message);
            result = result with { Failed = true };
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            // Whatever went wrong with one kind must not keep the others from being purged, nor stop the schedule.
            logger.PurgeFailed(e, kind);
            result = result with { Failed = true };
        }
        return result;
    }

    private void Remember(RetainedData kind, string? continuation)
    {
        if (continuation is null)
        {
            _continuations.Remove(kind);
        }
        else
        {
            _continuations[kind] = continuation;
        }
    }
}

/// <summary>What one run did, per kind.</summary>
public sealed record PurgeReport(IReadOnlyList<PurgeResult> Results)
{
    public PurgeResult this[RetainedData kind] => Results.Single(r => r.Kind == kind);
}

/// <summary>What one run did with one kind of row.</summary>
/// <param name="Kind">The kind.</param>
/// <param name="Deleted">Rows deleted.</param>
/// <param name="Changed">Rows that changed since they were listed, and so were kept.</param>
/// <param name="AlreadyGone">Rows someone else deleted first.</param>
/// <param name="Complete">True when the run reached the end of the table (the next starts from the beginning).</param>
/// <param name="Failed">True when storage failed: the next run tries again.</param>
public sealed record PurgeResult(RetainedData Kind, int Deleted = 0, int Changed = 0, int AlreadyGone = 0, bool Complete = false, bool Failed = false)
{
    public PurgeResult Add(PurgeOutcome outcome) => outcome switch
    {
        PurgeOutcome.Deleted => this with { Deleted = Deleted + 1 },
        PurgeOutcome.Changed => this with { Changed = Changed + 1 },
        _ => this with { AlreadyGone = AlreadyGone + 1 },
    };
}
