using System.Net;

namespace PassBroker.Emulator.Tests;

/// <summary>Temporary profiles, sessions and logout on TempPass MVPDs (adobe-pass-v2.md sections 6.2 and 6.4).</summary>
public sealed class TempPassProfilesTests(EmulatorFixture emulator) : IClassFixture<EmulatorFixture>
{
    private const string Basic = EmulatorDefaults.TempPassMvpd;
    private const string Promo = EmulatorDefaults.PromotionalTempPassMvpd;

    [Fact]
    public async Task GetProfileForMvpd_NoTrialYet_ReturnsEmptyMapAndStartsNothing()
    {
        var device = await emulator.RegisterDeviceAsync();
        var identity = EmulatorFixture.TempPassIdentity(NewHash());

        using var basic = await emulator.GetProfileAsync(device, Basic, identity: null);
        using var promo = await emulator.GetProfileAsync(device, Promo, identity);

        Assert.Empty(JsonAssert.Names((await JsonAssert.OkJsonAsync(basic)).GetProperty("profiles")));
        Assert.Empty(JsonAssert.Names((await JsonAssert.OkJsonAsync(promo)).GetProperty("profiles")));
        Assert.DoesNotContain(emulator.State.ListTempPassTrials(), t => t.DeviceIds.Contains(device.DeviceId));
    }

    [Fact]
    public async Task GetProfileForMvpd_BasicTrial_ReturnsTemporaryProfile()
    {
        // Arrange
        var device = await emulator.RegisterDeviceAsync();
        var start = emulator.Time.GetUtcNow();
        using var authorize = await emulator.DecideTempPassAsync(device, "authorize", Basic, identity: null, "movie-1");
        emulator.Time.Advance(TimeSpan.FromMinutes(10));

        // Act
        using var response = await emulator.GetProfileAsync(device, Basic, identity: null);

        // Assert
        var profile = (await JsonAssert.OkJsonAsync(response)).GetProperty("profiles").GetProperty(Basic);
        Assert.Equal("Adobe", profile.GetProperty("issuer").GetString());
        Assert.Equal("temporary", profile.GetProperty("type").GetString());
        Assert.Equal(start.ToUnixTimeMilliseconds(), profile.GetProperty("notBefore").GetInt64());
        Assert.Equal(start.AddHours(1).ToUnixTimeMilliseconds(), profile.GetProperty("notAfter").GetInt64());
        var attributes = profile.GetProperty("attributes");
        Assert.Equal(["userID", "expiration_date"], JsonAssert.Names(attributes));
        Assert.All(attributes.EnumerateObject(), a => Assert.Equal("plain", a.Value.GetProperty("state").GetString()));
        var userId = attributes.GetProperty("userID").GetProperty("value").GetString();
        Assert.Matches("^temppass_[0-9a-f]{40}$", userId);
        Assert.Equal(emulator.State.ListTempPassTrials().Single(t => t.DeviceIds.Contains(device.DeviceId)).UserId, userId);
        Assert.Equal(start.AddHours(1).ToUnixTimeMilliseconds(), attributes.GetProperty("expiration_date").GetProperty("value").GetInt64());
    }

    [Fact]
    public async Task GetProfileForMvpd_PromotionalTrial_ReportsRemainingResourcesAndUsedAssets()
    {
        // Arrange
        var device = await emulator.RegisterDeviceAsync();
        var identity = EmulatorFixture.TempPassIdentity(NewHash());
        using var first = await emulator.DecideTempPassAsync(device, "authorize", Promo, identity, "movie-1");
        using var second = await emulator.DecideTempPassAsync(device, "authorize", Promo, identity, "movie-2");

        // Act
        using var response = await emulator.GetProfileAsync(device, Promo, identity);

        // Assert
        var profile = (await JsonAssert.OkJsonAsync(response)).GetProperty("profiles").GetProperty(Promo);
        Assert.Equal("temporary", profile.GetProperty("type").GetString());
        var attributes = profile.GetProperty("attributes");
        Assert.Equal(1, attributes.GetProperty("remaining_resources").GetProperty("value").GetInt32());
        Assert.Equal(["movie-1", "movie-2"], JsonAssert.Strings(attributes.GetProperty("used_assets").GetProperty("value")));
        Assert.Equal(profile.GetProperty("notAfter").GetInt64(), attributes.GetProperty("expiration_date").GetProperty("value").GetInt64());
        Assert.All(attributes.EnumerateObject(), a => Assert.Equal("plain", a.Value.GetProperty("state").GetString()));
    }

    [Theory]
    [InlineData(null)]
    [InlineData("bm90IGpzb24=")] // "not json"
    public async Task GetProfileForMvpd_PromotionalWithoutValidIdentity_Returns400(string? identity)
    {
        var device = await emulator.RegisterDeviceAsync();

        using var response = await emulator.GetProfileAsync(device, Promo, identity);

        var error = await JsonAssert.EnhancedErrorAsync(response, HttpStatusCode.BadRequest, "invalid_header_identity_for_temporary_access");
        Assert.Equal("none", error.GetProperty("action").GetString());
    }

