using Moq;
using PassBroker.Core.Errors;
using PassBroker.Core.Sessions;
using PassBroker.TestHelpers.Fakes;

namespace PassBroker.Core.Tests.Sessions;

/// <summary>
/// Long polls (<c>?wait=</c>): capped per device, sharing one storage read per session and interval, and leaving
/// nothing behind when they end, however they end. The in-memory store answers at once, so each wait below has made
/// its first read and set its recheck timer by the time <c>GetAsync</c> returns its task.
/// </summary>
public sealed class LongPollTests
{
    private const string Code = "AAA1111";
    private static readonly TimeSpan Wait = TimeSpan.FromSeconds(30);
    private readonly SignInTestContext _context = new();

    public LongPollTests() => _context.AddPendingSession(Code, "ExampleCable");

    private string DeviceKey => _context.Device.DeviceKey;

    [Fact]
    public async Task WaitersOfOneSession_ShareOneReadAndOneReadAfterTheChange()
    {
        var service = _context.Service();
        var pending = await _context.Sessions.FindAsync(DeviceKey, Code, CancellationToken.None);
        var before = _context.Sessions.Finds;

        var waits = Enumerable.Range(0, 3).Select(_ => service.GetAsync(DeviceKey, Code, Wait, CancellationToken.None)).ToList();
        Assert.Equal(1, _context.Sessions.Finds - before);
        Assert.All(waits, w => Assert.False(w.IsCompleted));

        // The polling workflow stores the profile here and says so.
        await _context.Sessions.UpdateAsync(pending!.End(SessionStatus.Authenticated, _context.Time.GetUtcNow()), CancellationToken.None);
        _context.Notifier.Notify(DeviceKey, Code);
        var answers = await Task.WhenAll(waits).WaitAsync(TimeSpan.FromSeconds(10));

        Assert.All(answers, a => Assert.Equal(SessionStatus.Authenticated, a.Status));
        Assert.Equal(2, _context.Sessions.Finds - before);
    }

    [Fact]
    public async Task SessionEndedOnAnotherInstance_WaitersNoticeAtTheRecheckWithOneRead_AndNoWaiterIsLeftBehind()
    {
        var service = _context.Service();
        var pending = await _context.Sessions.FindAsync(DeviceKey, Code, CancellationToken.None);
        var before = _context.Sessions.Finds;
        var waits = Enumerable.Range(0, 3).Select(_ => service.GetAsync(DeviceKey, Code, Wait, CancellationToken.None)).ToList();

        // Written elsewhere: nobody here is notified, so only the 2-second recheck can see it.
        await _context.Sessions.UpdateAsync(pending!.End(SessionStatus.Expired, _context.Time.GetUtcNow(), SessionEndReasons.Replaced), CancellationToken.None);
        _context.Time.Advance(TimeSpan.FromSeconds(2));
        var answers = await Task.WhenAll(waits).WaitAsync(TimeSpan.FromSeconds(10));

        Assert.All(answers, a => Assert.Equal(SessionStatus.Expired, a.Status));
        Assert.Equal(2, _context.Sessions.Finds - before);
        Assert.Equal(0, _context.Notifier.WatchedSessions);
        Assert.Equal(0, _context.LongPolls.Held(DeviceKey));
    }

    [Fact]
    public async Task WaitRunsOut_AnswersPending_AndNoWaiterIsLeftBehind()
    {
        var waiting = _context.Service().GetAsync(DeviceKey, Code, TimeSpan.FromSeconds(3), CancellationToken.None);

        _context.Time.Advance(TimeSpan.FromSeconds(2));
        _context.Time.Advance(TimeSpan.FromSeconds(1));
        var answer = await waiting.WaitAsync(TimeSpan.FromSeconds(10));

        Assert.Equal(SessionStatus.Pending, answer.Status);
        Assert.Equal(0, _context.Notifier.WatchedSessions);
        Assert.Equal(0, _context.LongPolls.Held(DeviceKey));
    }

