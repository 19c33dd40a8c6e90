using System.Net;
using System.Net.Http.Json;
using Microsoft.Extensions.DependencyInjection;
using PassBroker.Emulator.Faults;
using PassBroker.Integration.Tests.Support;
using PassBroker.Testing.EndToEnd;
using PassBroker.Testing.Hosting.Azurite;

namespace PassBroker.Integration.Tests.Reliability;

/// <summary>What the app gets when PassBroker protects Adobe (pacing) or itself (circuit breaker), end to end in real time.</summary>
[Collection(AzuriteCollection.Name)]
public sealed class UpstreamProtectionTests(AzuriteFixture azurite)
{
    private static Task<HttpResponseMessage> StartSignInAsync(HttpClient device) =>
        device.PostAsJsonAsync("/api/authentication/sessions", new { });

    [Fact]
    public async Task DeviceOverAdobesBudget_Gets429RateLimitedWithRetryAfter_AndAdobeNeverThrottles()
    {
        // A bucket of 3 that does not refill during the test: registration takes 2, the first sign-in start 1 (no MVPD:
        // no configuration call).
        await using var app = await PassBrokerApplication.StartRealTimeAsync(azurite,
            "--AdobePass:Pacing:Enabled=true", "--AdobePass:Pacing:BurstLimit=3", "--AdobePass:Pacing:QueueLimit=0",
            "--AdobePass:Pacing:ReplenishmentPeriod=00:01:00");
        var throttle = app.Emulator.Services.GetRequiredService<AdobeThrottle>();
        throttle.Enabled = true;
        var (device, _, _) = await app.RegisterDeviceAsync("paced-tv");

        using var first = await StartSignInAsync(device);
        using var second = await StartSignInAsync(device);

        Assert.Equal(HttpStatusCode.Accepted, first.StatusCode);
        await ProblemAssert.IsProblemAsync(second, HttpStatusCode.TooManyRequests, "rate_limited");
        Assert.InRange(second.Headers.RetryAfter!.Delta!.Value, TimeSpan.FromSeconds(1), TimeSpan.FromMinutes(1));
        Assert.Equal(0, throttle.ThrottledCount);
    }

    [Fact]
    public async Task AdobeDown_CircuitOpens_AppGets503WithRetryAfterWithoutAnUpstreamCall()
    {
        await using var app = await PassBrokerApplication.StartRealTimeAsync(azurite,
            "--AdobePass:Resilience:BreakerMinimumThroughput=2", "--AdobePass:Resilience:BreakDuration=00:00:30");
        var (device, _, _) = await app.RegisterDeviceAsync("outage-tv");
        var faults = app.Emulator.Services.GetRequiredService<FaultInjector>();
        Assert.True(FaultProfile.TryParse("status=503", out var down, out _));
        faults.Default = down;
        faults.ResetCounts();

        using var failed1 = await StartSignInAsync(device);
        using var failed2 = await StartSignInAsync(device);
        using var refused = await StartSignInAsync(device);

        await ProblemAssert.IsProblemAsync(failed1, HttpStatusCode.ServiceUnavailable, "upstream_unavailable");
        await ProblemAssert.IsProblemAsync(refused, HttpStatusCode.ServiceUnavailable, "upstream_unavailable");
        Assert.InRange(refused.Headers.RetryAfter!.Delta!.Value, TimeSpan.FromSeconds(1), TimeSpan.FromSeconds(30));
        Assert.Equal(2, faults.Requests);
    }
}
