using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;
using Moq;
using PassBroker.Core.Devices;
using PassBroker.Core.Errors;
using PassBroker.Core.InstanceCaching;
using PassBroker.Core.Upstream;
using PassBroker.TestHelpers.Fakes;

namespace PassBroker.Core.Tests.Devices;

public sealed class DeviceRegistrationTests
{
    private readonly InMemoryDeviceStore _store = new();
    private readonly DeviceRecordCopies _copies = new(Options.Create(new InstanceCacheOptions()), new FakeTimeProvider());
    private readonly Mock<IAdobePassClient> _adobePass = new();
    private readonly DeviceRegistration _registration;

    public DeviceRegistrationTests()
    {
        _adobePass.Setup(a => a.RegisterClientAsync(It.IsAny<DeviceContext>(), It.IsAny<CancellationToken>()))
            .ReturnsAsync(new ClientCredentials("client", "secret"));
        _adobePass.Setup(a => a.RequestAccessTokenAsync(It.IsAny<DeviceContext>(), It.IsAny<ClientCredentials>(), It.IsAny<CancellationToken>()))
            .ReturnsAsync(new AccessToken("token", DateTimeOffset.MaxValue));
        // Through the caching store, as the hosts wire it: a rotation must reach this instance's copy at once.
        _registration = new DeviceRegistration(new CachingDeviceStore(_store, _copies), _adobePass.Object, new FakeTimeProvider(), NullLogger<DeviceRegistration>.Instance);
    }

    [Fact]
    public async Task RegisterAsync_NewDevice_RegistersOneDcrClientAndStoresOnlyTheTokenHash()
    {
        var result = await _registration.RegisterAsync("device-1", TestDevices.Info(), TestDevices.Client, CancellationToken.None);

        Assert.True(result.IsNew);
        var stored = await _store.FindAsync(result.DeviceKey, CancellationToken.None);
        Assert.Equal(new ClientCredentials("client", "secret"), stored!.Credentials);
        Assert.Equal("token", stored.AccessToken!.Value);
        Assert.DoesNotContain(result.DeviceToken, stored.DeviceTokenHash, StringComparison.Ordinal);
        _adobePass.Verify(a => a.RegisterClientAsync(It.Is<DeviceContext>(d => d.DeviceId == "device-1" && d.Client == TestDevices.Client), It.IsAny<CancellationToken>()), Times.Once);
    }

    [Fact]
    public async Task RegisterAsync_KnownDevice_KeepsDcrClientAndRotatesDeviceToken()
    {
        var first = await _registration.RegisterAsync("device-1", TestDevices.Info(), TestDevices.Client, CancellationToken.None);
        var authenticator = new DeviceAuthenticator(new CachingDeviceStore(_store, _copies), _copies);
        await authenticator.AuthenticateAsync(first.DeviceToken, CancellationToken.None);

        var second = await _registration.RegisterAsync("device-1", TestDevices.Info() with { OsVersion = "13" }, TestDevices.Client, CancellationToken.None);

        Assert.False(second.IsNew);
        _adobePass.Verify(a => a.RegisterClientAsync(It.IsAny<DeviceContext>(), It.IsAny<CancellationToken>()), Times.Once);
        var device = await authenticator.AuthenticateAsync(second.DeviceToken, CancellationToken.None);
        Assert.Equal("13", device.Info.OsVersion);
        var old = await Assert.ThrowsAsync<PassBrokerException>(() => authenticator.AuthenticateAsync(first.DeviceToken, CancellationToken.None));
        Assert.Equal(ErrorCodes.InvalidDeviceToken, old.Code);
    }

    [Theory]
    [InlineData(null, "deviceId")]
    [InlineData("  ", "deviceId")]
    [InlineData("bad\u0001id", "deviceId")]
    public async Task RegisterAsync_BadDeviceId_IsValidationErrorNamingTheField(string? deviceId, string field)
    {
        var error = await Assert.ThrowsAsync<PassBrokerException>(() =>
            _registration.RegisterAsync(deviceId, TestDevices.Info(), TestDevices.Client, CancellationToken.None));

        Assert.Equal((400, ErrorCodes.ValidationFailed, field), (error.Status, error.Code, error.Extensions["field"]));
        _adobePass.VerifyNoOtherCalls();
    }

    [Fact]
    public async Task RegisterAsync_DeviceInfoWithoutOsName_IsValidationErrorNamingTheField()
    {
        var error = await Assert.ThrowsAsync<PassBrokerException>(() =>
            _registration.RegisterAsync("device-1", TestDevices.Info() with { OsName = null }, TestDevices.Client, CancellationToken.None));

        Assert.Equal("deviceInfo.osName", error.Extensions["field"]);
    }

    [Fact]
    public async Task RegisterAsync_TooLongDeviceId_IsRefused()
    {
        var error = await Assert.ThrowsAsync<PassBrokerException>(() =>
            _registration.RegisterAsync(new string('x', DeviceInfoValidator.MaxDeviceIdLength + 1), TestDevices.Info(), TestDevices.Client, CancellationToken.None));

        Assert.Equal(400, error.Status);
    }
}
