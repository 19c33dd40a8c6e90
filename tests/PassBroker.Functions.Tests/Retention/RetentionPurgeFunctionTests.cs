using System.Security.Cryptography;
using Microsoft.Azure.Functions.Worker;
using Microsoft.Extensions.DependencyInjection;
using PassBroker.Core.Decisions.Rules;
using PassBroker.Functions.Retention;
using PassBroker.Functions.Tests.Hosting;

namespace PassBroker.Functions.Tests.Retention;

/// <summary>The retention purge's timer function as compiled, and invoked once against the Functions app's own tables.</summary>
[Collection(BothHostsCollection.Name)]
public sealed class RetentionPurgeFunctionTests(BothHostsFixture hosts)
{
    private static CompiledFunction Purge => Assert.Single(CompiledFunctions.WithTrigger<TimerTriggerAttribute>());

    [Fact]
    public void TimerFunction_IsThePurge_OnTheScheduleTheAppSettingHolds()
    {
        var trigger = Purge.Trigger<TimerTriggerAttribute>()!;

        Assert.Equal(RetentionPurgeFunction.Name, Purge.Name);
        // Resolved by the host from the app setting, so each deployment sets its own schedule without a rebuild.
        Assert.Equal("%RetentionPurgeSchedule%", trigger.Schedule);
        Assert.Equal("0 */5 * * * *", SampleSettings.Values()[RetentionPurgeFunction.ScheduleSetting]);
    }

    [Fact]
    public async Task TimerFunction_Invoked_DeletesWhatOutlivedItsRetention()
    {
        // Arrange: an ended play lease and a current one, in the Functions app's tables
        var plays = hosts.FunctionsApp.Services.GetRequiredService<IPlayStore>();
        var deviceKey = Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(16));
        var now = DateTimeOffset.UtcNow;
        await plays.RecordAsync(deviceKey, "ended", now.AddMinutes(-1), CancellationToken.None);
        await plays.RecordAsync(deviceKey, "playing", now.AddHours(1), CancellationToken.None);

        // Act: as the worker invokes it, the class made by constructor injection in an invocation scope
        await using (var invocation = hosts.FunctionsApp.Services.CreateAsyncScope())
        {
            var function = Purge.Activate(invocation.ServiceProvider);
            await (Task)Purge.Method.Invoke(function, [new TimerInfo(), CancellationToken.None])!;
        }

        // Assert: read from the table (this instance holds no copy of the device's leases), as of before both started
        var left = await plays.ListActiveAsync(deviceKey, now.AddDays(-1), CancellationToken.None);
        Assert.Equal(["playing"], left.Select(p => p.Resource));
    }
}
