using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using PassBroker.Functions.Tests.Hosting;
using PassBroker.Http;
using PassBroker.Testing.Hosting;

namespace PassBroker.Functions.Tests.Parity;

/// <summary>
/// What a streaming app, a person's browser and an operator send, in order, to one host: every route and method, a
/// success and (where the route has one) a failure. Each host gets its own device, so both runs start alike.
/// </summary>
internal sealed class AppSession(RunningApp host)
{
    private readonly Dictionary<string, string> _run = new() { ["host"] = host.BaseAddress.GetLeftPart(UriPartial.Authority) };

    private readonly Dictionary<string, Answer> _answers = [];

    /// <summary>Every answer by case ("METHOD route: success|failure"), normalized with this run's values.</summary>
    public Dictionary<string, string> Answers => _answers.ToDictionary(a => a.Key, a => a.Value.Normalized(_run));

    /// <summary>Cases whose outcome is not what their name says (a success that failed, say): the script itself is wrong then.</summary>
    public List<string> Misfits { get; } = [];

    public async Task RunAsync()
    {
        using var anonymous = DeviceClient.Create(host);
        var deviceId = "parity-" + Guid.NewGuid().ToString("N");
        _run["deviceId"] = deviceId;

        await Case(Routes.Devices, "POST", false, anonymous.PostAsJsonAsync("/api/devices", new { deviceInfo = new { model = "x" } }));
        // Refused by routing's content-type check in the DevHost, by the body binder in the Functions app: the same answer.
        await Case(Routes.Devices, "POST", false, anonymous.PostAsync("/api/devices", new StringContent("{}", System.Text.Encoding.UTF8, "text/plain")), "not json");
        var registered = await Case(Routes.Devices, "POST", true, anonymous.PostAsJsonAsync("/api/devices", TestRequests.Registration(deviceId)));
        _run["deviceToken"] = registered.GetProperty("deviceToken").GetString()!;
        _run["deviceKey"] = registered.GetProperty("deviceKey").GetString()!;
        using var device = DeviceClient.Create(host, _run["deviceToken"]);

        await Case(Routes.Mvpds, "GET", false, anonymous.GetAsync("/api/mvpds"));
        await Case(Routes.Mvpds, "GET", true, device.GetAsync("/api/mvpds"));

        await Case(Routes.Sessions, "POST", false, device.PostAsJsonAsync("/api/authentication/sessions", new { mvpd = "NoSuchMvpd" }));
        var session = await Case(Routes.Sessions, "POST", true, device.PostAsJsonAsync("/api/authentication/sessions", new { mvpd = "ExampleCable" }));
        var code = session.GetProperty("code").GetString()!;
        _run["code"] = code;
        await Case(Routes.Session, "GET", false, device.GetAsync("/api/authentication/sessions/ZZZZZZZ"));
        await Case(Routes.Session, "GET", true, device.GetAsync($"/api/authentication/sessions/{code}"));

        // The second screen, as a person's browser posts its forms.
        await Case(Routes.Authn, "GET", true, anonymous.GetAsync($"/authn?code={code}"));
        await Case(Routes.Authn, "POST", false, anonymous.PostAsync("/authn", Form(("code", "not a code!"))));
        await Case(Routes.Authn, "POST", true, anonymous.PostAsync("/authn", Form(("code", code))));
        await Case(Routes.AuthnProvider, "POST", false, anonymous.PostAsync("/authn/provider", Form(("code", code), ("mvpd", "NoSuchMvpd"))));
        await Case(Routes.AuthnProvider, "POST", true, anonymous.PostAsync("/authn/provider", Form(("code", code), ("mvpd", "ExampleCable"))));
        await Case(Routes.AuthnStylesheet, "GET", true, anonymous.GetAsync("/authn/authn.css"));

        // The user logs in at the MVPD; the host's polling notices.
        await BrowserLogin.SignInAsync(session.GetProperty("loginUrl").GetString()!, "alice", "alice-pw");
        await Case(Routes.Session, "GET", true, device.GetAsync($"/api/authentication/sessions/{code}?wait=20"), "authenticated");
        await Case(Routes.AuthnDone, "GET", true, anonymous.GetAsync("/authn/done"));

        await Case(Routes.Profiles, "GET", false, anonymous.GetAsync("/api/profiles"));
        await Case(Routes.Profiles, "GET", true, device.GetAsync("/api/profiles"));
        await Case(Routes.Preauthorize, "POST", false, device.PostAsJsonAsync("/api/decisions/preauthorize", new { }));
        await Case(Routes.Preauthorize, "POST", true, device.PostAsJsonAsync("/api/decisions/preauthorize", new { resources = new[] { "title-1", "title-2" } }));
        await Case(Routes.Authorize, "POST", false, device.PostAsJsonAsync("/api/decisions/authorize", new { }));
        await Case(Routes.Authorize, "POST", true, device.PostAsJsonAsync("/api/decisions/authorize", new { resource = "title-1" }));
        // The binders' refusals (Http/Binding), thrown while the handler's parameters are bound: the same in both hosts.
        await Case(Routes.Authorize, "POST", false, anonymous.PostAsync("/api/decisions/authorize", Json("{ not json")), "without a token");
        await Case(Routes.Authorize, "POST", false, device.PostAsync("/api/decisions/authorize", Json("{ not json")), "malformed body");

        await Case(Routes.TempPass, "POST", false, device.PostAsJsonAsync("/api/temppass", new { kind = "nope" }));
        await Case(Routes.TempPass, "POST", true, device.PostAsJsonAsync("/api/temppass", new { kind = "basic" }));
        await Case(Routes.TempPass, "GET", false, device.GetAsync("/api/temppass?kind=nope"));
        await Case(Routes.TempPass, "GET", true, device.GetAsync("/api/temppass?kind=basic"));

        await Case(Routes.Logout, "POST", false, anonymous.PostAsJsonAsync("/api/logout", new { }));
        await Case(Routes.Logout, "POST", true, device.PostAsJsonAsync("/api/logout", new { }));
        await Case(Routes.AuthnSignedOut, "GET", true, anonymous.GetAsync("/authn/signed-out"));

        // A second device, so that a one-row re-seal page has a continuation on both hosts, whatever else is stored.
        var (second, secondToken, _) = await DeviceClient.RegisterAsync(host, deviceId + "-second");
        second.Dispose();
        using var admin = DeviceClient.Create(host);
        admin.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", TestSettings.AdminKey);
        await Case(Routes.AdminTempPassReset, "POST", false, device.PostAsJsonAsync("/api/admin/temppass/reset", new { kind = "basic", deviceId }));
        await Case(Routes.AdminTempPassReset, "POST", true, admin.PostAsJsonAsync("/api/admin/temppass/reset", new { kind = "basic", deviceId }));
        await Case(Routes.AdminDataKeysReseal, "POST", false, device.PostAsJsonAsync("/api/admin/data-keys/reseal", new { }));
        await Case(Routes.AdminDataKeysReseal, "POST", true, admin.PostAsJsonAsync("/api/admin/data-keys/reseal", new { maxRows = 1 }));

        // A device id is not a credential: another device's token with this id is refused; the device's own token
        // registers it again (and is rotated, so this comes last for the device).
        using (var other = DeviceClient.Create(host, secondToken))
        {
            await Case(Routes.Devices, "POST", false, other.PostAsJsonAsync("/api/devices", TestRequests.Registration(deviceId)), "another device's token");
        }
        var again = await Case(Routes.Devices, "POST", true, device.PostAsJsonAsync("/api/devices", TestRequests.Registration(deviceId)), "again with its token");
        _run["rotatedDeviceToken"] = again.GetProperty("deviceToken").GetString()!;

        await Case(Routes.Health, "GET", true, anonymous.GetAsync("/api/health"));
    }

    private async Task<JsonElement> Case(string route, string method, bool success, Task<HttpResponseMessage> sending, string? variant = null)
    {
        using var response = await sending;
        var name = $"{method} {route}: {(success ? "success" : "failure")}{(variant is null ? "" : " " + variant)}";
        if ((int)response.StatusCode < 400 != success)
        {
            Misfits.Add($"{name} answered {(int)response.StatusCode}");
        }
        var answer = await Answer.ReadAsync(response);
        _answers[name] = answer;
        return answer.IsJson ? JsonDocument.Parse(answer.Body).RootElement.Clone() : default;
    }

    private static StringContent Json(string json) => new(json, System.Text.Encoding.UTF8, "application/json");

    private static FormUrlEncodedContent Form(params (string Name, string Value)[] fields) =>
        new(fields.Select(f => KeyValuePair.Create(f.Name, f.Value)));
}
