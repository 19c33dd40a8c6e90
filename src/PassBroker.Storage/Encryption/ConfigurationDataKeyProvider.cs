using Microsoft.Extensions.Options;

namespace PassBroker.Storage.Encryption;

/// <summary>Data keys from configuration (user secrets or app settings locally); Key Vault replaces it in Azure.</summary>
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

    public DataKey CurrentKey { get; }

    public DataKey? GetKey(string version) => _keys.GetValueOrDefault(version);
}
