using Azure;
using Azure.Security.KeyVault.Secrets;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using PassBroker.Core.Common;
using PassBroker.Core.Errors;
using PassBroker.Core.Secrets;

namespace PassBroker.Storage.Secrets;

/// <summary>
/// Secrets from Key Vault, each read once per <see cref="SecretsOptions.CacheDuration"/> per instance however many
/// requests ask at once (single flight). A missing secret is cached as missing, so a typo cannot hammer the vault. An
/// outage (after the SDK's own retries with backoff on 429 and 5xx) is a <see cref="StoreUnavailableException"/>: 503.
/// </summary>
internal sealed class KeyVaultSecretStore : ISecretStore
{
    private readonly SecretClient _client;
    private readonly ILogger<KeyVaultSecretStore> _logger;
    private readonly ExpiringCache<string, string?> _cache;

    public KeyVaultSecretStore(SecretClient client, IOptions<SecretsOptions> options, TimeProvider time, ILogger<KeyVaultSecretStore> logger)
    {
        _client = client;
        _logger = logger;
        _cache = new ExpiringCache<string, string?>(time, options.Value.CacheDuration);
    }

    public Task<string?> GetAsync(string name, CancellationToken cancellationToken) =>
        _cache.GetOrLoadAsync(SecretNames.Validate(name).ToLowerInvariant(), LoadAsync, cancellationToken);

    private async Task<string?> LoadAsync(string name, CancellationToken cancellationToken)
    {
        try
        {
            // The latest version, through the (name, version, token) overload: named arguments would pick another.
            var secret = await _client.GetSecretAsync(name, null, cancellationToken);
            _logger.SecretRead(name, secret.Value.Properties.Version);
            return secret.Value.Value;
        }
        catch (RequestFailedException e) when (e.Status == 404)
        {
            _logger.SecretMissing(name);
            return null;
        }
        catch (Exception e) when (e is RequestFailedException or Azure.Identity.AuthenticationFailedException)
        {
            _logger.SecretStoreUnavailable(e, name);
            throw new StoreUnavailableException($"Key Vault did not serve secret '{name}'.", e);
        }
    }
}
