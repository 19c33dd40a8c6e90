using PassBroker.Core.Devices;

namespace PassBroker.Core.Workflow;

/// <summary>The polling workflow's input. Serializable: Durable stores it in history.</summary>
/// <param name="DeviceKey">The device that started the sign-in.</param>
/// <param name="Code">The authentication code being polled.</param>
/// <param name="ExpiresAt">The code's <c>notAfter</c>, or the configured maximum; polling never goes past it.</param>
/// <param name="PollInterval">Time between two polls.</param>
/// <param name="PollsSoFar">Polls made by earlier generations of this workflow (see ContinueAsNew).</param>
/// <param name="FailuresSoFar">Consecutive failed rounds at the end of the previous generation, so the back-off goes on.</param>
/// <param name="Brand">The device's brand key, for telemetry; empty (the default brand) in inputs stored before brands.</param>
public sealed record SignInPollInput(
    string DeviceKey, string Code, DateTimeOffset ExpiresAt, TimeSpan PollInterval, int PollsSoFar = 0, int FailuresSoFar = 0,
    string Brand = "")
{
    /// <summary>The workflow instance id: one workflow per device and code, so a restart cannot start a second one.</summary>
    public string InstanceId => $"signin-{DeviceKey}-{Code}";

    /// <summary>The MVPD the app picked, when known to the starter (the sharded shape keeps it in its row).</summary>
    public string? Mvpd { get; init; }

    /// <summary>Where the device connected from, when known to the starter (the sharded shape keeps it in its row).</summary>
    public ClientEndpoint? Client { get; init; }
}
