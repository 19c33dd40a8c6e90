using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using PassBroker.Integration.Tests.Support;
using PassBroker.Testing.EndToEnd;
using PassBroker.Testing.Hosting;
using PassBroker.Testing.Hosting.Azurite;

namespace PassBroker.Integration.Tests.Security;

/// <summary>
/// A device id is not a credential (issue 21): whoever registers a signed-in TV's device id without its token gets a new
/// installation of their own, which reaches none of the TV's profiles, sign-ins, decisions or Temp Pass identity, while
/// the TV keeps working. Only the TV's current token registers it again. A reinstalled app recovers by registering as a
/// new installation and signing in again.
/// </summary>
[Collection(AzuriteCollection.Name)]
public sealed class DeviceTakeoverTests(AzuriteFixture azurite) : IAsyncLifetime
{
    private const string VictimId = "takeover-victim-tv";
    private const string Email = "viewer.two@example.org";
    private const string BasicMvpd = "TempPass_REF30";
    private const string PromotionalMvpd = "TempPassPromo_REF30";
    private PassBrokerApplication _app = null!;
    private HttpClient _victim = null!;
    private string _victimToken = "";
    private string _victimKey = "";
    private string _victimCode = "";

    public async Task InitializeAsync()
    {
        _app = await PassBrokerApplication.StartAsync(azurite);
        (_victim, _victimToken, _victimKey) = await _app.RegisterDeviceAsync(VictimId);
        _victimCode = await _app.SignInAsync(_victim, "alice", "alice-pw");
    }

    public async Task DisposeAsync()
    {
        _victim.Dispose();
        await _app.DisposeAsync();
    }

    [Fact]
    public async Task StrangerRegisteringTheVictimsDeviceId_GetsANewInstallationThatReachesNothingOfTheVictims()
    {
        using var anonymous = _app.CreateClient(ip: "203.0.113.66");
        var response = await anonymous.PostAsJsonAsync("/api/devices", TestRequests.Registration(VictimId));

        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        var registered = await response.Content.ReadFromJsonAsync<JsonElement>();
        var strangerKey = registered.GetProperty("deviceKey").GetString();
        Assert.NotEqual(_victimKey, strangerKey);
        using var stranger = _app.CreateClient(registered.GetProperty("deviceToken").GetString(), ip: "203.0.113.66");

        // Nothing of the victim's: no profile (Adobe binds them to the DCR client, and the stranger has its own), no
        // sign-in, no play.
        Assert.Empty((await stranger.GetFromJsonAsync<JsonElement>("/api/profiles")).GetProperty("profiles").EnumerateArray());
        await ProblemAssert.IsProblemAsync(await stranger.GetAsync($"/api/authentication/sessions/{_victimCode}"), HttpStatusCode.NotFound, "session_not_found");
        await ProblemAssert.IsProblemAsync(await stranger.PostAsJsonAsync("/api/decisions/authorize", new { resource = "show-1" }),
            HttpStatusCode.Forbidden, "authentication_required");
        await ProblemAssert.IsProblemAsync(await stranger.PostAsJsonAsync("/api/decisions/authorize", new { resource = "show-1", mvpd = "ExampleCable" }),
            HttpStatusCode.Forbidden, "authentication_required");
        Assert.Equal(2, _app.Emulator.State().RegistrationCount);

        // The victim's token, profile and plays are untouched.
        var profiles = await _victim.GetFromJsonAsync<JsonElement>("/api/profiles");
        Assert.Equal("ExampleCable", Assert.Single(profiles.GetProperty("profiles").EnumerateArray()).GetProperty("mvpd").GetString());
        Assert.Equal("authenticated", (await _victim.GetFromJsonAsync<JsonElement>($"/api/authentication/sessions/{_victimCode}")).GetProperty("status").GetString());
        var play = await (await _victim.PostAsJsonAsync("/api/decisions/authorize", new { resource = "show-1" })).Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal("permit", play.GetProperty("decision").GetString());
    }

    [Fact]
    public async Task VictimRegisteringAgainWithItsToken_Is200WithTheSameKeyAndDcrClient_AndStaysSignedIn()
    {
        var (again, newToken, key) = await _app.ReRegisterDeviceAsync(VictimId, _victimToken);

        Assert.Equal(_victimKey, key);
        Assert.NotEqual(_victimToken, newToken);
        Assert.Equal(1, _app.Emulator.State().RegistrationCount); // no second DCR client at Adobe
        Assert.NotEmpty((await again.GetFromJsonAsync<JsonElement>("/api/profiles")).GetProperty("profiles").EnumerateArray());
        await ProblemAssert.IsProblemAsync(await _victim.GetAsync("/api/profiles"), HttpStatusCode.Unauthorized, "invalid_device_token");
        again.Dispose();
    }

