using PassBroker.Core.Devices;
using PassBroker.Core.Upstream;

namespace PassBroker.Core.Sessions;

/// <summary>
/// One sign-in attempt of a device: the code Adobe issued, until when it is valid, and how it ended.
/// Partitioned by device, so a device can only ever reach its own sessions.
/// </summary>
public sealed record AuthenticationSession
{
    public required string DeviceKey { get; init; }
    public required string Code { get; init; }

    /// <summary>The device's brand (<see cref="Brands.BrandKeys"/>): codes come from Adobe per service provider, so two
    /// brands may hold the same code, and the second-screen page finds a code under its brand.</summary>
    public string Brand { get; init; } = Brands.BrandKeys.Default;

    public string? Mvpd { get; init; }
    public required SessionStatus Status { get; init; }

    /// <summary>Why the session ended, when it ended without a profile (see <see cref="SessionEndReasons"/>).</summary>
    public string? EndReason { get; init; }

    /// <summary>The Adobe error code behind a failure, if any.</summary>
    public string? UpstreamCode { get; init; }

    public required DateTimeOffset CreatedAt { get; init; }

    /// <summary>The code's <c>notAfter</c>: polling stops here.</summary>
    public required DateTimeOffset ExpiresAt { get; init; }

    public DateTimeOffset? CompletedAt { get; init; }

    /// <summary>Where the device connected from when it started the sign-in; the polls go upstream as from there.</summary>
    public required ClientEndpoint Client { get; init; }

    /// <summary>The profile the sign-in produced (status <see cref="SessionStatus.Authenticated"/>).</summary>
    public Profile? Profile { get; init; }

    /// <summary>
    /// Why <see cref="Profile"/> is no longer kept (<see cref="ProfileReleaseReasons"/>): delivered to the device, or the
    /// user signed out. Null while the session holds it, or never had one.
    /// </summary>
    public string? ProfileReleased { get; init; }

    /// <summary>Opaque optimistic-concurrency version; null before the first write.</summary>
    public string? ETag { get; init; }

    public bool IsFinal => Status != SessionStatus.Pending;

    public AuthenticationSession End(SessionStatus status, DateTimeOffset at, string? reason = null, string? upstreamCode = null) =>
        this with { Status = status, CompletedAt = at, EndReason = reason, UpstreamCode = upstreamCode };

    public AuthenticationSession ReleaseProfile(string reason) => this with { Profile = null, ProfileReleased = reason };
}
