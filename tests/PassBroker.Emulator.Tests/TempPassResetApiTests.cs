using System.Net;
using System.Text;

namespace PassBroker.Emulator.Tests;

/// <summary>The TempPass reset (management) API, v3 and v2.1 (adobe-pass-v2.md section 6.5).</summary>
public sealed class TempPassResetApiTests(EmulatorFixture emulator) : IClassFixture<EmulatorFixture>
{
    private const string Basic = EmulatorDefaults.TempPassMvpd;
    private const string Promo = EmulatorDefaults.PromotionalTempPassMvpd;

    [Theory]
    [InlineData("v3")]
    [InlineData("v2.1")]
    public async Task ResetByDevice_DeletesThatDevicesTrialOnly_ThenAuthorizeStartsAFreshOne(string version)
    {
        // Arrange
        var device = await emulator.RegisterDeviceAsync();
        var other = await emulator.RegisterDeviceAsync();
        await StartBasicTrialAsync(device);
        await StartBasicTrialAsync(other);
        var oldTrial = TrialOf(device, Basic)!;
        var resetsBefore = emulator.State.TempPassResetCount;
        emulator.Time.Advance(TimeSpan.FromHours(1));
        device = await emulator.RefreshTokenAsync(device);

        // Act
        using var reset = await emulator.ResetTempPassAsync(
            $"/reset-tempass/{version}/reset?requestor_id=REF30&mvpd_id={Basic}&device_id={Uri.EscapeDataString(device.DeviceId)}",
            device.AccessToken);
        using var authorize = await emulator.DecideTempPassAsync(device, "authorize", Basic, identity: null, "movie-1");

        // Assert
        Assert.Equal(HttpStatusCode.NoContent, reset.StatusCode);
        Assert.True((await JsonAssert.DecisionsAsync(authorize)).Single().GetProperty("authorized").GetBoolean());
        var fresh = TrialOf(device, Basic)!;
        Assert.NotEqual(oldTrial.UserId, fresh.UserId);
        Assert.Equal(emulator.Time.GetUtcNow(), fresh.NotBefore);
        Assert.True(TrialOf(other, Basic)!.Expired);
        Assert.Equal(resetsBefore + 1, emulator.State.TempPassResetCount);
    }

    [Fact]
    public async Task ResetByDevice_Base64DeviceId_IsAcceptedToo()
    {
        var device = await emulator.RegisterDeviceAsync();
        await StartBasicTrialAsync(device);
        var base64 = Convert.ToBase64String(Encoding.UTF8.GetBytes(device.DeviceId));

        using var reset = await emulator.ResetTempPassAsync(
            $"/reset-tempass/v3/reset?requestor_id=REF30&mvpd_id={Basic}&device_id={Uri.EscapeDataString(base64)}", device.AccessToken);

        Assert.Equal(HttpStatusCode.NoContent, reset.StatusCode);
        Assert.Null(TrialOf(device, Basic));
    }

    [Theory]
    [InlineData("v3", "&device_id=all")]
    [InlineData("v3", "")]
    [InlineData("v2.1", "&device_id=all")]
    public async Task ResetByDevice_AllOrOmitted_DeletesEveryTrialOfThatMvpdOnly(string version, string deviceQuery)
    {
        // Arrange
        var first = await emulator.RegisterDeviceAsync();
        var second = await emulator.RegisterDeviceAsync();
        await StartBasicTrialAsync(first);
        await StartBasicTrialAsync(second);
        using var promo = await emulator.DecideTempPassAsync(first, "authorize", Promo, EmulatorFixture.TempPassIdentity(NewHash()), "movie-1");

        // Act
        using var reset = await emulator.ResetTempPassAsync(
            $"/reset-tempass/{version}/reset?requestor_id=REF30&mvpd_id={Basic}{deviceQuery}", first.AccessToken);

        // Assert
        Assert.Equal(HttpStatusCode.NoContent, reset.StatusCode);
        Assert.DoesNotContain(emulator.State.ListTempPassTrials(), t => t.Mvpd == Basic);
        Assert.NotNull(TrialOf(first, Promo));
    }

