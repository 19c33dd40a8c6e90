using Microsoft.Extensions.DependencyInjection;
using PassBroker.Functions.Tests.Hosting;

namespace PassBroker.Functions.Tests.Startup;

/// <summary>Production code asks its container only for what it registers: hooks for tests are added by the tests.</summary>
public sealed class ContainerLookupTests
{
    [Fact]
    public void Build_SampleValues_AskTheContainerOnlyForPassBrokerTypesItRegisters()
    {
        // A production lookup of a type nobody registers (say a test-only counter in GetService<T>) is a hook for tests
        // in production code: tests must add their hooks themselves.
        IServiceCollection registrations = null!;
        using var resolutions = new ServiceResolutions();
        using var host = FunctionsAppHost.Build(SampleSettings.Values(), builder => registrations = builder.Services);
        using (var invocation = host.Services.CreateScope())
        {
            foreach (var type in CompiledFunctions.All.Where(f => !f.Method.IsStatic).Select(f => f.Method.DeclaringType!).Distinct())
            {
                ActivatorUtilities.CreateInstance(invocation.ServiceProvider, type);
            }
        }

        var registered = registrations.Select(d => d.ServiceType.ToString()).ToHashSet(StringComparer.Ordinal);
        var asked = resolutions.Of(host.Services).Where(t => t.StartsWith("PassBroker.", StringComparison.Ordinal)).Distinct().ToList();

        Assert.True(asked.Count >= 10, $"Only {asked.Count} PassBroker types seen resolved: the listener missed them.");
        var unregistered = asked.Where(t => !registered.Contains(t)).ToList();
        Assert.True(unregistered.Count == 0, "Asked for but never registered: " + string.Join(", ", unregistered));
    }
}
