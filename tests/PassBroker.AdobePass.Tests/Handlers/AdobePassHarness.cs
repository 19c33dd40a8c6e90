using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Time.Testing;
using PassBroker.Core.Devices;
using PassBroker.Core.Management;
using PassBroker.Core.Secrets;
using PassBroker.Core.Upstream;
using PassBroker.TestHelpers.Fakes;
using PassBroker.Testing.Hosting;

namespace PassBroker.AdobePass.Tests.Handlers;

/// <summary>
/// The AdobePass adapter as the hosts wire it, calling the emulator over real HTTP, both on one fake clock (or, for
/// the resilience tests that wait out backoffs and Retry-After, both on the real one). Pacing is off unless a test's
/// settings turn it on: every test device shares one IP.
/// </summary>
internal sealed class AdobePassHarness : IAsyncDisposable
{
    private readonly IHost _host;
    private readonly Dictionary<string, string?> _settings;
    private readonly List<IHost> _instances = [];

    private AdobePassHarness(RunningApp emulator, TimeProvider time, Dictionary<string, string?> settings)
    {
        Emulator = emulator;
        Time = time;
        _settings = settings;
        _host = Build();
    }

    /// <summary>The shared clock: a <see cref="FakeTimeProvider"/> unless started with <c>realTime</c>.</summary>
    public TimeProvider Time { get; }

    /// <summary>The fake clock, to move it (not available with <c>realTime</c>).</summary>
    public FakeTimeProvider FakeTime => (FakeTimeProvider)Time;

    public IServiceProvider Services => _host.Services;
    public RunningApp Emulator { get; }
    public InMemoryDeviceStore Devices { get; } = new();

    /// <summary>The secrets every instance reads (the software statement, ...).</summary>
    public InMemorySecretStore Secrets { get; } = new InMemorySecretStore().Set("software-statement", "dev-software-statement");

    /// <summary>The management client's store, shared by every instance of this harness as the table is in production.</summary>
    public InMemoryManagementClientStore ManagementClients { get; } = new();

    public IAdobePassClient Client => _host.Services.GetRequiredService<IAdobePassClient>();

    /// <param name="realTime">Run on <see cref="TimeProvider.System"/> instead of a fake clock.</param>
    /// <param name="settings">More settings (<c>AdobePass:Resilience:MaxRetries</c> = <c>0</c>, ...) over the defaults.</param>
    /// <param name="emulatorSettings">The emulator's settings (<c>--Emulator:…=…</c>).</param>
    public static async Task<AdobePassHarness> StartAsync(
        bool realTime = false, IReadOnlyDictionary<string, string?>? settings = null, string[]? emulatorSettings = null)
    {
        TimeProvider time = realTime ? TimeProvider.System : new FakeTimeProvider(DateTimeOffset.UtcNow);
        var emulator = await EmulatorHost.StartOnClockAsync(time, emulatorSettings ?? []);
        var upstream = emulator.BaseAddress.GetLeftPart(UriPartial.Authority);
        var all = new Dictionary<string, string?>
        {
            ["AdobePass:BaseUrl"] = upstream,
            ["AdobePass:ManagementBaseUrl"] = upstream,
            ["AdobePass:ServiceProvider"] = "REF30",
            ["AdobePass:Pacing:Enabled"] = "false",
        };
        foreach (var (key, value) in settings ?? new Dictionary<string, string?>())
        {
            all[key] = value;
        }
        return new AdobePassHarness(emulator, time, all);
    }

    /// <summary>
    /// Another PassBroker instance, or this one after a restart: its own adapter and memory over the same emulator,
    /// clock and stores. Disposed with the harness.
    /// </summary>
    /// <param name="settings">Settings of this instance only, over the harness's.</param>
    /// <param name="services">More registrations for this instance (a capturing HTTP handler, say).</param>
    public IServiceProvider StartInstance(IReadOnlyDictionary<string, string?>? settings = null, Action<IServiceCollection>? services = null)
    {
        var host = Build(settings, services);
        _instances.Add(host);
        return host.Services;
    }

    private IHost Build(IReadOnlyDictionary<string, string?>? settings = null, Action<IServiceCollection>? services = null)
    {
        var builder = Host.CreateApplicationBuilder();
        builder.Configuration.AddInMemoryCollection(_settings);
        builder.Configuration.AddInMemoryCollection(settings ?? new Dictionary<string, string?>());
        services?.Invoke(builder.Services);
        builder.Services.AddSingleton<ISecretStore>(Secrets);
        builder.Services.AddSingleton(Time);
        builder.Services.AddSingleton<IDeviceStore>(Devices);
        builder.Services.AddSingleton<IManagementClientStore>(ManagementClients);
        builder.AddAdobePass();
        return builder.Build();
    }

    /// <summary>Registers a device upstream the way <c>DeviceRegistration</c> does and stores its record.</summary>
    public async Task<DeviceContext> RegisterAsync(string deviceId)
    {
        var record = TestDevices.Record(deviceId);
        var context = record.ToContext(TestDevices.Client);
        var credentials = await Client.RegisterClientAsync(context, CancellationToken.None);
        var token = await Client.RequestAccessTokenAsync(context, credentials, CancellationToken.None);
        await Devices.AddAsync(record with { Credentials = credentials, AccessToken = token }, CancellationToken.None);
        return context;
    }

    public async Task<DeviceRecord> RecordAsync(DeviceContext device) => (await Devices.FindAsync(device.DeviceKey, CancellationToken.None))!;

    public async ValueTask DisposeAsync()
    {
        foreach (var instance in _instances)
        {
            instance.Dispose();
        }
        _host.Dispose();
        await Emulator.DisposeAsync();
    }
}
