using System.Collections.Concurrent;
using System.Runtime.CompilerServices;
using PassBroker.Core.Errors;
using PassBroker.Core.Sessions;

namespace PassBroker.TestHelpers.Fakes;

/// <summary>An <see cref="ISessionStore"/> with the same concurrency contract as the table store, for unit tests.</summary>
public sealed class InMemorySessionStore : ISessionStore
{
    private readonly ConcurrentDictionary<(string, string), AuthenticationSession> _sessions = new();
    private readonly Lock _starts = new();
    private int _version;
    private int _finds;

    /// <summary>Calls of <see cref="FindAsync"/> so far: the reads a table store would have made.</summary>
    public int Finds => Volatile.Read(ref _finds);

    public Task<AuthenticationSession?> FindAsync(string deviceKey, string code, CancellationToken cancellationToken)
    {
        Interlocked.Increment(ref _finds);
        return Task.FromResult(_sessions.GetValueOrDefault((deviceKey, code)));
    }

    public Task<IReadOnlyList<AuthenticationSession>> FindByCodeAsync(string code, IReadOnlyCollection<string> brands,
        CancellationToken cancellationToken) =>
        Task.FromResult<IReadOnlyList<AuthenticationSession>>([.. brands.Distinct(StringComparer.Ordinal)
            .Select(b => _sessions.Values.Where(s => s.Code == code && s.Brand == b).MaxBy(s => s.CreatedAt)).OfType<AuthenticationSession>()]);

    public Task<AuthenticationSession> AddAsync(AuthenticationSession session, CancellationToken cancellationToken)
    {
        var stored = session with { ETag = NextVersion() };
        return _sessions.TryAdd((session.DeviceKey, session.Code), stored) ? Task.FromResult(stored) : throw new ConcurrencyConflictException("exists");
    }

    public Task<PendingSessionStart> StartPendingAsync(AuthenticationSession session,
        Func<AuthenticationSession, AuthenticationSession> endReplaced, CancellationToken cancellationToken)
    {
        // One start at a time, as the table store's transaction guarantees.
        lock (_starts)
        {
            if (_sessions.ContainsKey((session.DeviceKey, session.Code)))
            {
                throw new ConcurrencyConflictException("exists");
            }
            var replaced = _sessions.Values
                .Where(s => s.DeviceKey == session.DeviceKey && s.Status == SessionStatus.Pending)
                .Select(s => _sessions[(s.DeviceKey, s.Code)] = endReplaced(s) with { ETag = NextVersion() })
                .ToList();
            var stored = _sessions[(session.DeviceKey, session.Code)] = session with { ETag = NextVersion() };
            return Task.FromResult(new PendingSessionStart(stored, replaced));
        }
    }

    public Task<AuthenticationSession> UpdateAsync(AuthenticationSession session, CancellationToken cancellationToken)
    {
        var key = (session.DeviceKey, session.Code);
        var stored = session with { ETag = NextVersion() };
        return _sessions.TryGetValue(key, out var current) && current.ETag == session.ETag && _sessions.TryUpdate(key, stored, current)
            ? Task.FromResult(stored)
            : throw new ConcurrencyConflictException("stale");
    }

    public async IAsyncEnumerable<AuthenticationSession> ListPendingAsync(string? deviceKey, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        foreach (var session in _sessions.Values.Where(s => s.Status == SessionStatus.Pending && (deviceKey is null || s.DeviceKey == deviceKey)))
        {
            await Task.Yield();
            yield return session;
        }
    }

    public async IAsyncEnumerable<AuthenticationSession> ListHoldingProfilesAsync(string deviceKey, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        foreach (var session in _sessions.Values.Where(s => s.DeviceKey == deviceKey && s.Profile is not null))
        {
            await Task.Yield();
            yield return session;
        }
    }

    private string NextVersion() => Interlocked.Increment(ref _version).ToString(System.Globalization.CultureInfo.InvariantCulture);
}
