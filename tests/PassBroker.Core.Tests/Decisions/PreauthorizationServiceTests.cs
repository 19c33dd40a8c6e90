using Moq;
using PassBroker.Core.Errors;
using PassBroker.Core.Upstream;
using PassBroker.TestHelpers.Fakes;

namespace PassBroker.Core.Tests.Decisions;

public sealed class PreauthorizationServiceTests
{
    private readonly DecisionTestContext _context = new();

    private static string[] Resources(int count, string prefix = "show-") => Enumerable.Range(1, count).Select(i => prefix + i).ToArray();

    [Fact]
    public async Task PreauthorizeAsync_TwelveResources_ThreeUpstreamBatchesMergedInRequestOrder()
    {
        var resources = Resources(12);

        var (mvpd, decisions) = await _context.Preauthorization().PreauthorizeAsync(_context.Device, TestDevices.Client, null, resources, CancellationToken.None);

        Assert.Equal(DecisionTestContext.Mvpd, mvpd);
        Assert.Equal([5, 5, 2], _context.PreauthorizeBatches.Select(b => b.Count));
        Assert.Equal(resources, decisions.Select(d => d.Resource));
    }

    [Fact]
    public async Task PreauthorizeAsync_MixedAnswers_DenyReasonsKeptAndOnlyRetryItemsRetried()
    {
        string[] resources = ["show-1", "deny-1", "flaky-1", "retry-1", "show-2"];

        var (_, decisions) = await _context.Preauthorization().PreauthorizeAsync(_context.Device, TestDevices.Client, null, resources, CancellationToken.None);

        Assert.Equal([true, false, true, false, true], decisions.Select(d => d.Authorized));
        Assert.Equal("Upgrade to Premium", decisions[1].Error!.Details);
        Assert.Equal(UpstreamActions.Retry, decisions[3].Error!.Action);
        // First call with all five, then only the two retry items, then only the one still failing: 1 + 2 retries.
        Assert.Equal([["show-1", "deny-1", "flaky-1", "retry-1", "show-2"], ["flaky-1", "retry-1"], ["retry-1"]], _context.PreauthorizeBatches);
    }

    [Fact]
    public async Task PreauthorizeAsync_SecondCall_PermitsFromCacheDeniesAskedAgain()
    {
        var service = _context.Preauthorization();
        await service.PreauthorizeAsync(_context.Device, TestDevices.Client, null, ["show-1", "deny-1"], CancellationToken.None);

        var (_, decisions) = await service.PreauthorizeAsync(_context.Device, TestDevices.Client, null, ["show-1", "deny-1"], CancellationToken.None);

        Assert.Equal([["show-1", "deny-1"], ["deny-1"]], _context.PreauthorizeBatches);
        Assert.True(decisions[0].Authorized);
    }

    [Fact]
    public async Task PreauthorizeAsync_CachedPermitPastNotAfter_AskedAgain()
    {
        var service = _context.Preauthorization();
        await service.PreauthorizeAsync(_context.Device, TestDevices.Client, null, ["show-1"], CancellationToken.None);
        _context.Time.Advance(TimeSpan.FromHours(1));

        await service.PreauthorizeAsync(_context.Device, TestDevices.Client, null, ["show-1"], CancellationToken.None);

        Assert.Equal(2, _context.PreauthorizeBatches.Count);
    }

    [Fact]
    public async Task PreauthorizeAsync_EveryItemSaysAuthenticate_IsAuthenticationProblem()
    {
        var error = await Assert.ThrowsAsync<AdobePassException>(() =>
            _context.Preauthorization().PreauthorizeAsync(_context.Device, TestDevices.Client, null, ["auth-1", "auth-2"], CancellationToken.None));

        Assert.Equal(UpstreamActions.Authentication, error.Error!.Action);
    }

    [Fact]
    public async Task PreauthorizeAsync_NoProfile_IsAuthenticationRequiredWithoutUpstreamCall()
    {
        await _context.Profiles.RemoveAsync(_context.Device.DeviceKey, CancellationToken.None);
        _context.AdobePass.Setup(a => a.GetProfilesAsync(It.IsAny<Core.Devices.DeviceContext>(), It.IsAny<CancellationToken>())).ReturnsAsync([]);

        var error = await Assert.ThrowsAsync<PassBrokerException>(() =>
            _context.Preauthorization().PreauthorizeAsync(_context.Device, TestDevices.Client, null, ["show-1"], CancellationToken.None));

        Assert.Equal((403, ErrorCodes.AuthenticationRequired), (error.Status, error.Code));
        Assert.Empty(_context.PreauthorizeBatches);
    }

