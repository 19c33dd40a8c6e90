using PassBroker.Core.Upstream;

namespace PassBroker.Core.Decisions;

/// <summary>
/// Preauthorize permits, kept until their <c>notAfter</c> (Adobe: "cache permit decisions"). Never holds denies,
/// authorize decisions or media tokens. Shared by every instance, so a logout or a new sign-in clears it everywhere.
/// </summary>
public interface IDecisionCache
{
    /// <summary>The cached, still valid permits among <paramref name="resources"/>, by resource.</summary>
    Task<IReadOnlyDictionary<string, Decision>> FindPermitsAsync(string deviceKey, string mvpd, IReadOnlyCollection<string> resources, CancellationToken cancellationToken);

    /// <summary>Keeps the permits among <paramref name="decisions"/> that carry a <c>notAfter</c>; ignores the rest.</summary>
    Task SetPermitsAsync(string deviceKey, IReadOnlyCollection<Decision> decisions, CancellationToken cancellationToken);

    /// <summary>Forgets every decision of the device (logout, new sign-in).</summary>
    Task RemoveAllAsync(string deviceKey, CancellationToken cancellationToken);
}
