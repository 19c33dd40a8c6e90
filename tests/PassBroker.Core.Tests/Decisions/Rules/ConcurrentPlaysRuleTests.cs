using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;
using PassBroker.Core.Decisions;
using PassBroker.Core.Decisions.Rules;
using PassBroker.Core.Upstream;
using PassBroker.TestHelpers.Fakes;

namespace PassBroker.Core.Tests.Decisions.Rules;

public sealed class ConcurrentPlaysRuleTests
{
    private static readonly Core.Devices.DeviceRecord Device = TestDevices.Record();

    private readonly FakeTimeProvider _time = new(new DateTimeOffset(2026, 11, 23, 20, 0, 0, TimeSpan.Zero));
    private readonly InMemoryPlayStore _plays = new();
    private readonly ConcurrentPlaysRule _rule;

    public ConcurrentPlaysRuleTests() =>
        _rule = new ConcurrentPlaysRule(_plays, Options.Create(new ConcurrentPlaysOptions { MaxConcurrentPlays = 2, PlayLease = TimeSpan.FromHours(1) }), _time);

    private static AuthorizationRequest Request(string resource, Core.Devices.DeviceRecord? device = null) =>
        new(device ?? Device, (device ?? Device).ToContext(TestDevices.Client), "ExampleCable", resource);

    /// <summary>Runs the rule around an upstream answer, as the authorization service does.</summary>
    private async Task<Decision> PlayAsync(string resource, bool upstreamPermits = true, Core.Devices.DeviceRecord? device = null)
    {
        var request = Request(resource, device);
        if (await _rule.BeforeUpstreamAsync(request, CancellationToken.None) is { } denied)
        {
            return denied;
        }
        var upstream = new Decision
        {
            Resource = resource, Mvpd = request.Mvpd, Authorized = upstreamPermits,
            Error = upstreamPermits ? null : new UpstreamError { Code = "authorization_denied_by_mvpd" },
        };
        return await _rule.AfterUpstreamAsync(request, upstream, CancellationToken.None);
    }

    [Fact]
    public async Task NewTitleBeyondTheLimit_IsDeniedWithTheLimitInTheDetails()
    {
        await PlayAsync("show-1");
        await PlayAsync("show-2");

        var third = await PlayAsync("show-3");

        Assert.False(third.Authorized);
        Assert.Equal(ConcurrentPlaysRule.DeniedCode, third.Error!.Code);
        Assert.Contains("at most 2", third.Error.Details, StringComparison.Ordinal);
    }

    [Fact]
    public async Task TitleAlreadyPlaying_IsAllowedAgainAtTheLimit()
    {
        await PlayAsync("show-1");
        await PlayAsync("show-2");

        Assert.True((await PlayAsync("show-1")).Authorized);
    }

    [Fact]
    public async Task LeaseRunsOut_FreesItsPlace()
    {
        await PlayAsync("show-1");
        _time.Advance(TimeSpan.FromMinutes(30));
        await PlayAsync("show-2");
        _time.Advance(TimeSpan.FromMinutes(31));

        Assert.True((await PlayAsync("show-3")).Authorized);
    }

    [Fact]
    public async Task Reauthorizing_RenewsTheLease()
    {
        await PlayAsync("show-1");
        await PlayAsync("show-2");
        _time.Advance(TimeSpan.FromMinutes(50));
        await PlayAsync("show-1");
        _time.Advance(TimeSpan.FromMinutes(20));

        // show-2's lease ended; show-1's was renewed 20 minutes ago and still counts.
        var active = await _plays.ListActiveAsync(Device.DeviceKey, _time.GetUtcNow(), CancellationToken.None);
        Assert.Equal(["show-1"], active.Select(p => p.Resource));
    }

    [Fact]
    public async Task UpstreamDeny_StartsNoPlay()
    {
        await PlayAsync("show-1", upstreamPermits: false);

        Assert.Empty(await _plays.ListActiveAsync(Device.DeviceKey, _time.GetUtcNow(), CancellationToken.None));
    }

    [Fact]
    public async Task OtherDevicesPlays_DoNotCount()
    {
        var other = TestDevices.Record("device-2");
        await PlayAsync("show-1", device: other);
        await PlayAsync("show-2", device: other);

        Assert.True((await PlayAsync("show-3")).Authorized);
    }
}
