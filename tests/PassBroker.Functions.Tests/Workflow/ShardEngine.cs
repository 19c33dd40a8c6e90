using System.Collections.Concurrent;
using System.Runtime.CompilerServices;
using Microsoft.DurableTask;
using Microsoft.DurableTask.Client;
using Microsoft.DurableTask.Testing;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Testing;
using Microsoft.Extensions.Options;
using PassBroker.Core.Devices;
using PassBroker.Core.Sessions;
using PassBroker.Core.Workflow;
using PassBroker.Core.Workflow.Sharded;
using PassBroker.Functions.Workflow;
using PassBroker.Testing.Hosting;

namespace PassBroker.Functions.Tests.Workflow;

/// <summary>One call a shard round made for a row: which (check, expire or fail), of which device, when (wall clock).</summary>
internal sealed record RowCall(string Kind, string DeviceKey, DateTimeOffset At);

/// <summary>
/// The real Durable Task engine in-process running the Functions app's own shard orchestrator and Core's real
/// <see cref="PollShardActivity"/>, over an in-memory pending table and a scripted <see cref="ISignInRowPoller"/> (what
/// Adobe and the session rows say), on a fast tick clock. One per test; every wait is bounded by <see cref="Timeout"/>.
/// </summary>
internal sealed class ShardEngine : IAsyncDisposable, ISignInRowPoller
{
    /// <summary>Answers a poll of a device; the int is that device's check number, from 1. It may throw.</summary>
    public delegate SignInCheck Script(string deviceKey, int call);

    // Real time on the in-process engine: a tick long enough that a round under CI load (2 cores shared with Azurite and
    // other hosts) still ends well within it, so late rounds do not bunch a slot's visits and the pacing checks hold.
    public static readonly TimeSpan Tick = TimeSpan.FromSeconds(1);
    public static readonly TimeSpan Interval = Tick * 3;

    private readonly CancellationTokenSource _timeout = new(TimeSpan.FromSeconds(45));
    private readonly List<RowCall> _calls = [];
    private readonly ConcurrentQueue<DateTimeOffset> _roundStarts = new();
    private readonly FakeLoggerProvider _logs = new();
    private readonly Script _script;
    private ILoggerFactory? _loggers;
    private DurableTaskTestHost? _host;
    private long _rounds;

    private ShardEngine(Script script) => _script = script;

    public static ShardClock Clock { get; } = new(ShardClock.DefaultEpoch, Tick, Interval);

    public CancellationToken Timeout => _timeout.Token;

    public DurableTaskClient Client => _host!.Client;

    public InMemoryPendingSignIns Pending { get; } = new();

    public long Rounds => Interlocked.Read(ref _rounds);

    /// <summary>When each round so far started (wall clock), in the order they ran.</summary>
    public IReadOnlyList<DateTimeOffset> RoundStarts => [.. _roundStarts];

    /// <summary>What PollShardActivity logged.</summary>
    public IReadOnlyList<FakeLogRecord> ActivityLog => [.. _logs.Collector.GetSnapshot().Where(r => r.Category == typeof(PollShardActivity).FullName)];

    /// <param name="script">What each poll answers.</param>
    /// <param name="rowConcurrency">SignIn:ShardConcurrency.</param>
    /// <param name="shape">SignIn:PollingShape as the round activity reads it (PerSignIn: after a switch away from shards).</param>
    public static async Task<ShardEngine> StartAsync(Script script, int rowConcurrency = 4, SignInPollingShape shape = SignInPollingShape.Sharded)
    {
        var engine = new ShardEngine(script);
        engine._loggers = LoggerFactory.Create(logging => logging.AddProvider(engine._logs).SetMinimumLevel(LogLevel.Information));
        var options = Options.Create(new SignInOptions { PollingShape = shape, ShardConcurrency = rowConcurrency });
        var activity = new PollShardActivity(engine.Pending, engine, options, engine._loggers.CreateLogger<PollShardActivity>());
        engine._host = await DurableTaskTestHost.StartAsync(
            registry =>
            {
                registry.AddOrchestratorFunc<ShardPollInput, ShardRound?>(ShardPollingWorkflow.Name, (context, _) => ShardPollingFunctions.RunOrchestrator(context));
                registry.AddActivityFunc<ShardRoundInput, ShardRound>(ShardPollingWorkflow.PollShardActivity, (_, input) =>
                {
                    Interlocked.Increment(ref engine._rounds);
                    engine._roundStarts.Enqueue(DateTimeOffset.UtcNow);
                    return activity.RunAsync(input, engine.Timeout);
                });
            },
            new DurableTaskTestHostOptions { Port = LoopbackPorts.Free(), LoggerFactory = engine._loggers },
            engine.Timeout);
        return engine;
    }

