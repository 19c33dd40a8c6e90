namespace PassBroker.Core.Devices;

/// <summary>
/// Where the streaming device connects from: its public IP and source port, as seen at PassBroker's edge.
/// Adobe throttles per device IP (X-Forwarded-For) and MVPDs use both for HBA, so they travel upstream on every call.
/// </summary>
/// <param name="IpAddress">The device's IP address in its canonical text form.</param>
/// <param name="Port">The device's source port, when known.</param>
public sealed record ClientEndpoint(string IpAddress, int? Port);
