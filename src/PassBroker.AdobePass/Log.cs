using Microsoft.Extensions.Logging;

namespace PassBroker.AdobePass;

/// <summary>AdobePass log events (EventId 2000-2999). Tokens and credentials are never parameters.</summary>
internal static partial class Log
{
    [LoggerMessage(2000, LogLevel.Information, "Refreshed the access token of device {DeviceKey}; valid until {ExpiresAt:o}")]
    public static partial void AccessTokenRefreshed(this ILogger logger, string deviceKey, DateTimeOffset expiresAt);

    // The management client is named by its client id, which is no secret (RFC 6749 section 2.2) and is what Adobe
    // knows it by; its secret and tokens never appear.
    [LoggerMessage(2010, LogLevel.Information, "Registered PassBroker's management DCR client {ClientId} and stored it")]
    public static partial void ManagementClientRegistered(this ILogger logger, string clientId);

    [LoggerMessage(2011, LogLevel.Warning, "DCR refused the stored management client {ClientId} (invalid_client); registering a new one")]
    public static partial void ManagementClientRefused(this ILogger logger, string clientId);

    [LoggerMessage(2012, LogLevel.Information, "Another instance stored management client {StoredClientId} first; using it, not {RegisteredClientId}, which stays unused at Adobe")]
    public static partial void ManagementClientRaceLost(this ILogger logger, string registeredClientId, string storedClientId);

    [LoggerMessage(2013, LogLevel.Information, "Got an access token for management client {ClientId}; valid until {ExpiresAt:o}")]
    public static partial void ManagementTokenIssued(this ILogger logger, string clientId, DateTimeOffset expiresAt);

    // Secret names and thumbprints only: never key material.
    [LoggerMessage(2110, LogLevel.Information, "Loaded metadata certificate {Thumbprint} from secret {SecretName}")]
    public static partial void MetadataCertificateLoaded(this ILogger logger, string secretName, string thumbprint);

    [LoggerMessage(2111, LogLevel.Error, "Metadata certificate unusable: {Problem}")]
    public static partial void MetadataCertificateUnusable(this ILogger logger, string problem);
    [LoggerMessage(2100, LogLevel.Information, "Held back a {Method} to Adobe for device {DeviceKey}: its IP has spent Adobe's request budget; retry after {RetryAfter}")]
    public static partial void CallPaced(this ILogger logger, string deviceKey, string method, TimeSpan retryAfter);

    [LoggerMessage(2101, LogLevel.Warning, "Adobe answered 429 to a paced {Method} for device {DeviceKey}: another client or instance shares its IP; the bucket is emptied")]
    public static partial void ThrottledDespitePacing(this ILogger logger, string deviceKey, string method);

    [LoggerMessage(2102, LogLevel.Information, "Retrying an upstream {Method} (attempt {Attempt}) after {Delay}: {Reason}")]
    public static partial void UpstreamRetry(this ILogger logger, string method, int attempt, TimeSpan delay, string reason);

    [LoggerMessage(2103, LogLevel.Warning, "Circuit to Adobe Pass opened for {BreakDuration} ({Client})")]
    public static partial void CircuitOpened(this ILogger logger, string client, TimeSpan breakDuration);

    [LoggerMessage(2104, LogLevel.Information, "Circuit to Adobe Pass closed ({Client})")]
    public static partial void CircuitClosed(this ILogger logger, string client);
}
