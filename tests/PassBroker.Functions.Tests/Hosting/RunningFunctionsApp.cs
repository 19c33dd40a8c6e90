using Microsoft.Azure.Functions.Worker.Builder;
using Microsoft.DurableTask.Testing;
using Microsoft.Extensions.Hosting;
using PassBroker.Testing.Hosting;

namespace PassBroker.Functions.Tests.Hosting;

/// <summary>
/// A Functions app on a loopback port: built from its settings, its orchestrations on its own in-process Durable
/// engine, its HTTP functions served over HTTP. <see cref="BothHostsFixture"/>'s app is one; a test that needs another
/// shape starts its own beside it. Disposed in reverse order of start.
/// </summary>
internal sealed class RunningFunctionsApp : IAsyncDisposable
{
    private RunningFunctionsApp(IHost app, DurableTaskTestHost durable, RunningApp http) => (App, Durable, Http) = (app, durable, http);

    /// <summary>The app's own services (built, not started: see <see cref="FunctionsAppHost"/>).</summary>
    public IHost App { get; }

    public DurableTaskTestHost Durable { get; }

    /// <summary>The app's HTTP functions on a loopback port.</summary>
    public RunningApp Http { get; }

    /// <summary><paramref name="hosts"/>' Functions settings (its emulator, its Azurite, the 3 s interval) with tables
    /// of its own: <paramref name="tablePrefix"/> (letters and digits) and a random part.</summary>
    public static Dictionary<string, string?> Settings(BothHostsFixture hosts, string tablePrefix) =>
        new(hosts.FunctionsSettings) { ["Storage:TablePrefix"] = tablePrefix + Guid.NewGuid().ToString("N")[..10] };

    /// <param name="settings">The app's configuration.</param>
    /// <param name="configure">More registrations before the app is built (e.g. a log provider).</param>
    public static async Task<RunningFunctionsApp> StartAsync(IEnumerable<KeyValuePair<string, string?>> settings, Action<FunctionsApplicationBuilder>? configure = null)
    {
        var app = FunctionsAppHost.Build(settings, configure);
        DurableTaskTestHost? durable = null;
        try
        {
            durable = await FunctionsDurableEngine.StartAsync(app.Services);
            return new RunningFunctionsApp(app, durable, await FunctionsHttpServer.StartAsync(app.Services, durable.Client));
        }
        catch
        {
            // Nothing else will dispose what did start.
            if (durable is not null)
            {
                await durable.DisposeAsync();
            }
            app.Dispose();
            throw;
        }
    }

    public async ValueTask DisposeAsync()
    {
        await Http.DisposeAsync();
        await Durable.DisposeAsync();
        App.Dispose();
    }
}
