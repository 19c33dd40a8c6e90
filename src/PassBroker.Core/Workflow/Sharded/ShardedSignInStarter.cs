using Microsoft.Extensions.Options;
using PassBroker.Core.Sessions;

namespace PassBroker.Core.Workflow.Sharded;

/// <summary>
/// Starts polling a new sign-in under the sharded shape: one upsert of the device's row (a newer sign-in replaces
/// the older row, whose session <c>SignInService</c> has just ended as replaced), then makes sure the shards run.
/// Idempotent: a retried start writes the same row again.
/// </summary>
public sealed class ShardedSignInStarter(IPendingSignInStore pending, IShardHost shards, IOptions<SignInOptions> options, TimeProvider time)
    : IWorkflowStarter
{
    public async Task StartSignInPollingAsync(SignInPollInput input, CancellationToken cancellationToken)
    {
        var client = input.Client
            ?? throw new ArgumentException("The sharded shape needs the device's endpoint in the input.", nameof(input));
        var clock = ShardClock.From(options.Value);
        var (shard, slot) = clock.Place(input.DeviceKey, options.Value.Shards);
        var row = new PendingSignIn(input.DeviceKey, input.Code, input.Mvpd, client, input.ExpiresAt, shard, slot,
            clock.FirstDueTick(time.GetUtcNow(), slot)) { Brand = input.Brand };
        await pending.PutAsync(row, cancellationToken);
        await shards.EnsureRunningAsync(cancellationToken);
    }
}
