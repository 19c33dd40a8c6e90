using Microsoft.Extensions.Options;

namespace PassBroker.Core.Sessions;

/// <summary>
/// Caps the long polls (<c>?wait=</c>) one device holds at once on this instance (<see cref="SignInOptions.MaxWaitsPerDevice"/>).
/// An app needs one at a time; without a cap, one device token could park hundreds of requests, each a timer and a
/// share of the storage reads. Per instance, not global: it bounds what one instance spends, and needs no storage.
/// </summary>
public sealed class LongPollLimiter(IOptions<SignInOptions> options)
{
    private readonly int _max = options.Value.MaxWaitsPerDevice;
    private readonly Lock _lock = new();
    private readonly Dictionary<string, int> _waits = new(StringComparer.Ordinal);

    /// <summary>A slot for one long poll of the device, to dispose when the request ends; null when it holds all it may.</summary>
    public IDisposable? TryEnter(string deviceKey)
    {
        lock (_lock)
        {
            var held = _waits.GetValueOrDefault(deviceKey);
            if (held >= _max)
            {
                return null;
            }
            _waits[deviceKey] = held + 1;
            return new Slot(this, deviceKey);
        }
    }

    /// <summary>Long polls the device holds now on this instance.</summary>
    public int Held(string deviceKey)
    {
        lock (_lock)
        {
            return _waits.GetValueOrDefault(deviceKey);
        }
    }

    private void Release(string deviceKey)
    {
        lock (_lock)
        {
            // Devices without a wait leave no entry behind.
            if (--_waits[deviceKey] == 0)
            {
                _waits.Remove(deviceKey);
            }
        }
    }

    private sealed class Slot(LongPollLimiter limiter, string deviceKey) : IDisposable
    {
        private int _released;

        public void Dispose()
        {
            if (Interlocked.Exchange(ref _released, 1) == 0)
            {
                limiter.Release(deviceKey);
            }
        }
    }
}
