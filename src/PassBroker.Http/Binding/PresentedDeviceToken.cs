using System.Reflection;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Metadata;
using PassBroker.Http.Edge;
using PassBroker.Http.OpenApi;

namespace PassBroker.Http.Binding;

/// <summary>
/// A handler parameter: the device token a request may carry where one is optional (registration checks it itself,
/// against the device id it names). The route's OpenAPI credential (optional) and its 401 follow from the parameter.
/// </summary>
public sealed class PresentedDeviceToken : IEndpointParameterMetadataProvider
{
    // Most registrations are new installations: they share one instance rather than allocate one each.
    private static readonly PresentedDeviceToken None = new(null);

    private PresentedDeviceToken(string? value) => Value = value;

    /// <summary>Null without an <c>Authorization</c> header, empty for one that is not a bearer token (see
    /// <see cref="DeviceAuthentication.BearerToken"/>).</summary>
    public string? Value { get; }

    /// <summary>Minimal API binding: reads the bearer token, if any; never refuses.</summary>
    /// <param name="context">The request.</param>
    /// <param name="parameter">The handler's parameter (unused).</param>
    public static ValueTask<PresentedDeviceToken?> BindAsync(HttpContext context, ParameterInfo parameter) =>
        ValueTask.FromResult<PresentedDeviceToken?>(DeviceAuthentication.BearerToken(context.Request) is { } token ? new(token) : None);

    /// <inheritdoc />
    public static void PopulateMetadata(ParameterInfo parameter, EndpointBuilder builder) => builder.AddDeviceTokenOptional();
}
