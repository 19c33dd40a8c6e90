using Microsoft.Extensions.Time.Testing;
using PassBroker.Core.Common;

namespace PassBroker.Core.Tests.Common;

public sealed class ExpiringCacheTests
{
    private readonly FakeTimeProvider _time = new(new DateTimeOffset(2026, 11, 23, 0, 0, 0, TimeSpan.Zero));

    [Fact]
    public async Task GetOrLoadAsync_ManyConcurrentCallers_LoadsOnce()
    {
        var cache = new ExpiringCache<string, int>(_time, TimeSpan.FromMinutes(2));
        var loads = 0;
        var gate = new TaskCompletionSource();

        var callers = Enumerable.Range(0, 50).Select(_ => cache.GetOrLoadAsync("k", async (_, _) =>
        {
            Interlocked.Increment(ref loads);
            await gate.Task;
            return 42;
        }, CancellationToken.None)).ToList();
        gate.SetResult();

        Assert.All(await Task.WhenAll(callers), v => Assert.Equal(42, v));
        Assert.Equal(1, loads);
    }

    [Fact]
    public async Task GetOrLoadAsync_AfterLifetime_LoadsAgain()
    {
        var cache = new ExpiringCache<string, int>(_time, TimeSpan.FromMinutes(2));
        var loads = 0;
        Task<int> Load(string _, CancellationToken __) => Task.FromResult(++loads);

        Assert.Equal(1, await cache.GetOrLoadAsync("k", Load, CancellationToken.None));
        _time.Advance(TimeSpan.FromSeconds(119));
        Assert.Equal(1, await cache.GetOrLoadAsync("k", Load, CancellationToken.None));
        _time.Advance(TimeSpan.FromSeconds(1));
        Assert.Equal(2, await cache.GetOrLoadAsync("k", Load, CancellationToken.None));
    }

    [Fact]
    public async Task GetOrLoadAsync_LoadFails_NextCallerTriesAgain()
    {
        var cache = new ExpiringCache<string, int>(_time, TimeSpan.FromMinutes(2));

        await Assert.ThrowsAsync<InvalidOperationException>(() =>
            cache.GetOrLoadAsync("k", (_, _) => Task.FromException<int>(new InvalidOperationException()), CancellationToken.None));
        var value = await cache.GetOrLoadAsync("k", (_, _) => Task.FromResult(7), CancellationToken.None);

        Assert.Equal(7, value);
    }

    [Fact]
    public async Task Set_ServesTheValueWithoutLoading_UntilItsLifetimeEnds()
    {
        var cache = new ExpiringCache<string, int>(_time, TimeSpan.FromMinutes(2));
        var loads = 0;
        Task<int> Load(string _, CancellationToken __) => Task.FromResult(++loads * 10);

        cache.Set("k", 7);

        Assert.Equal(7, await cache.GetOrLoadAsync("k", Load, CancellationToken.None));
        _time.Advance(TimeSpan.FromMinutes(3));
        Assert.Equal(10, await cache.GetOrLoadAsync("k", Load, CancellationToken.None));
        Assert.Equal(1, loads);
    }
}
