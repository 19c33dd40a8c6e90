using Microsoft.Extensions.DependencyInjection;
using PassBroker.AdobePass.Tests.Handlers;
using PassBroker.Core.Brands;
using PassBroker.Core.Devices;
using PassBroker.Core.Upstream;
using PassBroker.TestHelpers.Fakes;
using PassBroker.Testing.Hosting;

namespace PassBroker.AdobePass.Tests.Brands;

/// <summary>
/// Each upstream call speaks as the device's brand, against the emulator: the brand's software statement registers its
/// DCR clients, its service provider is in every path, and its own management client resets its Temp Pass.
/// </summary>
public sealed class AdobePassBrandTests : IAsyncLifetime
{
    private const string SportsStatement = "sports-software-statement";
    private readonly List<(string Path, string Body)> _sent = [];
    private AdobePassHarness _harness = null!;
    private IServiceProvider _instance = null!;

    public async Task InitializeAsync()
    {
        _harness = await AdobePassHarness.StartAsync(settings: new Dictionary<string, string?>
        {
            // Two apps of one channel: one service provider, a software statement each.
            ["Brands:sports:AdobePass:ServiceProvider"] = "REF30",
            ["Brands:sports:AdobePass:SoftwareStatementSecret"] = "sports-statement",
            // A brand on a service provider the emulator does not serve: its calls show whose path they take.
            ["Brands:news:AdobePass:ServiceProvider"] = "NEWS1",
        }, emulatorSettings: [$"--Emulator:SoftwareStatements:1={SportsStatement}"]);
        _harness.Secrets.Set("sports-statement", SportsStatement);
        _instance = _harness.StartInstance(services: services =>
            services.ConfigureHttpClientDefaults(client => client.AddHttpMessageHandler(() => new Recorder(_sent))));
    }

    public async Task DisposeAsync() => await _harness.DisposeAsync();

    private IAdobePassClient Client => _instance.GetRequiredService<IAdobePassClient>();

    [Fact]
    public async Task Registration_UsesTheBrandsSoftwareStatement()
    {
        await RegisterAsync("tv-1", BrandKeys.Default);
        await RegisterAsync("tv-1", "sports");

        var statements = Bodies("/o/client/register");
        Assert.Equal(2, statements.Count);
        Assert.Contains("dev-software-statement", statements[0], StringComparison.Ordinal);
        Assert.Contains(SportsStatement, statements[1], StringComparison.Ordinal);
        Assert.DoesNotContain("dev-software-statement", statements[1], StringComparison.Ordinal);
    }

    [Fact]
    public async Task EveryV2Call_NamesTheBrandsServiceProvider()
    {
        var news = await RegisterAsync("tv-1", "news");
        var main = await RegisterAsync("tv-1", BrandKeys.Default);

        await Assert.ThrowsAnyAsync<Exception>(() => Client.GetMvpdsAsync(news, CancellationToken.None));
        await Assert.ThrowsAnyAsync<Exception>(() => Client.GetProfilesAsync(news, CancellationToken.None));
        await Client.GetMvpdsAsync(main, CancellationToken.None);

        var v2 = _sent.Select(r => r.Path).Where(p => p.StartsWith("/api/v2/", StringComparison.Ordinal)).ToList();
        Assert.Equal(["/api/v2/NEWS1/configuration", "/api/v2/NEWS1/profiles", "/api/v2/REF30/configuration"], v2.Distinct());
    }

    [Fact]
    public async Task TempPassReset_UsesTheBrandsOwnManagementClient_StoredUnderTheBrand()
    {
        var reset = new TempPassReset("TempPass_REF30", false, null, null);

        Assert.Equal(204, await Client.ResetTempPassAsync(reset with { Brand = "sports" }, CancellationToken.None));
        Assert.Null(_harness.ManagementClients.Stored);
        var sports = _harness.ManagementClients.StoredFor("sports")!;
        Assert.Equal("sports", sports.Brand);
        Assert.Contains(SportsStatement, Assert.Single(Bodies("/o/client/register")), StringComparison.Ordinal);

        Assert.Equal(204, await Client.ResetTempPassAsync(reset, CancellationToken.None));
        Assert.Equal(204, await Client.ResetTempPassAsync(reset with { Brand = "sports" }, CancellationToken.None));

        var main = _harness.ManagementClients.Stored!;
        Assert.NotEqual(main.Credentials.ClientId, sports.Credentials.ClientId);
        Assert.Equal(2, _harness.Emulator.State().RegistrationCount);
        Assert.Equal(sports, _harness.ManagementClients.StoredFor("sports"));
    }

    private async Task<DeviceContext> RegisterAsync(string deviceId, string brand)
    {
        var record = TestDevices.Record(deviceId) with { DeviceKey = DeviceKeys.New(), Brand = brand };
        var context = record.ToContext(TestDevices.Client);
        var credentials = await Client.RegisterClientAsync(context, CancellationToken.None);
        var token = await Client.RequestAccessTokenAsync(context, credentials, CancellationToken.None);
        await _harness.Devices.AddAsync(record with { Credentials = credentials, AccessToken = token }, CancellationToken.None);
        return context;
    }

    private List<string> Bodies(string path) => [.. _sent.Where(r => r.Path == path).Select(r => r.Body)];

    // Outermost: it reads what the inner handlers and the wire get (the body buffered, so it is still there to send).
    private sealed class Recorder(List<(string, string)> sent) : DelegatingHandler
    {
        protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            var body = "";
            if (request.Content is { } content)
            {
                await content.LoadIntoBufferAsync(cancellationToken);
                body = await content.ReadAsStringAsync(cancellationToken);
            }
            lock (sent)
            {
                sent.Add((request.RequestUri!.AbsolutePath, body));
            }
            return await base.SendAsync(request, cancellationToken);
        }
    }
}
