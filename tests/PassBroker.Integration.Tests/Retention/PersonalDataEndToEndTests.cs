using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Azure.Data.Tables;
using Microsoft.Extensions.DependencyInjection;
using PassBroker.Core.Retention;
using PassBroker.Core.Sessions;
using PassBroker.Integration.Tests.Support;
using PassBroker.Testing.EndToEnd;
using PassBroker.Testing.Hosting;
using PassBroker.Testing.Hosting.Azurite;

namespace PassBroker.Integration.Tests.Retention;

/// <summary>
/// Personal data that goes away, end to end over real HTTP (DevHost + emulator + Azurite, fake clock): a sign-in's
/// profile leaves storage once delivered or at logout, an ended sign-in's status carries nothing of the user, API answers
/// are never stored by caches, the play leases end at logout, and the purge deletes what outlived its retention.
/// </summary>
[Collection(AzuriteCollection.Name)]
public sealed class PersonalDataEndToEndTests(AzuriteFixture azurite) : IAsyncLifetime
{
    // alice's profile as the emulator scripts it (EmulatorDefaults): none of it may outlive its use here.
    private static readonly string[] AlicesData = ["alice-0001", "household-alice", "upstream-alice", "10001"];

    private PassBrokerApplication _app = null!;

    public async Task InitializeAsync() => _app = await PassBrokerApplication.StartAsync(azurite, "--Rules:ConcurrentPlays:MaxConcurrentPlays=1");

    public async Task DisposeAsync() => await _app.DisposeAsync();

    [Fact]
    public async Task StatusAnswer_DeliversTheProfileOnce_AndTheSessionRowKeepsNoCopy()
    {
        var (client, _, deviceKey) = await _app.RegisterDeviceAsync("retention-tv-1");
        var code = await StartAndLogInAsync(client, "alice");

        var waiting = client.GetFromJsonAsync<JsonElement>($"/api/authentication/sessions/{code}?wait=30");
        await _app.AdvanceAsync(TimeSpan.FromSeconds(15));
        var delivered = await waiting.WaitAsync(TimeSpan.FromSeconds(20));
        var again = await client.GetAsync($"/api/authentication/sessions/{code}");

        // The long poll's answer carries the profile (zip decrypted for this device)...
        Assert.Equal("alice-0001", delivered.GetProperty("profile").GetProperty("attributes").GetProperty("userID").GetProperty("value").GetString());
        // ...and from then on the status says where it went, with nothing of the user.
        var status = await again.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal(("authenticated", "profile_delivered"), (status.GetProperty("status").GetString(), status.GetProperty("reason").GetString()));
        Assert.False(status.TryGetProperty("profile", out _));
        await AssertNoneOfAlicesDataAsync(again);
        Assert.False((await SessionRowAsync(deviceKey, code)).ContainsKey("Profile"));
        // The profile itself is still the device's, read from Adobe.
        var profiles = await client.GetFromJsonAsync<JsonElement>("/api/profiles");
        Assert.Equal("ExampleCable", Assert.Single(profiles.GetProperty("profiles").EnumerateArray()).GetProperty("mvpd").GetString());
    }

    [Fact]
    public async Task AfterLogout_TheOldCodesStatus_AnswersWithoutPersonalData()
    {
        // A sign-in completes while the app is not looking: its session still holds the profile.
        var (client, _, deviceKey) = await _app.RegisterDeviceAsync("retention-tv-2");
        var code = await StartAndLogInAsync(client, "alice");
        await _app.AdvanceAsync(TimeSpan.FromSeconds(15));
        // Watched in the table, not through the status route, which would deliver the profile and drop it.
        await WhenAsync(async () => (await SessionRowAsync(deviceKey, code)).GetString("Status") == nameof(SessionStatus.Authenticated));
        Assert.True((await SessionRowAsync(deviceKey, code)).ContainsKey("Profile"));

        var logout = await client.PostAsJsonAsync("/api/logout", new { });
        var status = await client.GetAsync($"/api/authentication/sessions/{code}");

        Assert.Equal(HttpStatusCode.OK, logout.StatusCode);
        Assert.Equal(HttpStatusCode.OK, status.StatusCode);
        var body = await status.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal(("authenticated", "signed_out"), (body.GetProperty("status").GetString(), body.GetProperty("reason").GetString()));
        Assert.False(body.TryGetProperty("profile", out _));
        await AssertNoneOfAlicesDataAsync(status);
        Assert.False((await SessionRowAsync(deviceKey, code)).ContainsKey("Profile"));
    }

