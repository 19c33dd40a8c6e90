using Azure;
using Azure.Security.KeyVault.Secrets;
using Microsoft.Extensions.Logging;
using Moq;
using PassBroker.Storage.Secrets;
using PassBroker.TestHelpers.Fakes;

namespace PassBroker.Storage.Tests.Secrets;

/// <summary>
/// A <see cref="SecretClient"/> double (Key Vault has no local emulator) built with the SDK's <see cref="SecretModelFactory"/>:
/// secrets by name and version, the latest answered for a null version, failures as the SDK raises them.
/// </summary>
internal sealed class SecretClientDouble
{
    private int _reads;

    public Mock<SecretClient> Client { get; } = new();
    public CapturingLoggerProvider Logs { get; } = new();
    public int Reads => _reads;

    public KeyVaultReader Reader() => new(Client.Object, LoggerFactory.Create(b => b.AddProvider(Logs)).CreateLogger<KeyVaultReader>());

    /// <summary>The vault holds <paramref name="value"/> as <paramref name="version"/>, which is also the latest.</summary>
    /// <param name="name">The secret's name.</param>
    /// <param name="value">Its value.</param>
    /// <param name="version">Its version.</param>
    /// <param name="gate">Holds the answer until completed, to see concurrent callers.</param>
    public void Holds(string name, string value, string version = "v1", Task? gate = null)
    {
        Answer(name, null, value, version, gate);
        Answer(name, version, value, version, gate);
    }

    /// <summary>An older version, reachable only by its version id.</summary>
    /// <param name="name">The secret's name.</param>
    /// <param name="value">Its value.</param>
    /// <param name="version">Its version.</param>
    public void HoldsOlder(string name, string value, string version) => Answer(name, version, value, version, null);

    /// <param name="name">The secret's name.</param>
    /// <param name="status">The HTTP status Key Vault answers.</param>
    /// <param name="errorCode">Key Vault's error code.</param>
    /// <param name="version">A version, or null for the latest.</param>
    public void Fails(string name, int status, string? errorCode = null, string? version = null) =>
        Client.Setup(c => c.GetSecretAsync(name, version, It.IsAny<CancellationToken>()))
            .Callback(() => Interlocked.Increment(ref _reads))
            .ThrowsAsync(new RequestFailedException(status, $"Service request failed. Status: {status}", errorCode, null));

    private void Answer(string name, string? asked, string value, string version, Task? gate) =>
        Client.Setup(c => c.GetSecretAsync(name, asked, It.IsAny<CancellationToken>()))
            .Returns(async () =>
            {
                Interlocked.Increment(ref _reads);
                if (gate is not null)
                {
                    await gate;
                }
                var properties = SecretModelFactory.SecretProperties(new Uri($"https://kv.vault.azure.net/secrets/{name}/{version}"), name: name, version: version);
                return Response.FromValue(SecretModelFactory.KeyVaultSecret(properties, value), Mock.Of<Response>());
            });
}
