using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using PassBroker.Integration.Tests.Support;
using PassBroker.Testing.EndToEnd;
using PassBroker.Testing.Hosting.Azurite;

namespace PassBroker.Integration.Tests.Security;

/// <summary>
/// One device can never act as another: device B (and anyone holding a forged, stale or foreign credential) cannot
/// read, poll, authorize with or log out device A's sessions, profiles or decisions, on any device route.
/// <see cref="BrandIsolationTests"/> runs the same matrix with device B the same device id under another brand.
/// </summary>
[Collection(AzuriteCollection.Name)]
public class DeviceIsolationTests(AzuriteFixture azurite) : IAsyncLifetime
{
    private PassBrokerApplication _app = null!;
    private HttpClient _a = null!;
    private HttpClient _b = null!;
    private string _tokenA = "";
    private string _tokenB = "";
    private string _signedInCodeA = "";
    private string _pendingCodeA = "";

    /// <summary>Every route that acts for a device: method, path ({code} is device A's session), JSON body.</summary>
    public static TheoryData<string, string, string?> DeviceRoutes => new()
    {
        { "GET", "/api/mvpds", null },
        { "POST", "/api/authentication/sessions", "{\"mvpd\":\"ExampleCable\"}" },
        { "GET", "/api/authentication/sessions/{code}", null },
        { "GET", "/api/authentication/sessions/{code}?wait=1", null },
        { "GET", "/api/profiles", null },
        { "POST", "/api/decisions/preauthorize", "{\"resources\":[\"show-1\"],\"mvpd\":\"ExampleCable\"}" },
        { "POST", "/api/decisions/authorize", "{\"resource\":\"show-1\",\"mvpd\":\"ExampleCable\"}" },
        { "POST", "/api/logout", "{\"mvpd\":\"ExampleCable\"}" },
        { "POST", "/api/temppass", "{\"kind\":\"basic\"}" },
        { "GET", "/api/temppass?kind=basic", null },
    };

    /// <summary>The application under test.</summary>
    protected PassBrokerApplication App => _app;

    /// <summary>Device A, with its token, signed in.</summary>
    protected HttpClient A => _a;

    /// <summary>Device B, with its token.</summary>
    protected HttpClient B => _b;

    /// <summary>Device A's token.</summary>
    protected string TokenA => _tokenA;

    /// <summary>Device A's pending second-screen session.</summary>
    protected string PendingCodeA => _pendingCodeA;

    /// <summary>Starts the application the matrix runs on.</summary>
    /// <param name="fixture">The shared Azurite.</param>
    protected virtual Task<PassBrokerApplication> StartAsync(AzuriteFixture fixture) => PassBrokerApplication.StartAsync(fixture);

    /// <summary>Registers device B: another device id of the same brand.</summary>
    /// <param name="app">The application.</param>
    protected virtual Task<(HttpClient Client, string Token, string DeviceKey)> RegisterBAsync(PassBrokerApplication app) =>
        app.RegisterDeviceAsync("isolation-tv-b");

    public virtual async Task InitializeAsync()
    {
        _app = await StartAsync(azurite);
        (_a, _tokenA, _) = await _app.RegisterDeviceAsync("isolation-tv-a");
        (_b, _tokenB, _) = await RegisterBAsync(_app);
        _signedInCodeA = await _app.SignInAsync(_a, "alice", "alice-pw");
        _pendingCodeA = await StartSecondScreenSignInAsync(_a);
    }

    public virtual async Task DisposeAsync()
    {
        _a.Dispose();
        _b.Dispose();
        await _app.DisposeAsync();
    }

    [Theory]
    [MemberData(nameof(DeviceRoutes))]
    public async Task EveryDeviceRoute_WithoutToken_IsMissingDeviceToken(string method, string path, string? body)
    {
        using var anonymous = _app.CreateClient();

        await ProblemAssert.IsProblemAsync(await anonymous.SendAsync(Request(method, path, body)), HttpStatusCode.Unauthorized, "missing_device_token");
    }

    [Theory]
    [MemberData(nameof(DeviceRoutes))]
    public async Task EveryDeviceRoute_ForgedStaleOrForeignCredential_IsInvalidDeviceTokenAndChangesNothing(string method, string path, string? body)
    {
        var (keyA, secretA) = (_tokenA.Split('.')[1], _tokenA.Split('.')[2]);
        var (keyB, secretB) = (_tokenB.Split('.')[1], _tokenB.Split('.')[2]);
        string[] forged =
        [
            $"pbd1.{keyA}.{secretB}", // A's device with B's secret
            $"pbd1.{keyB}.{secretA}",
            $"pbd1.{keyA}.{secretA[..^1]}{(secretA[^1] == 'A' ? 'B' : 'A')}", // one character off
            $"pbd1.{keyA.ToUpperInvariant()}.{secretA}",
            PassBrokerApplication.AdminKey, // the operators' key is no device token
        ];
        var before = await ProfilesOfAAsync();

        foreach (var token in forged)
        {
            using var client = _app.CreateClient(token);
            await ProblemAssert.IsProblemAsync(await client.SendAsync(Request(method, path, body)), HttpStatusCode.Unauthorized, "invalid_device_token");
        }

        Assert.Equal(before, await ProfilesOfAAsync());
        Assert.Equal("pending", await StatusOfAsync(_a, _pendingCodeA));
    }

