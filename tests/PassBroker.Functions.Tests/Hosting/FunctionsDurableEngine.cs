using Microsoft.Azure.Functions.Worker;
using Microsoft.DurableTask.Testing;
using Microsoft.Extensions.DependencyInjection;
using PassBroker.Core.Workflow;
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
            var orchestrator = CompiledFunctions.WithTrigger<OrchestrationTriggerAttribute>().Single();
            registry.AddOrchestratorFunc<SignInPollInput, SignInCheck?>(orchestrator.Name,
                (context, _) => (Task<SignInCheck?>)orchestrator.Method.Invoke(null, [context])!);

            foreach (var activity in CompiledFunctions.WithTrigger<ActivityTriggerAttribute>())
            {
                registry.AddActivityFunc<SignInPollInput, SignInCheck>(activity.Name, (_, input) => RunActivityAsync(activity, input, functionsApp));
            }
        }, new DurableTaskTestHostOptions { Port = LoopbackPorts.Free() });

    private static async Task<SignInCheck> RunActivityAsync(CompiledFunction activity, SignInPollInput input, IServiceProvider functionsApp)
    {
        await using var invocation = functionsApp.CreateAsyncScope();
        var target = activity.Activate(invocation.ServiceProvider);
        return await (Task<SignInCheck>)activity.Method.Invoke(target, [input, CancellationToken.None])!;
    }
}
