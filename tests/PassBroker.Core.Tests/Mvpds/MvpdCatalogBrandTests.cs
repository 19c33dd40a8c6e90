using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Time.Testing;
using Moq;
using PassBroker.Core.Devices;
using PassBroker.Core.Mvpds;
using PassBroker.Core.Upstream;
using PassBroker.TestHelpers.Fakes;

namespace PassBroker.Core.Tests.Mvpds;

public sealed class MvpdCatalogBrandTests
{
    private readonly Mock<IAdobePassClient> _adobePass = new();
    private readonly List<string> _loadedFor = [];
    private readonly MvpdCatalog _catalog;

    public MvpdCatalogBrandTests()
    {
        _adobePass.Setup(a => a.GetMvpdsAsync(It.IsAny<DeviceContext>(), It.IsAny<CancellationToken>()))
            .ReturnsAsync((DeviceContext device, CancellationToken _) =>
            {
                _loadedFor.Add(device.Brand);
                // Each brand's service provider answers with its own line-up; brand B's has an MVPD the default's lacks.
                IReadOnlyList<Mvpd> list = [Mvpd("ExampleCable"), Mvpd("ExampleSat"), .. device.Brand == TestBrands.Second ? [Mvpd("SportsOnly")] : Array.Empty<Mvpd>()];
                return list;
            });
        var options = TestBrands.Options(new MvpdCatalogOptions { Deny = ["ExampleSat"] }, (TestBrands.Second, new MvpdCatalogOptions { Deny = ["ExampleCable"] }));
        _catalog = new MvpdCatalog(_adobePass.Object, options, TestBrands.Catalog(TestBrands.Second), new FakeTimeProvider(), NullLogger<MvpdCatalog>.Instance);
    }

    [Fact]
    public async Task GetAsync_FiltersWithTheDevicesBrandsSettings()
    {
        var ofDefault = await _catalog.GetAsync(Context(TestDevices.Record()), CancellationToken.None);
        var ofSecond = await _catalog.GetAsync(Context(TestDevices.Record(brand: TestBrands.Second)), CancellationToken.None);

        Assert.Equal(["ExampleCable"], ofDefault.Select(m => m.Id));
        Assert.Equal(["ExampleSat", "SportsOnly"], ofSecond.Select(m => m.Id));
    }

    [Fact]
    public async Task GetAsync_TwoBrandsOnOnePlatform_NeverShareACachedList()
    {
        // Same device id, same platform: only the brand differs.
        await _catalog.GetAsync(Context(TestDevices.Record()), CancellationToken.None);
        await _catalog.GetAsync(Context(TestDevices.Record(brand: TestBrands.Second)), CancellationToken.None);
        await _catalog.GetAsync(Context(TestDevices.Record("device-2", brand: TestBrands.Second)), CancellationToken.None);

        Assert.Equal(["", TestBrands.Second], _loadedFor);
        Assert.Null(await _catalog.FindAsync(Context(TestDevices.Record()), "SportsOnly", CancellationToken.None));
    }

    private static DeviceContext Context(DeviceRecord device) => device.ToContext(TestDevices.Client);

    private static Mvpd Mvpd(string id) => new(id, id, null, false, false, null);
}
