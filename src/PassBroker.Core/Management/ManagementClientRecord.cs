using PassBroker.Core.Devices;

namespace PassBroker.Core.Management;

/// <summary>
/// PassBroker's own DCR client, the one the management APIs (the Temp Pass reset) are called with: one per brand,
/// kept like a device's client (registered once, reused by every instance and after every restart) with its current
/// access token, so that neither a restart nor a new instance registers again or even asks for a token.
/// </summary>
public sealed record ManagementClientRecord
{
    public required ClientCredentials Credentials { get; init; }

    /// <summary>The brand the client was registered for (<see cref="Brands.BrandKeys"/>), with its software statement.</summary>
    public string Brand { get; init; } = Brands.BrandKeys.Default;

    /// <summary>The last access token issued to <see cref="Credentials"/>; null until the first one.</summary>
    public AccessToken? AccessToken { get; init; }

    public required DateTimeOffset RegisteredAt { get; init; }

    /// <summary>Opaque optimistic-concurrency version (the table entity's ETag); null before the first write.</summary>
    public string? ETag { get; init; }
}
