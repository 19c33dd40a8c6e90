using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using Azure.Data.Tables;
using PassBroker.Integration.Tests.Support;
using PassBroker.Testing.EndToEnd;
using PassBroker.Testing.Hosting;
using PassBroker.Testing.Hosting.Azurite;

namespace PassBroker.Integration.Tests.TempPass;

/// <summary>PassBroker's own DCR client for the Temp Pass reset survives restarts: DevHost + emulator + Azurite.</summary>
[Collection(AzuriteCollection.Name)]
public sealed class ManagementClientEndToEndTests(AzuriteFixture azurite) : IAsyncLifetime
{
    private PassBrokerApplication _app = null!;

    public async Task InitializeAsync() => _app = await PassBrokerApplication.StartAsync(azurite);

    public async Task DisposeAsync() => await _app.DisposeAsync();

    [Fact]
    public async Task AdminResets_AcrossTwoRestarts_RegisterOneManagementClient()
    {
        // No device registers in this test, so every registration the emulator sees is the management client's.
        await ResetAsync();
        var clientId = Assert.Single(_app.Emulator.State().GetTokensIssuedByClient().Keys);

        await _app.RestartDevHostAsync();
        await ResetAsync();
        // The restarted host took the stored token: not even a token request.
        Assert.Equal(1, _app.Emulator.State().GetTokensIssued(clientId));

        await _app.RestartDevHostAsync();
        await _app.AdvanceAsync(TimeSpan.FromHours(6)); // the stored token has expired
        await ResetAsync();

        var adobe = _app.Emulator.State();
        Assert.Equal(1, adobe.RegistrationCount);
        Assert.Equal(new Dictionary<string, int> { [clientId] = 2 }, adobe.GetTokensIssuedByClient());
        Assert.Equal(3, adobe.TempPassResetCount);
        var row = (await _app.RawTable("devices").GetEntityAsync<TableEntity>("passbroker", "management-client")).Value;
        Assert.Equal(clientId, row.GetString("ClientId"));
        Assert.StartsWith("v1:", row.GetString("ClientSecret"), StringComparison.Ordinal);
    }

    private async Task ResetAsync()
    {
        using var admin = _app.CreateClient();
        admin.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", PassBrokerApplication.AdminKey);
        var response = await admin.PostAsJsonAsync("/api/admin/temppass/reset", new { kind = "basic", all = true });
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }
}
