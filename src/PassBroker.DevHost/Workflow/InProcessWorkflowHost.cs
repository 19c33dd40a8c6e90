using System.Collections.Concurrent;
using Microsoft.Extensions.Options;
using PassBroker.Core.Errors;
using PassBroker.Core.Sessions;
using PassBroker.Core.Workflow;

namespace PassBroker.DevHost.Workflow;

/// <summary>
/// Runs polling workflows inside the DevHost. On start it resumes every pending sign-in found in Table Storage, so a
/// restart loses none: as a per-sign-in workflow, or a row for the shards under the sharded shape
/// (<see cref="InProcessShardHost"/>), whichever shape started it. The workflow itself retries transiently failed activities (<see cref="SignInPollingWorkflow"/>);
/// a resume at start that meets a storage outage backs off (jittered, <see cref="WorkflowBackoff"/>) and tries again.
/// </summary>
internal sealed class InProcessWorkflowHost(
    IServiceProvider services,
    ISessionStore sessions,
    IOptions<SignInOptions> options,
    TimeProvider time,
    ILoggerFactory loggers,
    ILogger<InProcessWorkflowHost> logger) : BackgroundService, IWorkflowStarter
{
    private readonly ConcurrentDictionary<string, Task> _running = new();
    private readonly CancellationTokenSource _stopping = new();
    private volatile bool _resumed;

    /// <summary>
    /// Starts the workflow unless it already runs. The workflow runs synchronously up to its first timer, so when this
    /// returns the first poll is scheduled (tests moving a fake clock rely on that).
    /// </summary>
    public Task StartSignInPollingAsync(SignInPollInput input, CancellationToken cancellationToken)
    {
        var done = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        if (_running.TryAdd(input.InstanceId, done.Task))
        {
            _ = RunAndForgetAsync(input, done);
        }
        return Task.CompletedTask;
    }

    /// <summary>Resumes pending sign-ins before the host serves requests. If storage does not answer, the host still
    /// starts and <see cref="ExecuteAsync"/> keeps trying in the background.</summary>
    public override async Task StartAsync(CancellationToken cancellationToken)
    {
        try
        {
            using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
            timeout.CancelAfter(TimeSpan.FromSeconds(10));
            await ResumePendingAsync(timeout.Token);
            _resumed = true;
        }
        catch (Exception ex) when (ex is OperationCanceledException or StoreUnavailableException && !cancellationToken.IsCancellationRequested)
        {
            logger.ResumeDeferred(ex.GetType().Name);
        }
        await base.StartAsync(cancellationToken);
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        for (var attempt = 1; !_resumed && !stoppingToken.IsCancellationRequested; attempt++)
        {
            try
            {
                await Task.Delay(WorkflowBackoff.Delay(attempt, Random.Shared.NextDouble()), time, stoppingToken);
                await ResumePendingAsync(stoppingToken);
                _resumed = true;
            }
            catch (StoreUnavailableException ex)
            {
                logger.ResumeDeferred(ex.GetType().Name);
            }
        }
    }

    private async Task ResumePendingAsync(CancellationToken cancellationToken)
    {
        var resumed = 0;
        await foreach (var session in sessions.ListPendingAsync(null, cancellationToken))
        {
            // Into the current shape (SignIn:PollingShape): a sign-in left pending under the other shape finishes too.
            // The session's brand, as SignInService gives it: the workflow counts the sign-in's end under it.
            var input = new SignInPollInput(session.DeviceKey, session.Code, session.ExpiresAt, options.Value.PollInterval, Brand: session.Brand)
            {
                Mvpd = session.Mvpd,
                Client = session.Client,
            };
            await services.GetRequiredService<IWorkflowStarter>().StartSignInPollingAsync(input, cancellationToken);
            resumed++;
        }
        // Nothing resumed is nothing to say: the start-up banner comes first on a quiet start.
        if (resumed > 0)
        {
            logger.ResumedPendingSignIns(resumed);
        }
    }

    public override async Task StopAsync(CancellationToken cancellationToken)
    {
        await _stopping.CancelAsync();
        await base.StopAsync(cancellationToken);
        // Waits for the workflows to notice, but not past the host's shutdown deadline: one cut short stays pending in
        // storage and is resumed at the next start, so neither that nor a workflow's failure is worth an error here.
        await Task.WhenAll(_running.Values).WaitAsync(cancellationToken).ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
    }

    public override void Dispose()
    {
        _stopping.Dispose();
        base.Dispose();
    }

    private async Task RunAndForgetAsync(SignInPollInput input, TaskCompletionSource done)
    {
        try
        {
            await RunAsync(input);
        }
        finally
        {
            _running.TryRemove(input.InstanceId, out _);
            done.TrySetResult();
        }
    }

    private async Task RunAsync(SignInPollInput input)
    {
        try
        {
            while (!_stopping.IsCancellationRequested)
            {
                var context = new InProcessWorkflowContext(services, time, loggers, input.DeviceKey, _stopping.Token);
                await SignInPollingWorkflow.RunAsync(context, input);
                if (!context.ContinuedAsNew)
                {
                    return;
                }
                input = (SignInPollInput)context.NextInput!;
            }
        }
        catch (OperationCanceledException) when (_stopping.IsCancellationRequested)
        {
            // Shutting down: the session stays pending in storage and is resumed at the next start.
        }
        catch (Exception ex)
        {
            // The workflow retries only failures that may pass (jittered, until an hour past the code's expiry), as it
            // does under Durable; an exception here is a failed orchestration: one that waiting would not fix, or one
            // still failing at the give-up point. The workflow has logged which, with the failure's type.
            logger.WorkflowFailed(ex, input.DeviceKey);
        }
    }
}
