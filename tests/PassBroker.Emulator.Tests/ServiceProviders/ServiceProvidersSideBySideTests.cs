using System.Net;
using System.Text;
using PassBroker.Testing.Hosting;
using static PassBroker.Emulator.Tests.ServiceProviders.TwoServiceProvidersFixture;

namespace PassBroker.Emulator.Tests.ServiceProviders;

/// <summary>Two service providers in one emulator: each serves its own configuration, and neither sees the other's state.</summary>
public sealed class ServiceProvidersSideBySideTests(TwoServiceProvidersFixture emulator) : IClassFixture<TwoServiceProvidersFixture>
{
    [Fact]
    public async Task Configuration_EachProvider_ListsItsOwnMvpds()
    {
        var device = await emulator.RegisterDeviceAsync(softwareStatement: BothStatement);

        using var first = await emulator.GetAsync(First, "configuration", device);
        using var second = await emulator.GetAsync(Second, "configuration", device);

        var firstRequestor = (await JsonAssert.OkJsonAsync(first)).GetProperty("requestor");
        var secondRequestor = (await JsonAssert.OkJsonAsync(second)).GetProperty("requestor");
        Assert.Equal(First, firstRequestor.GetProperty("id").GetString());
        Assert.Equal(
            ["ExampleCable", "ExampleSat", "TempPass_REF30", "TempPassPromo_REF30", "ExampleTestMvpd"],
            MvpdIds(firstRequestor));
        Assert.Equal(Second, secondRequestor.GetProperty("id").GetString());
        Assert.Equal(SecondServiceProvider.Name, secondRequestor.GetProperty("name").GetString());
        Assert.Equal(
            [SecondServiceProvider.OwnMvpd, SecondServiceProvider.SharedMvpd, SecondServiceProvider.TempPassMvpd, SecondServiceProvider.PromotionalTempPassMvpd],
            MvpdIds(secondRequestor));
    }

    [Fact]
    public async Task SignIn_OnFirstProvider_IsInvisibleOnSecond_ForSameClientAndDevice()
    {
        // Arrange: one client linked to both providers, one device, signed in on the first through the MVPD both list.
        var device = await emulator.RegisterDeviceAsync(softwareStatement: BothStatement);
        var mvpd = SecondServiceProvider.SharedMvpd;
        var code = await emulator.AuthenticateAsync(device, mvpd);

        // Act
        using var firstProfile = await emulator.GetAsync(First, $"profiles/{mvpd}", device);
        using var secondProfile = await emulator.GetAsync(Second, $"profiles/{mvpd}", device);
        using var secondProfiles = await emulator.GetAsync(Second, "profiles", device);
        using var secondByCode = await emulator.GetAsync(Second, $"profiles/code/{code}", device);
        using var secondSession = await emulator.GetAsync(Second, $"sessions/{code}", device);
        using var secondAuthorize = await emulator.DecideAsync(device, Second, "authorize", mvpd, "channel-1");
        var secondNewSession = await emulator.OpenSessionAsync(device, Second, mvpd);
        using var secondLogout = await emulator.GetAsync(Second, $"logout/{mvpd}", device);
        using var firstAfterLogout = await emulator.GetAsync(First, $"profiles/{mvpd}", device);

        // Assert
        Assert.Equal([mvpd], JsonAssert.Names((await JsonAssert.OkJsonAsync(firstProfile)).GetProperty("profiles")));
        Assert.Empty(JsonAssert.Names((await JsonAssert.OkJsonAsync(secondProfile)).GetProperty("profiles")));
        Assert.Empty(JsonAssert.Names((await JsonAssert.OkJsonAsync(secondProfiles)).GetProperty("profiles")));
        await JsonAssert.EnhancedErrorAsync(secondByCode, HttpStatusCode.BadRequest, "invalid_authentication_session");
        await JsonAssert.EnhancedErrorAsync(secondSession, HttpStatusCode.BadRequest, "invalid_authentication_session");
        JsonAssert.ItemError((await JsonAssert.DecisionsAsync(secondAuthorize)).Single(), "authenticated_profile_missing", "authentication");
        Assert.Equal("authenticate", secondNewSession.GetProperty("actionName").GetString());
        Assert.Equal("invalid", (await JsonAssert.OkJsonAsync(secondLogout)).GetProperty("logouts").GetProperty(mvpd).GetProperty("actionName").GetString());
        Assert.Equal([mvpd], JsonAssert.Names((await JsonAssert.OkJsonAsync(firstAfterLogout)).GetProperty("profiles")));
    }

