using Microsoft.Extensions.Time.Testing;

namespace PassBroker.Testing.EndToEnd;

/// <summary>
/// The fake clock as the hosts see it, counting the timers they arm. Code woken by a move of the clock has done its
/// step once it waits again (a long poll's next recheck, a workflow's next poll): that new timer is the signal a test
/// waits for, instead of sleeping and hoping the step is over.
/// </summary>
public sealed class ObservedClock(FakeTimeProvider fake) : TimeProvider
{
    private readonly Lock _gate = new();
    private readonly List<(int Count, TaskCompletionSource Armed)> _waits = [];
    private int _armed;

    /// <summary>The clock underneath, to move it.</summary>
    public FakeTimeProvider Fake { get; } = fake;

    /// <summary>Timers armed so far, by anyone on this clock.</summary>
    public int TimersArmed
    {
        get
        {
            lock (_gate)
            {
                return _armed;
            }
        }
    }

    public override DateTimeOffset GetUtcNow() => Fake.GetUtcNow();

    public override long GetTimestamp() => Fake.GetTimestamp();

    public override long TimestampFrequency => Fake.TimestampFrequency;

    public override TimeZoneInfo LocalTimeZone => Fake.LocalTimeZone;

    public override ITimer CreateTimer(TimerCallback callback, object? state, TimeSpan dueTime, TimeSpan period)
    {
        var timer = Fake.CreateTimer(callback, state, dueTime, period);
        lock (_gate)
        {
            _armed++;
            _waits.RemoveAll(wait => wait.Count <= _armed && wait.Armed.TrySetResult());
        }
        return timer;
    }

    /// <summary>Completes once <paramref name="count"/> timers in all have been armed (at once if they have).</summary>
    /// <param name="count">A total of <see cref="TimersArmed"/>, e.g. its value before a move plus the waits it wakes.</param>
    public Task TimersArmedAsync(int count)
    {
        lock (_gate)
        {
            if (_armed >= count)
            {
                return Task.CompletedTask;
            }
            var armed = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
            _waits.Add((count, armed));
            return armed.Task;
        }
    }
}
