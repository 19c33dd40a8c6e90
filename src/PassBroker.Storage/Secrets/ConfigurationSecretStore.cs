using Microsoft.Extensions.Options;
using PassBroker.Core.Secrets;

namespace PassBroker.Storage.Secrets;

/// <summary>Development secrets from <c>Secrets:Values</c>: user secrets or environment variables, never Key Vault.</summary>
internal sealed class ConfigurationSecretStore(IOptionsMonitor<SecretsOptions> options) : ISecretStore
{
    public Task<string?> GetAsync(string name, CancellationToken cancellationToken) =>
        Task.FromResult(options.CurrentValue.Values.GetValueOrDefault(SecretNames.Validate(name)));
}
