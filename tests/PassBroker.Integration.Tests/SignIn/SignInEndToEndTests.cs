using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using PassBroker.Core.Devices;
using PassBroker.Integration.Tests.Support;
using PassBroker.Testing.EndToEnd;
using PassBroker.Testing.Hosting;
using PassBroker.Testing.Hosting.Azurite;

namespace PassBroker.Integration.Tests.SignIn;

/// <summary>The walking skeleton, end to end over real HTTP: DevHost + emulator + Azurite, the clock faked.</summary>
[Collection(AzuriteCollection.Name)]
public sealed class SignInEndToEndTests(AzuriteFixture azurite) : IAsyncLifetime
{
    private PassBrokerApplication _app = null!;

    public async Task InitializeAsync() => _app = await PassBrokerApplication.StartAsync(azurite);

    public async Task DisposeAsync() => await _app.DisposeAsync();

    [Fact]
    public async Task DeviceRegistersPicksProviderSignsInAndReadsItsProfile()
    {
        // Register, and see the picker's providers.
        var (client, _, _) = await _app.RegisterDeviceAsync("living-room-tv");
        var mvpds = await client.GetFromJsonAsync<JsonElement>("/api/mvpds");
        var ids = mvpds.GetProperty("mvpds").EnumerateArray().Select(m => m.GetProperty("id").GetString()).ToList();
        Assert.Contains("ExampleCable", ids);
        Assert.DoesNotContain("TempPass_REF30", ids);
        Assert.DoesNotContain("ExampleTestMvpd", ids);

        // Start signing in: a code and Adobe's login URL.
        var start = await client.PostAsJsonAsync("/api/authentication/sessions", new { mvpd = "ExampleCable" });
        Assert.Equal(HttpStatusCode.Accepted, start.StatusCode);
        var session = await start.Content.ReadFromJsonAsync<JsonElement>();
        var code = session.GetProperty("code").GetString()!;
        Assert.Equal("pending", session.GetProperty("status").GetString());
        Assert.Equal(start.Headers.Location!.ToString(), session.GetProperty("statusUrl").GetString());
        var loginUrl = session.GetProperty("loginUrl").GetString()!;
        Assert.StartsWith(_app.Emulator.BaseAddress.GetLeftPart(UriPartial.Authority) + "/api/v2/authenticate/REF30/" + code, loginUrl, StringComparison.Ordinal);

        // The user signs in at the MVPD in a browser and lands on the redirect URL.
        var landed = await BrowserLogin.SignInAsync(loginUrl, "alice", "alice-pw");
        Assert.Equal("http://127.0.0.1/authn/done", landed.ToString());

        // The next poll notices; a long-polling status request returns as soon as it does.
        var waiting = client.GetFromJsonAsync<JsonElement>($"/api/authentication/sessions/{code}?wait=30");
        await _app.AdvanceAsync(TimeSpan.FromSeconds(15));
        var status = await waiting.WaitAsync(TimeSpan.FromSeconds(20));
        Assert.Equal("authenticated", status.GetProperty("status").GetString());
        Assert.Equal("ExampleCable", status.GetProperty("profile").GetProperty("mvpd").GetString());

        // The profile, with the user's metadata.
        var profiles = await client.GetFromJsonAsync<JsonElement>("/api/profiles");
        var profile = Assert.Single(profiles.GetProperty("profiles").EnumerateArray());
        Assert.Equal("regular", profile.GetProperty("type").GetString());
        Assert.True(profile.GetProperty("attributes").TryGetProperty("userID", out _));

        // One DCR client for the device, one token, and one poll (the clock moved one interval).
        var emulator = _app.Emulator.State();
        Assert.Equal(1, emulator.RegistrationCount);
        Assert.Equal(1, emulator.GetSignInPolls(code));
    }

