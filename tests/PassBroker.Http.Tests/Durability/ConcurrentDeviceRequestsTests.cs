using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Azure.Data.Tables;
using PassBroker.TestHelpers.Hosting;
using PassBroker.Http.Tests.Support;
using PassBroker.TestHelpers.Azurite;

namespace PassBroker.Http.Tests.Durability;

/// <summary>
/// Two requests for one device at once (a retrying app, two instances of it) resolve by ETag: each answers success or
/// 409 <c>concurrency_conflict</c>, and what is stored afterwards is consistent, without a lost update.
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
    public async Task TwoRegistrationsAtOnce_LeaveOneDeviceOneDcrClientAndExactlyOneValidToken()
    {
        for (var round = 0; round < Rounds; round++)
        {
            // Even rounds race a first registration, odd rounds a re-registration of the device the round before made.
            var deviceId = $"racing-registration-tv-{round - (round % 2)}";
            var answers = await Task.WhenAll(RegisterAsync(deviceId), RegisterAsync(deviceId));
            var tokens = answers.OfType<string>().ToList();
            Assert.NotEmpty(tokens);

            var valid = 0;
            foreach (var token in tokens)
            {
                using var device = _app.CreateClient(token);
                var status = (await device.GetAsync("/api/profiles")).StatusCode;
                Assert.True(status is HttpStatusCode.OK or HttpStatusCode.Unauthorized, $"Round {round}: profiles answered {(int)status}.");
                valid += status == HttpStatusCode.OK ? 1 : 0;
            }
            Assert.True(valid == 1, $"Round {round}: {valid} of {tokens.Count} tokens work.");
            var rows = await _app.RawTable("devices").QueryAsync<TableEntity>(e => e.PartitionKey == tokens[0].Split('.')[1]).ToListAsync();
            Assert.Single(rows);
        }
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

    /// <returns>The device token, or null for a 409 concurrency_conflict.</returns>
    private async Task<string?> RegisterAsync(string deviceId)
    {
        using var anonymous = _app.CreateClient();
        var response = await anonymous.PostAsJsonAsync("/api/devices", TestRequests.Registration(deviceId));
        if (response.StatusCode == HttpStatusCode.Conflict)
        {
            await ProblemAssert.IsProblemAsync(response, HttpStatusCode.Conflict, "concurrency_conflict");
            return null;
        }
        Assert.True(response.StatusCode is HttpStatusCode.Created or HttpStatusCode.OK, $"Registration answered {(int)response.StatusCode}.");
        return (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("deviceToken").GetString();
    }

    private async Task<List<string>> PendingCodesAsync(string deviceKey) =>
        await _app.RawTable("sessions").QueryAsync<TableEntity>(e => e.PartitionKey == deviceKey && e.GetString("Status") == "Pending")
            .Select(e => e.RowKey).ToListAsync();
}