    [Fact]
    public async Task ReRegisteredDevice_OldTokenIsRefusedOnEveryRoute()
    {
        var (_, fresh, _) = await _app.ReRegisterDeviceAsync("isolation-tv-a", _tokenA);
        using var stale = _app.CreateClient(_tokenA);
        using var current = _app.CreateClient(fresh);

        foreach (var (method, path, body) in DeviceRoutes.Select(r => ((string)r[0], (string)r[1], (string?)r[2])))
        {
            await ProblemAssert.IsProblemAsync(await stale.SendAsync(Request(method, path, body)), HttpStatusCode.Unauthorized, "invalid_device_token");
        }
        Assert.Equal(HttpStatusCode.OK, (await current.GetAsync("/api/profiles")).StatusCode);
    }

    [Theory]
    [InlineData(0)]
    [InlineData(1)]
    public async Task AnotherDevicesSessions_CannotBeReadOrPolled(int which)
    {
        var code = which == 0 ? _signedInCodeA : _pendingCodeA;

        await ProblemAssert.IsProblemAsync(await _b.GetAsync($"/api/authentication/sessions/{code}"), HttpStatusCode.NotFound, "session_not_found");
        await ProblemAssert.IsProblemAsync(await _b.GetAsync($"/api/authentication/sessions/{code}?wait=2"), HttpStatusCode.NotFound, "session_not_found");
        Assert.Equal(which == 0 ? "authenticated" : "pending", await StatusOfAsync(_a, code));
    }

    [Fact]
    public async Task AnotherDevicesSignIn_DoesNotReplaceItsPendingOne()
    {
        var codeB = await StartSecondScreenSignInAsync(_b);

        Assert.Equal("pending", await StatusOfAsync(_a, _pendingCodeA));
        Assert.Equal("pending", await StatusOfAsync(_b, codeB));
    }

    [Fact]
    public async Task AnotherDevicesProfile_IsNeitherShownNorUsedForDecisions()
    {
        var profiles = await _b.GetFromJsonAsync<JsonElement>("/api/profiles");
        Assert.Empty(profiles.GetProperty("profiles").EnumerateArray());

        // Naming A's MVPD does not borrow A's profile, for catalogue checks or plays.
        await ProblemAssert.IsProblemAsync(await _b.PostAsJsonAsync("/api/decisions/preauthorize", new { resources = new[] { "show-1" }, mvpd = "ExampleCable" }),
            HttpStatusCode.Forbidden, "authentication_required");
        await ProblemAssert.IsProblemAsync(await _b.PostAsJsonAsync("/api/decisions/authorize", new { resource = "show-1", mvpd = "ExampleCable" }),
            HttpStatusCode.Forbidden, "authentication_required");
        await ProblemAssert.IsProblemAsync(await _b.PostAsJsonAsync("/api/decisions/authorize", new { resource = "show-1" }),
            HttpStatusCode.Forbidden, "authentication_required");

        var play = await _a.PostAsJsonAsync("/api/decisions/authorize", new { resource = "show-1" });
        Assert.Equal("permit", (await play.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("decision").GetString());
    }

    [Fact]
    public async Task AnotherDevicesLogout_LeavesItSignedInWithItsDecisions()
    {
        await _a.PostAsJsonAsync("/api/decisions/preauthorize", new { resources = new[] { "show-1" } });
        var before = await ProfilesOfAAsync();

        var logout = await _b.PostAsJsonAsync("/api/logout", new { mvpd = "ExampleCable" });
        var everything = await _b.PostAsync("/api/logout", null);

        Assert.Equal(HttpStatusCode.OK, logout.StatusCode);
        var action = Assert.Single((await logout.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("logouts").EnumerateArray());
        Assert.Equal("invalid", action.GetProperty("actionName").GetString()); // B has no profile there
        Assert.Empty((await everything.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("logouts").EnumerateArray());
        Assert.Equal(before, await ProfilesOfAAsync());
        Assert.NotEmpty(await _app.RawTable("decisions").QueryAsync<Azure.Data.Tables.TableEntity>(e => e.PartitionKey == _tokenA.Split('.')[1]).ToListAsync());
    }

    protected HttpRequestMessage Request(string method, string path, string? body) =>
        new(new HttpMethod(method), path.Replace("{code}", _pendingCodeA, StringComparison.Ordinal))
        {
            Content = body is null ? null : new StringContent(body, Encoding.UTF8, "application/json"),
        };

    protected async Task<string> ProfilesOfAAsync() => (await _a.GetFromJsonAsync<JsonElement>("/api/profiles")).GetRawText();

    protected static async Task<string?> StatusOfAsync(HttpClient device, string code) =>
        (await device.GetFromJsonAsync<JsonElement>($"/api/authentication/sessions/{code}")).GetProperty("status").GetString();

    private static async Task<string> StartSecondScreenSignInAsync(HttpClient device)
    {
        var response = await device.PostAsJsonAsync("/api/authentication/sessions", new { });
        Assert.Equal(HttpStatusCode.Accepted, response.StatusCode);
        return (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("code").GetString()!;
    }
}
