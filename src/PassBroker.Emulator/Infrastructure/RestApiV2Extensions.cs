namespace PassBroker.Emulator.Infrastructure;

internal static class RestApiV2Extensions
{
    /// <summary>
    /// A route group under <c>/api/v2/{serviceProvider}</c> with the policy every REST API V2 call shares: a known
    /// service provider (400 otherwise). The token and device headers are <see cref="RequiredHeaders"/>' business.
    /// </summary>
    public static RouteGroupBuilder MapRestApiV2Group(this IEndpointRouteBuilder app, string resource) =>
        app.MapGroup($"/api/v2/{{{ServiceProviderFilter.RouteValue}}}/{resource}")
            .AddEndpointFilter<ServiceProviderFilter>()
            // Adobe's clients are apps and servers posting forms without antiforgery tokens.
            .DisableAntiforgery();
}
