using Moq;
using PassBroker.Core.Errors;
using PassBroker.Core.Sessions;
using PassBroker.Core.Upstream;
using PassBroker.Core.Workflow;
using PassBroker.TestHelpers.Fakes;

namespace PassBroker.Core.Tests.Sessions;

public sealed class SignInServiceTests
{
    private readonly SignInTestContext _context = new();

    [Fact]
    public async Task StartAsync_CodeIssued_StoresPendingSessionAndStartsPolling()
    {
        _context.UpstreamIssuesCode("AAA1111");

        var start = await _context.Service().StartAsync(_context.Device, "ExampleCable", TestDevices.Client, CancellationToken.None);

        Assert.True(start.NeedsUserLogin);
        var stored = await _context.Sessions.FindAsync(_context.Device.DeviceKey, "AAA1111", CancellationToken.None);
        Assert.Equal(SessionStatus.Pending, stored!.Status);
        Assert.Equal(_context.Time.GetUtcNow().AddMinutes(30), stored.ExpiresAt);
        _context.Workflows.Verify(w => w.StartSignInPollingAsync(
            It.Is<SignInPollInput>(i => i.Code == "AAA1111" && i.PollInterval == TimeSpan.FromSeconds(15)), It.IsAny<CancellationToken>()), Times.Once);
    }

    [Fact]
    public async Task StartAsync_SecondSignIn_ExpiresTheFirstAsReplaced()
    {
        var service = _context.Service();
        _context.UpstreamIssuesCode("AAA1111");
        await service.StartAsync(_context.Device, "ExampleCable", TestDevices.Client, CancellationToken.None);
        _context.UpstreamIssuesCode("BBB2222");

        await service.StartAsync(_context.Device, "ExampleCable", TestDevices.Client, CancellationToken.None);

        var first = await _context.Sessions.FindAsync(_context.Device.DeviceKey, "AAA1111", CancellationToken.None);
        Assert.Equal((SessionStatus.Expired, SessionEndReasons.Replaced), (first!.Status, first.EndReason));
        var second = await _context.Sessions.FindAsync(_context.Device.DeviceKey, "BBB2222", CancellationToken.None);
        Assert.Equal(SessionStatus.Pending, second!.Status);
    }

    [Fact]
    public async Task StartAsync_AlreadyAuthenticatedUpstream_NoSessionNoPolling()
    {
        _context.AdobePass.Setup(a => a.CreateSessionAsync(It.IsAny<Core.Devices.DeviceContext>(), It.IsAny<SessionParameters>(), It.IsAny<CancellationToken>()))
            .ReturnsAsync(new UpstreamSession { ActionName = "authorize", ActionType = "direct", ReasonType = "authenticated", Mvpd = "ExampleCable" });

        var start = await _context.Service().StartAsync(_context.Device, "ExampleCable", TestDevices.Client, CancellationToken.None);

        Assert.False(start.NeedsUserLogin);
        _context.Workflows.VerifyNoOtherCalls();
        // In use, so never purged as a registration nobody signed in with.
        var device = await _context.Devices.FindAsync(_context.Device.DeviceKey, CancellationToken.None);
        Assert.Equal(_context.Time.GetUtcNow(), device!.SignedInAt);
    }

    [Theory]
    [InlineData("NoSuchMvpd")]
    [InlineData("TempPass_REF30")]
    public async Task StartAsync_MvpdNotInThePicker_IsUnknownMvpdWithoutUpstreamSession(string mvpd)
    {
        var error = await Assert.ThrowsAsync<PassBrokerException>(() =>
            _context.Service().StartAsync(_context.Device, mvpd, TestDevices.Client, CancellationToken.None));

        Assert.Equal((400, ErrorCodes.UnknownMvpd), (error.Status, error.Code));
        _context.AdobePass.Verify(a => a.CreateSessionAsync(It.IsAny<Core.Devices.DeviceContext>(), It.IsAny<SessionParameters>(), It.IsAny<CancellationToken>()), Times.Never);
    }

    [Theory]
    [InlineData("")]
    [InlineData("AB/CD")]
    [InlineData("AB#CD")]
    [InlineData("AB?CD")]
    [InlineData("AB\\CD")]
    [InlineData("AB\u0000CD")]
    [InlineData("THIS-CODE-IS-WAY-TOO-LONG-FOR-ADOBE-XX")]
    public async Task GetAsync_MalformedCode_IsInvalidSessionCode(string code)
    {
        var error = await Assert.ThrowsAsync<PassBrokerException>(() =>
            _context.Service().GetAsync(_context.Device.DeviceKey, code, TimeSpan.Zero, CancellationToken.None));

        Assert.Equal((400, ErrorCodes.InvalidSessionCode), (error.Status, error.Code));
    }

    [Fact]
    public async Task GetAsync_AnotherDevicesCode_IsNotFound()
    {
        _context.UpstreamIssuesCode("AAA1111");
        await _context.Service().StartAsync(_context.Device, "ExampleCable", TestDevices.Client, CancellationToken.None);

        var error = await Assert.ThrowsAsync<PassBrokerException>(() =>
            _context.Service().GetAsync(TestDevices.Record("device-2").DeviceKey, "AAA1111", TimeSpan.Zero, CancellationToken.None));

        Assert.Equal((404, ErrorCodes.SessionNotFound), (error.Status, error.Code));
    }

    [Fact]
    public async Task GetAsync_LongPoll_ReturnsAsSoonAsTheSessionChanges()
    {
        _context.UpstreamIssuesCode("AAA1111");
        var service = _context.Service();
        await service.StartAsync(_context.Device, "ExampleCable", TestDevices.Client, CancellationToken.None);
        _context.AdobePass.Setup(a => a.GetProfilesForMvpdAsync(It.IsAny<Core.Devices.DeviceContext>(), "ExampleCable", It.IsAny<CancellationToken>()))
            .ReturnsAsync([SignInTestContext.Profile("ExampleCable", _context.Time.GetUtcNow().AddDays(1))]);

        var waiting = service.GetAsync(_context.Device.DeviceKey, "AAA1111", TimeSpan.FromSeconds(30), CancellationToken.None);
        await Task.Delay(50);
        Assert.False(waiting.IsCompleted); // the fake clock has not moved: only a change can end the wait
        await _context.CheckActivity().RunAsync(new SignInPollInput(_context.Device.DeviceKey, "AAA1111", DateTimeOffset.MaxValue, TimeSpan.FromSeconds(15)), CancellationToken.None);

        var session = await waiting.WaitAsync(TimeSpan.FromSeconds(5));
        Assert.Equal(SessionStatus.Authenticated, session.Status);
    }

    [Theory]
    [InlineData(-1)]
    [InlineData(31)]
    public async Task GetAsync_WaitOutOfRange_IsValidationError(int seconds)
    {
        var error = await Assert.ThrowsAsync<PassBrokerException>(() =>
            _context.Service().GetAsync(_context.Device.DeviceKey, "AAA1111", TimeSpan.FromSeconds(seconds), CancellationToken.None));

        Assert.Equal("wait", error.Extensions["field"]);
    }
}
