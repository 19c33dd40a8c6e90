using System.Collections.Concurrent;
using PassBroker.Core.Secrets;

namespace PassBroker.TestHelpers.Fakes;

/// <summary>Secrets by name, changeable mid-test (a rotation); counts reads so tests can see caching.</summary>
public sealed class InMemorySecretStore : ISecretStore
{
    private readonly ConcurrentDictionary<string, string> _values = new(StringComparer.OrdinalIgnoreCase);
    private int _reads;

    public int Reads => _reads;

    public InMemorySecretStore Set(string name, string? value)
    {
        if (value is null)
        {
            _values.TryRemove(name, out _);
        }
        else
        {
            _values[name] = value;
        }
        return this;
    }

    public Task<string?> GetAsync(string name, CancellationToken cancellationToken)
    {
        Interlocked.Increment(ref _reads);
        return Task.FromResult(_values.GetValueOrDefault(SecretNames.Validate(name)));
    }
}
