using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using PassBroker.Integration.Tests.Support;
using PassBroker.Testing.EndToEnd;
using PassBroker.Testing.Hosting;
using PassBroker.Testing.Hosting.Azurite;

namespace PassBroker.Integration.Tests.TempPass;

/// <summary>Temp Pass and Promotional Temp Pass end to end over real HTTP: DevHost + emulator + Azurite.</summary>
[Collection(AzuriteCollection.Name)]
public sealed class TempPassEndToEndTests(AzuriteFixture azurite) : IAsyncLifetime
{
    private const string Email = "Viewer.One@Example.org";
    private const string EmailHash = "58b1508ae622738c9ee3594951b62f14717249ca0dc46941033478a2c65365c4";
    private const string Promotional = "TempPassPromo_REF30";

    private PassBrokerApplication _app = null!;

    public async Task InitializeAsync() => _app = await PassBrokerApplication.StartAsync(azurite);

    public async Task DisposeAsync() => await _app.DisposeAsync();

    private static async Task<JsonElement> PostAsync(HttpClient client, string path, object body)
    {
        var response = await client.PostAsJsonAsync(path, body);
        var json = await response.Content.ReadAsStringAsync();
        Assert.True(response.IsSuccessStatusCode, $"{path} answered {(int)response.StatusCode}: {json}");
        return JsonDocument.Parse(json).RootElement;
    }

    private static async Task<string> PlayAsync(HttpClient client, string resource, string mvpd = Promotional)
    {
        var decision = await PostAsync(client, "/api/decisions/authorize", new { resource, mvpd });
        return decision.GetProperty("decision").GetString() == "permit" ? "permit" : decision.GetProperty("reason").GetProperty("code").GetString()!;
    }

    private HttpClient Admin(string? credential = PassBrokerApplication.AdminKey)
    {
        var client = _app.CreateClient();
        if (credential is not null)
        {
            client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", credential);
        }
        return client;
    }

    [Fact]
    public async Task PromotionalTrial_TitlesRunOutSharedAcrossDevicesByEmailAndAdminResetGivesAFreshOne()
    {
        // A device starts the trial with the user's e-mail: nothing runs yet, the first play starts the clock.
        var (tv, _, _) = await _app.RegisterDeviceAsync("promo-tv");
        var started = await PostAsync(tv, "/api/temppass", new { kind = "promotional", email = Email });
        Assert.Equal(("promotional", Promotional, "not_started"),
            (started.GetProperty("kind").GetString(), started.GetProperty("mvpd").GetString(), started.GetProperty("status").GetString()));

        // Three distinct titles (the emulator's limit); playing one again costs nothing; the fourth is denied, typed.
        Assert.Equal(["permit", "permit", "permit", "permit"], [await PlayAsync(tv, "show-1"), await PlayAsync(tv, "show-2"), await PlayAsync(tv, "show-1"), await PlayAsync(tv, "show-3")]);
        // Watched over an evening: the concurrent-play rule (3 at once, 4-hour leases) must not be what stops the fourth.
        await _app.AdvanceAsync(TimeSpan.FromHours(5));
        Assert.Equal("temporary_access_resources_limit_exceeded", await PlayAsync(tv, "show-4"));
        var state = await tv.GetFromJsonAsync<JsonElement>("/api/temppass?kind=promotional");
        Assert.Equal("resources_exhausted", state.GetProperty("status").GetString());

        // A second device with the same e-mail (any case, spaces) lands in the same, used-up trial.
        var (phone, _, _) = await _app.RegisterDeviceAsync("promo-phone");
        var joined = await PostAsync(phone, "/api/temppass", new { kind = "promotional", email = "  viewer.one@EXAMPLE.org " });
        Assert.Equal("resources_exhausted", joined.GetProperty("status").GetString());
        Assert.Equal("temporary_access_resources_limit_exceeded", await PlayAsync(phone, "show-5"));
        var trial = Assert.Single(_app.Emulator.State().ListTempPassTrials(), t => t.Mvpd == Promotional);
        Assert.Equal([EmailHash], trial.Keys);
        Assert.Equal(2, trial.DeviceIds.Count);

        // The operator resets the user by e-mail: a fresh trial on the next play.
        var reset = await PostAsync(Admin(), "/api/admin/temppass/reset", new { kind = "promotional", email = Email });
        Assert.Equal(("user", 204), (reset.GetProperty("scope").GetString(), reset.GetProperty("upstreamStatus").GetInt32()));
        Assert.Equal("permit", await PlayAsync(phone, "show-5"));
        var fresh = await phone.GetFromJsonAsync<JsonElement>("/api/temppass?kind=promotional");
        Assert.Equal(("active", 2), (fresh.GetProperty("status").GetString(), fresh.GetProperty("remainingResources").GetInt32()));
        Assert.Equal(["show-5"], fresh.GetProperty("usedAssets").EnumerateArray().Select(a => a.GetString()));
    }

