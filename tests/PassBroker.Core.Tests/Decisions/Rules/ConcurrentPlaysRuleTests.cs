using System.ComponentModel.DataAnnotations;
using Microsoft.Extensions.Logging.Abstractions;
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

    public ConcurrentPlaysRuleTests() => _rule = Rule(TimeSpan.FromMinutes(10));

    private ConcurrentPlaysRule Rule(TimeSpan renewAfter) => new(_plays,
        TestBrands.Options(new ConcurrentPlaysOptions { MaxConcurrentPlays = 2, PlayLease = TimeSpan.FromHours(1), RenewAfter = renewAfter }),
        _time, NullLogger<ConcurrentPlaysRule>.Instance);

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
        var final = await _rule.AfterUpstreamAsync(request, Upstream(request, upstreamPermits), CancellationToken.None);
        await _rule.CompletedAsync(request, final, CancellationToken.None);
        return final;
    }

    private static Decision Upstream(AuthorizationRequest request, bool permits) => new()
    {
        Resource = request.Resource, Mvpd = request.Mvpd, Authorized = permits,
        Error = permits ? null : new UpstreamError { Code = "authorization_denied_by_mvpd" },
    };

    private Task<IReadOnlyList<ActivePlay>> ActiveAsync() => _plays.ListActiveAsync(Device.DeviceKey, _time.GetUtcNow(), CancellationToken.None);

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
        Assert.Equal(["show-1"], (await ActiveAsync()).Select(p => p.Resource));
    }

    [Fact]
    public async Task UpstreamDeny_StartsNoPlay()
    {
        await PlayAsync("show-1", upstreamPermits: false);

        Assert.Empty(await ActiveAsync());
    }

    [Fact]
    public async Task OtherDevicesPlays_DoNotCount()
    {
        var other = TestDevices.Record("device-2");
        await PlayAsync("show-1", device: other);
        await PlayAsync("show-2", device: other);

        Assert.True((await PlayAsync("show-3")).Authorized);
    }

    [Fact]
    public async Task RepeatWhileTheLeaseIsFresh_WritesNothing()
    {
        await PlayAsync("show-1");
        _time.Advance(TimeSpan.FromMinutes(9));

        Assert.True((await PlayAsync("show-1")).Authorized);

        Assert.Equal(1, _plays.Writes);
        Assert.Equal(_time.GetUtcNow() - TimeSpan.FromMinutes(9) + TimeSpan.FromHours(1), Assert.Single(await ActiveAsync()).LeaseEnds);
    }

    [Fact]
    public async Task RepeatOnceRenewAfterHasGone_RenewsTheLease()
    {
        await PlayAsync("show-1");
        _time.Advance(TimeSpan.FromMinutes(10) + TimeSpan.FromTicks(1));

        await PlayAsync("show-1");

        Assert.Equal(2, _plays.Writes);
        Assert.Equal(_time.GetUtcNow() + TimeSpan.FromHours(1), Assert.Single(await ActiveAsync()).LeaseEnds);
    }

    [Fact]
    public async Task RenewAfterZero_WritesOnEveryPermit()
    {
        var rule = Rule(TimeSpan.Zero);
        foreach (var _ in Enumerable.Range(0, 3))
        {
            var request = Request("show-1");
            Assert.Null(await rule.BeforeUpstreamAsync(request, CancellationToken.None));
            await rule.CompletedAsync(request, Upstream(request, permits: true), CancellationToken.None);
        }

        Assert.Equal(3, _plays.Writes);
    }

    [Fact]
    public async Task NewTitle_LeaseWriteStartsBeforeAdobeAnswers()
    {
        _plays.HoldWrites = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var request = Request("show-1");

        // Before returns while the write is still in flight: the upstream call runs alongside it.
        Assert.Null(await _rule.BeforeUpstreamAsync(request, CancellationToken.None));
        Assert.Equal((1, 0), (_plays.WritesStarted, _plays.Writes));
        var completed = _rule.CompletedAsync(request, Upstream(request, permits: true), CancellationToken.None).AsTask();
        Assert.False(completed.IsCompleted);
        _plays.HoldWrites.SetResult();
        await completed;

        Assert.Equal(["show-1"], (await ActiveAsync()).Select(p => p.Resource));
    }

    [Fact]
    public async Task NewTitleDenied_TakesItsLeaseBack()
    {
        await PlayAsync("show-1");

        Assert.False((await PlayAsync("show-2", upstreamPermits: false)).Authorized);

        Assert.Equal((2, 1), (_plays.Writes, _plays.Restores));
        Assert.Equal(["show-1"], (await ActiveAsync()).Select(p => p.Resource));
    }

    [Fact]
    public async Task RenewalDenied_PutsThePreviousLeaseBack()
    {
        await PlayAsync("show-1");
        var firstEnds = Assert.Single(await ActiveAsync()).LeaseEnds;
        _time.Advance(TimeSpan.FromMinutes(30));

        await PlayAsync("show-1", upstreamPermits: false);

        Assert.Equal(firstEnds, Assert.Single(await ActiveAsync()).LeaseEnds);
    }

    [Fact]
    public async Task UpstreamFailure_TakesTheLeaseBack()
    {
        var request = Request("show-1");
        Assert.Null(await _rule.BeforeUpstreamAsync(request, CancellationToken.None));

        await _rule.CompletedAsync(request, null, CancellationToken.None);

        Assert.Empty(await ActiveAsync());
    }

    [Fact]
    public async Task DeniedWhileAnotherPermitOfTheTitleWroteMeanwhile_KeepsThatLease()
    {
        var denied = Request("show-1");
        Assert.Null(await _rule.BeforeUpstreamAsync(denied, CancellationToken.None));
        _time.Advance(TimeSpan.FromMinutes(11));
        await PlayAsync("show-1");

        await _rule.CompletedAsync(denied, Upstream(denied, permits: false), CancellationToken.None);

        Assert.Equal(["show-1"], (await ActiveAsync()).Select(p => p.Resource));
    }

    [Theory]
    [InlineData("00:30:00", "04:00:00", true)]
    [InlineData("00:00:00", "00:01:00", true)]
    [InlineData("04:00:00", "04:00:00", false)]
    [InlineData("-00:00:01", "04:00:00", false)]
    public void Options_RenewAfterMustBeShorterThanTheLease(string renewAfter, string playLease, bool valid)
    {
        var options = new ConcurrentPlaysOptions { RenewAfter = TimeSpan.Parse(renewAfter, System.Globalization.CultureInfo.InvariantCulture), PlayLease = TimeSpan.Parse(playLease, System.Globalization.CultureInfo.InvariantCulture) };

        Assert.Equal(valid, Validator.TryValidateObject(options, new ValidationContext(options), [], validateAllProperties: true));
    }
}
