using System.Diagnostics.Metrics;
using System.Net;
using System.Net.Http.Json;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Diagnostics.Metrics.Testing;
using PassBroker.Core.Errors;
using PassBroker.Core.Telemetry;
using PassBroker.Http.Telemetry;
using PassBroker.Integration.Tests.Support;
using PassBroker.Testing.EndToEnd;
using PassBroker.Testing.Hosting;
using PassBroker.Testing.Hosting.Azurite;

namespace PassBroker.Integration.Tests.Edge;

/// <summary>
/// The limits in front of Adobe, over real HTTP: registrations and sign-in starts counted per client (an IPv4 address,
/// an IPv6 /64) before any upstream call, with the client's address believed from <c>X-Forwarded-For</c> only when a
/// configured proxy sent it.
/// </summary>
[Collection(AzuriteCollection.Name)]
public sealed class ClientLimitsEndToEndTests(AzuriteFixture azurite)
{
    private const string RegisterPath = "/o/client/register";

    [Fact]
    public async Task Registrations_FromAnUntrustedCaller_IgnoreItsXForwardedFor_AndAreLimited()
    {
        // Arrange: the only trusted proxy is elsewhere, so the tests' loopback client is a client like any other
        await using var app = await PassBrokerApplication.StartAsync(azurite,
            $"--{TestSettings.KnownProxySetting}=203.0.113.250", "--Limits:RegistrationsPerClient=3");
        using var metrics = SecurityCounter(app);

        // Act: a script that names a new address in every request
        var answers = new List<HttpResponseMessage>();
        for (var i = 1; i <= 5; i++)
        {
            answers.Add(await RegisterAsync(app, $"untrusted-{i}", forwardedFor: $"198.51.100.{i}"));
        }

        // Assert: three went through, as loopback (the claimed addresses were ignored), then 429 before Adobe was asked
        Assert.All(answers.Take(3), a => Assert.Equal(HttpStatusCode.Created, a.StatusCode));
        foreach (var refused in answers.Skip(3))
        {
            await ProblemAssert.IsProblemAsync(refused, HttpStatusCode.TooManyRequests, ErrorCodes.RateLimited);
            Assert.InRange(refused.Headers.RetryAfter!.Delta!.Value.TotalSeconds, 1, 600);
        }
        var registrations = app.Upstream.Exchanges.Where(e => e.Path == RegisterPath).ToList();
        Assert.Equal(3, registrations.Count);
        Assert.All(registrations, e => Assert.Equal("127.0.0.1", e.Header("X-Forwarded-For")));
        Assert.Contains(app.Logs.Lines, l => l.StartsWith("Warning", StringComparison.Ordinal) && l.Contains("[3202]", StringComparison.Ordinal)
            && l.Contains("registration_limited (client limit) for 127.0.0.1", StringComparison.Ordinal));
        Assert.Equal(2, metrics.GetMeasurementSnapshot().Count(m => Tag(m.Tags, SecurityEvents.EventTag) == "registration_limited"
            && Tag(m.Tags, SecurityEvents.ScopeTag) == "client"));
    }

    [Fact]
    public async Task Registrations_ThroughATrustedProxy_AreCountedPerIpv6Slash64()
    {
        // Arrange: the tests' loopback client is the trusted proxy (the test default)
        await using var app = await PassBrokerApplication.StartAsync(azurite, "--Limits:RegistrationsPerClient=3");

        // Act: four addresses of one /64, then one address in each of four other /64s
        var sameLine = new List<HttpStatusCode>();
        for (var i = 1; i <= 4; i++)
        {
            sameLine.Add((await RegisterAsync(app, $"slash64-{i}", forwardedFor: $"[2001:db8:1:2::{i:x}]:51734")).StatusCode);
        }
        var otherLines = new List<HttpStatusCode>();
        for (var i = 1; i <= 4; i++)
        {
            otherLines.Add((await RegisterAsync(app, $"other64-{i}", forwardedFor: $"2001:db8:1:{i + 2:x}::1")).StatusCode);
        }

        // Assert: the /64 got three, the others one each, and Adobe was told each device's own address
        Assert.Equal([HttpStatusCode.Created, HttpStatusCode.Created, HttpStatusCode.Created, HttpStatusCode.TooManyRequests], sameLine);
        Assert.All(otherLines, status => Assert.Equal(HttpStatusCode.Created, status));
        var forwarded = app.Upstream.Exchanges.Where(e => e.Path == RegisterPath).Select(e => e.Header("X-Forwarded-For")).ToList();
        Assert.Contains("2001:db8:1:2::3", forwarded);
        Assert.Contains("2001:db8:1:6::1", forwarded);
        Assert.DoesNotContain("127.0.0.1", forwarded);
    }

