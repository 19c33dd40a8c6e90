using PassBroker.Core.Upstream;

namespace PassBroker.Core.Decisions;

/// <summary>
/// A programmer business rule around every authorize, registered in DI (several may be; they run in registration
/// order). Before the upstream call a rule may deny and so spare Adobe the call; after it, a rule may turn a permit into
/// a deny or record what was permitted.
/// </summary>
public interface IAuthorizationRule
{
    /// <summary>A stable name, used as the deny's <c>source</c> details and in logs.</summary>
    string Name { get; }

    /// <summary>Null to go on; a denying <see cref="Decision"/> (source <c>rule</c>) to stop here.</summary>
    ValueTask<Decision?> BeforeUpstreamAsync(AuthorizationRequest request, CancellationToken cancellationToken);

    /// <summary>The decision to go on with: <paramref name="decision"/> itself, or a deny that replaces it.</summary>
    ValueTask<Decision> AfterUpstreamAsync(AuthorizationRequest request, Decision decision, CancellationToken cancellationToken);

    /// <summary>
    /// The authorize has ended: called once for every rule whose <see cref="BeforeUpstreamAsync"/> let it go on, with the
    /// decision the app gets (after every rule), or null when it failed (Adobe unavailable, a storage outage, the request
    /// aborted). A rule that started work before the upstream call finishes or takes it back here.
    /// </summary>
    /// <param name="request">The request, with the notes the rule left in it.</param>
    /// <param name="final">The decision the app gets, or null when the authorize failed.</param>
    /// <param name="cancellationToken">The request's token (it may already be cancelled when <paramref name="final"/> is null).</param>
    ValueTask CompletedAsync(AuthorizationRequest request, Decision? final, CancellationToken cancellationToken) => ValueTask.CompletedTask;
}
