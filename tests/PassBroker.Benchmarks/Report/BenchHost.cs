using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Http;
using Microsoft.Extensions.Logging;
using PassBroker.Core.Decisions;
using PassBroker.Core.Decisions.Rules;
using PassBroker.DevHost;
using PassBroker.Emulator;
using PassBroker.Testing.Hosting;
using PassBroker.Testing.Hosting.Azurite;
using PassBroker.Testing.Hosting.Storage;

namespace PassBroker.Benchmarks.Report;

/// <summary>
/// What one measurement runs on: Azurite (its own node process, in memory), the emulator and the DevHost (each an
/// ASP.NET Core app in this process, logging at Warning), the DevHost's Table requests counted in its client pipeline.
/// </summary>
internal sealed class BenchHost : IAsyncDisposable
{
    private readonly AzuriteFixture _azurite;
    private readonly string _tablePrefix;
    private readonly TimeSpan _pollInterval;

    private readonly bool _probes;

    private BenchHost(AzuriteFixture azurite, RunningApp emulator, UpstreamRecorder upstream, string tablePrefix, TimeSpan pollInterval, bool probes)
    {
        _probes = probes;
        _azurite = azurite;
        Emulator = emulator;
        Upstream = upstream;
        _tablePrefix = tablePrefix;
        _pollInterval = pollInterval;
    }

    public RunningApp Emulator { get; }
    public RunningApp DevHost { get; private set; } = null!;
    public UpstreamRecorder Upstream { get; }
    public TableOperationCounter Tables { get; } = new();

    /// <summary>PassBroker's own time per request in <see cref="DevHost"/> (benchmark only).</summary>
    public OwnTimeProbe OwnTime { get; } = new();

    /// <summary>Put before this host's table names.</summary>
    public string TablePrefix => _tablePrefix;

    /// <param name="azurite">The run's Azurite.</param>
    /// <param name="tablePrefix">Own tables, so pending sign-ins of one measurement never resume in another.</param>
    /// <param name="pollInterval">SignIn:PollInterval.</param>
    /// <param name="probes">Add the own-time probe to the DevHost; without it the DevHost is as shipped (the allocation harness).</param>
    public static async Task<BenchHost> StartAsync(AzuriteFixture azurite, string tablePrefix, TimeSpan pollInterval, bool probes = true)
    {
        var upstream = new UpstreamRecorder();
        var emulator = await RunningApp.StartAsync(urls => EmulatorApp.Create(
            [urls, "--Logging:LogLevel:Default=Warning", "--Emulator:MaxRecordedMediaTokens=0"],
            services => services.AddSingleton<IStartupFilter>(upstream)));
        var host = new BenchHost(azurite, emulator, upstream, tablePrefix, pollInterval, probes);
        host.DevHost = await host.StartDevHostAsync();
        return host;
    }

    /// <summary>A new DevHost instance on the same tables: nothing in memory, as after a deployment or a scale-out.</summary>
    public async Task RestartDevHostAsync()
    {
        await DevHost.DisposeAsync();
        DevHost = await StartDevHostAsync();
    }

    /// <summary>
    /// A second DevHost on the same tables without the concurrent-plays rule: the same authorize without the rule's
    /// work and lease writes, to show what the rule costs under load. The caller disposes it.
    /// </summary>
    /// <param name="ownTime">Its own-time probe.</param>
    public Task<RunningApp> StartDevHostWithoutPlaysRuleAsync(OwnTimeProbe ownTime) => StartDevHostAsync(ownTime, withoutPlaysRule: true);

