using PassBroker.AdobePass.Handlers;
using PassBroker.AdobePass.Telemetry;
using PassBroker.TestHelpers.Fakes;

namespace PassBroker.AdobePass.Tests.Telemetry;

/// <summary>What the innermost handler records when Adobe does not answer.</summary>
public sealed class UpstreamTelemetryHandlerTests
{
    private static readonly Uri Authorize = new("https://adobe.example/api/v2/REF30/decisions/authorize/ExampleCable");

    [Fact]
    public async Task AttemptTimedOut_TheCancelledTokenOfThePipeline_IsCountedAsTimedOut()
    {
        // The resilience pipeline times an attempt out by cancelling the token it passed down.
        var meters = new TestMetrics();
        using var errors = meters.Collect<long>("passbroker.upstream.errors");
        using var client = new HttpMessageInvoker(new UpstreamTelemetryHandler(meters.Metrics) { InnerHandler = new NeverAnswers() });
        using var timeout = new CancellationTokenSource(TimeSpan.FromMilliseconds(50));

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => client.SendAsync(new HttpRequestMessage(HttpMethod.Post, Authorize), timeout.Token));

        var point = Assert.Single(errors.GetMeasurementSnapshot());
        Assert.Equal("timed_out", point.Tags["passbroker.upstream.error_code"]);
    }

    [Fact]
    public async Task ConnectionFailed_IsCountedAsUnavailable()
    {
        var meters = new TestMetrics();
        using var errors = meters.Collect<long>("passbroker.upstream.errors");
        using var client = new HttpMessageInvoker(new UpstreamTelemetryHandler(meters.Metrics) { InnerHandler = new Refuses() });

        await Assert.ThrowsAsync<HttpRequestException>(() => client.SendAsync(new HttpRequestMessage(HttpMethod.Post, Authorize), default));

        Assert.Equal("unavailable", Assert.Single(errors.GetMeasurementSnapshot()).Tags["passbroker.upstream.error_code"]);
    }

    [Fact]
    public async Task ACallForADevice_IsTaggedWithTheDevicesBrand_AndACallForNoDeviceWithNone()
    {
        var meters = new TestMetrics(TestBrands.Catalog(TestBrands.Second));
        using var durations = meters.Collect<double>("passbroker.upstream.duration");
        using var client = new HttpMessageInvoker(new UpstreamTelemetryHandler(meters.Metrics) { InnerHandler = new Refuses() });
        var forDevice = new HttpRequestMessage(HttpMethod.Post, Authorize);
        var device = TestDevices.Record(brand: TestBrands.Second).ToContext(TestDevices.Client);
        forDevice.Options.Set(UpstreamCall.OptionsKey, new UpstreamCall(device, UpstreamHeaders.Device));

        await Assert.ThrowsAsync<HttpRequestException>(() => client.SendAsync(forDevice, default));
        await Assert.ThrowsAsync<HttpRequestException>(() => client.SendAsync(new HttpRequestMessage(HttpMethod.Post, Authorize), default));

        Assert.Equal([TestBrands.Second, "none"], durations.GetMeasurementSnapshot().Select(m => m.Tags["passbroker.brand"]));
    }

    private sealed class NeverAnswers : HttpMessageHandler
    {
        protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            await Task.Delay(Timeout.Infinite, cancellationToken);
            throw new InvalidOperationException("Unreachable.");
        }
    }

    private sealed class Refuses : HttpMessageHandler
    {
        protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken) =>
            throw new HttpRequestException("Connection refused.");
    }
}