    [Fact]
    public async Task TokenOfAnotherDeviceOrAForgedOne_WithTheVictimsDeviceId_IsOne401_AndRotatesNothing()
    {
        var (own, ownToken, _) = await _app.RegisterDeviceAsync("takeover-stranger-tv");
        var forged = $"pbd1.{_victimKey}.{new string('A', 43)}";

        var withOwnToken = await RegisterWithAsync(ownToken, VictimId);
        var withForged = await RegisterWithAsync(forged, VictimId);
        var withOtherScheme = await RegisterRawAsync("Basic dXNlcjpwYXNz", VictimId);

        var problems = new List<JsonElement>();
        foreach (var response in new[] { withOwnToken, withForged, withOtherScheme })
        {
            problems.Add(await ProblemAssert.IsProblemAsync(response, HttpStatusCode.Unauthorized, "invalid_device_token"));
        }
        // One answer for all: the caller cannot tell a wrong token from a right token for another id.
        Assert.Single(problems.Select(p => (p.GetProperty("title").GetString(), p.GetProperty("detail").GetString())).Distinct());
        Assert.Equal(HttpStatusCode.OK, (await own.GetAsync("/api/profiles")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await _victim.GetAsync("/api/profiles")).StatusCode);
        Assert.Equal(2, _app.Emulator.State().RegistrationCount);
        Assert.Contains(_app.Logs.Lines, l => l.Contains("presented with another device id", StringComparison.Ordinal));
        own.Dispose();
    }

    [Fact]
    public async Task ReinstalledApp_RegistersAsNewInstallation_SignsInAgain_AndContinuesTheBasicTrialButNotThePromotionalIdentity()
    {
        // Before the reinstall: a basic trial is running and the user gave an e-mail for the promotional one.
        await EnsureOkAsync(await _victim.PostAsJsonAsync("/api/temppass", new { kind = "basic" }));
        Assert.Equal("permit", await DecisionAsync(_victim, "news", BasicMvpd));
        var basicBefore = await _victim.GetFromJsonAsync<JsonElement>("/api/temppass?kind=basic");
        await EnsureOkAsync(await _victim.PostAsJsonAsync("/api/temppass", new { kind = "promotional", email = Email }));
        Assert.Equal("permit", await DecisionAsync(_victim, "show-1", PromotionalMvpd));

        // The app lost its token: it registers without one and is a new installation, signed out of its MVPD (Adobe
        // lists the device's Temp Pass trials, which are the device id's, next to nothing else).
        var (reinstalled, _, newKey) = await _app.RegisterDeviceAsync(VictimId);
        Assert.NotEqual(_victimKey, newKey);
        var profiles = (await reinstalled.GetFromJsonAsync<JsonElement>("/api/profiles")).GetProperty("profiles").EnumerateArray();
        Assert.All(profiles, p => Assert.Equal("temporary", p.GetProperty("type").GetString()));
        await ProblemAssert.IsProblemAsync(await reinstalled.PostAsJsonAsync("/api/decisions/authorize", new { resource = "show-1", mvpd = "ExampleCable" }),
            HttpStatusCode.Forbidden, "authentication_required");

        // The basic trial is Adobe's per device id: it continues, with the same end (no fresh trial by reinstalling).
        var basicAfter = await reinstalled.GetFromJsonAsync<JsonElement>("/api/temppass?kind=basic");
        Assert.Equal(("active", basicBefore.GetProperty("expiresAt").GetDateTimeOffset()),
            (basicAfter.GetProperty("status").GetString(), basicAfter.GetProperty("expiresAt").GetDateTimeOffset()));
        // The promotional identity (the e-mail's hash) stayed with the old installation: the user gives the e-mail again,
        // and finds the trial where it was (Adobe knows it by device id and by hash alike).
        await ProblemAssert.IsProblemAsync(await reinstalled.GetAsync("/api/temppass?kind=promotional"), HttpStatusCode.BadRequest, "temppass_identity_required");
        var rejoined = await (await reinstalled.PostAsJsonAsync("/api/temppass", new { kind = "promotional", email = Email })).Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal(["show-1"], rejoined.GetProperty("usedAssets").EnumerateArray().Select(a => a.GetString()));

        // And a sign-in gives it its own profile.
        await _app.SignInAsync(reinstalled, "alice", "alice-pw");
        Assert.Equal("permit", await DecisionAsync(reinstalled, "show-1", "ExampleCable"));
        reinstalled.Dispose();
    }

    private async Task<HttpResponseMessage> RegisterWithAsync(string token, string deviceId)
    {
        using var client = _app.CreateClient(token);
        return await client.PostAsJsonAsync("/api/devices", TestRequests.Registration(deviceId));
    }

    private async Task<HttpResponseMessage> RegisterRawAsync(string authorization, string deviceId)
    {
        using var client = _app.CreateClient();
        using var request = new HttpRequestMessage(HttpMethod.Post, "/api/devices") { Content = JsonContent.Create(TestRequests.Registration(deviceId)) };
        request.Headers.TryAddWithoutValidation("Authorization", authorization);
        return await client.SendAsync(request);
    }

    private static async Task<string> DecisionAsync(HttpClient device, string resource, string mvpd)
    {
        var response = await device.PostAsJsonAsync("/api/decisions/authorize", new { resource, mvpd });
        var body = await EnsureOkAsync(response);
        return body.GetProperty("decision").GetString() == "permit" ? "permit" : body.GetProperty("reason").GetProperty("code").GetString()!;
    }

    private static async Task<JsonElement> EnsureOkAsync(HttpResponseMessage response)
    {
        var json = await response.Content.ReadAsStringAsync();
        Assert.True(response.IsSuccessStatusCode, $"{response.RequestMessage?.RequestUri} answered {(int)response.StatusCode}: {json}");
        return JsonDocument.Parse(json).RootElement;
    }
}
