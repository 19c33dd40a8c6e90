using PassBroker.Core.Sessions;
using PassBroker.Core.Telemetry;

namespace PassBroker.Core.Workflow;

/// <summary>
/// Ends a still-pending sign-in as failed (<see cref="SessionEndReasons.PollingFailed"/>) when its polling workflow
/// stops on a failure that waiting cannot fix: the app learns now, and can start a new sign-in, instead of seeing
/// "pending" until it gives up. A session that already ended is left as it is.
/// </summary>
public sealed class FailSignInActivity(ISessionStore sessions, SessionChangeNotifier notifier, TimeProvider time, PassBrokerMetrics metrics)
{
    public Task<SignInCheck> RunAsync(SignInPollInput input, CancellationToken cancellationToken) =>
        PendingSignInEnding.EndAsync(
            sessions, notifier, time, metrics, input, SessionStatus.Failed, SessionEndReasons.PollingFailed, cancellationToken);
}
