using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Azure.Data.Tables;
using PassBroker.Integration.Tests.Support;
using PassBroker.Testing.EndToEnd;
using PassBroker.Testing.Hosting;
using PassBroker.Testing.Hosting.Azurite;

namespace PassBroker.Integration.Tests.Durability;

/// <summary>
/// Two requests for one device at once (a retrying app, two instances of it) resolve by ETag: each answers success or
/// 409 <c>concurrency_conflict</c> (or, for a re-registration that comes after the other rotated its token, 401), and
/// what is stored afterwards is consistent, without a lost update.
/// </summary>
[Collection(AzuriteCollection.Name)]
public sealed class ConcurrentDeviceRequestsTests(AzuriteFixture azurite) : IAsyncLifetime
{
    private const int Rounds = 12;
    private PassBrokerApplication _app = null!;

    public async Task InitializeAsync() => _app = await PassBrokerApplication.StartAsync(azurite);

    public async Task DisposeAsync() => await _app.DisposeAsync();

    [Fact]
    public async Task TwoSignInsAtOnce_LeaveExactlyOnePendingSession()
    {
        var (tv, _, deviceKey) = await _app.RegisterDeviceAsync("racing-sessions-tv");
        var started = new List<string>();
        for (var round = 0; round < Rounds; round++)
        {
            var answers = await Task.WhenAll(StartSessionAsync(tv), StartSessionAsync(tv));
            started.AddRange(answers.OfType<string>());

            var pending = await PendingCodesAsync(deviceKey);
            Assert.True(pending.Count == 1, $"Round {round}: {pending.Count} pending sessions ({string.Join(", ", pending)}).");
            Assert.Contains(pending[0], started);
        }
        // At least one of each pair got through; no pair lost both.
        Assert.True(started.Count >= Rounds);
    }

    [Fact]
    public async Task TwoFirstRegistrationsOfOneIdAtOnce_AreTwoInstallations_EachWithItsOwnRowAndValidToken()
    {
        for (var round = 0; round < Rounds / 2; round++)
        {
            var answers = await Task.WhenAll(RegisterAsync($"racing-registration-tv-{round}", null), RegisterAsync($"racing-registration-tv-{round}", null));

            Assert.All(answers, a => Assert.Equal(HttpStatusCode.Created, a.Status));
            var keys = answers.Select(a => a.Token!.Split('.')[1]).ToList();
            Assert.NotEqual(keys[0], keys[1]);
            foreach (var answer in answers)
            {
                Assert.Equal(HttpStatusCode.OK, await ProfilesStatusAsync(answer.Token!));
                Assert.Single(await _app.RawTable("devices").QueryAsync<TableEntity>(e => e.PartitionKey == answer.Token!.Split('.')[1]).ToListAsync());
            }
        }
        Assert.Equal(Rounds, _app.Emulator.State().RegistrationCount);
    }

    [Fact]
    public async Task TwoReRegistrationsAtOnce_LeaveOneDeviceOneDcrClientAndExactlyOneValidToken()
    {
        var (_, current, deviceKey) = await _app.RegisterDeviceAsync("racing-reregistration-tv");
        for (var round = 0; round < Rounds; round++)
        {
            var answers = await Task.WhenAll(RegisterAsync("racing-reregistration-tv", current), RegisterAsync("racing-reregistration-tv", current));

            // One wins; the other lost the write (409) or came after it, when the token it holds was already rotated (401).
            var winner = Assert.Single(answers, a => a.Status == HttpStatusCode.OK);
            Assert.All(answers.Where(a => a != winner), a => Assert.Contains(a.Status, new[] { HttpStatusCode.Conflict, HttpStatusCode.Unauthorized }));
            Assert.Equal(deviceKey, winner.Token!.Split('.')[1]);
            Assert.Equal(HttpStatusCode.Unauthorized, await ProfilesStatusAsync(current));
            Assert.Equal(HttpStatusCode.OK, await ProfilesStatusAsync(winner.Token));
            current = winner.Token;
        }
        Assert.Equal(1, _app.Emulator.State().RegistrationCount);
    }

    /// <returns>The new code, or null for a 409 concurrency_conflict.</returns>
    private static async Task<string?> StartSessionAsync(HttpClient device)
    {
        var response = await device.PostAsJsonAsync("/api/authentication/sessions", new { mvpd = "ExampleCable" });
        if (response.StatusCode == HttpStatusCode.Conflict)
        {
            await ProblemAssert.IsProblemAsync(response, HttpStatusCode.Conflict, "concurrency_conflict");
            return null;
        }
        Assert.Equal(HttpStatusCode.Accepted, response.StatusCode);
        return (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("code").GetString();
    }

    /// <param name="deviceId">The device's id.</param>
    /// <param name="deviceToken">Its current token to register it again, or null for a first registration.</param>
    /// <returns>The status, and the device token when it succeeded.</returns>
    private async Task<(HttpStatusCode Status, string? Token)> RegisterAsync(string deviceId, string? deviceToken)
    {
        using var client = _app.CreateClient(deviceToken);
        var response = await client.PostAsJsonAsync("/api/devices", TestRequests.Registration(deviceId));
        switch (response.StatusCode)
        {
            case HttpStatusCode.Conflict:
                await ProblemAssert.IsProblemAsync(response, HttpStatusCode.Conflict, "concurrency_conflict");
                return (response.StatusCode, null);
            case HttpStatusCode.Unauthorized:
                await ProblemAssert.IsProblemAsync(response, HttpStatusCode.Unauthorized, "invalid_device_token");
                return (response.StatusCode, null);
        }
        Assert.True(response.StatusCode is HttpStatusCode.Created or HttpStatusCode.OK, $"Registration answered {(int)response.StatusCode}.");
        return (response.StatusCode, (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("deviceToken").GetString());
    }

    private async Task<HttpStatusCode> ProfilesStatusAsync(string token)
    {
        using var device = _app.CreateClient(token);
        return (await device.GetAsync("/api/profiles")).StatusCode;
    }

    private async Task<List<string>> PendingCodesAsync(string deviceKey) =>
        await _app.RawTable("sessions").QueryAsync<TableEntity>(e => e.PartitionKey == deviceKey && e.GetString("Status") == "Pending")
            .Select(e => e.RowKey).ToListAsync();
}
