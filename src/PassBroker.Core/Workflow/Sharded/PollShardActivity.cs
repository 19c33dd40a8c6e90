using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using PassBroker.Core.Errors;
using PassBroker.Core.Sessions;

namespace PassBroker.Core.Workflow.Sharded;

/// <summary>
/// One round of a shard: the rows due at the tick, each polled with <see cref="CheckSignInActivity"/>'s per-sign-in
/// logic (through <see cref="ISignInRowPoller"/>) (so logins, the second screen, the device marker, caches and notifications are what the per-sign-in shape
/// does), expired at their deadline, and removed when their sign-in ends. A row is one sign-in's business: a transient
/// failure leaves it due at its slot's next tick, and any other failure ends that sign-in as failed
/// (<see cref="SessionEndReasons.PollingFailed"/>); neither stops the round nor the other rows.
/// </summary>
public sealed class PollShardActivity(
    IPendingSignInStore pending,
    ISignInRowPoller rows,
    IOptions<SignInOptions> options,
    ILogger<PollShardActivity> logger)
{
    private enum Outcome { Pending, Ended, Retrying }

    public async Task<ShardRound> RunAsync(ShardRoundInput input, CancellationToken cancellationToken)
    {
        var due = new List<PendingSignIn>();
        await foreach (var row in pending.ListDueAsync(input.Shard, input.Clock.SlotOf(input.Tick), input.Tick, cancellationToken))
        {
            due.Add(row);
        }
        if (due.Count == 0)
        {
            // One more query, only when the slot has nothing due: is the whole shard empty? Then it waits a whole
            // interval for its next round (which saves rounds only with more than one slot); and it retires when the
            // shape is no longer sharded (a shard outlives a switch back to the per-sign-in shape until the sign-ins it
            // holds have ended).
            var retiring = options.Value.PollingShape != SignInPollingShape.Sharded;
            var empty = (retiring || input.Clock.Slots > 1) && !await pending.AnyAsync(input.Shard, cancellationToken);
            return new ShardRound(0, 0, 0, empty && retiring) { Empty = empty };
        }

        int ended = 0, retrying = 0;
        var at = input.Clock.TimeOf(input.Tick);
        var parallel = new ParallelOptions { MaxDegreeOfParallelism = options.Value.ShardConcurrency, CancellationToken = cancellationToken };
        await Parallel.ForEachAsync(due, parallel, async (row, ct) =>
        {
            switch (await PollRowAsync(row, at, input.Clock.PollInterval, ct))
            {
                case Outcome.Ended:
                    Interlocked.Increment(ref ended);
                    break;
                case Outcome.Retrying:
                    Interlocked.Increment(ref retrying);
                    break;
            }
        });
        return new ShardRound(due.Count, ended, retrying);
    }

    private async Task<Outcome> PollRowAsync(PendingSignIn row, DateTimeOffset at, TimeSpan interval, CancellationToken cancellationToken)
    {
        var input = row.ToInput(interval);
        try
        {
            // As the per-sign-in workflow: the last poll is at (here: the first due tick from) the deadline, and a
            // still-pending sign-in is expired right after it; a row still there an interval later (its expiry failed)
            // goes straight to the expiring write, the code being dead.
            var result = at - interval >= row.ExpiresAt
                ? await rows.ExpireAsync(input, cancellationToken)
                : await rows.CheckAsync(row.ToPoll(), cancellationToken);
            if (!result.IsFinal && at >= row.ExpiresAt)
            {
                result = await rows.ExpireAsync(input, cancellationToken);
            }
            if (!result.IsFinal)
            {
                return Outcome.Pending;
            }
            await pending.RemoveAsync(row, cancellationToken);
            return Outcome.Ended;
        }
        catch (Exception exception) when (!cancellationToken.IsCancellationRequested)
        {
            var type = exception.GetType().FullName ?? exception.GetType().Name;
            if (!TransientFailures.IsTransient(exception))
            {
                logger.ShardRowFailed(exception, row.DeviceKey, type);
                return await FailAsync(row, input, cancellationToken);
            }
            if (at >= row.ExpiresAt + SignInPollingWorkflow.GiveUpAfterExpiry)
            {
                // Still failing an hour past the deadline: the per-sign-in workflow gives up here too.
                logger.ShardRowGaveUp(exception, row.DeviceKey, type);
                await pending.RemoveAsync(row, cancellationToken);
                return Outcome.Ended;
            }
            logger.ShardRowFailedTransiently(row.DeviceKey, type);
            return Outcome.Retrying;
        }
    }

    /// <summary>Ends the sign-in as failed and drops its row, so the app learns now. If that fails too, the row stays
    /// and the next round tries again (a lasting bug meets the expiry at the deadline).</summary>
    private async Task<Outcome> FailAsync(PendingSignIn row, SignInPollInput input, CancellationToken cancellationToken)
    {
        try
        {
            await rows.FailAsync(input, cancellationToken);
            await pending.RemoveAsync(row, cancellationToken);
            return Outcome.Ended;
        }
        catch (Exception exception) when (!cancellationToken.IsCancellationRequested)
        {
            logger.SignInNotFailed(row.DeviceKey, exception.GetType().FullName ?? exception.GetType().Name);
            return Outcome.Retrying;
        }
    }
}
