using Microsoft.Extensions.Logging;
using PassBroker.Core.Sessions;
using PassBroker.Core.Upstream;

namespace PassBroker.Core;

/// <summary>
/// Core's log events (EventId 1000-1999). Devices are named by their device key (a hash), never by device id,
/// and no token, secret, authentication code or e-mail is ever a parameter here.
/// </summary>
internal static partial class Log
{
    [LoggerMessage(1000, LogLevel.Information, "Registered new device {DeviceKey} with a DCR client")]
    public static partial void DeviceRegistered(this ILogger logger, string deviceKey);

    [LoggerMessage(1001, LogLevel.Information, "Device {DeviceKey} registered again; kept its DCR client and issued a new device token")]
    public static partial void DeviceReRegistered(this ILogger logger, string deviceKey);

    [LoggerMessage(1100, LogLevel.Information, "Device {DeviceKey} started a sign-in (MVPD {Mvpd}, next action {ActionName})")]
    public static partial void SignInStarted(this ILogger logger, string deviceKey, string? mvpd, string actionName);

    [LoggerMessage(1101, LogLevel.Information, "Sign-in of device {DeviceKey} ended: {Status} ({Reason})")]
    public static partial void SignInEnded(this ILogger logger, string deviceKey, SessionStatus status, string? reason);

    [LoggerMessage(1102, LogLevel.Warning, "Poll for device {DeviceKey} failed transiently ({Failure}, code {Code}); trying again next round")]
    public static partial void PollFailedTransiently(this ILogger logger, string deviceKey, UpstreamFailure failure, string? code);

    [LoggerMessage(1103, LogLevel.Warning, "Poll for device {DeviceKey} was rejected (HTTP {HttpStatus}, code {Code}); ending the sign-in")]
    public static partial void PollRejected(this ILogger logger, string deviceKey, int? httpStatus, string? code);

    [LoggerMessage(1104, LogLevel.Information, "A pending sign-in of device {DeviceKey} was replaced by a newer one")]
    public static partial void SignInReplaced(this ILogger logger, string deviceKey);

    [LoggerMessage(1300, LogLevel.Information, "Rule {Rule} denied a play on device {DeviceKey} ({Code})")]
    public static partial void RuleDenied(this ILogger logger, string deviceKey, string rule, string? code);

    [LoggerMessage(1301, LogLevel.Information, "Authorize for device {DeviceKey} at {Mvpd}: {Authorized} ({Code})")]
    public static partial void Authorized(this ILogger logger, string deviceKey, string mvpd, bool authorized, string? code);

    [LoggerMessage(1200, LogLevel.Debug, "Loaded {Count} MVPDs for platform {Platform}")]
    public static partial void MvpdsLoaded(this ILogger logger, int count, string platform);

    // The e-mail never appears: only the device key and the trial's MVPD and status.
    [LoggerMessage(1400, LogLevel.Information, "Temp Pass at {Mvpd} for device {DeviceKey}: {Status}")]
    public static partial void TempPassStarted(this ILogger logger, string deviceKey, string mvpd, string status);

    [LoggerMessage(1401, LogLevel.Warning, "Temp Pass reset at {Mvpd} for {Scope}: Adobe answered {Status}")]
    public static partial void TempPassReset(this ILogger logger, string mvpd, string scope, int status);

    [LoggerMessage(1500, LogLevel.Information, "Second screen resumed the sign-in of device {DeviceKey} with {Mvpd}: Adobe answered {ActionName}")]
    public static partial void SecondScreenResumed(this ILogger logger, string deviceKey, string mvpd, string actionName);

    [LoggerMessage(1501, LogLevel.Information, "Adobe refused the code of device {DeviceKey}, typed on a second screen")]
    public static partial void SecondScreenCodeRejected(this ILogger logger, string deviceKey);

    // The attribute name and the reason only: the value is the user's data.
    [LoggerMessage(1600, LogLevel.Warning, "Attribute {Attribute} of the {Mvpd} profile stays encrypted: {Reason}")]
    public static partial void MetadataNotDecrypted(this ILogger logger, string mvpd, string attribute, string reason);

    [LoggerMessage(1900, LogLevel.Information, "Device {DeviceKey} already holds {Max} long polls on this instance; refused another")]
    public static partial void LongPollRefused(this ILogger logger, string deviceKey, int max);
}
