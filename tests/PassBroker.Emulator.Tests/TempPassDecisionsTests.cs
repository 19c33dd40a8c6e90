using System.Net;
using System.Text.Json;

namespace PassBroker.Emulator.Tests;

/// <summary>
/// Decisions on TempPass MVPDs (adobe-pass-v2.md sections 5.2 and 6): basic TempPass_REF30 (1 hour) and promotional
/// TempPassPromo_REF30 (24 hours, 3 distinct resources, identity key <c>email</c>).
/// </summary>
public sealed class TempPassDecisionsTests(EmulatorFixture emulator) : IClassFixture<EmulatorFixture>
{
    private const string Basic = EmulatorDefaults.TempPassMvpd;
    private const string Promo = EmulatorDefaults.PromotionalTempPassMvpd;
    private const string Preauthorize = "preauthorize";
    private const string Authorize = "authorize";

    [Fact]
    public async Task Authorize_BasicTempPass_FirstCallStartsTrialAndPermitsWithMediaToken()
    {
        // Arrange
        var device = await emulator.RegisterDeviceAsync();
        var now = emulator.Time.GetUtcNow();

        // Act
        using var response = await emulator.DecideTempPassAsync(device, Authorize, Basic, identity: null, "movie-1");

        // Assert
        var decision = (await JsonAssert.DecisionsAsync(response)).Single();
        Assert.True(decision.GetProperty("authorized").GetBoolean());
        Assert.Equal("temppass", decision.GetProperty("source").GetString());
        Assert.Equal(Basic, decision.GetProperty("mvpd").GetString());
        Assert.False(string.IsNullOrEmpty(decision.GetProperty("token").GetProperty("serializedToken").GetString()));
        Assert.Equal(now.ToUnixTimeMilliseconds(), decision.GetProperty("notBefore").GetInt64());
        Assert.Equal(now.AddHours(1).ToUnixTimeMilliseconds(), decision.GetProperty("notAfter").GetInt64());
        var trial = Assert.Single(TrialsOf(device));
        Assert.Equal(Basic, trial.Mvpd);
        Assert.Equal(now, trial.NotBefore);
        Assert.Equal(now.AddHours(1), trial.NotAfter);
        Assert.Matches("^temppass_[0-9a-f]{40}$", trial.UserId);
        Assert.Null(trial.MaxResources);
    }

    [Fact]
    public async Task Authorize_BasicTempPass_LaterCallsKeepTheClockThenDurationLimitItemLevel()
    {
        // Arrange
        var device = await emulator.RegisterDeviceAsync();
        var start = emulator.Time.GetUtcNow();
        using var first = await emulator.DecideTempPassAsync(device, Authorize, Basic, identity: null, "movie-1");

        // Act
        emulator.Time.Advance(TimeSpan.FromMinutes(40));
        using var during = await emulator.DecideTempPassAsync(device, Authorize, Basic, identity: null, "movie-2");
        emulator.Time.Advance(TimeSpan.FromMinutes(20));
        using var after = await emulator.DecideTempPassAsync(device, Authorize, Basic, identity: null, "movie-3");

        // Assert: the decision window stops at the trial's end; after it, HTTP 200 with an item error.
        var permit = (await JsonAssert.DecisionsAsync(during)).Single();
        Assert.True(permit.GetProperty("authorized").GetBoolean());
        Assert.Equal(start.AddHours(1).ToUnixTimeMilliseconds(), permit.GetProperty("notAfter").GetInt64());
        var expired = (await JsonAssert.DecisionsAsync(after)).Single();
        Assert.Equal("temppass", expired.GetProperty("source").GetString());
        JsonAssert.ItemError(expired, "temporary_access_duration_limit_exceeded", "authentication");
        Assert.Equal(start, Assert.Single(TrialsOf(device)).NotBefore);
    }

