using System.Net;
using System.Text;
using System.Text.Json;

namespace PassBroker.Emulator.Tests;

/// <summary>
/// Preauthorize and authorize (adobe-pass-v2.md section 5.2) against alice's scripted entitlements: premium-movie
/// deny, late-night-show parental, flaky-channel timeout, flaky-once-channel timeout once; everything else permits.
/// </summary>
public sealed class DecisionsApiTests(EmulatorFixture emulator) : IClassFixture<EmulatorFixture>
{
    private const string Mvpd = "ExampleCable";
    private const string Preauthorize = "preauthorize";
    private const string Authorize = "authorize";

    [Fact]
    public async Task Preauthorize_MixedEntitlements_AnswersEveryItemInRequestOrderWithHttp200()
    {
        // Arrange
        var device = await emulator.RegisterSignedInDeviceAsync(Mvpd);
        string[] resources =
        [
            EmulatorDefaults.LiveSportsResource,
            EmulatorDefaults.PremiumMovieResource,
            EmulatorDefaults.LateNightShowResource,
            EmulatorDefaults.FlakyChannelResource,
        ];

        // Act
        using var response = await emulator.DecideAsync(device, Preauthorize, Mvpd, resources);

        // Assert
        var decisions = await JsonAssert.DecisionsAsync(response);
        Assert.Equal(resources, decisions.Select(d => d.GetProperty("resource").GetString()));
        Assert.All(decisions, d =>
        {
            Assert.Equal(EmulatorFixture.ServiceProvider, d.GetProperty("serviceProvider").GetString());
            Assert.Equal(Mvpd, d.GetProperty("mvpd").GetString());
            Assert.Equal("mvpd", d.GetProperty("source").GetString());
            Assert.False(d.TryGetProperty("token", out _));
        });

        Assert.True(decisions[0].GetProperty("authorized").GetBoolean());
        Assert.False(decisions[0].TryGetProperty("error", out _));
        var deny = JsonAssert.ItemError(decisions[1], "preauthorization_denied_by_mvpd", "none");
        Assert.Contains(EmulatorDefaults.PremiumMovieResource, deny.GetProperty("details").GetString(), StringComparison.Ordinal);
        var parental = JsonAssert.ItemError(decisions[2], "authorization_denied_by_parental_controls", "none");
        Assert.False(parental.TryGetProperty("details", out _));
        JsonAssert.ItemError(decisions[3], "network_connection_timeout", "retry");
    }

    [Fact]
    public async Task Decisions_MvpdAnswers_CarryNotBeforeAndNotAfterOfTheDecisionLifetime()
    {
        // Arrange
        var device = await emulator.RegisterSignedInDeviceAsync(Mvpd);
        var now = emulator.Time.GetUtcNow();

        // Act
        using var preauthorize = await emulator.DecideAsync(
            device,
            Preauthorize,
            Mvpd,
            EmulatorDefaults.LiveSportsResource,
            EmulatorDefaults.PremiumMovieResource,
            EmulatorDefaults.LateNightShowResource,
            EmulatorDefaults.FlakyChannelResource);
        using var authorizePermit = await emulator.DecideAsync(device, Authorize, Mvpd, EmulatorDefaults.LiveSportsResource);
        using var authorizeDeny = await emulator.DecideAsync(device, Authorize, Mvpd, EmulatorDefaults.PremiumMovieResource);

        // Assert: permits and MVPD denies are decisions with a validity window; a timeout decided nothing.
        var decisions = await JsonAssert.DecisionsAsync(preauthorize);
        JsonElement[] decided =
        [
            decisions[0],
            decisions[1],
            decisions[2],
            (await JsonAssert.DecisionsAsync(authorizePermit)).Single(),
            (await JsonAssert.DecisionsAsync(authorizeDeny)).Single(),
        ];
        Assert.All(decided, d =>
        {
            Assert.Equal(now.ToUnixTimeMilliseconds(), d.GetProperty("notBefore").GetInt64());
            Assert.Equal(now.AddHours(1).ToUnixTimeMilliseconds(), d.GetProperty("notAfter").GetInt64());
        });
        Assert.False(decisions[3].TryGetProperty("notBefore", out _));
        Assert.False(decisions[3].TryGetProperty("notAfter", out _));
    }

