using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;
using PassBroker.Core.Sessions;
using PassBroker.DevHost;
using PassBroker.TestHelpers.Fakes;
using PassBroker.Testing.EndToEnd.Contract;
using PassBroker.Testing.Hosting;
using PassBroker.Testing.Hosting.Azurite;
using PassBroker.Testing.Hosting.Storage;

namespace PassBroker.Testing.EndToEnd;

/// <summary>
/// The whole product on one machine, over real HTTP: the DevHost surface, the Adobe Pass emulator and Azurite, on one
/// fake clock so that polling and expiry take milliseconds. Each application gets its own tables.
/// </summary>
public sealed class PassBrokerApplication : IAsyncDisposable
{
    public const string DeviceIp = "198.51.100.23";
    public const int MaxResourcesBodyBytes = 64 * 1024;
    public const string AdminKey = TestSettings.AdminKey;
    public const string SignedOutUrl = TestSettings.SignedOutUrl;
    public const string DataKey = TestSettings.DataKey;
    public const string SoftwareStatement = TestSettings.SoftwareStatement;
    public const string BlockedResource = TestSettings.BlockedResource;
    private readonly string _tablePrefix = "t" + Guid.NewGuid().ToString("N")[..10];

    /// <summary>Put before each table name: this application's tables are its own.</summary>
    public string TablePrefix => _tablePrefix;
    private readonly AzuriteFixture _azurite;
    private string[] _settings = [];
    private Action<WebApplicationBuilder>? _configure;

    private PassBrokerApplication(AzuriteFixture azurite, TimeProvider clock, RunningApp emulator, UpstreamExchangeRecorder upstream)
    {
        _azurite = azurite;
        Clock = clock;
        Emulator = emulator;
        Upstream = upstream;
    }

    /// <summary>Every exchange that reached the emulator's Adobe APIs, recorded at its door.</summary>
    public UpstreamExchangeRecorder Upstream { get; }

    /// <summary>
    /// Whether <see cref="DisposeAsync"/> checks the recorded exchanges against Adobe's contract (<see cref="UpstreamContract"/>).
    /// On for every test: a test turns it off only with a reason stated where it does.
    /// </summary>
    public bool ChecksUpstreamContract { get; set; } = true;

    /// <summary>The clock DevHost and emulator share: an <see cref="ObservedClock"/> unless started in real time.</summary>
    public TimeProvider Clock { get; }

    /// <summary>The fake clock as the hosts see it, to wait for the timers they arm (not available in real time).</summary>
    public ObservedClock Observed => (ObservedClock)Clock;

    /// <summary>The fake clock, to move it (not available in real time).</summary>
    public FakeTimeProvider Time => Observed.Fake;

    /// <summary>Every log line the DevHost wrote, at every level, across restarts.</summary>
    public CapturingLoggerProvider Logs { get; } = new();
    public RunningApp Emulator { get; }

    /// <summary>The DevHost's Table Storage requests, read and write, across restarts; not the shards' rounds, which read
    /// their table on their own clock.</summary>
    public TableOperationCounter TableOperations { get; } = new("pendingsignins");
    public RunningApp DevHost { get; private set; } = null!;

    /// <param name="azurite">The shared Azurite.</param>
    /// <param name="settings">
    /// More settings, <c>--Section:Key=value</c>, over the test defaults: <c>--Emulator:…</c> ones go to the emulator (as the
    /// DevHost forwards its Emulator section), the rest to the DevHost.
    /// </param>
    public static Task<PassBrokerApplication> StartAsync(AzuriteFixture azurite, params string[] settings) => StartAsync(azurite, null, settings);

    /// <param name="azurite">The shared Azurite.</param>
    /// <param name="configure">Runs after the test defaults: a test adds exporters or log providers here.</param>
    /// <param name="settings">More settings, as for <see cref="StartAsync(AzuriteFixture, string[])"/>.</param>
    public static Task<PassBrokerApplication> StartAsync(AzuriteFixture azurite, Action<WebApplicationBuilder>? configure, params string[] settings) =>
        StartOnClockAsync(azurite, new ObservedClock(new FakeTimeProvider(DateTimeOffset.UtcNow)), configure, settings);

    /// <summary>Like <see cref="StartAsync(AzuriteFixture, string[])"/>, on the real clock: for runs that measure real waits (faults, throttling).</summary>
    /// <param name="azurite">The shared Azurite.</param>
    /// <param name="settings">More settings, as for <see cref="StartAsync(AzuriteFixture, string[])"/>.</param>
    public static Task<PassBrokerApplication> StartRealTimeAsync(AzuriteFixture azurite, params string[] settings) =>
        StartOnClockAsync(azurite, TimeProvider.System, null, settings);

