using PassBroker.Core.Errors;
using PassBroker.Core.Sessions;
using PassBroker.Core.Telemetry;

namespace PassBroker.Core.Workflow;

/// <summary>Ends a sign-in whose code ran out while still pending. A session that already ended is left as it is.</summary>
public sealed class ExpireSignInActivity(ISessionStore sessions, SessionChangeNotifier notifier, TimeProvider time, PassBrokerMetrics metrics)
{
    public async Task<SignInCheck> RunAsync(SignInPollInput input, CancellationToken cancellationToken)
    {
        for (var attempt = 0; attempt < 3; attempt++)
        {
            var session = await sessions.FindAsync(input.DeviceKey, input.Code, cancellationToken);
            if (session is null || session.IsFinal)
            {
                return new SignInCheck(session?.Status ?? SessionStatus.Failed, session?.EndReason);
            }
            try
            {
                var expired = session.End(SessionStatus.Expired, time.GetUtcNow(), SessionEndReasons.CodeExpired);
                metrics.SignInEnded(await sessions.UpdateAsync(expired, cancellationToken));
                notifier.Notify(input.DeviceKey, input.Code);
                return new SignInCheck(SessionStatus.Expired, SessionEndReasons.CodeExpired);
            }
            catch (ConcurrencyConflictException)
            {
                // Changed between read and write: read again and decide on the current state.
            }
        }
        throw new ConcurrencyConflictException("The session kept changing while it was being expired.");
    }
}
