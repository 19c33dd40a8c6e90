using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using PassBroker.Integration.Tests.Observability;
using PassBroker.Integration.Tests.Support;
using PassBroker.Testing.EndToEnd;
using PassBroker.Testing.Hosting.Azurite;

namespace PassBroker.Integration.Tests.Brands;

/// <summary>
/// One device id, registered by the apps of two brands on one deployment (both on the emulator's one service provider,
/// as two apps of one channel may be): each installation gets its own brand's MVPD list, Temp Pass offer and
/// concurrent-play limit, and its brand in telemetry, over real HTTP with the DevHost, the emulator and Azurite.
/// </summary>
[Collection(AzuriteCollection.Name)]
public sealed class BrandSettingsEndToEndTests(AzuriteFixture azurite) : IAsyncLifetime
{
    private const string DeviceId = "living-room-tv";
    private const string Sports = "ref31";

    private readonly TelemetryCapture _telemetry = new();
    private PassBrokerApplication _app = null!;

    public async Task InitializeAsync() => _app = await PassBrokerApplication.StartAsync(azurite, builder =>
        {
            _telemetry.Configure(builder);
        },
        $"--Brands:{Sports}:AdobePass:ServiceProvider=REF30",
        $"--Brands:{Sports}:Brand:Name=Reference Sports",
        // The sports app lists no cable provider, offers no trial, and plays one title at a time (the default brand: 3).
        $"--Brands:{Sports}:Mvpds:Deny:0=ExampleCable",
        $"--Brands:{Sports}:TempPass:BasicMvpd=",
        $"--Brands:{Sports}:TempPass:PromotionalMvpd=",
        $"--Brands:{Sports}:Rules:ConcurrentPlays:MaxConcurrentPlays=1");

    public async Task DisposeAsync() => await _app.DisposeAsync();

    [Fact]
    public async Task SameDeviceIdUnderTwoBrands_GetsEachBrandsMvpdsTempPassAndPlayLimit()
    {
        // Arrange: the same physical device, once in each brand's app.
        var (ofDefault, _, defaultKey) = await _app.RegisterDeviceAsync(DeviceId);
        var (ofSports, _, sportsKey) = await _app.RegisterDeviceAsync(DeviceId, Sports);
        Assert.NotEqual(defaultKey, sportsKey);

        // MVPD pickers: each brand's filters.
        Assert.Equal(["ExampleCable", "ExampleSat"], await MvpdsAsync(ofDefault));
        Assert.Equal(["ExampleSat"], await MvpdsAsync(ofSports));
        var cable = await ofSports.PostAsJsonAsync("/api/authentication/sessions", new { mvpd = "ExampleCable" });
        Assert.Equal(HttpStatusCode.BadRequest, cable.StatusCode);

        // Temp Pass: offered by the default brand only; the sports app gets the documented refusal.
        var trial = await ofDefault.PostAsJsonAsync("/api/temppass", new { kind = "basic" });
        Assert.True(trial.IsSuccessStatusCode, await trial.Content.ReadAsStringAsync());
        var refused = await ofSports.PostAsJsonAsync("/api/temppass", new { kind = "basic" });
        Assert.Equal(HttpStatusCode.NotFound, refused.StatusCode);
        Assert.Equal("temppass_not_offered", (await refused.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("code").GetString());

        // Sign-ins are each installation's own: the sports app's device is not signed in by the other's.
        await _app.SignInAsync(ofDefault, "alice", "alice-pw", "ExampleCable");
        Assert.Equal("permit", await PlayAsync(ofDefault, "show-1"));
        var unsigned = await ofSports.PostAsJsonAsync("/api/decisions/authorize", new { resource = "show-1" });
        Assert.Equal(HttpStatusCode.Forbidden, unsigned.StatusCode);
        Assert.Equal("authentication_required", (await unsigned.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("code").GetString());
        await _app.SignInAsync(ofSports, "alice", "alice-pw", "ExampleSat");

        // Concurrent plays: each brand's limit, on the same device id.
        Assert.Equal(["permit", "permit"], [await PlayAsync(ofDefault, "show-2"), await PlayAsync(ofDefault, "show-3")]);
        Assert.Equal(["permit", "too_many_concurrent_plays"], [await PlayAsync(ofSports, "show-1"), await PlayAsync(ofSports, "show-2")]);

        // Telemetry names each device's brand by its public id: the sports app's deny is the sports brand's.
        TelemetryCapture.Flush(_app.DevHost.Services);
        var decisions = _telemetry.Points("passbroker.authorize.decisions");
        Assert.Contains(decisions, p => p["passbroker.brand"] == Sports && p["passbroker.reason"] == "too_many_concurrent_plays");
        Assert.DoesNotContain(decisions, p => p["passbroker.brand"] == "default" && p["passbroker.reason"] == "too_many_concurrent_plays");
        Assert.Equal(["default", Sports], decisions.Select(p => p["passbroker.brand"]).Distinct().Order());
        Assert.Contains(_telemetry.Points("passbroker.upstream.duration"), p => p["passbroker.brand"] == Sports);
    }

    private static async Task<List<string>> MvpdsAsync(HttpClient device) =>
        [.. (await device.GetFromJsonAsync<JsonElement>("/api/mvpds")).GetProperty("mvpds").EnumerateArray().Select(m => m.GetProperty("id").GetString()!)];

    private static async Task<string> PlayAsync(HttpClient device, string resource)
    {
        var response = await device.PostAsJsonAsync("/api/decisions/authorize", new { resource });
        var json = await response.Content.ReadAsStringAsync();
        Assert.True(response.IsSuccessStatusCode, $"authorize answered {(int)response.StatusCode}: {json}");
        var decision = JsonDocument.Parse(json).RootElement;
        return decision.GetProperty("decision").GetString() == "permit" ? "permit" : decision.GetProperty("reason").GetProperty("code").GetString()!;
    }
}
