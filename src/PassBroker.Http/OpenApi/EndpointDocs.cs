using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.OpenApi;
using PassBroker.Core.Errors;
using PassBroker.Http.Admin;

namespace PassBroker.Http.OpenApi;

/// <summary>
/// What a route declares about itself for the OpenAPI document, written next to its <c>Map…</c> call so the document
/// cannot drift from the route: its credential, its JSON body, and the Problem Details codes per status. Errors every
/// route shares (404/405 from routing, 500) are not repeated per route.
/// </summary>
public static class EndpointDocs
{
    public const string DeviceToken = "deviceToken";
    public const string AdminKey = "adminKey";

    /// <summary>The route may answer <paramref name="status"/> with these codes.</summary>
    /// <param name="route">The route.</param>
    /// <param name="status">The HTTP status.</param>
    /// <param name="codes">The codes of that status.</param>
    public static RouteHandlerBuilder Problems(this RouteHandlerBuilder route, int status, params string[] codes) => route
        .ProducesProblem(status)
        .WithMetadata(new ProblemCodesMetadata(status, codes));

    /// <summary><c>Authorization: Bearer &lt;deviceToken&gt;</c>, its 401s, and the storage outage every device lookup may meet.</summary>
    /// <param name="route">The route.</param>
    public static RouteHandlerBuilder RequiresDeviceToken(this RouteHandlerBuilder route) => route
        .WithMetadata(new SecuritySchemeMetadata(DeviceToken))
        .Problems(StatusCodes.Status401Unauthorized, ErrorCodes.MissingDeviceToken, ErrorCodes.InvalidDeviceToken)
        .Problems(StatusCodes.Status503ServiceUnavailable, ErrorCodes.StorageUnavailable);

    /// <summary>
    /// An optional <c>Authorization: Bearer &lt;deviceToken&gt;</c>: the route works without one, and refuses a bad one
    /// (there is no "missing" answer, since leaving it out is allowed).
    /// </summary>
    /// <param name="route">The route.</param>
    public static RouteHandlerBuilder AcceptsDeviceToken(this RouteHandlerBuilder route) => route
        .WithMetadata(new SecuritySchemeMetadata(DeviceToken, Optional: true))
        .Problems(StatusCodes.Status401Unauthorized, ErrorCodes.InvalidDeviceToken);

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
        where T : notnull => route
        .Accepts<T>(optional, "application/json")
        .Problems(StatusCodes.Status400BadRequest, ErrorCodes.InvalidJson, ErrorCodes.ValidationFailed)
        .Problems(StatusCodes.Status413PayloadTooLarge, ErrorCodes.PayloadTooLarge)
        .Problems(StatusCodes.Status415UnsupportedMediaType, ErrorCodes.UnsupportedMediaType);

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
    /// <param name="route">The route.</param>
    public static RouteHandlerBuilder CallsAdobePass(this RouteHandlerBuilder route) => route
        .Problems(StatusCodes.Status429TooManyRequests, ErrorCodes.RateLimited)
        .Problems(StatusCodes.Status502BadGateway, ErrorCodes.UpstreamRejected, ErrorCodes.UpstreamMisconfigured)
        .Problems(StatusCodes.Status503ServiceUnavailable, ErrorCodes.UpstreamUnavailable, ErrorCodes.UpstreamThrottled, ErrorCodes.ServiceMisconfigured)
        .Problems(StatusCodes.Status504GatewayTimeout, ErrorCodes.UpstreamTimeout);
}
