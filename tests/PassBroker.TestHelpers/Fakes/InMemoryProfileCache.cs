using System.Collections.Concurrent;
using PassBroker.Core.Profiles;

namespace PassBroker.TestHelpers.Fakes;

public sealed class InMemoryProfileCache : IProfileCache
{
    private readonly ConcurrentDictionary<string, CachedProfiles> _profiles = new();

    public Task<CachedProfiles?> FindAsync(string deviceKey, CancellationToken cancellationToken) =>
        Task.FromResult(_profiles.GetValueOrDefault(deviceKey));

    public Task SetAsync(string deviceKey, CachedProfiles profiles, CancellationToken cancellationToken)
    {
        _profiles[deviceKey] = profiles;
        return Task.CompletedTask;
    }

    public Task RemoveAsync(string deviceKey, CancellationToken cancellationToken)
    {
        _profiles.TryRemove(deviceKey, out _);
        return Task.CompletedTask;
    }
}
