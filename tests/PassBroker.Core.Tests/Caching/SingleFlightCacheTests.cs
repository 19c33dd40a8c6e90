using Microsoft.Extensions.Time.Testing;
using PassBroker.Core.Caching;

namespace PassBroker.Core.Tests.Caching;

/// <summary>
/// The cache's promises, one test each: single flight, lifetimes on the clock, failures not kept, a caller's
/// cancellation ending only its wait, writes winning over loads, the bound. Loads are held by gates, never by time.
/// </summary>
public sealed class SingleFlightCacheTests
{
    private static readonly TimeSpan Lifetime = TimeSpan.FromMinutes(2);
    private readonly FakeTimeProvider _time = new(new DateTimeOffset(2026, 11, 23, 0, 0, 0, TimeSpan.Zero));

    [Fact]
    public async Task ConcurrentCallers_ShareOneLoad()
    {
        var cache = new SingleFlightCache<string, int>(_time, 10, Lifetime);
        var loads = 0;
        var gate = new TaskCompletionSource<int>();

        var callers = Enumerable.Range(0, 50).Select(_ => cache.GetOrLoadAsync("k", (_, _) =>
        {
            Interlocked.Increment(ref loads);
            return gate.Task;
        }, CancellationToken.None)).ToList();
        gate.SetResult(42);

        Assert.All(await Task.WhenAll(callers), v => Assert.Equal(42, v));
        Assert.Equal(1, loads);
    }

    [Fact]
    public async Task FixedLifetime_ServesUntilItEnds_ThenLoadsAgain()
    {
        var cache = new SingleFlightCache<string, int>(_time, 10, Lifetime);
        var loads = 0;
        Task<int> Load(string _, CancellationToken __) => Task.FromResult(++loads);

        Assert.Equal(1, await cache.GetOrLoadAsync("k", Load, CancellationToken.None));
        _time.Advance(Lifetime - TimeSpan.FromSeconds(1));
        Assert.Equal(1, await cache.GetOrLoadAsync("k", Load, CancellationToken.None));
        _time.Advance(TimeSpan.FromSeconds(1));
        Assert.False(cache.TryGet("k", out _));
        Assert.Equal(2, await cache.GetOrLoadAsync("k", Load, CancellationToken.None));
    }

    [Fact]
    public async Task LifetimeFromTheValue_AndAValueAlreadyOver_GoesToItsCallersWithoutBeingKept()
    {
        // Values are "expires in N seconds": kept until 10 s before that, like a token with a refresh margin.
        var cache = new SingleFlightCache<string, int>(_time, 10, (seconds, now) => now.AddSeconds(seconds - 10));
        var answers = new Queue<int>([60, 5, 60]);
        var loads = 0;
        Task<int> Load(string _, CancellationToken __)
        {
            loads++;
            return Task.FromResult(answers.Dequeue());
        }

        Assert.Equal(60, await cache.GetOrLoadAsync("k", Load, CancellationToken.None));
        _time.Advance(TimeSpan.FromSeconds(49));
        Assert.Equal(60, await cache.GetOrLoadAsync("k", Load, CancellationToken.None));
        _time.Advance(TimeSpan.FromSeconds(1));
        Assert.Equal(5, await cache.GetOrLoadAsync("k", Load, CancellationToken.None));
        Assert.Equal(60, await cache.GetOrLoadAsync("k", Load, CancellationToken.None));
        Assert.Equal(3, loads);
    }

    [Fact]
    public async Task FailedLoad_ReachesTheCallersThatSharedIt_AndTheNextCallerLoadsAgain()
    {
        var cache = new SingleFlightCache<string, int>(_time, 10, Lifetime);
        var gate = new TaskCompletionSource<int>();
        var sharing = Enumerable.Range(0, 3).Select(_ => cache.GetOrLoadAsync("k", (_, _) => gate.Task, CancellationToken.None)).ToList();

        gate.SetException(new InvalidOperationException("upstream down"));

        foreach (var caller in sharing)
        {
            await Assert.ThrowsAsync<InvalidOperationException>(() => caller);
        }
        Assert.Equal(0, cache.Count);
        Assert.Equal(7, await cache.GetOrLoadAsync("k", (_, _) => Task.FromResult(7), CancellationToken.None));
    }

