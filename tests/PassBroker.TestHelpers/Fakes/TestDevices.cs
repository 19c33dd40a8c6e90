using System.Security.Cryptography;
using System.Text;
using PassBroker.Core.Brands;
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

    /// <summary>
    /// A fixed key per device id, shaped like every device key, so that records built twice for one id agree. (The
    /// product draws a random key per installation.)
    /// </summary>
    /// <param name="deviceId">The test device's id.</param>
    public static string KeyOf(string deviceId) =>
        Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(deviceId))[..(DeviceKeys.Length / 2)]);

    /// <param name="deviceId">The device id the app registers with.</param>
    /// <param name="token">The device's Adobe access token, if it has one.</param>
    /// <param name="brand">The brand it registered under; the same id under another brand is another device (another key).</param>
    public static DeviceRecord Record(string deviceId = "device-1", AccessToken? token = null, string brand = BrandKeys.Default)
    {
        var key = KeyOf(BrandKeys.Scope(brand, deviceId));
        return new DeviceRecord
        {
            DeviceKey = key,
            DeviceId = deviceId,
            Brand = brand,
            Info = Info(),
            Credentials = new ClientCredentials("client-" + deviceId, "secret-" + deviceId),
            AccessToken = token,
            DeviceTokenHash = DeviceTokens.Issue(key).Hash,
            RegisteredAt = DateTimeOffset.UnixEpoch,
        };
    }
}
