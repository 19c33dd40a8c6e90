using Microsoft.Extensions.Logging;
using PassBroker.Core.Sessions;
using PassBroker.Core.Upstream;

namespace PassBroker.Core;

/// <summary>
/// Core's log events (EventId 1000-1999). Devices are named by their device key (random per installation, see
/// <see cref="Devices.DeviceKeys"/>), never by device id, and no token, secret, authentication code or e-mail is ever a
/// parameter here.
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

    [LoggerMessage(1950, LogLevel.Information, "A code typed on a second screen without a brand is in use under {Brands} brands: the page asked for the brand's link")]
    public static partial void SecondScreenCodeAmbiguous(this ILogger logger, int brands);

    // Security events of registration: a token is proof of an installation, a device id is not. Neither the id nor
    // the token appears; the key named is the one of the installation whose valid token was presented.
    [LoggerMessage(1700, LogLevel.Warning, "Re-registration refused: the device token of {DeviceKey} was presented with another device id")]
    public static partial void ReRegistrationWithOtherDeviceId(this ILogger logger, string deviceKey);

    [LoggerMessage(1701, LogLevel.Warning, "Re-registration refused: the device token presented is not valid")]
    public static partial void ReRegistrationWithInvalidToken(this ILogger logger);

    // The attribute name and the reason only: the value is the user's data.
    [LoggerMessage(1600, LogLevel.Warning, "Attribute {Attribute} of the {Mvpd} profile stays encrypted: {Reason}")]
    public static partial void MetadataNotDecrypted(this ILogger logger, string mvpd, string attribute, string reason);

    // The concurrent-plays rule's lease writes (1720-1739): device keys only; the title may name what someone watches.
    [LoggerMessage(1720, LogLevel.Warning, "Could not take back the play lease written for a play of device {DeviceKey} that was not permitted ({Reason}); it counts until it ends")]
    public static partial void PlayLeaseNotTakenBack(this ILogger logger, string deviceKey, string reason);

    // Retention (1800-1899): kinds and counts, device keys; never a profile's content.
    [LoggerMessage(1800, LogLevel.Information, "Retention purge of {Kind}: {Deleted} rows deleted, {Changed} changed meanwhile and kept, {AlreadyGone} already gone (end of table reached: {Complete})")]
    public static partial void PurgeDone(this ILogger logger, Retention.RetainedData kind, int deleted, int changed, int alreadyGone, bool complete);

    [LoggerMessage(1801, LogLevel.Warning, "Retention purge of {Kind} stopped: storage did not answer ({Reason}); the next run tries again")]
    public static partial void PurgeStoreUnavailable(this ILogger logger, Retention.RetainedData kind, string reason);

    [LoggerMessage(1802, LogLevel.Error, "Retention purge of {Kind} failed; the next run tries again")]
    public static partial void PurgeFailed(this ILogger logger, Exception exception, Retention.RetainedData kind);

    [LoggerMessage(1810, LogLevel.Debug, "A sign-in of device {DeviceKey} no longer holds its profile ({Reason})")]
    public static partial void ProfileReleased(this ILogger logger, string deviceKey, string reason);

    [LoggerMessage(1811, LogLevel.Warning, "A sign-in of device {DeviceKey} still holds its profile ({Reason}: {Failure}); the purge removes it with the row")]
    public static partial void ProfileReleaseFailed(this ILogger logger, string deviceKey, string reason, string failure);

    [LoggerMessage(1812, LogLevel.Information, "Device {DeviceKey} completed its first sign-in")]
    public static partial void DeviceFirstSignIn(this ILogger logger, string deviceKey);

    [LoggerMessage(1900, LogLevel.Information, "Device {DeviceKey} already holds {Max} long polls on this instance; refused another")]
    public static partial void LongPollRefused(this ILogger logger, string deviceKey, int max);

    [LoggerMessage(1760, LogLevel.Warning, "A long poll of device {DeviceKey} ended at its deadline with its session read unanswered (an earlier answer given: {Answered})")]
    public static partial void LongPollReadTimedOut(this ILogger logger, string deviceKey, bool answered);

    [LoggerMessage(1740, LogLevel.Warning, "Sign-in polling of device {DeviceKey} failed ({FailureType}; failure {Failures} in a row, poll {Polls}); trying again after a back-off")]
    public static partial void PollingRoundFailed(this ILogger logger, string deviceKey, string failureType, int failures, int polls);

    [LoggerMessage(1741, LogLevel.Error, "Sign-in polling of device {DeviceKey} stopped at poll {Polls}: {FailureType} is not a failure that waiting fixes")]
    public static partial void PollingFailed(this ILogger logger, Exception exception, string deviceKey, string failureType, int polls);

    [LoggerMessage(1742, LogLevel.Error, "Sign-in polling of device {DeviceKey} gave up: still failing ({FailureType}, {Failures} in a row) past the code's expiry; the session stays as stored")]
    public static partial void PollingGaveUp(this ILogger logger, Exception exception, string deviceKey, string failureType, int failures);

    [LoggerMessage(1743, LogLevel.Warning, "The stopped sign-in of device {DeviceKey} could not be marked failed ({FailureType}); it stays pending")]
    public static partial void SignInNotFailed(this ILogger logger, string deviceKey, string failureType);

    // Not the name itself: it is the caller's text, and an unknown one need not be a brand at all.
    [LoggerMessage(1910, LogLevel.Information, "A registration named a brand this deployment does not serve")]
    public static partial void RegistrationWithUnknownBrand(this ILogger logger);

    [LoggerMessage(1911, LogLevel.Warning, "Device {DeviceKey} of brand {Brand} tried to register again under brand {Requested}; refused")]
    public static partial void ReRegistrationWithOtherBrand(this ILogger logger, string deviceKey, string brand, string requested);

    // The sharded polling shape (1770-1789): device keys only, as the per-sign-in workflow's lines.
    [LoggerMessage(1770, LogLevel.Warning, "Sign-in polling of device {DeviceKey} failed ({FailureType}) in its shard round; polled again at its next slot")]
    public static partial void ShardRowFailedTransiently(this ILogger logger, string deviceKey, string failureType);

    [LoggerMessage(1771, LogLevel.Error, "Sign-in polling of device {DeviceKey} stopped in its shard round: {FailureType} is not a failure that waiting fixes; the sign-in is marked failed")]
    public static partial void ShardRowFailed(this ILogger logger, Exception exception, string deviceKey, string failureType);

    [LoggerMessage(1772, LogLevel.Warning, "Shard {Shard} round at tick {Tick} failed ({FailureType}, transient: {Transient}); its sign-ins are due again at their next slot")]
    public static partial void ShardRoundFailed(this ILogger logger, int shard, long tick, string failureType, bool transient);

    [LoggerMessage(1773, LogLevel.Information, "Shard {Shard} retired: the polling shape is no longer sharded and the shard holds no pending sign-in")]
    public static partial void ShardRetired(this ILogger logger, int shard);

    [LoggerMessage(1774, LogLevel.Error, "Sign-in polling of device {DeviceKey} gave up: still failing ({FailureType}) an hour past the code's expiry; the session stays as stored")]
    public static partial void ShardRowGaveUp(this ILogger logger, Exception exception, string deviceKey, string failureType);
}
