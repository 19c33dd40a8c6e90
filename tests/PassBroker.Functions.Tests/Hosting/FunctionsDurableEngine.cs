using Microsoft.Azure.Functions.Worker;
using Microsoft.DurableTask.Testing;
using Microsoft.Extensions.DependencyInjection;
using PassBroker.Core.Workflow;
using PassBroker.Core.Workflow.Sharded;
using PassBroker.Testing.Hosting;

namespace PassBroker.Functions.Tests.Hosting;

/// <summary>
/// The real Durable Task engine in-process (durabletask-dotnet's test host: gRPC worker, replay, timers) running the
/// Functions app's own compiled orchestrator and activity functions, the activities resolved from the app's services as
/// the worker resolves them, so a sign-in started by the app's HTTP function is polled by the app's own code.
/// </summary>
internal static class FunctionsDurableEngine
{
    public static Task<DurableTaskTestHost> StartAsync(IServiceProvider functionsApp) =>
        DurableTaskTestHost.StartAsync(registry =>
        {
            var orchestrators = CompiledFunctions.WithTrigger<OrchestrationTriggerAttribute>().ToDictionary(f => f.Name);
            var perSignIn = orchestrators[SignInPollingWorkflow.Name];
            registry.AddOrchestratorFunc<SignInPollInput, SignInCheck?>(perSignIn.Name,
                (context, _) => (Task<SignInCheck?>)perSignIn.Method.Invoke(null, [context])!);
            var shard = orchestrators[ShardPollingWorkflow.Name];
            registry.AddOrchestratorFunc<ShardPollInput, ShardRound?>(shard.Name,
                (context, _) => (Task<ShardRound?>)shard.Method.Invoke(null, [context])!);

            foreach (var activity in CompiledFunctions.WithTrigger<ActivityTriggerAttribute>())
            {
                if (activity.Name == ShardPollingWorkflow.PollShardActivity)
                {
                    registry.AddActivityFunc<ShardRoundInput, ShardRound>(activity.Name, (_, input) => RunActivityAsync<ShardRoundInput, ShardRound>(activity, input, functionsApp));
                    continue;
                }
                registry.AddActivityFunc<SignInPollInput, SignInCheck>(activity.Name, (_, input) => RunActivityAsync<SignInPollInput, SignInCheck>(activity, input, functionsApp));
            }
        }, new DurableTaskTestHostOptions { Port = LoopbackPorts.Free() });

    private static async Task<TOutput> RunActivityAsync<TInput, TOutput>(CompiledFunction activity, TInput input, IServiceProvider functionsApp)
    {
        await using var invocation = functionsApp.CreateAsyncScope();
        var target = activity.Activate(invocation.ServiceProvider);
        return await (Task<TOutput>)activity.Method.Invoke(target, [input, CancellationToken.None])!;
    }
}
