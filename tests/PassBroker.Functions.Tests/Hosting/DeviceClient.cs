using System.Net.Http.Headers;
using System.Net.Http.Json;
using PassBroker.Testing.Hosting;

namespace PassBroker.Functions.Tests.Hosting;

/// <summary>What a streaming app sends to either host: its IP through the trusted loopback proxy, its device token.</summary>
internal static class DeviceClient
{
    public const string DeviceIp = "198.51.100.77";

    public static HttpClient Create(RunningApp host, string? deviceToken = null)
    {
        var client = host.CreateClient(followRedirects: false);
        client.DefaultRequestHeaders.Add("X-Forwarded-For", $"{DeviceIp}:51734");
        if (deviceToken is not null)
        {
            client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", deviceToken);
        }
        return client;
    }

    /// <summary>Registers a new device through <paramref name="host"/> and returns a client carrying its token.</summary>
    public static async Task<(HttpClient Client, string Token, string DeviceKey)> RegisterAsync(RunningApp host, string deviceId)
    {
        using var anonymous = Create(host);
        var response = await anonymous.PostAsJsonAsync("/api/devices", TestRequests.Registration(deviceId));
        response.EnsureSuccessStatusCode();
        var body = (await response.Content.ReadFromJsonAsync<Registration>())!;
        return (Create(host, body.DeviceToken), body.DeviceToken, body.DeviceKey);
    }

    private sealed record Registration(string DeviceKey, string DeviceToken);
}