    private static async Task<PassBrokerApplication> StartOnClockAsync(
        AzuriteFixture azurite, TimeProvider clock, Action<WebApplicationBuilder>? configure, string[] settings)
    {
        var forEmulator = settings.Where(IsEmulatorSetting).ToArray();
        var upstream = new UpstreamExchangeRecorder();
        var emulator = await EmulatorHost.StartOnClockAsync(clock, services => services.AddSingleton<IStartupFilter>(upstream),
            [$"--Emulator:MetadataEncryption:Certificate={TestCertificates.Primary.PublicDerBase64}", .. forEmulator]);
        var app = new PassBrokerApplication(azurite, clock, emulator, upstream)
        {
            _settings = settings.Where(s => !IsEmulatorSetting(s)).ToArray(),
            _configure = configure,
        };
        app.DevHost = await app.StartDevHostAsync();
        return app;
    }

    /// <summary>
    /// Like <see cref="StartAsync(AzuriteFixture, string[])"/>, on a port chosen before start, for a real browser: the MVPD login's and logout's
    /// redirect URLs and the second-screen URL must name the DevHost's own address, and those settings are read once, at start.
    /// </summary>
    /// <param name="azurite">The shared Azurite.</param>
    /// <param name="settings">More DevHost settings, <c>--Section:Key=value</c>.</param>
    public static Task<PassBrokerApplication> StartOnOwnPortAsync(AzuriteFixture azurite, params string[] settings)
    {
        var port = LoopbackPorts.Free();
        var origin = $"http://127.0.0.1:{port}";
        // Later arguments win, so these replace the defaults' port 0 and redirect URLs.
        return StartAsync(azurite, [$"--urls={origin}", $"--SignIn:RedirectUrl={origin}/authn/done", $"--SignIn:LogoutRedirectUrl={origin}/authn/signed-out",
            $"--SecondScreen:PublicBaseUrl={origin}", .. settings]);
    }

    private static bool IsEmulatorSetting(string setting) => setting.StartsWith("--Emulator:", StringComparison.Ordinal);

    /// <summary>Stops the DevHost (as a crash or deployment would) and starts a new one on the same storage and clock.</summary>
    /// <param name="moreSettings">Settings added from this start on (a deployment that changes configuration).</param>
    public async Task RestartDevHostAsync(params string[] moreSettings)
    {
        _settings = [.. _settings, .. moreSettings];
        await DevHost.DisposeAsync();
        DevHost = await StartDevHostAsync();
    }

    private Task<RunningApp> StartDevHostAsync() => RunningApp.StartAsync(urls => DevHostApp.Create(
    [
        urls,
        "--DevHost:StartEmulator=false",
        "--DevHost:StartAzurite=false",
        .. TestSettings.For(Emulator.BaseAddress, _azurite.ConnectionString, _tablePrefix).AsArguments(),
        "--SignIn:PollInterval=00:00:15",
        // Retries of `retry` items wait on the clock; the pause itself is unit-tested, here it would need a clock driver.
        "--Decisions:RetryDelay=00:00:00",
        // Small enough that a body over it is one Kestrel still drains: a multi-megabyte body is cut off mid-upload.
        $"--Http:MaxResourcesBodyBytes={MaxResourcesBodyBytes}",
        "--Logging:LogLevel:Default=Trace",
        .. _settings,
    ], builder =>
    {
        builder.Services.AddSingleton(Clock);
        TableOperations.CountIn(builder.Services);
        builder.Logging.ClearProviders().AddProvider(Logs);
        _configure?.Invoke(builder);
    }));

    /// <summary>A client that speaks for a device at <paramref name="ip"/> (default <see cref="DeviceIp"/>), through the trusted loopback proxy.</summary>
    public HttpClient CreateClient(string? deviceToken = null, int port = 51734, string ip = DeviceIp)
    {
        var client = DevHost.CreateClient();
        client.DefaultRequestHeaders.Add("X-Forwarded-For", $"{ip}:{port}");
        if (deviceToken is not null)
        {
            client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", deviceToken);
        }
        return client;
    }

    /// <summary>Registers a device and returns a client carrying its token.</summary>
    /// <param name="deviceId">The device's id.</param>
    /// <param name="brand">The brand's public id (<see cref="TestSettings.SecondBrand"/>); null for the default brand.</param>
    public async Task<(HttpClient Client, string Token, string DeviceKey)> RegisterDeviceAsync(string deviceId, string? brand = null)
    {
        using var anonymous = CreateClient();
        var response = await anonymous.PostAsJsonAsync("/api/devices", TestRequests.Registration(deviceId, brand));
        response.EnsureSuccessStatusCode();
        var body = await response.Content.ReadFromJsonAsync<RegistrationBody>();
        return (CreateClient(body!.DeviceToken), body.DeviceToken, body.DeviceKey);
    }

    /// <summary>Registers a device again, with proof: its current token. Returns a client carrying the new token.</summary>
    public async Task<(HttpClient Client, string Token, string DeviceKey)> ReRegisterDeviceAsync(string deviceId, string deviceToken)
    {
        using var device = CreateClient(deviceToken);
        var response = await device.PostAsJsonAsync("/api/devices", TestRequests.Registration(deviceId));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var body = await response.Content.ReadFromJsonAsync<RegistrationBody>();
        return (CreateClient(body!.DeviceToken), body.DeviceToken, body.DeviceKey);
    }

