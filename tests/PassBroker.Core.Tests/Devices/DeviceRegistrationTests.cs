using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;
using Moq;
using PassBroker.Core.Brands;
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

    /// <summary>The default brand (public id <c>ref30</c>) and one more, <c>sports</c>.</summary>
    private static readonly BrandCatalog Brands = new(new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
    {
        ["Brand:Id"] = "ref30",
        ["Brands:sports:AdobePass:ServiceProvider"] = "REF31",
    }).Build());
    private readonly DeviceAuthenticator _authenticator;

    public DeviceRegistrationTests()
    {
        _adobePass.Setup(a => a.RegisterClientAsync(It.IsAny<DeviceContext>(), It.IsAny<CancellationToken>()))
            .ReturnsAsync(new ClientCredentials("client", "secret"));
        _adobePass.Setup(a => a.RequestAccessTokenAsync(It.IsAny<DeviceContext>(), It.IsAny<ClientCredentials>(), It.IsAny<CancellationToken>()))
            .ReturnsAsync(new AccessToken("token", DateTimeOffset.MaxValue));
        // Through the caching store, as the hosts wire it: a rotation must reach this instance's copy at once.
        var caching = new CachingDeviceStore(_store, _copies);
        _authenticator = new DeviceAuthenticator(caching, _copies);
        _registration = new DeviceRegistration(caching, _authenticator, _adobePass.Object, Brands, new FakeTimeProvider(), NullLogger<DeviceRegistration>.Instance);
    }

    [Fact]
    public async Task RegisterAsync_NewDevice_RegistersOneDcrClientAndStoresOnlyTheTokenHash()
    {
        var result = await _registration.RegisterAsync("device-1", TestDevices.Info(), null, TestDevices.Client, CancellationToken.None);

        Assert.True(result.IsNew);
        var stored = await _store.FindAsync(result.DeviceKey, CancellationToken.None);
        Assert.Equal(new ClientCredentials("client", "secret"), stored!.Credentials);
        Assert.Equal("token", stored.AccessToken!.Value);
        Assert.DoesNotContain(result.DeviceToken, stored.DeviceTokenHash, StringComparison.Ordinal);
        _adobePass.Verify(a => a.RegisterClientAsync(It.Is<DeviceContext>(d => d.DeviceId == "device-1" && d.Client == TestDevices.Client), It.IsAny<CancellationToken>()), Times.Once);
    }

    [Fact]
    public async Task RegisterAsync_WithItsToken_KeepsDcrClientAndRotatesDeviceToken()
    {
        var first = await _registration.RegisterAsync("device-1", TestDevices.Info(), null, TestDevices.Client, CancellationToken.None);
        await _authenticator.AuthenticateAsync(first.DeviceToken, CancellationToken.None);

        var second = await _registration.RegisterAsync("device-1", TestDevices.Info() with { OsVersion = "13" }, first.DeviceToken, TestDevices.Client, CancellationToken.None);

        Assert.False(second.IsNew);
        Assert.Equal(first.DeviceKey, second.DeviceKey);
        _adobePass.Verify(a => a.RegisterClientAsync(It.IsAny<DeviceContext>(), It.IsAny<CancellationToken>()), Times.Once);
        var device = await _authenticator.AuthenticateAsync(second.DeviceToken, CancellationToken.None);
        Assert.Equal("13", device.Info.OsVersion);
        await AssertInvalidTokenAsync(() => _authenticator.AuthenticateAsync(first.DeviceToken, CancellationToken.None));
    }

    [Fact]
    public async Task RegisterAsync_KnownDeviceIdWithoutToken_IsANewInstallation_AndTheFirstKeepsWorking()
    {
        var first = await _registration.RegisterAsync("device-1", TestDevices.Info(), null, TestDevices.Client, CancellationToken.None);

        var second = await _registration.RegisterAsync("device-1", TestDevices.Info(), null, TestDevices.Client, CancellationToken.None);

        Assert.True(second.IsNew);
        Assert.NotEqual(first.DeviceKey, second.DeviceKey);
        Assert.True(DeviceKeys.IsWellFormed(second.DeviceKey));
        _adobePass.Verify(a => a.RegisterClientAsync(It.IsAny<DeviceContext>(), It.IsAny<CancellationToken>()), Times.Exactly(2));
        Assert.Equal(first.DeviceKey, (await _authenticator.AuthenticateAsync(first.DeviceToken, CancellationToken.None)).DeviceKey);
        Assert.Equal(second.DeviceKey, (await _authenticator.AuthenticateAsync(second.DeviceToken, CancellationToken.None)).DeviceKey);
    }

    [Theory]
    [InlineData("other-device")] // a token of installation A presented with device id B
    [InlineData("forged")]
    [InlineData("")] // an Authorization header that is not a bearer token
    public async Task RegisterAsync_TokenThatIsNotThisDevicesProof_IsInvalidDeviceToken_AndChangesNothing(string presented)
    {
        var victim = await _registration.RegisterAsync("victim-tv", TestDevices.Info(), null, TestDevices.Client, CancellationToken.None);
        var other = await _registration.RegisterAsync("other-tv", TestDevices.Info(), null, TestDevices.Client, CancellationToken.None);
        var token = presented switch
        {
            "other-device" => other.DeviceToken,
            "forged" => DeviceTokens.Issue(victim.DeviceKey).Token,
            _ => "",
        };
        var writes = _store.Writes;

        await AssertInvalidTokenAsync(() => _registration.RegisterAsync("victim-tv", TestDevices.Info(), token, TestDevices.Client, CancellationToken.None));

        Assert.Equal(writes, _store.Writes);
        await _authenticator.AuthenticateAsync(victim.DeviceToken, CancellationToken.None);
        await _authenticator.AuthenticateAsync(other.DeviceToken, CancellationToken.None);
    }

    [Fact]
    public async Task RegisterAsync_TokenRotatedMeanwhileByAnotherInstance_IsConcurrencyConflict()
    {
        var first = await _registration.RegisterAsync("device-1", TestDevices.Info(), null, TestDevices.Client, CancellationToken.None);
        // Another instance registers the device again: straight to the shared store, this instance's copy still
        // accepts the old token, and the write with that copy's ETag loses.
        var stored = await _store.FindAsync(first.DeviceKey, CancellationToken.None);
        await _store.UpdateAsync(stored! with { DeviceTokenHash = DeviceTokens.Issue(first.DeviceKey).Hash }, CancellationToken.None);

        var error = await Assert.ThrowsAsync<PassBrokerException>(() =>
            _registration.RegisterAsync("device-1", TestDevices.Info(), first.DeviceToken, TestDevices.Client, CancellationToken.None));

        Assert.Equal((409, ErrorCodes.ConcurrencyConflict), (error.Status, error.Code));
    }

    [Fact]
    public async Task RegisterAsync_WithItsToken_AfterAnotherWriteOfTheDevice_RetriesAndSucceeds()
    {
        var first = await _registration.RegisterAsync("device-1", TestDevices.Info(), null, TestDevices.Client, CancellationToken.None);
        var stored = await _store.FindAsync(first.DeviceKey, CancellationToken.None);
        await _store.UpdateAsync(stored! with { TempPassIdentity = "elsewhere" }, CancellationToken.None); // e.g. a Temp Pass start

        var again = await _registration.RegisterAsync("device-1", TestDevices.Info(), first.DeviceToken, TestDevices.Client, CancellationToken.None);

        var device = await _authenticator.AuthenticateAsync(again.DeviceToken, CancellationToken.None);
        Assert.Equal("elsewhere", device.TempPassIdentity);
    }

    private static async Task AssertInvalidTokenAsync(Func<Task> act)
    {
        var error = await Assert.ThrowsAsync<PassBrokerException>(act);
        Assert.Equal((401, ErrorCodes.InvalidDeviceToken), (error.Status, error.Code));
    }

    [Theory]
    [InlineData(null, "deviceId")]
    [InlineData("  ", "deviceId")]
    [InlineData("bad\u0001id", "deviceId")]
    public async Task RegisterAsync_BadDeviceId_IsValidationErrorNamingTheField(string? deviceId, string field)
    {
        var error = await Assert.ThrowsAsync<PassBrokerException>(() =>
            _registration.RegisterAsync(deviceId, TestDevices.Info(), null, TestDevices.Client, CancellationToken.None));

        Assert.Equal((400, ErrorCodes.ValidationFailed, field), (error.Status, error.Code, error.Extensions["field"]));
        _adobePass.VerifyNoOtherCalls();
    }

    [Fact]
    public async Task RegisterAsync_DeviceInfoWithoutOsName_IsValidationErrorNamingTheField()
    {
        var error = await Assert.ThrowsAsync<PassBrokerException>(() =>
            _registration.RegisterAsync("device-1", TestDevices.Info() with { OsName = null }, null, TestDevices.Client, CancellationToken.None));

        Assert.Equal("deviceInfo.osName", error.Extensions["field"]);
    }

    [Fact]
    public async Task RegisterAsync_TooLongDeviceId_IsRefused()
    {
        var error = await Assert.ThrowsAsync<PassBrokerException>(() =>
            _registration.RegisterAsync(new string('x', DeviceInfoValidator.MaxDeviceIdLength + 1), TestDevices.Info(), null, TestDevices.Client, CancellationToken.None));

        Assert.Equal(400, error.Status);
    }
}
