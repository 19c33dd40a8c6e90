using Microsoft.Azure.Functions.Worker;
using Microsoft.Extensions.Logging;
using PassBroker.Core.Retention;

namespace PassBroker.Functions.Retention;

/// <summary>
/// Runs <see cref="RetentionPurge"/> on a timer (the DevHost runs the same purge in a background service). The schedule
/// is the app setting <c>RetentionPurgeSchedule</c>, an NCRONTAB expression with seconds, e.g. <c>0 */5 * * * *</c>,
/// which the Functions host resolves itself (a flat name: no section separator to be translated on the way). A run
/// past its time is not repeated: the next one carries on, and every run is safe to repeat.
/// </summary>
internal sealed class RetentionPurgeFunction(RetentionPurge purge, ILogger<RetentionPurgeFunction> logger)
{
    public const string Name = "PurgeRetention";

    /// <summary>The app setting that holds the schedule.</summary>
    public const string ScheduleSetting = "RetentionPurgeSchedule";

    /// <summary>The trigger's schedule: the app setting, resolved by the host.</summary>
    public const string Schedule = "%" + ScheduleSetting + "%";

    [Function(Name)]
    public async Task RunAsync([TimerTrigger(Schedule)] TimerInfo timer, CancellationToken cancellationToken)
    {
        var report = await purge.RunAsync(cancellationToken);
        logger.PurgeRan(report.Results.Sum(r => r.Deleted), report.Results.Count(r => r.Failed), timer.IsPastDue);
    }
}
