using System.ComponentModel.DataAnnotations;
using System.Net.Http.Headers;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using PassBroker.AdobePass.Headers;
using PassBroker.AdobePass.Management;
using PassBroker.AdobePass.Tests.Handlers;
using PassBroker.Core.Upstream;

namespace PassBroker.AdobePass.Tests.Management;

/// <summary>How the management client describes itself to DCR: a stated, configurable server identity, never a device's.</summary>
public sealed class ManagementClientIdentityTests
{
    [Fact]
    public void Defaults_NamePassBrokerOnItsOs_WithoutAHardwareTypeAdobeDoesNotList()
    {
        var info = new ManagementClientOptions().ToDeviceInfo();

        Assert.Equal(("PassBroker", "LAN", null), (info.Model, info.ConnectionType, info.PrimaryHardwareType));
        Assert.Contains(info.OsName, (string[])["Linux", "Windows", "Mac OS"]);
        Assert.Matches(@"^\d+\.\d+$", info.OsVersion);
        Assert.Matches(@"^\d+\.\d+\.\d+$", info.Version);
        Assert.Empty(Validate(new ManagementClientOptions()));
    }

    [Theory]
    [InlineData(nameof(ManagementClientOptions.Model), " ")]
    [InlineData(nameof(ManagementClientOptions.Version), "")]
    [InlineData(nameof(ManagementClientOptions.OsVersion), "")]
    [InlineData(nameof(ManagementClientOptions.ConnectionType), "")]
    [InlineData(nameof(ManagementClientOptions.OsName), "Solaris")]
    [InlineData(nameof(ManagementClientOptions.PrimaryHardwareType), "Server")]
    public void Validate_ValueAdobeWouldNotTake_FailsNamingTheSetting(string property, string value)
    {
        var options = new ManagementClientOptions();
        typeof(ManagementClientOptions).GetProperty(property)!.SetValue(options, value);

        var failure = Assert.Single(Validate(options));

        Assert.Equal($"ManagementClient:{property}", Assert.Single(failure.MemberNames));
    }

    [Fact]
    public async Task Registration_AndTokenRequest_CarryTheConfiguredIdentity_NoDeviceHeaders()
    {
        await using var harness = await AdobePassHarness.StartAsync();
        var sent = new List<HttpRequestMessage>();
        var instance = harness.StartInstance(
            new Dictionary<string, string?>
            {
                ["AdobePass:ManagementClient:Model"] = "BrokerUnderTest",
                ["AdobePass:ManagementClient:Version"] = "9.8.7",
                ["AdobePass:ManagementClient:PrimaryHardwareType"] = "Unknown",
            },
            services => services.ConfigureHttpClientDefaults(client => client.AddHttpMessageHandler(() => new Recorder(sent))));

        await instance.GetRequiredService<IAdobePassClient>().ResetTempPassAsync(new TempPassReset("TempPass_REF30", false, null, null), CancellationToken.None);

        var dcr = sent.Where(r => r.RequestUri!.AbsolutePath.StartsWith("/o/client/", StringComparison.Ordinal)).ToList();
        Assert.Equal(["/o/client/register", "/o/client/token"], dcr.Select(r => r.RequestUri!.AbsolutePath));
        Assert.All(dcr, request =>
        {
            var info = JsonDocument.Parse(DeviceInfoHeader.DecodeJson(Single(request.Headers, AdobeHeaders.DeviceInfo))).RootElement;
            Assert.Equal(("BrokerUnderTest", "9.8.7", "Unknown", "127.0.0.1"),
                (info.GetProperty("model").GetString(), info.GetProperty("version").GetString(),
                 info.GetProperty("primaryHardwareType").GetString(), info.GetProperty("connectionIp").GetString()));
            Assert.False(request.Headers.Contains(AdobeHeaders.DeviceIdentifier));
        });
    }

    private static List<ValidationResult> Validate(ManagementClientOptions management)
    {
        var options = new AdobePassOptions { ServiceProvider = "REF30", ManagementClient = management };
        return [.. options.Validate(new ValidationContext(options))];
    }

    private static string Single(HttpRequestHeaders headers, string name) => Assert.Single(headers.GetValues(name));

    // Outermost in the pipeline: it reads the request after the inner handlers have set its headers.
    private sealed class Recorder(List<HttpRequestMessage> sent) : DelegatingHandler
    {
        protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            var response = await base.SendAsync(request, cancellationToken);
            lock (sent)
            {
                sent.Add(request);
            }
            return response;
        }
    }
}
