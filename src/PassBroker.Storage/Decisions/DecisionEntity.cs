using System.Text.Json;
using Azure;
using Azure.Data.Tables;
using PassBroker.Storage.Tables;

namespace PassBroker.Storage.Decisions;

/// <summary>
/// A row of the <c>decisions</c> table, one cached permit: PartitionKey = escaped device key, RowKey = escaped
/// <c>{mvpd}|{ResourceHash}</c>.
/// </summary>
internal sealed class DecisionEntity : ITableEntity
{
    /// <summary>The service's limit for one string property: 64 KiB of UTF-16.</summary>
    public const int MaxStringLength = 32 * 1024;

    public string PartitionKey { get; set; } = "";
    public string RowKey { get; set; } = "";
    public DateTimeOffset? Timestamp { get; set; }
    public ETag ETag { get; set; }

    public string Mvpd { get; set; } = "";
    public string Resource { get; set; } = "";

    /// <summary>The whole <see cref="Core.Upstream.Decision"/> as JSON, without its media token.</summary>
    public string Decision { get; set; } = "";

    /// <summary>The decision's <c>notAfter</c>, as a column so queries can skip expired rows.</summary>
    public DateTimeOffset NotAfter { get; set; }

    /// <summary>Whether the row fits the service's property limit; a huge MRSS resource may not.</summary>
    public bool FitsInARow => Resource.Length <= MaxStringLength && Decision.Length <= MaxStringLength;

    public static string RowKeyOf(string mvpd, string resource) => TableKeys.Escape($"{mvpd}|{ResourceHash.Of(resource)}");

    /// <summary>The row of a permit that carries a <c>notAfter</c>; its media token, if any, is dropped here.</summary>
    public static DecisionEntity From(string deviceKey, Core.Upstream.Decision permit) => new()
    {
        PartitionKey = TableKeys.Escape(deviceKey),
        RowKey = RowKeyOf(permit.Mvpd, permit.Resource),
        Mvpd = permit.Mvpd,
        Resource = permit.Resource,
        Decision = JsonSerializer.Serialize(permit with { Token = null }, DecisionJsonContext.Stored.Decision),
        NotAfter = permit.NotAfter ?? throw new ArgumentException("Only permits with a notAfter are cached.", nameof(permit)),
    };

    public Core.Upstream.Decision ToDecision() =>
        JsonSerializer.Deserialize(Decision, DecisionJsonContext.Stored.Decision)
        ?? throw new InvalidOperationException($"The decisions row {RowKey} holds no decision.");
}
