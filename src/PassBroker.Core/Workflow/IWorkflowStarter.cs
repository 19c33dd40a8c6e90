namespace PassBroker.Core.Workflow;

/// <summary>Starts the polling workflow for a new sign-in. Idempotent per <see cref="SignInPollInput.InstanceId"/>.</summary>
public interface IWorkflowStarter
{
    Task StartSignInPollingAsync(SignInPollInput input, CancellationToken cancellationToken);
}
