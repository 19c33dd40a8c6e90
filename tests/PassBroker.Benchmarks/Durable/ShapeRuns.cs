using System.Diagnostics;
using DurableTask.Core;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using PassBroker.Core.Devices;
using PassBroker.Core.Sessions;
using PassBroker.Core.Workflow;
using PassBroker.Core.Workflow.Sharded;
using PassBroker.Storage;
using PassBroker.Storage.SignIns;
using PassBroker.Storage.Tables;

namespace PassBroker.Benchmarks.Durable;

/// <summary>Runs each polling shape on its own Azurite and task hub and counts the storage requests of its window.</summary>
internal static class ShapeRuns
{
    private static readonly TimeSpan Limit = TimeSpan.FromMinutes(10);

    /// <summary>N orchestrations of <see cref="SignInPollingWorkflow"/>; the window runs from the first start to the
    /// last orchestration's completion (as the uncounted watcher sees it).</summary>
    public static async Task<ShapeMeasurement> PerSignInAsync(string connectionString, DurableStorageSettings settings)
    {
        const string hub = "pbpersignin";
        var counter = new StorageRequestCounter(hub);
        var script = new UpstreamScript(settings.PollsToLogin);
        await using var durable = await DurableTaskHub.CreateAsync(connectionString, hub, settings, counter);
        durable.Worker.AddTaskOrchestrations(new NameValueObjectCreator<TaskOrchestration>(SignInPollingWorkflow.Name, "", typeof(PerSignInOrchestration)));
        durable.Worker.AddTaskActivities(new NameValueObjectCreator<TaskActivity>(WorkflowActivities.CheckSignIn, "", new CheckSignInStandIn(script)));
        await durable.Worker.StartAsync();

        var before = counter.Snapshot();
        var now = DateTimeOffset.UtcNow;
        var instances = new List<OrchestrationInstance>();
        for (var i = 0; i < settings.SignIns; i++)
        {
            var input = new SignInPollInput($"device{i:D6}", $"CODE{i:D6}", now.AddMinutes(30), settings.PollInterval);
            instances.Add(await durable.Client.CreateOrchestrationInstanceAsync(SignInPollingWorkflow.Name, "", input.InstanceId, input));
        }
        foreach (var instance in instances)
        {
            var state = await durable.Watcher.WaitForOrchestrationAsync(instance, Limit);
            if (state?.OrchestrationStatus != OrchestrationStatus.Completed)
            {
                throw new InvalidOperationException($"{instance.InstanceId} ended {state?.OrchestrationStatus.ToString() ?? "not in time"}.");
            }
        }
        return new ShapeMeasurement(DurableStorageSettings.PerSignIn, settings.SignIns, script.TotalPolls, script.TotalPolls, counter.Since(before));
    }

    /// <summary>S eternal shard orchestrations of Core's <see cref="ShardPollingWorkflow"/>, started (and past their
    /// first round) before the window; the sign-ins start through the product's <see cref="ShardedSignInStarter"/> into
    /// the product's table store; the window runs from the first sign-in's row to the last one's removal.</summary>
    /// <param name="connectionString">The run's Azurite.</param>
    /// <param name="settings">The run's settings.</param>
    /// <param name="idle">No sign-in at all: the window is <see cref="DurableStorageSettings.IdleWindow"/> of shards with
    /// nothing pending, their floor.</param>
    public static async Task<ShapeMeasurement> ShardedAsync(string connectionString, DurableStorageSettings settings, bool idle = false)
    {
        const string hub = "pbsharded";
        var counter = new StorageRequestCounter(hub);
        var script = new UpstreamScript(settings.PollsToLogin);
        var options = Options.Create(new SignInOptions
        {
            PollingShape = SignInPollingShape.Sharded,
            PollInterval = settings.PollInterval,
            ShardTick = settings.Tick,
            Shards = settings.Shards,
        });
        var clock = ShardClock.From(options.Value);
        var tables = new StorageTables(DurableTaskHub.CountedTables(connectionString, counter), Options.Create(new StorageOptions()),
            TimeProvider.System, NullLogger<StorageTables>.Instance);
        var pending = new TablePendingSignInStore(tables);
        var activity = new PollShardRound(new PollShardActivity(pending, new ScriptedRows(script), options, NullLogger<PollShardActivity>.Instance));
        var starter = new ShardedSignInStarter(pending, new StartedShards(), options, TimeProvider.System);

        await using var durable = await DurableTaskHub.CreateAsync(connectionString, hub, settings, counter);
        durable.Worker.AddTaskOrchestrations(new NameValueObjectCreator<TaskOrchestration>(ShardPollingWorkflow.Name, "", typeof(ShardOrchestration)));
        durable.Worker.AddTaskActivities(new NameValueObjectCreator<TaskActivity>(ShardPollingWorkflow.PollShardActivity, "", activity));
        await durable.Worker.StartAsync();
        var firstTick = clock.TickAtOrAfter(DateTimeOffset.UtcNow);
        for (var shard = 0; shard < settings.Shards; shard++)
        {
            var input = new ShardPollInput(shard, clock, firstTick);
            await durable.Client.CreateOrchestrationInstanceAsync(ShardPollingWorkflow.Name, "", input.InstanceId, input);
        }
        await WaitUntilAsync(() => activity.Rounds >= settings.Shards, "the shards' first rounds");
        // The table exists before the window, as it does in a running app: its creation is no sign-in's cost.
        await pending.AnyAsync(0, CancellationToken.None);

        var before = counter.Snapshot();
        var roundsBefore = activity.Rounds;
        if (idle)
        {
            await Task.Delay(settings.IdleWindow);
            return new ShapeMeasurement(DurableStorageSettings.Idle, 0, 0, activity.Rounds - roundsBefore, counter.Since(before)) { Window = settings.IdleWindow };
        }
        var now = DateTimeOffset.UtcNow;
        for (var i = 0; i < settings.SignIns; i++)
        {
            var signIn = new SignInPollInput($"device{i:D6}", $"CODE{i:D6}", now.AddMinutes(30), settings.PollInterval) { Client = new ClientEndpoint("203.0.113.7", null) };
            await starter.StartSignInPollingAsync(signIn, CancellationToken.None);
        }
        await WaitUntilAsync(() => activity.Completed >= settings.SignIns, "every sign-in's end");
        var requests = counter.Since(before);
        return new ShapeMeasurement(DurableStorageSettings.Sharded, settings.SignIns, script.TotalPolls, activity.Rounds - roundsBefore, requests);
    }

    private static async Task WaitUntilAsync(Func<bool> condition, string what)
    {
        var waited = Stopwatch.StartNew();
        while (!condition())
        {
            if (waited.Elapsed > Limit)
            {
                throw new TimeoutException($"Waited {Limit.TotalMinutes} min for {what}.");
            }
            await Task.Delay(100);
        }
    }
}
