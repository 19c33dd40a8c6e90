using System.Reflection;
using Microsoft.AspNetCore.Http;
using PassBroker.Core.Devices;
using PassBroker.Http.Edge;

namespace PassBroker.Http.Binding;

/// <summary>
/// A handler parameter: the calling device's IP and source port (<see cref="ClientEndpoints.From"/>), which Adobe is
/// told on the device's behalf. Declare it after the body so that, as before, a request is authenticated and read first.
/// </summary>
public sealed class RemoteClient
{
    private RemoteClient(ClientEndpoint endpoint) => Endpoint = endpoint;

    public ClientEndpoint Endpoint { get; }

    /// <summary>Minimal API binding: the connection's address as the forwarded-headers middleware left it.</summary>
    /// <param name="context">The request.</param>
    /// <param name="parameter">The handler's parameter (unused).</param>
    public static ValueTask<RemoteClient?> BindAsync(HttpContext context, ParameterInfo parameter) =>
        ValueTask.FromResult<RemoteClient?>(new RemoteClient(ClientEndpoints.From(context)));
}
