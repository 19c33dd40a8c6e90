using Microsoft.Extensions.Logging;

namespace PassBroker.AdobePass;

/// <summary>AdobePass log events (EventId 2000-2999). Tokens and credentials are never parameters.</summary>
internal static partial class Log
{
    [LoggerMessage(2000, LogLevel.Information, "Refreshed the access token of device {DeviceKey}; valid until {ExpiresAt:o}")]
    public static partial void AccessTokenRefreshed(this ILogger logger, string deviceKey, DateTimeOffset expiresAt);

    // Secret names and thumbprints only: never key material.
    [LoggerMessage(2100, LogLevel.Information, "Loaded metadata certificate {Thumbprint} from secret {SecretName}")]
    public static partial void MetadataCertificateLoaded(this ILogger logger, string secretName, string thumbprint);

    [LoggerMessage(2101, LogLevel.Error, "Metadata certificate unusable: {Problem}")]
    public static partial void MetadataCertificateUnusable(this ILogger logger, string problem);
}
