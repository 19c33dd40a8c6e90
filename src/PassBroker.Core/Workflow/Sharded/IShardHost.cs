namespace PassBroker.Core.Workflow.Sharded;

/// <summary>Where the shard workflows run: each host starts them (fixed instance ids, only those not running).</summary>
public interface IShardHost
{
    /// <summary>Makes sure every shard workflow runs; cheap when they already do.</summary>
    Task EnsureRunningAsync(CancellationToken cancellationToken);
}
