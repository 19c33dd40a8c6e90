using PassBroker.Core.Devices;

namespace PassBroker.TestHelpers.Fakes;

/// <summary>Device data for tests: <see cref="Info"/> and <see cref="Client"/> are adobe-pass-v2.md section 2.3's example.</summary>
public static class TestDevices
{
    public static readonly ClientEndpoint Client = new("198.51.100.23", 51734);

    public static DeviceInfo Info() => new()
    {
        PrimaryHardwareType = "SetTopBox",
        Model = "BRAVIA-XR",
        Version = "2023",
        Manufacturer = "Sony",
        Vendor = "Sony",
        OsName = "Android",
        OsVersion = "12",
        ConnectionType = "LAN",
        ApplicationId = "com.example.tveapp",
    };

    public static DeviceRecord Record(string deviceId = "device-1", AccessToken? token = null)
    {
        var key = DeviceKeys.FromDeviceId(deviceId);
        return new DeviceRecord
        {
            DeviceKey = key,
            DeviceId = deviceId,
            Info = Info(),
            Credentials = new ClientCredentials("client-" + deviceId, "secret-" + deviceId),
            AccessToken = token,
            DeviceTokenHash = DeviceTokens.Issue(key).Hash,
            RegisteredAt = DateTimeOffset.UnixEpoch,
        };
    }
}