    /// <summary>Signs the device in as a user would: a session, the MVPD login in a browser, the poll that notices.</summary>
    /// <returns>The session's code.</returns>
    public async Task<string> SignInAsync(HttpClient device, string username, string password, string mvpd = "ExampleCable")
    {
        var started = await device.PostAsJsonAsync("/api/authentication/sessions", new { mvpd });
        Assert.Equal(HttpStatusCode.Accepted, started.StatusCode);
        var session = await started.Content.ReadFromJsonAsync<JsonElement>();
        var code = session.GetProperty("code").GetString()!;
        await BrowserLogin.SignInAsync(session.GetProperty("loginUrl").GetString()!, username, password);

        var waiting = device.GetFromJsonAsync<JsonElement>($"/api/authentication/sessions/{code}?wait=30");
        await AdvanceAsync(TimeSpan.FromSeconds(15));
        var status = await waiting.WaitAsync(TimeSpan.FromSeconds(20));
        Assert.Equal("authenticated", status.GetProperty("status").GetString());
        return code;
    }

    /// <summary>One of this application's tables as the SDK sees it, bypassing the stores: to read rows as stored.</summary>
    public Azure.Data.Tables.TableClient RawTable(string logicalName) =>
        new Azure.Data.Tables.TableServiceClient(_azurite.ConnectionString).GetTableClient(_tablePrefix + logicalName);

    /// <summary>
    /// Every row of every table this application wrote (its prefix), one text per row with each property as
    /// <c>name=value</c> (binary values as Base64 and as UTF-8), unescaped so a scan finds a secret however it is spelt in JSON.
    /// </summary>
    public async Task<List<string>> StoredRowsAsync()
    {
        var service = new Azure.Data.Tables.TableServiceClient(_azurite.ConnectionString);
        var rows = new List<string>();
        await foreach (var table in service.QueryAsync())
        {
            if (!table.Name.StartsWith(_tablePrefix, StringComparison.Ordinal))
            {
                continue;
            }
            await foreach (var entity in service.GetTableClient(table.Name).QueryAsync<Azure.Data.Tables.TableEntity>())
            {
                rows.Add($"{table.Name}: " + string.Join("; ", entity.Select(p => p.Value is byte[] bytes
                    ? $"{p.Key}={Convert.ToBase64String(bytes)} {System.Text.Encoding.UTF8.GetString(bytes)}"
                    : $"{p.Key}={p.Value}")));
            }
        }
        return rows;
    }

    /// <summary>
    /// Moves the shared clock. It does not wait for what came due: a test waits for what it expects to follow, through
    /// the product's own signal where there is one (a long poll answers once the workflow's round writes the sign-in;
    /// an expiry is decided when a request reads the clock), else through <see cref="ObservedClock.TimersArmedAsync"/>.
    /// </summary>
    public Task AdvanceAsync(TimeSpan by)
    {
        Time.Advance(by);
        return Task.CompletedTask;
    }

    /// <summary>
    /// Moves the clock to a pending sign-in's deadline, <paramref name="by"/> from now, so that it is expired in either
    /// polling shape. Under the shards (SignIn:PollingShape) it moves one interval more, since a shard expires a sign-in
    /// at its slot's first tick at or after the deadline; but only once a round after the first move has polled a
    /// sign-in (its status line, Debug), so no upstream call is in flight when the clock jumps past its timeouts.
    /// </summary>
    public async Task AdvancePastDeadlineAsync(TimeSpan by)
    {
        var options = DevHost.Services.GetRequiredService<IOptions<SignInOptions>>().Value;
        var polledBefore = PolledRounds();
        await AdvanceAsync(by);
        if (options.PollingShape != SignInPollingShape.Sharded)
        {
            return;
        }
        using var patience = new CancellationTokenSource(TimeSpan.FromSeconds(20));
        while (PolledRounds() == polledBefore)
        {
            await Task.Delay(20, patience.Token);
        }
        await AdvanceAsync(options.PollInterval);
    }

    private int PolledRounds() => Logs.Lines.Count(l => l.Contains("\"Polled\":", StringComparison.Ordinal) && !l.Contains("\"Polled\":0", StringComparison.Ordinal));

    /// <summary>Stops both hosts, then checks every upstream exchange of the run against Adobe's contract.</summary>
    public async ValueTask DisposeAsync()
    {
        await DevHost.DisposeAsync();
        await Emulator.DisposeAsync();
        if (ChecksUpstreamContract)
        {
            UpstreamContract.ForTests.Check(Upstream.Exchanges).AssertKept();
        }
    }

    private sealed record RegistrationBody(string DeviceKey, string DeviceToken);
}
