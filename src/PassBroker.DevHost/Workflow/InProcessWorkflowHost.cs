using System.Collections.Concurrent;
using Microsoft.Extensions.Options;
using PassBroker.Core.Sessions;
using PassBroker.Core.Workflow;

namespace PassBroker.DevHost.Workflow;

/// <summary>
/// Runs polling workflows inside the DevHost. On start it resumes every pending sign-in found in Table Storage, so a
/// restart loses none. A workflow whose activity keeps failing (storage or Adobe down) backs off and tries again
/// until the code expires, as Durable's retry policy would.
/// </summary>
internal sealed class InProcessWorkflowHost(
    IServiceProvider services,
    ISessionStore sessions,
    IOptions<SignInOptions> options,
    TimeProvider time,
    ILogger<InProcessWorkflowHost> logger) : BackgroundService, IWorkflowStarter
{
    private static readonly TimeSpan[] Backoff = [TimeSpan.FromSeconds(1), TimeSpan.FromSeconds(5), TimeSpan.FromSeconds(15)];
    private readonly ConcurrentDictionary<string, Task> _running = new();
    private readonly CancellationTokenSource _stopping = new();

    /// <summary>Workflows currently running (for diagnostics and tests).</summary>
    public int RunningCount => _running.Count;

    public Task StartSignInPollingAsync(SignInPollInput input, CancellationToken cancellationToken)
    {
        _running.GetOrAdd(input.InstanceId, _ => Task.Run(() => RunAsync(input)));
        return Task.CompletedTask;
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        await using var link = stoppingToken.Register(_stopping.Cancel);
        var resumed = 0;
        await foreach (var session in sessions.ListPendingAsync(null, stoppingToken))
        {
            await StartSignInPollingAsync(new SignInPollInput(session.DeviceKey, session.Code, session.ExpiresAt, options.Value.PollInterval), stoppingToken);
            resumed++;
        }
        logger.ResumedPendingSignIns(resumed);
    }

    public override async Task StopAsync(CancellationToken cancellationToken)
    {
        await _stopping.CancelAsync();
        await base.StopAsync(cancellationToken);
        await Task.WhenAll(_running.Values).WaitAsync(cancellationToken).ContinueWith(_ => { }, TaskScheduler.Default);
    }

    public override void Dispose()
    {
        _stopping.Dispose();
        base.Dispose();
    }

    private async Task RunAsync(SignInPollInput input)
    {
        var failures = 0;
        try
        {
            while (!_stopping.IsCancellationRequested)
            {
                var context = new InProcessWorkflowContext(services, time, _stopping.Token);
                try
                {
                    await SignInPollingWorkflow.RunAsync(context, input);
                    if (!context.ContinuedAsNew)
                    {
                        return;
                    }
                    input = (SignInPollInput)context.NextInput!;
                    failures = 0;
                }
                catch (Exception ex) when (ex is not OperationCanceledException)
                {
                    var wait = Backoff[Math.Min(failures++, Backoff.Length - 1)];
                    logger.WorkflowFailed(ex, input.DeviceKey, wait);
                    await Task.Delay(wait, time, _stopping.Token);
                }
            }
        }
        catch (OperationCanceledException) when (_stopping.IsCancellationRequested)
        {
            // Shutting down: the session stays pending in storage and is resumed at the next start.
        }
        finally
        {
            _running.TryRemove(input.InstanceId, out _);
        }
    }
}