    [Fact]
    public async Task ResetByDevice_PromotionalTrial_DeletesTheWholeTrialWithItsHash()
    {
        // Arrange
        var device = await emulator.RegisterDeviceAsync();
        var hash = NewHash();
        foreach (var resource in (string[])["movie-1", "movie-2", "movie-3"])
        {
            using var used = await emulator.DecideTempPassAsync(device, "authorize", Promo, EmulatorFixture.TempPassIdentity(hash), resource);
        }

        // Act
        using var reset = await emulator.ResetTempPassAsync(
            $"/reset-tempass/v3/reset?requestor_id=REF30&mvpd_id={Promo}&device_id={device.DeviceId}", device.AccessToken);
        using var authorize = await emulator.DecideTempPassAsync(device, "authorize", Promo, EmulatorFixture.TempPassIdentity(hash), "movie-4");

        // Assert
        Assert.Equal(HttpStatusCode.NoContent, reset.StatusCode);
        Assert.True((await JsonAssert.DecisionsAsync(authorize)).Single().GetProperty("authorized").GetBoolean());
        Assert.Equal(["movie-4"], TrialOf(device, Promo)!.UsedAssets);
    }

    [Theory]
    [InlineData("v3")]
    [InlineData("v2.1")]
    public async Task ResetByKey_DeletesThatHashesTrial_ThenAuthorizeStartsAFreshOne(string version)
    {
        // Arrange
        var device = await emulator.RegisterDeviceAsync();
        var other = await emulator.RegisterDeviceAsync();
        var hash = NewHash();
        var otherHash = NewHash();
        foreach (var resource in (string[])["movie-1", "movie-2", "movie-3"])
        {
            using var used = await emulator.DecideTempPassAsync(device, "authorize", Promo, EmulatorFixture.TempPassIdentity(hash), resource);
        }

        using var otherTrial = await emulator.DecideTempPassAsync(other, "authorize", Promo, EmulatorFixture.TempPassIdentity(otherHash), "movie-1");

        // Act
        using var reset = await emulator.ResetTempPassAsync(
            $"/reset-tempass/{version}/reset/generic?requestor_id=REF30&mvpd_id={Promo}&key={hash}", device.AccessToken);
        using var authorize = await emulator.DecideTempPassAsync(device, "authorize", Promo, EmulatorFixture.TempPassIdentity(hash), "movie-4");

        // Assert
        Assert.Equal(HttpStatusCode.NoContent, reset.StatusCode);
        Assert.True((await JsonAssert.DecisionsAsync(authorize)).Single().GetProperty("authorized").GetBoolean());
        Assert.Equal(["movie-4"], TrialOf(device, Promo)!.UsedAssets);
        Assert.Equal(["movie-1"], TrialOf(other, Promo)!.UsedAssets);
    }

    [Theory]
    [InlineData("v3", "&key=all")]
    [InlineData("v3", "")]
    [InlineData("v2.1", "&key=all")]
    public async Task ResetByKey_AllOrOmitted_DeletesEveryPromotionalTrial(string version, string keyQuery)
    {
        var first = await emulator.RegisterDeviceAsync();
        var second = await emulator.RegisterDeviceAsync();
        using var a = await emulator.DecideTempPassAsync(first, "authorize", Promo, EmulatorFixture.TempPassIdentity(NewHash()), "movie-1");
        using var b = await emulator.DecideTempPassAsync(second, "authorize", Promo, EmulatorFixture.TempPassIdentity(NewHash()), "movie-1");
        await StartBasicTrialAsync(first);

        using var reset = await emulator.ResetTempPassAsync(
            $"/reset-tempass/{version}/reset/generic?requestor_id=REF30&mvpd_id={Promo}{keyQuery}", first.AccessToken);

        Assert.Equal(HttpStatusCode.NoContent, reset.StatusCode);
        Assert.DoesNotContain(emulator.State.ListTempPassTrials(), t => t.Mvpd == Promo);
        Assert.NotNull(TrialOf(first, Basic));
    }

