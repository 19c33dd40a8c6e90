using PassBroker.Core.Devices;

namespace PassBroker.Core.Workflow;

/// <summary>One poll of a pending sign-in, without its session row.</summary>
/// <param name="DeviceKey">The device that started the sign-in.</param>
/// <param name="Code">The authentication code being polled.</param>
/// <param name="Mvpd">The MVPD the app picked, or null (polled by code).</param>
/// <param name="Client">Where the device connected from.</param>
public sealed record PendingPoll(string DeviceKey, string Code, string? Mvpd, ClientEndpoint Client)
{
    /// <summary>The device's brand key, for telemetry until the device is read (empty: the default brand).</summary>
    public string Brand { get; init; } = "";
}
