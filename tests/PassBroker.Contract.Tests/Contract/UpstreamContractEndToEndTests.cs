using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using PassBroker.Contract.Tests.Support;
using PassBroker.Emulator.Infrastructure;
using PassBroker.Testing.EndToEnd;
using PassBroker.Testing.EndToEnd.Contract;
using PassBroker.Testing.Hosting;
using PassBroker.Testing.Hosting.Azurite;

namespace PassBroker.Contract.Tests.Contract;

/// <summary>
/// Every upstream exchange of PassBroker's whole surface, checked against Adobe's contract (<see cref="UpstreamContract"/>):
/// register, MVPD list, sign-in on both screens (the second screen picking the MVPD), profiles, preauthorize, authorize,
/// logout, Temp Pass, promotional Temp Pass and the operators' resets, through v3 and the retired v2.1. Each run must
/// reach every endpoint of the header table, so a flow that stops calling one fails here too.
/// </summary>
[Collection(AzuriteCollection.Name)]
public sealed class UpstreamContractEndToEndTests(AzuriteFixture azurite)
{
    private static readonly string[] ResetV21 = ["/reset-tempass/v2.1/reset", "/reset-tempass/v2.1/reset/generic"];
    private static readonly string[] ResetV3 = ["/reset-tempass/v3/reset", "/reset-tempass/v3/reset/generic"];

    [Theory]
    [InlineData("v3")]
    [InlineData("v2.1")]
    public async Task WholeSurface_EveryUpstreamExchange_KeepsAdobesContract(string resetVersion)
    {
        // Arrange
        await using var app = await PassBrokerApplication.StartAsync(azurite, $"--AdobePass:TempPassResetVersion={resetVersion}");

        // Act
        await WalkEverythingAsync(app);

        // Assert
        var report = UpstreamContract.ForTests.Check(app.Upstream.Exchanges);
        report.AssertKept();
        var otherVersion = resetVersion == "v3" ? ResetV21 : ResetV3;
        var expected = RequiredHeaders.Endpoints.Where(e => !e.UserAgentOnly && !otherVersion.Contains(e.Route)).Select(e => $"{e.Method} {e.Route}");
        Assert.Equal(expected.Order(), report.Covered.Select(e => $"{e.Method} {e.Route}").Order());
        Assert.Contains(report.Excluded, e => e.Reason == "opened by the user agent");

        // Every body goes with its length, not chunked: gateways in front of an API may refuse chunked requests, and a
        // length lets Adobe's side size its read. (A body of a few hundred bytes gains nothing from streaming.)
        var bodies = app.Upstream.Exchanges.Where(e => e.RequestBody.Length > 0).ToList();
        Assert.Contains(bodies, e => e.Path.Contains("/decisions/authorize/", StringComparison.Ordinal));
        Assert.All(bodies, e => Assert.True(
            e.Header("Transfer-Encoding") is null && e.Header("Content-Length") == e.RequestBody.Length.ToString(System.Globalization.CultureInfo.InvariantCulture),
            $"{e} was sent with Transfer-Encoding '{e.Header("Transfer-Encoding")}' and Content-Length '{e.Header("Content-Length")}'"));
    }

    private static async Task WalkEverythingAsync(PassBrokerApplication app)
    {
        // Primary screen: register, the picker, a sign-in with the MVPD chosen on the TV, profiles, decisions, logout.
        var (tv, _, _) = await app.RegisterDeviceAsync("contract-tv");
        Assert.Equal(HttpStatusCode.OK, (await tv.GetAsync("/api/mvpds")).StatusCode);
        await app.SignInAsync(tv, "alice", "alice-pw");
        Assert.Equal(HttpStatusCode.OK, (await tv.GetAsync("/api/profiles")).StatusCode);
        await PostOkAsync(tv, "/api/decisions/preauthorize", new { resources = new[] { "show-1", "show-2" }, mvpd = "ExampleCable" });
        await PostOkAsync(tv, "/api/decisions/authorize", new { resource = "show-1", mvpd = "ExampleCable" });
        await PostOkAsync(tv, "/api/logout", new { mvpd = "ExampleCable" });

        // Second screen: the TV shows a code, a phone enters it and picks the MVPD, the user signs in there.
        var (couchTv, _, _) = await app.RegisterDeviceAsync("contract-couch-tv");
        await SignInOnSecondScreenAsync(app, couchTv);

        // Temp Pass, basic and promotional, and the operators' resets of both.
        await PostOkAsync(tv, "/api/temppass", new { kind = "basic" });
        await PostOkAsync(tv, "/api/decisions/authorize", new { resource = "news", mvpd = "TempPass_REF30" });
        Assert.Equal(HttpStatusCode.OK, (await tv.GetAsync("/api/temppass?kind=basic")).StatusCode);
        await PostOkAsync(tv, "/api/temppass", new { kind = "promotional", email = "viewer@example.org" });
        await PostOkAsync(tv, "/api/decisions/authorize", new { resource = "show-1", mvpd = "TempPassPromo_REF30" });
        Assert.Equal(HttpStatusCode.OK, (await tv.GetAsync("/api/temppass?kind=promotional")).StatusCode);
        using var admin = app.CreateClient();
        admin.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", PassBrokerApplication.AdminKey);
        await PostOkAsync(admin, "/api/admin/temppass/reset", new { kind = "basic", deviceId = "contract-tv" });
        await PostOkAsync(admin, "/api/admin/temppass/reset", new { kind = "promotional", email = "viewer@example.org" });
    }

    private static async Task SignInOnSecondScreenAsync(PassBrokerApplication app, HttpClient tv)
    {
        var started = await tv.PostAsJsonAsync("/api/authentication/sessions", new { });
        var code = (await started.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("code").GetString()!;
        using var phone = app.DevHost.CreateClient(followRedirects: false);
        phone.DefaultRequestHeaders.Add("X-Forwarded-For", "203.0.113.40");
        Assert.Equal(HttpStatusCode.OK, (await phone.PostAsync("/authn", Form(("code", code)))).StatusCode);
        await BrowserLogin.SignInAsync(await SecondScreenPhone.PickProviderAsync(phone, code, "ExampleCable"), "bob", "bob-pw");

        var waiting = tv.GetFromJsonAsync<JsonElement>($"/api/authentication/sessions/{code}?wait=30");
        await app.AdvanceAsync(TimeSpan.FromSeconds(15));
        Assert.Equal("authenticated", (await waiting.WaitAsync(TimeSpan.FromSeconds(20))).GetProperty("status").GetString());
    }

    private static async Task PostOkAsync(HttpClient client, string path, object body)
    {
        var response = await client.PostAsJsonAsync(path, body);
        Assert.True(response.IsSuccessStatusCode, $"{path} answered {(int)response.StatusCode}: {await response.Content.ReadAsStringAsync()}");
    }

    private static FormUrlEncodedContent Form(params (string Key, string Value)[] fields) => new(fields.Select(f => KeyValuePair.Create(f.Key, f.Value)));
}
