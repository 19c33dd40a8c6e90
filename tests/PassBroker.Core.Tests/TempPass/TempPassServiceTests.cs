using System.Text.Json;
using Microsoft.Extensions.Logging.Abstractions;
using Moq;
using PassBroker.Core.Devices;
using PassBroker.Core.Errors;
using PassBroker.Core.TempPass;
using PassBroker.Core.Upstream;
using PassBroker.TestHelpers.Fakes;

namespace PassBroker.Core.Tests.TempPass;

public sealed class TempPassServiceTests
{
    private const string Hash = "58b1508ae622738c9ee3594951b62f14717249ca0dc46941033478a2c65365c4";
    private static readonly DateTimeOffset Start = new(2026, 11, 23, 12, 0, 0, TimeSpan.Zero);

    private readonly Mock<IAdobePassClient> _adobePass = new();
    private readonly InMemoryDeviceStore _devices = new();
    private readonly TempPassOptions _options = new() { BasicMvpd = "TempPass_REF30", PromotionalMvpd = "TempPassPromo_REF30" };
    private readonly List<DeviceContext> _profileCalls = [];
    private IReadOnlyList<Profile> _upstreamProfiles = [];

    public TempPassServiceTests()
    {
        _devices.AddAsync(TestDevices.Record(), CancellationToken.None).GetAwaiter().GetResult();
        _adobePass.Setup(a => a.GetProfilesForMvpdAsync(It.IsAny<DeviceContext>(), It.IsAny<string>(), It.IsAny<CancellationToken>()))
            .ReturnsAsync((DeviceContext device, string _, CancellationToken _) =>
            {
                _profileCalls.Add(device);
                return _upstreamProfiles;
            });
    }

    private TempPassService Service() => new(_adobePass.Object, _devices, new TempPassContexts(TestBrands.Options(_options)), TestBrands.Options(_options),
        NullLogger<TempPassService>.Instance);

    private async Task<DeviceRecord> DeviceAsync() => (await _devices.FindAsync(TestDevices.Record().DeviceKey, CancellationToken.None))!;

    private static Profile Temporary(string mvpd, params (string Name, string Json)[] attributes) => new()
    {
        Mvpd = mvpd, NotBefore = Start, NotAfter = Start.AddDays(1), Issuer = "Adobe", Type = "temporary",
        Attributes = attributes.ToDictionary(a => a.Name, a => new ProfileAttribute(JsonDocument.Parse(a.Json).RootElement.Clone(), "plain")),
    };

    [Fact]
    public async Task StartAsync_Promotional_StoresOnlyTheHashAndSendsItAsTheIdentity()
    {
        var state = await Service().StartAsync(await DeviceAsync(), TestDevices.Client, "promotional", " Viewer.One@Example.org ", CancellationToken.None);

        Assert.Equal((TempPassKind.Promotional, "TempPassPromo_REF30", TempPassState.NotStarted), (state.Kind, state.Mvpd, state.Status));
        Assert.Equal(Hash, (await DeviceAsync()).TempPassIdentity);
        Assert.Equal(new TempPassIdentity("email", Hash), _profileCalls.Single().TempPassIdentity);
    }

    [Fact]
    public async Task StartAsync_Promotional_WithAnOutOfDateCopyOfTheDevice_UpdatesTheStoredRecord()
    {
        // The authenticated device may be this instance's copy, older than a write another instance made since.
        var copy = await DeviceAsync();
        await _devices.UpdateAsync(copy with { Info = copy.Info with { Model = "changed elsewhere" } }, CancellationToken.None);

        await Service().StartAsync(copy, TestDevices.Client, "promotional", "viewer.one@example.org", CancellationToken.None);

        var stored = await DeviceAsync();
        Assert.Equal(Hash, stored.TempPassIdentity);
        Assert.Equal("changed elsewhere", stored.Info.Model);
    }

    [Fact]
    public async Task StartAsync_Basic_SendsNoIdentityAndRefusesAnEmail()
    {
        await Service().StartAsync(await DeviceAsync(), TestDevices.Client, "basic", null, CancellationToken.None);
        var error = await Assert.ThrowsAsync<PassBrokerException>(() =>
            Service().StartAsync(TestDevices.Record(), TestDevices.Client, "basic", "viewer@example.org", CancellationToken.None));

        Assert.Null(_profileCalls.Single().TempPassIdentity);
        Assert.Equal("email", error.Extensions["field"]);
    }

    [Fact]
    public async Task GetAsync_ActivePromotionalTrial_ReadsTheTemporaryProfile()
    {
        await Service().StartAsync(await DeviceAsync(), TestDevices.Client, "promotional", "viewer.one@example.org", CancellationToken.None);
        var expires = Start.AddDays(1).ToUnixTimeMilliseconds();
        _upstreamProfiles = [Temporary("TempPassPromo_REF30", ("expiration_date", expires.ToString(System.Globalization.CultureInfo.InvariantCulture)),
            ("remaining_resources", "1"), ("used_assets", "[\"show-1\",\"show-2\"]"))];

        var state = await Service().GetAsync(await DeviceAsync(), TestDevices.Client, "promotional", CancellationToken.None);

        Assert.Equal(TempPassState.Active, state.Status);
        Assert.Equal((Start, Start.AddDays(1), 1), (state.StartedAt!.Value, state.ExpiresAt!.Value, state.RemainingResources!.Value));
        Assert.Equal(["show-1", "show-2"], state.UsedAssets);
    }

    [Theory]
    [InlineData(TempPassCodes.DurationLimitExceeded, TempPassState.Expired)]
    [InlineData(TempPassCodes.ResourcesLimitExceeded, TempPassState.ResourcesExhausted)]
    public async Task GetAsync_LimitReached_IsAStatusNotAFailure(string code, string status)
    {
        _adobePass.Setup(a => a.GetProfilesForMvpdAsync(It.IsAny<DeviceContext>(), It.IsAny<string>(), It.IsAny<CancellationToken>()))
            .ThrowsAsync(new AdobePassException(UpstreamFailure.Rejected, 403, new UpstreamError { Code = code, Action = UpstreamActions.Authentication, Status = 403 }));

        var state = await Service().GetAsync(await DeviceAsync(), TestDevices.Client, "basic", CancellationToken.None);

        Assert.Equal(status, state.Status);
    }

    [Fact]
    public async Task GetAsync_PromotionalNeverStarted_AsksForTheEmailWithoutCallingAdobe()
    {
        var error = await Assert.ThrowsAsync<PassBrokerException>(() =>
            Service().GetAsync(TestDevices.Record(), TestDevices.Client, "promotional", CancellationToken.None));

        Assert.Equal((400, TempPassContexts.IdentityRequiredCode), (error.Status, error.Code));
        Assert.Empty(_profileCalls);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("gold")]
    public async Task StartAsync_UnknownKind_IsValidationError(string? kind)
    {
        var error = await Assert.ThrowsAsync<PassBrokerException>(() =>
            Service().StartAsync(TestDevices.Record(), TestDevices.Client, kind, null, CancellationToken.None));

        Assert.Equal("kind", error.Extensions["field"]);
    }
}
