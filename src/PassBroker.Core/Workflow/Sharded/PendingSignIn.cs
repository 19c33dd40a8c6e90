using PassBroker.Core.Brands;
using PassBroker.Core.Devices;

namespace PassBroker.Core.Workflow.Sharded;

/// <summary>
/// One pending sign-in as the sharded shape keeps it: one per device (a newer sign-in replaces the row), with what a
/// poll needs (code, MVPD, where the device connected from, deadline), so a poll reads no session row.
/// </summary>
/// <param name="DeviceKey">The device that started the sign-in.</param>
/// <param name="Code">The authentication code being polled.</param>
/// <param name="Mvpd">The MVPD the app picked, or null when it is picked on the second screen.</param>
/// <param name="Client">Where the device connected from; the polls go upstream as from there.</param>
/// <param name="ExpiresAt">The code's deadline: the row's last poll is at the first due tick at or after it.</param>
/// <param name="Shard">The shard that polls it (<see cref="ShardClock.Place"/>).</param>
/// <param name="Slot">The slot of the tick clock it is due in.</param>
/// <param name="FirstDueTick">Its first poll; from then on it is due at every tick of its slot.</param>
public sealed record PendingSignIn(
    string DeviceKey, string Code, string? Mvpd, ClientEndpoint Client, DateTimeOffset ExpiresAt, int Shard, int Slot, long FirstDueTick)
{
    /// <summary>The device's brand key, for telemetry (polls read the device's own); empty for the default brand.</summary>
    public string Brand { get; init; } = BrandKeys.Default;

    /// <summary>Opaque version of the stored row; removing it is conditional on it, so a newer sign-in's row stays.</summary>
    public string? ETag { get; init; }

    /// <summary>What <see cref="CheckSignInActivity"/> needs to poll it.</summary>
    public PendingPoll ToPoll() => new(DeviceKey, Code, Mvpd, Client);

    /// <summary>The per-sign-in input the expiring and failing activities take.</summary>
    public SignInPollInput ToInput(TimeSpan pollInterval) => new(DeviceKey, Code, ExpiresAt, pollInterval, Brand: Brand) { Mvpd = Mvpd, Client = Client };
}
