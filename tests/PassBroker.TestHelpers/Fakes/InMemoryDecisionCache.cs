using System.Collections.Concurrent;
using PassBroker.Core.Decisions;
using PassBroker.Core.Upstream;

namespace PassBroker.TestHelpers.Fakes;

/// <summary>An <see cref="IDecisionCache"/> on a dictionary, with the table cache's rules (permits only, no tokens, until notAfter).</summary>
public sealed class InMemoryDecisionCache(TimeProvider time) : IDecisionCache
{
    private readonly ConcurrentDictionary<(string DeviceKey, string Mvpd, string Resource), Decision> _permits = new();

    public Task<IReadOnlyDictionary<string, Decision>> FindPermitsAsync(string deviceKey, string mvpd, IReadOnlyCollection<string> resources, CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        IReadOnlyDictionary<string, Decision> found = resources
            .Where(r => _permits.TryGetValue((deviceKey, mvpd, r), out var d) && d.NotAfter > now)
            .ToDictionary(r => r, r => _permits[(deviceKey, mvpd, r)]);
        return Task.FromResult(found);
    }

    public Task SetPermitsAsync(string deviceKey, IReadOnlyCollection<Decision> decisions, CancellationToken cancellationToken)
    {
        foreach (var decision in decisions.Where(d => d.Authorized && d.NotAfter is not null))
        {
            _permits[(deviceKey, decision.Mvpd, decision.Resource)] = decision with { Token = null };
        }
        return Task.CompletedTask;
    }

    public Task RemoveAllAsync(string deviceKey, CancellationToken cancellationToken)
    {
        foreach (var key in _permits.Keys.Where(k => k.DeviceKey == deviceKey))
        {
            _permits.TryRemove(key, out _);
        }
        return Task.CompletedTask;
    }
}
