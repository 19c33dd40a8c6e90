using System.Diagnostics;
using Microsoft.Extensions.DependencyInjection;
using PassBroker.Emulator.Faults;
using PassBroker.Integration.Tests.Support;
using PassBroker.Testing.EndToEnd;
using PassBroker.Testing.Hosting.Azurite;
using Xunit.Abstractions;

namespace PassBroker.Integration.Tests.Reliability;

/// <summary>
/// The fault matrix (docs/reliability.md): devices sign in and authorize plays for a bounded time, in real time, while
/// the emulator fails one upstream call in ten (503, timeout, connection reset, HTML 429, latency) and enforces
/// Adobe's real per-IP throttle. Nine devices have their own IP; three share one (a household behind NAT), so pacing
/// has to hold them back. It prints its counts and asserts the reliability promises.
/// </summary>
[Collection(AzuriteCollection.Name)]
public sealed class FaultMatrixTests(AzuriteFixture azurite, ITestOutputHelper output)
{
    public const string Faults = "status=503;timeout;reset;html429;latency=300ms;rate=0.1;seed=20261123";
    private static readonly TimeSpan Load = TimeSpan.FromSeconds(25);
    private static readonly TimeSpan Grace = TimeSpan.FromSeconds(15);

    [Fact]
    public async Task SignInAndAuthorize_UnderTenPercentUpstreamFaults_KeepTheReliabilityPromises()
    {
        await using var app = await PassBrokerApplication.StartRealTimeAsync(azurite,
            "--AdobePass:Pacing:Enabled=true",
            "--AdobePass:RequestTimeout=00:00:02",
            "--AdobePass:Resilience:TotalTimeout=00:00:10",
            "--SignIn:PollInterval=00:00:03",
            "--Decisions:RetryDelay=00:00:00.200");
        var faults = app.Emulator.Services.GetRequiredService<FaultInjector>();
        var throttle = app.Emulator.Services.GetRequiredService<AdobeThrottle>();
        Assert.True(FaultProfile.TryParse(Faults, out var profile, out _));
        faults.Default = profile;
        throttle.Enabled = true;

        var counts = new FaultMatrixCounts();
        var watch = Stopwatch.StartNew();
        var deadline = DateTimeOffset.UtcNow + Load;
        var devices = Enumerable.Range(0, 9).Select(i => (Id: $"matrix-tv-{i}", Ip: $"198.51.100.{10 + i}"))
            .Concat(Enumerable.Range(0, 3).Select(i => (Id: $"matrix-household-{i}", Ip: "203.0.113.77")));
        await Task.WhenAll(devices.Select(d => new SimulatedApp(app, counts, d.Id, d.Ip, deadline).RunAsync(Grace)));

        counts.UpstreamRequests = faults.Requests;
        counts.UpstreamFaults = faults.Injected.ToDictionary(f => f.Key.ToString(), f => f.Value);
        counts.UpstreamThrottled429s = throttle.ThrottledCount;
        var summary = counts.Summary(watch.Elapsed);
        output.WriteLine(summary);
        Console.WriteLine(summary);

        Assert.Equal(0, counts.Undeliberate5xx);
        Assert.Empty(counts.LostSignIns);
        Assert.Equal(0, counts.UpstreamThrottled429s);
        // The run did what it claims: faults were injected, sign-ins and plays went through, the household was paced.
        Assert.InRange(counts.UpstreamFaults.Values.Sum(), 1, int.MaxValue);
        Assert.InRange(counts.SignInsAuthenticated, 9, 12);
        Assert.InRange(counts.Permits, 1, int.MaxValue);
        Assert.InRange(counts.RateLimited, 1, int.MaxValue);
    }
}
