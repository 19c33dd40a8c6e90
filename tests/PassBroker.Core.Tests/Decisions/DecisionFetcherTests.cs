using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;
using Moq;
using PassBroker.Core.Decisions;
using PassBroker.Core.Devices;
using PassBroker.Core.Upstream;
using PassBroker.TestHelpers.Fakes;

namespace PassBroker.Core.Tests.Decisions;

public sealed class DecisionFetcherTests
{
    private static readonly DeviceContext Device = TestDevices.Record().ToContext(TestDevices.Client);

    private readonly FakeTimeProvider _time = new();
    private readonly Mock<IAdobePassClient> _adobePass = new();
    private int _calls;

    public DecisionFetcherTests() =>
        _adobePass.Setup(a => a.AuthorizeAsync(It.IsAny<DeviceContext>(), It.IsAny<string>(), It.IsAny<string>(), It.IsAny<CancellationToken>()))
            .ReturnsAsync((DeviceContext _, string mvpd, string resource, CancellationToken _) =>
            {
                Interlocked.Increment(ref _calls);
                return new Decision
                {
                    Resource = resource, Mvpd = mvpd, Authorized = false,
                    Error = new UpstreamError { Code = "network_connection_timeout", Action = UpstreamActions.Retry },
                };
            });

    private DecisionFetcher Fetcher(int maxRetries) =>
        new(_adobePass.Object, Options.Create(new DecisionsOptions { MaxRetries = maxRetries, RetryDelay = TimeSpan.FromSeconds(1) }), _time);

    [Fact]
    public async Task AuthorizeAsync_RetryItem_WaitsADoublingPauseBetweenRetries()
    {
        var fetching = Fetcher(maxRetries: 2).AuthorizeAsync(Device, "ExampleCable", "show-1", CancellationToken.None);

        await WaitForCallsAsync(1);
        _time.Advance(TimeSpan.FromMilliseconds(999));
        Assert.Equal(1, _calls);
        _time.Advance(TimeSpan.FromMilliseconds(1));
        await WaitForCallsAsync(2);
        // The second pause is twice the first.
        _time.Advance(TimeSpan.FromMilliseconds(1999));
        Assert.Equal(2, _calls);
        _time.Advance(TimeSpan.FromMilliseconds(1));

        var decision = await fetching.WaitAsync(TimeSpan.FromSeconds(10));
        Assert.Equal(3, _calls);
        Assert.Equal(UpstreamActions.Retry, decision.Error!.Action);
    }

    [Fact]
    public async Task AuthorizeAsync_APermit_CostsLittleBeyondTheUpstreamCall()
    {
        var adobePass = new Mock<IAdobePassClient>();
        var permit = Task.FromResult(new Decision { Resource = "show-1", Mvpd = "ExampleCable", Authorized = true });
        adobePass.Setup(a => a.AuthorizeAsync(Device, "ExampleCable", "show-1", CancellationToken.None)).Returns(permit);
        var fetcher = new DecisionFetcher(adobePass.Object, Options.Create(new DecisionsOptions()), _time);
        for (var i = 0; i < 20; i++)
        {
            await fetcher.AuthorizeAsync(Device, "ExampleCable", "show-1", CancellationToken.None);
            await adobePass.Object.AuthorizeAsync(Device, "ExampleCable", "show-1", CancellationToken.None);
        }

        // Both complete synchronously on this thread; the mock's own bytes are taken off.
        var before = GC.GetAllocatedBytesForCurrentThread();
        await adobePass.Object.AuthorizeAsync(Device, "ExampleCable", "show-1", CancellationToken.None);
        var upstream = GC.GetAllocatedBytesForCurrentThread() - before;
        before = GC.GetAllocatedBytesForCurrentThread();
        var decision = await fetcher.AuthorizeAsync(Device, "ExampleCable", "show-1", CancellationToken.None);
        var fetching = GC.GetAllocatedBytesForCurrentThread() - before - upstream;

        Assert.True(decision.Authorized);
        // Authorize runs before every play: no batch machinery for its one resource (1,488 bytes before).
        Assert.True(fetching < 256, $"Fetching one permit allocated {fetching} bytes besides the upstream call.");
    }

    [Fact]
    public async Task AuthorizeAsync_NoRetriesConfigured_AsksOnce()
    {
        var decision = await Fetcher(maxRetries: 0).AuthorizeAsync(Device, "ExampleCable", "show-1", CancellationToken.None);

        Assert.Equal(1, _calls);
        Assert.False(decision.Authorized);
    }

    // The fetcher continues on the thread that advanced the clock or on the pool; wait for it to call, not for a time.
    private async Task WaitForCallsAsync(int calls)
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(10));
        while (Volatile.Read(ref _calls) < calls)
        {
            await Task.Delay(1, timeout.Token);
        }
    }
}
