using Microsoft.Extensions.DependencyInjection;
using PassBroker.Functions.Edge;
using PassBroker.Functions.Tests.Hosting;

namespace PassBroker.Functions.Tests.Parity;

/// <summary>
/// The same app session against the DevHost and against the Functions app's compiled functions (with the Functions
/// app's own services, the real Durable engine polling its sign-ins), on one Azurite and one emulator: every route's
/// status, headers that matter and body agree, for a success and, where a route can fail, a failure.
/// </summary>
[Collection(BothHostsCollection.Name)]
public sealed class HostParityTests(BothHostsFixture hosts)
{
    [Fact]
    public async Task EveryRoute_SameRequestsToBothHosts_SameAnswers()
    {
        // Arrange
        var devHost = new AppSession(hosts.DevHost);
        var functions = new AppSession(hosts.Functions);

        // Act
        await devHost.RunAsync();
        await functions.RunAsync();

        // Assert: the script did what it says, on both hosts and for every route...
        Assert.True(devHost.Misfits.Count == 0, "DevHost: " + string.Join("; ", devHost.Misfits));
        Assert.True(functions.Misfits.Count == 0, "Functions: " + string.Join("; ", functions.Misfits) + Environment.NewLine + hosts.FunctionsProblems());
        var routes = hosts.FunctionsApp.Services.GetRequiredService<HttpSurface>().Routes.Select(r => $"{r.Method} {r.Route}: success");
        var uncovered = routes.Where(r => !devHost.Answers.ContainsKey(r)).ToList();
        Assert.True(uncovered.Count == 0, "No case for " + string.Join(", ", uncovered));

        // ...and the hosts agree on each answer.
        Assert.Equal(devHost.Answers.Keys.Order(), functions.Answers.Keys.Order());
        var (devHostAnswers, functionsAnswers) = (devHost.Answers, functions.Answers);
        var differences = devHostAnswers
            .Where(a => a.Value != functionsAnswers[a.Key])
            .Select(a => $"{a.Key}{Environment.NewLine}--- DevHost:{Environment.NewLine}{a.Value}{Environment.NewLine}--- Functions:{Environment.NewLine}{functionsAnswers[a.Key]}")
            .ToList();
        Assert.True(differences.Count == 0, string.Join(Environment.NewLine, differences));
    }
}
