using Azure;
using Azure.Identity;
using Azure.Security.KeyVault.Secrets;
using Microsoft.Extensions.Logging;
using PassBroker.Core.Errors;

namespace PassBroker.Storage.Secrets;

/// <summary>
/// One Key Vault read with the answers PassBroker tells apart: the secret, "no such secret (version)" (404), "disabled"
/// (Key Vault's 403 <c>SecretDisabled</c>: a retired version, treated as absent), and an outage after the SDK's own
/// retries with backoff on 429 and 5xx (<see cref="StoreUnavailableException"/>: 503). Logs names and versions only.
/// </summary>
internal sealed class KeyVaultReader(SecretClient client, ILogger<KeyVaultReader> logger)
{
    public async Task<KeyVaultSecret?> ReadAsync(string name, string? version, CancellationToken cancellationToken)
    {
        try
        {
            // Through the (name, version, token) overload: named arguments would pick another.
            var secret = await client.GetSecretAsync(name, version, cancellationToken);
            logger.SecretRead(name, secret.Value.Properties.Version);
            return secret.Value;
        }
        catch (RequestFailedException e) when (e.Status == 404)
        {
            logger.SecretMissing(name, version);
            return null;
        }
        catch (RequestFailedException e) when (IsDisabled(e))
        {
            logger.SecretDisabled(name, version);
            return null;
        }
        catch (Exception e) when (e is RequestFailedException or AuthenticationFailedException)
        {
            logger.SecretStoreUnavailable(e, name);
            throw new StoreUnavailableException($"Key Vault did not serve secret '{name}'.", e);
        }
    }

    // Key Vault answers 403 {"error":{"code":"Forbidden","innererror":{"code":"SecretDisabled"}}}; a 403 for want of
    // permission (ForbiddenByRbac, ForbiddenByPolicy) is an outage to report, not an absent secret.
    private static bool IsDisabled(RequestFailedException e) =>
        e.Status == 403 && (e.ErrorCode == "SecretDisabled" || e.Message.Contains("SecretDisabled", StringComparison.Ordinal));
}
