using System.Diagnostics.Metrics;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Diagnostics.Metrics.Testing;
using PassBroker.Core.Telemetry;
using PassBroker.Integration.Tests.Support;
using PassBroker.Testing.EndToEnd;
using PassBroker.Testing.Hosting;
using PassBroker.Testing.Hosting.Azurite;

namespace PassBroker.Integration.Tests.Brands;

/// <summary>
/// A second brand's sign-in left pending by a DevHost restart is resumed as that brand's: its end is counted under its
/// brand, not the default one, in either polling shape (resumed as a workflow, or as a shard's row). Over real HTTP
/// with the DevHost, the emulator and Azurite, the clock faked.
/// </summary>
[Collection(AzuriteCollection.Name)]
public sealed class ResumedSignInBrandEndToEndTests(AzuriteFixture azurite)
{
    [Theory]
    [InlineData("PerSignIn")]
    [InlineData("Sharded")]
    public async Task SecondBrandsSignInPendingAcrossARestart_ExpiresUnderItsBrand(string shape)
    {
        // Arrange: the second brand's device starts a sign-in nobody completes, then the DevHost restarts.
        await using var app = await PassBrokerApplication.StartAsync(azurite, [.. TestSettings.SecondBrandSettings, $"--SignIn:PollingShape={shape}"]);
        var (client, token, _) = await app.RegisterDeviceAsync("porch-tv", TestSettings.SecondBrand);
        var start = await client.PostAsJsonAsync("/api/authentication/sessions", new { mvpd = "ExampleCable" });
        Assert.Equal(HttpStatusCode.Accepted, start.StatusCode);
        var code = (await start.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("code").GetString()!;
        await app.RestartDevHostAsync();
        using var expired = new MetricCollector<long>(app.DevHost.Services.GetRequiredService<IMeterFactory>(), PassBrokerTelemetry.Name, "passbroker.signin.expired");

        // Act: past the code's 30 minutes, the resumed workflow expires it.
        await app.AdvancePastDeadlineAsync(TimeSpan.FromMinutes(30));
        using var after = app.CreateClient(token);
        var status = await after.GetFromJsonAsync<JsonElement>($"/api/authentication/sessions/{code}?wait=30").WaitAsync(TimeSpan.FromSeconds(20));

        // Assert: the metric is recorded just after the session is written, so it is awaited, not read at once.
        Assert.Equal("expired", status.GetProperty("status").GetString());
        await expired.WaitForMeasurementsAsync(1, TimeSpan.FromSeconds(20));
        var measurement = Assert.Single(expired.GetMeasurementSnapshot());
        Assert.Equal(TestSettings.SecondBrand, measurement.Tags[PassBrokerTelemetry.Tags.Brand]);
    }
}
