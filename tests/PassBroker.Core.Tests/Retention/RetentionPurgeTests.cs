using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;
using PassBroker.Core.Errors;
using PassBroker.Core.Retention;

namespace PassBroker.Core.Tests.Retention;

/// <summary>The purge's own rules, over a scripted store: cutoffs per kind, failures confined to one kind and one run.</summary>
public sealed class RetentionPurgeTests
{
    private readonly FakeTimeProvider _time = new(new DateTimeOffset(2026, 11, 23, 12, 0, 0, TimeSpan.Zero));
    private readonly ScriptedStore _store = new();
    private readonly RetentionOptions _options = new() { Sessions = TimeSpan.FromDays(2), Plays = TimeSpan.FromHours(1) };

    private RetentionPurge Purge() => new(_store, Options.Create(_options), _time, NullLogger<RetentionPurge>.Instance);

    [Fact]
    public async Task RunAsync_AsksEachKindForRowsPastItsOwnRetention()
    {
        await Purge().RunAsync(CancellationToken.None);

        var now = _time.GetUtcNow();
        Assert.Equal(now - TimeSpan.FromDays(2), _store.Cutoffs[RetainedData.Sessions]);
        Assert.Equal(now - TimeSpan.FromDays(2), _store.Cutoffs[RetainedData.SessionCodes]);
        Assert.Equal(now - TimeSpan.FromHours(1), _store.Cutoffs[RetainedData.Plays]);
        Assert.Equal(now, _store.Cutoffs[RetainedData.Decisions]);
        Assert.Equal(now - TimeSpan.FromDays(30), _store.Cutoffs[RetainedData.UnusedDevices]);
    }

    [Fact]
    public async Task RunAsync_StorageFailsForOneKind_TheOthersArePurged_AndTheNextRunTriesAgain()
    {
        _store.Expired[RetainedData.Plays] = 2;
        _store.Expired[RetainedData.Decisions] = 3;
        _store.FailingKind = RetainedData.Plays;
        var purge = Purge();

        var first = await purge.RunAsync(CancellationToken.None);
        _store.FailingKind = null;
        var second = await purge.RunAsync(CancellationToken.None);

        Assert.True(first[RetainedData.Plays].Failed);
        Assert.Equal(3, first[RetainedData.Decisions].Deleted);
        Assert.False(second[RetainedData.Plays].Failed);
        Assert.Equal(2, second[RetainedData.Plays].Deleted);
    }

    [Fact]
    public async Task RunAsync_RowsChangedMeanwhile_AreCountedAndKept()
    {
        _store.Expired[RetainedData.Plays] = 3;
        _store.Changed = 1;

        var report = await Purge().RunAsync(CancellationToken.None);

        Assert.Equal((2, 1), (report[RetainedData.Plays].Deleted, report[RetainedData.Plays].Changed));
        Assert.True(report[RetainedData.Plays].Complete);
    }

    private sealed class ScriptedStore : IRetentionStore
    {
        public Dictionary<RetainedData, DateTimeOffset> Cutoffs { get; } = [];
        public Dictionary<RetainedData, int> Expired { get; } = [];
        public RetainedData? FailingKind { get; set; }
        public int Changed { get; set; }

        public Task<ExpiredPage> ListExpiredAsync(RetainedData kind, DateTimeOffset cutoff, string? continuation, int maxRows, CancellationToken cancellationToken)
        {
            Cutoffs[kind] = cutoff;
            if (kind == FailingKind)
            {
                throw new StoreUnavailableException("Table storage did not serve table 'plays'.");
            }
            var rows = Enumerable.Range(0, Expired.GetValueOrDefault(kind)).Select(i => new ExpiredRow(kind, "p", "r" + i, "v")).ToList();
            return Task.FromResult(new ExpiredPage(rows, null));
        }

        public Task<PurgeOutcome> DeleteAsync(ExpiredRow row, CancellationToken cancellationToken)
        {
            Expired[row.Kind]--;
            return Task.FromResult(Changed-- > 0 ? PurgeOutcome.Changed : PurgeOutcome.Deleted);
        }
    }
}
