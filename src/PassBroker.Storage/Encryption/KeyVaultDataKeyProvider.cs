using Microsoft.Extensions.Options;
using PassBroker.Core.Caching;
using PassBroker.Core.Secrets;
using PassBroker.Storage.Secrets;

namespace PassBroker.Storage.Encryption;

/// <summary>
/// The data key as a Key Vault secret (<see cref="StorageOptions.DataKeySecret"/>, Base64 of 32 random bytes), whose
/// Key Vault versions are the key versions: rotate with <c>az keyvault secret set</c> (a new version), and sealed values
/// name the version that sealed them. The current version is re-read once per cache period (so instances move to a new
/// key within it); an older version is read once, when a value sealed with it is first opened, and kept, since a
/// version's value never changes. Disable a version in Key Vault only once <c>POST /api/admin/data-keys/reseal</c> has
/// moved every record off it.
/// </summary>
internal sealed class KeyVaultDataKeyProvider : IDataKeyProvider
{
    private const string Current = "current";

    // A version's value never changes: kept for good (a decade is "for good" to the cache's clock arithmetic).
    private static readonly TimeSpan VersionLifetime = TimeSpan.FromDays(3650);

    private readonly KeyVaultReader _reader;
    private readonly string _secretName;
    // Versions named by sealed values: a few per rotation. The bound only guards against made-up version names.
    private const int MaxVersions = 1_000;

    private readonly SingleFlightCache<string, DataKey> _current;
    private readonly SingleFlightCache<string, DataKey?> _versions;

    public KeyVaultDataKeyProvider(KeyVaultReader reader, IOptions<StorageOptions> storage, IOptions<SecretsOptions> secrets, TimeProvider time)
    {
        _reader = reader;
        _secretName = SecretNames.Validate(storage.Value.DataKeySecret);
        _current = new SingleFlightCache<string, DataKey>(time, 1, secrets.Value.CacheDuration, StringComparer.Ordinal);
        _versions = new SingleFlightCache<string, DataKey?>(time, MaxVersions, VersionLifetime, StringComparer.Ordinal);
    }

    public async ValueTask<DataKey> GetCurrentKeyAsync(CancellationToken cancellationToken) =>
        await _current.GetOrLoadAsync(Current, LoadCurrentAsync, cancellationToken);

    // Single flight, and an outage is not remembered: the next open tries the vault again (SingleFlightCache's rules).
    // Nor is an absent version: one disabled too early and enabled again must open once more without a restart.
    public async ValueTask<DataKey?> GetKeyAsync(string version, CancellationToken cancellationToken)
    {
        var key = await _versions.GetOrLoadAsync(version, LoadVersionAsync, cancellationToken);
        if (key is null)
        {
            _versions.Remove(version);
        }
        return key;
    }

    private async Task<DataKey> LoadCurrentAsync(string _, CancellationToken cancellationToken)
    {
        var secret = await _reader.ReadAsync(_secretName, null, cancellationToken)
            ?? throw MissingSecretException.For(_secretName);
        var key = ToKey(secret.Properties.Version, secret.Value);
        _versions.Set(key.Version, key);
        return key;
    }

    private async Task<DataKey?> LoadVersionAsync(string version, CancellationToken cancellationToken)
    {
        var secret = await _reader.ReadAsync(_secretName, version, cancellationToken);
        return secret is null ? null : ToKey(secret.Properties.Version, secret.Value);
    }

    private DataKey ToKey(string version, string value) =>
        DataKeyOptionsValidator.TryDecode(value) is { Length: DataKey.SizeInBytes } material
            ? new DataKey(version, material)
            // The value itself stays out of the message: it is the key.
            : throw new InvalidOperationException($"Key Vault secret '{_secretName}' version {version} is not the Base64 of {DataKey.SizeInBytes} bytes.");
}
