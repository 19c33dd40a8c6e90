using Microsoft.Extensions.Options;
using PassBroker.Emulator.ServiceProviders;

namespace PassBroker.Emulator.Infrastructure;

/// <summary>The services most handlers need, bound with <c>[AsParameters]</c> to keep handler signatures short.</summary>
internal sealed record EmulatorServices(
    EmulatorState State,
    IOptions<EmulatorOptions> Options,
    TimeProvider Time,
    ILogger<EmulatorState> Logger,
    ServiceProviderCatalog ServiceProviders)
{
    public EmulatorOptions Settings => Options.Value;

    /// <summary>The route's service provider, which <see cref="ServiceProviderFilter"/> has already found.</summary>
    public EmulatedServiceProvider Provider(string serviceProvider) =>
        ServiceProviders.Find(serviceProvider)
        ?? throw new InvalidOperationException($"The route must run {nameof(ServiceProviderFilter)} before it reads its service provider.");
}
