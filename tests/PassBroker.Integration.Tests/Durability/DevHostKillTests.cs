using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using PassBroker.Emulator;
using PassBroker.Integration.Tests.Support;
using PassBroker.Testing.EndToEnd;
using PassBroker.Testing.Hosting;
using PassBroker.Testing.Hosting.Azurite;

namespace PassBroker.Integration.Tests.Durability;

/// <summary>
/// The DevHost killed (SIGKILL, no graceful shutdown) while it polls Adobe for 20 pending sign-ins; the users log in
/// while it is down; the next DevHost on the same storage resumes every one and each ends authenticated. Real
/// processes and real time (a 3 s poll interval), the emulator in this process.
/// </summary>
[Collection(AzuriteCollection.Name)]
public sealed class DevHostKillTests(AzuriteFixture azurite)
{
    private const int SignIns = 20;

    [Fact]
    public async Task KilledMidPolling_NextDevHostResumesEveryPendingSignIn()
    {
        await using var emulator = await RunningApp.StartAsync(urls => EmulatorApp.Create([urls]));
        var upstream = emulator.BaseAddress.GetLeftPart(UriPartial.Authority);
        var port = LoopbackPorts.Free();
        string[] settings =
        [
            "--DevHost:StartEmulator=false",
            "--DevHost:StartAzurite=false",
            $"--AdobePass:BaseUrl={upstream}",
            $"--AdobePass:ManagementBaseUrl={upstream}",
            "--AdobePass:ServiceProvider=REF30",
            // Twenty test devices share one IP: Adobe's per-IP pacing would (rightly) hold most of them back.
            "--AdobePass:Pacing:Enabled=false",
            $"--Secrets:Values:software-statement={PassBrokerApplication.SoftwareStatement}",
            $"--Secrets:Values:admin-api-key={PassBrokerApplication.AdminKey}",
            $"--Storage:ConnectionString={azurite.ConnectionString}",
            "--Storage:TablePrefix=k" + Guid.NewGuid().ToString("N")[..10],
            "--Storage:DataKeys:Current=test1",
            $"--Storage:DataKeys:Keys:test1={PassBrokerApplication.DataKey}",
            "--SignIn:PollInterval=00:00:03",
            "--SignIn:RedirectUrl=http://127.0.0.1/authn/done",
            "--Logging:LogLevel:Default=Warning",
            "--Logging:LogLevel:PassBroker.DevHost=Information",
        ];

        var devices = new List<(string Token, string Code, string LoginUrl)>();
        await using (var first = await DevHostProcess.StartAsync(port, settings))
        {
            for (var i = 0; i < SignIns; i++)
            {
                devices.Add(await StartSignInAsync(first, $"kill-tv-{i}"));
            }
            // Mid-polling: every sign-in has been polled at least once, and none has a profile yet.
            await WaitUntilAsync(() => devices.All(d => emulator.State().GetSignInPolls(d.Code) > 0), TimeSpan.FromSeconds(30));
            first.Kill();
        }

        // The users log in at their MVPD while no PassBroker runs.
        foreach (var (_, _, loginUrl) in devices)
        {
            await BrowserLogin.SignInAsync(loginUrl, "alice", "alice-pw");
        }

        await using var second = await DevHostProcess.StartAsync(port, settings);
        var statuses = await Task.WhenAll(devices.Select(async d =>
        {
            using var client = second.CreateClient(d.Token);
            var status = await client.GetFromJsonAsync<JsonElement>($"/api/authentication/sessions/{d.Code}?wait=30");
            return status.GetProperty("status").GetString();
        }));

        Assert.All(statuses, s => Assert.Equal("authenticated", s));
        Assert.Contains($"Resumed {SignIns} pending sign-in(s) from storage", second.Output, StringComparison.Ordinal);
    }

    private static async Task<(string Token, string Code, string LoginUrl)> StartSignInAsync(DevHostProcess host, string deviceId)
    {
        using var anonymous = host.CreateClient();
        var registered = await anonymous.PostAsJsonAsync("/api/devices", TestRequests.Registration(deviceId));
        Assert.Equal(HttpStatusCode.Created, registered.StatusCode);
        var token = (await registered.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("deviceToken").GetString()!;
        using var device = host.CreateClient(token);
        var started = await device.PostAsJsonAsync("/api/authentication/sessions", new { mvpd = "ExampleCable" });
        Assert.Equal(HttpStatusCode.Accepted, started.StatusCode);
        var session = await started.Content.ReadFromJsonAsync<JsonElement>();
        return (token, session.GetProperty("code").GetString()!, session.GetProperty("loginUrl").GetString()!);
    }

    private static async Task WaitUntilAsync(Func<bool> condition, TimeSpan timeout)
    {
        using var deadline = new CancellationTokenSource(timeout);
        while (!condition())
        {
            await Task.Delay(200, deadline.Token);
        }
    }
}
