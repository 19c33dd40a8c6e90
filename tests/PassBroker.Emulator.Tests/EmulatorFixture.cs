using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Microsoft.Extensions.Time.Testing;
using PassBroker.Testing.Hosting;

namespace PassBroker.Emulator.Tests;

/// <summary>
/// One emulator per test class, on a fake clock, reached over real loopback HTTP. Every test registers its own
/// device, so a test that moves the clock cannot invalidate another test's token or code.
/// </summary>
public class EmulatorFixture : IAsyncLifetime
{
    public const string ServiceProvider = "REF30";
    public const string SoftwareStatement = "dev-software-statement";
    public const string RedirectUrl = "https://app.passbroker.example/signed-in?x=1&y=2";

    // adobe-pass-v2.md section 2.3's constructed example.
    public const string DeviceInfoJson =
        """{"primaryHardwareType":"SetTopBox","model":"BRAVIA-XR","version":"2023","manufacturer":"Sony","vendor":"Sony","osName":"Android","osVersion":"12","connectionType":"LAN","connectionIp":"198.51.100.23","connectionPort":"51734","applicationId":"com.example.tveapp"}""";

    public static readonly string DeviceInfoHeader = Convert.ToBase64String(Encoding.UTF8.GetBytes(DeviceInfoJson));

    private RunningApp? _emulator;
    private HttpClient? _http;

    public FakeTimeProvider Time { get; } = new(new DateTimeOffset(2025, 1, 1, 12, 0, 0, TimeSpan.Zero));

    public HttpClient Http => _http ?? throw new InvalidOperationException("The fixture has not started.");

    public EmulatorState State => (_emulator ?? throw new InvalidOperationException("The fixture has not started.")).State();

    public IServiceProvider Services => (_emulator ?? throw new InvalidOperationException("The fixture has not started.")).Services;

    /// <summary>Emulator settings beyond the defaults, <c>--Emulator:Key=value</c>.</summary>
    protected virtual string[] Settings => [];

    public async Task InitializeAsync()
    {
        _emulator = await EmulatorHost.StartAsync(Time, Settings);
        _http = _emulator.CreateClient(followRedirects: false);
    }

    public async Task DisposeAsync()
    {
        _http?.Dispose();
        if (_emulator is not null)
        {
            await _emulator.DisposeAsync();
        }
    }

