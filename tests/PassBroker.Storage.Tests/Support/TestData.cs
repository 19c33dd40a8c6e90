using System.Security.Cryptography;
using System.Text.Json;
using PassBroker.Core.Devices;
using PassBroker.Core.Management;
using PassBroker.Core.Sessions;
using PassBroker.Core.Upstream;

namespace PassBroker.Storage.Tests.Support;

/// <summary>Records with every field set to a distinct value, so a round trip that drops or swaps one shows.</summary>
internal static class TestData
{
    // Odd ticks and a non-UTC offset: the store must keep the instant to the tick.
    public static readonly DateTimeOffset Instant = new DateTimeOffset(2031, 5, 6, 7, 8, 9, 123, TimeSpan.FromHours(2)).AddTicks(4567);

    public static string NewDeviceKey() => Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(16));

    public static DeviceRecord Device(string? deviceKey = null)
    {
        var unique = Guid.NewGuid().ToString("N");
        return new DeviceRecord
        {
            DeviceKey = deviceKey ?? NewDeviceKey(),
            DeviceId = "device-id-" + unique,
            Info = new DeviceInfo
            {
                PrimaryHardwareType = "SetTopBox", Model = "Model Ä", Version = "1.2", Manufacturer = "Maker", Vendor = "Vendor",
                OsName = "Linux", OsFamily = "Unix", OsVendor = "OsVendor", OsVersion = "6.1", BrowserName = "Browser",
                BrowserVendor = "BrowserVendor", BrowserVersion = "99", UserAgent = "Agent/1.0 (\"quoted\")",
                DisplayWidth = 1920, DisplayHeight = 1080, DisplayPpi = 401, DiagonalScreenSize = "55",
                ConnectionIp = "203.0.113.7", ConnectionPort = "51234", ConnectionType = "WiFi", ConnectionSecure = true,
                ApplicationId = "app-id",
            },
            Credentials = new ClientCredentials("client-id-" + unique, "client-secret-" + unique),
            AccessToken = new AccessToken("access-token-" + unique, Instant.AddMinutes(30)),
            DeviceTokenHash = Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(32)),
            RegisteredAt = Instant,
            TempPassIdentity = "58b1508ae622738c9ee3594951b62f14717249ca0dc46941033478a2c65365c4",
        };
    }

    public static ManagementClientRecord ManagementClient()
    {
        var unique = Guid.NewGuid().ToString("N");
        return new ManagementClientRecord
        {
            Credentials = new ClientCredentials("management-client-id-" + unique, "management-client-secret-" + unique),
            AccessToken = new AccessToken("management-access-token-" + unique, Instant.AddHours(6)),
            RegisteredAt = Instant.AddDays(-1),
        };
    }

    public static AuthenticationSession Session(string deviceKey, string code, SessionStatus status = SessionStatus.Pending) => new()
    {
        DeviceKey = deviceKey,
        Code = code,
        Status = status,
        CreatedAt = Instant,
        ExpiresAt = Instant.AddMinutes(30),
        Client = new ClientEndpoint("2001:db8::1", 443),
    };

    public static AuthenticationSession EndedSession(string deviceKey, string code) =>
        Session(deviceKey, code, SessionStatus.Authenticated) with
        {
            Mvpd = "Cablevision",
            EndReason = "some_reason",
            UpstreamCode = "authentication_session_invalidated",
            CompletedAt = Instant.AddMinutes(3),
            Profile = Profile("Cablevision"),
        };

    public static Profile Profile(string mvpd) => new()
    {
        Mvpd = mvpd,
        NotBefore = Instant,
        NotAfter = Instant.AddDays(30),
        Issuer = "Adobe",
        Type = "regular",
        Attributes = new Dictionary<string, ProfileAttribute>
        {
            ["userID"] = new(Json("\"user-1\""), "plain"),
            ["zip"] = new(Json("[\"10001\",\"10002\"]"), "plain"),
            ["maxRating"] = new(Json("{\"MPAA\":\"PG-13\",\"VCHIP\":\"TV-Y\"}"), "plain"),
            ["householdID"] = new(Json("\"ZW5jcnlwdGVk\""), "enc"),
            ["channelCount"] = new(Json("42.5"), "plain"),
        },
    };

    private static JsonElement Json(string text) => JsonDocument.Parse(text).RootElement.Clone();
}
