using Moq;
using PassBroker.Core.Devices;
using PassBroker.Core.Profiles;
using PassBroker.Core.Sessions;
using PassBroker.Core.Upstream;
using PassBroker.Core.Workflow;
using PassBroker.TestHelpers.Fakes;

namespace PassBroker.Core.Tests.Sessions;

public sealed class CheckSignInActivityTests
{
    private const string Code = "AAA1111";
    private const string Mvpd = "ExampleCable";
    private readonly SignInTestContext _context = new();
    private readonly SignInPollInput _input;

    public CheckSignInActivityTests()
    {
        _input = new SignInPollInput(_context.Device.DeviceKey, Code, DateTimeOffset.MaxValue, TimeSpan.FromSeconds(15));
        _context.AddPendingSession(Code, Mvpd);
    }

    // Both polling endpoints answer alike; which one a sign-in uses has tests of its own below.
    private void UpstreamAnswers(params Profile[] profiles)
    {
        _context.AdobePass.Setup(a => a.GetProfilesForMvpdAsync(It.IsAny<DeviceContext>(), Mvpd, It.IsAny<CancellationToken>())).ReturnsAsync(profiles);
        _context.AdobePass.Setup(a => a.GetProfilesForCodeAsync(It.IsAny<DeviceContext>(), It.IsAny<string>(), It.IsAny<CancellationToken>())).ReturnsAsync(profiles);
    }

    private void UpstreamFails(AdobePassException error)
    {
        _context.AdobePass.Setup(a => a.GetProfilesForMvpdAsync(It.IsAny<DeviceContext>(), Mvpd, It.IsAny<CancellationToken>())).ThrowsAsync(error);
        _context.AdobePass.Setup(a => a.GetProfilesForCodeAsync(It.IsAny<DeviceContext>(), It.IsAny<string>(), It.IsAny<CancellationToken>())).ThrowsAsync(error);
    }

    private Task<AuthenticationSession?> StoredAsync() => _context.Sessions.FindAsync(_context.Device.DeviceKey, Code, CancellationToken.None);

    [Fact]
    public async Task RunAsync_NoProfileYet_StaysPending()
    {
        UpstreamAnswers();

        var check = await _context.CheckActivity().RunAsync(_input, CancellationToken.None);

        Assert.Equal(SessionStatus.Pending, check.Status);
        Assert.Equal(SessionStatus.Pending, (await StoredAsync())!.Status);
    }

    [Fact]
    public async Task RunAsync_ProfileArrived_StoresItAndInvalidatesTheProfileAndDecisionCaches()
    {
        var profile = SignInTestContext.Profile("ExampleCable", _context.Time.GetUtcNow().AddDays(1));
        UpstreamAnswers(profile);
        await _context.Profiles.SetAsync(_context.Device.DeviceKey, new CachedProfiles([], DateTimeOffset.MaxValue), CancellationToken.None);
        var permit = new Decision { Resource = "show-1", Mvpd = "ExampleCable", Authorized = true, NotAfter = DateTimeOffset.MaxValue };
        await _context.Decisions.SetPermitsAsync(_context.Device.DeviceKey, [permit], CancellationToken.None);

        var check = await _context.CheckActivity().RunAsync(_input, CancellationToken.None);

        Assert.Equal(SessionStatus.Authenticated, check.Status);
        var stored = await StoredAsync();
        Assert.Equal(profile, stored!.Profile);
        Assert.Equal(_context.Time.GetUtcNow(), stored.CompletedAt);
        Assert.Null(await _context.Profiles.FindAsync(_context.Device.DeviceKey, CancellationToken.None));
        Assert.Empty(await _context.Decisions.FindPermitsAsync(_context.Device.DeviceKey, "ExampleCable", ["show-1"], CancellationToken.None));
        _context.AdobePass.Verify(a => a.GetProfilesForMvpdAsync(
            It.Is<DeviceContext>(d => d.Client == TestDevices.Client && d.DeviceId == _context.Device.DeviceId), Mvpd, It.IsAny<CancellationToken>()));
    }

    [Fact]
    public async Task RunAsync_ProfileArrived_MarksTheDeviceSignedInOnce()
    {
        UpstreamAnswers(SignInTestContext.Profile("ExampleCable", _context.Time.GetUtcNow().AddDays(1)));
        var signedInAt = _context.Time.GetUtcNow();

        await _context.CheckActivity().RunAsync(_input, CancellationToken.None);
        _context.Time.Advance(TimeSpan.FromDays(1));
        _context.AddPendingSession("BBB2222", Mvpd);
        await _context.CheckActivity().RunAsync(_input with { Code = "BBB2222" }, CancellationToken.None);

        // The first completed sign-in counts: a device that signed in is never purged as unused.
        Assert.Equal(signedInAt, (await _context.Devices.FindAsync(_context.Device.DeviceKey, CancellationToken.None))!.SignedInAt);
    }

