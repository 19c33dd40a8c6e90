using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using PassBroker.Integration.Tests.Support;
using PassBroker.Testing.EndToEnd;
using PassBroker.Testing.EndToEnd.Contract;
using PassBroker.Testing.Hosting;
using PassBroker.Testing.Hosting.Azurite;

namespace PassBroker.Integration.Tests.Security;

/// <summary>
/// The device A/B matrix (<see cref="DeviceIsolationTests"/>, every test of it) with device B the same physical device
/// id as A, registered by a second brand's app: two devices that reach nothing of each other through any route, and
/// every upstream call for B's device made with B's brand's own DCR client.
/// </summary>
[Collection(AzuriteCollection.Name)]
public sealed class BrandIsolationTests(AzuriteFixture azurite) : DeviceIsolationTests(azurite)
{
    protected override Task<PassBrokerApplication> StartAsync(AzuriteFixture fixture) =>
        PassBrokerApplication.StartAsync(fixture, TestSettings.SecondBrandSettings);

    protected override Task<(HttpClient Client, string Token, string DeviceKey)> RegisterBAsync(PassBrokerApplication app) =>
        app.RegisterDeviceAsync("isolation-tv-a", TestSettings.SecondBrand);

    [Fact]
    public async Task SameDeviceIdUnderTwoBrands_IsTwoDevices_EachAnsweredWithItsBrand()
    {
        using var anonymous = App.CreateClient();

        var main = await anonymous.PostAsJsonAsync("/api/devices", TestRequests.Registration("brand-tv"));
        var sports = await anonymous.PostAsJsonAsync("/api/devices", TestRequests.Registration("brand-tv", TestSettings.SecondBrand));

        Assert.Equal((HttpStatusCode.Created, HttpStatusCode.Created), (main.StatusCode, sports.StatusCode));
        var (a, b) = (await main.Content.ReadFromJsonAsync<JsonElement>(), await sports.Content.ReadFromJsonAsync<JsonElement>());
        Assert.Equal(("default", "sports"), (a.GetProperty("brand").GetString(), b.GetProperty("brand").GetString()));
        Assert.NotEqual(a.GetProperty("deviceKey").GetString(), b.GetProperty("deviceKey").GetString());
    }

    [Fact]
    public async Task BrandBsDevice_EveryRoute_CallsAdobeOnlyWithItsBrandsClient()
    {
        var before = App.Upstream.Exchanges.Count;

        foreach (var (method, path, body) in DeviceRoutes.Select(r => ((string)r[0], (string)r[1], (string?)r[2])))
        {
            using var response = await B.SendAsync(Request(method, path, body));
            Assert.NotEqual(HttpStatusCode.InternalServerError, response.StatusCode);
        }

        var exchanges = App.Upstream.Exchanges;
        var sportsClients = ClientsRegisteredWith(exchanges, TestSettings.SecondBrandSoftwareStatement);
        var sportsTokens = TokensIssuedTo(exchanges, sportsClients);
        var calls = exchanges.Skip(before).Where(e => e.Path.StartsWith("/api/v2/", StringComparison.Ordinal)).ToList();
        Assert.NotEmpty(calls);
        Assert.All(calls, call =>
        {
            Assert.StartsWith("/api/v2/REF30/", call.Path, StringComparison.Ordinal);
            Assert.Contains((call.Header("Authorization") ?? "Bearer ")["Bearer ".Length..], sportsTokens);
        });
        // A's client was made with the default brand's statement, B's with its own.
        Assert.Single(sportsClients);
        Assert.Single(ClientsRegisteredWith(exchanges, TestSettings.SoftwareStatement));
    }

    [Fact]
    public async Task ReRegistration_NamingTheOtherBrand_IsRefusedAndTheDeviceKeepsWorking()
    {
        using var device = App.CreateClient(TokenA);

        var response = await device.PostAsJsonAsync("/api/devices", TestRequests.Registration("isolation-tv-a", TestSettings.SecondBrand));

        await ProblemAssert.IsProblemAsync(response, HttpStatusCode.Conflict, "brand_mismatch");
        // Nothing changed: the presented token still works, and a re-registration without a brand keeps the device's.
        Assert.Equal(HttpStatusCode.OK, (await device.GetAsync("/api/profiles")).StatusCode);
        var again = await device.PostAsJsonAsync("/api/devices", TestRequests.Registration("isolation-tv-a"));
        Assert.Equal(HttpStatusCode.OK, again.StatusCode);
        Assert.Equal("default", (await again.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("brand").GetString());
    }

    [Theory]
    [InlineData("news")]
    [InlineData("SPORTS")]
    [InlineData("sports~x")]
    public async Task Registration_UnknownBrand_IsUnknownBrand(string brand)
    {
        using var anonymous = App.CreateClient();
        var before = App.Upstream.Exchanges.Count;

        var response = await anonymous.PostAsJsonAsync("/api/devices", TestRequests.Registration("brand-tv", brand));

        await ProblemAssert.IsProblemAsync(response, HttpStatusCode.BadRequest, "unknown_brand");
        Assert.Equal(before, App.Upstream.Exchanges.Count);
    }

    private static List<string> ClientsRegisteredWith(IReadOnlyList<UpstreamExchange> exchanges, string statement) =>
    [
        .. exchanges.Where(e => e.Path == "/o/client/register" && e.Status is 200 or 201
                && JsonDocument.Parse(e.RequestText).RootElement.GetProperty("software_statement").GetString() == statement)
            .Select(e => JsonDocument.Parse(e.ResponseText).RootElement.GetProperty("client_id").GetString()!),
    ];

    private static HashSet<string> TokensIssuedTo(IReadOnlyList<UpstreamExchange> exchanges, List<string> clients) =>
    [
        .. exchanges.Where(e => e.Path == "/o/client/token" && e.Status is 200 or 201
                && clients.Any(c => e.RequestText.Contains("client_id=" + c, StringComparison.Ordinal)))
            .Select(e => JsonDocument.Parse(e.ResponseText).RootElement.GetProperty("access_token").GetString()!),
    ];
}