    [Fact]
    public async Task Authorize_BasicTempPass_IdentityIsTheDeviceNotTheClient()
    {
        // Arrange
        var device = await emulator.RegisterDeviceAsync();
        using var first = await emulator.DecideTempPassAsync(device, Authorize, Basic, identity: null, "movie-1");
        var reRegistered = await emulator.RegisterDeviceAsync(device.DeviceId);
        var otherDevice = device with { DeviceId = device.DeviceId + "-other" };

        // Act
        using var sameDevice = await emulator.DecideTempPassAsync(reRegistered, Authorize, Basic, identity: null, "movie-2");
        using var newDevice = await emulator.DecideTempPassAsync(otherDevice, Authorize, Basic, identity: null, "movie-2");

        // Assert
        Assert.True((await JsonAssert.DecisionsAsync(sameDevice)).Single().GetProperty("authorized").GetBoolean());
        Assert.True((await JsonAssert.DecisionsAsync(newDevice)).Single().GetProperty("authorized").GetBoolean());
        Assert.Single(TrialsOf(device));
        Assert.NotEqual(TrialsOf(device).Single().UserId, TrialsOf(otherDevice).Single().UserId);
    }

    [Fact]
    public async Task Authorize_Promotional_NewHashNewDevice_StartsNewTrial()
    {
        var device = await emulator.RegisterDeviceAsync();
        var hash = NewHash();

        using var response = await emulator.DecideTempPassAsync(device, Authorize, Promo, Identity(hash), "movie-1");

        Assert.True((await JsonAssert.DecisionsAsync(response)).Single().GetProperty("authorized").GetBoolean());
        var trial = Assert.Single(emulator.State.ListTempPassTrials(), t => t.Keys.Contains(hash));
        Assert.Equal([device.DeviceId], trial.DeviceIds);
        Assert.Equal(emulator.Time.GetUtcNow().AddHours(24), trial.NotAfter);
        Assert.Equal(["movie-1"], trial.UsedAssets);
        Assert.Equal(2, trial.RemainingResources);
    }

    [Fact]
    public async Task Authorize_Promotional_SeenHashNewDevice_UsesTheTrialFoundByHash()
    {
        // Arrange
        var hash = NewHash();
        var first = await emulator.RegisterDeviceAsync();
        using var start = await emulator.DecideTempPassAsync(first, Authorize, Promo, Identity(hash), "movie-1");
        var second = await emulator.RegisterDeviceAsync();

        // Act
        using var response = await emulator.DecideTempPassAsync(second, Authorize, Promo, Identity(hash), "movie-2");

        // Assert: one trial, now known by both devices, counting both titles.
        Assert.True((await JsonAssert.DecisionsAsync(response)).Single().GetProperty("authorized").GetBoolean());
        var trial = Assert.Single(emulator.State.ListTempPassTrials(), t => t.Keys.Contains(hash));
        Assert.Equal([first.DeviceId, second.DeviceId], trial.DeviceIds);
        Assert.Equal(["movie-1", "movie-2"], trial.UsedAssets);
    }

    [Fact]
    public async Task Authorize_Promotional_NewHashSeenDevice_UsesTheTrialFoundByDevice()
    {
        // Arrange
        var device = await emulator.RegisterDeviceAsync();
        var firstHash = NewHash();
        var secondHash = NewHash();
        using var start = await emulator.DecideTempPassAsync(device, Authorize, Promo, Identity(firstHash), "movie-1");

        // Act
        using var response = await emulator.DecideTempPassAsync(device, Authorize, Promo, Identity(secondHash), "movie-2");

        // Assert
        Assert.True((await JsonAssert.DecisionsAsync(response)).Single().GetProperty("authorized").GetBoolean());
        var trial = Assert.Single(TrialsOf(device));
        Assert.Equal([firstHash, secondHash], trial.Keys);
        Assert.Equal(["movie-1", "movie-2"], trial.UsedAssets);
    }

