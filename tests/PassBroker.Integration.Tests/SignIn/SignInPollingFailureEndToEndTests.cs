using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using PassBroker.Core.Errors;
using PassBroker.Core.Sessions;
using PassBroker.Integration.Tests.Support;
using PassBroker.Testing.EndToEnd;
using PassBroker.Testing.Hosting.Azurite;

namespace PassBroker.Integration.Tests.SignIn;

/// <summary>
/// The DevHost's in-process workflow host when a poll fails: a failure that may pass (storage down) is retried with a
/// log line per failed round; any other (a bug) stops the workflow at once, logged, and the app sees the sign-in failed.
/// The per-sign-in shape's workflow (its log lines and statuses); the shards' handling of the same failures, row by
/// row, is tested on the real engine (PassBroker.Functions.Tests, ShardPollingEngineTests).
/// </summary>
[Collection(AzuriteCollection.Name)]
public sealed class SignInPollingFailureEndToEndTests(AzuriteFixture azurite) : IAsyncLifetime
{
    private PassBrokerApplication _app = null!;
    private FaultySessionStore _sessions = null!;

    public async Task InitializeAsync() => _app = await PassBrokerApplication.StartAsync(azurite, builder =>
    {
        // The real store (Storage registers it with TryAdd, so it is replaced, not added to), behind the faults.
        var real = builder.Services.Single(d => d.ServiceType == typeof(ISessionStore));
        builder.Services.Remove(real);
        builder.Services.AddSingleton<ISessionStore>(s =>
            _sessions = new FaultySessionStore((ISessionStore)ActivatorUtilities.CreateInstance(s, real.ImplementationType!)));
    }, "--SignIn:PollingShape=PerSignIn");

    public async Task DisposeAsync() => await _app.DisposeAsync();

    [Fact]
    public async Task PollHitsABug_WorkflowStopsAtOnceLoggedAndTheSignInEndsFailed()
    {
        var (client, code) = await StartSignInAsync();
        _sessions.FailNextReads(new InvalidOperationException("Sequence contains no elements"));

        await AdvanceUntilAsync(() => Lines("[4001]").Count > 0);

        // One failed read, no retry; Core's line names the failure's type, the host's says the workflow ended.
        var stopped = Assert.Single(Lines("[1741]"));
        Assert.StartsWith("Error", stopped, StringComparison.Ordinal);
        Assert.Contains("System.InvalidOperationException is not a failure that waiting fixes", stopped, StringComparison.Ordinal);
        Assert.Contains("Sequence contains no elements", stopped, StringComparison.Ordinal);
        Assert.Empty(Lines("[1740]"));
        Assert.Equal(1, _sessions.Counts.Failed);
        var session = await client.GetFromJsonAsync<JsonElement>($"/api/authentication/sessions/{code}");
        Assert.Equal("failed", session.GetProperty("status").GetString());
        Assert.Equal(SessionEndReasons.PollingFailed, session.GetProperty("reason").GetString());
    }

    [Fact]
    public async Task StorageDownForTwoPolls_RetriedWithALogLinePerFailedRound()
    {
        var (client, code) = await StartSignInAsync();
        _sessions.FailNextReads(new StoreUnavailableException("Table storage did not serve table 'sessions'."), new StoreUnavailableException());

        // The third read is the retry that gets through.
        await AdvanceUntilAsync(() => _sessions.Counts.Reads >= 3 && Lines("[4420]").Any(l => l.Contains("\"Pending\"", StringComparison.Ordinal)));

        var failed = Lines("[1740]");
        Assert.Equal(2, failed.Count);
        Assert.All(failed, l => Assert.StartsWith("Warning", l, StringComparison.Ordinal));
        Assert.All(failed, l => Assert.Contains("PassBroker.Core.Errors.StoreUnavailableException", l, StringComparison.Ordinal));
        Assert.Contains("failure 1 in a row", failed[0], StringComparison.Ordinal);
        Assert.Contains("failure 2 in a row", failed[1], StringComparison.Ordinal);
        Assert.Empty(Lines("[1741]"));
        Assert.Empty(Lines("[4001]"));
        // The retry status is in the log too (the DevHost has no status query).
        Assert.Contains(Lines("[4420]"), l => l.Contains("\"retrying\"", StringComparison.Ordinal));
        var session = await client.GetFromJsonAsync<JsonElement>($"/api/authentication/sessions/{code}");
        Assert.Equal("pending", session.GetProperty("status").GetString());
    }

    private async Task<(HttpClient Client, string Code)> StartSignInAsync()
    {
        var (client, _, _) = await _app.RegisterDeviceAsync("kitchen-tv");
        var started = await client.PostAsJsonAsync("/api/authentication/sessions", new { mvpd = "ExampleCable" });
        var session = await started.Content.ReadFromJsonAsync<JsonElement>();
        return (client, session.GetProperty("code").GetString()!);
    }

    private List<string> Lines(string eventId) => [.. _app.Logs.Lines.Where(l => l.Contains(eventId, StringComparison.Ordinal))];

    // The first poll is one interval (15 s) after the start and each back-off at most 7.5 s, so each move of the clock
    // wakes the workflow once; its step is over when it waits again (a new timer on the clock) or has stopped (done).
    private async Task AdvanceUntilAsync(Func<bool> done)
    {
        var clock = _app.Observed;
        var by = TimeSpan.FromSeconds(15);
        for (var move = 0; move < 10 && !done(); move++)
        {
            var armed = clock.TimersArmed;
            await _app.AdvanceAsync(by);
            await Task.WhenAny(clock.TimersArmedAsync(armed + 1), UntilAsync(done)).WaitAsync(TimeSpan.FromSeconds(30));
            by = TimeSpan.FromSeconds(8);
        }
        Assert.True(done(), "The workflow did not get there within ten moves of the fake clock.");
    }

    // A workflow that stops arms no timer: its end shows only in the log, so that is watched, for a bounded time.
    private static async Task UntilAsync(Func<bool> done)
    {
        var deadline = DateTime.UtcNow.AddSeconds(30);
        while (!done() && DateTime.UtcNow < deadline)
        {
            await Task.Delay(20);
        }
    }
}
