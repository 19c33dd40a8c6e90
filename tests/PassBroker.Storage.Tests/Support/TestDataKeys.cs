using System.Security.Cryptography;
using PassBroker.Storage.Encryption;

namespace PassBroker.Storage.Tests.Support;

/// <summary>Random data keys for one test, by version.</summary>
internal sealed class TestDataKeys(string current, IReadOnlyDictionary<string, byte[]> keys) : IDataKeyProvider
{
    public DataKey CurrentKey => GetKey(current)!;

    public ValueTask<DataKey> GetCurrentKeyAsync(CancellationToken cancellationToken) => ValueTask.FromResult(CurrentKey);

    public ValueTask<DataKey?> GetKeyAsync(string version, CancellationToken cancellationToken) => ValueTask.FromResult(GetKey(version));

    public IReadOnlyDictionary<string, byte[]> Keys => keys;

    public DataKey? GetKey(string version) => keys.TryGetValue(version, out var key) ? new DataKey(version, key) : null;

    public static TestDataKeys Create(params string[] versions) =>
        new(versions[^1], versions.ToDictionary(v => v, _ => RandomNumberGenerator.GetBytes(DataKey.SizeInBytes)));

    /// <summary>The same keys with <paramref name="version"/> current, adding it when new; how rotation looks.</summary>
    public TestDataKeys RotateTo(string version)
    {
        var rotated = new Dictionary<string, byte[]>(keys);
        rotated.TryAdd(version, RandomNumberGenerator.GetBytes(DataKey.SizeInBytes));
        return new TestDataKeys(version, rotated);
    }

    /// <summary>The same current key without the older ones; how retiring a key too early looks.</summary>
    public TestDataKeys Without(string version) =>
        new(current, keys.Where(pair => pair.Key != version).ToDictionary(pair => pair.Key, pair => pair.Value));

    public Dictionary<string, string?> ToConfiguration()
    {
        var configuration = new Dictionary<string, string?> { ["Storage:DataKeys:Current"] = current };
        foreach (var (version, key) in keys)
        {
            configuration[$"Storage:DataKeys:Keys:{version}"] = Convert.ToBase64String(key);
        }
        return configuration;
    }
}