    [Fact]
    public async Task Registrations_OverTheInstanceLimit_AreRefusedWhateverTheClient()
    {
        await using var app = await PassBrokerApplication.StartAsync(azurite, "--Limits:RegistrationsPerInstance=2");

        var statuses = new List<HttpStatusCode>();
        for (var i = 1; i <= 3; i++)
        {
            statuses.Add((await RegisterAsync(app, $"instance-{i}", forwardedFor: $"203.0.113.{i}")).StatusCode);
        }

        Assert.Equal([HttpStatusCode.Created, HttpStatusCode.Created, HttpStatusCode.TooManyRequests], statuses);
        Assert.Contains(app.Logs.Lines, l => l.Contains("registration_limited (instance limit) for 203.0.113.3", StringComparison.Ordinal));
        Assert.Equal(2, app.Upstream.Exchanges.Count(e => e.Path == RegisterPath));
    }

    [Fact]
    public async Task SignInStarts_OverTheClientLimit_Are429BeforeAdobeIsAsked()
    {
        // Arrange
        await using var app = await PassBrokerApplication.StartAsync(azurite, "--Limits:SignInsPerClient=2");
        var (tv, _, _) = await app.RegisterDeviceAsync("signin-limit-tv");

        // Act
        var first = await tv.PostAsJsonAsync("/api/authentication/sessions", new { mvpd = "ExampleCable" });
        var second = await tv.PostAsJsonAsync("/api/authentication/sessions", new { mvpd = "ExampleCable" });
        var third = await tv.PostAsJsonAsync("/api/authentication/sessions", new { mvpd = "ExampleCable" });
        using var neighbour = (await app.RegisterDeviceAsync("signin-limit-neighbour")).Client;
        neighbour.DefaultRequestHeaders.Remove("X-Forwarded-For");
        neighbour.DefaultRequestHeaders.Add("X-Forwarded-For", "203.0.113.77");
        var other = await neighbour.PostAsJsonAsync("/api/authentication/sessions", new { mvpd = "ExampleCable" });

        // Assert: the third start never reached Adobe; another address starts as usual
        Assert.Equal(HttpStatusCode.Accepted, first.StatusCode);
        Assert.Equal(HttpStatusCode.Accepted, second.StatusCode);
        await ProblemAssert.IsProblemAsync(third, HttpStatusCode.TooManyRequests, ErrorCodes.RateLimited);
        Assert.NotNull(third.Headers.RetryAfter);
        Assert.Equal(HttpStatusCode.Accepted, other.StatusCode);
        Assert.Equal(3, app.Upstream.Exchanges.Count(e => e.Method == "POST" && e.Path == "/api/v2/REF30/sessions"));
        Assert.Contains(app.Logs.Lines, l => l.Contains("signin_limited (client limit) for " + PassBrokerApplication.DeviceIp, StringComparison.Ordinal));
    }

    private static async Task<HttpResponseMessage> RegisterAsync(PassBrokerApplication app, string deviceId, string forwardedFor)
    {
        using var client = app.DevHost.CreateClient();
        client.DefaultRequestHeaders.Add("X-Forwarded-For", forwardedFor);
        var response = await client.PostAsJsonAsync("/api/devices", TestRequests.Registration(deviceId));
        await response.Content.LoadIntoBufferAsync();
        return response;
    }

    private static MetricCollector<long> SecurityCounter(PassBrokerApplication app) =>
        new(app.DevHost.Services.GetRequiredService<IMeterFactory>(), PassBrokerTelemetry.Name, SecurityEvents.CounterName);

    private static string? Tag(IReadOnlyDictionary<string, object?> tags, string name) => tags.TryGetValue(name, out var value) ? value as string : null;
}
