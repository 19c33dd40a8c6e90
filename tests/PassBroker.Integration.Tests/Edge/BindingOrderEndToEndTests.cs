using System.Net;
using System.Net.Http.Json;
using System.Text;
using PassBroker.Core.Errors;
using PassBroker.Integration.Tests.Support;
using PassBroker.Testing.EndToEnd;
using PassBroker.Testing.Hosting.Azurite;
using PassBroker.Testing.Hosting;

namespace PassBroker.Integration.Tests.Edge;

/// <summary>
/// The order in which a device route's parameters are bound (Http/Binding, Http/Limits), over real HTTP: the device
/// token before the body, a limit before the body, a sign-in's limit after the device; each failure answers the
/// Problem Details of the first check that fails.
/// </summary>
[Collection(AzuriteCollection.Name)]
public sealed class BindingOrderEndToEndTests(AzuriteFixture azurite)
{
    private static StringContent Json(string json) => new(json, Encoding.UTF8, "application/json");

    [Fact]
    public async Task DeviceRoutes_WithoutToken_AreRefusedBeforeTheirBodyIsRead()
    {
        await using var app = await PassBrokerApplication.StartAsync(azurite);
        using var anonymous = app.CreateClient();

        foreach (var path in (string[])["/api/decisions/authorize", "/api/decisions/preauthorize", "/api/temppass", "/api/logout", "/api/authentication/sessions"])
        {
            var response = await anonymous.PostAsync(path, Json("{ not json"));

            await ProblemAssert.IsProblemAsync(response, HttpStatusCode.Unauthorized, ErrorCodes.MissingDeviceToken);
        }
    }

    [Fact]
    public async Task Registration_OverItsLimit_IsRefusedBeforeItsBodyIsRead()
    {
        await using var app = await PassBrokerApplication.StartAsync(azurite, "--Limits:RegistrationsPerClient=1");
        using var anonymous = app.CreateClient();
        Assert.Equal(HttpStatusCode.Created, (await anonymous.PostAsJsonAsync("/api/devices", TestRequests.Registration("limit-tv"))).StatusCode);

        var response = await anonymous.PostAsync("/api/devices", Json("{ not json"));

        await ProblemAssert.IsProblemAsync(response, HttpStatusCode.TooManyRequests, ErrorCodes.RateLimited);
    }

    [Fact]
    public async Task SignIn_IsCountedAfterTheDeviceAndBeforeTheBody()
    {
        await using var app = await PassBrokerApplication.StartAsync(azurite, "--Limits:SignInsPerClient=1");
        var (device, _, _) = await app.RegisterDeviceAsync("sign-in-limit-tv");
        using var anonymous = app.CreateClient();

        // A stranger's start is refused and not counted: the one start this client may make is still there.
        await ProblemAssert.IsProblemAsync(await anonymous.PostAsync("/api/authentication/sessions", Json("{ not json")),
            HttpStatusCode.Unauthorized, ErrorCodes.MissingDeviceToken);
        // A bad body is counted (the limit comes first) and then refused for what it is.
        await ProblemAssert.IsProblemAsync(await device.PostAsync("/api/authentication/sessions", Json("{ not json")),
            HttpStatusCode.BadRequest, ErrorCodes.InvalidJson);

        var response = await device.PostAsync("/api/authentication/sessions", Json("{ not json"));

        await ProblemAssert.IsProblemAsync(response, HttpStatusCode.TooManyRequests, ErrorCodes.RateLimited);
        Assert.DoesNotContain(app.Upstream.Exchanges, e => e.Path.Contains("/sessions", StringComparison.Ordinal));
    }

    [Fact]
    public async Task OptionalBody_LeftOut_IsNoBody_ButASentOne_IsRead()
    {
        await using var app = await PassBrokerApplication.StartAsync(azurite);
        var (device, _, _) = await app.RegisterDeviceAsync("optional-body-tv");

        var withoutBody = await device.PostAsync("/api/logout", null);
        var nullBody = await device.PostAsync("/api/logout", Json("null"));

        Assert.Equal(HttpStatusCode.OK, withoutBody.StatusCode);
        await ProblemAssert.IsProblemAsync(nullBody, HttpStatusCode.BadRequest, ErrorCodes.InvalidJson);
    }
}
