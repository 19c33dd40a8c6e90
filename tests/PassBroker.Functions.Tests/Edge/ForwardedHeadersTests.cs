using System.Net;
using System.Text;
using System.Text.Json;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;
using PassBroker.Core.Errors;
using PassBroker.Functions.Tests.Hosting;
using PassBroker.Http;
using PassBroker.Http.Edge;
using PassBroker.Testing.Hosting;

namespace PassBroker.Functions.Tests.Edge;

/// <summary>
/// Whose <c>X-Forwarded-For</c> the Functions app believes: by default only the Functions host's, which reaches the
/// worker over loopback and sets the header to the caller it saw; a caller at any other address names nobody but
/// itself. Seen through the registration limit (two per client here), as the compiled function serves it.
/// </summary>
[Collection(BothHostsCollection.Name)]
public sealed class ForwardedHeadersTests(BothHostsFixture hosts) : IDisposable
{
    private readonly IHost _app = FunctionsAppHost.Build(Settings(hosts));
    private readonly CompiledFunction _register = CompiledFunctions.Http.Single(f => f.HttpTrigger!.Route == Routes.Devices);

    public void Dispose() => _app.Dispose();

    [Fact]
    public void ByDefault_TheFunctionsHostIsTheTrustedHop()
    {
        Assert.Equal(PlatformProxy.FunctionsHost, _app.Services.GetRequiredService<IOptions<HttpOptions>>().Value.PlatformProxy);
    }

    [Fact]
    public async Task FromTheFunctionsHost_XForwardedForNamesTheClient_CountedPerSlash64()
    {
        // Act: three clients in three /64s, then three addresses of one /64, all through the host's loopback hop
        var otherLines = new List<int>();
        for (var i = 1; i <= 3; i++)
        {
            otherLines.Add(await RegisterAsync(IPAddress.Loopback, $"2001:db8:20:{i:x}::1"));
        }
        var sameLine = new List<int>();
        for (var i = 1; i <= 3; i++)
        {
            sameLine.Add(await RegisterAsync(IPAddress.IPv6Loopback, $"2001:db8:30:1::{i:x}"));
        }

        // Assert
        Assert.All(otherLines, status => Assert.Equal(StatusCodes.Status201Created, status));
        Assert.Equal([StatusCodes.Status201Created, StatusCodes.Status201Created, StatusCodes.Status429TooManyRequests], sameLine);
    }

    [Fact]
    public async Task FromAnyOtherAddress_XForwardedForIsIgnored()
    {
        var caller = IPAddress.Parse("203.0.113.40");

        var statuses = new List<int>();
        for (var i = 1; i <= 3; i++)
        {
            statuses.Add(await RegisterAsync(caller, $"198.51.100.{i}"));
        }

        Assert.Equal([StatusCodes.Status201Created, StatusCodes.Status201Created, StatusCodes.Status429TooManyRequests], statuses);
    }

    private async Task<int> RegisterAsync(IPAddress connection, string forwardedFor)
    {
        var body = JsonSerializer.SerializeToUtf8Bytes(TestRequests.Registration("fn-edge-" + Guid.NewGuid().ToString("N")));
        // The registration function takes no Durable client.
        var context = await _register.InvokeAsync(_app.Services, null!, request =>
        {
            request.ContentType = "application/json";
            request.Body = new MemoryStream(body);
            request.ContentLength = body.Length;
            request.Headers["X-Forwarded-For"] = forwardedFor;
            request.HttpContext.Connection.RemoteIpAddress = connection;
        });
        if (context.Response.StatusCode == StatusCodes.Status429TooManyRequests)
        {
            var problem = await JsonSerializer.DeserializeAsync<JsonElement>(context.Response.Body);
            Assert.Equal(ErrorCodes.RateLimited, problem.GetProperty("code").GetString());
            Assert.False(string.IsNullOrEmpty(context.Response.Headers.RetryAfter));
        }
        else if (context.Response.StatusCode != StatusCodes.Status201Created)
        {
            Assert.Fail($"{context.Response.StatusCode}: {Encoding.UTF8.GetString(((MemoryStream)context.Response.Body).ToArray())}");
        }
        return context.Response.StatusCode;
    }

    // The settings Azure would pass, without the tests' own trusted proxy: the app's default decides.
    private static Dictionary<string, string?> Settings(BothHostsFixture hosts)
    {
        var settings = TestSettings.For(hosts.Emulator.BaseAddress, hosts.StorageConnectionString, "e" + Guid.NewGuid().ToString("N")[..10]);
        settings.Remove(TestSettings.KnownProxySetting);
        settings["Limits:RegistrationsPerClient"] = "2";
        return settings;
    }
}