    [Fact]
    public async Task GetProfileForMvpd_AfterTtl_Returns403DurationLimitAndAllProfilesOmitsIt()
    {
        // Arrange
        var device = await emulator.RegisterDeviceAsync();
        using var authorize = await emulator.DecideTempPassAsync(device, "authorize", Basic, identity: null, "movie-1");
        emulator.Time.Advance(TimeSpan.FromHours(1));

        // Act
        using var one = await emulator.GetProfileAsync(device, Basic, identity: null);
        using var all = await emulator.GetAsync("/api/v2/REF30/profiles", device, deviceHeaders: true);

        // Assert
        var error = await JsonAssert.EnhancedErrorAsync(one, HttpStatusCode.Forbidden, "temporary_access_duration_limit_exceeded");
        Assert.Equal("authentication", error.GetProperty("action").GetString());
        Assert.Empty(JsonAssert.Names((await JsonAssert.OkJsonAsync(all)).GetProperty("profiles")));
    }

    [Fact]
    public async Task GetProfileForMvpd_AllTitlesUsed_Returns403ResourcesLimit()
    {
        var device = await emulator.RegisterDeviceAsync();
        var identity = EmulatorFixture.TempPassIdentity(NewHash());
        foreach (var resource in (string[])["movie-1", "movie-2", "movie-3"])
        {
            using var authorize = await emulator.DecideTempPassAsync(device, "authorize", Promo, identity, resource);
        }

        using var response = await emulator.GetProfileAsync(device, Promo, identity);

        var error = await JsonAssert.EnhancedErrorAsync(response, HttpStatusCode.Forbidden, "temporary_access_resources_limit_exceeded");
        Assert.Equal("authentication", error.GetProperty("action").GetString());
    }

    [Fact]
    public async Task GetProfiles_ListsTemporaryProfilesNextToRegularOnes()
    {
        // Arrange
        var device = await emulator.RegisterDeviceAsync();
        await emulator.AuthenticateAsync(device, "ExampleCable");
        using var basic = await emulator.DecideTempPassAsync(device, "authorize", Basic, identity: null, "movie-1");
        using var promo = await emulator.DecideTempPassAsync(device, "authorize", Promo, EmulatorFixture.TempPassIdentity(NewHash()), "movie-1");

        // Act
        using var response = await emulator.GetAsync("/api/v2/REF30/profiles", device, deviceHeaders: true);

        // Assert
        var profiles = (await JsonAssert.OkJsonAsync(response)).GetProperty("profiles");
        Assert.Equal(["ExampleCable", Basic, Promo], JsonAssert.Names(profiles));
        Assert.Equal("regular", profiles.GetProperty("ExampleCable").GetProperty("type").GetString());
        Assert.Equal("temporary", profiles.GetProperty(Basic).GetProperty("type").GetString());
        Assert.Equal("Adobe", profiles.GetProperty(Promo).GetProperty("issuer").GetString());
    }

    [Fact]
    public async Task CreateSession_PromotionalTempPass_ReturnsAuthorizeTemporaryWithoutCode()
    {
        var device = await emulator.RegisterDeviceAsync();

        using var response = await emulator.CreateSessionAsync(device, ("mvpd", Promo));

        var session = await JsonAssert.OkJsonAsync(response);
        Assert.Equal("authorize", session.GetProperty("actionName").GetString());
        Assert.Equal("direct", session.GetProperty("actionType").GetString());
        Assert.Equal("temporary", session.GetProperty("reasonType").GetString());
        Assert.False(session.TryGetProperty("code", out _));
    }

    [Fact]
    public async Task Logout_TempPass_AnswersCompleteWhileTrialRunsAndKeepsTheTrial()
    {
        // Arrange
        var device = await emulator.RegisterDeviceAsync();
        using var before = await emulator.LogoutAsync(device, Basic, EmulatorFixture.RedirectUrl);
        using var authorize = await emulator.DecideTempPassAsync(device, "authorize", Basic, identity: null, "movie-1");

        // Act
        using var logout = await emulator.LogoutAsync(device, Basic, EmulatorFixture.RedirectUrl);
        using var profile = await emulator.GetProfileAsync(device, Basic, identity: null);

        // Assert
        var noTrial = (await JsonAssert.OkJsonAsync(before)).GetProperty("logouts").GetProperty(Basic);
        Assert.Equal("invalid", noTrial.GetProperty("actionName").GetString());
        var complete = (await JsonAssert.OkJsonAsync(logout)).GetProperty("logouts").GetProperty(Basic);
        Assert.Equal("complete", complete.GetProperty("actionName").GetString());
        Assert.Equal("none", complete.GetProperty("actionType").GetString());
        Assert.False(complete.TryGetProperty("url", out _));
        Assert.Equal([Basic], JsonAssert.Names((await JsonAssert.OkJsonAsync(profile)).GetProperty("profiles")));
    }

    private static string NewHash() => Guid.NewGuid().ToString("N") + Guid.NewGuid().ToString("N");
}
