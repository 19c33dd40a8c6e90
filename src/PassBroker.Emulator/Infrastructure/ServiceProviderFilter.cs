using PassBroker.Emulator.ServiceProviders;

namespace PassBroker.Emulator.Infrastructure;

/// <summary>
/// Rejects a <c>{serviceProvider}</c> path value that names no emulated service provider (400
/// <c>invalid_parameter_service_provider</c>), then a token whose client is not linked to it (401
/// <c>invalid_access_token_service_provider</c>, see <see cref="EnhancedErrors.InvalidAccessTokenServiceProvider"/>).
/// </summary>
internal sealed class ServiceProviderFilter(ServiceProviderCatalog serviceProviders, ILogger<ServiceProviderFilter> logger) : IEndpointFilter
{
    public const string RouteValue = "serviceProvider";

    public async ValueTask<object?> InvokeAsync(EndpointFilterInvocationContext context, EndpointFilterDelegate next)
    {
        var serviceProvider = context.HttpContext.GetRouteValue(RouteValue) as string;
        if (serviceProviders.Find(serviceProvider) is null)
        {
            return AdobeResults.Error(EnhancedErrors.InvalidServiceProvider(serviceProvider));
        }

        // Every route under /api/v2/{serviceProvider} requires a token, so RequiredHeadersMiddleware has authenticated it.
        var user = context.HttpContext.User;
        if (!user.IsLinkedTo(serviceProvider!))
        {
            logger.AccessTokenServiceProviderRejected(serviceProvider!, user.GetClientId());
            return AdobeResults.Error(EnhancedErrors.InvalidAccessTokenServiceProvider(serviceProvider));
        }

        return await next(context);
    }
}
