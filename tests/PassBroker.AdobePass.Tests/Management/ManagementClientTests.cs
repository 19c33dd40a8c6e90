using Microsoft.Extensions.DependencyInjection;
using PassBroker.AdobePass.Management;
using PassBroker.AdobePass.Tests.Handlers;
using PassBroker.Core.Brands;
using PassBroker.Core.Upstream;
using PassBroker.Emulator;
using PassBroker.Testing.Hosting;

namespace PassBroker.AdobePass.Tests.Management;

/// <summary>
/// PassBroker's own DCR client for the Temp Pass reset, against the emulator: stored once and reused by every instance
/// and restart, its token reused while fresh and refreshed with the stored credentials, a new client only when DCR
/// refuses the stored one.
/// </summary>
public sealed class ManagementClientTests : IAsyncLifetime
{
    private static readonly TempPassReset AllDevices = new("TempPass_REF30", false, null, null);
    private AdobePassHarness _harness = null!;

    public async Task InitializeAsync() => _harness = await AdobePassHarness.StartAsync();

    public async Task DisposeAsync() => await _harness.DisposeAsync();

    private EmulatorState Adobe => _harness.Emulator.State();

    private static Task<int> ResetAsync(IServiceProvider instance) =>
        instance.GetRequiredService<IAdobePassClient>().ResetTempPassAsync(AllDevices, CancellationToken.None);

    [Fact]
    public async Task FirstReset_RegistersOnceAndStoresClientAndToken()
    {
        Assert.Equal(204, await ResetAsync(_harness.Services));
        Assert.Equal(204, await ResetAsync(_harness.Services));

        var stored = _harness.ManagementClients.Stored!;
        Assert.Equal(1, Adobe.RegistrationCount);
        Assert.Equal(new Dictionary<string, int> { [stored.Credentials.ClientId] = 1 }, Adobe.GetTokensIssuedByClient());
        Assert.Equal(_harness.Time.GetUtcNow(), stored.RegisteredAt);
        Assert.Equal(_harness.Time.GetUtcNow().AddHours(6), stored.AccessToken!.ExpiresAt, TimeSpan.FromSeconds(1));
    }

    [Fact]
    public async Task Restarts_ReuseTheStoredClientAndItsFreshToken_WithoutAskingDcr()
    {
        await ResetAsync(_harness.Services);
        var first = _harness.ManagementClients.Stored!;

        Assert.Equal(204, await ResetAsync(_harness.StartInstance()));
        Assert.Equal(204, await ResetAsync(_harness.StartInstance()));

        Assert.Equal(1, Adobe.RegistrationCount);
        Assert.Equal(1, Adobe.GetTokensIssued(first.Credentials.ClientId));
        Assert.Equal(first, _harness.ManagementClients.Stored);
    }

    [Fact]
    public async Task StoredTokenWithinTheRefreshMargin_RefreshedWithTheStoredCredentialsAndStored()
    {
        await ResetAsync(_harness.Services);
        var before = _harness.ManagementClients.Stored!;
        _harness.FakeTime.Advance(TimeSpan.FromHours(6) - TimeSpan.FromMinutes(4)); // inside the 5-minute margin

        Assert.Equal(204, await ResetAsync(_harness.StartInstance()));

        var after = _harness.ManagementClients.Stored!;
        Assert.Equal(1, Adobe.RegistrationCount);
        Assert.Equal(2, Adobe.GetTokensIssued(before.Credentials.ClientId));
        Assert.Equal(before.Credentials, after.Credentials);
        Assert.NotEqual(before.AccessToken!.Value, after.AccessToken!.Value);
    }

    [Fact]
    public async Task TokenTheResetApiRefuses_RefreshedOnceWithTheStoredCredentials_NeverARegistration()
    {
        await ResetAsync(_harness.Services);
        var stored = _harness.ManagementClients.Stored!;
        // A token PassBroker believes good for hours that Adobe does not know (revoked, or issued elsewhere).
        await _harness.ManagementClients.UpdateAsync(stored with { AccessToken = stored.AccessToken! with { Value = "revoked-token" } }, CancellationToken.None);

        Assert.Equal(204, await ResetAsync(_harness.StartInstance()));

        Assert.Equal(1, Adobe.RegistrationCount);
        Assert.Equal(2, Adobe.GetTokensIssued(stored.Credentials.ClientId));
        Assert.NotEqual("revoked-token", _harness.ManagementClients.Stored!.AccessToken!.Value);
    }

    [Fact]
    public async Task StoredClientDcrRefusesAsInvalidClient_NewClientRegisteredStoredAndUsed()
    {
        await ResetAsync(_harness.Services);
        var stored = _harness.ManagementClients.Stored!;
        await _harness.ManagementClients.UpdateAsync(stored with
        {
            Credentials = stored.Credentials with { ClientSecret = "no-longer-valid" },
            AccessToken = null,
        }, CancellationToken.None);

        Assert.Equal(204, await ResetAsync(_harness.StartInstance()));

        var replaced = _harness.ManagementClients.Stored!;
        Assert.Equal(2, Adobe.RegistrationCount);
        Assert.NotEqual(stored.Credentials.ClientId, replaced.Credentials.ClientId);
        Assert.Equal(1, Adobe.GetTokensIssued(replaced.Credentials.ClientId));
        Assert.NotNull(replaced.AccessToken);
    }

    [Fact]
    public async Task TwoInstancesRacingToTheFirstToken_BothEndOnTheOneStoredClient()
    {
        // Both instances read "nothing stored" before either stores: each registers, one store wins.
        var bothRead = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var reads = 0;
        _harness.ManagementClients.BeforeFind = async () =>
        {
            if (Interlocked.Increment(ref reads) == 2)
            {
                bothRead.TrySetResult();
            }
            await bothRead.Task.WaitAsync(TimeSpan.FromSeconds(10));
        };
        var (a, b) = (_harness.StartInstance(), _harness.StartInstance());

        var tokens = await Task.WhenAll(Token(a), Token(b));
        _harness.ManagementClients.BeforeFind = null;

        var stored = _harness.ManagementClients.Stored!;
        Assert.Equal(2, Adobe.RegistrationCount); // the known cost of the race: the loser's client stays unused
        Assert.Equal([stored.Credentials.ClientId], Adobe.GetTokensIssuedByClient().Keys);
        Assert.Contains(stored.AccessToken!.Value, tokens);
        Assert.Equal(204, await ResetAsync(a));
        Assert.Equal(204, await ResetAsync(b));
        Assert.Equal(2, Adobe.RegistrationCount);

        static Task<string> Token(IServiceProvider instance) =>
            instance.GetRequiredService<ManagementTokenProvider>().GetAsync(BrandKeys.Default, null, CancellationToken.None);
    }

    [Fact]
    public async Task ConcurrentResetsInOneInstance_OneRegistrationOneToken()
    {
        var results = await Task.WhenAll(Enumerable.Range(0, 10).Select(_ => ResetAsync(_harness.Services)));

        Assert.All(results, status => Assert.Equal(204, status));
        Assert.Equal(1, Adobe.RegistrationCount);
        Assert.Equal(1, Adobe.GetTokensIssuedByClient().Values.Sum());
    }
}
