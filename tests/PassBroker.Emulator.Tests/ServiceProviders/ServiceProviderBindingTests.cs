using System.Net;
using PassBroker.Testing.Hosting;
using static PassBroker.Emulator.Tests.ServiceProviders.TwoServiceProvidersFixture;

namespace PassBroker.Emulator.Tests.ServiceProviders;

/// <summary>
/// DCR binds a client to the service providers its software statement's registered application is linked to; a token
/// used anywhere else is Adobe's <c>invalid_access_token_service_provider</c> (401, action <c>application-registration</c>).
/// </summary>
public sealed class ServiceProviderBindingTests(TwoServiceProvidersFixture emulator) : IClassFixture<TwoServiceProvidersFixture>
{
    public static TheoryData<string, string, string> Routes => new()
    {
        // Statement, the provider it is not linked to, and a REST API V2 route there.
        { EmulatorFixture.SoftwareStatement, Second, "configuration" },
        { EmulatorFixture.SoftwareStatement, Second, "profiles" },
        { EmulatorFixture.SoftwareStatement, Second, $"logout/{SecondServiceProvider.SharedMvpd}" },
        { SecondServiceProvider.SoftwareStatement, First, "configuration" },
        { SecondServiceProvider.SoftwareStatement, First, "profiles/ExampleSat" },
    };

    [Theory]
    [MemberData(nameof(Routes))]
    public async Task Token_OnProviderItsStatementIsNotLinkedTo_Returns401InvalidAccessTokenServiceProvider(
        string statement, string otherProvider, string route)
    {
        var device = await emulator.RegisterDeviceAsync(softwareStatement: statement);

        using var response = await emulator.GetAsync(otherProvider, route, device);

        var error = await JsonAssert.EnhancedErrorAsync(response, HttpStatusCode.Unauthorized, "invalid_access_token_service_provider");
        Assert.Equal("application-registration", error.GetProperty("action").GetString());
    }

    [Fact]
    public async Task Token_OnOtherProvider_CannotOpenSessionOrDecide()
    {
        var device = await emulator.RegisterDeviceAsync(softwareStatement: EmulatorFixture.SoftwareStatement);

        using var decide = await emulator.DecideAsync(device, Second, "authorize", SecondServiceProvider.TempPassMvpd, "channel-1");

        await JsonAssert.EnhancedErrorAsync(decide, HttpStatusCode.Unauthorized, "invalid_access_token_service_provider");
        Assert.DoesNotContain(emulator.State.ListTempPassTrials(), t => t.DeviceIds.Contains(device.DeviceId));
    }

    [Theory]
    [InlineData(EmulatorFixture.SoftwareStatement, First)]
    [InlineData(SecondServiceProvider.SoftwareStatement, Second)]
    [InlineData(BothStatement, First)]
    [InlineData(BothStatement, Second)]
    public async Task Token_OnLinkedProvider_Returns200(string statement, string serviceProvider)
    {
        var device = await emulator.RegisterDeviceAsync(softwareStatement: statement);

        using var response = await emulator.GetAsync(serviceProvider, "configuration", device);

        await JsonAssert.OkJsonAsync(response);
    }

    [Fact]
    public async Task UnknownProvider_StillReturns400InvalidParameterServiceProvider()
    {
        var device = await emulator.RegisterDeviceAsync(softwareStatement: BothStatement);

        using var response = await emulator.GetAsync("REF99", "configuration", device);

        await JsonAssert.EnhancedErrorAsync(response, HttpStatusCode.BadRequest, "invalid_parameter_service_provider");
    }

    [Fact]
    public async Task TempPassReset_ForRequestorNotLinked_Returns401()
    {
        var device = await emulator.RegisterDeviceAsync(softwareStatement: EmulatorFixture.SoftwareStatement);

        using var response = await emulator.ResetTempPassAsync(
            $"/reset-tempass/v3/reset?requestor_id={Second}&mvpd_id={SecondServiceProvider.TempPassMvpd}", device.AccessToken);

        await JsonAssert.EnhancedErrorAsync(response, HttpStatusCode.Unauthorized, "invalid_access_token_service_provider");
    }

    [Fact]
    public async Task Register_UnknownStatement_StillInvalidSoftwareStatement()
    {
        using var response = await emulator.RegisterAsync("""{"software_statement":"no-such-statement"}""");

        await JsonAssert.OAuthErrorAsync(response, "invalid_software_statement");
    }
}