    [Fact]
    public async Task ClientGoesAway_ItsWaitEndsAndLeavesNothingBehind()
    {
        using var aborted = new CancellationTokenSource();
        var waiting = _context.Service().GetAsync(DeviceKey, Code, Wait, aborted.Token);
        Assert.Equal(1, _context.Notifier.WatchedSessions);

        await aborted.CancelAsync();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => waiting.WaitAsync(TimeSpan.FromSeconds(10)));
        Assert.Equal(0, _context.Notifier.WatchedSessions);
        Assert.Equal(0, _context.LongPolls.Held(DeviceKey));
    }

    [Fact]
    public async Task ReadNeverAnswers_TheWaitEndsAtItsDeadline_TheReadIsCancelled_AndNothingIsLeftBehind()
    {
        var reads = new List<CancellationToken>();
        var hung = new TaskCompletionSource();
        var waiting = _context.Service(StoreWhoseReads(reads, answered: 0, hung)).GetAsync(DeviceKey, Code, TimeSpan.FromSeconds(3), CancellationToken.None);

        await hung.Task.WaitAsync(TimeSpan.FromSeconds(10));
        _context.Time.Advance(TimeSpan.FromSeconds(3));

        await Assert.ThrowsAsync<StoreUnavailableException>(() => waiting.WaitAsync(TimeSpan.FromSeconds(10)));
        Assert.True(Assert.Single(reads).IsCancellationRequested);
        Assert.Equal(0, _context.Notifier.WatchedSessions);
        Assert.Equal(0, _context.LongPolls.Held(DeviceKey));
    }

    [Fact]
    public async Task RecheckNeverAnswers_TheWaitAnswersItsLastReadAtTheDeadline()
    {
        var reads = new List<CancellationToken>();
        var hung = new TaskCompletionSource();
        var waiting = _context.Service(StoreWhoseReads(reads, answered: 1, hung)).GetAsync(DeviceKey, Code, TimeSpan.FromSeconds(3), CancellationToken.None);

        // The recheck's read starts after its timer fires; its own deadline is set before it starts.
        _context.Time.Advance(TimeSpan.FromSeconds(2));
        await hung.Task.WaitAsync(TimeSpan.FromSeconds(10));
        _context.Time.Advance(TimeSpan.FromSeconds(2));

        Assert.Equal(SessionStatus.Pending, (await waiting.WaitAsync(TimeSpan.FromSeconds(10))).Status);
        Assert.True(reads[1].IsCancellationRequested);
        Assert.Equal(0, _context.Notifier.WatchedSessions);
    }

    /// <summary>A store whose first <paramref name="answered"/> reads answer at once and whose later ones never do
    /// (until cancelled); <paramref name="hung"/> is set when the first of those starts.</summary>
    private ISessionStore StoreWhoseReads(List<CancellationToken> reads, int answered, TaskCompletionSource hung)
    {
        var store = new Mock<ISessionStore>();
        store.Setup(s => s.FindAsync(DeviceKey, Code, It.IsAny<CancellationToken>())).Returns(async (string d, string c, CancellationToken ct) =>
        {
            reads.Add(ct);
            if (reads.Count > answered)
            {
                hung.TrySetResult();
                await Task.Delay(Timeout.Infinite, ct);
            }
            return await _context.Sessions.FindAsync(d, c, ct);
        });
        return store.Object;
    }

    [Fact]
    public async Task MoreWaitsThanTheCap_AreRefusedWithRetryAfter_UntilOneEnds()
    {
        var service = _context.Service();
        using var first = new CancellationTokenSource();
        var waits = new[] { service.GetAsync(DeviceKey, Code, Wait, first.Token) }
            .Concat(Enumerable.Range(0, _context.SignIn.MaxWaitsPerDevice - 1).Select(_ => service.GetAsync(DeviceKey, Code, Wait, CancellationToken.None)))
            .ToList();

        // (Bounded: without a cap, this would wait on a clock that does not move.)
        var refused = await Assert.ThrowsAsync<PassBrokerException>(() =>
            service.GetAsync(DeviceKey, Code, Wait, CancellationToken.None).WaitAsync(TimeSpan.FromSeconds(10)));
        Assert.Equal(429, refused.Status);
        Assert.Equal(ErrorCodes.TooManyWaits, refused.Code);
        Assert.Equal(2, refused.RetryAfterSeconds);

        // A read without wait holds nothing, and is still answered.
        Assert.Equal(SessionStatus.Pending, (await service.GetAsync(DeviceKey, Code, TimeSpan.Zero, CancellationToken.None)).Status);
        // The cap is the device's: another device still waits.
        var other = TestDevices.Record("device-2");
        await _context.Sessions.AddAsync((await _context.Sessions.FindAsync(DeviceKey, Code, CancellationToken.None))! with { DeviceKey = other.DeviceKey, ETag = null }, CancellationToken.None);
        Assert.False(service.GetAsync(other.DeviceKey, Code, Wait, CancellationToken.None).IsCompleted);

        // One wait ends: its slot is free again.
        await first.CancelAsync();
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => waits[0].WaitAsync(TimeSpan.FromSeconds(10)));
        Assert.False(service.GetAsync(DeviceKey, Code, Wait, CancellationToken.None).IsCompleted);
        Assert.Equal(_context.SignIn.MaxWaitsPerDevice, _context.LongPolls.Held(DeviceKey));
    }
}
