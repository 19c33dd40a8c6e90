using Microsoft.Extensions.Logging.Abstractions;
using Moq;
using PassBroker.Core.Devices;
using PassBroker.Core.Errors;
using PassBroker.Core.TempPass;
using PassBroker.Core.Upstream;
using PassBroker.TestHelpers.Fakes;

namespace PassBroker.Core.Tests.TempPass;

public sealed class TempPassBrandTests
{
    private const string Third = "ref32";

    private readonly Mock<IAdobePassClient> _adobePass = new();
    private readonly InMemoryDeviceStore _devices = new();
    private readonly List<(DeviceContext Device, string Mvpd)> _calls = [];
    private readonly TempPassService _service;

    public TempPassBrandTests()
    {
        _adobePass.Setup(a => a.GetProfilesForMvpdAsync(It.IsAny<DeviceContext>(), It.IsAny<string>(), It.IsAny<CancellationToken>()))
            .ReturnsAsync((DeviceContext device, string mvpd, CancellationToken _) =>
            {
                _calls.Add((device, mvpd));
                return [];
            });
        // The default brand has both trials; the second has none; the third its own promotional MVPD and identity key.
        var options = TestBrands.Options(
            new TempPassOptions { BasicMvpd = "TempPass_REF30", PromotionalMvpd = "TempPassPromo_REF30" },
            (TestBrands.Second, new TempPassOptions()),
            (Third, new TempPassOptions { PromotionalMvpd = "TempPassPromo_REF32", IdentityKey = "user_email" }));
        _service = new TempPassService(_adobePass.Object, _devices, new TempPassContexts(options), options, NullLogger<TempPassService>.Instance);
    }

    [Fact]
    public async Task StartAsync_ABrandWithoutTempPass_IsNotOffered_WhileTheDefaultBrandsSameDeviceIdIs()
    {
        var started = await _service.StartAsync(await AddAsync(TestDevices.Record()), TestDevices.Client, "basic", null, CancellationToken.None);
        var refused = await Assert.ThrowsAsync<PassBrokerException>(() =>
            _service.StartAsync(TestDevices.Record(brand: TestBrands.Second), TestDevices.Client, "basic", null, CancellationToken.None));

        Assert.Equal("TempPass_REF30", started.Mvpd);
        Assert.Equal((404, TempPassKinds.NotOfferedCode), (refused.Status, refused.Code));
        Assert.Equal("TempPass_REF30", Assert.Single(_calls).Mvpd);
    }

    [Fact]
    public async Task StartAsync_Promotional_UsesTheBrandsMvpdAndIdentityKey()
    {
        var device = await AddAsync(TestDevices.Record(brand: Third));

        var state = await _service.StartAsync(device, TestDevices.Client, "promotional", "viewer@example.org", CancellationToken.None);

        Assert.Equal("TempPassPromo_REF32", state.Mvpd);
        var call = Assert.Single(_calls);
        Assert.Equal(("TempPassPromo_REF32", "user_email", Third), (call.Mvpd, call.Device.TempPassIdentity?.Key, call.Device.Brand));
    }

    [Fact]
    public async Task GetAsync_ABrandWithoutTempPass_IsNotOffered()
    {
        var refused = await Assert.ThrowsAsync<PassBrokerException>(() =>
            _service.GetAsync(TestDevices.Record(brand: TestBrands.Second), TestDevices.Client, "promotional", CancellationToken.None));

        Assert.Equal(TempPassKinds.NotOfferedCode, refused.Code);
        Assert.Empty(_calls);
    }

    private Task<DeviceRecord> AddAsync(DeviceRecord device) => _devices.AddAsync(device, CancellationToken.None);
}
