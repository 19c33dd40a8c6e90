namespace PassBroker.Emulator.Infrastructure;

internal static class RestApiV2Extensions
{
    /// <summary>
    /// A route group under <c>/api/v2/{serviceProvider}</c> with the policy every REST API V2 call shares: a valid
    /// access token (401 otherwise), then a known service provider (400 otherwise).
    /// </summary>
    public static RouteGroupBuilder MapRestApiV2Group(this IEndpointRouteBuilder app, string resource) =>
        app.MapGroup($"/api/v2/{{{ServiceProviderFilter.RouteValue}}}/{resource}")
            .RequireAuthorization()
            .AddEndpointFilter<ServiceProviderFilter>()
            // Adobe's clients are apps and servers posting forms without antiforgery tokens.
            .DisableAntiforgery();
}