    private Task<RunningApp> StartDevHostAsync(OwnTimeProbe? ownTime = null, bool withoutPlaysRule = false)
    {
        var probe = ownTime ?? OwnTime;
        var upstream = Emulator.BaseAddress.GetLeftPart(UriPartial.Authority);
        return RunningApp.StartAsync(urls => DevHostApp.Create(
        [
            urls,
            "--DevHost:StartEmulator=false",
            "--DevHost:StartAzurite=false",
            $"--AdobePass:BaseUrl={upstream}",
            $"--AdobePass:ManagementBaseUrl={upstream}",
            "--AdobePass:ServiceProvider=REF30",
            "--Secrets:Values:software-statement=dev-software-statement",
            // Adobe's per-IP budget is 1 request/s: paced, a load run would measure the pacer's 429s, not PassBroker.
            "--AdobePass:Pacing:Enabled=false",
            // Likewise PassBroker's own per-client limits: every simulated device calls from loopback.
            "--Limits:RegistrationsPerClient=100000",
            "--Limits:RegistrationsPerInstance=1000000",
            "--Limits:SignInsPerClient=100000",
            "--Limits:SignInsPerInstance=1000000",
            $"--Storage:ConnectionString={_azurite.ConnectionString}",
            $"--Storage:TablePrefix={_tablePrefix}",
            "--Storage:DataKeys:Current=bench1",
            "--Storage:DataKeys:Keys:bench1=AAECAwQFBgcICQoLDA0ODxAREhMUFRYXGBkaGxwdHh8=",
            $"--SignIn:PollInterval={_pollInterval:c}",
            "--SignIn:RedirectUrl=http://127.0.0.1/authn/done",
            "--Logging:LogLevel:Default=Warning",
        ], builder =>
        {
            Tables.CountIn(builder.Services);
            if (_probes)
            {
                builder.Services.AddSingleton<IStartupFilter>(probe);
                // Added after PassBroker's own handlers, so innermost: it times the exchange on the wire only.
                builder.Services.ConfigureAll<HttpClientFactoryOptions>(options =>
                    options.HttpMessageHandlerBuilderActions.Add(handlers => handlers.AdditionalHandlers.Add(OwnTimeProbe.UpstreamTimer())));
            }
            if (withoutPlaysRule)
            {
                builder.Services.RemoveAll<IAuthorizationRule>();
                builder.Services.AddSingleton<IAuthorizationRule, ResourceAccessRule>();
            }
            builder.Logging.SetMinimumLevel(LogLevel.Warning);
        }));
    }

    public HttpClient Client(string? deviceToken = null)
    {
        var client = DevHost.CreateClient();
        if (deviceToken is not null)
        {
            client.DefaultRequestHeaders.Authorization = new("Bearer", deviceToken);
        }
        return client;
    }

    /// <returns>The device's token.</returns>
    /// <param name="deviceId">The device's id.</param>
    /// <param name="deviceToken">Its current token, to register it again (null: a new installation).</param>
    public async Task<string> RegisterAsync(string deviceId, string? deviceToken = null)
    {
        using var client = Client(deviceToken);
        var response = await client.PostAsJsonAsync("/api/devices", TestRequests.Registration(deviceId));
        response.EnsureSuccessStatusCode();
        return (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("deviceToken").GetString()!;
    }

    /// <returns>The session's code and login URL.</returns>
    public static async Task<(string Code, string LoginUrl)> StartSignInAsync(HttpClient device)
    {
        var response = await device.PostAsJsonAsync("/api/authentication/sessions", new { mvpd = "ExampleCable" });
        response.EnsureSuccessStatusCode();
        var session = await response.Content.ReadFromJsonAsync<JsonElement>();
        return (session.GetProperty("code").GetString()!, session.GetProperty("loginUrl").GetString()!);
    }

    /// <summary>Long-polls the status until it is no longer pending.</summary>
    public static async Task<string> WaitForSignInAsync(HttpClient device, string code)
    {
        while (true)
        {
            var status = (await device.GetFromJsonAsync<JsonElement>($"/api/authentication/sessions/{code}?wait=30")).GetProperty("status").GetString()!;
            if (status != "pending")
            {
                return status;
            }
        }
    }

    /// <summary>Registers a device and signs it in as alice.</summary>
    /// <returns>The device token.</returns>
    public async Task<string> SignedInDeviceAsync(string deviceId)
    {
        var token = await RegisterAsync(deviceId);
        using var device = Client(token);
        var (code, loginUrl) = await StartSignInAsync(device);
        await BrowserLogin.SignInAsync(loginUrl, "alice", "alice-pw");
        var status = await WaitForSignInAsync(device, code);
        return status == "authenticated" ? token : throw new InvalidOperationException($"Sign-in ended {status}.");
    }

    public async ValueTask DisposeAsync()
    {
        await DevHost.DisposeAsync();
        await Emulator.DisposeAsync();
    }
}
