namespace PassBroker.Core.Decisions.Rules;

/// <summary>The plays each device holds, one per resource, for <see cref="ConcurrentPlaysRule"/>. Shared by every instance.</summary>
public interface IPlayStore
{
    /// <summary>The device's plays whose lease ends after <paramref name="now"/>.</summary>
    Task<IReadOnlyList<ActivePlay>> ListActiveAsync(string deviceKey, DateTimeOffset now, CancellationToken cancellationToken);

    /// <summary>Starts a play of <paramref name="resource"/>, or renews it: its lease now ends at <paramref name="leaseEnds"/>.</summary>
    Task RecordAsync(string deviceKey, string resource, DateTimeOffset leaseEnds, CancellationToken cancellationToken);

    /// <summary>Ends every play of the device (the user signed out).</summary>
    Task RemoveAllAsync(string deviceKey, CancellationToken cancellationToken);
}