    [Fact]
    public async Task BasicTrial_RunsOutOnTheClockAndAdminResetOfTheDeviceGivesAFreshOne()
    {
        var (tv, _, _) = await _app.RegisterDeviceAsync("basic-tv");
        await PostAsync(tv, "/api/temppass", new { kind = "basic" });
        Assert.Equal("permit", await PlayAsync(tv, "news", "TempPass_REF30"));
        var running = await tv.GetFromJsonAsync<JsonElement>("/api/temppass?kind=basic");
        Assert.Equal(_app.Time.GetUtcNow().AddHours(1), running.GetProperty("expiresAt").GetDateTimeOffset(), TimeSpan.FromSeconds(1));

        await _app.AdvanceAsync(TimeSpan.FromHours(1) + TimeSpan.FromSeconds(1));

        Assert.Equal("temporary_access_duration_limit_exceeded", await PlayAsync(tv, "news", "TempPass_REF30"));
        Assert.Equal("expired", (await tv.GetFromJsonAsync<JsonElement>("/api/temppass?kind=basic")).GetProperty("status").GetString());

        var reset = await PostAsync(Admin(), "/api/admin/temppass/reset", new { kind = "basic", deviceId = "basic-tv" });
        Assert.Equal("device", reset.GetProperty("scope").GetString());
        Assert.Equal("permit", await PlayAsync(tv, "news", "TempPass_REF30"));
    }

    [Fact]
    public async Task RawEmail_IsNeverLoggedStoredOrSentUpstream()
    {
        const string email = "private.person+tv@example.net";
        var (tv, _, deviceKey) = await _app.RegisterDeviceAsync("privacy-tv");
        await PostAsync(tv, "/api/temppass", new { kind = "promotional", email });
        await PlayAsync(tv, "show-1");
        await PostAsync(Admin(), "/api/admin/temppass/reset", new { kind = "promotional", email });

        Assert.DoesNotContain(_app.Logs.Lines, line => line.Contains(email, StringComparison.OrdinalIgnoreCase));
        var stored = string.Join('\n', await _app.StoredRowsAsync());
        Assert.Contains(deviceKey, stored, StringComparison.Ordinal);
        Assert.DoesNotContain(email, stored, StringComparison.OrdinalIgnoreCase);
        Assert.Contains(Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(System.Text.Encoding.UTF8.GetBytes(email))), stored, StringComparison.Ordinal);
        Assert.All(_app.Emulator.State().ListTempPassTrials().SelectMany(t => t.Keys), key => Assert.DoesNotContain("@", key, StringComparison.Ordinal));
    }

    [Fact]
    public async Task Promotional_AuthorizeBeforeTheEmailIsKnown_AsksForIt()
    {
        var (tv, _, _) = await _app.RegisterDeviceAsync("no-email-tv");

        await ProblemAssert.IsProblemAsync(await tv.PostAsJsonAsync("/api/decisions/authorize", new { resource = "show-1", mvpd = Promotional }),
            HttpStatusCode.BadRequest, "temppass_identity_required");
    }

    [Theory]
    [InlineData("{\"kind\":\"promotional\"}", "email")]
    [InlineData("{\"kind\":\"promotional\",\"email\":\"not-an-address\"}", "email")]
    [InlineData("{\"kind\":\"basic\",\"email\":\"viewer@example.org\"}", "email")]
    [InlineData("{\"kind\":\"gold\"}", "kind")]
    [InlineData("{}", "kind")]
    public async Task StartTempPass_BadInput_IsValidationFailed(string json, string field)
    {
        var (tv, _, _) = await _app.RegisterDeviceAsync("bad-temppass-tv");

        var problem = await ProblemAssert.IsProblemAsync(await tv.PostAsync("/api/temppass", new StringContent(json, System.Text.Encoding.UTF8, "application/json")),
            HttpStatusCode.BadRequest, "validation_failed");

        Assert.Equal(field, problem.GetProperty("field").GetString());
    }

    [Fact]
    public async Task AdminReset_DeviceToken_IsRefusedAndResetsNothing()
    {
        var (tv, token, _) = await _app.RegisterDeviceAsync("sneaky-tv");
        await PostAsync(tv, "/api/temppass", new { kind = "basic" });
        await PlayAsync(tv, "news", "TempPass_REF30");

        await ProblemAssert.IsProblemAsync(await Admin(token).PostAsJsonAsync("/api/admin/temppass/reset", new { kind = "basic", all = true }),
            HttpStatusCode.Forbidden, "device_token_not_allowed");
        await ProblemAssert.IsProblemAsync(await Admin(null).PostAsJsonAsync("/api/admin/temppass/reset", new { kind = "basic", all = true }),
            HttpStatusCode.Unauthorized, "missing_admin_credential");
        await ProblemAssert.IsProblemAsync(await Admin("wrong-key").PostAsJsonAsync("/api/admin/temppass/reset", new { kind = "basic", all = true }),
            HttpStatusCode.Unauthorized, "invalid_admin_credential");

        Assert.Equal(0, _app.Emulator.State().TempPassResetCount);
        Assert.Single(_app.Emulator.State().ListTempPassTrials());
    }

    [Theory]
    [InlineData("{\"kind\":\"basic\"}", "deviceId")]
    [InlineData("{\"kind\":\"promotional\",\"hash\":\"xyz\"}", "hash")]
    [InlineData("{\"kind\":\"promotional\",\"email\":\"a@b\"}", "email")]
    [InlineData("{\"kind\":\"basic\",\"deviceId\":\"tv\",\"all\":true}", "all")]
    public async Task AdminReset_BadInput_IsValidationFailed(string json, string field)
    {
        var problem = await ProblemAssert.IsProblemAsync(
            await Admin().PostAsync("/api/admin/temppass/reset", new StringContent(json, System.Text.Encoding.UTF8, "application/json")),
            HttpStatusCode.BadRequest, "validation_failed");

        Assert.Equal(field, problem.GetProperty("field").GetString());
        Assert.Equal(0, _app.Emulator.State().TempPassResetCount);
    }
}

