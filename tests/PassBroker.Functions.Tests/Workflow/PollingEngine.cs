using System.Collections.Concurrent;
using Microsoft.DurableTask;
using Microsoft.DurableTask.Client;
using Microsoft.DurableTask.Testing;
using Microsoft.DurableTask.Worker.Grpc;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Testing;
using PassBroker.Core.Sessions;
using PassBroker.Core.Workflow;
using PassBroker.Functions.Workflow;
using PassBroker.Testing.Hosting;
using P = Microsoft.DurableTask.Protobuf;

namespace PassBroker.Functions.Tests.Workflow;

/// <summary>One activity call the engine made: which activity, with what input, when (wall clock).</summary>
internal sealed record ActivityCall(string Name, SignInPollInput Input, DateTimeOffset At);

/// <summary>
/// The real Durable Task engine in-process (durabletask-dotnet's test host: gRPC sidecar and worker, history, replay,
/// durable timers) running the Functions app's own orchestrator over scripted activities. One per test, disposed by
/// it. Every wait goes through <see cref="Timeout"/>, so an orchestration that hangs fails the test instead of CI.
/// </summary>
internal sealed class PollingEngine : IAsyncDisposable
{
    /// <summary>Answers a poll (or an expiry) of an instance; the int is that activity's call number for the instance,
    /// from 1. It may throw, as an activity whose storage is down does.</summary>
    public delegate SignInCheck Script(SignInPollInput input, int call);

    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(30);

    private readonly CancellationTokenSource _timeout = new(Patience);
    private readonly List<ActivityCall> _calls = [];
    private readonly ConcurrentDictionary<string, int> _episodes = new();
    private readonly ConcurrentDictionary<string, int> _replays = new();
    private readonly FakeLoggerProvider _logs = new();
    private ILoggerFactory? _loggers;
    private DurableTaskTestHost? _host;

    /// <summary>Cancelled when the test has run too long; pass it to every wait on the engine.</summary>
    public CancellationToken Timeout => _timeout.Token;

    public DurableTaskClient Client => _host!.Client;

    /// <summary>The histories and actions exchanged with the worker.</summary>
    public EngineTraffic Traffic { get; } = new();

    /// <summary>What Core's workflow logged (through the orchestration's replay-safe logger), in order.</summary>
    public IReadOnlyList<FakeLogRecord> WorkflowLog =>
        [.. _logs.Collector.GetSnapshot().Where(r => r.Category == typeof(SignInPollingWorkflow).FullName)];

    /// <param name="check">Answers <see cref="WorkflowActivities.CheckSignIn"/>.</param>
    /// <param name="expire">Answers <see cref="WorkflowActivities.ExpireSignIn"/>; by default the code expired.</param>
    /// <param name="fail">Answers <see cref="WorkflowActivities.FailSignIn"/>; by default the sign-in was marked failed.</param>
    public static async Task<PollingEngine> StartAsync(Script check, Script? expire = null, Script? fail = null)
    {
        var engine = new PollingEngine();
        expire ??= (_, _) => new SignInCheck(SessionStatus.Expired, SessionEndReasons.CodeExpired);
        fail ??= (_, _) => new SignInCheck(SessionStatus.Failed, SessionEndReasons.PollingFailed);
        // The engine's own lines are kept too, but only the workflow's category is read.
        engine._loggers = LoggerFactory.Create(logging => logging.AddProvider(engine._logs).SetMinimumLevel(LogLevel.Information));
        engine._host = await DurableTaskTestHost.StartAsync(
            registry =>
            {
                // The two-type-argument form: with the one-argument form the input reaches GetInput<SignInPollInput>
                // as a JsonElement and the orchestrator throws.
                registry.AddOrchestratorFunc<SignInPollInput, SignInCheck?>(SignInPollingWorkflow.Name, (context, _) =>
                {
                    // Counted at the start of every episode: the engine runs the orchestrator from the top each time
                    // and replays what history already holds.
                    engine._episodes.AddOrUpdate(context.InstanceId, 1, (_, n) => n + 1);
                    if (context.IsReplaying)
                    {
                        engine._replays.AddOrUpdate(context.InstanceId, 1, (_, n) => n + 1);
                    }
                    return SignInPollingFunctions.RunOrchestrator(context);
                });
                registry.AddActivityFunc<SignInPollInput, SignInCheck>(
                    WorkflowActivities.CheckSignIn, (_, input) => engine.Answer(WorkflowActivities.CheckSignIn, input, check));
                registry.AddActivityFunc<SignInPollInput, SignInCheck>(
                    WorkflowActivities.ExpireSignIn, (_, input) => engine.Answer(WorkflowActivities.ExpireSignIn, input, expire));
                registry.AddActivityFunc<SignInPollInput, SignInCheck>(
                    WorkflowActivities.FailSignIn, (_, input) => engine.Answer(WorkflowActivities.FailSignIn, input, fail));
            },
            new DurableTaskTestHostOptions
            {
                Port = LoopbackPorts.Free(),
                LoggerFactory = engine._loggers,
                ConfigureServices = services => services.ConfigureAll<GrpcDurableTaskWorkerOptions>(o => o.Interceptors.Add(engine.Traffic)),
            },
            engine.Timeout);
        return engine;
    }

