using PassBroker.Core.Errors;
using PassBroker.Core.Sessions;
using PassBroker.Core.Telemetry;

namespace PassBroker.Core.Workflow;

/// <summary>
/// Ends a sign-in that is still pending, for the workflow's activities that end one without asking Adobe (the code
/// expired; the polling failed). A session that already ended is left as it is: its outcome stands.
/// </summary>
internal static class PendingSignInEnding
{
    private const int MaxAttempts = 3;

    public static async Task<SignInCheck> EndAsync(
        ISessionStore sessions, SessionChangeNotifier notifier, TimeProvider time, PassBrokerMetrics metrics,
        SignInPollInput input, SessionStatus status, string reason, CancellationToken cancellationToken)
    {
        for (var attempt = 0; attempt < MaxAttempts; attempt++)
        {
            var session = await sessions.FindAsync(input.DeviceKey, input.Code, cancellationToken);
            if (session is null || session.IsFinal)
            {
                return new SignInCheck(session?.Status ?? SessionStatus.Failed, session?.EndReason);
            }
            try
            {
                metrics.SignInEnded(await sessions.UpdateAsync(session.End(status, time.GetUtcNow(), reason), cancellationToken), input.Brand);
                notifier.Notify(input.DeviceKey, input.Code);
                return new SignInCheck(status, reason);
            }
            catch (ConcurrencyConflictException)
            {
                // Changed between read and write: read again and decide on the current state.
            }
        }
        throw new ConcurrencyConflictException("The session kept changing while it was being ended.");
    }
}
