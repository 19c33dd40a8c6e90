using System.ComponentModel.DataAnnotations;

namespace PassBroker.Http.Limits;

/// <summary>
/// Limits on the two anonymous-or-cheap requests that make PassBroker spend at Adobe: a registration creates a DCR
/// client (kept at Adobe for ever), a sign-in start polls Adobe for up to <c>SignIn:MaxDuration</c>. Each is counted per
/// client (<see cref="Edge.ClientAddressGroups"/>: an IPv4 address or an IPv6 /64) and per instance, in fixed windows,
/// before any upstream call.
/// <code>
/// "Limits": { "RegistrationsPerClient": 30, "RegistrationsPerInstance": 600, "RegistrationWindow": "00:10:00",
///             "SignInsPerClient": 30, "SignInsPerInstance": 600, "SignInWindow": "00:10:00" }
/// </code>
/// </summary>
/// <remarks>
/// The per-client values leave a household (a few devices, a few tries each) and a carrier-grade NAT address shared by
/// dozens of households far below the limit, while a script stops after 30 in ten minutes. The per-instance values bound
/// what addresses rotated beyond any per-client count (a botnet, an IPv6 /48's 65,536 /64s) can make one instance spend:
/// one a second on average, with bursts. In-process (System.Threading.RateLimiting) so both hosts count alike; each
/// instance counts on its own.
/// </remarks>
public sealed class LimitsOptions
{
    public const string SectionName = "Limits";

    /// <summary>Device registrations (<c>POST /api/devices</c>) one client may make per <see cref="RegistrationWindow"/>.</summary>
    [Range(1, 100_000)]
    public int RegistrationsPerClient { get; set; } = 30;

    /// <summary>Device registrations one instance takes per <see cref="RegistrationWindow"/>, all clients together.</summary>
    [Range(1, 1_000_000)]
    public int RegistrationsPerInstance { get; set; } = 600;

    [Range(typeof(TimeSpan), "00:00:01", "1.00:00:00")]
    public TimeSpan RegistrationWindow { get; set; } = TimeSpan.FromMinutes(10);

    /// <summary>Sign-in starts (<c>POST /api/authentication/sessions</c>) one client may make per <see cref="SignInWindow"/>.</summary>
    [Range(1, 100_000)]
    public int SignInsPerClient { get; set; } = 30;

    /// <summary>Sign-in starts one instance takes per <see cref="SignInWindow"/>, all clients together.</summary>
    [Range(1, 1_000_000)]
    public int SignInsPerInstance { get; set; } = 600;

    [Range(typeof(TimeSpan), "00:00:01", "1.00:00:00")]
    public TimeSpan SignInWindow { get; set; } = TimeSpan.FromMinutes(10);
}
