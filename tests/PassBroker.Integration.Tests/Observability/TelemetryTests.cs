using System.Diagnostics;
using System.Net.Http.Json;
using System.Text.Json;
using PassBroker.Integration.Tests.Support;
using PassBroker.Testing.EndToEnd;
using PassBroker.Testing.Hosting.Azurite;

namespace PassBroker.Integration.Tests.Observability;

/// <summary>
/// A sign-in and a play through the DevHost with in-memory exporters: the spans and metric points operators rely on
/// exist, one trace runs from the app's request through PassBroker to the Adobe call, every log line of a request
/// carries its trace id, device key and brand, and nothing exported holds a token or an e-mail.
/// </summary>
[Collection(AzuriteCollection.Name)]
public sealed class TelemetryTests(AzuriteFixture azurite) : IAsyncLifetime
{
    private const string Mvpd = "ExampleCable";
    private const string Email = "Telemetry.Viewer@Example.org";

    private readonly TelemetryCapture _telemetry = new();
    private PassBrokerApplication _app = null!;

    public async Task InitializeAsync() => _app = await PassBrokerApplication.StartAsync(azurite, _telemetry.Configure);

    public async Task DisposeAsync() => await _app.DisposeAsync();

    [Fact]
    public async Task SignInAndAuthorize_ExportTheFunnelSpansAndMetricsWithoutSecrets()
    {
        // Arrange: a device signs in, plays a title, and gives its e-mail for a promotional trial.
        var (device, deviceToken, deviceKey) = await _app.RegisterDeviceAsync("telemetry-tv");
        await _app.SignInAsync(device, "alice", "alice-pw", Mvpd);
        var authorize = await device.PostAsJsonAsync("/api/decisions/authorize", new { resource = "show-1" });
        var decision = await authorize.Content.ReadFromJsonAsync<JsonElement>();
        (await device.PostAsJsonAsync("/api/temppass", new { kind = "promotional", email = Email })).EnsureSuccessStatusCode();

        // Act
        TelemetryCapture.Flush(_app.DevHost.Services);

        // Assert: the app's request is a server span; the Adobe call is an HttpClient span in the same trace, below it.
        var server = Assert.Single(_telemetry.Spans, s => s.Kind == ActivityKind.Server && Tag(s, "url.path") == "/api/decisions/authorize");
        Assert.Equal(deviceKey, Tag(server, "passbroker.device_key"));
        // A single-brand deployment: every device is the default brand's, named by its public id.
        Assert.Equal("default", Tag(server, "passbroker.brand"));
        Assert.Equal((Mvpd, "permit"), (Tag(server, "passbroker.mvpd"), Tag(server, "passbroker.decision")));
        var upstream = Assert.Single(_telemetry.Spans, s => s.Kind == ActivityKind.Client && s.TraceId == server.TraceId
            && Tag(s, "url.template") == "/api/v2/{serviceProvider}/decisions/authorize/{mvpd}");
        Assert.Contains(server.SpanId, Ancestors(upstream));
        var adobeCall = Assert.Single(_telemetry.Spans, s => s.SpanId == upstream.ParentSpanId);
        Assert.Equal((Mvpd, "200", "default"), (Tag(adobeCall, "passbroker.mvpd"), Tag(adobeCall, "http.response.status_code"), Tag(adobeCall, "passbroker.brand")));
        Assert.Contains(_telemetry.Spans, s => s.DisplayName == "passbroker.decisions.fetch" && s.TraceId == server.TraceId);

        // The poll that found the profile: its own trace, with its Adobe call inside.
        var poll = Assert.Single(_telemetry.Spans, s => s.DisplayName == "passbroker.signin.poll" && Tag(s, "passbroker.signin.status") == "authenticated");
        Assert.Equal((Mvpd, deviceKey, "default"), (Tag(poll, "passbroker.mvpd"), Tag(poll, "passbroker.device_key"), Tag(poll, "passbroker.brand")));
        Assert.Contains(_telemetry.Spans, s => s.Kind == ActivityKind.Client && s.TraceId == poll.TraceId && Tag(s, "url.template") == "/api/v2/{serviceProvider}/profiles/{mvpd}");

        // The metric points of the funnel, per MVPD.
        Assert.Contains(_telemetry.Points("passbroker.signin.started"), p => p["passbroker.mvpd"] == Mvpd && p["passbroker.brand"] == "default");
        Assert.Contains(_telemetry.Points("passbroker.signin.completed"), p => p["passbroker.mvpd"] == Mvpd);
        Assert.Contains(_telemetry.Points("passbroker.signin.polls"), p => p["passbroker.mvpd"] == Mvpd && p["passbroker.signin.status"] == "authenticated");
        Assert.Contains(_telemetry.Points("passbroker.signin.duration"), p => p["passbroker.mvpd"] == Mvpd);
        Assert.Contains(_telemetry.Points("passbroker.authorize.decisions"), p =>
            p["passbroker.mvpd"] == Mvpd && p["passbroker.decision"] == "permit" && p["passbroker.reason"] == "none" && p["passbroker.decision.source"] == "mvpd"
            && p["passbroker.brand"] == "default");
        Assert.Contains(_telemetry.Points("passbroker.upstream.duration"), p =>
            p["passbroker.upstream.operation"] == "/api/v2/{serviceProvider}/decisions/authorize/{mvpd}" && p["passbroker.mvpd"] == Mvpd && p["http.response.status_code"] == "200");

        // No exported value holds a credential or the e-mail.
        var secrets = new List<string> { deviceToken, deviceToken.Split('.')[2], Email, Email.ToLowerInvariant() };
        secrets.AddRange(_telemetry.UpstreamCredentials.Distinct());
        secrets.Add(decision.GetProperty("mediaToken").GetProperty("serializedToken").GetString()!);
        Assert.True(_telemetry.UpstreamCredentials.Count > 0, "No upstream credential was recorded: the leak check would prove nothing.");
        var values = _telemetry.AttributeValues().ToList();
        Assert.All(secrets, secret => Assert.DoesNotContain(values, v => v.Contains(secret, StringComparison.OrdinalIgnoreCase)));
    }

