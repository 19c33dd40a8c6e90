using Microsoft.Extensions.Configuration;
using Moq;
using PassBroker.Core.Brands;
using PassBroker.Core.Telemetry;
using PassBroker.Core.Tests.Sessions;
using PassBroker.Core.Workflow;
using PassBroker.TestHelpers.Fakes;

namespace PassBroker.Core.Tests.Telemetry;

/// <summary>The <c>passbroker.brand</c> tag: the brand's public id, bounded to the configured brands.</summary>
public sealed class BrandTagTests
{
    private readonly TestMetrics _meters = new(TestBrands.Catalog(TestBrands.Second));

    [Theory]
    [InlineData(BrandKeys.Default, BrandOptions.DefaultId)]
    [InlineData(TestBrands.Second, TestBrands.Second)]
    [InlineData("removed-brand", PassBrokerTelemetry.OtherBrand)]
    [InlineData(null, PassBrokerTelemetry.NoBrand)]
    public void UpstreamCalls_AreTaggedWithTheBrandBounded(string? brand, string expected)
    {
        using var durations = _meters.Collect<double>("passbroker.upstream.duration");
        using var errors = _meters.Collect<long>("passbroker.upstream.errors");

        _meters.Metrics.UpstreamCalled("/api/v2/{serviceProvider}/profiles", null, 503, "unavailable", TimeSpan.FromMilliseconds(5), brand);

        Assert.Equal(expected, Assert.Single(durations.GetMeasurementSnapshot()).Tags[PassBrokerTelemetry.Tags.Brand]);
        Assert.Equal(expected, Assert.Single(errors.GetMeasurementSnapshot()).Tags[PassBrokerTelemetry.Tags.Brand]);
    }

    [Fact]
    public void AuthorizeDecisions_AreTaggedWithTheBrandsPublicId()
    {
        using var decisions = _meters.Collect<long>("passbroker.authorize.decisions");

        _meters.Metrics.AuthorizeDecided("ExampleCable", true, null, "mvpd", TestBrands.Second);
        _meters.Metrics.AuthorizeDecided("ExampleCable", false, "x", "rule", "not-configured");

        Assert.Equal([TestBrands.Second, PassBrokerTelemetry.OtherBrand],
            decisions.GetMeasurementSnapshot().Select(m => m.Tags[PassBrokerTelemetry.Tags.Brand]));
    }

    [Fact]
    public void TheDefaultBrandsTag_IsItsConfiguredPublicId()
    {
        var tags = new BrandTags(new BrandCatalog(new ConfigurationBuilder()
            .AddInMemoryCollection(new Dictionary<string, string?> { ["Brand:Id"] = "ref30" }).Build()));

        Assert.Equal(("ref30", PassBrokerTelemetry.OtherBrand), (tags.Of(BrandKeys.Default), tags.Of("default")));
    }

    [Fact]
    public async Task ASignInOfASecondBrandsDevice_IsCountedUnderThatBrand_ThroughItsPolls()
    {
        var context = new SignInTestContext(_meters);
        var device = TestDevices.Record(brand: TestBrands.Second);
        await context.Devices.AddAsync(device, CancellationToken.None);
        context.UpstreamIssuesCode("BRD1111");
        using var started = _meters.Collect<long>("passbroker.signin.started");
        using var expired = _meters.Collect<long>("passbroker.signin.expired");
        SignInPollInput? polling = null;
        context.Workflows.Setup(w => w.StartSignInPollingAsync(It.IsAny<SignInPollInput>(), It.IsAny<CancellationToken>()))
            .Callback((SignInPollInput input, CancellationToken _) => polling = input);

        await context.Service().StartAsync(device, null, TestDevices.Client, CancellationToken.None);
        await context.ExpireActivity().RunAsync(polling!, CancellationToken.None);

        Assert.Equal(TestBrands.Second, Assert.Single(started.GetMeasurementSnapshot()).Tags[PassBrokerTelemetry.Tags.Brand]);
        Assert.Equal(TestBrands.Second, polling!.Brand);
        Assert.Equal(TestBrands.Second, Assert.Single(expired.GetMeasurementSnapshot()).Tags[PassBrokerTelemetry.Tags.Brand]);
    }
}
