using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using Azure.Data.Tables;
using PassBroker.Integration.Tests.Support;
using PassBroker.Testing.EndToEnd;
using PassBroker.Testing.Hosting;
using PassBroker.Testing.Hosting.Azurite;

namespace PassBroker.Integration.Tests.Admin;

/// <summary>A data-key rotation as operators run it, over HTTP: new key, re-seal route, devices keep working.</summary>
[Collection(AzuriteCollection.Name)]
public sealed class DataKeyResealEndToEndTests(AzuriteFixture azurite) : IAsyncLifetime
{
    private const string SecondKey = "HyAhIiMkJSYnKCkqKywtLi8wMTIzNDU2Nzg5Ojs8PT4=";
    private PassBrokerApplication _app = null!;

    public async Task InitializeAsync() => _app = await PassBrokerApplication.StartAsync(azurite);

    public async Task DisposeAsync() => await _app.DisposeAsync();

    [Fact]
    public async Task Rotation_ResealMovesEveryDevice_DevicesKeepWorking()
    {
        var devices = new List<HttpClient>();
        for (var i = 0; i < 3; i++)
        {
            devices.Add((await _app.RegisterDeviceAsync($"reseal-tv-{i}")).Client);
        }
        await _app.SignInAsync(devices[0], "alice", "alice-pw");

        await _app.RestartDevHostAsync("--Storage:DataKeys:Current=test2", $"--Storage:DataKeys:Keys:test2={SecondKey}");
        var reports = new List<JsonElement>();
        string? continuation = null;
        do
        {
            var response = await Admin().PostAsJsonAsync("/api/admin/data-keys/reseal", new { continuation, maxRows = 2 });
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            var report = await response.Content.ReadFromJsonAsync<JsonElement>();
            reports.Add(report);
            // Always present, null on the last page: the README tells operators to loop until it is null.
            continuation = report.GetProperty("continuation").GetString();
        }
        while (continuation is not null);

        Assert.Equal(3, reports.Sum(r => r.GetProperty("resealed").GetInt32()));
        Assert.All(reports, r => Assert.Equal("test2", r.GetProperty("currentVersion").GetString()));
        await foreach (var row in _app.RawTable("devices").QueryAsync<TableEntity>())
        {
            Assert.StartsWith("v1:test2:", row.GetString("ClientSecret"), StringComparison.Ordinal);
        }
        // The signed-in device still reads its profile with a credential that was re-sealed under it.
        var profiles = await Client(devices[0]).GetFromJsonAsync<JsonElement>("/api/profiles");
        Assert.Single(profiles.GetProperty("profiles").EnumerateArray());
    }

    [Theory]
    [InlineData("""{"maxRows":0}""", "validation_failed")]
    [InlineData("""{"maxRows":1001}""", "validation_failed")]
    [InlineData("""{"maxRows":"ten"}""", "invalid_json")]
    [InlineData("""{"continuation":"not-a-token-we-issued"}""", "validation_failed")]
    public async Task BadRequest_Clear400(string body, string code)
    {
        var response = await Admin().PostAsync("/api/admin/data-keys/reseal", new StringContent(body, System.Text.Encoding.UTF8, "application/json"));

        await ProblemAssert.IsProblemAsync(response, HttpStatusCode.BadRequest, code);
    }

    [Fact]
    public async Task WithoutTheAdminKey_Refused()
    {
        var (device, _, _) = await _app.RegisterDeviceAsync("sneaky-tv");

        await ProblemAssert.IsProblemAsync(await device.PostAsync("/api/admin/data-keys/reseal", null), HttpStatusCode.Forbidden, "device_token_not_allowed");
        await ProblemAssert.IsProblemAsync(await _app.CreateClient().PostAsync("/api/admin/data-keys/reseal", null), HttpStatusCode.Unauthorized, "missing_admin_credential");
    }

    [Fact]
    public async Task AdminKeySecretMissing_EveryAdminRequestRefusedAndTheOperatorsTold()
    {
        await _app.RestartDevHostAsync("--Admin:ApiKeySecret=no-such-secret");

        await ProblemAssert.IsProblemAsync(await Admin().PostAsync("/api/admin/data-keys/reseal", null), HttpStatusCode.Unauthorized, "invalid_admin_credential");

        Assert.Contains(_app.Logs.Lines, line => line.Contains("secret no-such-secret is missing", StringComparison.Ordinal));
    }

    [Fact]
    public async Task SoftwareStatementMissing_Registration503NamingNothingSecret()
    {
        await _app.RestartDevHostAsync("--AdobePass:SoftwareStatementSecret=no-statement");

        var response = await _app.CreateClient().PostAsJsonAsync("/api/devices", TestRequests.Registration("new-tv"));

        await ProblemAssert.IsProblemAsync(response, HttpStatusCode.ServiceUnavailable, "service_misconfigured");
        Assert.Contains(_app.Logs.Lines, line => line.Contains("'no-statement' is missing", StringComparison.Ordinal));
    }

    [Fact]
    public async Task NoSecretValue_InAnyLogLine()
    {
        var (device, _, _) = await _app.RegisterDeviceAsync("quiet-tv");
        await _app.SignInAsync(device, "alice", "alice-pw");
        await device.GetAsync("/api/profiles");
        await Admin().PostAsJsonAsync("/api/admin/data-keys/reseal", new { });
        await Admin().PostAsJsonAsync("/api/admin/temppass/reset", new { kind = "basic", all = true });

        var logs = string.Join('\n', _app.Logs.Lines);
        Assert.NotEmpty(_app.Logs.Lines);
        foreach (var secret in new[]
        {
            PassBrokerApplication.AdminKey, "dev-software-statement", TestCertificates.Primary.Pkcs12Base64[..64],
            TestCertificates.Backup.Pkcs12Base64[..64], "AAECAwQFBgcICQoLDA0ODxAREhMUFRYXGBkaGxwdHh8=",
        })
        {
            Assert.DoesNotContain(secret, logs, StringComparison.Ordinal);
        }
    }

    private HttpClient Admin()
    {
        var admin = _app.CreateClient();
        admin.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", PassBrokerApplication.AdminKey);
        return admin;
    }

    // A client made before a restart points at the old host's handler; same token, new host.
    private HttpClient Client(HttpClient before) =>
        _app.CreateClient(before.DefaultRequestHeaders.Authorization!.Parameter);
}
