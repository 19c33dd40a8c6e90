using Microsoft.Extensions.Logging;

namespace PassBroker.Functions;

/// <summary>Functions app log events (EventId 6000-6999).</summary>
internal static partial class Log
{
    [LoggerMessage(6010, LogLevel.Information, "Sign-in polling {InstanceId} started")]
    public static partial void PollingStarted(this ILogger logger, string instanceId);

    [LoggerMessage(6011, LogLevel.Information, "Sign-in polling {InstanceId} already runs; not started again")]
    public static partial void PollingAlreadyRunning(this ILogger logger, string instanceId);

    [LoggerMessage(6012, LogLevel.Information, "Sign-in polling {InstanceId} told that a newer sign-in replaced it")]
    public static partial void PollingReplaced(this ILogger logger, string instanceId);

    [LoggerMessage(6013, LogLevel.Information, "Sign-in polling {InstanceId} ended: {Status}")]
    public static partial void PollingEnded(this ILogger logger, string instanceId, string status);

    [LoggerMessage(6014, LogLevel.Information, "Sign-in polling {InstanceId} continues as new after {Polls} polls")]
    public static partial void PollingContinuedAsNew(this ILogger logger, string instanceId, int polls);

    [LoggerMessage(6200, LogLevel.Information, "Retention purge ran: {Deleted} rows deleted, {Failed} kinds failed (the next run tries again); past due: {PastDue}")]
    public static partial void PurgeRan(this ILogger logger, int deleted, int failed, bool pastDue);

    [LoggerMessage(6020, LogLevel.Information, "Started shard polling {InstanceId}")]
    public static partial void ShardStarted(this ILogger logger, string instanceId);
}