    [Fact]
    public async Task NewCode_OnSecondProvider_DoesNotReplaceTheFirstOnesCode()
    {
        var device = await emulator.RegisterDeviceAsync(softwareStatement: BothStatement);
        var firstCode = await emulator.CreateCodeAsync(device);

        var secondCode = (await emulator.OpenSessionAsync(device, Second, SecondServiceProvider.OwnMvpd)).GetProperty("code").GetString()!;

        using var firstSession = await emulator.GetAsync(First, $"sessions/{firstCode}", device);
        await JsonAssert.OkJsonAsync(firstSession);
        var sessions = emulator.State.ListSessions();
        Assert.Equal(EmulatorSessionStatus.Pending, sessions.Single(s => s.Code == firstCode).Status);
        Assert.Equal(Second, sessions.Single(s => s.Code == secondCode).ServiceProvider);
    }

    [Fact]
    public async Task SignIn_OnSecondProvider_UsesItsMvpdAndItsCertificate()
    {
        // Arrange
        var device = await emulator.RegisterDeviceAsync(softwareStatement: SecondServiceProvider.SoftwareStatement);
        var mvpd = SecondServiceProvider.OwnMvpd;
        var code = (await emulator.OpenSessionAsync(device, Second, mvpd)).GetProperty("code").GetString()!;

        // Act
        using var start = await emulator.Http.GetAsync($"/api/v2/authenticate/{Second}/{code}");
        using var login = await emulator.SignInAsync(mvpd, code, "alice", "alice-pw");
        using var poll = await emulator.GetAsync(Second, $"profiles/code/{code}", device);
        using var otherMvpd = await emulator.GetAsync(Second, "profiles/ExampleCable", device);
        using var logout = await emulator.GetAsync(Second, $"logout/{mvpd}", device);
        var logoutUrl = (await JsonAssert.OkJsonAsync(logout)).GetProperty("logouts").GetProperty(mvpd).GetProperty("url").GetString()!;
        using var logoutPage = await emulator.Http.GetAsync(logoutUrl);

        // Assert
        Assert.Equal(HttpStatusCode.Redirect, start.StatusCode);
        Assert.StartsWith($"/emulator/mvpd/{mvpd}/login?code=", start.Headers.Location!.OriginalString, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Redirect, login.StatusCode);
        var attributes = (await JsonAssert.OkJsonAsync(poll)).GetProperty("profiles").GetProperty(mvpd).GetProperty("attributes");
        Assert.Equal("enc", attributes.GetProperty("zip").GetProperty("state").GetString());
        Assert.Equal("plain", attributes.GetProperty("userID").GetProperty("state").GetString());
        await JsonAssert.EnhancedErrorAsync(otherMvpd, HttpStatusCode.BadRequest, "invalid_parameter_mvpd");
        Assert.Equal(HttpStatusCode.OK, logoutPage.StatusCode);
        Assert.Contains("Signed out of Example Fiber", await logoutPage.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task TempPass_OnSecondProvider_FollowsItsSettingsAndStaysApart()
    {
        // Arrange
        var device = await emulator.RegisterDeviceAsync(softwareStatement: BothStatement);
        var now = emulator.Time.GetUtcNow();

        // Act
        using var authorize = await emulator.DecideAsync(device, Second, "authorize", SecondServiceProvider.TempPassMvpd, "channel-1");
        using var foreignMvpd = await emulator.DecideAsync(device, Second, "authorize", "TempPass_REF30", "channel-1");
        using var firstProfile = await emulator.GetAsync(First, "profiles/TempPass_REF30", device);
        var promo = SecondServiceProvider.PromotionalTempPassMvpd;
        using var promoWrongKey = await emulator.DecideTempPassAsync(Second, device, "authorize", promo, EmulatorFixture.TempPassIdentity("hash-1"), "channel-1");
        using var promoOwnKey = await emulator.DecideTempPassAsync(
            Second, device, "authorize", promo, EmulatorFixture.TempPassIdentity("hash-1", SecondServiceProvider.TempPassIdentityKey), "channel-1");

        // Assert: the second provider's 30 minutes, its own trial, and its own requestor in the media token.
        var decision = (await JsonAssert.DecisionsAsync(authorize)).Single();
        Assert.True(decision.GetProperty("authorized").GetBoolean());
        Assert.Equal(Second, decision.GetProperty("serviceProvider").GetString());
        Assert.Equal((now + SecondServiceProvider.TempPassTtl).ToUnixTimeMilliseconds(), decision.GetProperty("notAfter").GetInt64());
        var token = Encoding.UTF8.GetString(Convert.FromBase64String(decision.GetProperty("token").GetProperty("serializedToken").GetString()!));
        Assert.Contains($"<requestorID>{Second}</requestorID>", token, StringComparison.Ordinal);
        Assert.Equal(
            [Second, Second],
            emulator.State.ListMediaTokens().Where(t => t.DeviceId == device.DeviceId).Select(t => t.ServiceProvider));
        Assert.Equal(
            [(Second, SecondServiceProvider.TempPassMvpd), (Second, SecondServiceProvider.PromotionalTempPassMvpd)],
            emulator.State.ListTempPassTrials().Where(t => t.DeviceIds.Contains(device.DeviceId)).Select(t => (t.ServiceProvider, t.Mvpd)));
        await JsonAssert.EnhancedErrorAsync(foreignMvpd, HttpStatusCode.BadRequest, "invalid_parameter_mvpd");
        Assert.Empty(JsonAssert.Names((await JsonAssert.OkJsonAsync(firstProfile)).GetProperty("profiles")));
        var wrongKey = (await JsonAssert.DecisionsAsync(promoWrongKey)).Single();
        Assert.False(wrongKey.GetProperty("authorized").GetBoolean());
        Assert.Equal("invalid_header_identity_for_temporary_access", wrongKey.GetProperty("error").GetProperty("code").GetString());
        Assert.True((await JsonAssert.DecisionsAsync(promoOwnKey)).Single().GetProperty("authorized").GetBoolean());
    }

    [Fact]
    public async Task TempPassReset_ResetsOnlyTheRequestorsTrials()
    {
        // Arrange: the same device id has a trial on each provider.
        var device = await emulator.RegisterDeviceAsync(softwareStatement: BothStatement);
        using var first = await emulator.DecideAsync(device, First, "authorize", "TempPass_REF30", "channel-1");
        using var second = await emulator.DecideAsync(device, Second, "authorize", SecondServiceProvider.TempPassMvpd, "channel-1");
        var resetsBefore = emulator.State.GetTempPassResetsByServiceProvider().GetValueOrDefault(Second);

        // Act
        using var reset = await emulator.ResetTempPassAsync(
            $"/reset-tempass/v3/reset?requestor_id={Second}&mvpd_id={SecondServiceProvider.TempPassMvpd}&device_id={device.DeviceId}", device.AccessToken);

        // Assert
        Assert.Equal(HttpStatusCode.NoContent, reset.StatusCode);
        Assert.Equal(
            [First],
            emulator.State.ListTempPassTrials().Where(t => t.DeviceIds.Contains(device.DeviceId)).Select(t => t.ServiceProvider));
        Assert.Equal(resetsBefore + 1, emulator.State.GetTempPassResetsByServiceProvider()[Second]);
    }

    [Fact]
    public async Task TestHooks_TellServiceProvidersApart()
    {
        var device = await emulator.RegisterDeviceAsync(softwareStatement: BothStatement);
        var firstCode = await emulator.CreateCodeAsync(device);
        var secondCode = (await emulator.OpenSessionAsync(device, Second, SecondServiceProvider.OwnMvpd)).GetProperty("code").GetString()!;

        using var sessions = await emulator.Http.GetAsync($"/emulator/sessions?serviceProvider={Second}");
        using var stats = await emulator.Http.GetAsync("/emulator/stats");

        Assert.Equal(HttpStatusCode.OK, sessions.StatusCode);
        var codes = (await EmulatorFixture.JsonAsync(sessions)).EnumerateArray().Select(s => s.GetProperty("code").GetString()).ToList();
        Assert.Contains(secondCode, codes);
        Assert.DoesNotContain(firstCode, codes);
        var registrations = (await EmulatorFixture.JsonAsync(stats)).GetProperty("registrationsByServiceProvider");
        Assert.True(registrations.GetProperty(First).GetInt32() >= 1);
        Assert.True(registrations.GetProperty(Second).GetInt32() >= 1);
    }

    private static string[] MvpdIds(System.Text.Json.JsonElement requestor) =>
        [.. requestor.GetProperty("mvpds").EnumerateArray().Select(m => m.GetProperty("id").GetString()!)];
}
