using System.Reflection;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Metadata;
using PassBroker.Http.Edge;
using PassBroker.Http.OpenApi;

namespace PassBroker.Http.Binding;

/// <summary>
/// A handler parameter: like <see cref="JsonRequest{T}"/>, but the body may be left out (no <c>Content-Length</c> or a
/// zero one, no <c>Content-Type</c>): then <see cref="Value"/> is null. A body that is sent is read with the same
/// limits and Problem Details; the OpenAPI document marks it optional.
/// </summary>
/// <typeparam name="T">The body's type.</typeparam>
public sealed class OptionalJsonRequest<T> : IEndpointParameterMetadataProvider
    where T : class
{
    // Every request without a body binds to this one instance.
    private static readonly OptionalJsonRequest<T> Absent = new(null);
    private static readonly bool CarriesResources = typeof(IResourcesBody).IsAssignableFrom(typeof(T));

    private OptionalJsonRequest(T? value) => Value = value;

    /// <summary>The body, or null when the request carried none.</summary>
    public T? Value { get; }

    /// <summary>Minimal API binding: null without a body, else the body read as <see cref="JsonRequest{T}"/> reads it.</summary>
    /// <param name="context">The request.</param>
    /// <param name="parameter">The handler's parameter (unused).</param>
    public static ValueTask<OptionalJsonRequest<T>?> BindAsync(HttpContext context, ParameterInfo parameter) =>
        JsonBody.IsAbsent(context.Request) ? ValueTask.FromResult<OptionalJsonRequest<T>?>(Absent) : ReadAsync(context);

    /// <inheritdoc />
    public static void PopulateMetadata(ParameterInfo parameter, EndpointBuilder builder) => builder.AddJsonBody(typeof(T), optional: true);

    private static async ValueTask<OptionalJsonRequest<T>?> ReadAsync(HttpContext context) =>
        new(await JsonBody.ReadAsync<T>(context.Request, context.RequestAborted, CarriesResources));
}
