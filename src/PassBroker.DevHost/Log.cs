namespace PassBroker.DevHost;

/// <summary>DevHost log events (EventId 4000-4999).</summary>
internal static partial class Log
{
    [LoggerMessage(4000, LogLevel.Information, "Resumed {Count} pending sign-in(s) from storage")]
    public static partial void ResumedPendingSignIns(this ILogger logger, int count);

    [LoggerMessage(4001, LogLevel.Error, "Polling workflow of device {DeviceKey} failed; a session still pending is resumed at the next start")]
    public static partial void WorkflowFailed(this ILogger logger, Exception exception, string deviceKey);

    // Debug: what Durable would show as the orchestration's custom status, one line per poll.
    [LoggerMessage(4420, LogLevel.Debug, "Polling workflow of device {DeviceKey}: {Status}")]
    public static partial void WorkflowStatus(this ILogger logger, string deviceKey, string status);

    [LoggerMessage(4003, LogLevel.Warning, "Could not resume pending sign-ins yet ({Reason}); retrying in the background")]
    public static partial void ResumeDeferred(this ILogger logger, string reason);

    // Debug: the start-up banner names every dependency once the DevHost listens.
    [LoggerMessage(4002, LogLevel.Debug, "{Name} is up at {Url}")]
    public static partial void DependencyStarted(this ILogger logger, string name, string url);

    [LoggerMessage(4200, LogLevel.Error, "A retention purge run failed; the next one tries again")]
    public static partial void PurgeRunFailed(this ILogger logger, Exception exception);

    // The route's template, never the path: a path may carry a sign-in code.
    [LoggerMessage(4410, LogLevel.Information, "{Method} {Route} -> {Status} ({Milliseconds} ms)")]
    public static partial void Request(this ILogger logger, string method, string route, int status, long milliseconds);

    [LoggerMessage(4430, LogLevel.Error, "Shard polling {InstanceId} stopped; its sign-ins wait for the next start")]
    public static partial void ShardFailed(this ILogger logger, Exception exception, string instanceId);
}
