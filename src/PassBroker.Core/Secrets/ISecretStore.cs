namespace PassBroker.Core.Secrets;

/// <summary>
/// The service's own named secrets: software statements, the data keys, the admin credential, the metadata certificate.
/// Never per-device values (Key Vault's throttling and cost rule that out). Reads are cached by the adapter, so callers
/// may ask on every request.
/// </summary>
public interface ISecretStore
{
    /// <summary>The secret's current value, or null when the store has no secret of that name.</summary>
    /// <param name="name">1 to 127 ASCII letters, digits and dashes (Key Vault's rule, applied everywhere).</param>
    /// <param name="cancellationToken">The caller's cancellation.</param>
    Task<string?> GetAsync(string name, CancellationToken cancellationToken);
}
