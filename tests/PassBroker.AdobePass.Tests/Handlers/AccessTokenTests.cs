using Microsoft.Extensions.DependencyInjection;
using PassBroker.Core.Upstream;
using PassBroker.Testing.Hosting;

namespace PassBroker.AdobePass.Tests.Handlers;

/// <summary>The device's bearer token against the emulator: reuse, refresh before expiry, single flight, 401 retry.</summary>
public sealed class AccessTokenTests : IAsyncLifetime
{
    private AdobePassHarness _harness = null!;

    public async Task InitializeAsync() => _harness = await AdobePassHarness.StartAsync();

    public async Task DisposeAsync() => await _harness.DisposeAsync();

    private int TokensIssued(string clientId) => _harness.Emulator.State().GetTokensIssued(clientId);

    [Fact]
    public async Task Calls_WithFreshStoredToken_ReuseItWithoutAskingDcr()
    {
        var device = await _harness.RegisterAsync("tv-1");
        var clientId = (await _harness.RecordAsync(device)).Credentials.ClientId;

        await _harness.Client.GetMvpdsAsync(device, CancellationToken.None);
        await _harness.Client.GetProfilesAsync(device, CancellationToken.None);

        Assert.Equal(1, TokensIssued(clientId));
    }

    [Fact]
    public async Task Calls_TokenWithinRefreshMargin_RefreshedOnceWithStoredCredentialsAndStored()
    {
        var device = await _harness.RegisterAsync("tv-2");
        var before = await _harness.RecordAsync(device);
        _harness.FakeTime.Advance(TimeSpan.FromHours(6) - TimeSpan.FromMinutes(4)); // inside the 5-minute margin, still valid upstream

        await Task.WhenAll(Enumerable.Range(0, 20).Select(_ => _harness.Client.GetProfilesAsync(device, CancellationToken.None)));

        var after = await _harness.RecordAsync(device);
        Assert.Equal(2, TokensIssued(before.Credentials.ClientId)); // single flight: one refresh for twenty calls
        Assert.NotEqual(before.AccessToken!.Value, after.AccessToken!.Value);
        Assert.Equal(before.Credentials, after.Credentials);
        Assert.Equal(1, _harness.Emulator.State().RegistrationCount); // never a re-registration to refresh
    }

    [Fact]
    public async Task Calls_TokenAdobeNoLongerAccepts_RefreshOnceAndRetry()
    {
        var device = await _harness.RegisterAsync("tv-3");
        var record = await _harness.RecordAsync(device);
        // PassBroker believes the token is good for hours; Adobe disagrees (revoked, or our clock is off).
        await _harness.Devices.UpdateAsync(record with { AccessToken = record.AccessToken! with { Value = "revoked-token" } }, CancellationToken.None);

        var profiles = await _harness.Client.GetProfilesAsync(device, CancellationToken.None);

        Assert.Empty(profiles);
        Assert.Equal(2, TokensIssued(record.Credentials.ClientId));
        Assert.Equal(1, _harness.Emulator.State().RegistrationCount);
    }

    [Fact]
    public async Task TokensInMemory_AreBounded_AndADeviceLeftOutReadsItsRecordAgain()
    {
        var client = _harness.StartInstance(new Dictionary<string, string?> { ["AdobePass:MaxAccessTokens"] = "1" })
            .GetRequiredService<IAdobePassClient>();
        var first = await _harness.RegisterAsync("tv-bound-1");
        var second = await _harness.RegisterAsync("tv-bound-2");
        var record = await _harness.RecordAsync(first);
        await client.GetProfilesAsync(first, CancellationToken.None);
        await client.GetProfilesAsync(second, CancellationToken.None);

        // Only the record now knows this token: a device still in memory would never see it.
        await _harness.Devices.UpdateAsync(record with { AccessToken = record.AccessToken! with { Value = "revoked-token" } }, CancellationToken.None);
        await client.GetProfilesAsync(first, CancellationToken.None);

        Assert.Equal(2, TokensIssued(record.Credentials.ClientId));
    }

    [Fact]
    public async Task Calls_CredentialsUnknownToAdobe_FailWithInvalidClientAndNoRegistration()
    {
        var device = await _harness.RegisterAsync("tv-4");
        var record = await _harness.RecordAsync(device);
        await _harness.Devices.UpdateAsync(record with
        {
            Credentials = record.Credentials with { ClientSecret = "wrong" },
            AccessToken = null,
        }, CancellationToken.None);

        var error = await Assert.ThrowsAsync<AdobePassException>(() => _harness.Client.GetProfilesAsync(device, CancellationToken.None));

        Assert.Equal(UpstreamErrorCodes.InvalidClient, error.Code);
        Assert.Equal(1, _harness.Emulator.State().RegistrationCount);
    }

    [Fact]
    public async Task CreateSession_SendsDeviceHeadersAndGetsAnAbsoluteLoginUrl()
    {
        var device = await _harness.RegisterAsync("tv-5");

        var session = await _harness.Client.CreateSessionAsync(device, new SessionParameters("ExampleCable", "localhost", "http://127.0.0.1/done"), CancellationToken.None);

        Assert.Equal("authenticate", session.ActionName);
        Assert.Equal($"{_harness.Emulator.BaseAddress.GetLeftPart(UriPartial.Authority)}/api/v2/authenticate/REF30/{session.Code}", session.Url);
        Assert.Equal(_harness.Time.GetUtcNow().AddMinutes(30), session.NotAfter!.Value, TimeSpan.FromSeconds(1));
        var profiles = await _harness.Client.GetProfilesForCodeAsync(device, session.Code!, CancellationToken.None);
        Assert.Empty(profiles);
    }

    [Fact]
    public async Task GetSession_UnknownCode_IsInvalidAuthenticationSession()
    {
        var device = await _harness.RegisterAsync("tv-6");

        var error = await Assert.ThrowsAsync<AdobePassException>(() => _harness.Client.GetProfilesForCodeAsync(device, "NOSUCH1", CancellationToken.None));

        Assert.True(UpstreamErrorCodes.IsDeadSession(error.Code!));
        Assert.Equal(400, error.HttpStatus);
    }
}