    [Fact]
    public async Task PreauthorizeAsync_UpstreamCallFails_EachItemCarriesTheFailureAndIsRetried()
    {
        _context.AdobePass.Setup(a => a.PreauthorizeAsync(It.IsAny<Core.Devices.DeviceContext>(), It.IsAny<string>(), It.IsAny<IReadOnlyList<string>>(), It.IsAny<CancellationToken>()))
            .ThrowsAsync(new AdobePassException(UpstreamFailure.Unavailable, 502, null));

        var error = await Assert.ThrowsAsync<AdobePassException>(() =>
            _context.Preauthorization().PreauthorizeAsync(_context.Device, TestDevices.Client, null, ["show-1"], CancellationToken.None));

        Assert.Equal(UpstreamActions.Retry, error.Error!.Action);
        _context.AdobePass.Verify(a => a.PreauthorizeAsync(It.IsAny<Core.Devices.DeviceContext>(), It.IsAny<string>(), It.IsAny<IReadOnlyList<string>>(), It.IsAny<CancellationToken>()), Times.Exactly(3));
    }

    [Fact]
    public async Task PreauthorizeAsync_Throttled_FailsAtOnceWithoutRetrying()
    {
        _context.AdobePass.Setup(a => a.PreauthorizeAsync(It.IsAny<Core.Devices.DeviceContext>(), It.IsAny<string>(), It.IsAny<IReadOnlyList<string>>(), It.IsAny<CancellationToken>()))
            .ThrowsAsync(new AdobePassException(UpstreamFailure.Throttled, 429, null, TimeSpan.FromSeconds(3)));

        var error = await Assert.ThrowsAsync<AdobePassException>(() =>
            _context.Preauthorization().PreauthorizeAsync(_context.Device, TestDevices.Client, null, Resources(12), CancellationToken.None));

        Assert.Equal(UpstreamFailure.Throttled, error.Failure);
        _context.AdobePass.Verify(a => a.PreauthorizeAsync(It.IsAny<Core.Devices.DeviceContext>(), It.IsAny<string>(), It.IsAny<IReadOnlyList<string>>(), It.IsAny<CancellationToken>()), Times.Once);
    }

    [Fact]
    public async Task PreauthorizeAsync_MalformedAnswer_FailsAtOnceWithoutRetrying()
    {
        var malformed = new AdobePassException(UpstreamFailure.Rejected, null, new UpstreamError { Code = "malformed_response" });
        _context.AdobePass.Setup(a => a.PreauthorizeAsync(It.IsAny<Core.Devices.DeviceContext>(), It.IsAny<string>(), It.IsAny<IReadOnlyList<string>>(), It.IsAny<CancellationToken>()))
            .ThrowsAsync(malformed);

        var error = await Assert.ThrowsAsync<AdobePassException>(() =>
            _context.Preauthorization().PreauthorizeAsync(_context.Device, TestDevices.Client, null, ["show-1"], CancellationToken.None));

        Assert.Same(malformed, error);
        _context.AdobePass.Verify(a => a.PreauthorizeAsync(It.IsAny<Core.Devices.DeviceContext>(), It.IsAny<string>(), It.IsAny<IReadOnlyList<string>>(), It.IsAny<CancellationToken>()), Times.Once);
    }

    [Theory]
    [InlineData(0)]
    [InlineData(101)]
    public async Task PreauthorizeAsync_TooFewOrTooManyResources_IsValidationError(int count)
    {
        var error = await Assert.ThrowsAsync<PassBrokerException>(() =>
            _context.Preauthorization().PreauthorizeAsync(_context.Device, TestDevices.Client, null, Resources(count), CancellationToken.None));

        Assert.Equal("resources", error.Extensions["field"]);
    }

    [Fact]
    public async Task PreauthorizeAsync_DuplicateResources_AskedOnce()
    {
        var (_, decisions) = await _context.Preauthorization().PreauthorizeAsync(_context.Device, TestDevices.Client, null, ["show-1", "show-1"], CancellationToken.None);

        Assert.Single(decisions);
        Assert.Equal(["show-1"], _context.PreauthorizeBatches.Single());
    }
}