    /// <summary>Starts shard 0 at the next tick.</summary>
    public Task<string> StartShardAsync() =>
        Client.ScheduleNewOrchestrationInstanceAsync(ShardPollingWorkflow.Name, new ShardPollInput(0, Clock, Clock.TickAtOrAfter(DateTimeOffset.UtcNow)),
            new StartOrchestrationOptions { InstanceId = ShardPollInput.InstanceIdOf(0) }, Timeout);

    /// <summary>A sign-in of shard 0 in <paramref name="slot"/>, started now, as the sharded starter writes it.</summary>
    public PendingSignIn Add(string deviceKey, int slot, TimeSpan? expiresIn = null)
    {
        var now = DateTimeOffset.UtcNow;
        var row = new PendingSignIn(deviceKey, "ABC1234", "Cablevision", new ClientEndpoint("203.0.113.7", 50123),
            now + (expiresIn ?? TimeSpan.FromMinutes(5)), 0, slot, Clock.FirstDueTick(now, slot));
        Pending.Put(row);
        return row;
    }

    public IReadOnlyList<RowCall> Calls(string? deviceKey = null)
    {
        lock (_calls)
        {
            return [.. _calls.Where(c => deviceKey is null || c.DeviceKey == deviceKey)];
        }
    }

    /// <summary>Waits (bounded) until <paramref name="condition"/> holds; polls the test's own state, not the engine.</summary>
    public async Task WaitUntilAsync(Func<bool> condition, [CallerArgumentExpression(nameof(condition))] string what = "")
    {
        try
        {
            while (!condition())
            {
                await Task.Delay(TimeSpan.FromMilliseconds(50), Timeout);
            }
        }
        catch (OperationCanceledException cancelled) when (Timeout.IsCancellationRequested)
        {
            throw new TimeoutException($"Not reached within the test's patience: {what}; {Rounds} rounds, {Calls().Count} row calls.", cancelled);
        }
    }

    public Task<SignInCheck> CheckAsync(PendingPoll poll, CancellationToken cancellationToken)
    {
        int call;
        lock (_calls)
        {
            _calls.Add(new RowCall("check", poll.DeviceKey, DateTimeOffset.UtcNow));
            call = _calls.Count(c => c.Kind == "check" && c.DeviceKey == poll.DeviceKey);
        }
        return Task.FromResult(_script(poll.DeviceKey, call));
    }

    public Task<SignInCheck> ExpireAsync(SignInPollInput input, CancellationToken cancellationToken) =>
        Record("expire", input, new SignInCheck(SessionStatus.Expired, SessionEndReasons.CodeExpired));

    public Task<SignInCheck> FailAsync(SignInPollInput input, CancellationToken cancellationToken) =>
        Record("fail", input, new SignInCheck(SessionStatus.Failed, SessionEndReasons.PollingFailed));

    private Task<SignInCheck> Record(string kind, SignInPollInput input, SignInCheck result)
    {
        lock (_calls)
        {
            _calls.Add(new RowCall(kind, input.DeviceKey, DateTimeOffset.UtcNow));
        }
        return Task.FromResult(result);
    }

    public async ValueTask DisposeAsync()
    {
        if (_host is not null)
        {
            using var cleanup = new CancellationTokenSource(TimeSpan.FromSeconds(15));
            try
            {
                await _host.Client.TerminateInstanceAsync(ShardPollInput.InstanceIdOf(0), cancellation: cleanup.Token);
            }
            catch (Exception)
            {
                // Left to the host's disposal below; a failure here would hide the test's own.
            }
            await _host.DisposeAsync().AsTask().WaitAsync(cleanup.Token);
        }
        _timeout.Dispose();
        _loggers?.Dispose();
    }
}

/// <summary>The pending table in memory, with the Table store's semantics: one row per device, ETag-conditional removal.</summary>
internal sealed class InMemoryPendingSignIns : IPendingSignInStore
{
    private readonly ConcurrentDictionary<string, PendingSignIn> _rows = new(StringComparer.Ordinal);

    public bool Contains(string deviceKey) => _rows.ContainsKey(deviceKey);

    public void Put(PendingSignIn row) => _rows[row.DeviceKey] = row with { ETag = Guid.NewGuid().ToString("N") };

    public Task PutAsync(PendingSignIn row, CancellationToken cancellationToken)
    {
        Put(row);
        return Task.CompletedTask;
    }

    public async IAsyncEnumerable<PendingSignIn> ListDueAsync(int shard, int slot, long tick, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        await Task.Yield();
        foreach (var row in _rows.Values.Where(r => r.Shard == shard && r.Slot == slot && r.FirstDueTick <= tick))
        {
            yield return row;
        }
    }

    public Task<bool> RemoveAsync(PendingSignIn row, CancellationToken cancellationToken) =>
        Task.FromResult(((ICollection<KeyValuePair<string, PendingSignIn>>)_rows).Remove(new(row.DeviceKey, row)));

    public Task<bool> AnyAsync(int shard, CancellationToken cancellationToken) => Task.FromResult(_rows.Values.Any(r => r.Shard == shard));
}
