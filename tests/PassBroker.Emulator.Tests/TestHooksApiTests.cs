using System.Net;

namespace PassBroker.Emulator.Tests;

public sealed class TestHooksApiTests(EmulatorFixture emulator) : IClassFixture<EmulatorFixture>
{
    [Fact]
    public async Task Health_Returns200()
    {
        using var response = await emulator.Http.GetAsync("/emulator/health");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("healthy", (await EmulatorFixture.JsonAsync(response)).GetProperty("status").GetString());
    }

    [Fact]
    public async Task ExpireCode_InProcess_CodeStopsWorking()
    {
        var device = await emulator.RegisterDeviceAsync();
        var code = await emulator.CreateCodeAsync(device);

        Assert.True(emulator.State.ExpireCode(code));

        using var response = await emulator.GetAsync($"/api/v2/REF30/profiles/code/{code}", device);
        await JsonAssert.EnhancedErrorAsync(response, HttpStatusCode.BadRequest, "invalid_authentication_session");
        Assert.Equal(EmulatorSessionStatus.Expired, emulator.State.ListSessions().Single(s => s.Code == code).Status);
    }

    [Fact]
    public async Task ExpireCode_OverHttp_Returns204ThenCodeRejected()
    {
        var device = await emulator.RegisterDeviceAsync();
        var code = await emulator.CreateCodeAsync(device);

        using var expire = await emulator.Http.PostAsync($"/emulator/sessions/{code}/expire", content: null);
        using var unknown = await emulator.Http.PostAsync("/emulator/sessions/NOCODE2/expire", content: null);

        Assert.Equal(HttpStatusCode.NoContent, expire.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, unknown.StatusCode);
        using var info = await emulator.GetAsync($"/api/v2/REF30/sessions/{code}", device);
        Assert.Equal(HttpStatusCode.BadRequest, info.StatusCode);
    }

    [Fact]
    public async Task Stats_CountsRegistrationsTokensAndPolls()
    {
        // Arrange
        var device = await emulator.RegisterDeviceAsync();
        var code = await emulator.CreateCodeAsync(device);

        // Act
        for (var i = 0; i < 3; i++)
        {
            using var poll = await emulator.GetAsync($"/api/v2/REF30/profiles/code/{code}", device);
        }

        using var response = await emulator.Http.GetAsync("/emulator/stats");

        // Assert
        Assert.Equal(3, emulator.State.GetSignInPolls(code));
        var stats = await EmulatorFixture.JsonAsync(response);
        Assert.Equal(3, stats.GetProperty("signInPolls").GetProperty(code).GetInt32());
        Assert.Equal(1, stats.GetProperty("tokensIssued").GetProperty(device.ClientId).GetInt32());
        Assert.True(stats.GetProperty("registrations").GetInt32() >= 1);
    }

    [Fact]
    public async Task ListSessions_OverHttp_ReportsSession()
    {
        var device = await emulator.RegisterDeviceAsync();
        var code = await emulator.CreateCodeAsync(device);

        using var response = await emulator.Http.GetAsync("/emulator/sessions");

        var session = (await EmulatorFixture.JsonAsync(response)).EnumerateArray().Single(s => s.GetProperty("code").GetString() == code);
        Assert.Equal("Pending", session.GetProperty("status").GetString());
        Assert.Equal(device.DeviceId, session.GetProperty("deviceId").GetString());
        Assert.Equal(device.ClientId, session.GetProperty("clientId").GetString());
    }
}
