using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using PassBroker.Emulator;

namespace PassBroker.TestHelpers.Hosting;

/// <summary>Starts the Adobe Pass emulator on a free loopback port, on the given clock.</summary>
public static class EmulatorHost
{
    public static Task<RunningApp> StartAsync(FakeTimeProvider time) =>
        RunningApp.StartAsync(urls => EmulatorApp.Create([urls], services => services.AddSingleton<TimeProvider>(time)));

    public static EmulatorState State(this RunningApp emulator) => emulator.Services.GetRequiredService<EmulatorState>();
}
