using PassBroker.Core.Sessions;
using PassBroker.Core.Telemetry;

namespace PassBroker.Core.Workflow;

/// <summary>Ends a sign-in whose code ran out while still pending. A session that already ended is left as it is.</summary>
public sealed class ExpireSignInActivity(ISessionStore sessions, SessionChangeNotifier notifier, TimeProvider time, PassBrokerMetrics metrics)
{
    public Task<SignInCheck> RunAsync(SignInPollInput input, CancellationToken cancellationToken) =>
        PendingSignInEnding.EndAsync(
            sessions, notifier, time, metrics, input, SessionStatus.Expired, SessionEndReasons.CodeExpired, cancellationToken);
}