    [Fact]
    public async Task LogLinesOfARequest_CarryItsTraceIdAndDeviceKey()
    {
        // Arrange
        var (device, _, deviceKey) = await _app.RegisterDeviceAsync("correlated-tv");
        await _app.SignInAsync(device, "alice", "alice-pw", Mvpd);
        _telemetry.Logs.Clear();

        // Act
        (await device.PostAsJsonAsync("/api/decisions/authorize", new { resource = "show-1" })).EnsureSuccessStatusCode();
        TelemetryCapture.Flush(_app.DevHost.Services);

        // Assert: the authorize line (Core's event 1301) has the request's trace id and the device key in its scopes.
        var server = Assert.Single(_telemetry.Spans, s => s.Kind == ActivityKind.Server && Tag(s, "url.path") == "/api/decisions/authorize");
        var line = Assert.Single(_telemetry.Logs.GetSnapshot(), r => r.Id.Id == 1301);
        var scopes = line.Scopes.OfType<IEnumerable<KeyValuePair<string, object?>>>().SelectMany(s => s).ToList();
        Assert.Contains(scopes, kv => kv.Key == "TraceId" && Equals(kv.Value?.ToString(), server.TraceId.ToHexString()));
        Assert.Contains(scopes, kv => kv.Key == "DeviceKey" && Equals(kv.Value, deviceKey));
        Assert.Contains(scopes, kv => kv.Key == "Brand" && Equals(kv.Value, "default"));
    }

    private static string? Tag(Activity span, string name) =>
        span.GetTagItem(name) is { } value ? Convert.ToString(value, System.Globalization.CultureInfo.InvariantCulture) : null;

    private List<ActivitySpanId> Ancestors(Activity span)
    {
        var ancestors = new List<ActivitySpanId>();
        for (var parent = span.ParentSpanId; parent != default; parent = _telemetry.Spans.FirstOrDefault(s => s.SpanId == parent)?.ParentSpanId ?? default)
        {
            ancestors.Add(parent);
        }
        return ancestors;
    }
}
