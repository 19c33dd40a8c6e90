using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Time.Testing;
using PassBroker.Core.Decisions;
using PassBroker.Core.Decisions.Rules;
using PassBroker.Core.Devices;
using PassBroker.Core.Upstream;
using PassBroker.TestHelpers.Fakes;

namespace PassBroker.Core.Tests.Decisions.Rules;

/// <summary>The rules read the settings of the device's brand: one device id, registered under two brands, two rule sets.</summary>
public sealed class RuleBrandTests
{
    private static readonly DeviceRecord OfDefault = TestDevices.Record();
    private static readonly DeviceRecord OfSecond = TestDevices.Record(brand: TestBrands.Second);

    private readonly InMemoryPlayStore _plays = new();
    private readonly ConcurrentPlaysRule _concurrent;
    private readonly ResourceAccessRule _access;

    public RuleBrandTests()
    {
        _concurrent = new ConcurrentPlaysRule(_plays,
            TestBrands.Options(new ConcurrentPlaysOptions { MaxConcurrentPlays = 2 }, (TestBrands.Second, new ConcurrentPlaysOptions { MaxConcurrentPlays = 1 })),
            new FakeTimeProvider(), NullLogger<ConcurrentPlaysRule>.Instance);
        _access = new ResourceAccessRule(
            TestBrands.Options(new ResourceAccessOptions { Deny = ["sports-1"] }, (TestBrands.Second, new ResourceAccessOptions { Allow = ["sports-1"] })),
            TestBrands.Catalog(TestBrands.Second));
    }

    [Fact]
    public async Task ConcurrentPlays_EachDeviceGetsItsBrandsLimit()
    {
        Assert.True((await PlayAsync(OfDefault, "show-1")).Authorized);
        Assert.True((await PlayAsync(OfDefault, "show-2")).Authorized);
        Assert.True((await PlayAsync(OfSecond, "show-1")).Authorized);

        var denied = await PlayAsync(OfSecond, "show-2");

        Assert.Equal(ConcurrentPlaysRule.DeniedCode, denied.Error?.Code);
        Assert.Contains("at most 1 titles", denied.Error!.Details, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("", "sports-1", ResourceAccessRule.DeniedCode)]
    [InlineData("", "show-1", null)]
    [InlineData(TestBrands.Second, "sports-1", null)]
    [InlineData(TestBrands.Second, "show-1", ResourceAccessRule.DeniedCode)]
    public async Task ResourceAccess_EachDeviceGetsItsBrandsLists(string brand, string resource, string? expectedCode)
    {
        var device = brand == TestBrands.Second ? OfSecond : OfDefault;

        var denied = await _access.BeforeUpstreamAsync(Request(device, resource), CancellationToken.None);

        Assert.Equal(expectedCode, denied?.Error?.Code);
    }

    private static AuthorizationRequest Request(DeviceRecord device, string resource) =>
        new(device, device.ToContext(TestDevices.Client), "ExampleCable", resource);

    private async Task<Decision> PlayAsync(DeviceRecord device, string resource)
    {
        var request = Request(device, resource);
        if (await _concurrent.BeforeUpstreamAsync(request, CancellationToken.None) is { } denied)
        {
            return denied;
        }
        var permit = new Decision { Resource = resource, Mvpd = request.Mvpd, Authorized = true };
        await _concurrent.CompletedAsync(request, permit, CancellationToken.None);
        return permit;
    }
}
