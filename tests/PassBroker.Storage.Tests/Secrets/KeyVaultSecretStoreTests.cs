using Azure;
using Azure.Security.KeyVault.Secrets;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;
using Moq;
using PassBroker.Core.Errors;
using PassBroker.Storage.Secrets;
using PassBroker.TestHelpers.Fakes;

namespace PassBroker.Storage.Tests.Secrets;

/// <summary>Key Vault has no local emulator: these run the store against a <see cref="SecretClient"/> double.</summary>
public sealed class KeyVaultSecretStoreTests
{
    private readonly FakeTimeProvider _time = new();
    private readonly Mock<SecretClient> _client = new();
    private readonly CapturingLoggerProvider _logs = new();
    private int _reads;

    private KeyVaultSecretStore Store() => new(_client.Object, Options.Create(new SecretsOptions { CacheDuration = TimeSpan.FromMinutes(30) }), _time,
        LoggerFactory.Create(b => b.AddProvider(_logs)).CreateLogger<KeyVaultSecretStore>());

    private void VaultHolds(string name, string value, string version = "v1", Task? gate = null) =>
        _client.Setup(c => c.GetSecretAsync(name, null, It.IsAny<CancellationToken>()))
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

    private void VaultFails(string name, int status) =>
        _client.Setup(c => c.GetSecretAsync(name, null, It.IsAny<CancellationToken>()))
            .Callback(() => Interlocked.Increment(ref _reads))
            .ThrowsAsync(new RequestFailedException(status, "failed"));

    [Fact]
    public async Task GetAsync_WithinCacheDuration_ReadsTheVaultOnce()
    {
        VaultHolds("admin-api-key", "s3cret");
        var store = Store();

        Assert.Equal("s3cret", await store.GetAsync("admin-api-key", default));
        _time.Advance(TimeSpan.FromMinutes(29));
        Assert.Equal("s3cret", await store.GetAsync("Admin-Api-Key", default));

        Assert.Equal(1, _reads);
    }

    [Fact]
    public async Task GetAsync_AfterCacheDuration_SeesTheRotatedValue()
    {
        VaultHolds("software-statement", "old");
        var store = Store();
        await store.GetAsync("software-statement", default);
        VaultHolds("software-statement", "new", "v2");

        _time.Advance(TimeSpan.FromMinutes(31));

        Assert.Equal("new", await store.GetAsync("software-statement", default));
    }

    [Fact]
    public async Task GetAsync_ManyCallersAtOnce_OneVaultRead()
    {
        var gate = new TaskCompletionSource();
        VaultHolds("data-key", "k", gate: gate.Task);
        var store = Store();

        var readers = Enumerable.Range(0, 50).Select(_ => store.GetAsync("data-key", default)).ToList();
        gate.SetResult();

        Assert.All(await Task.WhenAll(readers), value => Assert.Equal("k", value));
        Assert.Equal(1, _reads);
    }

    [Fact]
    public async Task GetAsync_MissingSecret_IsNullAndCachedAsMissing()
    {
        VaultFails("no-such-secret", 404);
        var store = Store();

        Assert.Null(await store.GetAsync("no-such-secret", default));
        Assert.Null(await store.GetAsync("no-such-secret", default));

        Assert.Equal(1, _reads);
    }

    [Theory]
    [InlineData(429)]
    [InlineData(503)]
    [InlineData(403)]
    public async Task GetAsync_VaultFailing_IsStoreUnavailableAndTriedAgainNextTime(int status)
    {
        VaultFails("data-key", status);
        var store = Store();

        await Assert.ThrowsAsync<StoreUnavailableException>(() => store.GetAsync("data-key", default));
        VaultHolds("data-key", "k");

        Assert.Equal("k", await store.GetAsync("data-key", default));
    }

    [Fact]
    public async Task GetAsync_LogsNamesAndVersionsNeverValues()
    {
        VaultHolds("admin-api-key", "very-secret-value", "ver-7");

        await Store().GetAsync("admin-api-key", default);

        var line = Assert.Single(_logs.Lines);
        Assert.Contains("admin-api-key", line, StringComparison.Ordinal);
        Assert.Contains("ver-7", line, StringComparison.Ordinal);
        Assert.DoesNotContain("very-secret-value", line, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("")]
    [InlineData("has_underscore")]
    [InlineData("has space")]
    public async Task GetAsync_NameKeyVaultWouldRefuse_IsRefusedEverywhere(string name)
    {
        await Assert.ThrowsAsync<ArgumentException>(() => Store().GetAsync(name, default));
        await Assert.ThrowsAsync<ArgumentException>(() => new ConfigurationSecretStore(Mock.Of<IOptionsMonitor<SecretsOptions>>(m => m.CurrentValue == new SecretsOptions())).GetAsync(name, default));
    }
}