    [Fact]
    public async Task Authorize_Promotional_SeenHashSeenDevice_UsesTheExistingTrial()
    {
        // Arrange
        var device = await emulator.RegisterDeviceAsync();
        var hash = NewHash();
        using var start = await emulator.DecideTempPassAsync(device, Authorize, Promo, Identity(hash), "movie-1");
        var trialsBefore = emulator.State.TempPassTrialCount;

        // Act
        using var response = await emulator.DecideTempPassAsync(device, Authorize, Promo, Identity(hash), "movie-2");

        // Assert
        Assert.True((await JsonAssert.DecisionsAsync(response)).Single().GetProperty("authorized").GetBoolean());
        Assert.Equal(trialsBefore, emulator.State.TempPassTrialCount);
        var trial = Assert.Single(TrialsOf(device));
        Assert.Equal([hash], trial.Keys);
        Assert.Equal([device.DeviceId], trial.DeviceIds);
    }

    [Fact]
    public async Task Authorize_Promotional_HashAndDeviceInDifferentTrials_HashWinsUnlessTheDeviceTrialIsUsedUp()
    {
        // Arrange: hash A on device 1, hash B on device 2; B's trial then uses all three titles.
        var (hashA, hashB) = (NewHash(), NewHash());
        var device1 = await emulator.RegisterDeviceAsync();
        var device2 = await emulator.RegisterDeviceAsync();
        using var a = await emulator.DecideTempPassAsync(device1, Authorize, Promo, Identity(hashA), "a-1");
        using var b = await emulator.DecideTempPassAsync(device2, Authorize, Promo, Identity(hashB), "b-1");

        // Act
        using var mixed = await emulator.DecideTempPassAsync(device2, Authorize, Promo, Identity(hashA), "a-2");
        using var b2 = await emulator.DecideTempPassAsync(device2, Authorize, Promo, Identity(hashB), "b-2");
        using var b3 = await emulator.DecideTempPassAsync(device2, Authorize, Promo, Identity(hashB), "b-3");
        using var mixedAfterUsedUp = await emulator.DecideTempPassAsync(device2, Authorize, Promo, Identity(hashA), "a-3");

        // Assert: no merging; the used-up device trial denies even with a fresh hash.
        Assert.True((await JsonAssert.DecisionsAsync(mixed)).Single().GetProperty("authorized").GetBoolean());
        var trialA = Assert.Single(emulator.State.ListTempPassTrials(), t => t.Keys.Contains(hashA));
        Assert.Equal(["a-1", "a-2"], trialA.UsedAssets);
        Assert.Equal([device1.DeviceId], trialA.DeviceIds);
        JsonAssert.ItemError(
            (await JsonAssert.DecisionsAsync(mixedAfterUsedUp)).Single(), "temporary_access_resources_limit_exceeded", "authentication");
        Assert.Equal(["a-1", "a-2"], Assert.Single(emulator.State.ListTempPassTrials(), t => t.Keys.Contains(hashA)).UsedAssets);
    }

    [Fact]
    public async Task Authorize_Promotional_CountsDistinctResourcesOnly()
    {
        // Arrange
        var device = await emulator.RegisterDeviceAsync();
        var identity = Identity(NewHash());
        foreach (var resource in (string[])["movie-1", "movie-2", "movie-1", "movie-3"])
        {
            using var used = await emulator.DecideTempPassAsync(device, Authorize, Promo, identity, resource);
            Assert.True((await JsonAssert.DecisionsAsync(used)).Single().GetProperty("authorized").GetBoolean());
        }

        // Act
        using var again = await emulator.DecideTempPassAsync(device, Authorize, Promo, identity, "movie-2");
        using var fourth = await emulator.DecideTempPassAsync(device, Authorize, Promo, identity, "movie-4");

        // Assert
        var permit = (await JsonAssert.DecisionsAsync(again)).Single();
        Assert.True(permit.GetProperty("authorized").GetBoolean());
        Assert.True(permit.TryGetProperty("token", out _));
        var deny = (await JsonAssert.DecisionsAsync(fourth)).Single();
        Assert.Equal("temppass", deny.GetProperty("source").GetString());
        JsonAssert.ItemError(deny, "temporary_access_resources_limit_exceeded", "authentication");
        var trial = Assert.Single(TrialsOf(device));
        Assert.Equal(["movie-1", "movie-2", "movie-3"], trial.UsedAssets);
        Assert.Equal(0, trial.RemainingResources);
    }

