using BenchmarkDotNet.Attributes;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using PassBroker.AdobePass;
using PassBroker.AdobePass.Handlers;
using PassBroker.Core.Devices;
using PassBroker.Core.InstanceCaching;
using PassBroker.Core.Secrets;
using PassBroker.TestHelpers.Fakes;

namespace PassBroker.Benchmarks.Micro;

/// <summary>
/// The warm lookups of an authorize: the device token against this instance's copy of the record (a SHA-256 and a
/// dictionary hit) and the device's DCR access token from memory. Neither may touch a table or the network.
/// </summary>
[MemoryDiagnoser]
public class TokenCacheBenchmarks
{
    private readonly DeviceContext _context = TestDevices.Record().ToContext(TestDevices.Client);
    private IHost _host = null!;
    private DeviceAuthenticator _authenticator = null!;
    private AccessTokenProvider _tokens = null!;
    private string _deviceToken = "";

    [GlobalSetup]
    public void Setup()
    {
        var builder = Host.CreateEmptyApplicationBuilder(new HostApplicationBuilderSettings());
        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["AdobePass:ServiceProvider"] = "REF30",
            ["AdobePass:BaseUrl"] = "http://127.0.0.1:9",
        });
        builder.Services.AddLogging();
        builder.Services.AddSingleton<IDeviceStore, InMemoryDeviceStore>();
        builder.Services.AddSingleton<ISecretStore>(new InMemorySecretStore().Set("software-statement", "statement"));
        builder.AddAdobePass();
        _host = builder.Build();

        var copies = _host.Services.GetRequiredService<DeviceRecordCopies>();
        var store = new CachingDeviceStore(_host.Services.GetRequiredService<IDeviceStore>(), copies);
        var (token, hash) = DeviceTokens.Issue(_context.DeviceKey);
        _deviceToken = token;
        var record = TestDevices.Record() with { DeviceTokenHash = hash, AccessToken = new AccessToken("access", DateTimeOffset.UtcNow.AddHours(6)) };
        store.AddAsync(record, CancellationToken.None).GetAwaiter().GetResult();
        _authenticator = new DeviceAuthenticator(store, copies);
        _tokens = _host.Services.GetRequiredService<AccessTokenProvider>();
        _tokens.GetTokenAsync(_context, null, CancellationToken.None).GetAwaiter().GetResult();
    }

    [GlobalCleanup]
    public void Cleanup() => _host.Dispose();

    [Benchmark]
    public Task<DeviceRecord> AuthenticateDeviceWarm() => _authenticator.AuthenticateAsync(_deviceToken, CancellationToken.None);

    [Benchmark]
    public Task<string> AccessTokenWarm() => _tokens.GetTokenAsync(_context, null, CancellationToken.None);
}
