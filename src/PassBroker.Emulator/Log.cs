using PassBroker.Emulator.Decisions;

namespace PassBroker.Emulator;

/// <summary>
/// The emulator's log events. EventId ranges: 9000 DCR and access tokens, 9100 sessions, 9200 MVPD login and logout
/// pages, 9300 decisions, 9400 logout, 9500 TempPass, 9600 injected faults,
/// 9700 service providers (9000-9999: the emulator).
/// Secrets, tokens and passwords are never logged.
/// </summary>
internal static partial class Log
{
    [LoggerMessage(9000, LogLevel.Information, "Registered DCR client {ClientId}")]
    public static partial void ClientRegistered(this ILogger logger, string clientId);

    [LoggerMessage(9001, LogLevel.Information, "Issued access token {TokenId} to client {ClientId}")]
    public static partial void AccessTokenIssued(this ILogger logger, string tokenId, string clientId);

    [LoggerMessage(9002, LogLevel.Information, "Rejected DCR request: {Error}")]
    public static partial void DcrRequestRejected(this ILogger logger, string error);

    [LoggerMessage(9003, LogLevel.Information, "Rejected access token on {Path}: {Reason}")]
    public static partial void AccessTokenRejected(this ILogger logger, string path, string reason);

    [LoggerMessage(9004, LogLevel.Information, "Rejected a request to {Route}: {Code}")]
    public static partial void RequiredHeaderRejected(this ILogger logger, string route, string code);

    [LoggerMessage(9100, LogLevel.Information, "Session {Code} for client {ClientId}: {ActionName}")]
    public static partial void SessionCreated(this ILogger logger, string code, string clientId, string actionName);

    [LoggerMessage(9101, LogLevel.Information, "Code {OldCode} replaced by {NewCode} for the same device")]
    public static partial void CodeReplaced(this ILogger logger, string oldCode, string newCode);

    [LoggerMessage(9102, LogLevel.Information, "Session answered {ActionName}/{ReasonType} without a code for MVPD {Mvpd}")]
    public static partial void SessionShortCircuited(this ILogger logger, string actionName, string reasonType, string mvpd);

    [LoggerMessage(9103, LogLevel.Information, "Session {Code} resumed: {ActionName}")]
    public static partial void SessionResumed(this ILogger logger, string code, string actionName);

    [LoggerMessage(9200, LogLevel.Information, "User {Username} signed in to {Mvpd} with code {Code}")]
    public static partial void LoginSucceeded(this ILogger logger, string username, string mvpd, string code);

    [LoggerMessage(9201, LogLevel.Information, "Sign-in to {Mvpd} failed for user {Username}")]
    public static partial void LoginFailed(this ILogger logger, string username, string mvpd);

    [LoggerMessage(9202, LogLevel.Information, "Emulated MVPD logout page for {Mvpd} opened")]
    public static partial void MvpdLogoutPageOpened(this ILogger logger, string mvpd);

    [LoggerMessage(9300, LogLevel.Information, "{Kind} for MVPD {Mvpd} and client {ClientId}: {Permitted} of {Requested} resources permitted")]
    public static partial void DecisionsAnswered(this ILogger logger, DecisionKind kind, string mvpd, string clientId, int permitted, int requested);

    [LoggerMessage(9301, LogLevel.Information, "{Kind} rejected: {Requested} resources, at most {Max} allowed")]
    public static partial void TooManyResources(this ILogger logger, DecisionKind kind, int requested, int max);

    [LoggerMessage(9400, LogLevel.Information, "Logout from {Mvpd} for client {ClientId}: {ActionName}")]
    public static partial void LoggedOut(this ILogger logger, string mvpd, string clientId, string actionName);

    [LoggerMessage(9500, LogLevel.Information, "TempPass trial {UserId} started on {Mvpd}, ends {NotAfter}")]
    public static partial void TempPassTrialStarted(this ILogger logger, string mvpd, string userId, DateTimeOffset notAfter);

    [LoggerMessage(9501, LogLevel.Information, "TempPass reset on {Mvpd} by {Scope}: {Deleted} trials deleted")]
    public static partial void TempPassReset(this ILogger logger, string mvpd, string scope, int deleted);

    [LoggerMessage(9502, LogLevel.Information, "TempPass reset rejected: {Code}")]
    public static partial void TempPassResetRejected(this ILogger logger, string code);

    [LoggerMessage(9600, LogLevel.Information, "Injected fault {Fault} into {Method} {Path}")]
    public static partial void FaultInjected(this ILogger logger, Faults.FaultKind fault, string method, PathString path);

    [LoggerMessage(9700, LogLevel.Information, "Rejected a token of client {ClientId} on service provider {ServiceProvider}: not linked to it")]
    public static partial void AccessTokenServiceProviderRejected(this ILogger logger, string serviceProvider, string clientId);
}
