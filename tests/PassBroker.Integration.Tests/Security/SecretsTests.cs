using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Numerics;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using System.Text.RegularExpressions;
using Microsoft.Extensions.DependencyInjection;
using PassBroker.Core.Devices;
using PassBroker.Core.Management;
using PassBroker.Integration.Tests.Support;
using PassBroker.Testing.EndToEnd;
using PassBroker.Testing.Hosting.Azurite;

namespace PassBroker.Integration.Tests.Security;

/// <summary>
/// Credentials stay secret: device tokens cannot be guessed and are stored only as hashes, and after a tour of every
/// route no log line and no stored row holds a token, a client secret, an access token, a key or a raw e-mail.
/// </summary>
[Collection(AzuriteCollection.Name)]
public sealed partial class SecretsTests(AzuriteFixture azurite) : IAsyncLifetime
{
    private const string Email = "secret.viewer+tv@example.net";
    private PassBrokerApplication _app = null!;

    public async Task InitializeAsync() => _app = await PassBrokerApplication.StartAsync(azurite);

    public async Task DisposeAsync() => await _app.DisposeAsync();

    [Fact]
    public async Task DeviceTokens_Carry256RandomUrlSafeBitsAndAreStoredOnlyAsTheirHash()
    {
        var tokens = new List<(string Token, string DeviceKey)>();
        for (var i = 0; i < 24; i++)
        {
            var (client, token, deviceKey) = await _app.RegisterDeviceAsync($"entropy-tv-{i % 12}"); // half are re-registrations
            client.Dispose();
            tokens.Add((token, deviceKey));
        }

        var secrets = tokens.Select(t => t.Token.Split('.')[2]).ToList();
        Assert.All(tokens, t => Assert.Matches(TokenShape(), t.Token));
        Assert.Equal(secrets.Count, secrets.Distinct(StringComparer.Ordinal).Count());
        var bytes = secrets.Select(s => Convert.FromBase64String(s.Replace('-', '+').Replace('_', '/') + "=")).ToList();
        Assert.All(bytes, b => Assert.Equal(32, b.Length)); // 256 bits; at least 128 required
        // Random bits are about half ones: 24 × 256 bits give 3,072 ± 4σ (≈ 157); a constant or counter-like secret would not.
        var ones = bytes.Sum(b => b.Sum(x => BitOperations.PopCount(x)));
        Assert.InRange(ones, 3072 - 157, 3072 + 157);

        var rows = await _app.StoredRowsAsync();
        foreach (var (token, deviceKey) in tokens.TakeLast(12))
        {
            var secret = token.Split('.')[2];
            var stored = await _app.DevHost.Services.GetRequiredService<IDeviceStore>().FindAsync(deviceKey, CancellationToken.None);
            Assert.Equal(Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(secret))), stored!.DeviceTokenHash);
        }
        SecretScan.AssertAbsent(secrets.Select((s, i) => KeyValuePair.Create($"device token secret #{i}", s)).ToDictionary(), rows, "stored rows");
    }

    [Fact]
    public async Task EveryLogLineAndStoredRow_AfterATourOfEveryRoute_HoldsNoSecret()
    {
        var (a, tokenA, keyA) = await _app.RegisterDeviceAsync("tour-tv-a");
        var (_, rotatedA, _) = await _app.ReRegisterDeviceAsync("tour-tv-a", tokenA); // the first token is rotated out
        using var a2 = _app.CreateClient(rotatedA);
        var (b, tokenB, keyB) = await _app.RegisterDeviceAsync("tour-tv-b");
        await a2.GetAsync("/api/mvpds");
        await _app.SignInAsync(a2, "alice", "alice-pw");
        await a2.GetAsync("/api/profiles");
        await a2.PostAsJsonAsync("/api/decisions/preauthorize", new { resources = new[] { "show-1", "show-2" } });
        var play = await (await a2.PostAsJsonAsync("/api/decisions/authorize", new { resource = "show-1" })).Content.ReadFromJsonAsync<JsonElement>();
        var mediaToken = play.GetProperty("mediaToken").GetProperty("serializedToken").GetString()!;
        await a2.PostAsJsonAsync("/api/logout", new { });
        // Device B: a Temp Pass trial by e-mail, the operators' reset by e-mail, a second-screen sign-in, bad credentials.
        await b.PostAsJsonAsync("/api/temppass", new { kind = "promotional", email = Email });
        await b.PostAsJsonAsync("/api/decisions/authorize", new { resource = "show-1", mvpd = "TempPassPromo_REF30" });
        await b.GetAsync("/api/temppass?kind=promotional");
        using (var admin = _app.CreateClient())
        {
            admin.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", PassBrokerApplication.AdminKey);
            Assert.Equal(HttpStatusCode.OK, (await admin.PostAsJsonAsync("/api/admin/temppass/reset", new { kind = "promotional", email = Email })).StatusCode);
        }
        var session = await (await b.PostAsJsonAsync("/api/authentication/sessions", new { })).Content.ReadFromJsonAsync<JsonElement>();
        using var browser = _app.CreateClient();
        await browser.PostAsync("/authn", new FormUrlEncodedContent([KeyValuePair.Create("code", session.GetProperty("code").GetString()!)]));
        using var stale = _app.CreateClient(tokenA);
        await stale.GetAsync("/api/profiles");
        using var wrongAdmin = _app.CreateClient(tokenB);
        await wrongAdmin.PostAsJsonAsync("/api/admin/temppass/reset", new { kind = "basic", all = true });

        var store = _app.DevHost.Services.GetRequiredService<IDeviceStore>();
        var deviceA = (await store.FindAsync(keyA, CancellationToken.None))!;
        var deviceB = (await store.FindAsync(keyB, CancellationToken.None))!;
        var management = (await _app.DevHost.Services.GetRequiredService<IManagementClientStore>().FindAsync(CancellationToken.None))!;
        var secrets = new Dictionary<string, string>
        {
            ["rotated-out device token"] = tokenA,
            ["rotated-out device token secret"] = tokenA.Split('.')[2],
            ["device token"] = rotatedA,
            ["device token secret"] = rotatedA.Split('.')[2],
            ["device B token secret"] = tokenB.Split('.')[2],
            ["client secret of A"] = deviceA.Credentials.ClientSecret,
            ["client secret of B"] = deviceB.Credentials.ClientSecret,
            ["access token of A"] = deviceA.AccessToken!.Value,
            ["access token of B"] = deviceB.AccessToken!.Value,
            ["management client secret"] = management.Credentials.ClientSecret,
            ["management access token"] = management.AccessToken!.Value,
            ["media token"] = mediaToken,
            ["admin key"] = PassBrokerApplication.AdminKey,
            ["data key"] = PassBrokerApplication.DataKey,
            ["software statement"] = PassBrokerApplication.SoftwareStatement,
            ["raw e-mail"] = Email,
        };

        SecretScan.AssertAbsent(secrets, _app.Logs.Lines, "DevHost logs");
        SecretScan.AssertAbsent(new Dictionary<string, string> { ["device id"] = "tour-tv-a" }, _app.Logs.Lines, "DevHost logs");
        var rows = await _app.StoredRowsAsync();
        SecretScan.AssertAbsent(secrets, rows, "stored rows");
        // Device ids are sealed at rest: whoever reads a table or a backup learns no id to register with.
        SecretScan.AssertAbsent(new Dictionary<string, string> { ["device id"] = "tour-tv-a" }, rows, "stored rows");
        // The scan did read the rows that hold sealed secrets and the e-mail's hash.
        Assert.Contains(rows, r => r.Contains(keyA, StringComparison.Ordinal) && r.Contains("ClientSecret", StringComparison.Ordinal));
        Assert.Contains(rows, r => r.Contains(management.Credentials.ClientId, StringComparison.Ordinal) && r.Contains("ClientSecret", StringComparison.Ordinal));
        Assert.Contains(rows, r => r.Contains(Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(Email))), StringComparison.Ordinal));
    }

    [GeneratedRegex("^pbd1\\.[0-9a-f]{32}\\.[A-Za-z0-9_-]{43}$")]
    private static partial Regex TokenShape();
}
