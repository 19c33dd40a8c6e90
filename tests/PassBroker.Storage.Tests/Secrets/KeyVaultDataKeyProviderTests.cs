using System.Security.Cryptography;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;
using PassBroker.Core.Secrets;
using PassBroker.Storage.Encryption;
using PassBroker.Storage.Secrets;

namespace PassBroker.Storage.Tests.Secrets;

/// <summary>The data key as versions of one Key Vault secret, against a <see cref="Azure.Security.KeyVault.Secrets.SecretClient"/> double.</summary>
public sealed class KeyVaultDataKeyProviderTests
{
    private const string Name = "data-key";
    private static readonly SealingContext Context = new("devices", "0123456789abcdef0123456789abcdef", "device", "ClientSecret");
    private readonly FakeTimeProvider _time = new();
    private readonly SecretClientDouble _vault = new();

    private KeyVaultDataKeyProvider Provider() => new(_vault.Reader(), Options.Create(new StorageOptions()),
        Options.Create(new SecretsOptions { CacheDuration = TimeSpan.FromMinutes(30) }), _time);

    private static string NewKey() => Convert.ToBase64String(RandomNumberGenerator.GetBytes(DataKey.SizeInBytes));

    [Fact]
    public async Task CurrentKey_IsTheLatestVersion_ReadOncePerCachePeriod()
    {
        var material = NewKey();
        _vault.Holds(Name, material, "0a1b2c3d4e5f60718293a4b5c6d7e8f9");
        var provider = Provider();

        var first = await provider.GetCurrentKeyAsync(default);
        await Task.WhenAll(Enumerable.Range(0, 20).Select(_ => provider.GetCurrentKeyAsync(default).AsTask()));
        // The current key is also known by its version without another read.
        var byVersion = await provider.GetKeyAsync(first.Version, default);

        Assert.Equal("0a1b2c3d4e5f60718293a4b5c6d7e8f9", first.Version);
        Assert.Equal(Convert.FromBase64String(material), first.Material.ToArray());
        Assert.Same(first, byVersion);
        Assert.Equal(1, _vault.Reads);
    }

    [Fact]
    public async Task Rotation_NewWritesSealWithTheNewVersion_RecordsSealedUnderTheOldOneStillOpen()
    {
        var old = NewKey();
        _vault.Holds(Name, old, "v1");
        var provider = Provider();
        var sealer = new SecretSealer(provider);
        var sealedBefore = await sealer.SealAsync("client-secret", Context, default);

        // az keyvault secret set: a new version becomes the latest; v1 stays readable by its id.
        _vault.Holds(Name, NewKey(), "v2");
        _vault.HoldsOlder(Name, old, "v1");
        _time.Advance(TimeSpan.FromMinutes(31));
        var sealedAfter = await sealer.SealAsync("client-secret", Context, default);

        Assert.StartsWith("v1:v1:", sealedBefore, StringComparison.Ordinal);
        Assert.StartsWith("v1:v2:", sealedAfter, StringComparison.Ordinal);
        Assert.Equal("client-secret", await sealer.OpenAsync(sealedBefore, Context, default));
        Assert.Equal("client-secret", await sealer.OpenAsync(sealedAfter, Context, default));
    }

    [Fact]
    public async Task OlderVersion_ReadOnceAndKept_EvenByAFreshInstance()
    {
        var old = NewKey();
        var sealedOld = await new SecretSealer(new FixedKeys(new DataKey("v1", Convert.FromBase64String(old))))
            .SealAsync("token", Context, default);
        _vault.Holds(Name, NewKey(), "v2");
        _vault.HoldsOlder(Name, old, "v1");
        var sealer = new SecretSealer(Provider());

        for (var i = 0; i < 5; i++)
        {
            Assert.Equal("token", await sealer.OpenAsync(sealedOld, Context, default));
        }

        Assert.Equal(1, _vault.Reads);
    }

    [Fact]
    public async Task DisabledOldVersion_RecordsSealedWithItFailClearly()
    {
        var sealedOld = await new SecretSealer(new FixedKeys(new DataKey("v1", RandomNumberGenerator.GetBytes(32))))
            .SealAsync("token", Context, default);
        _vault.Holds(Name, NewKey(), "v2");
        _vault.Fails(Name, 403, "SecretDisabled", version: "v1");

        var error = await Assert.ThrowsAsync<SealedValueException>(
            async () => await new SecretSealer(Provider()).OpenAsync(sealedOld, Context, default));

        Assert.Contains("'v1' is unknown", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task DisabledOldVersion_EnabledAgain_OpensWithoutARestart()
    {
        var oldKey = new DataKey("v1", RandomNumberGenerator.GetBytes(32));
        var sealedOld = await new SecretSealer(new FixedKeys(oldKey)).SealAsync("token", Context, default);
        _vault.Holds(Name, NewKey(), "v2");
        _vault.Fails(Name, 403, "SecretDisabled", version: "v1");
        var sealer = new SecretSealer(Provider());
        await Assert.ThrowsAsync<SealedValueException>(async () => await sealer.OpenAsync(sealedOld, Context, default));

        // The operator re-enables the version they disabled too early.
        _vault.HoldsOlder(Name, Convert.ToBase64String(oldKey.Material.ToArray()), "v1");

        Assert.Equal("token", await sealer.OpenAsync(sealedOld, Context, default));
    }

    [Fact]
    public async Task VaultDown_StoreUnavailable_AndTheNextCallReadsAgain()
    {
        _vault.Fails(Name, 503);
        var provider = Provider();
        await Assert.ThrowsAsync<Core.Errors.StoreUnavailableException>(async () => await provider.GetCurrentKeyAsync(default));

        _vault.Holds(Name, NewKey(), "v3");

        Assert.Equal("v3", (await provider.GetCurrentKeyAsync(default)).Version);
    }

    [Fact]
    public async Task NoDataKeySecret_MissingSecretNamingIt()
    {
        _vault.Fails(Name, 404);

        var error = await Assert.ThrowsAsync<MissingSecretException>(async () => await Provider().GetCurrentKeyAsync(default));

        Assert.Equal(Name, error.SecretName);
    }

    [Fact]
    public async Task ValueIsNotA256BitKey_ClearErrorWithoutTheValue()
    {
        _vault.Holds(Name, "c2hvcnQ=", "v1");

        var error = await Assert.ThrowsAsync<InvalidOperationException>(async () => await Provider().GetCurrentKeyAsync(default));

        Assert.Contains("not the Base64 of 32 bytes", error.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("c2hvcnQ=", error.Message, StringComparison.Ordinal);
    }

    private sealed class FixedKeys(DataKey key) : IDataKeyProvider
    {
        public ValueTask<DataKey> GetCurrentKeyAsync(CancellationToken cancellationToken) => ValueTask.FromResult(key);

        public ValueTask<DataKey?> GetKeyAsync(string version, CancellationToken cancellationToken) =>
            ValueTask.FromResult<DataKey?>(version == key.Version ? key : null);
    }
}
