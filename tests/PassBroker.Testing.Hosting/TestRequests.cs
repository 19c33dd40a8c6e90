namespace PassBroker.Testing.Hosting;

/// <summary>Request bodies as an app would send them.</summary>
public static class TestRequests
{
    public static object Registration(string deviceId) => new
    {
        deviceId,
        deviceInfo = new
        {
            primaryHardwareType = "SetTopBox",
            model = "BRAVIA-XR",
            version = "2023",
            manufacturer = "Sony",
            osName = "Android",
            osVersion = "12",
            connectionType = "LAN",
            applicationId = "com.example.tveapp",
        },
    };
}