    [Fact]
    public async Task Reset_NothingMatches_Returns204AndCounts()
    {
        var device = await emulator.RegisterDeviceAsync();
        var before = emulator.State.TempPassResetCount;

        using var byDevice = await emulator.ResetTempPassAsync(
            $"/reset-tempass/v3/reset?requestor_id=REF30&mvpd_id={Basic}&device_id=never-seen", device.AccessToken);
        using var byKey = await emulator.ResetTempPassAsync(
            $"/reset-tempass/v3/reset/generic?requestor_id=REF30&mvpd_id={Promo}&key=never-seen", device.AccessToken);
        using var stats = await emulator.Http.GetAsync("/emulator/stats");

        Assert.Equal(HttpStatusCode.NoContent, byDevice.StatusCode);
        Assert.Equal(HttpStatusCode.NoContent, byKey.StatusCode);
        Assert.Equal(before + 2, emulator.State.TempPassResetCount);
        var body = await EmulatorFixture.JsonAsync(stats);
        Assert.Equal(before + 2, body.GetProperty("tempPassResets").GetInt32());
        Assert.Equal(emulator.State.TempPassTrialCount, body.GetProperty("tempPassTrials").GetInt32());
    }

    [Theory]
    [InlineData("/reset-tempass/v3/reset")]
    [InlineData("/reset-tempass/v3/reset/generic")]
    [InlineData("/reset-tempass/v2.1/reset")]
    [InlineData("/reset-tempass/v2.1/reset/generic")]
    public async Task Reset_WithoutToken_Returns401(string path)
    {
        using var response = await emulator.ResetTempPassAsync($"{path}?requestor_id=REF30&mvpd_id={Promo}", accessToken: null);

        await JsonAssert.EnhancedErrorAsync(response, HttpStatusCode.Unauthorized, "invalid_access_token_client_application");
    }

    [Fact]
    public async Task Reset_UnknownOrExpiredToken_Returns401AndDeletesNothing()
    {
        // Arrange
        var device = await emulator.RegisterDeviceAsync();
        await StartBasicTrialAsync(device);
        var path = $"/reset-tempass/v3/reset?requestor_id=REF30&mvpd_id={Basic}&device_id={device.DeviceId}";

        // Act
        using var unknown = await emulator.ResetTempPassAsync(path, "not-a-token");
        emulator.Time.Advance(TimeSpan.FromHours(6));
        using var expired = await emulator.ResetTempPassAsync(path, device.AccessToken);

        // Assert
        await JsonAssert.EnhancedErrorAsync(unknown, HttpStatusCode.Unauthorized, "invalid_access_token_client_application");
        await JsonAssert.EnhancedErrorAsync(expired, HttpStatusCode.Unauthorized, "invalid_access_token_client_application");
        Assert.NotNull(TrialOf(device, Basic));
    }

    [Fact]
    public async Task Reset_RevokedClient_Returns403UntilTheAppRegistersAgain()
    {
        // Arrange
        var device = await emulator.RegisterDeviceAsync();
        await StartBasicTrialAsync(device);
        var path = $"/reset-tempass/v3/reset?requestor_id=REF30&mvpd_id={Basic}&device_id={device.DeviceId}";
        using var revoke = await emulator.Http.PostAsync($"/emulator/clients/{device.ClientId}/revoke", content: null);
        using var revokeUnknown = await emulator.Http.PostAsync("/emulator/clients/no-such-client/revoke", content: null);

        // Act
        using var forbidden = await emulator.ResetTempPassAsync(path, await emulator.NewAccessTokenAsync(device.ClientId, device.ClientSecret));
        var reRegistered = await emulator.RegisterDeviceAsync(device.DeviceId);
        using var allowed = await emulator.ResetTempPassAsync(path, reRegistered.AccessToken);

        // Assert
        Assert.Equal(HttpStatusCode.NoContent, revoke.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, revokeUnknown.StatusCode);
        var error = await JsonAssert.EnhancedErrorAsync(forbidden, HttpStatusCode.Forbidden, "client_application_not_allowed");
        Assert.Equal("application-registration", error.GetProperty("action").GetString());
        Assert.Equal(HttpStatusCode.NoContent, allowed.StatusCode);
        Assert.Null(TrialOf(device, Basic));
    }

