using Microsoft.DurableTask.Client;

namespace PassBroker.Functions.Workflow;

/// <summary>
/// The invocation's Durable client. The isolated worker hands a <see cref="DurableTaskClient"/> to a function only
/// through its <c>[DurableClient]</c> binding, not through DI, so the function puts it here (scoped: one invocation)
/// for the <see cref="DurableWorkflowStarter"/> that Core's <c>SignInService</c> calls.
/// </summary>
internal sealed class DurableClientHolder
{
    public DurableTaskClient? Client { get; set; }
}
