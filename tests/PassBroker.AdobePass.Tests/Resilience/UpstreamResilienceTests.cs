using System.Diagnostics;
using Microsoft.Extensions.DependencyInjection;
using PassBroker.AdobePass.Tests.Handlers;
using PassBroker.Core.Devices;
using PassBroker.Core.Upstream;
using PassBroker.Emulator.Faults;

namespace PassBroker.AdobePass.Tests.Resilience;

/// <summary>
/// The resilience pipeline against the emulator over real HTTP, with faults injected by the emulator's default
/// profile, in real time (backoffs and Retry-After are really waited out).
/// </summary>
public sealed class UpstreamResilienceTests : IAsyncLifetime
{
    private AdobePassHarness _harness = null!;

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync() => await _harness.DisposeAsync();

    private FaultInjector Faults => _harness.Emulator.Services.GetRequiredService<FaultInjector>();

    /// <summary>Starts the harness, registers a device cleanly, then turns the fault profile on and resets the counts.</summary>
    private async Task<DeviceContext> StartAsync(string faults, Dictionary<string, string?>? settings = null)
    {
        _harness = await AdobePassHarness.StartAsync(realTime: true, settings);
        var device = await _harness.RegisterAsync("tv-resilience");
        Assert.True(FaultProfile.TryParse(faults, out var profile, out var error), error);
        Faults.Default = profile;
        Faults.ResetCounts();
        return device;
    }

    [Fact]
    public async Task Get_503ThenOk_IsRetriedOnceAndSucceeds()
    {
        var device = await StartAsync("status=503;count=1");

        await _harness.Client.GetProfilesAsync(device, CancellationToken.None);

        Assert.Equal((2, 1), (Faults.Requests, Faults.Injected[FaultKind.Status]));
    }

    [Fact]
    public async Task Get_ConnectionReset_IsRetriedAndSucceeds()
    {
        var device = await StartAsync("reset;count=1");

        await _harness.Client.GetMvpdsAsync(device, CancellationToken.None);

        Assert.Equal(2, Faults.Requests);
    }

    [Fact]
    public async Task Get_OutageOnEveryAttempt_GivesUpAfterTwoRetries()
    {
        var device = await StartAsync("status=503");

        var error = await Assert.ThrowsAsync<AdobePassException>(() => _harness.Client.GetProfilesAsync(device, CancellationToken.None));

        Assert.Equal((UpstreamFailure.Unavailable, 503), (error.Failure, error.HttpStatus));
        Assert.Equal(3, Faults.Requests);
    }

    [Fact]
    public async Task PostAuthorize_503_IsNotRetried()
    {
        var device = await StartAsync("status=503");

        var error = await Assert.ThrowsAsync<AdobePassException>(() => _harness.Client.AuthorizeAsync(device, "ExampleCable", "news", CancellationToken.None));

        Assert.Equal(UpstreamFailure.Unavailable, error.Failure);
        Assert.Equal(1, Faults.Requests);
    }

    [Fact]
    public async Task PostSession_ConnectionReset_IsNotRetried()
    {
        var device = await StartAsync("reset");

        var error = await Assert.ThrowsAsync<AdobePassException>(() =>
            _harness.Client.CreateSessionAsync(device, new SessionParameters("ExampleCable", "127.0.0.1", "http://127.0.0.1/done"), CancellationToken.None));

        Assert.Equal(UpstreamFailure.Unavailable, error.Failure);
        Assert.Equal(1, Faults.Requests);
    }

    [Theory]
    [InlineData("html429;retry-after=2;count=1", 2)] // Retry-After honoured
    [InlineData("html429;count=1", 1)] // Adobe's own 429 has none: at least 1 s
    public async Task Get_429_WaitsWhatItAsksOrAtLeastOneSecond(string faults, int seconds)
    {
        var device = await StartAsync(faults);
        var watch = Stopwatch.StartNew();

        await _harness.Client.GetProfilesAsync(device, CancellationToken.None);

        Assert.True(watch.Elapsed >= TimeSpan.FromSeconds(seconds), $"retried after {watch.Elapsed}");
        Assert.Equal(2, Faults.Requests);
    }

    [Fact]
    public async Task Get_RetryAfterLongerThanAllowed_GoesBackToTheCallerWithTheWait()
    {
        var device = await StartAsync("status=503;retry-after=30");

        var error = await Assert.ThrowsAsync<AdobePassException>(() => _harness.Client.GetProfilesAsync(device, CancellationToken.None));

        Assert.Equal((UpstreamFailure.Unavailable, TimeSpan.FromSeconds(30)), (error.Failure, error.RetryAfter));
        Assert.Equal(1, Faults.Requests);
    }

    [Fact]
    public async Task Get_NoAnswerWithinTheAttemptTimeout_IsTimedOut()
    {
        // 3 s, not 1: the same timeout covers the device's registration first, which a loaded machine can take 1 s on.
        var device = await StartAsync("timeout", new() { ["AdobePass:RequestTimeout"] = "00:00:03", ["AdobePass:Resilience:MaxRetries"] = "0" });

        var error = await Assert.ThrowsAsync<AdobePassException>(() => _harness.Client.GetProfilesAsync(device, CancellationToken.None));

        Assert.Equal(UpstreamFailure.TimedOut, error.Failure);
    }

    [Fact]
    public async Task Circuit_AfterEnoughOutages_OpensAndAnswersWithoutCallingAdobe()
    {
        var device = await StartAsync("status=503", new()
        {
            ["AdobePass:Resilience:MaxRetries"] = "0",
            ["AdobePass:Resilience:BreakerMinimumThroughput"] = "4",
            ["AdobePass:Resilience:BreakDuration"] = "00:00:30",
        });
        for (var i = 0; i < 4; i++)
        {
            await Assert.ThrowsAsync<AdobePassException>(() => _harness.Client.GetProfilesAsync(device, CancellationToken.None));
        }

        var error = await Assert.ThrowsAsync<AdobePassException>(() => _harness.Client.GetProfilesAsync(device, CancellationToken.None));

        Assert.Equal((UpstreamFailure.Unavailable, null), (error.Failure, error.HttpStatus));
        Assert.InRange(error.RetryAfter!.Value, TimeSpan.FromSeconds(1), TimeSpan.FromSeconds(30));
        Assert.Equal(4, Faults.Requests);
    }

    [Fact]
    public async Task Circuit_RefusalsOfTheRequest_DoNotOpenIt()
    {
        var device = await StartAsync("status=400", new()
        {
            ["AdobePass:Resilience:MaxRetries"] = "0",
            ["AdobePass:Resilience:BreakerMinimumThroughput"] = "4",
        });
        for (var i = 0; i < 6; i++)
        {
            await Assert.ThrowsAsync<AdobePassException>(() => _harness.Client.GetProfilesAsync(device, CancellationToken.None));
        }

        Assert.Equal(6, Faults.Requests);
    }
}
