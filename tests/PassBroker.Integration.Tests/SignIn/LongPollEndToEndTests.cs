using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using PassBroker.Core.Errors;
using PassBroker.Integration.Tests.Support;
using PassBroker.Testing.EndToEnd;
using PassBroker.Testing.Hosting.Azurite;
using Xunit.Abstractions;

namespace PassBroker.Integration.Tests.SignIn;

/// <summary>
/// Many long polls on one device token (an attacker's, or a broken app's): a few wait, the rest are refused at once,
/// and the waiting ones cost one read of the session's row per recheck, not one each.
/// </summary>
[Collection(AzuriteCollection.Name)]
public sealed class LongPollEndToEndTests(AzuriteFixture azurite, ITestOutputHelper output) : IAsyncLifetime
{
    private const int Polls = 300;
    private static readonly TimeSpan Wait = TimeSpan.FromSeconds(20);
    private static readonly TimeSpan Recheck = TimeSpan.FromSeconds(2);
    private PassBrokerApplication _app = null!;

    public async Task InitializeAsync() => _app = await PassBrokerApplication.StartAsync(azurite);

    public async Task DisposeAsync() => await _app.DisposeAsync();

    [Fact]
    public async Task ThreeHundredLongPollsOnOneToken_AFewWait_TheRestAre429_AndTheRowIsReadOncePerRecheck()
    {
        var (device, _, _) = await _app.RegisterDeviceAsync("long-poll-tv");
        var started = await device.PostAsJsonAsync("/api/authentication/sessions", new { mvpd = "ExampleCable" });
        var code = (await started.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("code").GetString()!;
        _app.TableOperations.Reset();

        var polls = Enumerable.Range(0, Polls).Select(_ => device.GetAsync($"/api/authentication/sessions/{code}?wait={Wait.TotalSeconds}")).ToList();
        // The refused ones answer without waiting; the clock moves only once they have.
        var refusals = Polls - 3;
        await WhenCompletedAsync(polls, refusals).WaitAsync(TimeSpan.FromSeconds(120));
        var advances = 0;
        while (!polls.All(p => p.IsCompleted) && advances < 30)
        {
            // A recheck is over once each waiter has armed its next one (or answered): then the clock moves again.
            var armed = _app.Observed.TimersArmed;
            await _app.AdvanceAsync(Recheck);
            advances++;
            await Task.WhenAny(Task.WhenAll(polls), _app.Observed.TimersArmedAsync(armed + Polls - refusals)).WaitAsync(TimeSpan.FromSeconds(30));
        }
        var answers = await Task.WhenAll(polls).WaitAsync(TimeSpan.FromSeconds(30));

        var byTable = string.Join(", ", _app.TableOperations.ByTable().Select(t => $"{t.Key}: {t.Value}"));
        var sessionReads = _app.TableOperations.ByTable().Where(t => t.Key.EndsWith("sessions", StringComparison.Ordinal)).Sum(t => t.Value.Reads);
        output.WriteLine($"{Polls} long polls of {Wait.TotalSeconds} s, {advances} rechecks: {sessionReads} reads of the sessions table ({byTable})");

        var refused = answers.Where(a => a.StatusCode == HttpStatusCode.TooManyRequests).ToList();
        Assert.Equal(refusals, refused.Count);
        await ProblemAssert.IsProblemAsync(refused[0], HttpStatusCode.TooManyRequests, ErrorCodes.TooManyWaits);
        Assert.All(refused, r => Assert.Equal(TimeSpan.FromSeconds(2), r.Headers.RetryAfter?.Delta));
        var waited = answers.Where(a => a.StatusCode == HttpStatusCode.OK).ToList();
        Assert.Equal(3, waited.Count);
        foreach (var answer in waited)
        {
            Assert.Equal("pending", (await answer.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("status").GetString());
        }
        // Before: every poll read the row at its start and at each of its rechecks (1,772 reads here; 3,335 in 20 s
        // of real time in the attack). Now: the waiters' first reads (joined when they overlap), then one per recheck.
        Assert.InRange(advances, Wait / Recheck, Wait / Recheck + 2);
        Assert.InRange(sessionReads, 1, 3 + advances);
    }

    // Completes once `count` of the tasks have, whichever they are.
    private static Task WhenCompletedAsync(IReadOnlyList<Task> tasks, int count)
    {
        var done = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var completed = 0;
        foreach (var task in tasks)
        {
            _ = task.ContinueWith(_ =>
            {
                if (Interlocked.Increment(ref completed) == count)
                {
                    done.TrySetResult();
                }
            }, TaskScheduler.Default);
        }
        return done.Task;
    }
}
