using System.Net;
using System.Net.Http.Json;
using System.Net.Sockets;
using System.Text.Json;
using PassBroker.DevHost.LocalDependencies;
using PassBroker.Integration.Tests.Support;
using PassBroker.Testing.Hosting;
using PassBroker.Testing.Hosting.Azurite;
using Xunit.Abstractions;

namespace PassBroker.Integration.Tests.LocalRun;

/// <summary>
/// The DevHost as a developer runs it (a child process, Development, the project's appsettings.json, its own emulator
/// and Azurite), moved off the default ports by one setting, <c>--port</c>: every address follows, the console stays
/// short, and a stranger on Azurite's port stops the start with a message that says what to do.
/// </summary>
[Collection(AzuriteCollection.Name)]
public sealed class LocalRunTests(AzuriteFixture azurite, ITestOutputHelper output) : IDisposable
{
    private const string BannerFirstLine = "PassBroker DevHost is running. Press Ctrl+C to stop it.";

    // Where this test's own Azurite keeps its data; only the data folder is not derived from the port, so that a test
    // run leaves no .azurite-<port> folder in the checkout.
    private readonly string _data = Directory.CreateTempSubdirectory("devhost-azurite-").FullName;

    [Fact]
    public async Task OnePortSetting_MovesEveryAddress_AndAWalkThroughFitsOnAScreen()
    {
        // Arrange: one free port whose derived neighbours (emulator +9, Azurite +2931) are free as well
        var port = FreePortWithFreeNeighbours();
        var site = $"http://localhost:{port}";
        await using var host = await DevHostProcess.StartAsDeveloperAsync(new Uri(site), "--port", $"{port}", $"--DevHost:AzuriteLocation={_data}");
        using var anonymous = host.CreateClient();

        // Act: the walk-through of the .http file, as an app and a user would do it
        var registered = await anonymous.PostAsJsonAsync("/api/devices", TestRequests.Registration("local-run-tv"));
        var token = (await registered.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("deviceToken").GetString()!;
        using var device = host.CreateClient(token);
        var mvpds = await device.GetAsync("/api/mvpds");
        var started = await device.PostAsJsonAsync("/api/authentication/sessions", new { mvpd = "ExampleCable" });
        var session = await started.Content.ReadFromJsonAsync<JsonElement>();
        var landedAt = await BrowserLogin.SignInAsync(session.GetProperty("loginUrl").GetString()!, "alice", "alice-pw");
        var status = await device.GetFromJsonAsync<JsonElement>($"/api/authentication/sessions/{session.GetProperty("code").GetString()}?wait=30");
        var profiles = await device.GetAsync("/api/profiles");
        var preauthorized = await device.PostAsJsonAsync("/api/decisions/preauthorize", new { resources = new[] { "news", "sports", "movies" } });
        var authorized = await device.PostAsJsonAsync("/api/decisions/authorize", new { resource = "news" });
        var loggedOut = await device.PostAsJsonAsync("/api/logout", new { });

        // Assert: every address followed the one port
        Assert.Equal(HttpStatusCode.Created, registered.StatusCode);
        Assert.Equal(HttpStatusCode.OK, mvpds.StatusCode);
        Assert.Equal(HttpStatusCode.Accepted, started.StatusCode);
        Assert.StartsWith($"http://127.0.0.1:{port + LocalTopology.EmulatorOffset}/", session.GetProperty("loginUrl").GetString(), StringComparison.Ordinal);
        Assert.StartsWith($"{site}/authn?code=", session.GetProperty("secondScreenUrl").GetString(), StringComparison.Ordinal);
        Assert.Equal(new Uri($"{site}/authn/done"), landedAt);
        Assert.Equal("authenticated", status.GetProperty("status").GetString());
        Assert.Equal(HttpStatusCode.OK, profiles.StatusCode);
        Assert.Equal(HttpStatusCode.OK, preauthorized.StatusCode);
        Assert.Equal(HttpStatusCode.OK, authorized.StatusCode);
        Assert.Equal(HttpStatusCode.OK, loggedOut.StatusCode);

        // ... and the console tells it in a screenful: the banner first, one line per request
        await host.WaitForOutputAsync("POST /api/logout -> 200", TimeSpan.FromSeconds(10));
        output.WriteLine(host.Output);
        var lines = host.Output.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        var banner = Array.IndexOf(lines, BannerFirstLine);
        Assert.True(banner is >= 0 and <= 2, $"The banner should open the output, after at most a start-up note or two:\n{host.Output}");
        var bannerText = string.Join('\n', lines.Skip(banner).Take(8));
        Assert.Contains($"{site}/docs/", bannerText, StringComparison.Ordinal);
        Assert.Contains($"{site}/authn", bannerText, StringComparison.Ordinal);
        Assert.Contains($"{site}/sample/tv", bannerText, StringComparison.Ordinal);
        Assert.Contains($"http://127.0.0.1:{port + LocalTopology.EmulatorOffset}", bannerText, StringComparison.Ordinal);
        Assert.Contains($"http://127.0.0.1:{port + LocalTopology.AzuriteOffset}", bannerText, StringComparison.Ordinal);
        Assert.Contains(_data, bannerText, StringComparison.Ordinal);
        Assert.True(lines.Length <= 50, $"A walk-through printed {lines.Length} lines; it should fit on a screen:\n{host.Output}");
        Assert.All(lines, line => Assert.True(line.Length <= 300, $"A console line of {line.Length} characters: {line}"));
        Assert.Single(lines, line => line.Contains("POST /api/logout -> 200", StringComparison.Ordinal));
        Assert.DoesNotContain(lines, line => line.Contains(token, StringComparison.Ordinal));
    }

    [Fact]
    public async Task SomeoneElsesAzuriteOnThePort_StopsTheStartWithWhatToDo()
    {
        // Arrange: the test run's own Azurite (in memory: someone else's storage) sits on the port this DevHost wants
        var port = FreePortWithFreeNeighbours();

        // Act
        var (exitCode, output) = await DevHostProcess.RunAsDeveloperUntilExitAsync(
            "--port", $"{port}", $"--DevHost:AzuriteTablePort={azurite.Port}", $"--DevHost:AzuriteLocation={_data}");

        // Assert: no start, one message naming the port and the ways out, no stack trace
        Assert.Equal(1, exitCode);
        Assert.Contains($"PassBroker DevHost did not start: port {azurite.Port} (Azurite's) is taken by something that is not this checkout's Azurite", output, StringComparison.Ordinal);
        Assert.Contains("--port ", output, StringComparison.Ordinal);
        Assert.Contains("--DevHost:AzuriteTablePort=", output, StringComparison.Ordinal);
        Assert.DoesNotContain("   at ", output, StringComparison.Ordinal);
        Assert.DoesNotContain(BannerFirstLine, output, StringComparison.Ordinal);
    }

    public void Dispose()
    {
        try
        {
            Directory.Delete(_data, recursive: true);
        }
        catch (IOException)
        {
            // A leftover temp folder is harmless.
        }
    }

    private static int FreePortWithFreeNeighbours()
    {
        for (var attempt = 0; ; attempt++)
        {
            var port = LoopbackPorts.Free();
            if (port + LocalTopology.AzuriteOffset <= 65535 && IsFree(port + LocalTopology.EmulatorOffset) && IsFree(port + LocalTopology.AzuriteOffset) || attempt > 50)
            {
                return port;
            }
        }
    }

    private static bool IsFree(int port)
    {
        try
        {
            using var listener = new TcpListener(IPAddress.Loopback, port);
            listener.Start();
            return true;
        }
        catch (SocketException)
        {
            return false;
        }
    }
}
