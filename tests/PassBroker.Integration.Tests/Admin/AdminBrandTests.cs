using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using Azure.Data.Tables;
using PassBroker.Integration.Tests.Support;
using PassBroker.Testing.EndToEnd;
using PassBroker.Testing.Hosting;
using PassBroker.Testing.Hosting.Azurite;

namespace PassBroker.Integration.Tests.Admin;

/// <summary>
/// The admin routes with two brands, over HTTP: a Temp Pass reset names its brand and runs with that brand's Temp Pass
/// MVPDs and management client; a key limited to a brand acts for that brand only and cannot re-seal (every brand's rows).
/// </summary>
[Collection(AzuriteCollection.Name)]
public sealed class AdminBrandTests(AzuriteFixture azurite) : IAsyncLifetime
{
    private const string SportsKey = "sports-admin-key-0123456789-0123456789";
    private PassBrokerApplication _app = null!;

    public async Task InitializeAsync() => _app = await PassBrokerApplication.StartAsync(azurite,
    [
        .. TestSettings.SecondBrandSettings,
        // The second brand bought no promotional Temp Pass.
        $"--Brands:{TestSettings.SecondBrand}:TempPass:PromotionalMvpd=",
        "--Admin:Keys:0:Secret=admin-key-sports",
        $"--Admin:Keys:0:Brands:0={TestSettings.SecondBrand}",
        $"--Secrets:Values:admin-key-sports={SportsKey}",
    ]);

    public async Task DisposeAsync() => await _app.DisposeAsync();

    [Fact]
    public async Task Reset_ForABrand_UsesItsOwnManagementClient_StoredUnderItsScopedKey()
    {
        Assert.Equal(HttpStatusCode.OK, (await ResetAsync(PassBrokerApplication.AdminKey, new { kind = "basic", all = true, brand = "sports" })).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await ResetAsync(PassBrokerApplication.AdminKey, new { kind = "basic", all = true })).StatusCode);

        var registrations = _app.Upstream.Exchanges.Where(e => e.Path == "/o/client/register").Select(e => e.RequestText).ToList();
        Assert.Equal(2, registrations.Count);
        Assert.Contains(TestSettings.SecondBrandSoftwareStatement, registrations[0], StringComparison.Ordinal);
        Assert.Contains(TestSettings.SoftwareStatement, registrations[1], StringComparison.Ordinal);
        var table = _app.RawTable("devices");
        var sports = (await table.GetEntityAsync<TableEntity>("sports~passbroker", "management-client")).Value.GetString("ClientId");
        var main = (await table.GetEntityAsync<TableEntity>("passbroker", "management-client")).Value.GetString("ClientId");
        Assert.NotEqual(main, sports);
        Assert.All(_app.Upstream.Exchanges.Where(e => e.Path.StartsWith("/reset-tempass/", StringComparison.Ordinal)),
            e => Assert.Contains("requestor_id=REF30", e.Query, StringComparison.Ordinal));
    }

    [Fact]
    public async Task Reset_OfAKindTheBrandDoesNotOffer_IsNotOffered_WhileTheDefaultBrandsWorks()
    {
        var sports = await ResetAsync(PassBrokerApplication.AdminKey, new { kind = "promotional", all = true, brand = "sports" });
        var main = await ResetAsync(PassBrokerApplication.AdminKey, new { kind = "promotional", all = true, brand = "default" });

        await ProblemAssert.IsProblemAsync(sports, HttpStatusCode.NotFound, "temppass_not_offered");
        Assert.Equal(HttpStatusCode.OK, main.StatusCode);
        Assert.Equal("TempPassPromo_REF30", (await main.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("mvpd").GetString());
    }

    [Fact]
    public async Task Reset_UnknownBrand_IsUnknownBrandWithoutCallingAdobe()
    {
        var response = await ResetAsync(PassBrokerApplication.AdminKey, new { kind = "basic", all = true, brand = "news" });

        await ProblemAssert.IsProblemAsync(response, HttpStatusCode.BadRequest, "unknown_brand");
        Assert.Empty(_app.Upstream.Exchanges);
    }

    [Fact]
    public async Task BrandLimitedKey_ActsForItsBrandOnly()
    {
        Assert.Equal(HttpStatusCode.OK, (await ResetAsync(SportsKey, new { kind = "basic", all = true, brand = "sports" })).StatusCode);

        await ProblemAssert.IsProblemAsync(await ResetAsync(SportsKey, new { kind = "basic", all = true }), HttpStatusCode.Forbidden, "admin_brand_not_allowed");
        await ProblemAssert.IsProblemAsync(await ResetAsync(SportsKey, new { kind = "basic", all = true, brand = "default" }),
            HttpStatusCode.Forbidden, "admin_brand_not_allowed");
        using var admin = Admin(SportsKey);
        await ProblemAssert.IsProblemAsync(await admin.PostAsJsonAsync("/api/admin/data-keys/reseal", new { }), HttpStatusCode.Forbidden, "admin_brand_not_allowed");
        // Only the allowed reset reached Adobe's reset API.
        Assert.Single(_app.Upstream.Exchanges, e => e.Path.StartsWith("/reset-tempass/", StringComparison.Ordinal));
    }

    [Fact]
    public async Task KeyForAllBrands_ReSealsEveryBrandsRows()
    {
        await _app.RegisterDeviceAsync("reseal-tv", TestSettings.SecondBrand);
        using var admin = Admin(PassBrokerApplication.AdminKey);

        var response = await admin.PostAsJsonAsync("/api/admin/data-keys/reseal", new { });

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(1, (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("scanned").GetInt32());
    }

    [Fact]
    public async Task WrongKey_IsStillInvalidAdminCredential()
    {
        await ProblemAssert.IsProblemAsync(await ResetAsync(SportsKey + "x", new { kind = "basic", all = true, brand = "sports" }),
            HttpStatusCode.Unauthorized, "invalid_admin_credential");
    }

    private async Task<HttpResponseMessage> ResetAsync(string key, object body)
    {
        using var admin = Admin(key);
        return await admin.PostAsJsonAsync("/api/admin/temppass/reset", body);
    }

    private HttpClient Admin(string key)
    {
        var client = _app.CreateClient();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", key);
        return client;
    }
}
