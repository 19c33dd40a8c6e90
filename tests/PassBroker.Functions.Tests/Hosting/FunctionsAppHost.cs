using Microsoft.Azure.Functions.Worker.Builder;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;

namespace PassBroker.Functions.Tests.Hosting;

/// <summary>
/// The Functions app's own host, built as Program.cs builds it (<see cref="FunctionsApp.AddPassBrokerFunctions"/>) and
/// not started: starting would connect to a Functions host over gRPC, which this machine has not. Its services are the
/// app's registrations, so functions resolved from them are the ones Azure runs.
/// </summary>
internal static class FunctionsAppHost
{
    /// <param name="settings">
    /// The only configuration: what Core Tools (local.settings.json's <c>Values</c>) or Azure (app settings) pass as
    /// environment variables, with <c>__</c> already read as <c>:</c>. Nothing else is read: the test folder holds the
    /// DevHost's appsettings.json, which the Functions app never ships.
    /// </param>
    /// <param name="configure">Runs after the app's registrations: tests add log providers or a clock here.</param>
    public static IHost Build(IEnumerable<KeyValuePair<string, string?>> settings, Action<FunctionsApplicationBuilder>? configure = null)
    {
        var builder = FunctionsApplication.CreateBuilder([]);
        builder.Configuration.Sources.Clear();
        builder.Configuration.AddInMemoryCollection(settings);
        builder.AddPassBrokerFunctions();
        configure?.Invoke(builder);
        var host = builder.Build();
        // What starting the host would check first: every options class registered with ValidateOnStart.
        host.Services.GetRequiredService<IStartupValidator>().Validate();
        return host;
    }

    /// <summary>An instance of the function's class, made as the worker makes it (constructor injection from the invocation's services).</summary>
    public static object? Activate(this CompiledFunction function, IServiceProvider invocationServices) =>
        function.Method.IsStatic ? null : ActivatorUtilities.CreateInstance(invocationServices, function.Method.DeclaringType!);
}
