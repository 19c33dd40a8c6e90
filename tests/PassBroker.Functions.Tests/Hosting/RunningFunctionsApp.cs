using Microsoft.DurableTask.Testing;
using Microsoft.Extensions.Hosting;
using PassBroker.Testing.Hosting;

namespace PassBroker.Functions.Tests.Hosting;

/// <summary>
/// A Functions app of a test's own, beside <see cref="BothHostsFixture"/>'s: built from its settings, its orchestrations
/// on its own in-process Durable engine, its HTTP functions on a loopback port. Disposed in reverse order of start.
/// </summary>
internal sealed class RunningFunctionsApp : IAsyncDisposable
{
    private RunningFunctionsApp(IHost app, DurableTaskTestHost durable, RunningApp http) => (App, Durable, Http) = (app, durable, http);

    public IHost App { get; }

    public DurableTaskTestHost Durable { get; }

    public RunningApp Http { get; }

    /// <summary>Settings for an app on <paramref name="hosts"/>' emulator and Azurite, with tables of its own
    /// (<paramref name="tablePrefix"/>, letters and digits) and the shortest poll interval, 3 s.</summary>
    public static Dictionary<string, string?> Settings(BothHostsFixture hosts, string tablePrefix)
    {
        var settings = TestSettings.For(hosts.Emulator.BaseAddress, hosts.StorageConnectionString, tablePrefix + Guid.NewGuid().ToString("N")[..10]);
        settings["SignIn:PollInterval"] = "00:00:03";
        return settings;
    }

    public static async Task<RunningFunctionsApp> StartAsync(IEnumerable<KeyValuePair<string, string?>> settings)
    {
        var app = FunctionsAppHost.Build(settings);
        var durable = await FunctionsDurableEngine.StartAsync(app.Services);
        return new RunningFunctionsApp(app, durable, await FunctionsHttpServer.StartAsync(app.Services, durable.Client));
    }

    public async ValueTask DisposeAsync()
    {
        await Http.DisposeAsync();
        await Durable.DisposeAsync();
        App.Dispose();
    }
}
