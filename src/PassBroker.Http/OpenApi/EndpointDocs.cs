using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Metadata;
using Microsoft.AspNetCore.Mvc;
using Microsoft.OpenApi;
using PassBroker.Core.Errors;
using PassBroker.Http.Admin;

namespace PassBroker.Http.OpenApi;

/// <summary>
/// What a route declares about itself for the OpenAPI document, so the document cannot drift from the route: its
/// credential, its JSON body, and the Problem Details codes per status. Written next to its <c>Map…</c> call (or its
/// group's), or declared by its handler's parameters (<c>Binding</c>: the device token and the body follow from the
/// parameters that read them). Errors every route shares (404/405 from routing, 500) are not repeated per route.
/// </summary>
public static class EndpointDocs
{
    public const string DeviceToken = "deviceToken";
    public const string AdminKey = "adminKey";
    private const string ProblemContentType = "application/problem+json";
    private const string JsonContentType = "application/json";

    /// <summary>The route may answer <paramref name="status"/> with these codes.</summary>
    /// <param name="route">The route, or a group whose routes all may.</param>
    /// <param name="status">The HTTP status.</param>
    /// <param name="codes">The codes of that status.</param>
    public static TBuilder Problems<TBuilder>(this TBuilder route, int status, params string[] codes)
        where TBuilder : IEndpointConventionBuilder
    {
        route.Add(endpoint => endpoint.AddProblems(status, codes));
        return route;
    }

    /// <summary>What <see cref="Problems{TBuilder}"/> declares, for a parameter's binder (<c>IEndpointParameterMetadataProvider</c>).</summary>
    /// <param name="endpoint">The endpoint being built.</param>
    /// <param name="status">The HTTP status.</param>
    /// <param name="codes">The codes of that status.</param>
    internal static void AddProblems(this EndpointBuilder endpoint, int status, params string[] codes)
    {
        // What ProducesProblem writes, so a binder's answers appear in the document exactly as a route's own.
        endpoint.Metadata.Add(new ProducesResponseTypeMetadata(status, typeof(ProblemDetails), [ProblemContentType]));
        endpoint.Metadata.Add(new ProblemCodesMetadata(status, codes));
    }

    /// <summary><c>Authorization: Bearer &lt;deviceToken&gt;</c>, its 401s, and the storage outage every device lookup may meet.</summary>
    /// <param name="endpoint">The endpoint of a handler that takes an <c>AuthenticatedDevice</c>.</param>
    internal static void AddDeviceTokenRequired(this EndpointBuilder endpoint)
    {
        endpoint.Metadata.Add(new SecuritySchemeMetadata(DeviceToken));
        endpoint.AddProblems(StatusCodes.Status401Unauthorized, ErrorCodes.MissingDeviceToken, ErrorCodes.InvalidDeviceToken);
        endpoint.AddProblems(StatusCodes.Status503ServiceUnavailable, ErrorCodes.StorageUnavailable);
    }

    /// <summary>
    /// An optional <c>Authorization: Bearer &lt;deviceToken&gt;</c>: the route works without one, and refuses a bad one
    /// (there is no "missing" answer, since leaving it out is allowed).
    /// </summary>
    /// <param name="endpoint">The endpoint of a handler that takes a <c>PresentedDeviceToken</c>.</param>
    internal static void AddDeviceTokenOptional(this EndpointBuilder endpoint)
    {
        endpoint.Metadata.Add(new SecuritySchemeMetadata(DeviceToken, Optional: true));
        endpoint.AddProblems(StatusCodes.Status401Unauthorized, ErrorCodes.InvalidDeviceToken);
    }

    /// <summary><c>Authorization: Bearer &lt;admin key&gt;</c> (the secret named by <c>Admin:ApiKeySecret</c>) and its refusals.</summary>
    /// <param name="route">The route.</param>
    public static RouteHandlerBuilder RequiresAdminKey(this RouteHandlerBuilder route) => route
        .WithMetadata(new SecuritySchemeMetadata(AdminKey))
        .Problems(StatusCodes.Status401Unauthorized, AdminAuthentication.MissingCode, AdminAuthentication.InvalidCode)
        .Problems(StatusCodes.Status403Forbidden, AdminAuthentication.DeviceTokenCode);

    /// <summary>A JSON body of <typeparamref name="T"/>, read by <c>JsonBody</c>, and the codes reading it may answer.</summary>
    /// <param name="route">The route.</param>
    /// <param name="optional">True when an empty body is allowed.</param>
    public static RouteHandlerBuilder JsonBody<T>(this RouteHandlerBuilder route, bool optional = false)
        where T : notnull
    {
        route.Add(endpoint => endpoint.AddJsonBody(typeof(T), optional));
        return route;
    }

    /// <summary>What <see cref="JsonBody{T}"/> declares, for the body binders.</summary>
    /// <param name="endpoint">The endpoint being built.</param>
    /// <param name="type">The body's type.</param>
    /// <param name="optional">True when an empty body is allowed.</param>
    internal static void AddJsonBody(this EndpointBuilder endpoint, Type type, bool optional)
    {
        // What Accepts<T>(optional, "application/json") writes.
        endpoint.Metadata.Add(new AcceptsMetadata([JsonContentType], type, optional));
        endpoint.AddProblems(StatusCodes.Status400BadRequest, ErrorCodes.InvalidJson, ErrorCodes.ValidationFailed);
        endpoint.AddProblems(StatusCodes.Status413PayloadTooLarge, ErrorCodes.PayloadTooLarge);
        endpoint.AddProblems(StatusCodes.Status415UnsupportedMediaType, ErrorCodes.UnsupportedMediaType);
    }

    /// <summary>A query parameter the handler reads itself (so no binding metadata describes it).</summary>
    /// <param name="route">The route.</param>
    /// <param name="name">The parameter's name.</param>
    /// <param name="type">Its JSON type.</param>
    /// <param name="description">What it does.</param>
    public static RouteHandlerBuilder QueryParameter(this RouteHandlerBuilder route, string name, JsonSchemaType type, string description) =>
        route.AddOpenApiOperationTransformer((operation, _, _) =>
        {
            operation.Parameters ??= [];
            operation.Parameters.Add(new OpenApiParameter
            {
                Name = name,
                In = ParameterLocation.Query,
                Description = description,
                Schema = new OpenApiSchema { Type = type },
            });
            return Task.CompletedTask;
        });

    /// <summary>The answers of a route that calls Adobe Pass (see <c>ProblemMapper</c>).</summary>
    /// <param name="route">The route, or a group whose routes all call Adobe Pass.</param>
    public static TBuilder CallsAdobePass<TBuilder>(this TBuilder route)
        where TBuilder : IEndpointConventionBuilder => route
        .Problems(StatusCodes.Status429TooManyRequests, ErrorCodes.RateLimited)
        .Problems(StatusCodes.Status502BadGateway, ErrorCodes.UpstreamRejected, ErrorCodes.UpstreamMisconfigured)
        .Problems(StatusCodes.Status503ServiceUnavailable, ErrorCodes.UpstreamUnavailable, ErrorCodes.UpstreamThrottled, ErrorCodes.ServiceMisconfigured)
        .Problems(StatusCodes.Status504GatewayTimeout, ErrorCodes.UpstreamTimeout);
}
