using System.Diagnostics;
using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Azure.Data.Tables;
using PassBroker.Integration.Tests.Support;
using PassBroker.Testing.EndToEnd;
using PassBroker.Testing.Hosting;
using PassBroker.Testing.Hosting.Azurite;
using Xunit.Abstractions;

namespace PassBroker.Integration.Tests.Durability;

/// <summary>
/// Table Storage gone for 30 s, in real time, on an Azurite of this test's own (stopping the shared one would fail
/// other tests): every request answers 503 <c>storage_unavailable</c> with <c>Retry-After</c> within seconds, nothing
/// half-written is left, and when storage is back everything works again without a restart, the sign-in that was
/// pending when it went away included.
/// </summary>
public sealed class StorageOutageTests(ITestOutputHelper output) : IAsyncLifetime
{
    private static readonly TimeSpan Outage = TimeSpan.FromSeconds(30);

    /// <summary>The longest a request may take during the outage: the SDK's retries of a refused connection, and margin.</summary>
    private static readonly TimeSpan AnswerBound = TimeSpan.FromSeconds(10);

    private readonly AzuriteFixture _azurite = new() { Persistent = true };
    private PassBrokerApplication _app = null!;

    public async Task InitializeAsync()
    {
        await _azurite.InitializeAsync();
        _app = await PassBrokerApplication.StartAsync(_azurite);
    }

    public async Task DisposeAsync()
    {
        await _app.DisposeAsync();
        await _azurite.DisposeAsync();
    }

    [Fact]
    public async Task AzuriteStoppedForThirtySeconds_Clean503sWithRetryAfterThenRecoveryWithNothingLost()
    {
        Assert.True(_azurite.IsOwnProcess, "This test stops its own Azurite; it cannot run against an external one.");
        var (tv, token, deviceKey) = await _app.RegisterDeviceAsync("outage-tv");
        await _app.SignInAsync(tv, "alice", "alice-pw");
        var (pendingTv, _, _) = await _app.RegisterDeviceAsync("outage-pending-tv");
        var pending = await (await pendingTv.PostAsJsonAsync("/api/authentication/sessions", new { mvpd = "ExampleCable" })).Content.ReadFromJsonAsync<JsonElement>();
        var pendingCode = pending.GetProperty("code").GetString()!;
        var before = await _app.StoredRowsAsync();

        await _azurite.StopAsync();
        var outage = Stopwatch.StartNew();
        // The user finishes the pending sign-in at the MVPD while PassBroker cannot write it down.
        await BrowserLogin.SignInAsync(pending.GetProperty("loginUrl").GetString()!, "bob", "bob-pw");
        var answers = 0;
        var servedFromMemory = 0;
        while (outage.Elapsed < Outage)
        {
            foreach (var (method, path, body, authenticated) in Requests(pendingCode))
            {
                using var client = authenticated ? _app.CreateClient(token) : _app.CreateClient();
                var watch = Stopwatch.StartNew();
                var response = await client.SendAsync(Request(method, path, body)).WaitAsync(AnswerBound);
                Assert.True(watch.Elapsed < AnswerBound, $"{method} {path} took {watch.Elapsed}.");
                if (response.IsSuccessStatusCode)
                {
                    // Work that needs no table keeps working through the outage, as it should: the device's record and
                    // profiles are in this instance's memory (InstanceCache), the MVPD list is cached, and a sign-in
                    // Adobe answers "already authenticated" writes nothing. Anything stored is checked after the outage.
                    servedFromMemory++;
                    continue;
                }
                await ProblemAssert.IsProblemAsync(response, HttpStatusCode.ServiceUnavailable, "storage_unavailable");
                Assert.Equal(TimeSpan.FromSeconds(5), response.Headers.RetryAfter?.Delta);
                answers++;
            }
            await _app.AdvanceAsync(TimeSpan.FromSeconds(15)); // the pending sign-in's workflow keeps polling, and failing
            using var probe = _app.CreateClient();
            Assert.Equal(HttpStatusCode.ServiceUnavailable, (await probe.GetAsync("/api/health")).StatusCode);
        }
        output.WriteLine($"{answers} requests answered 503 storage_unavailable, {servedFromMemory} served from memory, in {outage.Elapsed.TotalSeconds:0} s of outage");
        Assert.True(answers > 0);

        await _azurite.RestartAsync();

        // Back without a restart of PassBroker: the rows written before are all there, unchanged.
        using var anonymous = _app.CreateClient();
        Assert.Equal(HttpStatusCode.OK, (await anonymous.GetAsync("/api/health")).StatusCode);
        var after = await _app.StoredRowsAsync();
        Assert.All(before.Where(r => !r.Contains(pendingCode, StringComparison.Ordinal)), row => Assert.Contains(row, after));
        Assert.Single((await tv.GetFromJsonAsync<JsonElement>("/api/profiles")).GetProperty("profiles").EnumerateArray());
        var play = await (await tv.PostAsJsonAsync("/api/decisions/authorize", new { resource = "show-1" })).Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal("permit", play.GetProperty("decision").GetString());

        // The pending sign-in's workflow backed off through the outage and now notices the login.
        // (The clock moves in steps, with real pauses for the storage calls between them, until it does or 30 s pass.)
        var status = "pending";
        for (var waited = Stopwatch.StartNew(); status == "pending" && waited.Elapsed < TimeSpan.FromSeconds(30);)
        {
            await _app.AdvanceAsync(TimeSpan.FromSeconds(5));
            await Task.Delay(200);
            status = (await pendingTv.GetFromJsonAsync<JsonElement>($"/api/authentication/sessions/{pendingCode}")).GetProperty("status").GetString();
        }
        Assert.Equal("authenticated", status);

        // Nothing half-written: every code row points at a stored session, every session at a registered device.
        await AssertConsistentAsync();
        Assert.Contains(after, r => r.Contains(deviceKey, StringComparison.Ordinal));
    }