    /// <summary>A sign-in of <paramref name="deviceKey"/> (fixed-length hex, as the starter's prefix query assumes).</summary>
    public static SignInPollInput Input(
        TimeSpan pollInterval, TimeSpan expiresIn, string deviceKey = "0123456789abcdef0123456789abcdef", string code = "ABC1234") =>
        new(deviceKey, code, DateTimeOffset.UtcNow + expiresIn, pollInterval);

    public Task<string> ScheduleAsync(SignInPollInput input) =>
        Client.ScheduleNewOrchestrationInstanceAsync(
            SignInPollingWorkflow.Name, input, new StartOrchestrationOptions { InstanceId = input.InstanceId }, Timeout);

    public async Task<OrchestrationMetadata> WaitForEndAsync(string instanceId)
    {
        try
        {
            return await Client.WaitForInstanceCompletionAsync(instanceId, getInputsAndOutputs: true, Timeout);
        }
        catch (OperationCanceledException cancelled) when (Timeout.IsCancellationRequested)
        {
            throw await HungAsync(instanceId, "end", cancelled);
        }
    }

    /// <summary>Returns once the instance has asked for a durable timer and is running, i.e. waits on the timer.</summary>
    public async Task WaitForTimerAsync(string instanceId)
    {
        try
        {
            while (!Traffic.Actions(instanceId).Any(a => a.CreateTimer is not null)
                || await Client.GetInstanceAsync(instanceId, Timeout) is not { RuntimeStatus: OrchestrationRuntimeStatus.Running })
            {
                await Task.Delay(TimeSpan.FromMilliseconds(50), Timeout);
            }
        }
        catch (OperationCanceledException cancelled) when (Timeout.IsCancellationRequested)
        {
            throw await HungAsync(instanceId, "start waiting on a timer", cancelled);
        }
    }

    /// <summary>The activity calls so far, in order; of one instance if <paramref name="instanceId"/> is given.</summary>
    public IReadOnlyList<ActivityCall> Calls(string? instanceId = null)
    {
        lock (_calls)
        {
            return [.. _calls.Where(c => instanceId is null || c.Input.InstanceId == instanceId)];
        }
    }

    /// <summary>How many times the orchestrator function ran for the instance, and how many of those were replays.</summary>
    public (int Episodes, int Replays) Runs(string instanceId) =>
        (_episodes.GetValueOrDefault(instanceId), _replays.GetValueOrDefault(instanceId));

    /// <summary>The replay-safe clock of the episode that recorded <paramref name="inEpisode"/>: the timestamp of the
    /// OrchestratorStarted event before it (what <c>CurrentUtcDateTime</c> returned there).</summary>
    public static DateTime EpisodeStart(IReadOnlyList<P.HistoryEvent> history, P.HistoryEvent inEpisode) =>
        history.TakeWhile(e => !ReferenceEquals(e, inEpisode)).Last(e => e.OrchestratorStarted is not null).Timestamp.ToDateTime();

    public async ValueTask DisposeAsync()
    {
        if (_host is not null)
        {
            // Instances a test left waiting on an hour-long timer are terminated first, so the host stops promptly.
            // A failure here is not reported: it would replace the test's own failure (a hung instance, say).
            using var cleanup = new CancellationTokenSource(TimeSpan.FromSeconds(15));
            try
            {
                var running = new OrchestrationQuery { Statuses = [OrchestrationRuntimeStatus.Pending, OrchestrationRuntimeStatus.Running] };
                await foreach (var instance in _host.Client.GetAllInstancesAsync(running).WithCancellation(cleanup.Token))
                {
                    await _host.Client.TerminateInstanceAsync(instance.InstanceId, cancellation: cleanup.Token);
                }
            }
            catch (Exception)
            {
                // Left to the host's disposal below.
            }
            await _host.DisposeAsync().AsTask().WaitAsync(cleanup.Token);
        }
        _timeout.Dispose();
        _loggers?.Dispose();
    }

    // Says where the instance stopped, so a hang reads as one in the test's failure rather than as a cancellation.
    private async Task<TimeoutException> HungAsync(string instanceId, string didNot, Exception cancelled)
    {
        using var query = new CancellationTokenSource(TimeSpan.FromSeconds(5));
        var status = (await Client.GetInstanceAsync(instanceId, query.Token))?.RuntimeStatus.ToString() ?? "unknown";
        var lastActions = string.Join(", ", Traffic.Actions(instanceId).TakeLast(3).Select(a => a.OrchestratorActionTypeCase));
        return new TimeoutException(
            $"{instanceId} did not {didNot} within the test's {Patience.TotalSeconds:0} s: it is {status} after {Runs(instanceId).Episodes} " +
            $"episode(s) and {Calls(instanceId).Count} activity call(s); its last actions: [{lastActions}].",
            cancelled);
    }

    // Activities run on the thread pool, several at once across instances: record and number under the lock.
    private SignInCheck Answer(string name, SignInPollInput input, Script script)
    {
        int call;
        lock (_calls)
        {
            _calls.Add(new ActivityCall(name, input, DateTimeOffset.UtcNow));
            call = _calls.Count(c => c.Name == name && c.Input.InstanceId == input.InstanceId);
        }
        return script(input, call);
    }
}
