using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Time.Testing;
using PassBroker.Core.Devices;
using PassBroker.Core.Secrets;
using PassBroker.Core.Upstream;
using PassBroker.TestHelpers.Fakes;
using PassBroker.TestHelpers.Hosting;

namespace PassBroker.AdobePass.Tests.Handlers;

/// <summary>The AdobePass adapter as the hosts wire it, calling the emulator over real HTTP, both on one fake clock.</summary>
internal sealed class AdobePassHarness : IAsyncDisposable
{
    private readonly IHost _host;

    private AdobePassHarness(IHost host, RunningApp emulator, FakeTimeProvider time)
    {
        _host = host;
        Emulator = emulator;
        Time = time;
    }

    public FakeTimeProvider Time { get; }
    public RunningApp Emulator { get; }
    public InMemoryDeviceStore Devices => (InMemoryDeviceStore)_host.Services.GetRequiredService<IDeviceStore>();
    public IAdobePassClient Client => _host.Services.GetRequiredService<IAdobePassClient>();

    public static async Task<AdobePassHarness> StartAsync()
    {
        var time = new FakeTimeProvider(DateTimeOffset.UtcNow);
        var emulator = await EmulatorHost.StartAsync(time);
        var builder = Host.CreateApplicationBuilder();
        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["AdobePass:BaseUrl"] = emulator.BaseAddress.GetLeftPart(UriPartial.Authority),
            ["AdobePass:ServiceProvider"] = "REF30",
        });
        builder.Services.AddSingleton<ISecretStore>(new InMemorySecretStore().Set("software-statement", "dev-software-statement"));
        builder.Services.AddSingleton<TimeProvider>(time);
        builder.Services.AddSingleton<IDeviceStore, InMemoryDeviceStore>();
        builder.AddAdobePass();
        return new AdobePassHarness(builder.Build(), emulator, time);
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
        _host.Dispose();
        await Emulator.DisposeAsync();
    }
}
