using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using PassBroker.Emulator;

namespace PassBroker.Testing.Hosting;

/// <summary>Starts the Adobe Pass emulator on a free loopback port, on the given clock.</summary>
public static class EmulatorHost
{
    /// <param name="time">The clock the emulator runs on.</param>
    /// <param name="settings">Emulator settings, <c>--Emulator:Key=value</c>.</param>
    public static Task<RunningApp> StartAsync(FakeTimeProvider time, params string[] settings) => StartOnClockAsync(time, settings);

    /// <summary>On any clock: <see cref="TimeProvider.System"/> for tests that run in real time (injected latency, throttling).</summary>
    /// <param name="time">The clock the emulator runs on.</param>
    /// <param name="settings">Emulator settings, <c>--Emulator:Key=value</c>.</param>
    public static Task<RunningApp> StartOnClockAsync(TimeProvider time, params string[] settings) => StartOnClockAsync(time, null, settings);

    /// <summary>As <see cref="StartOnClockAsync(TimeProvider, string[])"/>, with the test host's own services (e.g. a recording middleware).</summary>
    /// <param name="time">The clock the emulator runs on.</param>
    /// <param name="configureServices">Runs after the emulator's registrations.</param>
    /// <param name="settings">Emulator settings, <c>--Emulator:Key=value</c>.</param>
    public static Task<RunningApp> StartOnClockAsync(TimeProvider time, Action<IServiceCollection>? configureServices, params string[] settings) =>
        // No metadata encryption unless a test asks: the DevHost's appsettings.json (copied next to the tests) sets some.
        RunningApp.StartAsync(urls => EmulatorApp.Create([urls, "--Emulator:MetadataEncryption:Certificate=", .. settings],
            services =>
            {
                services.AddSingleton(time);
                configureServices?.Invoke(services);
            }));

    public static EmulatorState State(this RunningApp emulator) => emulator.Services.GetRequiredService<EmulatorState>();
}
