using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Moq;
using PassBroker.Core.Brands;
using PassBroker.Core.Errors;
using PassBroker.Core.TempPass;
using PassBroker.Core.Upstream;

namespace PassBroker.Core.Tests.TempPass;

public sealed class TempPassResetServiceTests
{
    private const string Hash = "58b1508ae622738c9ee3594951b62f14717249ca0dc46941033478a2c65365c4";

    private readonly Mock<IAdobePassClient> _adobePass = new();
    private readonly TempPassResetService _service;
    private TempPassReset? _sent;

    public TempPassResetServiceTests()
    {
        _adobePass.Setup(a => a.ResetTempPassAsync(It.IsAny<TempPassReset>(), It.IsAny<CancellationToken>()))
            .Callback((TempPassReset reset, CancellationToken _) => _sent = reset)
            .ReturnsAsync(204);
        _service = Service(new()
        {
            ["TempPass:BasicMvpd"] = "TempPass_REF30",
            ["TempPass:PromotionalMvpd"] = "TempPassPromo_REF30",
            ["Brands:sports:TempPass:BasicMvpd"] = "TempPass_SPORTS",
        });
    }

    public static TheoryData<TempPassResetRequest, TempPassReset, string> Targets => new()
    {
        { new("basic", "tv-1", null, null, null), new("TempPass_REF30", false, "tv-1", null), "device" },
        { new("basic", null, null, null, true), new("TempPass_REF30", false, null, null), "all_devices" },
        { new("promotional", null, " Viewer.One@Example.org", null, null), new("TempPassPromo_REF30", true, null, Hash), "user" },
        { new("promotional", null, null, Hash, false), new("TempPassPromo_REF30", true, null, Hash), "user" },
        { new("Promotional", null, null, null, true), new("TempPassPromo_REF30", true, null, null), "all_users" },
    };

    [Theory]
    [MemberData(nameof(Targets))]
    public async Task ResetAsync_EachTarget_SendsTheMatchingResetAndReportsAdobesStatus(TempPassResetRequest request, TempPassReset expected, string scope)
    {
        var result = await _service.ResetAsync(request, CancellationToken.None);

        Assert.Equal(expected, _sent);
        Assert.Equal((scope, 204), (result.Scope, result.UpstreamStatus));
    }

    public static TheoryData<TempPassResetRequest, string> BadRequests => new()
    {
        { new(null, "tv-1", null, null, null), "kind" },
        { new("trial", "tv-1", null, null, null), "kind" },
        { new("basic", null, null, null, null), "deviceId" },
        { new("basic", null, null, null, false), "deviceId" },
        { new("basic", "tv-1", null, null, true), "all" },
        { new("basic", "tv\u0000", null, null, null), "deviceId" },
        { new("basic", null, "viewer@example.org", null, null), "kind" },
        { new("promotional", null, null, null, null), "email" },
        { new("promotional", "tv-1", null, null, null), "deviceId" },
        { new("promotional", null, "viewer@example.org", Hash, null), "hash" },
        { new("promotional", null, null, "ABC", null), "hash" },
        { new("promotional", null, null, Hash.ToUpperInvariant(), null), "hash" },
        { new("promotional", null, "not-an-address", null, null), "email" },
        { new("promotional", null, null, Hash, true), "all" },
    };

    [Theory]
    [MemberData(nameof(BadRequests))]
    public async Task ResetAsync_BadRequest_IsValidationErrorWithoutCallingAdobe(TempPassResetRequest request, string field)
    {
        var error = await Assert.ThrowsAsync<PassBrokerException>(() => _service.ResetAsync(request, CancellationToken.None));

        Assert.Equal((400, field), (error.Status, error.Extensions["field"]));
        Assert.Null(_sent);
    }

    [Fact]
    public async Task ResetAsync_KindNotConfigured_IsNotOffered()
    {
        var service = Service([]);

        var error = await Assert.ThrowsAsync<PassBrokerException>(() => service.ResetAsync(new("basic", null, null, null, true), CancellationToken.None));

        Assert.Equal((404, "temppass_not_offered"), (error.Status, error.Code));
    }

    [Fact]
    public async Task ResetAsync_ForABrand_UsesItsTempPassMvpdAndNamesItUpstream()
    {
        var result = await _service.ResetAsync(new("basic", null, null, null, true) { Brand = "sports" }, CancellationToken.None);

        Assert.Equal(new TempPassReset("TempPass_SPORTS", false, null, null) { Brand = "sports" }, _sent);
        Assert.Equal("TempPass_SPORTS", result.Mvpd);
    }

    [Fact]
    public async Task ResetAsync_ForABrandWithoutThatKind_IsNotOfferedEvenIfTheDefaultBrandOffersIt()
    {
        var service = Service(new() { ["TempPass:PromotionalMvpd"] = "TempPassPromo_REF30", ["Brands:sports:TempPass:PromotionalMvpd"] = "" });

        var error = await Assert.ThrowsAsync<PassBrokerException>(() =>
            service.ResetAsync(new("promotional", null, null, null, true) { Brand = "sports" }, CancellationToken.None));

        Assert.Equal((404, "temppass_not_offered"), (error.Status, error.Code));
        Assert.Null(_sent);
    }

    private TempPassResetService Service(Dictionary<string, string?> settings)
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(settings).Build();
        var services = new ServiceCollection().AddSingleton<IConfiguration>(configuration)
            .AddBrandedOptions<TempPassOptions>(configuration, TempPassOptions.SectionName).BuildServiceProvider();
        return new TempPassResetService(_adobePass.Object, services.GetRequiredService<IOptionsMonitor<TempPassOptions>>(),
            NullLogger<TempPassResetService>.Instance);
    }
}