    [Fact]
    public async Task Preauthorize_TimeoutEntitlement_AsksForRetryEveryTime()
    {
        var device = await emulator.RegisterSignedInDeviceAsync(Mvpd);

        for (var attempt = 0; attempt < 3; attempt++)
        {
            using var response = await emulator.DecideAsync(device, Preauthorize, Mvpd, EmulatorDefaults.FlakyChannelResource);

            var error = JsonAssert.ItemError((await JsonAssert.DecisionsAsync(response)).Single(), "network_connection_timeout", "retry");
            Assert.Contains(Mvpd, error.GetProperty("message").GetString(), StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task Decisions_TimeoutOnceEntitlement_TimesOutOnceThenPermitsUntilTheNextLogin()
    {
        // Arrange
        var device = await emulator.RegisterSignedInDeviceAsync(Mvpd);
        const string Resource = EmulatorDefaults.FlakyOnceChannelResource;

        // Act: the retry goes to authorize, as the count spans both endpoints; signing in again needs a logout first.
        using var first = await emulator.DecideAsync(device, Preauthorize, Mvpd, Resource);
        using var retry = await emulator.DecideAsync(device, Authorize, Mvpd, Resource);
        using var logout = await emulator.LogoutAsync(device, Mvpd, EmulatorFixture.RedirectUrl);
        await emulator.AuthenticateAsync(device);
        using var afterNewLogin = await emulator.DecideAsync(device, Preauthorize, Mvpd, Resource);

        // Assert
        JsonAssert.ItemError((await JsonAssert.DecisionsAsync(first)).Single(), "network_connection_timeout", "retry");
        var permit = (await JsonAssert.DecisionsAsync(retry)).Single();
        Assert.True(permit.GetProperty("authorized").GetBoolean());
        Assert.True(permit.TryGetProperty("token", out _));
        JsonAssert.ItemError((await JsonAssert.DecisionsAsync(afterNewLogin)).Single(), "network_connection_timeout", "retry");
    }

    [Fact]
    public async Task Decisions_EntitlementsFollowTheUserWhoSignedIn()
    {
        var device = await emulator.RegisterSignedInDeviceAsync(Mvpd, "bob", "bob-pw");

        using var response = await emulator.DecideAsync(
            device, Preauthorize, Mvpd, EmulatorDefaults.PremiumMovieResource, EmulatorDefaults.LiveSportsResource);

        var decisions = await JsonAssert.DecisionsAsync(response);
        Assert.True(decisions[0].GetProperty("authorized").GetBoolean());
        JsonAssert.ItemError(decisions[1], "preauthorization_denied_by_mvpd", "none");
    }

    [Fact]
    public async Task Preauthorize_FiveResources_DecidesAllWithoutMediaTokens()
    {
        // Arrange
        var device = await emulator.RegisterSignedInDeviceAsync(Mvpd);
        string[] resources = ["news", "movies", "kids", "documentaries", EmulatorDefaults.LiveSportsResource];

        // Act
        using var response = await emulator.DecideAsync(device, Preauthorize, Mvpd, resources);

        // Assert: preauthorize is informative only, so even permits never carry a token.
        var decisions = await JsonAssert.DecisionsAsync(response);
        Assert.Equal(resources, decisions.Select(d => d.GetProperty("resource").GetString()));
        Assert.All(decisions, d =>
        {
            Assert.True(d.GetProperty("authorized").GetBoolean());
            Assert.False(d.TryGetProperty("token", out _));
        });
        Assert.DoesNotContain(emulator.State.ListMediaTokens(), t => t.ClientId == device.ClientId);
    }

    [Fact]
    public async Task Preauthorize_SixResources_Returns403TooManyResources()
    {
        var device = await emulator.RegisterSignedInDeviceAsync(Mvpd);

        using var response = await emulator.DecideAsync(device, Preauthorize, Mvpd, "r1", "r2", "r3", "r4", "r5", "r6");

        var error = await JsonAssert.EnhancedErrorAsync(response, HttpStatusCode.Forbidden, "too_many_resources");
        Assert.Equal("configuration", error.GetProperty("action").GetString());
        Assert.False(error.TryGetProperty("decisions", out _));
        Assert.Equal(6, emulator.State.GetPreauthorizeResourceCounts()[^1]);
    }

    [Fact]
    public async Task Authorize_TwoResources_Returns403TooManyResourcesAndIssuesNoToken()
    {
        var device = await emulator.RegisterSignedInDeviceAsync(Mvpd);

        using var response = await emulator.DecideAsync(device, Authorize, Mvpd, "r1", "r2");

        var error = await JsonAssert.EnhancedErrorAsync(response, HttpStatusCode.Forbidden, "too_many_resources");
        Assert.Equal("configuration", error.GetProperty("action").GetString());
        Assert.DoesNotContain(emulator.State.ListMediaTokens(), t => t.ClientId == device.ClientId);
    }

    [Fact]
    public async Task Authorize_Permit_CarriesAFreshMediaTokenOfSevenMinutesOnEveryCall()
    {
        // Arrange
        var device = await emulator.RegisterSignedInDeviceAsync(Mvpd);
        const string Resource = EmulatorDefaults.LiveSportsResource;

        // Act
        var firstAt = emulator.Time.GetUtcNow();
        using var first = await emulator.DecideAsync(device, Authorize, Mvpd, Resource);
        emulator.Time.Advance(TimeSpan.FromSeconds(30));
        var secondAt = emulator.Time.GetUtcNow();
        using var second = await emulator.DecideAsync(device, Authorize, Mvpd, Resource);

        // Assert
        var firstToken = AssertMediaToken((await JsonAssert.DecisionsAsync(first)).Single(), Resource, firstAt);
        var secondToken = AssertMediaToken((await JsonAssert.DecisionsAsync(second)).Single(), Resource, secondAt);
        Assert.NotEqual(firstToken, secondToken);
        Assert.Equal(
            [firstToken, secondToken],
            emulator.State.ListMediaTokens().Where(t => t.ClientId == device.ClientId).Select(t => t.SerializedToken));
    }

    [Theory]
    [InlineData(EmulatorDefaults.PremiumMovieResource, "authorization_denied_by_mvpd", "none")]
    [InlineData(EmulatorDefaults.LateNightShowResource, "authorization_denied_by_parental_controls", "none")]
    [InlineData(EmulatorDefaults.FlakyChannelResource, "network_connection_timeout", "retry")]
    public async Task Authorize_ScriptedNonPermit_AnswersItemLevelErrorWithoutToken(string resource, string code, string action)
    {
        var device = await emulator.RegisterSignedInDeviceAsync(Mvpd);

        using var response = await emulator.DecideAsync(device, Authorize, Mvpd, resource);

        var decision = (await JsonAssert.DecisionsAsync(response)).Single();
        Assert.Equal(resource, decision.GetProperty("resource").GetString());
        var error = JsonAssert.ItemError(decision, code, action);
        Assert.Equal(code == "authorization_denied_by_mvpd", error.TryGetProperty("details", out _));
        Assert.DoesNotContain(emulator.State.ListMediaTokens(), t => t.ClientId == device.ClientId);
    }

    [Theory]
    [InlineData(Preauthorize)]
    [InlineData(Authorize)]
    public async Task Decisions_WithoutProfile_AnswerItemLevelAuthenticatedProfileMissing(string kind)
    {
        var device = await emulator.RegisterDeviceAsync();

        using var response = await emulator.DecideAsync(device, kind, Mvpd, EmulatorDefaults.LiveSportsResource);

        var decision = (await JsonAssert.DecisionsAsync(response)).Single();
        JsonAssert.ItemError(decision, "authenticated_profile_missing", "authentication");
        Assert.False(decision.TryGetProperty("notAfter", out _));
    }

    [Fact]
    public async Task Decisions_ProfileOfOtherMvpdOrOtherDevice_IsMissing()
    {
        // Arrange
        var device = await emulator.RegisterSignedInDeviceAsync(Mvpd);
        var sameClientOtherDevice = device with { DeviceId = device.DeviceId + "-other" };

        // Act
        using var otherMvpd = await emulator.DecideAsync(device, Preauthorize, "ExampleSat", EmulatorDefaults.LiveSportsResource);
        using var otherDevice = await emulator.DecideAsync(sameClientOtherDevice, Preauthorize, Mvpd, EmulatorDefaults.LiveSportsResource);

        // Assert
        JsonAssert.ItemError((await JsonAssert.DecisionsAsync(otherMvpd)).Single(), "authenticated_profile_missing", "authentication");
        JsonAssert.ItemError((await JsonAssert.DecisionsAsync(otherDevice)).Single(), "authenticated_profile_missing", "authentication");
    }

    [Fact]
    public async Task Decisions_ExpiredProfile_AnswerItemLevelAuthenticatedProfileExpired()
    {
        // Arrange
        var device = await emulator.RegisterSignedInDeviceAsync(Mvpd);
        emulator.Time.Advance(TimeSpan.FromHours(24));
        device = device with { AccessToken = await emulator.NewAccessTokenAsync(device.ClientId, device.ClientSecret) };

        // Act
        using var response = await emulator.DecideAsync(device, Authorize, Mvpd, EmulatorDefaults.LiveSportsResource);

        // Assert
        JsonAssert.ItemError((await JsonAssert.DecisionsAsync(response)).Single(), "authenticated_profile_expired", "authentication");
    }

    [Fact]
    public async Task Stats_CountDecisionRequestsAndMediaTokens()
    {
        // Arrange
        var device = await emulator.RegisterSignedInDeviceAsync(Mvpd);
        using var before = await emulator.Http.GetAsync("/emulator/stats");
        var statsBefore = await EmulatorFixture.JsonAsync(before);

        // Act
        using var preauthorize = await emulator.DecideAsync(device, Preauthorize, Mvpd, "news", "movies", "kids");
        using var authorize = await emulator.DecideAsync(device, Authorize, Mvpd, "news");
        using var after = await emulator.Http.GetAsync("/emulator/stats");

        // Assert
        var stats = await EmulatorFixture.JsonAsync(after);
        Assert.Equal(3, stats.GetProperty("preauthorizeResourceCounts").EnumerateArray().Last().GetInt32());
        Assert.Equal(1, stats.GetProperty("authorizeResourceCounts").EnumerateArray().Last().GetInt32());
        Assert.Equal(
            statsBefore.GetProperty("mediaTokensIssued").GetInt32() + 1,
            stats.GetProperty("mediaTokensIssued").GetInt32());
    }

    /// <returns>The serialized token, after checking the permit carries it with the media-token lifetime.</returns>
    private static string AssertMediaToken(JsonElement decision, string resource, DateTimeOffset issuedAt)
    {
        Assert.True(decision.GetProperty("authorized").GetBoolean());
        Assert.False(decision.TryGetProperty("error", out _));
        var token = decision.GetProperty("token");
        var notBefore = token.GetProperty("notBefore").GetInt64();
        Assert.Equal(issuedAt.ToUnixTimeMilliseconds(), notBefore);
        Assert.Equal((long)TimeSpan.FromMinutes(7).TotalMilliseconds, token.GetProperty("notAfter").GetInt64() - notBefore);

        // Opaque to clients, but it must look like Adobe's: Base64 of text starting with <signatureInfo>.
        var serialized = token.GetProperty("serializedToken").GetString()!;
        var text = Encoding.UTF8.GetString(Convert.FromBase64String(serialized));
        Assert.StartsWith("<signatureInfo>", text, StringComparison.Ordinal);
        Assert.Contains($"<resourceID>{resource}</resourceID>", text, StringComparison.Ordinal);
        return serialized;
    }
}
