using PassBroker.Core.Upstream;
using PassBroker.Testing.Hosting;

namespace PassBroker.AdobePass.Tests.Handlers;

/// <summary>The decisions and logout calls over real HTTP to the emulator, for a device that has not signed in.</summary>
public sealed class DecisionCallsTests : IAsyncLifetime
{
    private AdobePassHarness _harness = null!;

    public async Task InitializeAsync() => _harness = await AdobePassHarness.StartAsync();

    public async Task DisposeAsync() => await _harness.DisposeAsync();

    [Fact]
    public async Task Preauthorize_NoProfile_EveryItemAsksForAuthentication()
    {
        var device = await _harness.RegisterAsync("tv-d1");

        var decisions = await _harness.Client.PreauthorizeAsync(device, "ExampleCable", ["a", "b", "c"], CancellationToken.None);

        Assert.Equal(["a", "b", "c"], decisions.Select(d => d.Resource));
        Assert.All(decisions, d => Assert.Equal((false, UpstreamActions.Authentication), (d.Authorized, d.Error!.Action)));
        Assert.Equal([3], _harness.Emulator.State().GetPreauthorizeResourceCounts());
    }

    [Fact]
    public async Task Preauthorize_MoreThanAdobeTakesInOneCall_IsTooManyResources()
    {
        var device = await _harness.RegisterAsync("tv-d2");

        var error = await Assert.ThrowsAsync<AdobePassException>(() =>
            _harness.Client.PreauthorizeAsync(device, "ExampleCable", ["1", "2", "3", "4", "5", "6"], CancellationToken.None));

        Assert.Equal(("too_many_resources", UpstreamActions.Configuration), (error.Error!.Code, error.Error.Action));
    }

    [Fact]
    public async Task Authorize_NoProfile_IsADecisionAskingForAuthenticationWithoutToken()
    {
        var device = await _harness.RegisterAsync("tv-d3");

        var decision = await _harness.Client.AuthorizeAsync(device, "ExampleCable", "news", CancellationToken.None);

        Assert.Equal(("news", false, null), (decision.Resource, decision.Authorized, decision.Token));
        Assert.Equal("authenticated_profile_missing", decision.Error!.Code);
    }

    [Fact]
    public async Task Authorize_UnknownMvpd_IsTheTopLevelInvalidParameterError()
    {
        var device = await _harness.RegisterAsync("tv-d4");

        var error = await Assert.ThrowsAsync<AdobePassException>(() => _harness.Client.AuthorizeAsync(device, "NoSuchMvpd", "news", CancellationToken.None));

        Assert.Equal((400, UpstreamErrorCodes.InvalidParameterMvpd), (error.HttpStatus, error.Error!.Code));
    }

    [Fact]
    public async Task Logout_NoProfile_IsInvalidForThatMvpd()
    {
        var device = await _harness.RegisterAsync("tv-d5");

        var actions = await _harness.Client.LogoutAsync(device, "ExampleCable", "http://127.0.0.1/signed-out", CancellationToken.None);

        Assert.Equal([new LogoutAction("ExampleCable", "invalid", "none", null)], actions);
        Assert.Equal(1, _harness.Emulator.State().LogoutCount);
    }
}