    [Fact]
    public async Task EveryApiAnswer_IsMarkedNoStore_SuccessesAndErrorsAlike()
    {
        using var anonymous = _app.CreateClient();
        var registered = await anonymous.PostAsJsonAsync("/api/devices", TestRequests.Registration("retention-tv-3"));
        var token = (await registered.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("deviceToken").GetString()!;
        using var client = _app.CreateClient(token);
        var started = await client.PostAsJsonAsync("/api/authentication/sessions", new { mvpd = "ExampleCable" });
        var code = (await started.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("code").GetString()!;
        using var admin = _app.CreateClient();
        admin.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", PassBrokerApplication.AdminKey);

        var answers = new Dictionary<string, HttpResponseMessage>
        {
            ["POST /api/devices"] = registered,
            ["GET /api/mvpds"] = await client.GetAsync("/api/mvpds"),
            ["POST /api/authentication/sessions"] = started,
            ["GET /api/authentication/sessions/{code}"] = await client.GetAsync($"/api/authentication/sessions/{code}"),
            ["GET /api/profiles"] = await client.GetAsync("/api/profiles"),
            ["POST /api/decisions/preauthorize (403)"] = await client.PostAsJsonAsync("/api/decisions/preauthorize", new { resources = new[] { "news" } }),
            ["POST /api/decisions/authorize (403)"] = await client.PostAsJsonAsync("/api/decisions/authorize", new { resource = "news" }),
            ["POST /api/temppass"] = await client.PostAsJsonAsync("/api/temppass", new { kind = "basic" }),
            ["GET /api/temppass"] = await client.GetAsync("/api/temppass?kind=basic"),
            ["POST /api/logout"] = await client.PostAsJsonAsync("/api/logout", new { }),
            ["POST /api/admin/data-keys/reseal"] = await admin.PostAsJsonAsync("/api/admin/data-keys/reseal", new { }),
            ["GET /api/health"] = await anonymous.GetAsync("/api/health"),
            ["GET /api/profiles (401)"] = await anonymous.GetAsync("/api/profiles"),
            ["GET /api/authentication/sessions/{code} (404)"] = await client.GetAsync("/api/authentication/sessions/NOSUCH1"),
            ["GET /api/no-such-route (404)"] = await client.GetAsync("/api/no-such-route"),
            ["POST /api/decisions/authorize (400 invalid_json)"] = await client.PostAsync("/api/decisions/authorize", new StringContent("{ not json", Encoding.UTF8, "application/json")),
            ["POST /api/devices (415)"] = await anonymous.PostAsync("/api/devices", new StringContent("{}", Encoding.UTF8, "text/plain")),
        };

        // Exactly the README's header, thrown errors too (not the exception handler's own "no-cache,no-store" and Pragma).
        var otherwise = answers
            .Where(a => a.Value.Headers.CacheControl?.ToString() != "no-store" || a.Value.Headers.Pragma.Count > 0 || a.Value.Content.Headers.Expires is not null)
            .Select(a => $"{a.Key}: {(int)a.Value.StatusCode} {a.Value.Headers.CacheControl} {a.Value.Headers.Pragma}").ToList();
        Assert.True(otherwise.Count == 0, "Answers not marked just Cache-Control: no-store: " + string.Join("; ", otherwise));
        Assert.Contains(answers.Values, a => a.StatusCode == HttpStatusCode.Unauthorized);
        Assert.Contains(answers.Values, a => a.StatusCode == HttpStatusCode.UnsupportedMediaType);
    }

    [Fact]
    public async Task Logout_EndsThePlayLeases_SoTheNextSignInPlaysAtOnce()
    {
        // At most one title at a time (the application's setting): a second one is refused while the first plays.
        var (client, _, deviceKey) = await _app.RegisterDeviceAsync("retention-tv-4");
        await _app.SignInAsync(client, "alice", "alice-pw");
        Assert.Equal("permit", await AuthorizeAsync(client, "show-1"));
        Assert.Equal("too_many_concurrent_plays", await AuthorizeAsync(client, "show-2"));

        Assert.Equal(HttpStatusCode.OK, (await client.PostAsJsonAsync("/api/logout", new { })).StatusCode);
        var leases = await _app.RawTable("plays").QueryAsync<TableEntity>($"PartitionKey eq '{deviceKey}'").ToListAsync();
        await _app.SignInAsync(client, "bob", "bob-pw");

        Assert.Empty(leases);
        Assert.Equal("permit", await AuthorizeAsync(client, "show-2"));
    }

    [Fact]
    public async Task Purge_DeletesTheDeviceThatNeverSignedIn_KeepsTheOneThatDid_AndTheirOldSignIns()
    {
        var (unused, _, _) = await _app.RegisterDeviceAsync("retention-tv-5");
        var (used, _, usedKey) = await _app.RegisterDeviceAsync("retention-tv-6");
        var code = await _app.SignInAsync(used, "alice", "alice-pw");

        await _app.AdvanceAsync(TimeSpan.FromDays(31));
        await RunPurgeAsync();

        await ProblemAssert.IsProblemAsync(await unused.GetAsync("/api/mvpds"), HttpStatusCode.Unauthorized, "invalid_device_token");
        Assert.Equal(HttpStatusCode.OK, (await used.GetAsync("/api/mvpds")).StatusCode);
        // The sign-in's code expired more than Retention:Sessions ago: its rows are gone, code row included.
        await ProblemAssert.IsProblemAsync(await used.GetAsync($"/api/authentication/sessions/{code}"), HttpStatusCode.NotFound, "session_not_found");
        Assert.Empty(await _app.RawTable("sessioncodes").QueryAsync<TableEntity>($"PartitionKey eq '{code}'").ToListAsync());
        Assert.Empty(await _app.RawTable("sessions").QueryAsync<TableEntity>($"PartitionKey eq '{usedKey}' and RowKey eq '{code}'").ToListAsync());
    }

    [Fact]
    public async Task DevHost_RunsThePurgeOnItsSchedule()
    {
        var (client, _, deviceKey) = await _app.RegisterDeviceAsync("retention-tv-7");
        await _app.SignInAsync(client, "alice", "alice-pw");
        Assert.Equal("permit", await AuthorizeAsync(client, "show-1"));

        // The lease ends after Rules:ConcurrentPlays:PlayLease (4 h); the DevHost's next run (every 5 minutes) deletes it.
        await _app.AdvanceAsync(TimeSpan.FromHours(4) + TimeSpan.FromMinutes(6));
        var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(20);
        var plays = _app.RawTable("plays");
        while ((await plays.QueryAsync<TableEntity>($"PartitionKey eq '{deviceKey}'").ToListAsync()).Count > 0)
        {
            Assert.True(DateTime.UtcNow < deadline, "The DevHost's purge did not delete the ended lease.");
            await Task.Delay(50);
        }
    }

    private async Task<string> StartAndLogInAsync(HttpClient client, string user)
    {
        var started = await client.PostAsJsonAsync("/api/authentication/sessions", new { mvpd = "ExampleCable" });
        var session = await started.Content.ReadFromJsonAsync<JsonElement>();
        await BrowserLogin.SignInAsync(session.GetProperty("loginUrl").GetString()!, user, user + "-pw");
        return session.GetProperty("code").GetString()!;
    }

    private static async Task<string?> AuthorizeAsync(HttpClient client, string resource)
    {
        var answer = await (await client.PostAsJsonAsync("/api/decisions/authorize", new { resource })).Content.ReadFromJsonAsync<JsonElement>();
        return answer.GetProperty("decision").GetString() == "permit" ? "permit" : answer.GetProperty("reason").GetProperty("code").GetString();
    }

    // The polling workflow runs on its own; the row says when its round has written the sign-in.
    private static async Task WhenAsync(Func<Task<bool>> condition)
    {
        var deadline = DateTime.UtcNow.AddSeconds(20);
        while (!await condition())
        {
            Assert.True(DateTime.UtcNow < deadline, "The sign-in was not written within 20 s.");
            await Task.Delay(20);
        }
    }

    private async Task<TableEntity> SessionRowAsync(string deviceKey, string code) =>
        (await _app.RawTable("sessions").GetEntityAsync<TableEntity>(deviceKey, code)).Value;

    private static async Task AssertNoneOfAlicesDataAsync(HttpResponseMessage answer)
    {
        var text = await answer.Content.ReadAsStringAsync();
        Assert.All(AlicesData, value => Assert.DoesNotContain(value, text, StringComparison.Ordinal));
    }

    // The DevHost's own schedule may be running a purge as the clock moves: a run of this test's own follows it.
    private async Task RunPurgeAsync()
    {
        var purge = _app.DevHost.Services.GetRequiredService<RetentionPurge>();
        var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(20);
        while ((await purge.RunAsync(CancellationToken.None)).Results.Count == 0)
        {
            Assert.True(DateTime.UtcNow < deadline, "The purge kept running.");
            await Task.Delay(50);
        }
    }
}