/// <summary>The retired v2.1 reset API, for integrations that still use it, by configuration.</summary>
[Collection(AzuriteCollection.Name)]
public sealed class TempPassResetV21Tests(AzuriteFixture azurite) : IAsyncLifetime
{
    private PassBrokerApplication _app = null!;

    // HttpClient's own categories at their most verbose: the upstream clients must still write nothing there.
    public async Task InitializeAsync() => _app = await PassBrokerApplication.StartAsync(azurite,
        "--AdobePass:TempPassResetVersion=v2.1", "--Logging:LogLevel:System.Net.Http.HttpClient=Trace");

    public async Task DisposeAsync() => await _app.DisposeAsync();

    [Fact]
    public async Task AllUsersReset_GoesToV21AndEndsEveryTrial()
    {
        var (tv, _, _) = await _app.RegisterDeviceAsync("v21-tv");
        await tv.PostAsJsonAsync("/api/temppass", new { kind = "promotional", email = "viewer@example.org" });
        await tv.PostAsJsonAsync("/api/decisions/authorize", new { resource = "show-1", mvpd = "TempPassPromo_REF30" });
        using var admin = _app.CreateClient();
        admin.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", PassBrokerApplication.AdminKey);

        var reset = await admin.PostAsJsonAsync("/api/admin/temppass/reset", new { kind = "promotional", all = true });

        Assert.Equal(HttpStatusCode.OK, reset.StatusCode);
        Assert.Empty(_app.Emulator.State().ListTempPassTrials());
        // The emulator's record of what reached it, not a log line: the upstream clients log no URLs.
        Assert.Contains(_app.Upstream.Exchanges, exchange => exchange.Path == "/reset-tempass/v2.1/reset/generic");
        // No IHttpClientFactory logging handlers on the upstream clients: no per-call lines with full URLs.
        Assert.DoesNotContain(_app.Logs.Lines, line => line.Contains(" System.Net.Http.HttpClient.", StringComparison.Ordinal));
    }
}

/// <summary>A Temp Pass MVPD id Adobe does not know as one: the operator sees Adobe's refusal as it was.</summary>
[Collection(AzuriteCollection.Name)]
public sealed class TempPassMisconfiguredTests(AzuriteFixture azurite) : IAsyncLifetime
{
    private PassBrokerApplication _app = null!;

    public async Task InitializeAsync() => _app = await PassBrokerApplication.StartAsync(azurite, "--TempPass:BasicMvpd=ExampleCable");

    public async Task DisposeAsync() => await _app.DisposeAsync();

    [Fact]
    public async Task AdminReset_MvpdThatIsNoTempPass_ReportsAdobesRefusal()
    {
        using var admin = _app.CreateClient();
        admin.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", PassBrokerApplication.AdminKey);

        var problem = await ProblemAssert.IsProblemAsync(await admin.PostAsJsonAsync("/api/admin/temppass/reset", new { kind = "basic", all = true }),
            HttpStatusCode.BadRequest, "unknown_mvpd");

        Assert.Equal((400, "invalid_parameter_mvpd"), (problem.GetProperty("upstreamStatus").GetInt32(), problem.GetProperty("upstreamCode").GetString()));
    }
}
