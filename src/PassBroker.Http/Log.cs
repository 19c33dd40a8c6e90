using Microsoft.Extensions.Logging;

namespace PassBroker.Http;

/// <summary>Http log events (EventId 3000-3999).</summary>
internal static partial class Log
{
    [LoggerMessage(3000, LogLevel.Error, "Unhandled exception in {Where}")]
    public static partial void UnhandledException(this ILogger logger, Exception exception, string? where);

    // The message of our own exceptions carries codes and statuses only (see AdobePassException), never request data.
    [LoggerMessage(3001, LogLevel.Warning, "Dependency failure answered as {Code} ({Status}): {ExceptionType}: {Message}")]
    public static partial void DependencyFailed(this ILogger logger, string code, int status, string exceptionType, string message);

    // The message of our own exceptions carries codes and statuses only (see AdobePassException), never request data.
    [LoggerMessage(3002, LogLevel.Warning, "Second-screen page could not reach a dependency: {ExceptionType}: {Message}")]
    public static partial void SecondScreenDependencyFailed(this ILogger logger, string exceptionType, string message);

    [LoggerMessage(3010, LogLevel.Warning, "Admin request refused: secret {SecretName} is missing or shorter than {MinimumLength} characters")]
    public static partial void AdminKeyUnusable(this ILogger logger, string secretName, int minimumLength);

    // Security events (3200-3299): the client is named by its address group (an IPv4 address or an IPv6 /64), never by
    // what it sent: no code, key or token appears here.
    [LoggerMessage(3200, LogLevel.Warning, "Security: second-screen code entry failed (unknown or expired code) from {ClientGroup}")]
    public static partial void CodeEntryFailed(this ILogger logger, string clientGroup);

    [LoggerMessage(3201, LogLevel.Warning, "Security: admin credential refused ({Code}) from {ClientGroup}")]
    public static partial void AdminCredentialRefused(this ILogger logger, string code, string clientGroup);

    [LoggerMessage(3202, LogLevel.Warning, "Security: {LimitEvent} ({Scope} limit) for {ClientGroup}; retry after {RetryAfterSeconds} s")]
    public static partial void RequestLimited(this ILogger logger, string limitEvent, string scope, string clientGroup, int retryAfterSeconds);
}
