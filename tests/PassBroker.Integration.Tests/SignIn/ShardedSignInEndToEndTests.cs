using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Azure.Data.Tables;
using PassBroker.Integration.Tests.Support;
using PassBroker.Testing.EndToEnd;
using PassBroker.Testing.Hosting;
using PassBroker.Testing.Hosting.Azurite;

namespace PassBroker.Integration.Tests.SignIn;

/// <summary>
/// Sign-ins under <c>SignIn:PollingShape = Sharded</c>, end to end over real HTTP: the DevHost's in-process shards poll
/// the pending-sign-in table on Azurite, the emulator answers, the clock is faked (5 s ticks, 15 s interval).
/// </summary>
[Collection(AzuriteCollection.Name)]
public sealed class ShardedSignInEndToEndTests(AzuriteFixture azurite) : IAsyncLifetime
{
    private const string PendingTable = "pendingsignins";
    private PassBrokerApplication _app = null!;

    public async Task InitializeAsync() => _app = await PassBrokerApplication.StartAsync(azurite, "--SignIn:PollingShape=Sharded", "--SignIn:Shards=2");

    public async Task DisposeAsync() => await _app.DisposeAsync();

    [Fact]
    public async Task SignIn_IsPolledByTheShardsWithinOneInterval_AndItsRowLeavesTheTable()
    {
        var (client, _, deviceKey) = await _app.RegisterDeviceAsync("den-tv");

        // SignInAsync starts the sign-in, logs in at the MVPD, moves the clock one interval and long-polls: authenticated.
        var code = await _app.SignInAsync(client, "alice", "alice-pw");

        Assert.Empty(await PendingRowsAsync());
        Assert.Equal(1, _app.Emulator.State().GetSignInPolls(code));
        var profiles = await client.GetFromJsonAsync<JsonElement>("/api/profiles");
        Assert.Equal("ExampleCable", Assert.Single(profiles.GetProperty("profiles").EnumerateArray()).GetProperty("mvpd").GetString());
        Assert.Contains(_app.Logs.Lines, l => l.Contains(deviceKey, StringComparison.Ordinal) && l.Contains("Authenticated", StringComparison.Ordinal));
    }

    [Fact]
    public async Task NewerSignInOfTheDevice_ReplacesItsRow()
    {
        var (client, _, _) = await _app.RegisterDeviceAsync("attic-tv");

        var first = await StartAsync(client);
        var second = await StartAsync(client);

        var row = Assert.Single(await PendingRowsAsync());
        Assert.Equal(second, row.GetString("Code"));
        Assert.NotEqual(first, second);
        var older = await client.GetFromJsonAsync<JsonElement>($"/api/authentication/sessions/{first}");
        Assert.Equal("replaced", older.GetProperty("reason").GetString());
    }

    [Fact]
    public async Task SignInPendingUnderThePerSignInShape_FinishesAfterARestartUnderTheShards()
    {
        await _app.RestartDevHostAsync("--SignIn:PollingShape=PerSignIn");
        var (client, token, _) = await _app.RegisterDeviceAsync("garage-tv");
        var start = await (await client.PostAsJsonAsync("/api/authentication/sessions", new { mvpd = "ExampleCable" })).Content.ReadFromJsonAsync<JsonElement>();
        var code = start.GetProperty("code").GetString()!;
        Assert.Empty(await PendingRowsAsync());

        // Restarted under the shards: the pending session is resumed as a row, and the shards finish it.
        await _app.RestartDevHostAsync("--SignIn:PollingShape=Sharded");
        await BrowserLogin.SignInAsync(start.GetProperty("loginUrl").GetString()!, "bob", "bob-pw");
        using var after = _app.CreateClient(token);
        var waiting = after.GetFromJsonAsync<JsonElement>($"/api/authentication/sessions/{code}?wait=30");
        await _app.AdvanceAsync(TimeSpan.FromSeconds(15));
        var status = await waiting.WaitAsync(TimeSpan.FromSeconds(20));

        Assert.Equal("authenticated", status.GetProperty("status").GetString());
        Assert.Empty(await PendingRowsAsync());
    }

    private static async Task<string> StartAsync(HttpClient client)
    {
        var response = await client.PostAsJsonAsync("/api/authentication/sessions", new { mvpd = "ExampleCable" });
        Assert.Equal(HttpStatusCode.Accepted, response.StatusCode);
        return (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("code").GetString()!;
    }

    private async Task<List<TableEntity>> PendingRowsAsync()
    {
        var rows = new List<TableEntity>();
        var table = _app.RawTable(PendingTable);
        await table.CreateIfNotExistsAsync();
        await foreach (var row in table.QueryAsync<TableEntity>())
        {
            rows.Add(row);
        }
        return rows;
    }
}
