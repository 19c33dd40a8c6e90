using System.Reflection;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Metadata;
using Microsoft.Extensions.DependencyInjection;
using PassBroker.Core.Devices;
using PassBroker.Http.Edge;
using PassBroker.Http.OpenApi;
using PassBroker.Http.Telemetry;

namespace PassBroker.Http.Binding;

/// <summary>
/// A handler parameter: the device whose token (<c>Authorization: Bearer &lt;deviceToken&gt;</c>) the request carries.
/// Bound before the parameters after it (a stranger's body is never read), it refuses a missing or bad token with the
/// 401 Problem Details of <see cref="DeviceAuthenticator"/>; the route's OpenAPI credential and 401/503 answers follow
/// from the parameter, so a route cannot take a device without declaring it, nor declare one it does not take.
/// </summary>
public sealed class AuthenticatedDevice : IEndpointParameterMetadataProvider
{
    private AuthenticatedDevice(DeviceRecord record) => Record = record;

    /// <summary>The device's record, as <see cref="DeviceAuthenticator"/> found it.</summary>
    public DeviceRecord Record { get; }

    /// <summary>Minimal API binding: authenticates the request's device and names it in the request's log scope.</summary>
    /// <param name="context">The request.</param>
    /// <param name="parameter">The handler's parameter (unused: every device parameter binds alike).</param>
    public static async ValueTask<AuthenticatedDevice?> BindAsync(HttpContext context, ParameterInfo parameter)
    {
        var authenticator = context.RequestServices.GetRequiredService<DeviceAuthenticator>();
        var device = await authenticator.AuthenticateAsync(DeviceAuthentication.BearerToken(context.Request), context.RequestAborted);
        RequestLogScope.SetDevice(context, device.DeviceKey, device.Brand);
        return new AuthenticatedDevice(device);
    }

    /// <inheritdoc />
    public static void PopulateMetadata(ParameterInfo parameter, EndpointBuilder builder) => builder.AddDeviceTokenRequired();
}
