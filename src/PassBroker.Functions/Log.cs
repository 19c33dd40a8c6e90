using Microsoft.Extensions.Logging;

namespace PassBroker.Functions;

/// <summary>Functions app log events (EventId 6000-6999).</summary>
internal static partial class Log
{
    [LoggerMessage(6000, LogLevel.Error, "Unhandled exception in function {Function}")]
    public static partial void UnhandledException(this ILogger logger, Exception exception, string function);

    // The message of our own exceptions carries codes and statuses only (see AdobePassException), never request data.
    [LoggerMessage(6001, LogLevel.Warning, "Dependency failure answered as {Code} ({Status}): {ExceptionType}: {Message}")]
    public static partial void DependencyFailed(this ILogger logger, string code, int status, string exceptionType, string message);

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
}