    [Fact]
    public async Task LogsOfAWholeSignIn_HoldNoTokenSecretOrDeviceId()
    {
        const string deviceId = "secret-device-id-0042";
        var (client, deviceToken, deviceKey) = await _app.RegisterDeviceAsync(deviceId);
        var start = await (await client.PostAsJsonAsync("/api/authentication/sessions", new { mvpd = "ExampleCable" })).Content.ReadFromJsonAsync<JsonElement>();
        await BrowserLogin.SignInAsync(start.GetProperty("loginUrl").GetString()!, "alice", "alice-pw");
        await _app.AdvanceAsync(TimeSpan.FromSeconds(15));
        await client.GetFromJsonAsync<JsonElement>($"/api/authentication/sessions/{start.GetProperty("code").GetString()}?wait=10");
        var record = await _app.DevHost.Services.GetRequiredService<IDeviceStore>().FindAsync(deviceKey, CancellationToken.None);

        var logs = string.Join('\n', _app.Logs.Lines);

        Assert.Contains(deviceKey, logs, StringComparison.Ordinal); // the logs do name the device, by its key
        Assert.DoesNotContain(deviceToken.Split('.')[2], logs, StringComparison.Ordinal);
        Assert.DoesNotContain(deviceId, logs, StringComparison.Ordinal);
        Assert.DoesNotContain(record!.Credentials.ClientSecret, logs, StringComparison.Ordinal);
        Assert.DoesNotContain(record.AccessToken!.Value, logs, StringComparison.Ordinal);
    }

    [Fact]
    public async Task NewerSignInReplacesTheOlderOne()
    {
        var (client, _, _) = await _app.RegisterDeviceAsync("bedroom-tv");
        var first = await StartAsync(client);
        var second = await StartAsync(client);

        var old = await client.GetFromJsonAsync<JsonElement>($"/api/authentication/sessions/{first}");

        Assert.Equal("expired", old.GetProperty("status").GetString());
        Assert.Equal("replaced", old.GetProperty("reason").GetString());
        var current = await client.GetFromJsonAsync<JsonElement>($"/api/authentication/sessions/{second}");
        Assert.Equal("pending", current.GetProperty("status").GetString());
    }

    [Fact]
    public async Task SignInNobodyCompletes_ExpiresAfterThirtyMinutes()
    {
        var (client, _, _) = await _app.RegisterDeviceAsync("kitchen-tv");
        var code = await StartAsync(client);

        await _app.AdvancePastDeadlineAsync(TimeSpan.FromMinutes(30));
        // Asked after the clock moved: a long poll started before it would time out on the same step of the fake clock
        // as the workflow's deadline, and could answer "pending" first on a loaded machine. This one waits (on the
        // stopped clock) for the expiry's change notice, or answers at once if the expiry is already written.
        var status = await client.GetFromJsonAsync<JsonElement>($"/api/authentication/sessions/{code}?wait=30").WaitAsync(TimeSpan.FromSeconds(20));

        Assert.Equal("expired", status.GetProperty("status").GetString());
    }

    [Fact]
    public async Task DevHostRestartedMidPolling_ResumesAndNoticesTheLogin()
    {
        var (client, token, _) = await _app.RegisterDeviceAsync("den-tv");
        var start = await (await client.PostAsJsonAsync("/api/authentication/sessions", new { mvpd = "ExampleCable" })).Content.ReadFromJsonAsync<JsonElement>();
        var code = start.GetProperty("code").GetString()!;

        await _app.RestartDevHostAsync();
        await BrowserLogin.SignInAsync(start.GetProperty("loginUrl").GetString()!, "bob", "bob-pw");
        using var after = _app.CreateClient(token);
        var waiting = after.GetFromJsonAsync<JsonElement>($"/api/authentication/sessions/{code}?wait=30");
        await _app.AdvanceAsync(TimeSpan.FromSeconds(15));
        var status = await waiting.WaitAsync(TimeSpan.FromSeconds(20));

        Assert.Equal("authenticated", status.GetProperty("status").GetString());
    }

    [Fact]
    public async Task DeviceRegisteringAgain_KeepsItsDcrClient()
    {
        var (_, first, _) = await _app.RegisterDeviceAsync("hall-tv");
        var (client, _, _) = await _app.ReRegisterDeviceAsync("hall-tv", first);

        var mvpds = await client.GetAsync("/api/mvpds");

        Assert.Equal(HttpStatusCode.OK, mvpds.StatusCode);
        Assert.Equal(1, _app.Emulator.State().RegistrationCount);
    }

    private static async Task<string> StartAsync(HttpClient client)
    {
        var response = await client.PostAsJsonAsync("/api/authentication/sessions", new { mvpd = "ExampleCable" });
        Assert.Equal(HttpStatusCode.Accepted, response.StatusCode);
        return (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("code").GetString()!;
    }
}
