using Microsoft.Extensions.Options;

namespace PassBroker.Storage.Encryption;

/// <summary>
/// Data keys from <c>Storage:DataKeys</c> (development, or deployments without a vault); with <c>Secrets:Source</c>
/// <c>KeyVault</c>, <see cref="KeyVaultDataKeyProvider"/> takes its place.
/// </summary>
internal sealed class ConfigurationDataKeyProvider : IDataKeyProvider
{
    private readonly Dictionary<string, DataKey> _keys;

    public ConfigurationDataKeyProvider(IOptions<StorageOptions> options)
    {
        // Reading Value runs the validators, so the keys below are known to be well-formed.
        var dataKeys = options.Value.DataKeys;
        _keys = dataKeys.Keys.ToDictionary(
            pair => pair.Key,
            pair => new DataKey(pair.Key, DataKeyOptionsValidator.TryDecode(pair.Value)!),
            StringComparer.Ordinal);
        CurrentKey = _keys[dataKeys.Current!];
    }

    private DataKey CurrentKey { get; }

    public ValueTask<DataKey> GetCurrentKeyAsync(CancellationToken cancellationToken) => ValueTask.FromResult(CurrentKey);

    public ValueTask<DataKey?> GetKeyAsync(string version, CancellationToken cancellationToken) =>
        ValueTask.FromResult(_keys.GetValueOrDefault(version));
}