    [Fact]
    public async Task RunAsync_NoProfileYet_LeavesTheDeviceUnmarked()
    {
        UpstreamAnswers();

        await _context.CheckActivity().RunAsync(_input, CancellationToken.None);

        Assert.Null((await _context.Devices.FindAsync(_context.Device.DeviceKey, CancellationToken.None))!.SignedInAt);
    }

    [Fact]
    public async Task RunAsync_SignInStartedWithAnMvpd_PollsThatMvpdsProfilesNotTheCode()
    {
        UpstreamAnswers();

        await _context.CheckActivity().RunAsync(_input, CancellationToken.None);

        _context.AdobePass.Verify(a => a.GetProfilesForMvpdAsync(It.IsAny<DeviceContext>(), Mvpd, It.IsAny<CancellationToken>()), Times.Once);
        _context.AdobePass.Verify(a => a.GetProfilesForCodeAsync(It.IsAny<DeviceContext>(), It.IsAny<string>(), It.IsAny<CancellationToken>()), Times.Never);
    }

    [Fact]
    public async Task RunAsync_MvpdToBePickedOnTheSecondScreen_PollsByCode()
    {
        // Arrange: a sign-in started without an MVPD
        const string code = "BBB2222";
        _context.AddPendingSession(code, mvpd: null);
        UpstreamAnswers();
        var input = _input with { Code = code };

        // Act
        await _context.CheckActivity().RunAsync(input, CancellationToken.None);

        // Assert
        _context.AdobePass.Verify(a => a.GetProfilesForCodeAsync(It.IsAny<DeviceContext>(), code, It.IsAny<CancellationToken>()), Times.Once);
        _context.AdobePass.Verify(a => a.GetProfilesForMvpdAsync(It.IsAny<DeviceContext>(), It.IsAny<string>(), It.IsAny<CancellationToken>()), Times.Never);
    }

    [Fact]
    public async Task RunAsync_AdobeNoLongerKnowsTheCode_EndsExpired()
    {
        UpstreamFails(new AdobePassException(UpstreamFailure.Rejected, 400, new UpstreamError { Code = UpstreamErrorCodes.InvalidAuthenticationSession }));

        var check = await _context.CheckActivity().RunAsync(_input, CancellationToken.None);

        Assert.Equal((SessionStatus.Expired, SessionEndReasons.UpstreamSessionInvalid), (check.Status, check.Reason));
        Assert.Equal(UpstreamErrorCodes.InvalidAuthenticationSession, (await StoredAsync())!.UpstreamCode);
    }

    [Theory]
    [InlineData(UpstreamFailure.Throttled)]
    [InlineData(UpstreamFailure.Unavailable)]
    public async Task RunAsync_TransientFailure_StaysPending(UpstreamFailure failure)
    {
        UpstreamFails(new AdobePassException(failure, 503, null));

        var check = await _context.CheckActivity().RunAsync(_input, CancellationToken.None);

        Assert.Equal(SessionStatus.Pending, check.Status);
    }

    [Fact]
    public async Task RunAsync_ConfigurationError_EndsFailed()
    {
        UpstreamFails(new AdobePassException(UpstreamFailure.Rejected, 500,
            new UpstreamError { Code = "invalid_configuration_platform", Action = UpstreamActions.Configuration }));

        var check = await _context.CheckActivity().RunAsync(_input, CancellationToken.None);

        Assert.Equal(SessionStatus.Failed, check.Status);
    }

    [Fact]
    public async Task RunAsync_SessionAlreadyReplaced_DoesNotCallAdobe()
    {
        var session = await StoredAsync();
        await _context.Sessions.UpdateAsync(session!.End(SessionStatus.Expired, _context.Time.GetUtcNow(), SessionEndReasons.Replaced), CancellationToken.None);

        var check = await _context.CheckActivity().RunAsync(_input, CancellationToken.None);

        Assert.Equal(SessionEndReasons.Replaced, check.Reason);
        _context.AdobePass.Verify(a => a.GetProfilesForCodeAsync(It.IsAny<DeviceContext>(), It.IsAny<string>(), It.IsAny<CancellationToken>()), Times.Never);
        _context.AdobePass.Verify(a => a.GetProfilesForMvpdAsync(It.IsAny<DeviceContext>(), It.IsAny<string>(), It.IsAny<CancellationToken>()), Times.Never);
    }
}
