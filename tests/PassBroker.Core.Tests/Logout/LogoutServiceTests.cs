using Moq;
using PassBroker.Core.Devices;
using PassBroker.Core.Errors;
using PassBroker.Core.Profiles;
using PassBroker.Core.Sessions;
using PassBroker.Core.Tests.Decisions;
using PassBroker.Core.Upstream;
using PassBroker.TestHelpers.Fakes;

namespace PassBroker.Core.Tests.Logout;

public sealed class LogoutServiceTests
{
    private readonly DecisionTestContext _context = new();

    public LogoutServiceTests() =>
        _context.AdobePass.Setup(a => a.LogoutAsync(It.IsAny<DeviceContext>(), It.IsAny<string>(), It.IsAny<string?>(), It.IsAny<CancellationToken>()))
            .ReturnsAsync((DeviceContext _, string mvpd, string? _, CancellationToken _) => [new LogoutAction(mvpd, "logout", "interactive", "https://mvpd.example/logout")]);

    private Task<IReadOnlyList<LogoutAction>> LogoutAsync(string? mvpd = null) =>
        _context.Logout().LogoutAsync(_context.Device, TestDevices.Client, mvpd, CancellationToken.None);

    [Fact]
    public async Task LogoutAsync_SignedIn_ReturnsTheActionsAndForgetsCachedProfilesAndPermits()
    {
        await _context.Preauthorization().PreauthorizeAsync(_context.Device, TestDevices.Client, null, ["show-1"], CancellationToken.None);

        var actions = await LogoutAsync();

        Assert.Equal([new LogoutAction(DecisionTestContext.Mvpd, "logout", "interactive", "https://mvpd.example/logout")], actions);
        Assert.Null(await _context.Profiles.FindAsync(_context.Device.DeviceKey, CancellationToken.None));
        Assert.Empty(await _context.Decisions.FindPermitsAsync(_context.Device.DeviceKey, DecisionTestContext.Mvpd, ["show-1"], CancellationToken.None));
    }

    [Fact]
    public async Task LogoutAsync_SeveralProfiles_LogsOutOfTheOneValidLongest()
    {
        await _context.Profiles.SetAsync(_context.Device.DeviceKey, new CachedProfiles(
            [_context.Profile("Short", TimeSpan.FromHours(1)), _context.Profile("Long", TimeSpan.FromDays(9))], DateTimeOffset.MaxValue), CancellationToken.None);

        var actions = await LogoutAsync();

        Assert.Equal("Long", Assert.Single(actions).Mvpd);
    }

    [Fact]
    public async Task LogoutAsync_NamedMvpd_LogsOutOfThatOneEvenWithoutACachedProfile()
    {
        await _context.Profiles.RemoveAsync(_context.Device.DeviceKey, CancellationToken.None);

        var actions = await LogoutAsync("ExampleSat");

        Assert.Equal("ExampleSat", Assert.Single(actions).Mvpd);
        _context.AdobePass.Verify(a => a.GetProfilesAsync(It.IsAny<DeviceContext>(), It.IsAny<CancellationToken>()), Times.Never);
    }

    [Fact]
    public async Task LogoutAsync_NoProfileAnywhere_IsNothingToDoWithoutALogoutCall()
    {
        await _context.Profiles.RemoveAsync(_context.Device.DeviceKey, CancellationToken.None);
        _context.AdobePass.Setup(a => a.GetProfilesAsync(It.IsAny<DeviceContext>(), It.IsAny<CancellationToken>())).ReturnsAsync([]);

        Assert.Empty(await LogoutAsync());
        _context.AdobePass.Verify(a => a.LogoutAsync(It.IsAny<DeviceContext>(), It.IsAny<string>(), It.IsAny<string?>(), It.IsAny<CancellationToken>()), Times.Never);
    }

    [Fact]
    public async Task LogoutAsync_SessionsDropTheirProfiles_AndThePlaysEnd()
    {
        var key = _context.Device.DeviceKey;
        await _context.Sessions.AddAsync(Session("HOLD1", _context.Profile(DecisionTestContext.Mvpd, TimeSpan.FromDays(1))), CancellationToken.None);
        await _context.Plays.RecordAsync(key, "show-1", DateTimeOffset.MaxValue, CancellationToken.None);
        await _context.Plays.RecordAsync("other-device", "show-1", DateTimeOffset.MaxValue, CancellationToken.None);

        await LogoutAsync();

        var session = await _context.Sessions.FindAsync(key, "HOLD1", CancellationToken.None);
        Assert.Null(session!.Profile);
        Assert.Equal(ProfileReleaseReasons.SignedOut, session.ProfileReleased);
        Assert.Empty(await _context.Plays.ListActiveAsync(key, DateTimeOffset.MinValue, CancellationToken.None));
        Assert.Single(await _context.Plays.ListActiveAsync("other-device", DateTimeOffset.MinValue, CancellationToken.None));
    }

    [Fact]
    public async Task LogoutAsync_NoProfileAnywhere_StillLeavesNothingOfTheUserBehind()
    {
        await _context.Profiles.RemoveAsync(_context.Device.DeviceKey, CancellationToken.None);
        _context.AdobePass.Setup(a => a.GetProfilesAsync(It.IsAny<DeviceContext>(), It.IsAny<CancellationToken>())).ReturnsAsync([]);
        await _context.Sessions.AddAsync(Session("HOLD2", _context.Profile(DecisionTestContext.Mvpd, TimeSpan.FromDays(1))), CancellationToken.None);
        await _context.Plays.RecordAsync(_context.Device.DeviceKey, "show-1", DateTimeOffset.MaxValue, CancellationToken.None);

        Assert.Empty(await LogoutAsync());

        Assert.Null((await _context.Sessions.FindAsync(_context.Device.DeviceKey, "HOLD2", CancellationToken.None))!.Profile);
        Assert.Empty(await _context.Plays.ListActiveAsync(_context.Device.DeviceKey, DateTimeOffset.MinValue, CancellationToken.None));
    }

    private AuthenticationSession Session(string code, Profile profile) => new()
    {
        DeviceKey = _context.Device.DeviceKey,
        Code = code,
        Mvpd = profile.Mvpd,
        Status = SessionStatus.Authenticated,
        CreatedAt = _context.Time.GetUtcNow(),
        ExpiresAt = _context.Time.GetUtcNow().AddMinutes(30),
        CompletedAt = _context.Time.GetUtcNow(),
        Client = TestDevices.Client,
        Profile = profile,
    };

    [Fact]
    public async Task LogoutAsync_BadMvpdName_IsValidationError()
    {
        var error = await Assert.ThrowsAsync<PassBrokerException>(() => LogoutAsync("no/slashes"));

        Assert.Equal((400, "mvpd"), (error.Status, error.Extensions["field"]));
    }
}
