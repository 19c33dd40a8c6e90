using System.Net;
using System.Net.Sockets;

namespace PassBroker.Testing.Hosting;

/// <summary>Ports on 127.0.0.1 for servers a test starts, so parallel test projects never collide.</summary>
public static class LoopbackPorts
{
    /// <summary>A port nothing listens on now. Another process may take it before the caller binds it, so callers that
    /// can fail on a taken port retry (see <c>AzuriteFixture</c>).</summary>
    public static int Free()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
