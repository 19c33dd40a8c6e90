namespace PassBroker.Core.Workflow.Sharded;

/// <summary>
/// What a shard round does to one row: the per-sign-in shape's own activities, called in-process
/// (<see cref="SignInRowPoller"/>); tests script it to drive the shard workflow on the engine.
/// </summary>
public interface ISignInRowPoller
{
    /// <summary>One poll (<see cref="CheckSignInActivity"/>), without reading the session first.</summary>
    Task<SignInCheck> CheckAsync(PendingPoll poll, CancellationToken cancellationToken);

    /// <summary>Expires a still-pending sign-in (<see cref="ExpireSignInActivity"/>).</summary>
    Task<SignInCheck> ExpireAsync(SignInPollInput input, CancellationToken cancellationToken);

    /// <summary>Fails a still-pending sign-in as <c>polling_failed</c> (<see cref="FailSignInActivity"/>).</summary>
    Task<SignInCheck> FailAsync(SignInPollInput input, CancellationToken cancellationToken);
}

/// <summary>The rows polled by the same code as the per-sign-in shape's activities.</summary>
public sealed class SignInRowPoller(CheckSignInActivity check, ExpireSignInActivity expire, FailSignInActivity fail) : ISignInRowPoller
{
    public Task<SignInCheck> CheckAsync(PendingPoll poll, CancellationToken cancellationToken) => check.RunAsync(poll, cancellationToken);

    public Task<SignInCheck> ExpireAsync(SignInPollInput input, CancellationToken cancellationToken) => expire.RunAsync(input, cancellationToken);

    public Task<SignInCheck> FailAsync(SignInPollInput input, CancellationToken cancellationToken) => fail.RunAsync(input, cancellationToken);
}
