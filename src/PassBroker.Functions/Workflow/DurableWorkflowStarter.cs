using Grpc.Core;
using Microsoft.DurableTask;
using Microsoft.DurableTask.Client;
using Microsoft.Extensions.Logging;
using PassBroker.Core.Errors;
using PassBroker.Core.Workflow;

namespace PassBroker.Functions.Workflow;

/// <summary>
/// Starts the polling orchestration for a new sign-in, with <see cref="SignInPollInput.InstanceId"/> (device key and
/// code) as its instance id, so a retried request finds it running and starts no second one. The device's older
/// polling orchestrations (their sessions were just ended as replaced by <c>SignInService</c>) get
/// <see cref="DurableWorkflowContext.SignInReplacedEvent"/>, so they stop now instead of at their next poll.
/// </summary>
internal sealed class DurableWorkflowStarter(DurableClientHolder holder, ILogger<DurableWorkflowStarter> logger) : IWorkflowStarter
{
    private static readonly OrchestrationRuntimeStatus[] Active =
        [OrchestrationRuntimeStatus.Pending, OrchestrationRuntimeStatus.Running, OrchestrationRuntimeStatus.Suspended];

    public async Task StartSignInPollingAsync(SignInPollInput input, CancellationToken cancellationToken)
    {
        var client = holder.Client
            ?? throw new InvalidOperationException("No Durable client for this invocation: the function must bind [DurableClient] and put it in DurableClientHolder.");
        try
        {
            await StopOlderAsync(client, input, cancellationToken);

            var existing = await client.GetInstanceAsync(input.InstanceId, cancellationToken);
            if (existing is not null && Active.Contains(existing.RuntimeStatus))
            {
                logger.PollingAlreadyRunning(input.InstanceId);
                return;
            }

            await client.ScheduleNewOrchestrationInstanceAsync(
                SignInPollingWorkflow.Name, input, new StartOrchestrationOptions { InstanceId = input.InstanceId }, cancellationToken);
        }
        catch (RpcException e) when (e.StatusCode is StatusCode.Unavailable or StatusCode.DeadlineExceeded or StatusCode.ResourceExhausted)
        {
            // The task hub lives in the app's storage account, reached through the Functions host: when it does not answer,
            // the app is told what storage being down means (503, retry shortly), not a 500. Other gRPC statuses are
            // not outages and stay unhandled, so they are logged as errors.
            throw new StoreUnavailableException("The Durable task hub did not answer.", e);
        }
        logger.PollingStarted(input.InstanceId);
    }

    private static async Task StopOlderAsync(DurableTaskClient client, SignInPollInput input, CancellationToken cancellationToken)
    {
        // Device keys are fixed-length hex, so this prefix names exactly this device's sign-ins.
        var prefix = new SignInPollInput(input.DeviceKey, "", input.ExpiresAt, input.PollInterval).InstanceId;
        var query = new OrchestrationQuery { InstanceIdPrefix = prefix, Statuses = Active };
        await foreach (var older in client.GetAllInstancesAsync(query).WithCancellation(cancellationToken))
        {
            if (older.InstanceId != input.InstanceId)
            {
                await client.RaiseEventAsync(older.InstanceId, DurableWorkflowContext.SignInReplacedEvent, true, cancellationToken);
            }
        }
    }
}