    /// <summary>One request per route that needs storage: method, path, JSON body, whether it carries the device token.</summary>
    private static IEnumerable<(string, string, string?, bool)> Requests(string code) =>
    [
        ("POST", "/api/devices", JsonSerializer.Serialize(TestRequests.Registration("outage-new-tv")), false),
        ("GET", "/api/mvpds", null, true),
        ("POST", "/api/authentication/sessions", "{\"mvpd\":\"ExampleCable\"}", true),
        ("GET", $"/api/authentication/sessions/{code}", null, true),
        ("GET", "/api/profiles", null, true),
        ("POST", "/api/decisions/preauthorize", "{\"resources\":[\"show-1\"]}", true),
        ("POST", "/api/decisions/authorize", "{\"resource\":\"show-1\"}", true),
        ("POST", "/api/logout", "{}", true),
        ("POST", "/api/temppass", "{\"kind\":\"basic\"}", true),
        ("GET", "/api/temppass?kind=basic", null, true),
    ];

    private static HttpRequestMessage Request(string method, string path, string? body) =>
        new(new HttpMethod(method), path) { Content = body is null ? null : new StringContent(body, Encoding.UTF8, "application/json") };

    private async Task AssertConsistentAsync()
    {
        var devices = await _app.RawTable("devices").QueryAsync<TableEntity>().Select(e => e.PartitionKey).ToHashSetAsync();
        var sessions = await _app.RawTable("sessions").QueryAsync<TableEntity>(e => e.RowKey != "~start").ToListAsync();
        Assert.All(sessions, s => Assert.Contains(s.PartitionKey, devices));
        var sessionKeys = sessions.Select(s => (s.PartitionKey, s.RowKey)).ToHashSet();
        await foreach (var code in _app.RawTable("sessioncodes").QueryAsync<TableEntity>())
        {
            Assert.Contains((code.GetString("DeviceKey"), code.PartitionKey), sessionKeys);
        }
        Assert.All(devices, key => Assert.Equal(32, key.Length));
    }
}
