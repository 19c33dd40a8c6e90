namespace PassBroker.Testing.Hosting;

/// <summary>Request bodies as an app would send them.</summary>
public static class TestRequests
{
    /// <param name="deviceId">The device's id.</param>
    /// <param name="brand">The brand's public id; null leaves the field out (the default brand).</param>
    public static object Registration(string deviceId, string? brand = null) =>
        brand is null ? new { deviceId, deviceInfo = Info } : new { deviceId, brand, deviceInfo = Info };

    private static readonly object Info = new
    {
        primaryHardwareType = "SetTopBox",
        model = "BRAVIA-XR",
        version = "2023",
        manufacturer = "Sony",
        osName = "Android",
        osVersion = "12",
        connectionType = "LAN",
        applicationId = "com.example.tveapp",
    };
}
