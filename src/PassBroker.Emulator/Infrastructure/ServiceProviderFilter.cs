using Microsoft.Extensions.Options;

namespace PassBroker.Emulator.Infrastructure;

/// <summary>Rejects any <c>{serviceProvider}</c> path value other than the emulated requestor.</summary>
internal sealed class ServiceProviderFilter(IOptions<EmulatorOptions> options) : IEndpointFilter
{
    public const string RouteValue = "serviceProvider";

    public async ValueTask<object?> InvokeAsync(EndpointFilterInvocationContext context, EndpointFilterDelegate next)
    {
        var serviceProvider = context.HttpContext.GetRouteValue(RouteValue) as string;
        if (!options.Value.IsServiceProvider(serviceProvider))
        {
            return AdobeResults.Error(EnhancedErrors.InvalidServiceProvider(serviceProvider));
        }

        return await next(context);
    }
}
