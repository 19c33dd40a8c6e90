using Microsoft.Extensions.Options;
using PassBroker.Core.Retention;

namespace PassBroker.DevHost.Retention;

/// <summary>
/// The DevHost's schedule for <see cref="RetentionPurge"/>: a run every <see cref="RetentionOptions.PurgeInterval"/> on
/// the host's clock (the Functions app runs the same purge from a timer function). A run that fails is logged by the
/// purge itself and the next one tries again; nothing here stops the loop but shutdown.
/// </summary>
internal sealed class RetentionPurgeService(RetentionPurge purge, IOptions<RetentionOptions> options, TimeProvider time,
    ILogger<RetentionPurgeService> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                await Task.Delay(options.Value.PurgeInterval, time, stoppingToken);
                await purge.RunAsync(stoppingToken);
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
            catch (Exception e)
            {
                logger.PurgeRunFailed(e);
            }
        }
    }
}
