using Microsoft.Extensions.Logging;

namespace PassBroker.LocalAzurite;

/// <summary>Log events of the local tools; moved from the DevHost with their EventIds (4400-4402, the DevHost's range).</summary>
internal static partial class Log
{
    [LoggerMessage(4400, LogLevel.Information, "Installing the Node tools (Azurite, the OpenAPI linters) with npm ci: first run only, about a minute")]
    public static partial void NpmCiStarted(this ILogger logger);

    [LoggerMessage(4401, LogLevel.Information, "npm ci still running ({Seconds} s)")]
    public static partial void NpmCiRunning(this ILogger logger, int seconds);

    [LoggerMessage(4402, LogLevel.Information, "npm ci done in {Seconds} s")]
    public static partial void NpmCiDone(this ILogger logger, int seconds);
}
