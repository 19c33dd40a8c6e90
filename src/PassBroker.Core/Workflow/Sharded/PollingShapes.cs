using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using PassBroker.Core.Sessions;

namespace PassBroker.Core.Workflow.Sharded;

/// <summary>Both hosts' choice of <see cref="IWorkflowStarter"/> by <see cref="SignInOptions.PollingShape"/>.</summary>
public static class PollingShapes
{
    /// <summary>The sharded starter under <see cref="SignInPollingShape.Sharded"/>, else the host's per-sign-in one.</summary>
    public static IWorkflowStarter StarterFor<TPerSignIn>(IServiceProvider services) where TPerSignIn : IWorkflowStarter =>
        services.GetRequiredService<IOptions<SignInOptions>>().Value.PollingShape == SignInPollingShape.Sharded
            ? services.GetRequiredService<ShardedSignInStarter>()
            : services.GetRequiredService<TPerSignIn>();
}
