using PassBroker.Emulator.ServiceProviders;

namespace PassBroker.Emulator.Infrastructure;

/// <summary>Rejects a <c>{serviceProvider}</c> path value that names no emulated service provider.</summary>
internal sealed class ServiceProviderFilter(ServiceProviderCatalog serviceProviders) : IEndpointFilter
{
    public const string RouteValue = "serviceProvider";

    public async ValueTask<object?> InvokeAsync(EndpointFilterInvocationContext context, EndpointFilterDelegate next)
    {
        var serviceProvider = context.HttpContext.GetRouteValue(RouteValue) as string;
        if (serviceProviders.Find(serviceProvider) is null)
        {
            return AdobeResults.Error(EnhancedErrors.InvalidServiceProvider(serviceProvider));
        }

        return await next(context);
    }
}
