using Microsoft.Extensions.Options;
using PassBroker.Core.Caching;
using PassBroker.Core.Secrets;

namespace PassBroker.Storage.Secrets;

/// <summary>
/// Secrets from Key Vault, each read once per <see cref="SecretsOptions.CacheDuration"/> per instance however many
/// requests ask at once (single flight). A missing or disabled secret is cached as missing, so a typo cannot hammer the
/// vault. Failures are <see cref="KeyVaultReader"/>'s.
/// </summary>
internal sealed class KeyVaultSecretStore : ISecretStore
{
    private readonly KeyVaultReader _reader;
    // A handful of names in practice; the bound only guards against a caller asking for names without end.
    private const int MaxSecrets = 1_000;

    private readonly SingleFlightCache<string, string?> _cache;

    public KeyVaultSecretStore(KeyVaultReader reader, IOptions<SecretsOptions> options, TimeProvider time)
    {
        _reader = reader;
        _cache = new SingleFlightCache<string, string?>(time, MaxSecrets, options.Value.CacheDuration, StringComparer.Ordinal);
    }

    public Task<string?> GetAsync(string name, CancellationToken cancellationToken) =>
        _cache.GetOrLoadAsync(SecretNames.Validate(name).ToLowerInvariant(), LoadAsync, cancellationToken);

    private async Task<string?> LoadAsync(string name, CancellationToken cancellationToken) =>
        (await _reader.ReadAsync(name, null, cancellationToken))?.Value;
}
