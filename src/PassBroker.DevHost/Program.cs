using PassBroker.DevHost;
using PassBroker.DevHost.LocalDependencies;

try
{
    await using var app = DevHostApp.Create(args);
    await app.StartLocalDependenciesAsync();
    await app.RunAsync();
    return 0;
}
catch (DevHostStartException e)
{
    // A local set-up problem whose message says what to do: no stack trace to wade through.
    await Console.Error.WriteLineAsync($"PassBroker DevHost did not start: {e.Message}");
    return 1;
}
