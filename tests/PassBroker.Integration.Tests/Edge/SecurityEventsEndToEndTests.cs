using System.Diagnostics.Metrics;
using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Diagnostics.Metrics.Testing;
using PassBroker.Core.Telemetry;
using PassBroker.Http.Telemetry;
using PassBroker.Integration.Tests.Support;
using PassBroker.Testing.EndToEnd;
using PassBroker.Testing.Hosting.Azurite;

namespace PassBroker.Integration.Tests.Edge;

/// <summary>
/// Guessing at the edge leaves a trace: failed code entries, code-entry limit hits and refused admin credentials are
/// Warnings naming the client's address group (never what it tried) and counts of <c>passbroker.security.events</c>.
/// </summary>
[Collection(AzuriteCollection.Name)]
public sealed class SecurityEventsEndToEndTests(AzuriteFixture azurite) : IAsyncLifetime
{
    private PassBrokerApplication _app = null!;
    private MetricCollector<long> _events = null!;

    public async Task InitializeAsync()
    {
        _app = await PassBrokerApplication.StartAsync(azurite, "--SecondScreen:CodeAttemptsPerIp=3");
        _events = new MetricCollector<long>(_app.DevHost.Services.GetRequiredService<IMeterFactory>(), PassBrokerTelemetry.Name, SecurityEvents.CounterName);
    }

    public async Task DisposeAsync()
    {
        _events.Dispose();
        await _app.DisposeAsync();
    }

    [Fact]
    public async Task RefusedAdminCredentials_AreSecurityEvents_WithoutTheKey()
    {
        // Arrange
        const string guessed = "guessed-admin-key-0123456789-abcdefghij";
        using var guesser = _app.CreateClient(ip: "203.0.113.66");
        using var missing = _app.CreateClient(ip: "203.0.113.66");
        guesser.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", guessed);

        // Act
        var wrong = await guesser.PostAsync("/api/admin/data-keys/reseal", JsonContent.Create(new { }));
        var none = await missing.PostAsync("/api/admin/data-keys/reseal", JsonContent.Create(new { }));

        // Assert
        Assert.Equal(HttpStatusCode.Unauthorized, wrong.StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, none.StatusCode);
        var lines = SecurityLines(3201);
        Assert.Contains(lines, l => l.Contains("(invalid_admin_credential) from 203.0.113.66", StringComparison.Ordinal));
        Assert.Contains(lines, l => l.Contains("(missing_admin_credential) from 203.0.113.66", StringComparison.Ordinal));
        Assert.DoesNotContain(_app.Logs.Lines, l => l.Contains(guessed, StringComparison.Ordinal));
        Assert.Equal(2, Count(SecurityEventNames.AdminCredentialFailed));
    }

    [Fact]
    public async Task FailedCodeEntries_AreSecurityEvents_NamingTheSlash64_WithoutTheCode()
    {
        using var browser = Browser("2001:db8:5:6::7");

        var response = await browser.PostAsync("/authn", Form("QZX7WK9"));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains(SecurityLines(3200), l => l.Contains("from 2001:db8:5:6::/64", StringComparison.Ordinal));
        Assert.DoesNotContain(_app.Logs.Lines, l => l.Contains("QZX7WK9", StringComparison.OrdinalIgnoreCase));
        Assert.Equal(1, Count(SecurityEventNames.CodeEntryFailed));
    }

    [Fact]
    public async Task CodeEntries_AreLimitedPerSlash64_AndTheHitsCounted()
    {
        // Act: four addresses of one /64 (the limit is 3), and one of the next /64
        var statuses = new List<HttpStatusCode>();
        for (var i = 1; i <= 4; i++)
        {
            using var browser = Browser($"2001:db8:7:8::{i}");
            statuses.Add((await browser.PostAsync("/authn", Form($"GUESS{i}"))).StatusCode);
        }
        using var neighbour = Browser("2001:db8:7:9::1");
        var other = await neighbour.PostAsync("/authn", Form("GUESS5"));

        // Assert
        Assert.Equal([HttpStatusCode.BadRequest, HttpStatusCode.BadRequest, HttpStatusCode.BadRequest, HttpStatusCode.TooManyRequests], statuses);
        Assert.Equal(HttpStatusCode.BadRequest, other.StatusCode);
        Assert.Contains(SecurityLines(3202), l => l.Contains("code_entry_limited (client limit) for 2001:db8:7:8::/64", StringComparison.Ordinal));
        Assert.Equal(1, Count(SecurityEventNames.CodeEntryLimited));
        Assert.Equal(4, Count(SecurityEventNames.CodeEntryFailed));
    }

    private HttpClient Browser(string ip)
    {
        var client = _app.DevHost.CreateClient(followRedirects: false);
        client.DefaultRequestHeaders.Add("X-Forwarded-For", ip);
        return client;
    }

    private static FormUrlEncodedContent Form(string code) => new([KeyValuePair.Create("code", code)]);

    private List<string> SecurityLines(int eventId) =>
        [.. _app.Logs.Lines.Where(l => l.StartsWith("Warning", StringComparison.Ordinal) && l.Contains($"[{eventId}]", StringComparison.Ordinal))];

    private long Count(string securityEvent) => _events.GetMeasurementSnapshot()
        .Where(m => m.Tags.TryGetValue(SecurityEvents.EventTag, out var value) && (string?)value == securityEvent)
        .Sum(m => m.Value);
}
