using System.Text.Json;
using PassBroker.Testing.Hosting;

namespace PassBroker.Emulator.Tests.ServiceProviders;

/// <summary>
/// The emulator with a second service provider (<see cref="SecondServiceProvider"/>) that encrypts user metadata for its
/// own certificate, while the first encrypts nothing, and a software statement linked to both.
/// </summary>
public sealed class TwoServiceProvidersFixture : EmulatorFixture
{
    public const string First = ServiceProvider;
    public const string Second = SecondServiceProvider.Id;

    /// <summary>A programmer-level registered application linked to both providers.</summary>
    public const string BothStatement = "dev-software-statement-both";

    protected override string[] Settings =>
    [
        $"--Emulator:SoftwareStatements:1={BothStatement}",
        .. SecondServiceProvider.Settings(metadataCertificate: TestCertificates.Backup.PublicDerBase64, alsoLinkedStatements: BothStatement),
    ];

    /// <summary>A REST API V2 GET on the service provider, with the device's token and device headers.</summary>
    public Task<HttpResponseMessage> GetAsync(string serviceProvider, string resource, TestDevice device) =>
        GetAsync($"/api/v2/{serviceProvider}/{resource}", device, deviceHeaders: true);

    /// <summary>Opens a complete session for the MVPD on the service provider; returns the answer's JSON.</summary>
    public async Task<JsonElement> OpenSessionAsync(TestDevice device, string serviceProvider, string mvpd)
    {
        using var response = await SendAsync(
            HttpMethod.Post, $"/api/v2/{serviceProvider}/sessions", device, deviceHeaders: true,
            ("mvpd", mvpd), ("domainName", "localhost"), ("redirectUrl", RedirectUrl));
        return await JsonAssert.OkJsonAsync(response);
    }

    public Task<HttpResponseMessage> DecideAsync(TestDevice device, string serviceProvider, string kind, string mvpd, params string[] resources) =>
        DecideTempPassAsync(serviceProvider, device, kind, mvpd, identity: null, resources);
}
