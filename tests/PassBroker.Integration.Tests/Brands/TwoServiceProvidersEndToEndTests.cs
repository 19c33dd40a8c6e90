using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using PassBroker.Integration.Tests.Support;
using PassBroker.Testing.EndToEnd;
using PassBroker.Testing.Hosting;
using PassBroker.Testing.Hosting.Azurite;

namespace PassBroker.Integration.Tests.Brands;

/// <summary>
/// Issue 20's end state: one deployment, two brands on two Adobe service providers (the emulator's REF30 and REF31,
/// each with its own software statement, MVPDs and Temp Pass), and one physical device id in both brands' apps at once.
/// Over real HTTP with the DevHost, the emulator and Azurite: each installation sees its own provider's MVPDs, signs in,
/// authorizes and takes a trial on its own, and nothing either does is made with the other's identity upstream.
/// </summary>
[Collection(AzuriteCollection.Name)]
public sealed class TwoServiceProvidersEndToEndTests(AzuriteFixture azurite) : IAsyncLifetime
{
    private const string DeviceId = "shared-living-room-tv";
    private const string Second = "ref31";
    private PassBrokerApplication _app = null!;

    public async Task InitializeAsync() => _app = await PassBrokerApplication.StartAsync(azurite,
    [
        $"--Brands:{Second}:AdobePass:ServiceProvider={SecondServiceProvider.Id}",
        $"--Brands:{Second}:AdobePass:SoftwareStatementSecret=software-statement-{Second}",
        $"--Secrets:Values:software-statement-{Second}={SecondServiceProvider.SoftwareStatement}",
        $"--Brands:{Second}:TempPass:BasicMvpd={SecondServiceProvider.TempPassMvpd}",
        $"--Brands:{Second}:TempPass:PromotionalMvpd={SecondServiceProvider.PromotionalTempPassMvpd}",
        $"--Brands:{Second}:TempPass:IdentityKey={SecondServiceProvider.TempPassIdentityKey}",
        .. SecondServiceProvider.Settings(),
    ]);

    public async Task DisposeAsync() => await _app.DisposeAsync();

    [Fact]
    public async Task OneDeviceIdUnderTwoServiceProviders_SignsInAuthorizesAndTrialsPerBrand()
    {
        var (ofDefault, _, defaultKey) = await _app.RegisterDeviceAsync(DeviceId);
        var (ofSecond, _, secondKey) = await _app.RegisterDeviceAsync(DeviceId, Second);
        Assert.NotEqual(defaultKey, secondKey);

        // Each brand's picker is its own provider's line-up.
        Assert.Equal(["ExampleCable", "ExampleSat"], await MvpdsAsync(ofDefault));
        Assert.Equal([SecondServiceProvider.OwnMvpd, SecondServiceProvider.SharedMvpd], await MvpdsAsync(ofSecond));

        // Independent sign-ins on the MVPD both providers list: the first leaves the second brand's device signed out.
        await _app.SignInAsync(ofDefault, "carol", "carol-pw", SecondServiceProvider.SharedMvpd);
        Assert.Equal(0, (await ProfilesAsync(ofSecond)).GetArrayLength());
        await _app.SignInAsync(ofSecond, "carol", "carol-pw", SecondServiceProvider.SharedMvpd);
        Assert.Equal(1, (await ProfilesAsync(ofSecond)).GetArrayLength());

        // Authorize per brand.
        foreach (var device in new[] { ofDefault, ofSecond })
        {
            var decision = await device.PostAsJsonAsync("/api/decisions/authorize", new { resource = "show-1", mvpd = SecondServiceProvider.SharedMvpd });
            Assert.True(decision.IsSuccessStatusCode, await decision.Content.ReadAsStringAsync());
        }

        // Temp Pass per brand: each provider's own trial MVPD and length (REF30's lasts an hour, REF31's 30 minutes).
        var defaultTrial = await StartTrialAsync(ofDefault, "TempPass_REF30");
        var secondTrial = await StartTrialAsync(ofSecond, SecondServiceProvider.TempPassMvpd);
        Assert.Equal(_app.Time.GetUtcNow().AddHours(1), defaultTrial.GetProperty("expiresAt").GetDateTimeOffset(), TimeSpan.FromSeconds(1));
        Assert.Equal(_app.Time.GetUtcNow() + SecondServiceProvider.TempPassTtl, secondTrial.GetProperty("expiresAt").GetDateTimeOffset(), TimeSpan.FromSeconds(1));

        // Upstream: each provider's calls carried only its own brand's DCR tokens, so nothing crossed identities.
        // (The browser's MVPD login under /api/v2/authenticate carries no bearer: it is the person's, not the device's.)
        var tokens = _app.Upstream.Exchanges.Where(e => e.Path.StartsWith("/api/v2/", StringComparison.Ordinal) && e.Header("Authorization") is not null)
            .GroupBy(e => e.Path.Split('/')[3])
            .ToDictionary(g => g.Key, g => g.Select(e => e.Header("Authorization")).OfType<string>().ToHashSet());
        Assert.Equal(["REF30", SecondServiceProvider.Id], tokens.Keys.Order());
        Assert.NotEmpty(tokens["REF30"]);
        Assert.NotEmpty(tokens[SecondServiceProvider.Id]);
        Assert.Empty(tokens["REF30"].Intersect(tokens[SecondServiceProvider.Id]));
        Assert.DoesNotContain(_app.Upstream.Exchanges, e => e.Status == (int)HttpStatusCode.Unauthorized);
    }

    private static async Task<string[]> MvpdsAsync(HttpClient device)
    {
        var body = await device.GetFromJsonAsync<JsonElement>("/api/mvpds");
        return [.. body.GetProperty("mvpds").EnumerateArray().Select(m => m.GetProperty("id").GetString()!)];
    }

    private static async Task<JsonElement> ProfilesAsync(HttpClient device) =>
        (await device.GetFromJsonAsync<JsonElement>("/api/profiles")).GetProperty("profiles");

    /// <returns>The running trial as the app reads it back: its clock starts with its first play.</returns>
    private static async Task<JsonElement> StartTrialAsync(HttpClient device, string trialMvpd)
    {
        var started = await device.PostAsJsonAsync("/api/temppass", new { kind = "basic" });
        Assert.True(started.IsSuccessStatusCode, await started.Content.ReadAsStringAsync());
        Assert.Equal(trialMvpd, (await started.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("mvpd").GetString());
        var play = await device.PostAsJsonAsync("/api/decisions/authorize", new { resource = "news", mvpd = trialMvpd });
        Assert.True(play.IsSuccessStatusCode, await play.Content.ReadAsStringAsync());
        return await device.GetFromJsonAsync<JsonElement>("/api/temppass?kind=basic");
    }
}