    [Fact]
    public async Task CallerCancels_OnlyItsWaitEnds_AndTheLoadGoesOnForTheOthers()
    {
        var cache = new SingleFlightCache<string, int>(_time, 10, Lifetime);
        var gate = new TaskCompletionSource<int>();
        var loadToken = CancellationToken.None;
        using var leaving = new CancellationTokenSource();
        var first = cache.GetOrLoadAsync("k", (_, ct) =>
        {
            loadToken = ct;
            return gate.Task;
        }, leaving.Token);
        var second = cache.GetOrLoadAsync("k", (_, _) => Task.FromResult(-1), CancellationToken.None);

        await leaving.CancelAsync();
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => first);
        Assert.False(loadToken.IsCancellationRequested);
        gate.SetResult(42);

        Assert.Equal(42, await second);
        Assert.True(cache.TryGet("k", out var kept) && kept == 42);
    }

    [Fact]
    public async Task LastCallerLeaves_TheLoadIsCancelled_AndTheNextCallerStartsAnother()
    {
        var cache = new SingleFlightCache<string, int>(_time, 10, Lifetime);
        var loadToken = CancellationToken.None;
        using var leaving = new CancellationTokenSource();
        var hung = cache.GetOrLoadAsync("k", async (_, ct) =>
        {
            loadToken = ct;
            await Task.Delay(Timeout.Infinite, ct);
            return -1;
        }, leaving.Token);

        await leaving.CancelAsync();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => hung);
        Assert.True(loadToken.IsCancellationRequested);
        Assert.Equal(0, cache.Count);
        Assert.Equal(7, await cache.GetOrLoadAsync("k", (_, _) => Task.FromResult(7), CancellationToken.None));
    }

    [Fact]
    public async Task RemovedOrSetDuringALoad_TheLoadAnswersItsCallers_ButTheWriteWins()
    {
        var cache = new SingleFlightCache<string, int>(_time, 10, Lifetime);
        var removedGate = new TaskCompletionSource<int>();
        var setGate = new TaskCompletionSource<int>();
        var removed = cache.GetOrLoadAsync("removed", (_, _) => removedGate.Task, CancellationToken.None);
        var set = cache.GetOrLoadAsync("set", (_, _) => setGate.Task, CancellationToken.None);

        cache.Remove("removed");
        cache.Set("set", 2);
        removedGate.SetResult(1);
        setGate.SetResult(1);

        Assert.Equal(1, await removed);
        Assert.Equal(1, await set);
        Assert.False(cache.TryGet("removed", out _));
        Assert.True(cache.TryGet("set", out var written) && written == 2);
    }

    [Fact]
    public void SetWithAnExpiryNotInTheFuture_Forgets_AndUpdateKeepsTheExpiry()
    {
        var cache = new SingleFlightCache<string, int>(_time, 10, Lifetime);
        cache.Set("k", 1, _time.GetUtcNow().AddSeconds(10));
        cache.Update("k", v => v + 1);
        cache.Update("missing", v => v + 1);
        Assert.True(cache.TryGet("k", out var updated) && updated == 2);
        Assert.False(cache.TryGet("missing", out _));

        _time.Advance(TimeSpan.FromSeconds(10));
        Assert.False(cache.TryGet("k", out _));

        cache.Set("k", 3);
        cache.Set("k", 4, _time.GetUtcNow());
        Assert.False(cache.TryGet("k", out _));
    }

    [Fact]
    public void RemoveWhenUnusable_DropsOnlyAnUnusableValue()
    {
        var cache = new SingleFlightCache<string, string>(_time, 10, Lifetime);
        cache.Set("k", "token-1");

        cache.Remove("k", v => v == "token-0");
        Assert.True(cache.TryGet("k", out _));
        cache.Remove("k", v => v == "token-1");
        Assert.False(cache.TryGet("k", out _));
    }

    [Fact]
    public void OverTheBound_ExpiredGoFirst_ThenTheLeastRecentlyUsed()
    {
        var cache = new SingleFlightCache<string, int>(_time, 3, Lifetime);
        cache.Set("short", 0, _time.GetUtcNow().AddSeconds(1));
        cache.Set("a", 1);
        cache.Set("b", 2);
        _time.Advance(TimeSpan.FromSeconds(1));

        cache.Set("c", 3);
        Assert.Equal(3, cache.Count);
        Assert.True(cache.TryGet("a", out _));

        cache.Set("d", 4);
        Assert.Equal(3, cache.Count);
        Assert.False(cache.TryGet("b", out _));
        Assert.All(["a", "c", "d"], key => Assert.True(cache.TryGet(key, out _)));
    }
}