    [Fact]
    public async Task Authorize_Promotional_AfterTtl_DurationLimitEvenForAUsedAsset()
    {
        // Arrange
        var device = await emulator.RegisterDeviceAsync();
        var identity = Identity(NewHash());
        using var first = await emulator.DecideTempPassAsync(device, Authorize, Promo, identity, "movie-1");
        emulator.Time.Advance(TimeSpan.FromHours(24));
        device = await emulator.RefreshTokenAsync(device);

        // Act
        using var response = await emulator.DecideTempPassAsync(device, Authorize, Promo, identity, "movie-1");

        // Assert
        JsonAssert.ItemError((await JsonAssert.DecisionsAsync(response)).Single(), "temporary_access_duration_limit_exceeded", "authentication");
        Assert.True(Assert.Single(TrialsOf(device)).Expired);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("not base64 !")]
    [InlineData("eyJlbWFpbCI6IiJ9")] // {"email":""}
    [InlineData("eyJ1c2VyIjoiYWJjIn0=")] // {"user":"abc"}: not the configured key
    [InlineData("WyJhYmMiXQ==")] // ["abc"]: not an object
    public async Task Authorize_Promotional_MissingOrInvalidIdentity_ItemLevel400AndNoTrial(string? identity)
    {
        var device = await emulator.RegisterDeviceAsync();

        using var response = await emulator.DecideTempPassAsync(device, Authorize, Promo, identity, "movie-1");

        var decision = (await JsonAssert.DecisionsAsync(response)).Single();
        Assert.False(decision.GetProperty("authorized").GetBoolean());
        Assert.False(decision.TryGetProperty("token", out _));
        var error = decision.GetProperty("error");
        Assert.Equal("invalid_header_identity_for_temporary_access", error.GetProperty("code").GetString());
        Assert.Equal(400, error.GetProperty("status").GetInt32());
        Assert.Equal("none", error.GetProperty("action").GetString());
        Assert.Empty(TrialsOf(device));
    }

    [Fact]
    public async Task Authorize_Promotional_IdentityHeaderNameAndJsonKeyInAnyCase_Accepted()
    {
        var device = await emulator.RegisterDeviceAsync();
        var hash = NewHash();
        using var start = await emulator.DecideTempPassAsync(device, Authorize, Promo, EmulatorFixture.TempPassIdentity(hash, "EMAIL"), "movie-1");

        using var profile = await emulator.GetProfileAsync(device, Promo, Identity(hash), identityHeaderName: "ap-temppass-identity");

        Assert.True((await JsonAssert.DecisionsAsync(start)).Single().GetProperty("authorized").GetBoolean());
        Assert.Equal([hash], Assert.Single(TrialsOf(device)).Keys);
        Assert.Equal([Promo], JsonAssert.Names((await JsonAssert.OkJsonAsync(profile)).GetProperty("profiles")));
    }

    [Fact]
    public async Task Preauthorize_BeforeAnyTrial_PermitsWithoutTokenAndStartsNothing()
    {
        var device = await emulator.RegisterDeviceAsync();

        using var basic = await emulator.DecideTempPassAsync(device, Preauthorize, Basic, identity: null, "movie-1", "movie-2");
        using var promo = await emulator.DecideTempPassAsync(device, Preauthorize, Promo, Identity(NewHash()), "movie-1", "movie-2");

        JsonElement[] decisions = [.. await JsonAssert.DecisionsAsync(basic), .. await JsonAssert.DecisionsAsync(promo)];
        Assert.Equal(4, decisions.Length);
        Assert.All(decisions, d =>
        {
            Assert.True(d.GetProperty("authorized").GetBoolean());
            Assert.Equal("temppass", d.GetProperty("source").GetString());
            Assert.False(d.TryGetProperty("token", out _));
        });
        Assert.Empty(TrialsOf(device));
    }

