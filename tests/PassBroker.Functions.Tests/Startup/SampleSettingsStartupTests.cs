using System.Reflection;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using PassBroker.Functions.Edge;
using PassBroker.Functions.Tests.Hosting;

namespace PassBroker.Functions.Tests.Startup;

/// <summary>
/// <c>func start</c> with the README's settings (local.settings.sample.json copied to local.settings.json) must not die
/// at start-up: the host the Functions app builds from those values validates and resolves everything it will need.
/// </summary>
public sealed class SampleSettingsStartupTests
{
    [Fact]
    public void Build_SampleValues_ValidatesAtStart()
    {
        // FunctionsAppHost.Build runs the start-up validation (every ValidateOnStart options class) and throws on failure.
        using var host = FunctionsAppHost.Build(SampleSettings.Values());

        Assert.NotNull(host.Services.GetRequiredService<HttpSurface>());
    }

    [Fact]
    public void Build_SampleValues_EveryPassBrokerOptionsClassBindsAndValidates()
    {
        // Arrange
        IServiceCollection registrations = null!;
        using var host = FunctionsAppHost.Build(SampleSettings.Values(), builder => registrations = builder.Services);
        var optionsTypes = OptionsTypes(registrations).ToList();

        // Act: reading a value runs its configuration and every validator registered for it, as the first use would.
        var failures = new List<string>();
        foreach (var type in optionsTypes)
        {
            var monitor = host.Services.GetRequiredService(typeof(IOptionsMonitor<>).MakeGenericType(type));
            try
            {
                monitor.GetType().GetProperty(nameof(IOptionsMonitor<object>.CurrentValue))!.GetValue(monitor);
            }
            catch (TargetInvocationException e) when (e.InnerException is OptionsValidationException invalid)
            {
                failures.Add($"{type.Name}: {invalid.Message}");
            }
        }

        // Assert
        Assert.True(optionsTypes.Count >= 10, $"Only {optionsTypes.Count} PassBroker options classes found: {string.Join(", ", optionsTypes.Select(t => t.Name))}");
        Assert.True(failures.Count == 0, string.Join(Environment.NewLine, failures));
    }

    [Fact]
    public void Build_SampleValues_EveryFunctionClassResolves()
    {
        using var host = FunctionsAppHost.Build(SampleSettings.Values());
        using var invocation = host.Services.CreateScope();

        var classes = CompiledFunctions.All.Where(f => !f.Method.IsStatic).Select(f => f.Method.DeclaringType!).Distinct().ToList();
        foreach (var type in classes)
        {
            Assert.NotNull(ActivatorUtilities.CreateInstance(invocation.ServiceProvider, type));
        }
        Assert.True(classes.Count >= 10, $"Only {classes.Count} function classes found.");
    }

    /// <summary>The options classes PassBroker configures (from configuration or in code), read off the registrations.</summary>
    private static IEnumerable<Type> OptionsTypes(IServiceCollection registrations) =>
        registrations
            .Select(d => d.ServiceType)
            .Where(t => t.IsGenericType && (t.GetGenericTypeDefinition() == typeof(IConfigureOptions<>) || t.GetGenericTypeDefinition() == typeof(IValidateOptions<>)))
            .Select(t => t.GetGenericArguments()[0])
            .Where(t => t.Namespace?.StartsWith("PassBroker.", StringComparison.Ordinal) == true)
            .Distinct();
}
