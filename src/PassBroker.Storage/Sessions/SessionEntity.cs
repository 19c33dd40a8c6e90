using System.Text.Json;
using Azure;
using Azure.Data.Tables;
using PassBroker.Core.Brands;
using PassBroker.Core.Devices;
using PassBroker.Core.Sessions;
using PassBroker.Storage.Tables;

namespace PassBroker.Storage.Sessions;

/// <summary>A row of the <c>sessions</c> table: PartitionKey = escaped device key, RowKey = escaped code.</summary>
internal sealed class SessionEntity : ITableEntity
{
    public string PartitionKey { get; set; } = "";
    public string RowKey { get; set; } = "";
    public DateTimeOffset? Timestamp { get; set; }
    public ETag ETag { get; set; }

    /// <summary>The device's brand; absent (null is not stored) for the default brand, as on rows written before brands.</summary>
    public string? Brand { get; set; }

    public string? Mvpd { get; set; }

    /// <summary>The <see cref="SessionStatus"/> name, so queries and people can read it.</summary>
    public string Status { get; set; } = "";

    public string? EndReason { get; set; }
    public string? UpstreamCode { get; set; }
    public DateTimeOffset CreatedAt { get; set; }
    public DateTimeOffset ExpiresAt { get; set; }
    public DateTimeOffset? CompletedAt { get; set; }
    public string ClientIp { get; set; } = "";
    public int? ClientPort { get; set; }

    /// <summary>The <see cref="Core.Upstream.Profile"/> the sign-in produced, as JSON.</summary>
    public string? Profile { get; set; }

    /// <summary>Why <see cref="Profile"/> is gone (delivered, signed out); see <see cref="AuthenticationSession.ProfileReleased"/>.</summary>
    public string? ProfileReleased { get; set; }

    public static SessionEntity From(AuthenticationSession session) => new()
    {
        PartitionKey = TableKeys.Escape(session.DeviceKey),
        RowKey = TableKeys.Escape(session.Code),
        ETag = session.ETag is null ? default : new ETag(session.ETag),
        Brand = BrandKeys.IsDefault(session.Brand) ? null : session.Brand,
        Mvpd = session.Mvpd,
        Status = session.Status.ToString(),
        EndReason = session.EndReason,
        UpstreamCode = session.UpstreamCode,
        CreatedAt = session.CreatedAt,
        ExpiresAt = session.ExpiresAt,
        CompletedAt = session.CompletedAt,
        ClientIp = session.Client.IpAddress,
        ClientPort = session.Client.Port,
        Profile = session.Profile is null ? null : JsonSerializer.Serialize(session.Profile, StorageJsonContext.Default.Profile),
        ProfileReleased = session.ProfileReleased,
    };

    public AuthenticationSession ToSession() => new()
    {
        DeviceKey = TableKeys.Unescape(PartitionKey),
        Code = TableKeys.Unescape(RowKey),
        Brand = Brand ?? BrandKeys.Default,
        Mvpd = Mvpd,
        Status = Enum.Parse<SessionStatus>(Status),
        EndReason = EndReason,
        UpstreamCode = UpstreamCode,
        CreatedAt = CreatedAt,
        ExpiresAt = ExpiresAt,
        CompletedAt = CompletedAt,
        Client = new ClientEndpoint(ClientIp, ClientPort),
        Profile = Profile is null ? null : JsonSerializer.Deserialize(Profile, StorageJsonContext.Default.Profile),
        ProfileReleased = ProfileReleased,
        ETag = ETag.ToString(),
    };
}