    [Theory]
    [InlineData("/reset-tempass/v3/reset?mvpd_id=TempPass_REF30", "invalid_parameter_service_provider")]
    [InlineData("/reset-tempass/v3/reset?requestor_id=OTHER&mvpd_id=TempPass_REF30", "invalid_parameter_service_provider")]
    [InlineData("/reset-tempass/v3/reset?requestor_id=REF30", "invalid_parameter_mvpd")]
    [InlineData("/reset-tempass/v3/reset?requestor_id=REF30&mvpd_id=NoSuchMvpd", "invalid_parameter_mvpd")]
    [InlineData("/reset-tempass/v3/reset?requestor_id=REF30&mvpd_id=ExampleCable", "invalid_parameter_mvpd")]
    [InlineData("/reset-tempass/v3/reset/generic?requestor_id=REF30&mvpd_id=TempPass_REF30&key=abc", "invalid_parameter_mvpd")]
    [InlineData("/reset-tempass/v2.1/reset/generic?requestor_id=REF30&mvpd_id=ExampleCable", "invalid_parameter_mvpd")]
    public async Task Reset_BadRequest_Returns400AndDoesNotCount(string pathAndQuery, string code)
    {
        var device = await emulator.RegisterDeviceAsync();
        var before = emulator.State.TempPassResetCount;

        using var response = await emulator.ResetTempPassAsync(pathAndQuery, device.AccessToken);

        await JsonAssert.EnhancedErrorAsync(response, HttpStatusCode.BadRequest, code);
        Assert.Equal(before, emulator.State.TempPassResetCount);
    }

    [Fact]
    public async Task ListTrials_OverHttp_ReportsTheTrial()
    {
        var device = await emulator.RegisterDeviceAsync();
        var hash = NewHash();
        using var authorize = await emulator.DecideTempPassAsync(device, "authorize", Promo, EmulatorFixture.TempPassIdentity(hash), "movie-1");

        using var response = await emulator.Http.GetAsync("/emulator/temppass/trials");

        var trial = (await EmulatorFixture.JsonAsync(response)).EnumerateArray()
            .Single(t => JsonAssert.Strings(t.GetProperty("deviceIds")).Contains(device.DeviceId));
        Assert.Equal(Promo, trial.GetProperty("mvpd").GetString());
        Assert.Equal([hash], JsonAssert.Strings(trial.GetProperty("keys")));
        Assert.Equal(["movie-1"], JsonAssert.Strings(trial.GetProperty("usedAssets")));
        Assert.Equal(2, trial.GetProperty("remainingResources").GetInt32());
    }

    private async Task StartBasicTrialAsync(TestDevice device)
    {
        using var response = await emulator.DecideTempPassAsync(device, "authorize", Basic, identity: null, "movie-1");
        Assert.True((await JsonAssert.DecisionsAsync(response)).Single().GetProperty("authorized").GetBoolean());
    }

    private EmulatorTempPassTrial? TrialOf(TestDevice device, string mvpd) =>
        emulator.State.ListTempPassTrials().SingleOrDefault(t => t.Mvpd == mvpd && t.DeviceIds.Contains(device.DeviceId));

    private static string NewHash() => Guid.NewGuid().ToString("N");
}
