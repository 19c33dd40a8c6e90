using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using PassBroker.Emulator.Faults;
using PassBroker.Testing.Hosting;

namespace PassBroker.Emulator.Tests.Faults;

/// <summary>Fault injection and Adobe's throttle over real HTTP; one emulator per test (both are emulator-wide).</summary>
public sealed class FaultInjectionTests : IAsyncLifetime
{
    private const string ConfigurationPath = "/api/v2/REF30/configuration";
    private readonly FakeTimeProvider _time = new(new DateTimeOffset(2025, 1, 1, 12, 0, 0, TimeSpan.Zero));
    private RunningApp _emulator = null!;
    private HttpClient _http = null!;

    public async Task InitializeAsync()
    {
        _emulator = await EmulatorHost.StartAsync(_time);
        _http = _emulator.CreateClient(followRedirects: false);
    }

    public async Task DisposeAsync()
    {
        _http.Dispose();
        await _emulator.DisposeAsync();
    }

    private Task<HttpResponseMessage> SendAsync(string? fault = null, string? forwardedFor = null)
    {
        var request = new HttpRequestMessage(HttpMethod.Get, ConfigurationPath);
        if (fault is not null)
        {
            request.Headers.Add(FaultProfile.HeaderName, fault);
        }
        if (forwardedFor is not null)
        {
            request.Headers.Add("X-Forwarded-For", forwardedFor);
        }
        return _http.SendAsync(request);
    }

    private async Task<JsonElement> FaultsReportAsync() => await _http.GetFromJsonAsync<JsonElement>("/emulator/faults");

    [Fact]
    public async Task Header_Status_AnswersItWithoutAnEnhancedErrorBody()
    {
        using var response = await SendAsync("status=502;retry-after=3");

        Assert.Equal(HttpStatusCode.BadGateway, response.StatusCode);
        Assert.Equal(TimeSpan.FromSeconds(3), response.Headers.RetryAfter!.Delta);
        Assert.DoesNotContain("application/json", response.Content.Headers.ContentType?.MediaType ?? "", StringComparison.Ordinal);
    }

    [Fact]
    public async Task Header_Html429_IsAdobesEdgePageWithoutRetryAfter()
    {
        using var response = await SendAsync("html429");

        Assert.Equal(HttpStatusCode.TooManyRequests, response.StatusCode);
        Assert.Equal("text/html", response.Content.Headers.ContentType!.MediaType);
        Assert.Null(response.Headers.RetryAfter);
        Assert.Contains("openresty", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Header_Reset_DropsTheConnection()
    {
        await Assert.ThrowsAsync<HttpRequestException>(() => SendAsync("reset"));
    }

    [Fact]
    public async Task Header_Timeout_NeverAnswers()
    {
        using var wait = new CancellationTokenSource(TimeSpan.FromMilliseconds(500));
        using var request = new HttpRequestMessage(HttpMethod.Get, ConfigurationPath) { Headers = { { FaultProfile.HeaderName, "timeout" } } };

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => _http.SendAsync(request, wait.Token));
    }

    [Fact]
    public async Task Header_Latency_StillAnswersNormally()
    {
        using var response = await SendAsync("latency=50ms");

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode); // what the configuration answers without a token
    }

    [Fact]
    public async Task Header_Unreadable_Is400()
    {
        using var response = await SendAsync("status=oops");

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
    }

    [Fact]
    public async Task DefaultProfile_AppliesToServerCallsOnly_AndIsCounted()
    {
        using var put = await _http.PutAsJsonAsync("/emulator/faults", new { profile = "status=503;count=2", throttle = false });
        Assert.Equal(HttpStatusCode.OK, put.StatusCode);

        using var browser = await SendAsync();
        using var first = await SendAsync(forwardedFor: "198.51.100.23");
        using var second = await SendAsync(forwardedFor: "198.51.100.23:5000");
        using var third = await SendAsync(forwardedFor: "198.51.100.23");

        Assert.Equal(
            [HttpStatusCode.Unauthorized, HttpStatusCode.ServiceUnavailable, HttpStatusCode.ServiceUnavailable, HttpStatusCode.Unauthorized],
            [browser.StatusCode, first.StatusCode, second.StatusCode, third.StatusCode]);
        var report = await FaultsReportAsync();
        Assert.Equal(2, report.GetProperty("injected").GetProperty("Status").GetInt32());
        Assert.Equal(4, report.GetProperty("requests").GetInt32());
    }

    [Fact]
    public async Task DefaultProfile_BadText_Is400AndChangesNothing()
    {
        using var put = await _http.PutAsJsonAsync("/emulator/faults", new { profile = "rate=0.1", throttle = true });

        Assert.Equal(HttpStatusCode.BadRequest, put.StatusCode);
        Assert.False((await FaultsReportAsync()).GetProperty("throttle").GetBoolean());
    }

    [Fact]
    public async Task Throttle_FollowsAdobesWorkedExample()
    {
        using var put = await _http.PutAsJsonAsync("/emulator/faults", new { throttle = true });
        const string ip = "203.0.113.50";
        double[] passing = [0, 0.3, 0.6, 0.9, 1.2, 1.3, 1.4, 1.5, 1.6, 1.7, 1.8, 2.1, 2.2];
        double[] throttled = [2.4, 2.6, 2.8];
        var start = _time.GetUtcNow();
        var outcomes = new List<(double At, HttpStatusCode Status)>();

        foreach (var at in passing.Concat(throttled).Append(3.1))
        {
            _time.SetUtcNow(start + TimeSpan.FromSeconds(at));
            using var response = await SendAsync(forwardedFor: ip);
            outcomes.Add((at, response.StatusCode));
        }
        using var otherDevice = await SendAsync(forwardedFor: "203.0.113.51");
        using var browser = await SendAsync();

        Assert.All(outcomes.Where(o => !throttled.Contains(o.At)), o => Assert.NotEqual(HttpStatusCode.TooManyRequests, o.Status));
        Assert.All(outcomes.Where(o => throttled.Contains(o.At)), o => Assert.Equal(HttpStatusCode.TooManyRequests, o.Status));
        Assert.NotEqual(HttpStatusCode.TooManyRequests, otherDevice.StatusCode);
        Assert.NotEqual(HttpStatusCode.TooManyRequests, browser.StatusCode);
        Assert.Equal(3, _emulator.Services.GetRequiredService<AdobeThrottle>().ThrottledCount);
        Assert.Equal(3, (await _http.GetFromJsonAsync<JsonElement>("/emulator/stats")).GetProperty("throttled429s").GetInt32());
    }

    [Fact]
    public async Task Delete_TurnsEverythingOffAndClearsCounts()
    {
        using var put = await _http.PutAsJsonAsync("/emulator/faults", new { profile = "status=503", throttle = true });
        using var faulted = await SendAsync(forwardedFor: "198.51.100.1");

        using var delete = await _http.DeleteAsync("/emulator/faults");
        using var clean = await SendAsync(forwardedFor: "198.51.100.1");

        Assert.Equal((HttpStatusCode.ServiceUnavailable, HttpStatusCode.NoContent, HttpStatusCode.Unauthorized), (faulted.StatusCode, delete.StatusCode, clean.StatusCode));
        var report = await FaultsReportAsync();
        Assert.Equal((false, 0), (report.GetProperty("throttle").GetBoolean(), report.GetProperty("injected").EnumerateObject().Count()));
    }
}
