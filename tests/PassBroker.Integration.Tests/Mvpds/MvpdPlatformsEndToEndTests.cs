using System.Net.Http.Json;
using System.Text.Json;
using PassBroker.Integration.Tests.Support;
using PassBroker.Testing.EndToEnd;
using PassBroker.Testing.Hosting.Azurite;

namespace PassBroker.Integration.Tests.Mvpds;

/// <summary>
/// Adobe's configuration is per platform: PassBroker caches it per platform (osName, primaryHardwareType,
/// applicationId), so two devices of different platforms see each its own list through <c>GET /api/mvpds</c>.
/// </summary>
[Collection(AzuriteCollection.Name)]
public sealed class MvpdPlatformsEndToEndTests(AzuriteFixture azurite) : IAsyncLifetime
{
    private PassBrokerApplication _app = null!;

    public async Task InitializeAsync() => _app = await PassBrokerApplication.StartAsync(
        azurite,
        "--Emulator:Platforms:0:Name=roku",
        "--Emulator:Platforms:0:OsName=Roku OS",
        "--Emulator:Platforms:0:Mvpds:0=ExampleSat");

    public async Task DisposeAsync() => await _app.DisposeAsync();

    [Fact]
    public async Task GetMvpds_TwoPlatforms_EachGetsItsOwnList()
    {
        // Arrange
        var (androidTv, _, _) = await _app.RegisterDeviceAsync("android-tv-1");
        using var roku = await RegisterAsync("roku-1", new
        {
            primaryHardwareType = "MediaPlayer", model = "Ultra", version = "4800", osName = "Roku OS", osVersion = "12", connectionType = "WiFi",
        });

        // Act
        var androidIds = await MvpdIdsAsync(androidTv);
        var rokuIds = await MvpdIdsAsync(roku);

        // Assert
        Assert.Equal(["ExampleCable", "ExampleSat"], androidIds);
        Assert.Equal(["ExampleSat"], rokuIds);
    }

    private async Task<HttpClient> RegisterAsync(string deviceId, object deviceInfo)
    {
        using var anonymous = _app.CreateClient();
        var response = await anonymous.PostAsJsonAsync("/api/devices", new { deviceId, deviceInfo });
        response.EnsureSuccessStatusCode();
        var token = (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("deviceToken").GetString()!;
        return _app.CreateClient(token);
    }

    private static async Task<string[]> MvpdIdsAsync(HttpClient device) =>
        [.. (await device.GetFromJsonAsync<JsonElement>("/api/mvpds")).GetProperty("mvpds").EnumerateArray().Select(m => m.GetProperty("id").GetString()!)];
}
