namespace PassBroker.Core.Devices;

/// <summary>
/// What PassBroker keeps per device: the DCR client it registered for the device (kept forever, because a new
/// registration signs every user of the device out), the current access token, and the hash of the device token.
/// </summary>
public sealed record DeviceRecord
{
    public required string DeviceKey { get; init; }
    public required string DeviceId { get; init; }

    /// <summary>The brand the device registered under (<see cref="Brands.BrandKeys"/>; the default brand's key is empty, as on
    /// every row written before brands existed). Fixed for the device's life: another brand's app is another device.</summary>
    public string Brand { get; init; } = Brands.BrandKeys.Default;
    public required DeviceInfo Info { get; init; }
    public required ClientCredentials Credentials { get; init; }
    public AccessToken? AccessToken { get; init; }

    /// <summary>SHA-256 of the secret part of the device token; the token itself is never stored.</summary>
    public required string DeviceTokenHash { get; init; }

    public required DateTimeOffset RegisteredAt { get; init; }

    /// <summary>
    /// SHA-256 hex of the e-mail the promotional Temp Pass trial was started with (a pseudonymous id, which Adobe keys
    /// the trial on); null until then. The e-mail itself is never stored.
    /// </summary>
    public string? TempPassIdentity { get; init; }

    /// <summary>
    /// When a sign-in of the device first completed; null while none has. A device that never signs in is deleted after
    /// <c>Retention:UnusedDevices</c> (<see cref="Retention.RetentionPurge"/>).
    /// </summary>
    public DateTimeOffset? SignedInAt { get; init; }

    /// <summary>Opaque optimistic-concurrency version (the table entity's ETag); null before the first write.</summary>
    public string? ETag { get; init; }

    public DeviceContext ToContext(ClientEndpoint client) => new(DeviceKey, DeviceId, Info, client) { Brand = Brand };
}