    public async Task<HttpResponseMessage> RegisterAsync(string body, string contentType = "application/json;charset=utf-8", string? deviceInfo = null)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, "/o/client/register")
        {
            Content = new StringContent(body, Encoding.UTF8),
        };
        request.Content.Headers.ContentType = MediaTypeHeaderValue.Parse(contentType);
        request.Headers.Add("X-Device-Info", deviceInfo ?? DeviceInfoHeader);
        return await Http.SendAsync(request);
    }

    /// <summary>Asks DCR for a token with a form body and, unless told otherwise, the X-Device-Info the page requires.</summary>
    public async Task<HttpResponseMessage> RequestTokenAsync(
        string? clientId, string? clientSecret, string? grantType = "client_credentials", bool deviceInfo = true)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, "/o/client/token")
        {
            Content = Form(("client_id", clientId), ("client_secret", clientSecret), ("grant_type", grantType)),
        };
        if (deviceInfo)
        {
            request.Headers.Add("X-Device-Info", DeviceInfoHeader);
        }

        return await Http.SendAsync(request);
    }

    /// <summary>Registers a new DCR client (with the first provider's statement unless told) for a new device and fetches a token for it.</summary>
    public async Task<TestDevice> RegisterDeviceAsync(string? deviceId = null, string softwareStatement = SoftwareStatement)
    {
        using var registration = await RegisterAsync($$"""{"software_statement":"{{softwareStatement}}"}""");
        var client = await JsonAsync(registration);
        var clientId = client.GetProperty("client_id").GetString()!;
        var clientSecret = client.GetProperty("client_secret").GetString()!;
        return new TestDevice(clientId, clientSecret, await NewAccessTokenAsync(clientId, clientSecret), deviceId ?? "device-" + Guid.NewGuid());
    }

    public async Task<string> NewAccessTokenAsync(string clientId, string clientSecret)
    {
        using var response = await RequestTokenAsync(clientId, clientSecret);
        return (await JsonAsync(response)).GetProperty("access_token").GetString()!;
    }

    /// <summary>Sends a REST API V2 request with the device's token and, when asked, its device headers.</summary>
    public async Task<HttpResponseMessage> SendAsync(
        HttpMethod method, string path, TestDevice? device, bool deviceHeaders = false, params (string Key, string? Value)[] form)
    {
        using var request = new HttpRequestMessage(method, path);
        AddDeviceHeaders(request, device, deviceHeaders);
        if (method == HttpMethod.Post)
        {
            request.Content = Form(form);
        }

        return await Http.SendAsync(request);
    }

    /// <summary>Posts a JSON body with the device's token and device headers; a null content type sends none.</summary>
    public async Task<HttpResponseMessage> PostJsonAsync(
        string path, TestDevice? device, string body, string? contentType = "application/json", bool deviceHeaders = true)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, path) { Content = new StringContent(body, Encoding.UTF8) };
        request.Content.Headers.ContentType = contentType is null ? null : MediaTypeHeaderValue.Parse(contentType);
        AddDeviceHeaders(request, device, deviceHeaders);
        return await Http.SendAsync(request);
    }

    /// <summary>Asks for <c>preauthorize</c> or <c>authorize</c> decisions, with a body as Adobe's samples send it.</summary>
    public Task<HttpResponseMessage> DecideAsync(TestDevice device, string kind, string mvpd, params string[] resources) =>
        PostJsonAsync($"/api/v2/{ServiceProvider}/decisions/{kind}/{mvpd}", device, JsonSerializer.Serialize(new { resources }));

    /// <summary>Logs the device out of the MVPD; <paramref name="redirectUrl"/> is URL-encoded, or left out when null.</summary>
    public Task<HttpResponseMessage> LogoutAsync(TestDevice device, string mvpd, string? redirectUrl, bool deviceHeaders = true) =>
        GetAsync(
            $"/api/v2/{ServiceProvider}/logout/{mvpd}" + (redirectUrl is null ? "" : $"?redirectUrl={Uri.EscapeDataString(redirectUrl)}"),
            device,
            deviceHeaders);

    public Task<HttpResponseMessage> GetAsync(string path, TestDevice device, bool deviceHeaders = false) =>
        SendAsync(HttpMethod.Get, path, device, deviceHeaders);

    public Task<HttpResponseMessage> CreateSessionAsync(TestDevice device, params (string Key, string? Value)[] form) =>
        SendAsync(HttpMethod.Post, $"/api/v2/{ServiceProvider}/sessions", device, deviceHeaders: true, form);

    /// <summary>Creates a complete session for the MVPD and returns its code.</summary>
    public async Task<string> CreateCodeAsync(TestDevice device, string mvpd = "ExampleCable")
    {
        using var response = await CreateSessionAsync(device, ("mvpd", mvpd), ("domainName", "localhost"), ("redirectUrl", RedirectUrl));
        return (await JsonAsync(response)).GetProperty("code").GetString()!;
    }

    public Task<HttpResponseMessage> SignInAsync(string mvpd, string code, string username, string password) =>
        Http.PostAsync($"/emulator/mvpd/{mvpd}/login", Form(("code", code), ("username", username), ("password", password)));

    /// <summary>Creates a session and signs the user (alice unless told) in through it; returns the code.</summary>
    public async Task<string> AuthenticateAsync(
        TestDevice device, string mvpd = "ExampleCable", string username = "alice", string password = "alice-pw")
    {
        var code = await CreateCodeAsync(device, mvpd);
        using var login = await SignInAsync(mvpd, code, username, password);
        Assert.Equal(System.Net.HttpStatusCode.Redirect, login.StatusCode);
        return code;
    }

    /// <summary>Registers a new device and signs the user (alice unless told) in to the MVPD on it.</summary>
    public async Task<TestDevice> RegisterSignedInDeviceAsync(
        string mvpd = "ExampleCable", string username = "alice", string password = "alice-pw")
    {
        var device = await RegisterDeviceAsync();
        await AuthenticateAsync(device, mvpd, username, password);
        return device;
    }

    /// <summary>The <c>AP-TempPass-Identity</c> value for an identifier hash: Base64 of <c>{"email":"…"}</c> unless told.</summary>
    public static string TempPassIdentity(string hash, string key = "email") =>
        Convert.ToBase64String(Encoding.UTF8.GetBytes(JsonSerializer.Serialize(new Dictionary<string, string> { [key] = hash })));

    /// <summary>Asks for decisions with the device headers and, when given, <c>AP-TempPass-Identity</c>.</summary>
    public Task<HttpResponseMessage> DecideTempPassAsync(
        TestDevice device, string kind, string mvpd, string? identity, params string[] resources) =>
        DecideTempPassAsync(ServiceProvider, device, kind, mvpd, identity, resources);

    /// <summary>As <see cref="DecideTempPassAsync(TestDevice, string, string, string?, string[])"/>, on any service provider.</summary>
    public async Task<HttpResponseMessage> DecideTempPassAsync(
        string serviceProvider, TestDevice device, string kind, string mvpd, string? identity, params string[] resources)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, $"/api/v2/{serviceProvider}/decisions/{kind}/{mvpd}")
        {
            Content = new StringContent(JsonSerializer.Serialize(new { resources }), Encoding.UTF8, "application/json"),
        };
        AddDeviceHeaders(request, device, deviceHeaders: true);
        AddIdentity(request, identity);
        return await Http.SendAsync(request);
    }

    /// <summary>Reads the device's profile for the MVPD with the device headers and, when given, <c>AP-TempPass-Identity</c>.</summary>
    public async Task<HttpResponseMessage> GetProfileAsync(TestDevice device, string mvpd, string? identity, string identityHeaderName = "AP-TempPass-Identity")
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, $"/api/v2/{ServiceProvider}/profiles/{mvpd}");
        AddDeviceHeaders(request, device, deviceHeaders: true);
        AddIdentity(request, identity, identityHeaderName);
        return await Http.SendAsync(request);
    }

    /// <summary>Calls the TempPass reset API; <paramref name="pathAndQuery"/> starts after the host.</summary>
    public async Task<HttpResponseMessage> ResetTempPassAsync(string pathAndQuery, string? accessToken)
    {
        using var request = new HttpRequestMessage(HttpMethod.Delete, pathAndQuery);
        if (accessToken is not null)
        {
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", accessToken);
        }

        return await Http.SendAsync(request);
    }

    /// <summary>The same device with a fresh access token, for tests that move the clock past the token lifetime.</summary>
    public async Task<TestDevice> RefreshTokenAsync(TestDevice device) =>
        device with { AccessToken = await NewAccessTokenAsync(device.ClientId, device.ClientSecret) };

    public static async Task<JsonElement> JsonAsync(HttpResponseMessage response) =>
        await response.Content.ReadFromJsonAsync<JsonElement>();

    public static FormUrlEncodedContent Form(params (string Key, string? Value)[] fields) =>
        new(fields.Where(f => f.Value is not null).Select(f => new KeyValuePair<string, string>(f.Key, f.Value!)));

    private static void AddIdentity(HttpRequestMessage request, string? identity, string headerName = "AP-TempPass-Identity")
    {
        if (identity is not null)
        {
            request.Headers.TryAddWithoutValidation(headerName, identity);
        }
    }

    private static void AddDeviceHeaders(HttpRequestMessage request, TestDevice? device, bool deviceHeaders)
    {
        if (device is null)
        {
            return;
        }

        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", device.AccessToken);
        if (deviceHeaders)
        {
            request.Headers.Add("AP-Device-Identifier", device.DeviceIdentifierHeader);
            request.Headers.Add("X-Device-Info", DeviceInfoHeader);
        }
    }
}
