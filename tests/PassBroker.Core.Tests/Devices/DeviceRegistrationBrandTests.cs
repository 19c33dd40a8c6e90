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

/// <summary>A device registers for one brand and keeps it: the brand its app names, checked again on every re-registration.</summary>
public sealed class DeviceRegistrationBrandTests
{
    private readonly InMemoryDeviceStore _store = new();
    private readonly Mock<IAdobePassClient> _adobePass = new();
    private readonly DeviceRegistration _registration;

    public DeviceRegistrationBrandTests()
    {
        _adobePass.Setup(a => a.RegisterClientAsync(It.IsAny<DeviceContext>(), It.IsAny<CancellationToken>()))
            .ReturnsAsync((DeviceContext device, CancellationToken _) => new ClientCredentials("client-" + device.Brand, "secret"));
        _adobePass.Setup(a => a.RequestAccessTokenAsync(It.IsAny<DeviceContext>(), It.IsAny<ClientCredentials>(), It.IsAny<CancellationToken>()))
            .ReturnsAsync(new AccessToken("token", DateTimeOffset.MaxValue));
        var copies = new DeviceRecordCopies(Options.Create(new InstanceCacheOptions()), new FakeTimeProvider());
        var caching = new CachingDeviceStore(_store, copies);
        var brands = new BrandCatalog(new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Brand:Id"] = "ref30",
            ["Brands:sports:AdobePass:ServiceProvider"] = "REF31",
        }).Build());
        _registration = new DeviceRegistration(caching, new DeviceAuthenticator(caching, copies), _adobePass.Object, brands,
            new FakeTimeProvider(), NullLogger<DeviceRegistration>.Instance);
    }

    [Theory]
    [InlineData(null, "")]
    [InlineData("ref30", "")]
    [InlineData("sports", "sports")]
    public async Task RegisterAsync_NamedBrand_IsStoredAndUsedForTheDcrClient(string? named, string brand)
    {
        var result = await Register("tv-1", named, null);

        Assert.Equal(brand, result.Brand);
        Assert.Equal(brand, (await _store.FindAsync(result.DeviceKey, CancellationToken.None))!.Brand);
        _adobePass.Verify(a => a.RegisterClientAsync(It.Is<DeviceContext>(d => d.Brand == brand), It.IsAny<CancellationToken>()), Times.Once);
        _adobePass.Verify(a => a.RequestAccessTokenAsync(It.Is<DeviceContext>(d => d.Brand == brand), It.IsAny<ClientCredentials>(), It.IsAny<CancellationToken>()), Times.Once);
    }

    [Theory]
    [InlineData("news")]
    [InlineData("REF30")]
    [InlineData("sports ")]
    public async Task RegisterAsync_UnknownBrand_IsUnknownBrandWithoutCallingAdobe(string named)
    {
        var error = await Assert.ThrowsAsync<PassBrokerException>(() => Register("tv-1", named, null));

        Assert.Equal((400, ErrorCodes.UnknownBrand), (error.Status, error.Code));
        _adobePass.VerifyNoOtherCalls();
        Assert.Equal(0, _store.Writes);
    }

    [Fact]
    public async Task RegisterAsync_SameDeviceIdUnderTwoBrands_IsTwoDevicesWithTheirOwnClients()
    {
        var main = await Register("tv-1", null, null);
        var sports = await Register("tv-1", "sports", null);

        Assert.NotEqual(main.DeviceKey, sports.DeviceKey);
        Assert.Equal("client-", (await _store.FindAsync(main.DeviceKey, CancellationToken.None))!.Credentials.ClientId);
        Assert.Equal("client-sports", (await _store.FindAsync(sports.DeviceKey, CancellationToken.None))!.Credentials.ClientId);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("sports")]
    public async Task ReRegisterAsync_WithoutBrandOrItsOwn_KeepsTheDevicesBrand(string? named)
    {
        var first = await Register("tv-1", "sports", null);

        var again = await Register("tv-1", named, first.DeviceToken);

        Assert.Equal((first.DeviceKey, "sports", false), (again.DeviceKey, again.Brand, again.IsNew));
        Assert.Equal("sports", (await _store.FindAsync(first.DeviceKey, CancellationToken.None))!.Brand);
    }

    [Theory]
    [InlineData("sports", "ref30")]
    [InlineData(null, "sports")]
    public async Task ReRegisterAsync_NamingAnotherBrand_IsBrandMismatchAndChangesNothing(string? registeredAs, string named)
    {
        var first = await Register("tv-1", registeredAs, null);
        var writes = _store.Writes;
        var before = await _store.FindAsync(first.DeviceKey, CancellationToken.None);

        var error = await Assert.ThrowsAsync<PassBrokerException>(() => Register("tv-1", named, first.DeviceToken));

        Assert.Equal((409, ErrorCodes.BrandMismatch), (error.Status, error.Code));
        Assert.Equal(writes, _store.Writes);
        Assert.Equal(before, await _store.FindAsync(first.DeviceKey, CancellationToken.None));
    }

    private Task<DeviceRegistrationResult> Register(string deviceId, string? brand, string? token) =>
        _registration.RegisterAsync(deviceId, TestDevices.Info(), brand, token, TestDevices.Client, CancellationToken.None);
}
