using System.Reflection;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Metadata;
using PassBroker.Http.Edge;
using PassBroker.Http.OpenApi;

namespace PassBroker.Http.Binding;

/// <summary>
/// A handler parameter: the request's JSON body of <typeparamref name="T"/>, read by <see cref="JsonBody"/> with its
/// limits and Problem Details (415, 413, 400 <c>invalid_json</c>); up to <see cref="HttpOptions.MaxResourcesBodyBytes"/>
/// when <typeparamref name="T"/> is an <see cref="IResourcesBody"/>. The route's request body and those answers in the
/// OpenAPI document follow from the parameter.
/// </summary>
/// <typeparam name="T">The body's type.</typeparam>
public sealed class JsonRequest<T> : IEndpointParameterMetadataProvider
    where T : class
{
    // Once per body type, not per request.
    private static readonly bool CarriesResources = typeof(IResourcesBody).IsAssignableFrom(typeof(T));

    private JsonRequest(T value) => Value = value;

    public T Value { get; }

    /// <summary>Minimal API binding: reads and deserializes the body, or throws the Problem Details of its failure.</summary>
    /// <param name="context">The request.</param>
    /// <param name="parameter">The handler's parameter (unused).</param>
    public static async ValueTask<JsonRequest<T>?> BindAsync(HttpContext context, ParameterInfo parameter) =>
        new(await JsonBody.ReadAsync<T>(context.Request, context.RequestAborted, CarriesResources));

    /// <inheritdoc />
    public static void PopulateMetadata(ParameterInfo parameter, EndpointBuilder builder) => builder.AddJsonBody(typeof(T), optional: false);
}
