using Azure.Security.KeyVault.Secrets;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;
using Moq;
using PassBroker.Core.Errors;
using PassBroker.Storage.Secrets;

namespace PassBroker.Storage.Tests.Secrets;

/// <summary>Key Vault has no local emulator: these run the store against a <see cref="SecretClient"/> double.</summary>
public sealed class KeyVaultSecretStoreTests
{
    private readonly FakeTimeProvider _time = new();
    private readonly SecretClientDouble _vault = new();

    private KeyVaultSecretStore Store() =>
        new(_vault.Reader(), Options.Create(new SecretsOptions { CacheDuration = TimeSpan.FromMinutes(30) }), _time);

    private void VaultHolds(string name, string value, string version = "v1", Task? gate = null) => _vault.Holds(name, value, version, gate);

    private void VaultFails(string name, int status) => _vault.Fails(name, status);

    [Fact]
    public async Task GetAsync_WithinCacheDuration_ReadsTheVaultOnce()
    {
        VaultHolds("admin-api-key", "s3cret");
        var store = Store();

        Assert.Equal("s3cret", await store.GetAsync("admin-api-key", default));
        _time.Advance(TimeSpan.FromMinutes(29));
        Assert.Equal("s3cret", await store.GetAsync("Admin-Api-Key", default));

        Assert.Equal(1, _vault.Reads);
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
        Assert.Equal(1, _vault.Reads);
    }

    [Fact]
    public async Task GetAsync_MissingSecret_IsNullAndCachedAsMissing()
    {
        VaultFails("no-such-secret", 404);
        var store = Store();

        Assert.Null(await store.GetAsync("no-such-secret", default));
        Assert.Null(await store.GetAsync("no-such-secret", default));

        Assert.Equal(1, _vault.Reads);
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

        var line = Assert.Single(_vault.Logs.Lines);
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

    [Fact]
    public async Task GetAsync_ThrottledThenServed_503ThenTheValue()
    {
        // The SDK's own retries (honouring Retry-After) ran out: this request fails cleanly, the next one reads again.
        VaultFails("software-statement", 429);
        var store = Store();
        await Assert.ThrowsAsync<StoreUnavailableException>(() => store.GetAsync("software-statement", default));

        VaultHolds("software-statement", "statement");

        Assert.Equal("statement", await store.GetAsync("software-statement", default));
        Assert.Equal(2, _vault.Reads);
    }

    [Fact]
    public async Task GetAsync_DisabledSecret_IsAbsentNotAnOutage()
    {
        _vault.Fails("metadata-certificate-backup", 403, "SecretDisabled");
        var store = Store();

        Assert.Null(await store.GetAsync("metadata-certificate-backup", default));
        Assert.Null(await store.GetAsync("metadata-certificate-backup", default));

        Assert.Equal(1, _vault.Reads);
        Assert.Contains(_vault.Logs.Lines, line => line.Contains("metadata-certificate-backup", StringComparison.Ordinal)
            && line.Contains("disabled", StringComparison.Ordinal));
    }
}
