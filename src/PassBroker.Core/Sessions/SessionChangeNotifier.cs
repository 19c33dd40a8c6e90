using System.Collections.Concurrent;

namespace PassBroker.Core.Sessions;

/// <summary>
/// Wakes long-polling status requests on this instance as soon as a session changes. Other instances' changes are
/// seen by the long poll's periodic re-read, so this is a latency optimisation, never the source of truth.
/// </summary>
public sealed class SessionChangeNotifier
{
    private readonly ConcurrentDictionary<string, TaskCompletionSource> _waiters = new();

    /// <summary>A task that completes at the next change of the session (or never, if none comes).</summary>
    public Task NextChangeAsync(string deviceKey, string code) =>
        _waiters.GetOrAdd(Key(deviceKey, code), _ => new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously)).Task;

    public void Notify(string deviceKey, string code)
    {
        if (_waiters.TryRemove(Key(deviceKey, code), out var waiter))
        {
            waiter.TrySetResult();
        }
    }

    private static string Key(string deviceKey, string code) => $"{deviceKey}\n{code}";
}
