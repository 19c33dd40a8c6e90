using System.Text.Json;
using Azure;
using Azure.Data.Tables;
using PassBroker.Core.Profiles;
using PassBroker.Core.Upstream;
using PassBroker.Storage.Tables;

namespace PassBroker.Storage.Profiles;

/// <summary>A row of the <c>profiles</c> table: PartitionKey = escaped device key, RowKey = <see cref="Row"/>.</summary>
internal sealed class ProfilesEntity : ITableEntity
{
    public const string Row = "profiles";

    public string PartitionKey { get; set; } = "";
    public string RowKey { get; set; } = Row;
    public DateTimeOffset? Timestamp { get; set; }
    public ETag ETag { get; set; }

    /// <summary>The list of <see cref="Profile"/>s as JSON.</summary>
    public string Profiles { get; set; } = "[]";

    public DateTimeOffset ExpiresAt { get; set; }

    public static ProfilesEntity From(string deviceKey, CachedProfiles profiles) => new()
    {
        PartitionKey = TableKeys.Escape(deviceKey),
        Profiles = JsonSerializer.Serialize(profiles.Profiles, StorageJsonContext.Default.IReadOnlyListProfile),
        ExpiresAt = profiles.ExpiresAt,
    };

    public CachedProfiles ToProfiles() =>
        new(JsonSerializer.Deserialize(Profiles, StorageJsonContext.Default.IReadOnlyListProfile) ?? [], ExpiresAt);
}
