using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using PassBroker.Emulator;

namespace PassBroker.TestHelpers.Hosting;

/// <summary>Starts the Adobe Pass emulator on a free loopback port, on the given clock.</summary>
public static class EmulatorHost
{
    public static Task<RunningApp> StartAsync(FakeTimeProvider time) => StartOnClockAsync(time);

    /// <summary>On any clock: <see cref="TimeProvider.System"/> for tests that run in real time (injected latency, throttling).</summary>
    public static Task<RunningApp> StartOnClockAsync(TimeProvider time) =>
        RunningApp.StartAsync(urls => EmulatorApp.Create([urls], services => services.AddSingleton(time)));

    public static EmulatorState State(this RunningApp emulator) => emulator.Services.GetRequiredService<EmulatorState>();
}