    [Fact]
    public async Task Preauthorize_Promotional_DoesNotSpendTitlesAndDeniesNewTitlesOnceAllAreUsed()
    {
        // Arrange
        var device = await emulator.RegisterDeviceAsync();
        var identity = Identity(NewHash());
        using var first = await emulator.DecideTempPassAsync(device, Authorize, Promo, identity, "movie-1");

        // Act: preauthorize with titles left, then use them all up and preauthorize again (without the identity header).
        using var withTitlesLeft = await emulator.DecideTempPassAsync(device, Preauthorize, Promo, identity, "movie-1", "movie-8", "movie-9", "movie-10");
        var usedAfterPreauthorize = Assert.Single(TrialsOf(device)).UsedAssets;
        using var second = await emulator.DecideTempPassAsync(device, Authorize, Promo, identity, "movie-2");
        using var third = await emulator.DecideTempPassAsync(device, Authorize, Promo, identity, "movie-3");
        using var usedUp = await emulator.DecideTempPassAsync(device, Preauthorize, Promo, identity: null, "movie-2", "movie-4");

        // Assert
        Assert.All(await JsonAssert.DecisionsAsync(withTitlesLeft), d => Assert.True(d.GetProperty("authorized").GetBoolean()));
        Assert.Equal(["movie-1"], usedAfterPreauthorize);
        var decisions = await JsonAssert.DecisionsAsync(usedUp);
        Assert.True(decisions[0].GetProperty("authorized").GetBoolean());
        JsonAssert.ItemError(decisions[1], "temporary_access_resources_limit_exceeded", "authentication");
    }

    [Fact]
    public async Task Preauthorize_Basic_AfterTtl_DurationLimitOnEveryItem()
    {
        var device = await emulator.RegisterDeviceAsync();
        using var first = await emulator.DecideTempPassAsync(device, Authorize, Basic, identity: null, "movie-1");
        emulator.Time.Advance(TimeSpan.FromHours(1));

        using var response = await emulator.DecideTempPassAsync(device, Preauthorize, Basic, identity: null, "movie-1", "movie-2");

        Assert.All(
            await JsonAssert.DecisionsAsync(response),
            d => JsonAssert.ItemError(d, "temporary_access_duration_limit_exceeded", "authentication"));
    }

    [Fact]
    public async Task Preauthorize_Promotional_InvalidIdentityHeader_ItemLevel400()
    {
        var device = await emulator.RegisterDeviceAsync();

        using var response = await emulator.DecideTempPassAsync(device, Preauthorize, Promo, "%%%", "movie-1");

        var error = (await JsonAssert.DecisionsAsync(response)).Single().GetProperty("error");
        Assert.Equal("invalid_header_identity_for_temporary_access", error.GetProperty("code").GetString());
        Assert.Equal(400, error.GetProperty("status").GetInt32());
    }

    [Fact]
    public async Task Authorize_TempPass_IssuesRecordedMediaTokens()
    {
        var device = await emulator.RegisterDeviceAsync();
        var before = emulator.State.MediaTokensIssued;

        using var response = await emulator.DecideTempPassAsync(device, Authorize, Basic, identity: null, "movie-1");

        var token = (await JsonAssert.DecisionsAsync(response)).Single().GetProperty("token").GetProperty("serializedToken").GetString();
        Assert.Equal(before + 1, emulator.State.MediaTokensIssued);
        Assert.Contains(emulator.State.ListMediaTokens(), t => t.SerializedToken == token && t.Mvpd == Basic && t.DeviceId == device.DeviceId);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    private IReadOnlyList<EmulatorTempPassTrial> TrialsOf(TestDevice device) =>
        [.. emulator.State.ListTempPassTrials().Where(t => t.DeviceIds.Contains(device.DeviceId))];

    private static string Identity(string hash) => EmulatorFixture.TempPassIdentity(hash);

    private static string NewHash() => Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(Guid.NewGuid().ToByteArray()));
}
